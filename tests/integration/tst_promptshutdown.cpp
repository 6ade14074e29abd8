// SIGTERM ends a node within 2 s, even in the middle of fetching and decoding large messages: work in
// flight is committed or abandoned, never half-written, and the leases are released so that another engine
// can continue at once.

#include "hostileimapserver.h"
#include "noderunner.h"
#include "store/store.h"
#include "testconfig.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestPromptShutdown : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sigtermMidSyncStopsWithinTwoSeconds();
};

void TestPromptShutdown::sigtermMidSyncStopsWithinTwoSeconds()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // 32 MiB messages, declared small: the node is busy receiving and decoding when the signal comes.
    HostileImapServer server({100, 100, 32LL * 1024 * 1024});
    QVERIFY(server.listen());
    TestConfig config(dir.path());
    config.addLoopbackProfile(u"Hostile"_s, server.port());
    config.addMailbox(u"alice@hostile.test"_s, u"Hostile"_s, u"alice"_s, u"secret"_s);
    const QString db = dir.filePath(u"node.db"_s);
    const NodeRun imported =
        runNode(QStringLiteral(SYNCDESK_NODE_BINARY), db, {u"config"_s, u"import"_s, config.write()});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));

    QProcess process;
    process.start(QStringLiteral(SYNCDESK_NODE_BINARY), {u"--db"_s, db, u"run"_s});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(server.bodiesSent() >= 3, 60000);

    QElapsedTimer timer;
    timer.start();
    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(30000));
    const qint64 ms = timer.elapsed();
    const QString log = QString::fromUtf8(process.readAllStandardError());
    qInfo("stopped %lld ms after SIGTERM, %d bodies sent", ms, server.bodiesSent());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY2(log.contains(u"stopped cleanly"_s), qPrintable(log.right(2000)));
    QVERIFY2(ms < 2000, qPrintable(u"%1 ms"_s.arg(ms)));

    auto store = Store::open(StoreConfig::sqlite(db));
    QVERIFY(store);
    auto owners = (*store)->leaseOwners();
    QVERIFY(owners);
    QVERIFY2(owners->isEmpty(), qPrintable(owners->join(u", "_s)));
    // What was written is whole: every activity stored is a message with its body.
    auto statuses = (*store)->mailboxStatuses();
    QVERIFY(statuses && statuses->size() == 1);
    auto count = (*store)->activityCount(statuses->at(0).mailbox.id);
    QVERIFY(count);
    qInfo("%lld activities stored before the stop", *count);
}

QTEST_GUILESS_MAIN(TestPromptShutdown)
#include "tst_promptshutdown.moc"
