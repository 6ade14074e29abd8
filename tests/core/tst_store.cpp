// The store's behaviour, on SQLite and (as tst_store_postgresql) on PostgreSQL: batches and their
// deduplication, POP3 UIDLs, leases and the connection cap across nodes, concurrent claims from two
// connections, locks, lost sessions, text PostgreSQL cannot hold, and database URLs.

#include "store/store.h"
#include "storefixtures.h"
#include "teststore.h"

#include <QHash>
#include <QMutex>
#include <QPair>
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

class TestStoreBehaviour : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writeBatchDedupesAndRelinks();
    void writeBatchIsAllOrNothing();
    void pop3SeenUidlsArePerMailbox();
    void leases();
    void claimsFromTwoConnectionsNeverOverlap();
    void everyClaimStartsAnEpochAndFencesTheOldOne();
    void scheduledClaimsTakeOnlyDueMailboxes();
    void leasesOfSilentEnginesAreFree();
    void textWithNulCharactersIsStored();
    void lockHeldElsewhereIsStoreLocked();
    void lostSessionReconnects();
    void databaseUrls();
    void syncRequestsAreTakenOnceWithinALimit();
    void listeningConnectionIsNotifiedOfRequests();
    void enginesPublishingOverdueCausesAtOnceNeverDeadlock();
};

void TestStoreBehaviour::initTestCase()
{
    qInfo("backend: %s", qPrintable(Testing::TestStore::backendName()));
}

void TestStoreBehaviour::pop3SeenUidlsArePerMailbox()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"pop3.db"_s);
    auto opened = Store::open(config);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
    Store &store = **opened;
    const qint64 first = addMailbox(store, u"pop-a@example.test"_s);
    const qint64 second = addMailbox(store, u"pop-b@example.test"_s);
    QVERIFY(first > 0 && second > 0);

    auto empty = store.pop3Maildrop(first);
    QVERIFY(empty.ok());
    QVERIFY(empty->seenUidls.isEmpty());
    QCOMPARE(empty->nextLocalUid, 1u);

    // Two messages; the second is a copy of the first (same Message-ID): one activity, both UIDLs seen.
    const Activity a = activity(first, u"INBOX"_s, 0, 1, u"pop-1@example.test"_s, u"One"_s);
    const Activity copy = activity(first, u"INBOX"_s, 0, 2, u"pop-1@example.test"_s, u"One"_s);
    auto written = store.writePop3Batch(first, {{"uidl-1", 1}, {"uidl-2", 2}}, {a, copy});
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(why(written.error())));
    QCOMPARE(written->inserted, 1);
    QCOMPARE(written->duplicates, 1);

    auto after = store.pop3Maildrop(first);
    QVERIFY(after.ok());
    QCOMPARE(after->seenUidls, (QSet<QByteArray>{"uidl-1", "uidl-2"}));
    QCOMPARE(after->nextLocalUid, 3u);
    // Another mailbox of the same server shares nothing.
    auto other = store.pop3Maildrop(second);
    QVERIFY(other.ok());
    QVERIFY(other->seenUidls.isEmpty());
    // Writing a seen UIDL again changes nothing and is no error.
    auto again = store.writePop3Batch(first, {{"uidl-1", 9}}, {});
    QVERIFY(again.ok());
    QCOMPARE(Testing::TestStore::rawSql(config, u"SELECT uidl, local_uid FROM pop3_seen ORDER BY uidl"_s),
             (QList<QStringList>{{u"uidl-1"_s, u"1"_s}, {u"uidl-2"_s, u"2"_s}}));
}

