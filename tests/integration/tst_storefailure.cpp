// The store failing is the node's problem, not the mailbox's: a real, small file system (tmpfs, mounted by
// the test as root) fills up during a sync; no mailbox is disabled or counted as failing, no message
// becomes an item failure; the engine pauses, and once there is room again it resumes by itself and the
// next sync stores everything.

#include "hostileimapserver.h"
#include "scheduler/syncengine.h"
#include "store/diagnosticsstore.h"
#include "store/store.h"
#include "synchelper.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

bool run(const QString &program, const QStringList &arguments, QString *output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool finished = process.waitForFinished(30000);
    if (output) {
        *output = QString::fromLocal8Bit(process.readAll());
    }
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace

class TestStoreFailure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void fullDiskPausesTheEngineNotTheMailbox();

private:
    QTemporaryDir m_dir;
    QString m_mount;
    bool m_mounted = false;
};

void TestStoreFailure::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_mount = m_dir.filePath(u"small"_s);
    QVERIFY(QDir().mkpath(m_mount));
    QString output;
    m_mounted = run(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=3m,mode=0700"_s, u"tmpfs"_s, m_mount}, &output);
    if (!m_mounted) {
        // CI runs as root and can mount: there, not mounting is a failure, never a skip.
        if (qEnvironmentVariableIsSet("CI")) {
            QFAIL(qPrintable(u"CI is set but a small tmpfs cannot be mounted: "_s + output));
        }
        QSKIP(qPrintable(u"cannot mount a small tmpfs here (needs root and CAP_SYS_ADMIN, as in CI): "_s + output));
    }
}

void TestStoreFailure::cleanupTestCase()
{
    if (m_mounted) {
        run(u"umount"_s, {u"-l"_s, m_mount});
    }
}

void TestStoreFailure::fullDiskPausesTheEngineNotTheMailbox()
{
    // 60 messages of 128 KiB: about 7.5 MiB of activities, on a 3 MiB file system.
    HostileImapServer server({60, 128 * 1024, 128 * 1024});
    QVERIFY(server.listen());
    const StoreConfig config = StoreConfig::sqlite(QDir(m_mount).filePath(u"store.db"_s));
    Endpoint incoming;
    incoming.host = u"127.0.0.1"_s;
    incoming.port = server.port();
    incoming.security = Security::None;
    std::optional<SyncJob> job = SyncHelper::makeJob(config, incoming, u"alice"_s, u"secret"_s);
    QVERIFY(job);
    const qint64 mailboxId = job->mailbox.id;

    EngineSettings settings;
    settings.store = config;
    settings.scheduler.pollIntervalMs = 100;
    settings.scheduler.workerThreads = 1;
    settings.scheduler.tuning.batchMessages = 10;
    settings.nodeId = u"node-small-disk"_s;
    SyncEngine engine(settings);
    QVERIFY(engine.start());

    // The disk fills during the first sync: the engine pauses, naming the store's problem.
    QTRY_VERIFY_WITH_TIMEOUT(engine.storeFailure().has_value(), 60000);
    QCOMPARE(engine.storeFailure()->errorClass, ErrorClass::Store);
    QCOMPARE(engine.storeFailure()->hintId, u"store-full"_s);
    {
        auto store = Store::open(config);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
        auto mailbox = (*store)->mailboxByAddress(job->mailbox.address);
        QVERIFY(mailbox && mailbox->has_value());
        QVERIFY2((*mailbox)->enabled, "the mailbox is not disabled for the node's full disk");
        auto state = (*store)->mailboxState(mailboxId);
        QVERIFY(state);
        QCOMPARE(state->consecutiveFailures, 0);
        QCOMPARE(state->lastErrorClass, ErrorClass::None);
        auto failures = DiagnosticsStore(**store).itemFailures(mailboxId);
        QVERIFY(failures);
        QCOMPARE(failures->size(), 0);
        auto stored = (*store)->activityCount(mailboxId);
        QVERIFY(stored);
        QVERIFY2(*stored < 60, "the disk filled before everything was stored");
        qInfo("paused after %lld of 60 messages were stored", *stored);
    }

    // Room again: the engine resumes by itself, and the next sync stores everything.
    QString output;
    QVERIFY2(run(u"mount"_s, {u"-o"_s, u"remount,size=64m"_s, m_mount}, &output), qPrintable(output));
    QTRY_VERIFY_WITH_TIMEOUT(!engine.storeFailure().has_value(), 30000);
    auto count = [&] {
        auto store = Store::open(config);
        auto stored = store ? (*store)->activityCount(mailboxId) : Result<qint64>(SyncError());
        return stored ? *stored : qint64(-1);
    };
    QTRY_COMPARE_WITH_TIMEOUT(count(), qint64(60), 60000);

    QSignalSpy stopped(&engine, &SyncEngine::stopped);
    engine.stop();
    QVERIFY(stopped.wait(20000));

    auto store = Store::open(config);
    QVERIFY(store);
    auto state = (*store)->mailboxState(mailboxId);
    QVERIFY(state);
    QCOMPARE(state->consecutiveFailures, 0);
    auto failures = DiagnosticsStore(**store).itemFailures(mailboxId);
    QVERIFY(failures);
    QCOMPARE(failures->size(), 0);
    // One engine-level alert recorded the pause, closed since.
    auto alerts = (*store)->alerts(true);
    QVERIFY(alerts);
    int storeAlerts = 0;
    for (const Alert &alert : *alerts) {
        if (alert.causeKey == u"store:node-small-disk"_s) {
            ++storeAlerts;
            QCOMPARE(alert.hintId, u"store-full"_s);
            QCOMPARE(alert.state, u"closed"_s);
            QCOMPARE(alert.mailboxId, qint64(0));
        }
    }
    QCOMPARE(storeAlerts, 1);
}

QTEST_GUILESS_MAIN(TestStoreFailure)
#include "tst_storefailure.moc"
