// The node as a service: `syncdesk-node run --http` against a real Dovecot, started the way systemd starts a
// Type=notify unit (NOTIFY_SOCKET, WATCHDOG_USEC): readiness, watchdog pings and stopping arrive on the socket;
// /metrics validates with Prometheus' own promtool and its figures match the store after the sync; /healthz and
// /readyz answer. The HTTP server is also tested alone (readiness reasons, refused requests), and so are the
// text format, the listen address, the configuration key and the journal fields.

#include "../../app/node/systemdservice.h"
#include "config/configparser.h"
#include "dovecotserver.h"
#include "mailfactory.h"
#include "metrics/enginemetrics.h"
#include "metrics/listenaddress.h"
#include "metrics/metricsreport.h"
#include "metrics/metricsserver.h"
#include "metrics/promtext.h"
#include "synchelper.h"
#include "testconfig.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int kMessages = 30;

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

// One request, the whole answer (the server closes the connection after it).
QByteArray request(quint16 port, const QByteArray &raw)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000)) {
        return {};
    }
    socket.write(raw);
    QByteArray answer;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(10000)) {
        answer += socket.readAll();
    }
    return answer + socket.readAll();
}

QByteArray get(quint16 port, const QByteArray &path)
{
    return request(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
}

int statusOf(const QByteArray &answer)
{
    return answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : -1;
}

QByteArray bodyOf(const QByteArray &answer)
{
    const qsizetype end = answer.indexOf("\r\n\r\n");
    return end < 0 ? QByteArray() : answer.mid(end + 4);
}

// "name{labels}" → value, for the samples of a page.
QHash<QString, double> samples(const QByteArray &page)
{
    QHash<QString, double> values;
    for (const QByteArray &line : page.split('\n')) {
        if (line.isEmpty() || line.startsWith('#')) {
            continue;
        }
        const qsizetype space = line.lastIndexOf(' ');
        values.insert(QString::fromUtf8(line.left(space)), line.mid(space + 1).toDouble());
    }
    return values;
}

// The datagram socket systemd listens on (sd_notify(3)): what the service sends, one message per datagram.
class NotifySocket
{
public:
    bool bind(const QString &path)
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_un address = {};
        address.sun_family = AF_UNIX;
        const QByteArray native = QFile::encodeName(path);
        if (m_fd < 0 || native.size() >= qsizetype(sizeof(address.sun_path))) {
            return false;
        }
        std::copy(native.cbegin(), native.cend(), address.sun_path);
        if (::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0) {
            return false;
        }
        m_notifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, [this] {
            char buffer[4096];
            ssize_t size = 0;
            while ((size = ::recv(m_fd, buffer, sizeof(buffer), 0)) > 0) {
                messages.append(QString::fromUtf8(buffer, size));
            }
        });
        return true;
    }
    ~NotifySocket()
    {
        m_notifier.reset();
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    bool received(const QString &needle) const
    {
        return std::any_of(messages.cbegin(), messages.cend(),
                           [&](const QString &message) { return message.contains(needle); });
    }

    QStringList messages;

private:
    int m_fd = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void textFormat();
    void engineProblemsAreNotSyncs();
    void listenAddresses();
    void configurationKey();
    void journalFields();
    void serverAnswersAndRefuses();
    void nodeServesMetricsUnderSystemd();

private:
    DovecotServer m_dovecot;
    QTemporaryDir m_dir;
    QString m_config;
};

void TestMetrics::initTestCase()
{
    if (!DovecotServer::isAvailable()) {
        if (qEnvironmentVariableIsSet("CI")) {
            QFAIL("Dovecot is missing; scripts/test.sh installs it");
        }
        QSKIP("Dovecot is missing; scripts/test.sh installs it");
    }
    QVERIFY(m_dovecot.setUser(u"ana"_s, u"pw"_s));
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    QVERIFY2(m_dovecot.bulkDeliver(
                 u"ana"_s, kMessages,
                 [](int n) {
                     return MailFactory::build(
                         MailFactory::realistic(u"ana@metrics.test"_s, n, QDateTime::currentDateTimeUtc()));
                 },
                 &error),
             qPrintable(error));
    TestConfig config(m_dir.filePath(u"cfg"_s));
    config.addProfile(u"local"_s, m_dovecot, u"none"_s);
    config.addMailbox(u"ana@metrics.test"_s, u"local"_s, u"ana"_s, u"pw"_s);
    m_config = config.write();
}