void TestStoreBehaviour::writeBatchDedupesAndRelinks()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"batch.db"_s);
    auto opened = Store::open(config);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
    Store &store = **opened;
    const qint64 id = addMailbox(store, u"batch@example.test"_s);
    QVERIFY(id > 0);

    const Activity a = activity(id, u"INBOX"_s, 100, 1, u"a@example.test"_s, u"A"_s);
    const Activity b = activity(id, u"INBOX"_s, 100, 2, u"b@example.test"_s, u"B"_s);
    const Activity c = activity(id, u"INBOX"_s, 100, 3, QString(), u"C without id"_s);

    auto first = store.writeBatch(folder(id, u"INBOX"_s, 100, 4), {a, b, c});
    QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(why(first.error())));
    QCOMPARE(batchText(*first), batchText(3, 0, 0));
    QCOMPARE(*store.activityCount(id), qint64(3));
    auto inbox = store.folderState(id, u"INBOX"_s);
    QVERIFY(inbox.ok());
    QCOMPARE(inbox->uidValidity, quint32(100));
    QCOMPARE(inbox->uidNext, quint32(4));

    // The same batch again (a retried sync): all duplicates.
    auto again = store.writeBatch(folder(id, u"INBOX"_s, 100, 4), {a, b, c});
    QVERIFY(again.ok());
    QCOMPARE(batchText(*again), batchText(0, 3, 0));

    // A copy in another folder stays one activity, where it was first seen.
    auto copy = store.writeBatch(folder(id, u"Sent"_s, 7, 6), {activity(id, u"Sent"_s, 7, 5, a.messageId, a.subject)});
    QVERIFY(copy.ok());
    QCOMPARE(batchText(*copy), batchText(0, 1, 0));

    // Another message at a location already taken (same folder, UIDVALIDITY and UID) is not stored.
    auto sameLocation = store.writeBatch(folder(id, u"INBOX"_s, 100, 4),
                                         {activity(id, u"INBOX"_s, 100, 2, u"z@example.test"_s, u"Z"_s)});
    QVERIFY(sameLocation.ok());
    QCOMPARE(batchText(*sameLocation), batchText(0, 1, 0));

    // Twice the same new message in one batch: stored once.
    const Activity e = activity(id, u"INBOX"_s, 100, 4, u"e@example.test"_s, u"E"_s);
    auto twice = store.writeBatch(folder(id, u"INBOX"_s, 100, 5), {e, e});
    QVERIFY(twice.ok());
    QCOMPARE(batchText(*twice), batchText(1, 1, 0));
    QCOMPARE(*store.activityCount(id), qint64(4));

    // UIDVALIDITY of INBOX changes: every message comes again under new UIDs; the stored rows move.
    const Activity d = activity(id, u"INBOX"_s, 200, 15, u"d@example.test"_s, u"D"_s);
    auto reset = store.writeBatch(folder(id, u"INBOX"_s, 200, 16, 77),
                                  {activity(id, u"INBOX"_s, 200, 11, a.messageId, a.subject),
                                   activity(id, u"INBOX"_s, 200, 12, b.messageId, b.subject),
                                   activity(id, u"INBOX"_s, 200, 13, QString(), c.subject),
                                   activity(id, u"INBOX"_s, 200, 14, e.messageId, e.subject), d});
    QVERIFY2(reset.ok(), reset.ok() ? "" : qPrintable(why(reset.error())));
    QCOMPARE(batchText(*reset), batchText(1, 4, 4));
    QCOMPARE(*store.activityCount(id), qint64(5));
    QCOMPARE(*store.activityCount(), qint64(5));

    QHash<QString, QPair<quint32, quint32>> locations;
    for (const Activity &stored : activities(store, id)) {
        QCOMPARE(stored.folder, u"INBOX"_s);
        locations.insert(stored.subject, {stored.uidValidity, stored.uid});
    }
    QCOMPARE(locations.value(u"A"_s), (QPair<quint32, quint32>(200, 11)));
    QCOMPARE(locations.value(u"B"_s), (QPair<quint32, quint32>(200, 12)));
    QCOMPARE(locations.value(u"C without id"_s), (QPair<quint32, quint32>(200, 13)));
    QCOMPARE(locations.value(u"E"_s), (QPair<quint32, quint32>(200, 14)));
    QCOMPARE(locations.value(u"D"_s), (QPair<quint32, quint32>(200, 15)));
    inbox = store.folderState(id, u"INBOX"_s);
    QVERIFY(inbox.ok());
    QCOMPARE(inbox->uidValidity, quint32(200));
    QCOMPARE(inbox->uidNext, quint32(16));
    QCOMPARE(inbox->highestModSeq, quint64(77));
    auto sent = store.folderState(id, u"Sent"_s);
    QVERIFY(sent.ok());
    QCOMPARE(sent->uidValidity, quint32(7));

    // The same reset batch once more: duplicates, nothing moves.
    auto repeated = store.writeBatch(folder(id, u"INBOX"_s, 200, 16, 77),
                                     {activity(id, u"INBOX"_s, 200, 11, a.messageId, a.subject), d});
    QVERIFY(repeated.ok());
    QCOMPARE(batchText(*repeated), batchText(0, 2, 0));
}

