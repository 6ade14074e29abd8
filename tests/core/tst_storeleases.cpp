// The schedule's rows on SQLite and (as tst_storeleases_postgresql) on PostgreSQL: leases and the
// connection cap across engines, claims one at a time and in batches, concurrent claims from several
// connections, lease epochs and fencing, due times, silent engines, and overdue causes published at once.

#include "store/diagnosticsstore.h"
#include "store/store.h"
#include "storefixtures.h"
#include "teststore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace SyncDesk::Testing::StoreFixtures;
using namespace Qt::StringLiterals;

namespace {

QString why(const SyncError &error)
{
    return error.toString();
}

} // namespace

class TestStoreLeases : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void leases();
    void claimsFromTwoConnectionsNeverOverlap();
    void everyClaimStartsAnEpochAndFencesTheOldOne();
    void scheduledClaimsTakeOnlyDueMailboxes();
    void leasesOfSilentEnginesAreFree();
    void batchClaimsKeepEveryRuleOfSingleClaims();
    void batchClaimsFromThreeConnectionsKeepTheCap();
    void leasedStateFencesAndReleaseFollowsTheState();
    void aFinishedRunWritesItsStateAndItsRowTogether();
    void aSuccessWritesItsWholeStateOnlyUnderItsLease();
    void otherWritesOfAFencedRunAreRefused();
    void rowsBeingWrittenAreSkippedNotWaitedFor();
    void theSweepFindsWhatIsOverdueByMoreThanTheGrace();
    void aNodeFrozenWhileOpeningTheStoreLocksNoOneOut();
    void enginesPublishingOverdueCausesAtOnceNeverDeadlock();
};

void TestStoreLeases::initTestCase()
{
    qInfo("backend: %s", qPrintable(Testing::TestStore::backendName()));
}

void TestStoreLeases::leases()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"lease.db"_s);
    auto opened = Store::open(config);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
    Store &store = **opened;
    const qint64 id = addMailbox(store, u"lease@example.test"_s);
    QVERIFY(id > 0);
    const qint64 profileId = (*store.mailbox(id))->profileId;
    const QDateTime t0 = utc(2024, 3, 5, 12, 0);

    auto due = store.dueMailboxes(t0);
    QVERIFY(due.ok());
    QCOMPARE(*due, QList<qint64>{id}); // never synced: due now

    auto claimed = store.claimMailbox(id, profileId, 10, u"node-a"_s, t0, t0.addSecs(60));
    QVERIFY(claimed.ok());
    QCOMPARE(*claimed, Store::Claim::Claimed);
    auto state = store.mailboxState(id);
    QVERIFY(state.ok());
    QCOMPARE(state->leaseOwner, u"node-a"_s);
    QCOMPARE(state->leaseUntil, t0.addSecs(60));

    // Another node cannot take a live lease, and the mailbox is not due for anyone meanwhile.
    auto stolen = store.claimMailbox(id, profileId, 10, u"node-b"_s, t0.addSecs(10), t0.addSecs(70));
    QVERIFY(stolen.ok());
    QCOMPARE(*stolen, Store::Claim::HeldElsewhere);
    due = store.dueMailboxes(t0.addSecs(10));
    QVERIFY(due.ok());
    QVERIFY(due->isEmpty());
    // A release by the wrong node changes nothing.
    QVERIFY(store.releaseMailbox(id, u"node-b"_s).ok());
    QCOMPARE(store.mailboxState(id)->leaseOwner, u"node-a"_s);

    // The holder may claim again (renew), and renewLease extends it.
    auto renewed = store.claimMailbox(id, profileId, 10, u"node-a"_s, t0.addSecs(20), t0.addSecs(80));
    QVERIFY(renewed.ok());
    QCOMPARE(*renewed, Store::Claim::Claimed);
    QVERIFY(store.renewLease(id, u"node-a"_s, t0.addSecs(90)).ok());
    QCOMPARE(store.mailboxState(id)->leaseUntil, t0.addSecs(90));
    QVERIFY(store.renewLease(id, u"node-b"_s, t0.addSecs(500)).ok()); // not the holder: no effect
    QCOMPARE(store.mailboxState(id)->leaseUntil, t0.addSecs(90));

    // Once the lease has expired (node-a crashed), another node can take the mailbox.
    stolen = store.claimMailbox(id, profileId, 10, u"node-b"_s, t0.addSecs(89), t0.addSecs(150));
    QVERIFY(stolen.ok());
    QCOMPARE(*stolen, Store::Claim::HeldElsewhere);
    due = store.dueMailboxes(t0.addSecs(90));
    QVERIFY(due.ok());
    QCOMPARE(*due, QList<qint64>{id});
    auto taken = store.claimMailbox(id, profileId, 10, u"node-b"_s, t0.addSecs(90), t0.addSecs(150));
    QVERIFY(taken.ok());
    QCOMPARE(*taken, Store::Claim::Claimed);
    QCOMPARE(store.mailboxState(id)->leaseOwner, u"node-b"_s);

    // Released, anyone may claim it at once.
    QVERIFY(store.releaseMailbox(id, u"node-b"_s).ok());
    state = store.mailboxState(id);
    QVERIFY(state.ok());
    QCOMPARE(state->leaseOwner, QString());
    QVERIFY(!state->leaseUntil.isValid());
    auto back = store.claimMailbox(id, profileId, 10, u"node-a"_s, t0.addSecs(100), t0.addSecs(160));
    QVERIFY(back.ok());
    QCOMPARE(*back, Store::Claim::Claimed);
    QVERIFY(store.releaseAllLeases(u"node-a"_s).ok());
    QCOMPARE(store.mailboxState(id)->leaseOwner, QString());

    // The profile's connection cap holds across nodes: with a cap of 1, a second mailbox of the same
    // profile waits while the first one's lease is live, whoever holds it.
    const qint64 other = addMailbox(store, u"lease2@example.test"_s);
    QCOMPARE((*store.mailbox(other))->profileId, profileId);
    QCOMPARE(*store.claimMailbox(id, profileId, 1, u"node-a"_s, t0.addSecs(200), t0.addSecs(260)),
             Store::Claim::Claimed);
    QCOMPARE(*store.claimMailbox(other, profileId, 1, u"node-b"_s, t0.addSecs(201), t0.addSecs(261)),
             Store::Claim::ProfileFull);
    QCOMPARE(*store.claimMailbox(other, profileId, 2, u"node-b"_s, t0.addSecs(201), t0.addSecs(261)),
             Store::Claim::Claimed);
    QVERIFY(store.releaseAllLeases(u"node-a"_s).ok());
    QVERIFY(store.releaseAllLeases(u"node-b"_s).ok());

    // Claiming a mailbox that does not exist fails: its state row cannot reference it.
    auto missing = store.claimMailbox(4242, profileId, 10, u"node-a"_s, t0, t0.addSecs(60));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().errorClass, ErrorClass::Store);
}