void TestMetrics::textFormat()
{
    PromText text;
    text.family("syncdesk_x", "gauge", "A test.");
    text.sample("syncdesk_x", {{u"profile"_s, u"a \"quoted\" \\ name\nnext"_s}}, 0.1);
    text.sample("syncdesk_x", 42);
    QCOMPARE(text.text(), QByteArray("# HELP syncdesk_x A test.\n# TYPE syncdesk_x gauge\n"
                                     "syncdesk_x{profile=\"a \\\"quoted\\\" \\\\ name\\nnext\"} 0.1\n"
                                     "syncdesk_x 42\n"));
    QCOMPARE(PromText::number(2.5), QByteArray("2.5"));
    QCOMPARE(PromText::number(qInf()), QByteArray("+Inf"));
}

void TestMetrics::engineProblemsAreNotSyncs()
{
    EngineMetrics metrics;
    const QDateTime start = QDateTime::currentDateTimeUtc();
    SyncOutcome ok;
    ok.startedAt = start;
    ok.finishedAt = start.addMSecs(1500);
    ok.itemsNew = 3;
    ok.emailsSent = 1;
    metrics.recordSync(ok);
    // This engine's own problems (its store fails, it cannot read the password) and a lost lease are not
    // syncs of the mailbox: nothing in syncs_total, and only the store's failure is a store error.
    for (const SyncError &problem : {SyncError::make(ErrorClass::Store, u"store-locked"_s, u"database is locked"_s),
                                     SyncError::make(ErrorClass::Config, u"password-unavailable"_s, u"PW is not set"_s),
                                     SyncError::make(ErrorClass::Cancelled, u"lease-lost"_s, u"lease lost"_s)}) {
        SyncOutcome failed = ok;
        failed.error = problem;
        metrics.recordSync(failed);
    }
    EngineMetrics::Snapshot view = metrics.snapshot();
    QCOMPARE(view.syncs.size(), std::size_t(2)); // incoming ok, outgoing ok
    QCOMPARE((view.syncs[{u"incoming"_s, u"ok"_s, u"none"_s}]), quint64(1));
    QCOMPARE((view.syncs[{u"outgoing"_s, u"ok"_s, u"none"_s}]), quint64(1));
    QCOMPARE(view.itemsStored[u"incoming"_s], quint64(3));
    // The run's duration is observed once, for incoming; the outgoing direction has no duration of its own.
    QCOMPARE(view.durations.size(), std::size_t(1));
    QCOMPARE(view.durations[u"incoming"_s].count, quint64(1));
    QCOMPARE(view.durations[u"incoming"_s].buckets[3], quint64(0)); // le=1
    QCOMPARE(view.durations[u"incoming"_s].buckets[4], quint64(1)); // le=2.5, cumulative from here
    QCOMPARE(view.durations[u"incoming"_s].buckets[10], quint64(1));

    // Alive (the scheduler's loop turns) is not ready (its heartbeat reaches the store): the watchdog follows
    // the first, so a database outage does not get the node killed.
    QVERIFY(!view.schedulerAlive(QDateTime::currentDateTimeUtc()));
    metrics.recordSchedulerPass(QDateTime::currentDateTimeUtc(), 5);
    view = metrics.snapshot();
    QVERIFY(view.schedulerAlive(QDateTime::currentDateTimeUtc()));
    QVERIFY(!view.lastHeartbeat.isValid());
    QVERIFY(!view.schedulerAlive(QDateTime::currentDateTimeUtc().addSecs(16)));

    // Every state of every direction is on the page, zeros included, so that no line of a graph disappears.
    const QByteArray page = MetricsReport::render(view, nullptr, QDateTime::currentDateTimeUtc(), u"1"_s);
    QVERIFY2(page.contains("syncdesk_store_up 0\n"), page.constData());
    PromText help;
    help.family("syncdesk_y", "gauge", "back\\slash\nnewline");
    QCOMPARE(help.text(), QByteArray("# HELP syncdesk_y back\\\\slash\\nnewline\n# TYPE syncdesk_y gauge\n"));
}