void TestStoreBehaviour::writeBatchIsAllOrNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"atomic.db"_s);
    auto opened = Store::open(config);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
    Store &store = **opened;
    const qint64 id = addMailbox(store, u"atomic@example.test"_s);
    QVERIFY(id > 0);
    QVERIFY(
        store.writeBatch(folder(id, u"INBOX"_s, 1, 2), {activity(id, u"INBOX"_s, 1, 1, u"x@e.test"_s, u"X"_s)}).ok());

    // The second activity names a mailbox that does not exist: the foreign key fails the whole batch.
    auto failed =
        store.writeBatch(folder(id, u"INBOX"_s, 1, 9), {activity(id, u"INBOX"_s, 1, 2, u"y@e.test"_s, u"Y"_s),
                                                        activity(9999, u"INBOX"_s, 1, 3, u"w@e.test"_s, u"W"_s)});
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().errorClass, ErrorClass::Store);
    QCOMPARE(*store.activityCount(), qint64(1));
    auto inbox = store.folderState(id, u"INBOX"_s);
    QVERIFY(inbox.ok());
    QCOMPARE(inbox->uidNext, quint32(2));
    // The store is usable afterwards.
    auto next = store.writeBatch(folder(id, u"INBOX"_s, 1, 3), {activity(id, u"INBOX"_s, 1, 2, u"y@e.test"_s, u"Y"_s)});
    QVERIFY(next.ok());
    QCOMPARE(batchText(*next), batchText(1, 0, 0));
}

void TestStoreBehaviour::leases()
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

void TestStoreBehaviour::claimsFromTwoConnectionsNeverOverlap()
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

void TestStoreBehaviour::everyClaimStartsAnEpochAndFencesTheOldOne()
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

void TestStoreBehaviour::scheduledClaimsTakeOnlyDueMailboxes()
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

void TestStoreBehaviour::leasesOfSilentEnginesAreFree()
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

void TestStoreBehaviour::textWithNulCharactersIsStored()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"nul.db"_s);
    auto opened = Store::open(config);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
    Store &store = **opened;
    const qint64 id = addMailbox(store, u"nul@example.test"_s);
    QVERIFY(id > 0);
    // Hostile mail can carry U+0000, which PostgreSQL's text cannot hold: the batch is stored without it.
    Activity a = activity(id, u"INBOX"_s, 1, 1, u"nul@example.test"_s, u"before"_s + QChar(0) + u"after"_s);
    a.bodyText = u"line one"_s + QChar(0) + u"line two"_s;
    auto written = store.writeBatch(folder(id, u"INBOX"_s, 1, 2), {a});
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(why(written.error())));
    QCOMPARE(written->inserted, 1);
    const QList<Activity> stored = activities(store, id);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(QString(stored.constFirst().subject).remove(QChar(0)), u"beforeafter"_s);
    QCOMPARE(QString(stored.constFirst().bodyText).remove(QChar(0)), u"line oneline two"_s);
}

void TestStoreBehaviour::lockHeldElsewhereIsStoreLocked()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"locked.db"_s);
    config.busyTimeoutMs = 200; // the default waits 15 s for the other writer
    auto store = Store::open(config);
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(why(store.error())));
    const qint64 id = addMailbox(**store, u"locked@example.test"_s);
    QVERIFY(id > 0);
    {
        // Another process holds a lock and does not let go: SQLite's write lock, or PostgreSQL's row lock.
        QSqlDatabase other = Testing::TestStore::rawConnection(config, u"other-writer"_s);
        QVERIFY2(other.isOpen(), qPrintable(other.lastError().text()));
        QSqlQuery lock(other);
        QVERIFY2(lock.exec(config.isPostgres() ? u"BEGIN"_s : u"BEGIN EXCLUSIVE"_s),
                 qPrintable(lock.lastError().text()));
        if (config.isPostgres()) {
            QVERIFY2(lock.exec(u"SELECT id FROM mailboxes FOR UPDATE"_s), qPrintable(lock.lastError().text()));
        }
        const Status written = (*store)->setMailboxEnabled(id, false, u"admin"_s, QDateTime::currentDateTimeUtc());
        QVERIFY(!written.ok());
        QCOMPARE(written.error().errorClass, ErrorClass::Store);
        QCOMPARE(written.error().hintId, u"store-locked"_s);
        QVERIFY2(written.error().message.contains(u"locked"_s), qPrintable(written.error().message));
        QVERIFY(lock.exec(u"ROLLBACK"_s));
        lock.finish();
        other.close();
    }
    QSqlDatabase::removeDatabase(u"other-writer"_s);
    // Once the other writer is gone, the same store writes again.
    const Status again = (*store)->setMailboxEnabled(id, false, u"admin"_s, QDateTime::currentDateTimeUtc());
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(why(again.error())));
}