void TestStoreLeases::claimsFromTwoConnectionsNeverOverlap()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"claims.db"_s);
    QList<qint64> ids;
    qint64 profileId = 0;
    {
        auto opened = Store::open(config);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
        for (int i = 0; i < 20; ++i) {
            ids.append(addMailbox(**opened, u"claim%1@example.test"_s.arg(i)));
            QVERIFY(ids.last() > 0);
        }
        profileId = (*(*opened)->mailbox(ids.first()))->profileId;
    }
    // Two engines (two connections, two threads) race for the same 20 mailboxes of one profile whose cap
    // is 5, three times over: never more than 5 leases, never one mailbox held twice.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int round = 0; round < 3; ++round) {
        QAtomicInt failures;
        auto engine = [&](const QString &node) {
            auto opened = Store::open(config);
            if (!opened) {
                failures.ref();
                return;
            }
            for (qint64 id : ids) {
                if (!(*opened)->claimMailbox(id, profileId, 5, node, now, now.addSecs(60))) {
                    failures.ref();
                }
            }
        };
        std::unique_ptr<QThread> a(QThread::create(engine, u"node-a"_s));
        std::unique_ptr<QThread> b(QThread::create(engine, u"node-b"_s));
        a->start();
        b->start();
        QVERIFY(a->wait(60000) && b->wait(60000));
        QCOMPARE(failures.loadRelaxed(), 0);
        const QList<QStringList> held = Testing::TestStore::rawSql(
            config, u"SELECT mailbox_id, lease_owner FROM mailbox_state WHERE lease_owner IS NOT NULL"_s);
        QCOMPARE(held.size(), 5);
        QVERIFY(Testing::TestStore::rawSql(config, u"UPDATE mailbox_state SET lease_owner = NULL, lease_until = NULL"_s)
                    .isEmpty());
    }
}

void TestStoreLeases::everyClaimStartsAnEpochAndFencesTheOldOne()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"fence.db"_s);
    auto openedA = Store::open(config);
    auto openedB = Store::open(config);
    QVERIFY2(openedA.ok() && openedB.ok(), "two connections");
    Store &a = **openedA; // engine a's worker
    Store &b = **openedB; // engine b
    const qint64 id = addMailbox(a, u"fence@example.test"_s);
    QVERIFY(id > 0);
    const qint64 profileId = (*a.mailbox(id))->profileId;
    const QDateTime t0 = utc(2026, 12, 5, 9, 0);

    ClaimDetails first;
    QCOMPARE(*a.claimMailbox(id, profileId, 10, u"a"_s, t0, t0.addSecs(30), {}, &first), Store::Claim::Claimed);
    QCOMPARE(first.state.leaseEpoch, qint64(1));
    QCOMPARE(first.state.leaseOwner, u"a"_s);
    // The holder claiming again renews: same epoch.
    ClaimDetails renewed;
    QCOMPARE(*a.claimMailbox(id, profileId, 10, u"a"_s, t0.addSecs(5), t0.addSecs(35), {}, &renewed),
             Store::Claim::Claimed);
    QCOMPARE(renewed.state.leaseEpoch, qint64(1));
    QCOMPARE(*a.renewLease(id, u"a"_s, t0.addSecs(40), 1), true);

    // a's run writes under epoch 1.
    a.setLeaseFence(id, u"a"_s, 1);
    auto written = a.writeBatch(folder(id, u"INBOX"_s, 5, 2), {activity(id, u"INBOX"_s, 5, 1, u"m1@x"_s, u"one"_s)});
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(why(written.error())));

    // a stalls past its lease; b takes the mailbox under epoch 2.
    ClaimDetails taken;
    QCOMPARE(*b.claimMailbox(id, profileId, 10, u"b"_s, t0.addSecs(41), t0.addSecs(71), {}, &taken),
             Store::Claim::Claimed);
    QCOMPARE(taken.state.leaseEpoch, qint64(2));

    // a wakes up: its next batch, its renewal and its release are all refused or void.
    auto late = a.writeBatch(folder(id, u"INBOX"_s, 5, 3), {activity(id, u"INBOX"_s, 5, 2, u"m2@x"_s, u"two"_s)});
    QVERIFY(!late.ok());
    QCOMPARE(late.error().hintId, u"lease-lost"_s);
    QCOMPARE(late.error().errorClass, ErrorClass::Store);
    QVERIFY2(late.error().message.contains(u"b"_s), qPrintable(late.error().message));
    QCOMPARE(*a.activityCount(id), qint64(1));
    QCOMPARE(a.folderState(id, u"INBOX"_s)->uidNext, quint32(2)); // the folder position did not move either
    auto pop3 = a.writePop3Batch(id, {{"uidl-1", 1}}, {});
    QVERIFY(!pop3.ok());
    QCOMPARE(pop3.error().hintId, u"lease-lost"_s);
    QCOMPARE(*a.renewLease(id, u"a"_s, t0.addSecs(100), 1), false);
    QVERIFY(a.releaseMailbox(id, u"a"_s, 1).ok());
    QCOMPARE(b.mailboxState(id)->leaseOwner, u"b"_s);
    // Inside any transaction, checkLease says the same.
    const Status check = a.transaction([&] { return a.checkLease(id, u"a"_s, 1); });
    QCOMPARE(check.error().hintId, u"lease-lost"_s);
    QVERIFY(b.transaction([&] { return b.checkLease(id, u"b"_s, 2); }).ok());

    // b's writes go through; without a fence nothing is checked (verify --repair, tests).
    b.setLeaseFence(id, u"b"_s, 2);
    QVERIFY(b.writeBatch(folder(id, u"INBOX"_s, 5, 3), {activity(id, u"INBOX"_s, 5, 2, u"m2@x"_s, u"two"_s)}).ok());
    a.clearLeaseFence(id);
    QVERIFY(a.writeBatch(folder(id, u"INBOX"_s, 5, 3), {}).ok());
    QCOMPARE(*a.activityCount(id), qint64(2));
}

