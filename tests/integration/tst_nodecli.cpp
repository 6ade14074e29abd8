// Runs the real syncdesk-node binary against a private Dovecot, as an administrator would.

#include "dovecotserver.h"
#include "mailfactory.h"
#include "noderunner.h"
#include "store/retentionstore.h"
#include "store/store.h"
#include "testconfig.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestNodeCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpAndUsageErrors();
    void importReportsEveryProblemWithItsPath();
    void importTwiceUpdatesNeverDuplicates();
    void syncOnceExitCodeAndFailuresOnStderr();
    void syncOnceOneMailbox();
    void statusJsonHasTheDocumentedShape();
    void exportActivitiesJsonl();
    void runSyncsUntilSigtermThenStopsCleanly();
    void defaultDatabaseLivesInAppData();
    void enableDisableAndOverdueWithoutEngine();
    void maintenanceJsonPrunesByAge();

private:
    NodeRun node(const QStringList &arguments,
                 const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    QJsonArray statusJson();
    QString writeConfig(const QString &name, const QJsonObject &json);

    DovecotServer m_dovecot;
    QTemporaryDir m_dir;
    QString m_db;
    QString m_goodConfig;
};

NodeRun TestNodeCli::node(const QStringList &arguments, const QProcessEnvironment &environment)
{
    // The arguments carry --db themselves: some tests leave it out, to check the default database.
    return runNode(QStringLiteral(SYNCDESK_NODE_BINARY), QString(), arguments, {}, environment, 60000);
}

QJsonArray TestNodeCli::statusJson()
{
    const NodeRun run = node({u"--db"_s, m_db, u"status"_s, u"--json"_s});
    if (run.exitCode != 0) {
        return {};
    }
    return QJsonDocument::fromJson(run.out.toUtf8()).array();
}

QString TestNodeCli::writeConfig(const QString &name, const QJsonObject &json)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        file.write(QJsonDocument(json).toJson());
    }
    return path;
}

void TestNodeCli::initTestCase()
{
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    QVERIFY(QFile::exists(QStringLiteral(SYNCDESK_NODE_BINARY)));
    m_dovecot.setUser(u"alice"_s, u"alice-pw"_s);
    m_dovecot.setUser(u"bob"_s, u"bob-pw"_s);
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    const QDateTime base(QDate(2026, 10, 1), QTime(8, 30), Qt::UTC);
    for (int i = 0; i < 4; ++i) {
        QVERIFY(
            m_dovecot.deliver(u"alice"_s, u"INBOX"_s,
                              MailFactory::build(MailFactory::realistic(u"alice@corp.test"_s, i, base.addDays(i)))));
    }
    m_db = m_dir.filePath(u"node.db"_s);
    TestConfig config(m_dir.filePath(u"cfg"_s));
    config.addProfile(u"Corp IMAP"_s, m_dovecot, u"starttls"_s, 4);
    config.addMailbox(u"Alice@Corp.test"_s, u"Corp IMAP"_s, u"alice"_s, u"alice-pw"_s);
    config.addMailbox(u"bob@corp.test"_s, u"Corp IMAP"_s, u"bob"_s, u"not-bobs-password"_s);
    m_goodConfig = config.write();
}