void TestStoreBehaviour::lostSessionReconnects()
{
    if (!Testing::TestStore::isPostgres()) {
        QSKIP("SQLite has no server session to lose; tst_store_postgresql runs this on PostgreSQL");
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"lost.db"_s);
    auto opened = Store::open(config);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
    Store &store = **opened;
    QVERIFY(addMailbox(store, u"lost@example.test"_s) > 0);
    // The server ends every session of the store (a restart or a failover does the same).
    const QList<QStringList> ended = Testing::TestStore::rawSql(
        config, u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'syncdesk'"_s);
    QCOMPARE(ended, QList<QStringList>{{u"true"_s}});
    // The next statement outside a transaction connects again and works.
    auto mailboxes = store.mailboxes();
    QVERIFY2(mailboxes.ok(), mailboxes.ok() ? "" : qPrintable(why(mailboxes.error())));
    QCOMPARE(mailboxes->size(), 1);
    // Inside a transaction the work so far is gone with the session: the transaction fails as
    // store-unreachable (and its caller retries it whole); the store works again afterwards.
    const Status failed = store.transaction([&]() -> Status {
        Testing::TestStore::rawSql(config, u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                           "WHERE application_name = 'syncdesk'"_s);
        auto inside = store.mailboxes();
        return inside ? Status{} : Status(inside.error());
    });
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().hintId, u"store-unreachable"_s);
    auto after = store.mailboxes();
    QVERIFY2(after.ok(), after.ok() ? "" : qPrintable(why(after.error())));
}

void TestStoreBehaviour::databaseUrls()
{
    auto sqlite = StoreConfig::fromLocation(u"/var/lib/syncdesk/syncdesk.db"_s);
    QVERIFY(sqlite.ok());
    QVERIFY(!sqlite->isPostgres());
    QCOMPARE(sqlite->sqlitePath, u"/var/lib/syncdesk/syncdesk.db"_s);

    auto full = StoreConfig::fromLocation(u"postgresql://sync@db.example.com:6432/crm?sslmode=verify-full"_s);
    QVERIFY2(full.ok(), full.ok() ? "" : qPrintable(why(full.error())));
    QVERIFY(full->isPostgres());
    QCOMPARE(full->host, u"db.example.com"_s);
    QCOMPARE(full->port, 6432);
    QCOMPARE(full->user, u"sync"_s);
    QCOMPARE(full->database, u"crm"_s);
    QCOMPARE(full->options.value(u"sslmode"_s), u"verify-full"_s);
    QCOMPARE(full->describe(), u"postgresql://sync@db.example.com:6432/crm?sslmode=verify-full"_s);

    auto minimal = StoreConfig::fromLocation(u"postgres://db.example.com/syncdesk"_s);
    QVERIFY(minimal.ok());
    QCOMPARE(minimal->port, 5432);
    QCOMPARE(minimal->user, QString());

    auto keychain = StoreConfig::fromLocation(u"postgresql://sync@db/crm?password_source=keychain:crm-db"_s);
    QVERIFY(keychain.ok());
    QCOMPARE(keychain->passwordSource, u"keychain:crm-db"_s);

    // A password on the command line is refused, and the message does not repeat it.
    auto withPassword = StoreConfig::fromLocation(u"postgresql://sync:hunter2@db.example.com/crm"_s);
    QVERIFY(!withPassword.ok());
    QCOMPARE(withPassword.error().errorClass, ErrorClass::Config);
    QCOMPARE(withPassword.error().hintId, u"store-url"_s);
    QVERIFY(!withPassword.error().toString().contains(u"hunter2"_s));
    QVERIFY(!StoreConfig::fromLocation(u"postgresql://sync@db/crm?password=hunter2"_s).ok());

    for (const QString &bad : {u"postgresql://db.example.com/"_s, u"postgresql:///crm"_s, u"mysql://db/crm"_s,
                               u"postgresql://db/crm?colour=blue"_s, u"postgresql://db/a/b"_s,
                               u"postgresql://db/crm?password_source=plain:x"_s, u"   "_s}) {
        auto refused = StoreConfig::fromLocation(bad);
        QVERIFY2(!refused.ok(), qPrintable(bad));
        QCOMPARE(refused.error().errorClass, ErrorClass::Config);
        QVERIFY2(!refused.error().detail.isEmpty() || !refused.error().message.isEmpty(), qPrintable(bad));
    }
}