void TestStoreLeases::scheduledClaimsTakeOnlyDueMailboxes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"due.db"_s);
    auto opened = Store::open(config);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
    Store &store = **opened;
    const qint64 id = addMailbox(store, u"due@example.test"_s);
    QVERIFY(id > 0);
    const qint64 profileId = (*store.mailbox(id))->profileId;
    const QDateTime t0 = utc(2026, 12, 5, 10, 0);
    MailboxState state;
    state.mailboxId = id;
    state.nextDueAt = t0.addSecs(300); // another engine synced it and set its next due time
    QVERIFY(store.saveMailboxState(state).ok());

    ClaimOptions scheduled;
    scheduled.onlyWhenDue = true;
    ClaimDetails details;
    QCOMPARE(*store.claimMailbox(id, profileId, 10, u"a"_s, t0, t0.addSecs(60), scheduled, &details),
             Store::Claim::NotDue);
    QCOMPARE(details.state.nextDueAt, t0.addSecs(300));
    QVERIFY(details.state.leaseOwner.isEmpty());
    QCOMPARE(details.state.leaseEpoch, qint64(0));
    // A request (or a run-once) takes it anyway; once due, a scheduled claim does too.
    QCOMPARE(*store.claimMailbox(id, profileId, 10, u"a"_s, t0, t0.addSecs(60)), Store::Claim::Claimed);
    QVERIFY(store.releaseMailbox(id, u"a"_s).ok());
    QCOMPARE(*store.claimMailbox(id, profileId, 10, u"a"_s, t0.addSecs(300), t0.addSecs(360), scheduled),
             Store::Claim::Claimed);
}

void TestStoreLeases::leasesOfSilentEnginesAreFree()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"silent.db"_s);
    auto opened = Store::open(config);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
    Store &store = **opened;
    const qint64 id = addMailbox(store, u"silent@example.test"_s);
    const qint64 other = addMailbox(store, u"silent2@example.test"_s);
    QVERIFY(id > 0 && other > 0);
    const qint64 profileId = (*store.mailbox(id))->profileId;
    const QDateTime t0 = utc(2026, 12, 5, 11, 0);
    auto beat = [&](const QString &node, const QDateTime &at) {
        NodeStatus status;
        status.nodeId = node;
        status.host = u"host"_s;
        status.pid = 1;
        status.startedAt = t0;
        status.heartbeatAt = at;
        return store.publishNode(status);
    };
    ClaimOptions options;
    options.timing.deadAfterSeconds = 10; // two heartbeats of 5 s

    QVERIFY(beat(u"killed"_s, t0).ok());
    QCOMPARE(*store.claimMailbox(id, profileId, 1, u"killed"_s, t0, t0.addSecs(300), options), Store::Claim::Claimed);
    // While it beats, its lease (five minutes long) holds, and it fills the profile's only connection.
    QVERIFY(beat(u"killed"_s, t0.addSecs(8)).ok());
    QCOMPARE(*store.claimMailbox(id, profileId, 1, u"b"_s, t0.addSecs(9), t0.addSecs(60), options),
             Store::Claim::HeldElsewhere);
    QCOMPARE(*store.claimMailbox(other, profileId, 1, u"b"_s, t0.addSecs(9), t0.addSecs(60), options),
             Store::Claim::ProfileFull);
    QVERIFY(store.dueMailboxes(t0.addSecs(9), options.timing)->isEmpty() ||
            !store.dueMailboxes(t0.addSecs(9), options.timing)->contains(id));
    // Silent for two heartbeats (killed with SIGKILL): its lease is free at once, long before it expires.
    QVERIFY(store.dueMailboxes(t0.addSecs(19), options.timing)->contains(id));
    QCOMPARE(*store.claimMailbox(other, profileId, 1, u"b"_s, t0.addSecs(19), t0.addSecs(60), options),
             Store::Claim::Claimed);
    QVERIFY(store.releaseMailbox(other, u"b"_s).ok());
    ClaimDetails details;
    QCOMPARE(*store.claimMailbox(id, profileId, 1, u"b"_s, t0.addSecs(19), t0.addSecs(60), options, &details),
             Store::Claim::Claimed);
    QCOMPARE(details.state.leaseEpoch, qint64(2));
    // Without heartbeat timing only the lease's end counts (and an engine without a row is trusted).
    QCOMPARE(*store.claimMailbox(id, profileId, 1, u"c"_s, t0.addSecs(20), t0.addSecs(80)),
             Store::Claim::HeldElsewhere);
}