void TestMetrics::listenAddresses()
{
    QCOMPARE(ListenAddress::parse(u"127.0.0.1:9464"_s)->port, quint16(9464));
    QCOMPARE(ListenAddress::parse(u"[::1]:9464"_s)->host, QHostAddress(QHostAddress::LocalHostIPv6));
    QCOMPARE(ListenAddress::parse(u"[::1]:9464"_s)->toString(), u"[::1]:9464"_s);
    for (const QString &bad : {u"localhost:9464"_s, u"127.0.0.1"_s, u"127.0.0.1:0"_s, u"127.0.0.1:70000"_s,
                               u"::1:9464"_s, u":9464"_s, u""_s}) {
        const auto parsed = ListenAddress::parse(bad);
        QVERIFY2(!parsed, qPrintable(bad));
        QVERIFY2(parsed.error().message.contains(u"127.0.0.1:9464"_s), qPrintable(parsed.error().message));
    }
}

void TestMetrics::configurationKey()
{
    const auto good = ConfigParser::parse(R"({"metrics": {"listen": "127.0.0.1:9464"}})", m_dir.path());
    QVERIFY(std::holds_alternative<ConfigFile>(good));
    QCOMPARE(std::get<ConfigFile>(good).metrics->value(u"listen"_s).toString(), u"127.0.0.1:9464"_s);
    const auto bad = ConfigParser::parse(R"({"metrics": {"listen": "localhost:9464", "port": 1}})", m_dir.path());
    const auto *issues = std::get_if<QList<ConfigIssue>>(&bad);
    QVERIFY(issues);
    QStringList texts;
    for (const ConfigIssue &issue : *issues) {
        texts.append(issue.toString());
    }
    QVERIFY2(texts.join(u'\n').contains(u"$.metrics.listen"_s), qPrintable(texts.join(u'\n')));
    QVERIFY2(texts.join(u'\n').contains(u"$.metrics"_s) && texts.join(u'\n').contains(u"port"_s),
             qPrintable(texts.join(u'\n')));
}

void TestMetrics::journalFields()
{
    LogRecord record;
    record.level = LogLevel::Error;
    record.category = u"sync"_s;
    record.mailbox = u"ana@contoso.com"_s;
    record.message = u"sync failed: Network: refused"_s;
    record.errorClass = u"Network"_s;
    record.hintId = u"connection-refused"_s;
    QCOMPARE(SystemdService::journalFields(record),
             (QList<QByteArray>{"MESSAGE=sync failed: Network: refused", "PRIORITY=3",
                                "SYSLOG_IDENTIFIER=syncdesk-node", "CATEGORY=sync", "MAILBOX=ana@contoso.com",
                                "ERROR_CLASS=Network", "HINT=connection-refused"}));
    record = {};
    record.level = LogLevel::Info;
    record.message = u"engine started"_s;
    QCOMPARE(SystemdService::journalFields(record).size(), 3); // no empty fields
    qputenv("SYNCDESK_LOG", "journal");
    QVERIFY(SystemdService::stderrIsJournal());
    qputenv("SYNCDESK_LOG", "");
    qputenv("JOURNAL_STREAM", "1:2");
    QVERIFY(!SystemdService::stderrIsJournal()); // not this process's stderr
    qunsetenv("JOURNAL_STREAM");
}