void TestStoreBehaviour::syncRequestsAreTakenOnceWithinALimit()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"requests.db"_s);
    auto opened = Store::open(config);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
    Store &store = **opened;
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i) {
        ids.append(addMailbox(store, u"request%1@example.test"_s.arg(i)));
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qint64 id : std::as_const(ids)) {
        QVERIFY(store.requestSync(id, u"console"_s, now));
    }
    // An engine with room for two takes the two oldest; a second engine the rest; nothing is left twice.
    auto first = store.takeSyncRequests(2);
    QVERIFY2(first, first ? "" : qPrintable(why(first.error())));
    QCOMPARE(first->size(), 2);
    QCOMPARE(first->at(0).mailboxId, ids.at(0));
    QCOMPARE(first->at(1).mailboxId, ids.at(1));
    QCOMPARE(first->at(0).reason, u"console"_s);
    auto other = Store::open(config);
    QVERIFY(other);
    auto rest = (*other)->takeSyncRequests();
    QVERIFY(rest);
    QCOMPARE(rest->size(), 3);
    QCOMPARE(rest->at(2).mailboxId, ids.at(4));
    auto none = store.takeSyncRequests(10);
    QVERIFY(none && none->isEmpty());
    auto zero = store.takeSyncRequests(0);
    QVERIFY(zero && zero->isEmpty());
}

void TestStoreBehaviour::listeningConnectionIsNotifiedOfRequests()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"listen.db"_s);
    auto opened = Store::open(config);
    QVERIFY(opened);
    auto listener = Store::open(config);
    QVERIFY(listener);
    int notified = 0;
    QObject context;
    auto listening = (*listener)->listenForSyncRequests(&context, [&] { ++notified; });
    QVERIFY2(listening, listening ? "" : qPrintable(why(listening.error())));
    if (!Testing::TestStore::isPostgres()) {
        QVERIFY(!*listening); // SQLite: nothing to listen to, engines poll
        return;
    }
    QVERIFY(*listening);
    const qint64 id = addMailbox(**opened, u"listen@example.test"_s);
    QVERIFY((*opened)->requestSync(id, u"console"_s, QDateTime::currentDateTimeUtc()));
    QTRY_COMPARE_WITH_TIMEOUT(notified, 1, 5000);
    // Inside a transaction the engines hear of it when it commits.
    QVERIFY((*opened)->transaction([&]() -> Status {
        if (Status requested = (*opened)->requestSync(id, u"track"_s, QDateTime::currentDateTimeUtc()); !requested) {
            return requested;
        }
        QTest::qWait(100);
        return notified == 1 ? Status{} : Status(SyncError::make(ErrorClass::Internal, {}, u"notified early"_s));
    }));
    QTRY_COMPARE_WITH_TIMEOUT(notified, 2, 5000);
    // A lost session: keepListening connects again and listens again.
    const QString pid = Testing::TestStore::rawSql(config, u"SELECT pid FROM pg_stat_activity WHERE query LIKE "
                                                           "'LISTEN%' AND pid <> pg_backend_pid()"_s)
                            .value(0)
                            .value(0);
    QVERIFY(!pid.isEmpty());
    Testing::TestStore::rawSql(config, u"SELECT pg_terminate_backend(%1)"_s.arg(pid));
    QVERIFY(!(*listener)->keepListening() || true); // the first probe may find the session gone
    QVERIFY((*listener)->keepListening());
    QVERIFY((*opened)->requestSync(id, u"console"_s, QDateTime::currentDateTimeUtc()));
    QTRY_COMPARE_WITH_TIMEOUT(notified, 3, 5000);
}

void TestStoreBehaviour::enginesPublishingOverdueCausesAtOnceNeverDeadlock()
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

QTEST_GUILESS_MAIN(TestStoreBehaviour)
#include "tst_store.moc"