void TestStoreLeases::theSweepFindsWhatIsOverdueByMoreThanTheGrace()
{
    // Several engines: each sweeps the store for mailboxes their home engine left overdue. Overdue by more
    // than the grace, enabled, not held by a live engine; one never synced counts from when it was added.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"sweep.db"_s);
    auto opened = Store::open(config);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
    Store &store = **opened;
    const qint64 fresh = addMailbox(store, u"fresh@example.test"_s); // never synced: added a minute ago
    const qint64 late = addMailbox(store, u"late@example.test"_s);
    const qint64 onTime = addMailbox(store, u"ontime@example.test"_s);
    const qint64 disabled = addMailbox(store, u"disabled@example.test"_s);
    const qint64 held = addMailbox(store, u"held@example.test"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc().addSecs(60);
    const auto dueAt = [&](qint64 id, const QDateTime &due) {
        auto state = store.mailboxState(id);
        QVERIFY(state.ok());
        MailboxState next = *state;
        next.nextDueAt = due;
        QVERIFY(store.saveMailboxState(next));
    };
    dueAt(late, now.addSecs(-30));
    dueAt(onTime, now.addSecs(-2));
    dueAt(disabled, now.addSecs(-90));
    dueAt(held, now.addSecs(-90));
    QVERIFY(store.setMailboxEnabled(disabled, false, u"admin"_s, now.addSecs(-60)));
    dueAt(disabled, now.addSecs(-90));
    NodeStatus engine;
    engine.nodeId = u"busy-engine"_s;
    engine.startedAt = now;
    engine.heartbeatAt = now;
    QVERIFY(store.publishNode(engine));
    const qint64 profileId = (*store.mailbox(held))->profileId;
    QCOMPARE(*store.claimMailbox(held, profileId, 10, u"busy-engine"_s, now, now.addSecs(300)), Store::Claim::Claimed);
    LeaseTiming timing;
    timing.deadAfterSeconds = 10;
    const auto swept = store.overdueMailboxes(now.addSecs(-15), now, timing, 10);
    QVERIFY2(swept.ok(), swept.ok() ? "" : qPrintable(why(swept.error())));
    QCOMPARE(*swept, (QList<qint64>{fresh, late})); // most overdue first
    QCOMPARE(*store.overdueMailboxes(now.addSecs(-15), now, timing, 1), QList<qint64>{fresh});
    QCOMPARE(*store.overdueMailboxes(now.addSecs(-120), now, timing, 10), QList<qint64>{});
    // The engine holding one goes silent: what it held is overdue too.
    QCOMPARE(*store.overdueMailboxes(now.addSecs(-15), now.addSecs(20), timing, 10),
             (QList<qint64>{held, fresh, late}));
}

void TestStoreLeases::aNodeFrozenWhileOpeningTheStoreLocksNoOneOut()
{
    // A node frozen (SIGSTOP, a suspended VM) while it opens a connection must not stop the others from
    // opening theirs: on PostgreSQL the schema lock (a session advisory lock, which no idle timeout ends)
    // is taken only when the schema has to change. Seen in tst_multinode_postgresql: every other engine's
    // new connections failed with store-locked until the frozen node woke up.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"frozen.db"_s);
    {
        auto first = Store::open(config); // creates the schema
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(why(first.error())));
    }
    QSqlDatabase frozen = Testing::TestStore::rawConnection(config, u"frozen-node"_s);
    QVERIFY(frozen.isOpen());
    QSqlQuery hold(frozen);
    if (config.isPostgres()) {
        QVERIFY2(hold.exec(u"SELECT pg_advisory_lock(%1)"_s.arg(0x53796e634465736bLL)), // the migration lock
                 qPrintable(hold.lastError().text()));
    } else {
        QVERIFY(hold.exec(u"BEGIN"_s) && hold.exec(u"SELECT COUNT(*) FROM mailboxes"_s)); // a reader
    }
    QElapsedTimer timer;
    timer.start();
    auto second = Store::open(config);
    QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(why(second.error())));
    qInfo("opened in %lld ms while another session held the schema lock", timer.elapsed());
    hold.finish();
    frozen.close();
    frozen = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"frozen-node"_s);
}

void TestStoreLeases::enginesPublishingOverdueCausesAtOnceNeverDeadlock()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"overdue.db"_s);
    QList<qint64> ids;
    {
        auto opened = Store::open(config);
        QVERIFY(opened);
        for (int i = 0; i < 60; ++i) {
            ids.append(addMailbox(**opened, u"overdue%1@example.test"_s.arg(i)));
        }
    }
    // Two engines publish overlapping sets of causes (hashes of different sizes: different orders) at once.
    QAtomicInt failures;
    QString firstFailure;
    QMutex mutex;
    auto engine = [&](int from, int to, const QString &cause, int others) {
        auto opened = Store::open(config);
        if (!opened) {
            failures.ref();
            return;
        }
        for (int round = 0; round < 12; ++round) {
            QHash<qint64, QString> changes;
            for (int i = from; i < to; ++i) {
                changes.insert(ids.at(i), round % 2 == 0 ? cause : QString());
            }
            for (int i = 0; i < others; ++i) {
                changes.insert(1000000 + i, cause); // no such mailbox: a bigger hash, another order
            }
            if (Status set = (*opened)->setOverdueCauses(changes); !set) {
                failures.ref();
                QMutexLocker locker(&mutex);
                firstFailure = set.error().toString();
            }
        }
    };
    std::unique_ptr<QThread> a(QThread::create(engine, 0, 60, u"no free connection"_s, 0));
    std::unique_ptr<QThread> b(QThread::create(engine, 0, 60, u"engine busy"_s, 1500));
    a->start();
    b->start();
    QVERIFY(a->wait(120000) && b->wait(120000));
    QVERIFY2(failures.loadRelaxed() == 0, qPrintable(firstFailure));
}

