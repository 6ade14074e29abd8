// Push (IMAP IDLE) against a real Dovecot, with the real engine in this process: mail delivered over LMTP to a
// push mailbox is stored within seconds while its schedule would wait minutes; push survives a server restart;
// a profile at its max_push_connections polls the rest; a server without IDLE is polled; status --json says
// which mailboxes are on push and since when.

#include "dovecotserver.h"
#include "mailfactory.h"
#include "noderunner.h"
#include "scheduler/syncengine.h"
#include "store/pushstore.h"
#include "store/store.h"
#include "synchelper.h"
#include "testconfig.h"
#include "teststore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

QString address(const QString &user)
{
    return user + u"@push.test"_s;
}

QByteArray message(const QString &user, int n)
{
    return MailFactory::build(MailFactory::realistic(address(user), n, QDateTime::currentDateTimeUtc()));
}

} // namespace

class TestPush : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void deliveredMailIsStoredWithinSeconds();
    void pushSurvivesAServerRestart();
    void profileAtItsLimitPollsTheRest();
    void serverWithoutIdleIsPolled();
    void statusShowsPush();

private:
    std::optional<PushStore::Row> push(const QString &user);
    qint64 stored(const QString &user)
    {
        return SyncHelper::activityCount(m_store, SyncHelper::mailboxId(m_store, address(user)));
    }
    // Delivers over LMTP and returns how long it took until the activity was stored (-1: not within 20 s).
    qint64 deliverAndTime(const QString &user, int n);

    DovecotServer m_dovecot{[] {
        DovecotServer::Options options;
        options.lmtp = true;
        return options;
    }()};
    DovecotServer m_noIdle{[] {
        DovecotServer::Options options;
        options.imapCapability = u"IMAP4rev1 LITERAL+ SASL-IR ENABLE UIDPLUS"_s;
        return options;
    }()};
    QTemporaryDir m_dir;
    StoreConfig m_store;
    std::unique_ptr<SyncEngine> m_engine;
    int m_sent = 0;
};

void TestPush::initTestCase()
{
    if (!DovecotServer::isAvailable()) {
        if (qEnvironmentVariableIsSet("CI")) {
            QFAIL("Dovecot is missing; scripts/test.sh installs it");
        }
        QSKIP("Dovecot is missing; scripts/test.sh installs it");
    }
    for (const QString &user : {u"pia"_s, u"nora"_s, u"rita"_s, u"sam"_s, u"tom"_s}) {
        QVERIFY(m_dovecot.setUser(user, u"pw"_s));
        QVERIFY(m_noIdle.setUser(user, u"pw"_s));
    }
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    QVERIFY2(m_noIdle.start(&error), qPrintable(error));
    SYNCDESK_NEW_STORE(store, m_dir.path(), u"push.db"_s);
    m_store = store;
    TestConfig config(m_dir.filePath(u"cfg"_s));
    config.addProfile(u"local"_s, m_dovecot, u"none"_s);
    config.addMailbox(address(u"pia"_s), u"local"_s, u"pia"_s, u"pw"_s);
    config.setMailboxKey(address(u"pia"_s), u"push"_s, true);
    config.addMailbox(address(u"nora"_s), u"local"_s, u"nora"_s, u"pw"_s);
    config.addProfile(u"capped"_s, m_dovecot, u"none"_s);
    config.setProfileKey(u"capped"_s, u"max_push_connections"_s, 1);
    for (const QString &user : {u"rita"_s, u"sam"_s}) {
        config.addMailbox(address(user), u"capped"_s, user, u"pw"_s);
        config.setMailboxKey(address(user), u"push"_s, true);
    }
    config.addProfile(u"noidle"_s, m_noIdle, u"none"_s);
    config.addMailbox(address(u"tom"_s), u"noidle"_s, u"tom"_s, u"pw"_s);
    config.setMailboxKey(address(u"tom"_s), u"push"_s, true);
    const QString imported = SyncHelper::importConfig(m_store, config.write());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));

    EngineSettings settings;
    settings.store = m_store;
    settings.scheduler.pollIntervalMs = 100;
    settings.scheduler.workerThreads = 2;
    settings.scheduler.seed = 1;
    // The schedule alone would not sync again for minutes: whatever arrives within seconds came by push.
    settings.scheduler.intervals.baseSeconds = 600;
    settings.scheduler.intervals.minSeconds = 600;
    settings.scheduler.intervals.maxSeconds = 720;
    settings.scheduler.push.renewSeconds = 2; // renewed many times during the test
    settings.scheduler.push.backoffMinMs = 200;
    m_engine = std::make_unique<SyncEngine>(settings);
    QVERIFY(m_engine->start());
    // Every mailbox had its first sync, and the push mailboxes are idling.
    QTRY_VERIFY_WITH_TIMEOUT(push(u"pia"_s) && push(u"pia"_s)->status.state == PushStatus::State::Idling, 20000);
}

void TestPush::cleanupTestCase()
{
    if (m_engine) {
        QSignalSpy stopped(m_engine.get(), &SyncEngine::stopped);
        m_engine->stop();
        QVERIFY(stopped.wait(20000));
        // A stopped engine leaves no push rows behind.
        auto opened = Store::open(m_store);
        QVERIFY(opened.ok());
        QVERIFY((*PushStore(**opened).all()).isEmpty());
        m_engine.reset();
    }
}

std::optional<PushStore::Row> TestPush::push(const QString &user)
{
    auto opened = Store::open(m_store);
    if (!opened) {
        return std::nullopt;
    }
    auto rows = PushStore(**opened).all();
    const qint64 id = SyncHelper::mailboxId(m_store, address(user));
    if (!rows || !rows->contains(id)) {
        return std::nullopt;
    }
    return rows->value(id);
}

