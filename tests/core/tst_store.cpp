// The store's behaviour, on SQLite and (as tst_store_postgresql) on PostgreSQL: batches and their
// deduplication, POP3 UIDLs, text PostgreSQL cannot hold, locks, lost sessions, database URLs and sync
// requests. Leases and claims are in tst_storeleases.

#include "store/store.h"
#include "store/storerows.h"
#include "storefixtures.h"
#include "teststore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPair>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

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
    void textWithNulCharactersIsStored();
    void listColumnsAreJsonArrays();
    void lockHeldElsewhereIsStoreLocked();
    void aWaitingWriterStartsSoonAfterTheLockIsFree();
    void lostSessionReconnects();
    void sessionLostAtCommitFailsTheTransaction();
    void databaseUrls();
    void syncRequestsAreTakenOnceWithinALimit();
    void listeningConnectionIsNotifiedOfRequests();
};

void TestStoreBehaviour::initTestCase()
{
    qInfo("backend: %s", qPrintable(Testing::TestStore::backendName()));
}

// The list columns of an activity: an empty list is "[]" (the columns' default, what readers and exports
// expect), written without building a document; a non-empty one is compact JSON, read back as it was.
void TestStoreBehaviour::listColumnsAreJsonArrays()
{
    using namespace SyncDesk::StoreRows;
    QCOMPARE(addressesToJson({}), u"[]"_s);
    QCOMPARE(stringsToJson({}), u"[]"_s);
    QCOMPARE(attachmentsToJson({}), u"[]"_s);
    QCOMPARE(partiesToJson({}), u"[]"_s);
    QVERIFY(addressesFromJson(u"[]"_s).isEmpty());

    const QList<EmailAddress> addresses{{u"Zoë \"Z\" Ünal"_s, u"zoe@example.test"_s}, {QString(), u"b@example.test"_s}};
    QCOMPARE(addressesToJson(addresses),
             uR"([{"address":"zoe@example.test","name":"Zoë \"Z\" Ünal"},{"address":"b@example.test","name":""}])"_s);
    const QList<EmailAddress> back = addressesFromJson(addressesToJson(addresses));
    QCOMPARE(back.size(), 2);
    QCOMPARE(back.at(0).name, addresses.at(0).name);
    QCOMPARE(back.at(1).address, addresses.at(1).address);
    QCOMPARE(stringsFromJson(stringsToJson({u"<a@x>"_s, u"<b@x>"_s})), QStringList({u"<a@x>"_s, u"<b@x>"_s}));
    const QList<AttachmentInfo> attachments =
        attachmentsFromJson(attachmentsToJson({{u"q.pdf"_s, u"application/pdf"_s, 1234}}));
    QCOMPARE(attachments.size(), 1);
    QCOMPARE(attachments.at(0).size, 1234);
    const QList<ActivityParty> parties =
        partiesFromJson(partiesToJson({{u"to"_s, u"a@x"_s, {u"contact"_s, u"c-1"_s}}}));
    QCOMPARE(parties.size(), 1);
    QCOMPARE(parties.at(0).record.id, u"c-1"_s);
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