void TestMetrics::serverAnswersAndRefuses()
{
    auto metrics = std::make_shared<EngineMetrics>();
    MetricsServer server(StoreConfig::sqlite(m_dir.filePath(u"alone.db"_s)), metrics, u"9.9.9"_s);
    ListenAddress any;
    any.host = QHostAddress::LocalHost;
    QVERIFY(server.listen(any));
    const quint16 port = server.port();
    QVERIFY(port != 0);
    // A second server on the same port: a clear error naming the address.
    MetricsServer second(StoreConfig::sqlite(m_dir.filePath(u"alone.db"_s)), metrics, u"9.9.9"_s);
    ListenAddress taken = any;
    taken.port = port;
    const Status refused = second.listen(taken);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(taken.toString()), qPrintable(refused.error().message));

    QCOMPARE(statusOf(get(port, "/healthz")), 200);
    // Not ready: no scheduler, no heartbeat; each reason on its line.
    QByteArray ready = get(port, "/readyz");
    QCOMPARE(statusOf(ready), 503);
    QVERIFY2(bodyOf(ready).contains("scheduler: not running"), ready.constData());
    QVERIFY2(bodyOf(ready).contains("heartbeat: none yet"), ready.constData());
    metrics->setSchedulerRunning(true);
    metrics->recordHeartbeat({}, {}, 2, 0, QDateTime::currentDateTimeUtc(), 5);
    ready = get(port, "/readyz");
    QCOMPARE(statusOf(ready), 200);
    // A heartbeat older than three periods: a stalled scheduler is not ready.
    metrics->recordHeartbeat({}, {}, 2, 0, QDateTime::currentDateTimeUtc().addSecs(-16), 5);
    ready = get(port, "/readyz");
    QCOMPARE(statusOf(ready), 503);
    QVERIFY2(bodyOf(ready).contains("heartbeat: 16 s old"), ready.constData());

    QCOMPARE(statusOf(request(port, "POST /metrics HTTP/1.1\r\nContent-Length: 0\r\n\r\n")), 405);
    QCOMPARE(statusOf(get(port, "/nothing")), 404);
    QCOMPARE(statusOf(request(port, "nonsense\r\n\r\n")), 400);
    QCOMPARE(statusOf(request(port, "GET /metrics HTTP/1.1\r\nX-Long: " + QByteArray(9000, 'a'))), 431);
    const QByteArray head = request(port, "HEAD /metrics HTTP/1.1\r\n\r\n");
    QCOMPARE(statusOf(head), 200);
    QVERIFY(bodyOf(head).isEmpty());
    const QByteArray page = bodyOf(get(port, "/metrics?x=1"));
    QVERIFY2(page.contains("syncdesk_build_info{version=\"9.9.9\"} 1\n"), page.constData());
    // A request line ended by bare line feeds is answered too.
    QCOMPARE(statusOf(request(port, "GET /healthz HTTP/1.0\n\n")), 200);

    // A database it cannot reach: not ready, said so, and /metrics still answers with what the engine counted.
    QFile blocker(m_dir.filePath(u"a-file"_s)); // a folder cannot be made where a file is
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    MetricsServer unreachable(StoreConfig::sqlite(m_dir.filePath(u"a-file/x.db"_s)), metrics, u"9.9.9"_s);
    QVERIFY(unreachable.listen(any));
    metrics->recordHeartbeat({}, {}, 2, 0, QDateTime::currentDateTimeUtc(), 5);
    ready = get(unreachable.port(), "/readyz");
    QCOMPARE(statusOf(ready), 503);
    QVERIFY2(bodyOf(ready) == "store: not reachable\n", ready.constData());
    const QByteArray without = bodyOf(get(unreachable.port(), "/metrics"));
    QVERIFY2(without.contains("syncdesk_store_up 0\n") && without.contains("syncdesk_workers 2\n") &&
                 !without.contains("syncdesk_mailboxes{"),
             without.constData());
}