void TestStoreLeases::batchClaimsKeepEveryRuleOfSingleClaims()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"batch.db"_s);
    auto opened = Store::open(config);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
    Store &store = **opened;
    QList<qint64> m;
    for (int i = 1; i <= 6; ++i) {
        m.append(addMailbox(store, u"batch%1@example.test"_s.arg(i)));
        QVERIFY(m.last() > 0);
    }
    const qint64 profileId = (*store.mailbox(m[0]))->profileId;
    const QDateTime t0 = utc(2026, 12, 5, 9, 0);
    // m[0] is held by another engine; m[1] and m[3] were synced elsewhere and are due in five minutes;
    // m[5] is this engine's already (epoch 1); m[4] has no state row (added by an older version).
    QCOMPARE(*store.claimMailbox(m[0], profileId, 10, u"b"_s, t0, t0.addSecs(60)), Store::Claim::Claimed);
    for (qint64 id : {m[1], m[3]}) {
        MailboxState state;
        state.mailboxId = id;
        state.nextDueAt = t0.addSecs(300);
        QVERIFY(store.saveMailboxState(state).ok());
    }
    ClaimDetails mine;
    QCOMPARE(*store.claimMailbox(m[5], profileId, 10, u"a"_s, t0, t0.addSecs(60), {}, &mine), Store::Claim::Claimed);
    QCOMPARE(mine.state.leaseEpoch, qint64(1));
    TestStore::rawSql(config, u"DELETE FROM mailbox_state WHERE mailbox_id = %1"_s.arg(m[4]));
    QVERIFY(TestStore::rawSql(config, u"SELECT 1 FROM mailbox_state WHERE mailbox_id = %1"_s.arg(m[4])).isEmpty());

    const Store::Statistics before = Store::statistics();
    auto outcomes = store.claimMailboxes({{m[0], profileId, 10, true},
                                          {m[1], profileId, 10, true},
                                          {m[2], profileId, 10, true},
                                          {m[3], profileId, 10, false}, // a request takes it although not due
                                          {m[4], profileId, 10, true},
                                          {m[5], profileId, 10, true},
                                          {4242, profileId, 10, true}}, // deleted meanwhile
                                         u"a"_s, t0.addSecs(1), t0.addSecs(61));
    QVERIFY2(outcomes.ok(), outcomes.ok() ? "" : qPrintable(why(outcomes.error())));
    QCOMPARE(Store::statistics().claims - before.claims, qint64(7));
    QCOMPARE(outcomes->size(), 7);
    QList<Store::Claim> claims;
    for (const Store::ClaimOutcome &outcome : *outcomes) {
        claims.append(outcome.claim);
    }
    QCOMPARE(claims, (QList<Store::Claim>{Store::Claim::HeldElsewhere, Store::Claim::NotDue, Store::Claim::Claimed,
                                          Store::Claim::Claimed, Store::Claim::Claimed, Store::Claim::Claimed,
                                          Store::Claim::Gone}));
    QCOMPARE(outcomes->at(0).mailboxId, m[0]);
    QCOMPARE(outcomes->at(0).state.leaseOwner, u"b"_s);
    QCOMPARE(outcomes->at(1).state.nextDueAt, t0.addSecs(300));
    QVERIFY(outcomes->at(1).state.leaseOwner.isEmpty());
    for (int i : {2, 3, 4}) {
        QCOMPARE(outcomes->at(i).mailboxId, m[i]);
        QCOMPARE(outcomes->at(i).state.leaseOwner, u"a"_s);
        QCOMPARE(outcomes->at(i).state.leaseUntil, t0.addSecs(61));
        QCOMPARE(outcomes->at(i).state.leaseEpoch, qint64(1));
    }
    // Claimed again by its live holder: renewed, same epoch.
    QCOMPARE(outcomes->at(5).state.leaseEpoch, qint64(1));
    QCOMPARE(outcomes->at(5).state.leaseUntil, t0.addSecs(61));
    QCOMPARE(store.mailboxState(m[4])->leaseOwner, u"a"_s);

    // The cap counts every engine's leases: five live (b: 1, a: 4), a cap of 6 leaves room for one, given
    // to the first request.
    auto capped = store.claimMailboxes({{m[1], profileId, 6, false}, {m[0], profileId, 6, false}}, u"c"_s,
                                       t0.addSecs(2), t0.addSecs(62));
    QVERIFY(capped.ok());
    QCOMPARE(capped->at(0).claim, Store::Claim::Claimed);
    QCOMPARE(capped->at(1).claim, Store::Claim::HeldElsewhere);
    auto third = store.claimMailboxes({{m[1], profileId, 6, false}}, u"d"_s, t0.addSecs(2), t0.addSecs(62));
    QVERIFY(third.ok());
    QCOMPARE(third->constFirst().claim, Store::Claim::HeldElsewhere);
    QVERIFY(store.releaseMailbox(m[2], u"a"_s).ok());
    auto full = store.claimMailboxes({{m[2], profileId, 5, false}}, u"d"_s, t0.addSecs(3), t0.addSecs(63));
    QVERIFY(full.ok());
    QCOMPARE(full->constFirst().claim, Store::Claim::ProfileFull);
    QCOMPARE(full->constFirst().state.leaseOwner, QString());
    const auto held = store.leasesHeld(t0.addSecs(3));
    QVERIFY(held.ok());
    int live = 0;
    for (int count : *held) {
        live += count;
    }
    QCOMPARE(live, 5);
    // An empty batch is nothing to do.
    auto none = store.claimMailboxes({}, u"a"_s, t0, t0.addSecs(60));
    QVERIFY(none.ok() && none->isEmpty());
}