void TestStoreBehaviour::aWaitingWriterStartsSoonAfterTheLockIsFree()
{
    // Engines sharing a SQLite file take turns at its write lock, each holding it well under a millisecond.
    // SQLite's own busy handler sleeps 1, 2, 5, 10, 15 ms… between attempts, so a writer that found the lock
    // taken started up to 15 ms after it was free (bench_multinode, four engines: 1.1 ms a BEGIN). The
    // store's handler retries within a fraction of a millisecond. PostgreSQL queues waiters itself.
    if (Testing::TestStore::isPostgres()) {
        QSKIP("PostgreSQL wakes a waiting transaction when the lock is released");
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"turns.db"_s);
    auto store = Store::open(config);
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(why(store.error())));
    const qint64 id = addMailbox(**store, u"turns@example.test"_s);
    QVERIFY(id > 0);
    std::vector<qint64> late;
    for (int round = 0; round < 9; ++round) {
        std::atomic<bool> held{false};
        std::atomic<qint64> releasedNs{0};
        QElapsedTimer clock;
        clock.start();
        QString holderError;
        std::thread holder([&] {
            const QString name = u"holder-%1"_s.arg(round);
            {
                QSqlDatabase other = Testing::TestStore::rawConnection(config, name);
                QSqlQuery lock(other);
                if (!lock.exec(u"BEGIN IMMEDIATE"_s)) {
                    holderError = lock.lastError().text();
                    held = true;
                    return;
                }
                held = true;
                // Held past SQLite's first few sleeps (1 + 2 + 5 + 10 ms), then given up.
                std::this_thread::sleep_for(std::chrono::milliseconds(19));
                releasedNs = clock.nsecsElapsed();
                lock.exec(u"COMMIT"_s);
                other.close();
            }
            QSqlDatabase::removeDatabase(name);
        });
        while (!held) {
            std::this_thread::yield();
        }
        const Status written =
            (*store)->setMailboxEnabled(id, round % 2 == 0, u"admin"_s, QDateTime::currentDateTimeUtc());
        const qint64 startedNs = clock.nsecsElapsed();
        holder.join();
        QVERIFY2(holderError.isEmpty(), qPrintable(holderError));
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(why(written.error())));
        late.push_back((startedNs - releasedNs) / 1000);
    }
    std::sort(late.begin(), late.end());
    qInfo("a waiting writer finished %lld µs after the lock was free (median of 9; slowest %lld µs)",
          late.at(late.size() / 2), late.back());
    QVERIFY2(late.at(late.size() / 2) < 4000, qPrintable(u"%1 µs"_s.arg(late.at(late.size() / 2))));
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

// The session ends between the transaction's last statement and its COMMIT: the work is gone with it, so the
// transaction must fail (its caller retries it whole). Sending COMMIT again on a new session "succeeds" with
// nothing to commit, and a batch of mail reported as stored would be lost.
void TestStoreBehaviour::sessionLostAtCommitFailsTheTransaction()
{
    if (!Testing::TestStore::isPostgres()) {
        QSKIP("SQLite has no server session to lose; tst_store_postgresql runs this on PostgreSQL");
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(config, dir.path(), u"commit.db"_s);
    auto opened = Store::open(config);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
    Store &store = **opened;
    QVERIFY(addMailbox(store, u"first@example.test"_s) > 0);
    const QString sessions = u"SELECT pid FROM pg_stat_activity WHERE application_name = 'syncdesk'"_s;
    const Status failed = store.transaction([&]() -> Status {
        if (addMailbox(store, u"second@example.test"_s) <= 0) {
            return SyncError::make(ErrorClass::Internal, u"internal"_s, u"the insert failed"_s);
        }
        const QList<QStringList> pids = Testing::TestStore::rawSql(config, sessions);
        Testing::TestStore::rawSql(config, u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                           "WHERE application_name = 'syncdesk'"_s);
        // Gone for certain before the body returns (the server ends a session asynchronously).
        QElapsedTimer waited;
        waited.start();
        while (!pids.isEmpty() && Testing::TestStore::rawSql(config, sessions) == pids && waited.elapsed() < 10000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        }
        return {};
    });
    QVERIFY2(!failed.ok(), "a transaction whose session ended before COMMIT was reported as committed");
    QCOMPARE(failed.error().hintId, u"store-unreachable"_s);
    // The store works again, and what the failed transaction wrote is not there.
    auto mailboxes = store.mailboxes();
    QVERIFY2(mailboxes.ok(), mailboxes.ok() ? "" : qPrintable(why(mailboxes.error())));
    QCOMPARE(mailboxes->size(), 1);
    QCOMPARE(mailboxes->constFirst().address, u"first@example.test"_s);
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

QTEST_GUILESS_MAIN(TestStoreBehaviour)
#include "tst_store.moc"
