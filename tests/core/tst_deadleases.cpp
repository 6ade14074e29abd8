// An engine that starts frees the leases of engines killed on its own host (kill -9, out of memory), and only
// theirs: a live process's leases, another host's and another pid namespace's stay. Checked among many
// published engines, as a store collects them (every `sync --once` publishes one, kept for a week), on
// SQLite and (as tst_deadleases_postgresql) on PostgreSQL.

#include "scheduler/syncengine.h"
#include "store/store.h"
#include "storefixtures.h"
#include "teststore.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace SyncDesk::Testing::StoreFixtures;
using namespace Qt::StringLiterals;

class TestDeadLeases : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void onlyTheLeasesOfDeadProcessesOnThisHostAreFreed();
    void publishedEnginesAreReadByIdInChunks();
};

void TestDeadLeases::initTestCase()
{
    qInfo("backend: %s", qPrintable(Testing::TestStore::backendName()));
}

namespace {

// The pid of a process that ran and was reaped: kill(pid, 0) answers ESRCH (unless the pid was reused since,
// which the test reports instead of misreading).
qint64 pidOfAFinishedProcess()
{
    QProcess process;
    qint64 pid = 0;
    QObject::connect(&process, &QProcess::started, &process, [&] { pid = process.processId(); });
    process.start(u"true"_s, {});
    if (!process.waitForFinished(10000)) {
        return 0;
    }
    return pid;
}

NodeStatus node(const QString &id, const QString &pidNamespace, const QDateTime &heartbeat)
{
    NodeStatus status;
    status.nodeId = id;
    status.host = id.section(u':', 0, 0);
    status.pid = id.section(u':', 1, 1).toLongLong();
    status.pidNamespace = pidNamespace;
    status.startedAt = heartbeat.addSecs(-60);
    status.heartbeatAt = heartbeat;
    status.version = u"test"_s;
    return status;
}

} // namespace

void TestDeadLeases::onlyTheLeasesOfDeadProcessesOnThisHostAreFreed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"dead.db"_s);
    auto opened = Store::open(config);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().toString()));
    Store &store = **opened;

    const QString host = QSysInfo::machineHostName();
    const QString ourNamespace = SyncEngine::pidNamespace();
    const qint64 deadPid = pidOfAFinishedProcess();
    QVERIFY(deadPid > 0);
    const QString livePid = QString::number(QCoreApplication::applicationPid());
    if (ourNamespace.isEmpty()) {
        QSKIP("no /proc/self/ns/pid here: which namespace an engine ran in cannot be told");
    }
    // Many engines published before, as a week of `sync --once` leaves them: none holds a lease.
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QVERIFY(store.transaction([&]() -> Status {
        for (int i = 0; i < 2000; ++i) {
            const QString id = u"%1:%2:old%3"_s.arg(host).arg(deadPid).arg(i);
            if (Status published = store.publishNode(node(id, ourNamespace, before.addSecs(-3600 - i))); !published) {
                return published;
            }
        }
        return {};
    }));
    const QDateTime now = QDateTime::currentDateTimeUtc();

    // Who holds what: each case on a mailbox of its own.
    struct Holder
    {
        QString address;
        QString nodeId;
        std::optional<NodeStatus> published;
        bool freed;
    };
    const QString deadHere = u"%1:%2:dead1"_s.arg(host).arg(deadPid);
    const QString deadUnpublished = u"%1:%2:dead2"_s.arg(host).arg(deadPid);
    const QString deadElsewhere = u"%1:%2:dead3"_s.arg(host).arg(deadPid);
    const QString deadLongAgo = u"%1:%2:dead4"_s.arg(host).arg(deadPid);
    const QString alive = u"%1:%2:alive"_s.arg(host, livePid);
    const QString otherHost = u"other-host-%1:%2:x"_s.arg(host).arg(deadPid);
    const QList<Holder> holders = {
        // Published from this pid namespace, heartbeat fresh: the pid is this host's, and it is gone.
        {u"dead@example.test"_s, deadHere, node(deadHere, ourNamespace, now), true},
        // Never published (killed between its claim and its first heartbeat is not possible, but a store
        // restored from a backup is): nothing says which namespace it ran in, so the pid decides.
        {u"unpublished@example.test"_s, deadUnpublished, std::nullopt, true},
        // Another pid namespace (a container with the same host name), heartbeat fresh: not ours to judge.
        {u"container@example.test"_s, deadElsewhere, node(deadElsewhere, u"4026531999"_s, now), false},
        // Another namespace, but silent for ten minutes: its pid decides.
        {u"silent@example.test"_s, deadLongAgo, node(deadLongAgo, u"4026531999"_s, now.addSecs(-600)), true},
        // This very process: alive.
        {u"alive@example.test"_s, alive, node(alive, ourNamespace, now), false},
        // Another host's engine.
        {u"remote@example.test"_s, otherHost, node(otherHost, ourNamespace, now), false},
    };
    QHash<QString, qint64> ids;
    for (const Holder &holder : holders) {
        const qint64 id = addMailbox(store, holder.address);
        QVERIFY(id > 0);
        ids.insert(holder.address, id);
        if (holder.published) {
            QVERIFY(store.publishNode(*holder.published));
        }
        const qint64 profileId = (*store.mailbox(id))->profileId;
        auto claimed = store.claimMailbox(id, profileId, 100, holder.nodeId, now, now.addSecs(600));
        QVERIFY(claimed.ok());
        QCOMPARE(*claimed, Store::Claim::Claimed);
    }
    if (::kill(pid_t(deadPid), 0) == 0 || errno != ESRCH) {
        QSKIP("the pid of the finished process was taken by another one meanwhile; run the test again");
    }

    EngineSettings settings;
    settings.store = config;
    settings.nodeId = u"%1:%2:engine"_s.arg(host, livePid);
    SyncEngine engine(settings);
    QSignalSpy finished(&engine, &SyncEngine::onceFinished);
    // Starts the engine (which frees the dead leases) and syncs nothing: no mailbox has this id.
    QVERIFY(engine.runOnce({qint64(-1)}));

    for (const Holder &holder : holders) {
        auto state = store.mailboxState(ids.value(holder.address));
        QVERIFY(state.ok());
        QCOMPARE(state->leaseOwner.isEmpty(), holder.freed);
        if (!holder.freed) {
            QCOMPARE(state->leaseOwner, holder.nodeId);
        }
    }
    QVERIFY(finished.wait(10000));
    QSignalSpy stopped(&engine, &SyncEngine::stopped);
    engine.stop();
    QVERIFY(stopped.wait(10000));
}