void TestStoreLeases::batchClaimsFromThreeConnectionsKeepTheCap()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"batches.db"_s);
    QList<qint64> ids;
    qint64 profileId = 0;
    {
        auto opened = Store::open(config);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
        for (int i = 0; i < 40; ++i) {
            ids.append(addMailbox(**opened, u"race%1@example.test"_s.arg(i)));
            QVERIFY(ids.last() > 0);
        }
        profileId = (*(*opened)->mailbox(ids.first()))->profileId;
    }
    // Three engines claim random batches of up to 12 of the same 40 mailboxes (cap 7), hold what they got,
    // check it, and release it, 40 times each. At every moment: no mailbox held by two, never more than 7
    // leases — each engine counts the leases it sees right after its claim.
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    constexpr int kCap = 7;
    QMutex mutex;
    QHash<qint64, QString> holders;
    QStringList problems;
    int claimedTotal = 0;
    auto engine = [&](const QString &node, quint32 engineSeed) {
        QRandomGenerator random(engineSeed);
        auto opened = Store::open(config);
        if (!opened) {
            QMutexLocker locker(&mutex);
            problems.append(node + u": "_s + why(opened.error()));
            return;
        }
        Store &store = **opened;
        for (int round = 0; round < 40; ++round) {
            QList<ClaimRequest> requests;
            const int size = 1 + int(random.bounded(12));
            for (int i = 0; i < size; ++i) {
                requests.append({ids.at(int(random.bounded(ids.size()))), profileId, kCap, false});
            }
            const QDateTime now = QDateTime::currentDateTimeUtc();
            auto outcomes = store.claimMailboxes(requests, node, now, now.addSecs(60));
            if (!outcomes) {
                QMutexLocker locker(&mutex);
                problems.append(node + u": "_s + why(outcomes.error()));
                return;
            }
            QList<qint64> got;
            for (const Store::ClaimOutcome &outcome : *outcomes) {
                if (outcome.claim == Store::Claim::Claimed && !got.contains(outcome.mailboxId)) {
                    got.append(outcome.mailboxId);
                }
            }
            auto held = store.leasesHeld(now);
            int live = 0;
            for (int count : held ? *held : QHash<QString, int>()) {
                live += count;
            }
            {
                QMutexLocker locker(&mutex);
                claimedTotal += int(got.size());
                if (live > kCap) {
                    problems.append(u"%1 leases live, cap %2"_s.arg(live).arg(kCap));
                }
                for (qint64 id : std::as_const(got)) {
                    if (holders.contains(id)) {
                        problems.append(u"mailbox %1 held by %2 and %3"_s.arg(id).arg(holders.value(id), node));
                    }
                    holders.insert(id, node);
                }
            }
            {
                QMutexLocker locker(&mutex);
                for (qint64 id : std::as_const(got)) {
                    holders.remove(id); // before the store lets another engine have it
                }
            }
            for (qint64 id : std::as_const(got)) {
                if (Status released = store.releaseMailbox(id, node); !released) {
                    QMutexLocker locker(&mutex);
                    problems.append(node + u": "_s + why(released.error()));
                }
            }
        }
    };
    std::unique_ptr<QThread> a(QThread::create(engine, u"a"_s, seed));
    std::unique_ptr<QThread> b(QThread::create(engine, u"b"_s, seed + 1));
    std::unique_ptr<QThread> c(QThread::create(engine, u"c"_s, seed + 2));
    a->start();
    b->start();
    c->start();
    QVERIFY(a->wait(120000) && b->wait(120000) && c->wait(120000));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    QVERIFY2(claimedTotal > 40, qPrintable(u"only %1 claims succeeded"_s.arg(claimedTotal)));
    QVERIFY(TestStore::rawSql(config, u"SELECT 1 FROM mailbox_state WHERE lease_owner IS NOT NULL"_s).isEmpty());
}

void TestStoreLeases::leasedStateFencesAndReleaseFollowsTheState()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"leased.db"_s);
    auto opened = Store::open(config);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
    Store &store = **opened;
    const qint64 id = addMailbox(store, u"leased@example.test"_s);
    QVERIFY(id > 0);
    const qint64 profileId = (*store.mailbox(id))->profileId;
    const QDateTime t0 = utc(2026, 12, 5, 9, 30);
    ClaimDetails claim;
    QCOMPARE(*store.claimMailbox(id, profileId, 10, u"a"_s, t0, t0.addSecs(30), {}, &claim), Store::Claim::Claimed);
    // The holder reads its state and writes the outcome with the lease released, in one transaction.
    Status finished = store.transaction([&]() -> Status {
        auto state = store.leasedState(id, u"a"_s, claim.state.leaseEpoch);
        if (!state) {
            return state.error();
        }
        MailboxState next = *state;
        next.nextDueAt = t0.addSecs(300);
        return store.saveMailboxState(next, true);
    });
    QVERIFY2(finished.ok(), finished.ok() ? "" : qPrintable(why(finished.error())));
    auto after = store.mailboxState(id);
    QCOMPARE(after->nextDueAt, t0.addSecs(300));
    QVERIFY(after->leaseOwner.isEmpty());
    QVERIFY(!after->leaseUntil.isValid());
    // Once another engine holds it (a new epoch), the old holder reads nothing and writes nothing.
    QCOMPARE(*store.claimMailbox(id, profileId, 10, u"b"_s, t0.addSecs(1), t0.addSecs(31)), Store::Claim::Claimed);
    Status fenced = store.transaction([&]() -> Status {
        auto state = store.leasedState(id, u"a"_s, claim.state.leaseEpoch);
        if (!state) {
            return state.error();
        }
        return store.saveMailboxState(*state, true);
    });
    QVERIFY(!fenced.ok());
    QCOMPARE(fenced.error().hintId, u"lease-lost"_s);
    QVERIFY(fenced.error().message.contains(u"b holds it now (epoch 2)"_s));
    QCOMPARE(store.mailboxState(id)->leaseOwner, u"b"_s);
    // Saving without releasing leaves the lease alone.
    MailboxState state = *store.mailboxState(id);
    state.itemsLastSync = 3;
    QVERIFY(store.saveMailboxState(state).ok());
    QCOMPARE(store.mailboxState(id)->leaseOwner, u"b"_s);
    QCOMPARE(store.mailboxState(id)->itemsLastSync, 3);
}