void TestMetrics::nodeServesMetricsUnderSystemd()
{
    const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
    if (promtool.isEmpty()) {
        if (qEnvironmentVariableIsSet("CI")) {
            QFAIL("promtool is missing (Debian's prometheus); scripts/test.sh installs it");
        }
        QSKIP("promtool is missing (Debian's prometheus); scripts/test.sh installs it");
    }
    const QString db = m_dir.filePath(u"node.db"_s);
    QProcess import;
    import.start(QStringLiteral(SYNCDESK_NODE_BINARY), {u"--db"_s, db, u"config"_s, u"import"_s, m_config});
    QVERIFY(import.waitForFinished(30000));
    QCOMPARE(import.exitCode(), 0);

    NotifySocket notify;
    QVERIFY(notify.bind(m_dir.filePath(u"notify.sock"_s)));
    const quint16 port = freePort();
    QProcess node;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"NOTIFY_SOCKET"_s, m_dir.filePath(u"notify.sock"_s));
    environment.insert(u"WATCHDOG_USEC"_s, u"1000000"_s); // a ping every half second
    node.setProcessEnvironment(environment);
    node.setProcessChannelMode(QProcess::MergedChannels);
    node.start(QStringLiteral(SYNCDESK_NODE_BINARY),
               {u"--db"_s, db, u"run"_s, u"--http"_s, u"127.0.0.1:"_s + QString::number(port)});
    QVERIFY(node.waitForStarted(10000));
    auto stop = qScopeGuard([&node] {
        if (node.state() != QProcess::NotRunning) {
            node.kill();
            node.waitForFinished(10000);
        }
    });
    QTRY_VERIFY2_WITH_TIMEOUT(notify.received(u"READY=1"_s), qPrintable(notify.messages.join(u'|')), 20000);
    QTRY_VERIFY2_WITH_TIMEOUT(notify.received(u"WATCHDOG=1"_s), qPrintable(notify.messages.join(u'|')), 10000);

    // The first sync stored every message; then the page says so.
    const qint64 mailbox = SyncHelper::mailboxId(StoreConfig::sqlite(db), u"ana@metrics.test"_s);
    QTRY_COMPARE_WITH_TIMEOUT(SyncHelper::activityCount(StoreConfig::sqlite(db), mailbox), qint64(kMessages), 30000);
    QHash<QString, double> values;
    QByteArray page;
    QTRY_VERIFY_WITH_TIMEOUT((page = bodyOf(get(port, "/metrics")), values = samples(page),
                              values.value(u"syncdesk_items_stored_total{direction=\"incoming\"}"_s) >= kMessages),
                             20000);
    QVERIFY(values.value(u"syncdesk_syncs_total{direction=\"incoming\",result=\"ok\",error_class=\"none\"}"_s) >= 1);
    QCOMPARE(values.value(u"syncdesk_items_stored_total{direction=\"incoming\"}"_s), double(kMessages));
    QCOMPARE(values.value(u"syncdesk_mailboxes{direction=\"incoming\",state=\"ok\"}"_s), 1.0);
    QCOMPARE(values.value(u"syncdesk_mailboxes{direction=\"incoming\",state=\"failing\"}"_s), 0.0);
    QCOMPARE(values.value(u"syncdesk_store_up"_s), 1.0);
    // Zeros for the states no mailbox is in, for every direction: lines of a graph do not vanish at 0.
    QVERIFY(values.contains(u"syncdesk_mailboxes{direction=\"outgoing\",state=\"stuck\"}"_s));
    QVERIFY(values.contains(u"syncdesk_mailboxes{direction=\"act\",state=\"failing\"}"_s));
    QCOMPARE(values.value(u"syncdesk_connections_max{profile=\"local\"}"_s), 10.0);
    QVERIFY(values.value(u"syncdesk_workers"_s) >= 1);
    QVERIFY(values.contains(u"syncdesk_sync_duration_seconds_bucket{direction=\"incoming\",le=\"+Inf\"}"_s));
    QVERIFY(values.value(u"syncdesk_heartbeat_age_seconds"_s) >= 0);
    // No label carries a mailbox or a message.
    QVERIFY(!page.contains("ana@metrics.test"));

    // Prometheus' own checker: format and naming conventions (units, _total).
    QProcess check;
    check.start(promtool, {u"check"_s, u"metrics"_s});
    QVERIFY(check.waitForStarted(10000));
    check.write(page);
    check.closeWriteChannel();
    QVERIFY(check.waitForFinished(30000));
    const QByteArray verdict = check.readAllStandardOutput() + check.readAllStandardError();
    QVERIFY2(check.exitCode() == 0 && verdict.trimmed().isEmpty(), verdict.constData());

    QCOMPARE(statusOf(get(port, "/healthz")), 200);
    QCOMPARE(statusOf(get(port, "/readyz")), 200);

    // systemctl stop: STOPPING=1, running syncs finish, exit 0.
    ::kill(pid_t(node.processId()), SIGTERM);
    QVERIFY(node.waitForFinished(30000));
    QCOMPARE(node.exitStatus(), QProcess::NormalExit);
    QVERIFY2(node.exitCode() == 0, node.readAll().constData());
    QTRY_VERIFY2_WITH_TIMEOUT(notify.received(u"STOPPING=1"_s), qPrintable(notify.messages.join(u'|')), 5000);
}

QTEST_MAIN(TestMetrics)
#include "tst_metrics.moc"