void TestNodeCli::helpAndUsageErrors()
{
    NodeRun run = node({u"--help"_s});
    QCOMPARE(run.exitCode, 0);
    for (const QString &command :
         {u"config import"_s, u"sync --once"_s, u"status"_s, u"export activities"_s, u"run"_s}) {
        QVERIFY2(run.out.contains(command), qPrintable(command));
    }
    run = node({u"--db"_s, m_db, u"frobnicate"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(u"unknown command 'frobnicate'"_s));
    run = node({u"--db"_s, m_db, u"status"_s, u"--once"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(u"--once is not an option of 'status'"_s));
    run = node({u"--db"_s, m_db, u"sync"_s});
    QCOMPARE(run.exitCode, 2);
    run = node({u"--db"_s, m_db, u"config"_s, u"import"_s, m_dir.filePath(u"missing.json"_s)});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(u"cannot read the file"_s));
}

void TestNodeCli::importReportsEveryProblemWithItsPath()
{
    QJsonObject bad = QJsonDocument::fromJson([&] {
                          QFile file(m_goodConfig);
                          (void)file.open(QIODevice::ReadOnly);
                          return file.readAll();
                      }())
                          .object();
    QJsonArray profiles = bad.value(u"server_profiles"_s).toArray();
    QJsonObject profile = profiles.at(0).toObject();
    QJsonObject incoming = profile.value(u"incoming"_s).toObject();
    incoming.insert(u"port"_s, u"imap"_s);
    incoming.insert(u"security"_s, u"ssl"_s);
    profile.insert(u"incoming"_s, incoming);
    profiles.replace(0, profile);
    bad.insert(u"server_profiles"_s, profiles);
    QJsonArray mailboxes = bad.value(u"mailboxes"_s).toArray();
    QJsonObject mailbox = mailboxes.at(1).toObject();
    mailbox.insert(u"pasword_file"_s, u"x"_s);
    mailboxes.replace(1, mailbox);
    bad.insert(u"mailboxes"_s, mailboxes);

    const NodeRun run = node({u"--db"_s, m_db, u"config"_s, u"import"_s, writeConfig(u"bad.json"_s, bad)});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"$.server_profiles[0].incoming.port"_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"$.server_profiles[0].incoming.security"_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"$.mailboxes[1].pasword_file: unknown key"_s), qPrintable(run.err));
    QVERIFY(run.err.contains(u"nothing was changed"_s));
    QCOMPARE(statusJson().size(), 0);
}

void TestNodeCli::importTwiceUpdatesNeverDuplicates()
{
    NodeRun run = node({u"--db"_s, m_db, u"config"_s, u"import"_s, m_goodConfig});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(u"mailboxes:       2 new, 0 updated, 0 unchanged"_s), qPrintable(run.out));
    run = node({u"--db"_s, m_db, u"config"_s, u"import"_s, m_goodConfig});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(u"mailboxes:       0 new, 0 updated, 2 unchanged"_s), qPrintable(run.out));
    const QJsonArray statuses = statusJson();
    QCOMPARE(statuses.size(), 2);
    QCOMPARE(statuses.at(0).toObject().value(u"address"_s).toString(), u"alice@corp.test"_s); // lower-cased
    QCOMPARE(statuses.at(0).toObject().value(u"state"_s).toString(), u"never"_s);

    // The password itself is nowhere in the database, only where to find it.
    QFile database(m_db);
    QVERIFY(database.open(QIODevice::ReadOnly));
    const QByteArray bytes = database.readAll();
    QVERIFY(!bytes.contains("alice-pw"));
    QVERIFY(!bytes.contains("not-bobs-password"));
}

void TestNodeCli::syncOnceExitCodeAndFailuresOnStderr()
{
    // SYNCDESK_PROGRESS: the progress line a terminal gets.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"SYNCDESK_PROGRESS"_s, u"1"_s);
    const NodeRun run = node({u"--db"_s, m_db, u"sync"_s, u"--once"_s}, environment);
    QCOMPARE(run.exitCode, 1); // bob's password is wrong
    QVERIFY2(run.out.contains(u"alice@corp.test: ok, 4 new"_s), qPrintable(run.out));
    QVERIFY2(run.err.contains(u"bob@corp.test: Auth:"_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"hint [auth-failed]"_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"2/2 mailboxes, 4 messages stored"_s), qPrintable(run.err));
    // A refused password disables the mailbox at once, and the run says so.
    QVERIFY2(run.err.contains(u"bob@corp.test: disabled by this run"_s), qPrintable(run.err));
    QVERIFY(!run.err.contains(u"not-bobs-password"_s)); // never in output either
}