void TestDeadLeases::publishedEnginesAreReadByIdInChunks()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"nodes.db"_s);
    auto opened = Store::open(config);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().toString()));
    Store &store = **opened;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(store.transaction([&]() -> Status {
        for (int i = 0; i < 1200; ++i) {
            NodeStatus published = node(u"host-%1:%2:x"_s.arg(i % 7).arg(1000 + i), u"ns%1"_s.arg(i), now.addSecs(-i));
            published.workersTotal = i % 9;
            if (Status stored = store.publishNode(published); !stored) {
                return stored;
            }
        }
        return {};
    }));
    // More ids than one statement takes (500), every other one published, some unknown.
    QStringList asked;
    for (int i = 0; i < 2200; i += 2) {
        asked.append(u"host-%1:%2:x"_s.arg(i % 7).arg(1000 + i));
    }
    asked.append(u"nowhere:1:x"_s);
    auto found = store.nodes(asked);
    QVERIFY2(found.ok(), found.ok() ? "" : qPrintable(found.error().toString()));
    QCOMPARE(found->size(), qsizetype(600)); // 0, 2, …, 1198 exist; 1200, …, 2198 and nowhere do not
    QSet<QString> ids;
    for (const NodeStatus &one : *found) {
        ids.insert(one.nodeId);
        const int i = int(one.pid - 1000);
        QCOMPARE(one.nodeId, u"host-%1:%2:x"_s.arg(i % 7).arg(1000 + i));
        QCOMPARE(one.pidNamespace, u"ns%1"_s.arg(i));
        QCOMPARE(one.workersTotal, i % 9);
        QCOMPARE(one.heartbeatAt.toSecsSinceEpoch(), now.addSecs(-i).toSecsSinceEpoch());
    }
    QCOMPARE(ids.size(), 600);
    auto none = store.nodes(QStringList());
    QVERIFY(none.ok());
    QVERIFY(none->isEmpty());
}

QTEST_GUILESS_MAIN(TestDeadLeases)
#include "tst_deadleases.moc"