void TestStoreLeases::aFinishedRunWritesItsStateAndItsRowTogether()
{
    // One statement on PostgreSQL, two on SQLite: both rows or neither.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"finished.db"_s);
    auto opened = Store::open(config);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
    Store &store = **opened;
    const qint64 id = addMailbox(store, u"finished@example.test"_s);
    QVERIFY(id > 0);
    const qint64 profileId = (*store.mailbox(id))->profileId;
    const QDateTime t0 = utc(2026, 12, 5, 9, 30);
    ClaimDetails claim;
    QCOMPARE(*store.claimMailbox(id, profileId, 10, u"a"_s, t0, t0.addSecs(30), {}, &claim), Store::Claim::Claimed);
    MailboxState state = claim.state;
    state.nextDueAt = t0.addSecs(300);
    state.itemsLastSync = 4;
    state.lastErrorClass = ErrorClass::Auth;
    state.lastErrorMessage = u"the server's \"words\"; and more"_s;
    SyncRun run;
    run.mailboxId = id;
    run.startedAt = t0;
    run.finishedAt = t0.addSecs(2);
    run.trigger = SyncTrigger::Scheduled;
    run.itemsNew = 4;
    run.errorClass = ErrorClass::Auth;
    run.errorMessage = state.lastErrorMessage;
    run.node = u"a"_s;
    run.leaseEpoch = claim.state.leaseEpoch;
    run.intervalMs = 300000;
    run.intervalReason = u"normal"_s;
    Status saved = store.transaction([&] { return store.saveStateAndRun(state, true, run); });
    QVERIFY2(saved.ok(), saved.ok() ? "" : qPrintable(why(saved.error())));
    const MailboxState after = *store.mailboxState(id);
    QCOMPARE(after.nextDueAt, t0.addSecs(300));
    QCOMPARE(after.itemsLastSync, 4);
    QCOMPARE(after.lastErrorMessage, state.lastErrorMessage);
    QVERIFY(after.leaseOwner.isEmpty());
    auto runs = store.recentRuns(id, 10);
    QVERIFY(runs.ok());
    QCOMPARE(runs->size(), 1);
    QCOMPARE(runs->constFirst().errorMessage, state.lastErrorMessage);
    QCOMPARE(runs->constFirst().leaseEpoch, claim.state.leaseEpoch);
    QCOMPARE(runs->constFirst().itemsNew, 4);
    // A run row the store refuses (no such mailbox) takes the state with it, and the other way round.
    MailboxState later = after;
    later.nextDueAt = t0.addSecs(900);
    SyncRun orphan = run;
    orphan.mailboxId = id + 1000;
    QVERIFY(!store.transaction([&] { return store.saveStateAndRun(later, false, orphan); }).ok());
    QCOMPARE(store.mailboxState(id)->nextDueAt, t0.addSecs(300));
    MailboxState orphanState = later;
    orphanState.mailboxId = id + 1000;
    QVERIFY(!store.transaction([&] { return store.saveStateAndRun(orphanState, false, run); }).ok());
    QCOMPARE(store.recentRuns(id, 10)->size(), 1);
}

void TestStoreLeases::aSuccessWritesItsWholeStateOnlyUnderItsLease()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"success.db"_s);
    auto opened = Store::open(config);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
    Store &store = **opened;
    const qint64 id = addMailbox(store, u"success@example.test"_s);
    QVERIFY(id > 0);
    const qint64 profileId = (*store.mailbox(id))->profileId;
    const QDateTime t0 = utc(2026, 12, 5, 9, 30);
    // It was failing: two failures and an error.
    MailboxState failing = *store.mailboxState(id);
    failing.consecutiveFailures = 2;
    failing.lastErrorClass = ErrorClass::Network;
    failing.lastErrorMessage = u"connection refused"_s;
    QVERIFY(store.saveMailboxState(failing).ok());
    ClaimDetails claim;
    QCOMPARE(*store.claimMailbox(id, profileId, 10, u"a"_s, t0, t0.addSecs(30), {}, &claim), Store::Claim::Claimed);
    auto finish = [&](const QString &node, qint64 epoch, const QDateTime &due) {
        MailboxState state;
        state.mailboxId = id;
        state.nextDueAt = due;
        state.intervalMs = 300000;
        state.lastSyncAt = t0;
        state.lastSuccessAt = t0;
        state.itemsLastSync = 2;
        SyncRun run;
        run.mailboxId = id;
        run.startedAt = t0;
        run.finishedAt = t0.addSecs(1);
        run.success = true;
        run.itemsNew = 2;
        run.node = node;
        run.leaseEpoch = epoch;
        Result<bool> result = false;
        const Status done = store.transaction([&]() -> Status {
            result = store.finishLeasedRun(state, node, epoch, run);
            return result ? Status{} : Status(result.error());
        });
        return result;
    };
    auto first = finish(u"a"_s, claim.state.leaseEpoch, t0.addSecs(300));
    QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(why(first.error())));
    QVERIFY2(*first, "the mailbox was failing before this run");
    MailboxState after = *store.mailboxState(id);
    QCOMPARE(after.nextDueAt, t0.addSecs(300));
    QCOMPARE(after.consecutiveFailures, 0);
    QVERIFY(!after.hasError());
    QCOMPARE(after.lastSuccessAt, t0);
    QCOMPARE(after.itemsLastSync, 2);
    QVERIFY(after.leaseOwner.isEmpty());
    QCOMPARE(store.recentRuns(id, 10)->size(), 1);
    // The next success of a healthy mailbox: it was not failing.
    QCOMPARE(*store.claimMailbox(id, profileId, 10, u"a"_s, t0.addSecs(301), t0.addSecs(330), {}, &claim),
             Store::Claim::Claimed);
    auto second = finish(u"a"_s, claim.state.leaseEpoch, t0.addSecs(600));
    QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(why(second.error())));
    QVERIFY(!*second);
    // Under a lease that moved on: refused with who holds it now, and nothing written.
    const qint64 oldEpoch = claim.state.leaseEpoch;
    QCOMPARE(*store.claimMailbox(id, profileId, 10, u"a"_s, t0.addSecs(601), t0.addSecs(630)), Store::Claim::Claimed);
    QCOMPARE(*store.claimMailbox(id, profileId, 10, u"b"_s, t0.addSecs(700), t0.addSecs(730)), Store::Claim::Claimed);
    auto fenced = finish(u"a"_s, oldEpoch + 1, t0.addSecs(900));
    QVERIFY(!fenced.ok());
    QCOMPARE(fenced.error().hintId, u"lease-lost"_s);
    QVERIFY2(fenced.error().message.contains(u"b holds it now"_s), qPrintable(fenced.error().message));
    QCOMPARE(store.mailboxState(id)->nextDueAt, t0.addSecs(600));
    QCOMPARE(store.mailboxState(id)->leaseOwner, u"b"_s);
    QCOMPARE(store.recentRuns(id, 10)->size(), 2);
}