void TestNodeCli::syncOnceOneMailbox()
{
    QVERIFY(m_dovecot.deliver(
        u"alice"_s, u"INBOX"_s,
        MailFactory::build(MailFactory::realistic(u"alice@corp.test"_s, 50, QDateTime::currentDateTimeUtc()))));
    NodeRun run = node({u"--db"_s, m_db, u"sync"_s, u"--once"_s, u"--mailbox"_s, u"ALICE@corp.test"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(u"alice@corp.test: ok, 1 new"_s), qPrintable(run.out));
    QVERIFY(!run.out.contains(u"bob@"_s));
    run = node({u"--db"_s, m_db, u"sync"_s, u"--once"_s, u"--mailbox"_s, u"nobody@corp.test"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(u"no mailbox nobody@corp.test"_s));
}

void TestNodeCli::statusJsonHasTheDocumentedShape()
{
    const QJsonArray statuses = statusJson();
    QCOMPARE(statuses.size(), 2);
    const QStringList keys{u"address"_s,         u"enabled"_s,         u"state"_s,       u"interval_seconds"_s,
                           u"last_sync_at"_s,    u"last_success_at"_s, u"next_due_at"_s, u"consecutive_failures"_s,
                           u"items_last_sync"_s, u"last_error"_s};
    static const QRegularExpression iso(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"_s);
    for (const QJsonValue &value : statuses) {
        const QJsonObject object = value.toObject();
        for (const QString &key : keys) {
            QVERIFY2(object.contains(key), qPrintable(key));
        }
        QVERIFY(iso.match(object.value(u"last_sync_at"_s).toString()).hasMatch());
        QVERIFY(iso.match(object.value(u"next_due_at"_s).toString()).hasMatch());
    }
    const QJsonObject alice = statuses.at(0).toObject();
    QCOMPARE(alice.value(u"state"_s).toString(), u"ok"_s);
    QCOMPARE(alice.value(u"enabled"_s).toBool(), true);
    QCOMPARE(alice.value(u"interval_seconds"_s).toInt(), 300);
    QCOMPARE(alice.value(u"items_last_sync"_s).toInt(), 1);
    QCOMPARE(alice.value(u"consecutive_failures"_s).toInt(), 0);
    QVERIFY(alice.value(u"last_error"_s).isNull());

    // A rejected password disables the mailbox at once: retrying could lock the account.
    const QJsonObject bob = statuses.at(1).toObject();
    QCOMPARE(bob.value(u"state"_s).toString(), u"disabled"_s);
    QCOMPARE(bob.value(u"enabled"_s).toBool(), false);
    QCOMPARE(bob.value(u"disabled_reason"_s).toString(), u"permanent-failure"_s);
    QCOMPARE(bob.value(u"overdue"_s).toBool(), false);
    QVERIFY(bob.value(u"last_success_at"_s).isNull());
    QCOMPARE(bob.value(u"consecutive_failures"_s).toInt(), 1);
    const QJsonObject error = bob.value(u"last_error"_s).toObject();
    QCOMPARE(error.value(u"class"_s).toString(), u"Auth"_s);
    QCOMPARE(error.value(u"hint_id"_s).toString(), u"auth-failed"_s);
    QVERIFY(!error.value(u"hint"_s).toString().isEmpty());
    QVERIFY(!error.value(u"message"_s).toString().isEmpty());
}

void TestNodeCli::exportActivitiesJsonl()
{
    const NodeRun run = node({u"--db"_s, m_db, u"export"_s, u"activities"_s, u"--jsonl"_s});
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    static const QRegularExpression iso(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"_s);
    for (const QString &line : lines) {
        QJsonParseError parseError;
        const QJsonObject object = QJsonDocument::fromJson(line.toUtf8(), &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        for (const QString &key : {u"mailbox"_s, u"folder"_s, u"uid"_s, u"message_id"_s, u"subject"_s, u"from"_s,
                                   u"to"_s, u"cc"_s, u"date"_s, u"body_text"_s, u"regarding"_s}) {
            QVERIFY2(object.contains(key), qPrintable(key));
        }
        QCOMPARE(object.value(u"mailbox"_s).toString(), u"alice@corp.test"_s);
        QCOMPARE(object.value(u"folder"_s).toString(), u"INBOX"_s);
        QVERIFY(object.value(u"uid"_s).toInt() > 0);
        QVERIFY(!object.value(u"message_id"_s).toString().startsWith(u'<'));
        const QString from = object.value(u"from"_s).toString();
        QCOMPARE(from, from.toLower());
        QVERIFY(from.contains(u'@'));
        QCOMPARE(object.value(u"to"_s).toArray().at(0).toString(), u"alice@corp.test"_s);
        QVERIFY(object.value(u"cc"_s).isArray());
        QVERIFY(iso.match(object.value(u"date"_s).toString()).hasMatch());
        QVERIFY(!object.value(u"body_text"_s).toString().isEmpty());
        QVERIFY(object.value(u"regarding"_s).isNull());
    }
    // The first message of the series, decoded (its subject had an order number).
    const QJsonObject first = QJsonDocument::fromJson(lines.at(0).toUtf8()).object();
    QCOMPARE(first.value(u"subject"_s).toString(), u"Order 40000 — delivery date"_s);
    QCOMPARE(first.value(u"date"_s).toString(), u"2026-10-01T08:30:00Z"_s);

    const QString file = m_dir.filePath(u"bob.jsonl"_s);
    const NodeRun bob = node({u"--db"_s, m_db, u"export"_s, u"activities"_s, u"--jsonl"_s, u"--mailbox"_s,
                              u"bob@corp.test"_s, u"--output"_s, file});
    QCOMPARE(bob.exitCode, 0);
    QCOMPARE(QFileInfo(file).size(), 0);
    QVERIFY(bob.err.contains(u"Exported 0 activities"_s));
}

void TestNodeCli::runSyncsUntilSigtermThenStopsCleanly()
{
    // A fresh database: the node syncs every mailbox at once (never synced means due).
    const QString db = m_dir.filePath(u"run.db"_s);
    QCOMPARE(node({u"--db"_s, db, u"config"_s, u"import"_s, m_goodConfig}).exitCode, 0);
    QProcess process;
    process.start(QStringLiteral(SYNCDESK_NODE_BINARY), {u"--db"_s, db, u"run"_s});
    QVERIFY(process.waitForStarted());
    auto status = [&](const QString &address) {
        const NodeRun run = node({u"--db"_s, db, u"status"_s, u"--json"_s});
        for (const QJsonValue &value : QJsonDocument::fromJson(run.out.toUtf8()).array()) {
            if (value.toObject().value(u"address"_s).toString() == address) {
                return value.toObject();
            }
        }
        return QJsonObject();
    };
    // Waits until the mailbox's status has KEY == VALUE once; the status is read once per round, so a
    // state that moves on right after (another sync starting) cannot fail the check afterwards, and a
    // failure says what was last seen.
    auto waitFor = [&](const QString &address, const QString &key, const QJsonValue &value) {
        QJsonObject last;
        const bool reached = QTest::qWaitFor(
            [&] {
                last = status(address);
                return last.value(key) == value;
            },
            30000);
        if (!reached) {
            qWarning().noquote() << address << "never had" << key << "=" << value.toVariant().toString()
                                 << "; last status:" << QJsonDocument(last).toJson(QJsonDocument::Compact);
        }
        return reached;
    };
    QVERIFY(waitFor(u"alice@corp.test"_s, u"state"_s, u"ok"_s));
    QVERIFY(waitFor(u"bob@corp.test"_s, u"state"_s, u"disabled"_s));

    // The scheduler view of the running node.
    QTRY_VERIFY_WITH_TIMEOUT(QJsonDocument::fromJson(node({u"--db"_s, db, u"scheduler"_s, u"--json"_s}).out.toUtf8())
                                 .object()
                                 .value(u"engine_running"_s)
                                 .toBool(),
                             10000);
    const QJsonObject view =
        QJsonDocument::fromJson(node({u"--db"_s, db, u"scheduler"_s, u"--json"_s}).out.toUtf8()).object();
    for (const QString &key :
         {u"engines"_s, u"workers_busy"_s, u"workers_total"_s, u"queue_length"_s, u"overdue"_s, u"profiles"_s}) {
        QVERIFY2(view.contains(key), qPrintable(key));
    }
    QCOMPARE(view.value(u"engines"_s).toArray().size(), 1);
    QVERIFY(view.value(u"workers_total"_s).toInt() >= 2);
    QCOMPARE(view.value(u"overdue"_s).toInt(), 0);
    const QJsonObject profile = view.value(u"profiles"_s).toArray().at(0).toObject();
    QCOMPARE(profile.value(u"profile"_s).toString(), u"Corp IMAP"_s);
    QCOMPARE(profile.value(u"max_connections"_s).toInt(), 4);
    QVERIFY(profile.contains(u"connections_in_use"_s));

    // Re-enabled from another process, with the right password, the running node syncs it.
    QFile password(m_dir.filePath(u"cfg/bob.password"_s));
    QVERIFY(password.open(QIODevice::WriteOnly | QIODevice::Truncate));
    password.write("bob-pw\n");
    password.close();
    const NodeRun enabled = node({u"--db"_s, db, u"mailbox"_s, u"enable"_s, u"bob@corp.test"_s});
    QCOMPARE(enabled.exitCode, 0);
    QVERIFY2(enabled.out.contains(u"it was disabled: permanent-failure"_s), qPrintable(enabled.out));
    QVERIFY(waitFor(u"bob@corp.test"_s, u"state"_s, u"ok"_s));
    QCOMPARE(status(u"bob@corp.test"_s).value(u"consecutive_failures"_s).toInt(), 0);

    // A request from another process is picked up by the running node.
    QVERIFY(m_dovecot.deliver(
        u"alice"_s, u"INBOX"_s,
        MailFactory::build(MailFactory::realistic(u"alice@corp.test"_s, 60, QDateTime::currentDateTimeUtc()))));
    const NodeRun requested = node({u"--db"_s, db, u"sync"_s, u"--mailbox"_s, u"alice@corp.test"_s});
    QCOMPARE(requested.exitCode, 0);
    QVERIFY(waitFor(u"alice@corp.test"_s, u"items_last_sync"_s, 1));

    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    const QString log = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(log.contains(u"stopped cleanly"_s), qPrintable(log));
    // No lease is left behind: nothing shows as syncing.
    QCOMPARE(status(u"alice@corp.test"_s).value(u"state"_s).toString(), u"ok"_s);
    auto store = Store::open(StoreConfig::sqlite(db));
    QVERIFY(store);
    auto statuses = (*store)->mailboxStatuses();
    QVERIFY(statuses);
    for (const MailboxStatus &mailbox : *statuses) {
        QVERIFY(mailbox.state.leaseOwner.isEmpty());
    }
    auto runs = (*store)->recentRuns(statuses->at(0).mailbox.id, 10);
    QVERIFY(runs);
    QVERIFY(
        std::any_of(runs->begin(), runs->end(), [](const SyncRun &run) { return run.trigger == SyncTrigger::Manual; }));
}

void TestNodeCli::defaultDatabaseLivesInAppData()
{
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, home.path());
    environment.remove(u"XDG_DATA_HOME"_s);
    environment.remove(u"SYNCDESK_DB"_s);
    const NodeRun run = node({u"config"_s, u"import"_s, m_goodConfig}, environment);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(QFile::exists(home.filePath(u".local/share/SyncDesk/syncdesk/syncdesk.db"_s)));
    environment.insert(u"SYNCDESK_DB"_s, home.filePath(u"elsewhere.db"_s));
    QCOMPARE(node({u"config"_s, u"import"_s, m_goodConfig}, environment).exitCode, 0);
    QVERIFY(QFile::exists(home.filePath(u"elsewhere.db"_s)));
}

void TestNodeCli::enableDisableAndOverdueWithoutEngine()
{
    // m_db: alice synced, bob disabled after his wrong password (earlier tests).
    NodeRun run = node({u"--db"_s, m_db, u"mailbox"_s, u"disable"_s, u"alice@corp.test"_s});
    QCOMPARE(run.exitCode, 0);
    QJsonObject alice = statusJson().at(0).toObject();
    QCOMPARE(alice.value(u"state"_s).toString(), u"disabled"_s);
    QCOMPARE(alice.value(u"disabled_reason"_s).toString(), u"admin"_s);
    run = node({u"--db"_s, m_db, u"mailbox"_s, u"disable"_s, u"alice@corp.test"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(u"already disabled"_s));
    // A disabled mailbox is not synced, even when named.
    run = node({u"--db"_s, m_db, u"sync"_s, u"--once"_s, u"--mailbox"_s, u"alice@corp.test"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(u"disabled"_s));
    // Re-importing the configuration does not undo an operator's decision.
    run = node({u"--db"_s, m_db, u"config"_s, u"import"_s, m_goodConfig});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains(u"alice@corp.test stays disabled (admin)"_s), qPrintable(run.err));
    QCOMPARE(statusJson().at(0).toObject().value(u"state"_s).toString(), u"disabled"_s);

    run = node({u"--db"_s, m_db, u"mailbox"_s, u"enable"_s, u"alice@corp.test"_s});
    QCOMPARE(run.exitCode, 0);
    alice = statusJson().at(0).toObject();
    QCOMPARE(alice.value(u"enabled"_s).toBool(), true);
    QCOMPARE(alice.value(u"consecutive_failures"_s).toInt(), 0);
    QVERIFY(alice.value(u"next_due_at"_s).isNull()); // due now
    // Bob was disabled by his wrong password and has never synced: enabled again he is waiting for his
    // first sync, not "ok" (his last sync did not succeed).
    run = node({u"--db"_s, m_db, u"mailbox"_s, u"enable"_s, u"bob@corp.test"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject bob = statusJson().at(1).toObject();
    QCOMPARE(bob.value(u"address"_s).toString(), u"bob@corp.test"_s);
    QVERIFY(bob.value(u"last_success_at"_s).isNull());
    QCOMPARE(bob.value(u"state"_s).toString(), u"never"_s);
    run = node({u"--db"_s, m_db, u"mailbox"_s, u"enable"_s, u"nobody@corp.test"_s});
    QCOMPARE(run.exitCode, 2);
    run = node({u"--db"_s, m_db, u"mailbox"_s, u"frob"_s, u"alice@corp.test"_s});
    QCOMPARE(run.exitCode, 2);

    // Long past its due time with no engine running: overdue, and the status says why.
    auto store = Store::open(StoreConfig::sqlite(m_db));
    QVERIFY(store);
    const qint64 id = (*(*store)->mailboxByAddress(u"alice@corp.test"_s))->id;
    MailboxState state = *(*store)->mailboxState(id);
    state.nextDueAt = QDateTime::currentDateTimeUtc().addSecs(-600);
    QVERIFY((*store)->saveMailboxState(state));
    alice = statusJson().at(0).toObject();
    QCOMPARE(alice.value(u"overdue"_s).toBool(), true);
    QCOMPARE(alice.value(u"overdue_cause"_s).toString(), u"no-engine"_s);
    run = node({u"--db"_s, m_db, u"scheduler"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject view = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(view.value(u"engine_running"_s).toBool(), false);
    QCOMPARE(view.value(u"overdue"_s).toInt(), 1);
    run = node({u"--db"_s, m_db, u"status"_s});
    QVERIFY2(run.out.contains(u"overdue 10 min (no-engine)"_s), qPrintable(run.out));
}

void TestNodeCli::maintenanceJsonPrunesByAge()
{
    // A database of its own, with records either side of the default windows.
    const QString db = m_dir.filePath(u"maintenance.db"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        auto store = Store::open(StoreConfig::sqlite(db));
        QVERIFY(store.ok());
        QList<LogRecord> records;
        for (int i = 0; i < 3; ++i) {
            records.append({0, now.addDays(-8).addSecs(i), LogLevel::Debug, u"test"_s, {}, u"old debug"_s});
        }
        records.append({0, now.addDays(-6), LogLevel::Debug, u"test"_s, {}, u"young debug"_s});
        records.append({0, now.addDays(-40), LogLevel::Warning, u"test"_s, {}, u"old warning"_s});
        records.append({0, now.addDays(-20), LogLevel::Info, u"test"_s, {}, u"young info"_s});
        QVERIFY((*store)->appendLog(records).ok());
        NodeStatus dead;
        dead.nodeId = u"gone:1"_s;
        dead.host = u"gone"_s;
        dead.startedAt = now.addDays(-30);
        dead.heartbeatAt = now.addDays(-10);
        QVERIFY((*store)->publishNode(dead).ok());
    }
    auto kindsOf = [](const QJsonObject &object) {
        QHash<QString, QJsonObject> kinds;
        for (const QJsonValue &value : object.value(u"kinds"_s).toArray()) {
            kinds.insert(value.toObject().value(u"kind"_s).toString(), value.toObject());
        }
        return kinds;
    };

    // --dry-run: counts, deletes nothing.
    NodeRun run = node({u"--db"_s, db, u"maintenance"_s, u"--dry-run"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(report.value(u"dry_run"_s).toBool(), true);
    QCOMPARE(report.value(u"pruned"_s).toInt(), 0);
    QHash<QString, QJsonObject> kinds = kindsOf(report);
    QCOMPARE(QStringList(kinds.keyBegin(), kinds.keyEnd()).size(), 6);
    for (const QString &name :
         {u"debug_log"_s, u"log"_s, u"runs"_s, u"closed_alerts"_s, u"track_requests"_s, u"dead_nodes"_s}) {
        QVERIFY2(kinds.contains(name), qPrintable(name));
        QStringList keys = kinds.value(name).keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{u"batches"_s, u"cutoff"_s, u"kind"_s, u"prunable"_s, u"pruned"_s, u"remaining"_s,
                                    u"setting"_s, u"window_days"_s}));
        QCOMPARE(kinds.value(name).value(u"setting"_s).toString(), name + u"_days"_s);
    }
    QCOMPARE(kinds.value(u"debug_log"_s).value(u"window_days"_s).toInt(), 7);
    QCOMPARE(kinds.value(u"debug_log"_s).value(u"prunable"_s).toInt(), 3);
    QCOMPARE(kinds.value(u"debug_log"_s).value(u"remaining"_s).toInt(), 4);
    QCOMPARE(kinds.value(u"log"_s).value(u"window_days"_s).toInt(), 30);
    QCOMPARE(kinds.value(u"log"_s).value(u"prunable"_s).toInt(), 1);
    QCOMPARE(kinds.value(u"dead_nodes"_s).value(u"prunable"_s).toInt(), 1);
    QCOMPARE(kinds.value(u"closed_alerts"_s).value(u"window_days"_s).toInt(), 90);
    QVERIFY(report.value(u"size_before"_s).toObject().value(u"bytes"_s).toInteger() > 0);

    // The pass itself.
    run = node({u"--db"_s, db, u"maintenance"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    report = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(report.value(u"dry_run"_s).toBool(), false);
    kinds = kindsOf(report);
    QCOMPARE(kinds.value(u"debug_log"_s).value(u"pruned"_s).toInt(), 3);
    QCOMPARE(kinds.value(u"debug_log"_s).value(u"remaining"_s).toInt(), 1);
    QCOMPARE(kinds.value(u"log"_s).value(u"pruned"_s).toInt(), 1);
    QCOMPARE(kinds.value(u"dead_nodes"_s).value(u"pruned"_s).toInt(), 1);
    QCOMPARE(kinds.value(u"dead_nodes"_s).value(u"remaining"_s).toInt(), 0);
    QCOMPARE(report.value(u"pruned"_s).toInt(), 5);
    // Again: nothing left to prune.
    run = node({u"--db"_s, db, u"maintenance"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"pruned"_s).toInt(), 0);

    // The configuration's retention section sets the windows.
    const QString config = writeConfig(u"retention.json"_s, {{u"retention"_s, QJsonObject{{u"log_days"_s, 10}}}});
    run = node({u"--db"_s, db, u"config"_s, u"import"_s, config});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(u"retention settings updated"_s));
    run = node({u"--db"_s, db, u"maintenance"_s, u"--json"_s});
    kinds = kindsOf(QJsonDocument::fromJson(run.out.toUtf8()).object());
    QCOMPARE(kinds.value(u"log"_s).value(u"window_days"_s).toInt(), 10);
    QCOMPARE(kinds.value(u"log"_s).value(u"pruned"_s).toInt(), 1); // "young info" is 20 days old
    run = node({u"--db"_s, db, u"maintenance"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(u"other log records"_s));
    QVERIFY(run.out.contains(u"10 days"_s));
    QVERIFY(run.out.contains(u"bytes before"_s));

    const QString bad = writeConfig(u"bad-retention.json"_s, {{u"retention"_s, QJsonObject{{u"runs_days"_s, 0}}}});
    run = node({u"--db"_s, db, u"config"_s, u"import"_s, bad});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"$.retention.runs_days: expected an integer from 1 to 3650, got the number 0"_s),
             qPrintable(run.err));

    // Usage errors.
    QCOMPARE(node({u"--db"_s, db, u"maintenance"_s, u"now"_s}).exitCode, 2);
    run = node({u"--db"_s, db, u"maintenance"_s, u"--all"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(u"--all is not an option of 'maintenance'"_s));
    run = node({u"--help"_s});
    QVERIFY(run.out.contains(u"maintenance [--dry-run] [--json]"_s));
}

QTEST_GUILESS_MAIN(TestNodeCli)
#include "tst_nodecli.moc"