qint64 TestPush::deliverAndTime(const QString &user, int n)
{
    const qint64 before = stored(user);
    QString error;
    QElapsedTimer clock;
    clock.start();
    if (!m_dovecot.deliverLmtp(user, message(user, n), &error)) {
        qWarning("%s", qPrintable(error));
        return -1;
    }
    if (!QTest::qWaitFor([&] { return stored(user) > before; }, 20000)) {
        return -1;
    }
    return clock.elapsed();
}

void TestPush::deliveredMailIsStoredWithinSeconds()
{
    QTRY_VERIFY_WITH_TIMEOUT(stored(u"nora"_s) == 0 && push(u"pia"_s).has_value(), 10000);
    // Several deliveries, each after the connection renewed its IDLE at least once (every 2 s).
    QList<qint64> delays;
    for (int i = 0; i < 3; ++i) {
        const qint64 delay = deliverAndTime(u"pia"_s, ++m_sent);
        QVERIFY2(delay >= 0, "the delivered message was not stored within 20 s");
        delays.append(delay);
        // The next delivery comes after the connection re-issued its IDLE (every 2 s here).
        const int renewals = push(u"pia"_s)->status.renewals;
        QTRY_VERIFY_WITH_TIMEOUT(push(u"pia"_s)->status.renewals > renewals, 10000);
    }
    qInfo("push: delivery to stored in %lld, %lld, %lld ms", delays.at(0), delays.at(1), delays.at(2));
    for (qint64 delay : std::as_const(delays)) {
        QVERIFY2(delay < 5000, qPrintable(QString::number(delay)));
    }
    const auto row = push(u"pia"_s);
    QVERIFY(row.has_value());
    QVERIFY(row->status.events >= 3);
    QVERIFY(row->status.lastEventAt.isValid());
    // A mailbox without push waits for its schedule.
    QString error;
    QVERIFY2(m_dovecot.deliverLmtp(u"nora"_s, message(u"nora"_s, ++m_sent), &error), qPrintable(error));
    const qint64 nora = deliverAndTime(u"pia"_s, ++m_sent); // by the time this one is stored...
    QVERIFY(nora >= 0);
    QCOMPARE(stored(u"nora"_s), 0); // ...nora's mail still waits
    QVERIFY(!push(u"nora"_s).has_value());
}

void TestPush::pushSurvivesAServerRestart()
{
    const QDateTime idleSince = push(u"pia"_s)->status.since;
    QString error;
    QVERIFY2(m_dovecot.restart(&error), qPrintable(error));
    // It reconnects (with backoff) and idles again.
    QTRY_VERIFY_WITH_TIMEOUT(push(u"pia"_s) && push(u"pia"_s)->status.state == PushStatus::State::Idling &&
                                 push(u"pia"_s)->status.since > idleSince,
                             30000);
    const qint64 delay = deliverAndTime(u"pia"_s, ++m_sent);
    QVERIFY2(delay >= 0 && delay < 5000, qPrintable(QString::number(delay)));
}

void TestPush::profileAtItsLimitPollsTheRest()
{
    // max_push_connections 1: the first by address is on push, the other is polled.
    QTRY_VERIFY_WITH_TIMEOUT(push(u"rita"_s) && push(u"rita"_s)->status.state == PushStatus::State::Idling, 20000);
    QVERIFY(!push(u"sam"_s).has_value());
    const qint64 delay = deliverAndTime(u"rita"_s, ++m_sent);
    QVERIFY2(delay >= 0 && delay < 5000, qPrintable(QString::number(delay)));
}

void TestPush::serverWithoutIdleIsPolled()
{
    QTRY_VERIFY_WITH_TIMEOUT(push(u"tom"_s) && push(u"tom"_s)->status.state == PushStatus::State::Unsupported, 20000);
    QVERIFY2(push(u"tom"_s)->status.error.contains(u"IDLE"_s), qPrintable(push(u"tom"_s)->status.error));
    // It synced on its schedule all the same.
    auto opened = Store::open(m_store);
    QVERIFY(opened.ok());
    auto state = (*opened)->mailboxState(SyncHelper::mailboxId(m_store, address(u"tom"_s)));
    QVERIFY(state.ok());
    QVERIFY(state->lastSuccessAt.isValid());
}

void TestPush::statusShowsPush()
{
    const NodeRun run =
        runNode(QStringLiteral(SYNCDESK_NODE_BINARY), TestStore::location(m_store), {u"status"_s, u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QHash<QString, QJsonValue> pushes;
    const QJsonArray rows = QJsonDocument::fromJson(run.out.toUtf8()).array();
    for (const QJsonValue &row : rows) {
        pushes.insert(row[u"address"_s].toString(), row[u"push"_s]);
    }
    QCOMPARE(pushes.value(address(u"pia"_s))[u"state"_s].toString(), u"idling"_s);
    QCOMPARE(pushes.value(address(u"pia"_s))[u"reason"_s].toString(), u"configured"_s);
    QVERIFY(QDateTime::fromString(pushes.value(address(u"pia"_s))[u"since"_s].toString(), Qt::ISODateWithMs).isValid());
    QVERIFY(pushes.value(address(u"nora"_s)).isNull());
    QCOMPARE(pushes.value(address(u"sam"_s))[u"state"_s].toString(), u"off"_s);
    QCOMPARE(pushes.value(address(u"tom"_s))[u"state"_s].toString(), u"unsupported"_s);
}

QTEST_GUILESS_MAIN(TestPush)
#include "tst_push.moc"