void TestStoreLeases::otherWritesOfAFencedRunAreRefused()
{
    // Item failures, track requests and withheld counts are written by a run outside its batches: once its
    // lease moved on they are refused like the batches are, and nothing of them is stored.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"fenced.db"_s);
    auto opened = Store::open(config);
    auto other = Store::open(config);
    QVERIFY2(opened.ok() && other.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
    Store &store = **opened;
    const qint64 id = addMailbox(store, u"fenced@example.test"_s);
    QVERIFY(id > 0);
    const qint64 profileId = (*store.mailbox(id))->profileId;
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    ClaimDetails claim;
    QCOMPARE(*store.claimMailbox(id, profileId, 10, u"a"_s, t0, t0.addSecs(30), {}, &claim), Store::Claim::Claimed);
    store.setLeaseFence(id, u"a"_s, claim.state.leaseEpoch);
    ItemFailure failure;
    failure.mailboxId = id;
    failure.folder = u"INBOX"_s;
    failure.uidValidity = 7;
    failure.uid = 1;
    failure.errorClass = ErrorClass::Parse;
    failure.hintId = u"message-parse"_s;
    failure.reason = u"while the lease holds"_s;
    QVERIFY(DiagnosticsStore(store).recordItemFailure(failure).ok());
    // Engine b takes the mailbox over (a was paused past its lease).
    QCOMPARE(*(*other)->claimMailbox(id, profileId, 10, u"b"_s, t0.addSecs(31), t0.addSecs(61)), Store::Claim::Claimed);
    failure.uid = 2;
    failure.reason = u"after the lease moved on"_s;
    const Status refused = DiagnosticsStore(store).recordItemFailure(failure);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().hintId, u"lease-lost"_s);
    const Status resolve = DiagnosticsStore(store).resolveItemFailure(id, u"INBOX"_s, 7, 1, QString());
    QCOMPARE(resolve.ok() ? QString() : resolve.error().hintId, u"lease-lost"_s);
    const Status dropped = DiagnosticsStore(store).dropStaleItemFailures(id, u"INBOX"_s, 8);
    QCOMPARE(dropped.ok() ? QString() : dropped.error().hintId, u"lease-lost"_s);
    bool ran = false;
    const Status write = store.fencedWrite(id, [&]() -> Status {
        ran = true;
        return {};
    });
    QCOMPARE(write.ok() ? QString() : write.error().hintId, u"lease-lost"_s);
    QVERIFY(!ran);
    auto failures = DiagnosticsStore(**other).itemFailures(id);
    QVERIFY(failures.ok());
    QCOMPARE(failures->size(), 1); // the first one, untouched
    QCOMPARE(failures->constFirst().reason, u"while the lease holds"_s);
    // Without a fence (the console, the CLI) writes go through as before.
    store.clearLeaseFence(id);
    QVERIFY(DiagnosticsStore(store).resolveItemFailure(id, u"INBOX"_s, 7, 1, QString()).ok());
    QVERIFY(DiagnosticsStore(**other).itemFailures(id)->isEmpty());
}

void TestStoreLeases::rowsBeingWrittenAreSkippedNotWaitedFor()
{
    if (!TestStore::isPostgres()) {
        QSKIP("PostgreSQL only: on SQLite a claim's write transaction excludes every other writer");
    }
    // Another engine is writing one mailbox's row (its run's outcome, in an open transaction): a batch
    // claim takes the others at once and leaves that one, instead of waiting for the writer to commit.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"skip.db"_s);
    auto opened = Store::open(config);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
    Store &store = **opened;
    const qint64 busy = addMailbox(store, u"busy@example.test"_s);
    const qint64 free = addMailbox(store, u"free@example.test"_s);
    QVERIFY(busy > 0 && free > 0);
    const qint64 profileId = (*store.mailbox(busy))->profileId;
    {
        QSqlDatabase writer = TestStore::rawConnection(config, u"writer"_s);
        QVERIFY(writer.isOpen());
        QVERIFY(writer.transaction());
        QSqlQuery lock(writer);
        QVERIFY(lock.exec(u"SELECT mailbox_id FROM mailbox_state WHERE mailbox_id = %1 FOR UPDATE"_s.arg(busy)));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QElapsedTimer timer;
        timer.start();
        auto outcomes = store.claimMailboxes({{busy, profileId, 10, false}, {free, profileId, 10, false}}, u"a"_s, now,
                                             now.addSecs(60));
        QVERIFY2(outcomes.ok(), outcomes.ok() ? "" : qPrintable(why(outcomes.error())));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(u"the claim waited %1 ms"_s.arg(timer.elapsed())));
        QCOMPARE(outcomes->at(0).claim, Store::Claim::HeldElsewhere);
        QCOMPARE(outcomes->at(1).claim, Store::Claim::Claimed);
        QVERIFY(writer.rollback());
        writer.close();
    }
    QSqlDatabase::removeDatabase(u"writer"_s);
    const QDateTime later = QDateTime::currentDateTimeUtc();
    QCOMPARE(*store.claimMailbox(busy, profileId, 10, u"a"_s, later, later.addSecs(60)), Store::Claim::Claimed);
}

QTEST_GUILESS_MAIN(TestStoreLeases)
#include "tst_storeleases.moc"
