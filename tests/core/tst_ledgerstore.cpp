// The folder ledger on a real SQLite store: spans merge with neighbours of the same disposition, a later
// word about a UID splits the range it falls in, other UIDVALIDITYs are dropped, a duplicate's UID counts
// as stored only while the activity it points at exists, and a store from before the ledger has what it
// passed accounted for as such.

#include "model/ledger.h"
#include "store/ledgerstore.h"
#include "store/store.h"
#include "storefixtures.h"
#include "teststore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace Qt::StringLiterals;
using namespace SyncDesk::Testing;

namespace {

Activity activity(qint64 mailboxId, const QString &folder, quint32 uid, const QString &messageId)
{
    return StoreFixtures::activity(mailboxId, folder, 7, uid, messageId);
}

} // namespace

class TestLedgerStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void spansMergeAndSplit();
    void writeBatchRecordsTheLedgerWithTheFolderState();
    void otherValiditiesAreDropped();
    void duplicateCountsWhileItsActivityExists();
    void dispositionNamesRoundTrip();
    void legacyKeyFindsItsRowAfterARenumbering();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    qint64 m_mailboxId = 0;
};

void TestLedgerStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    SYNCDESK_NEW_STORE(config, m_dir->path(), u"store.db"_s);
    auto store = Store::open(config);
    QVERIFY2(store, store ? "" : qPrintable(store.error().toString()));
    m_store = std::move(store).value();
    m_mailboxId = StoreFixtures::addMailbox(*m_store, u"ledger@example.test"_s);
    QVERIFY(m_mailboxId > 0);
}

void TestLedgerStore::spansMergeAndSplit()
{
    LedgerStore ledger(*m_store);
    const QString inbox = u"INBOX"_s;
    // Two batches: spans that touch merge into one range.
    QVERIFY(ledger.record(m_mailboxId, inbox, 7, {{1, 10, Disposition::Stored}, {11, 11, Disposition::Stored}}));
    QVERIFY(ledger.record(m_mailboxId, inbox, 7, {{12, 40, Disposition::Stored}}));
    QCOMPARE(*ledger.ranges(m_mailboxId, inbox, 7), (LedgerEntries{{1, 40, Disposition::Stored}}));
    // A UID in the middle becomes an item failure: the range splits in three.
    QVERIFY(ledger.record(m_mailboxId, inbox, 7, {{20, 20, Disposition::Failed}}));
    QCOMPARE(
        *ledger.ranges(m_mailboxId, inbox, 7),
        (LedgerEntries{{1, 19, Disposition::Stored}, {20, 20, Disposition::Failed}, {21, 40, Disposition::Stored}}));
    // Untracked messages after it, out of order in one call.
    QVERIFY(
        ledger.record(m_mailboxId, inbox, 7, {{43, 43, Disposition::NotTracked}, {41, 42, Disposition::NotTracked}}));
    QCOMPARE(ledger.ranges(m_mailboxId, inbox, 7)->size(), 4);
    QCOMPARE(ledger.ranges(m_mailboxId, inbox, 7)->last(), (LedgerRange{41, 43, Disposition::NotTracked}));
    // Retried and stored: the three ranges around it join again.
    QVERIFY(ledger.record(m_mailboxId, inbox, 7, {{20, 20, Disposition::Stored}}));
    QCOMPARE(*ledger.ranges(m_mailboxId, inbox, 7),
             (LedgerEntries{{1, 40, Disposition::Stored}, {41, 43, Disposition::NotTracked}}));
    // A span across the boundary of two ranges replaces what it covers of both.
    QVERIFY(ledger.record(m_mailboxId, inbox, 7, {{39, 42, Disposition::Withheld}}));
    QCOMPARE(*ledger.ranges(m_mailboxId, inbox, 7),
             (LedgerEntries{
                 {1, 38, Disposition::Stored}, {39, 42, Disposition::Withheld}, {43, 43, Disposition::NotTracked}}));
    // Other folders are untouched.
    QVERIFY(ledger.ranges(m_mailboxId, u"Sent"_s, 7)->isEmpty());
}

void TestLedgerStore::writeBatchRecordsTheLedgerWithTheFolderState()
{
    FolderState state;
    state.mailboxId = m_mailboxId;
    state.folder = u"INBOX"_s;
    state.uidValidity = 7;
    state.uidNext = 3;
    auto written = m_store->writeBatch(state, {activity(m_mailboxId, u"INBOX"_s, 1, u"a@x"_s)},
                                       {{1, 1, Disposition::Stored}, {2, 2, Disposition::NotTracked}});
    QVERIFY2(written, written ? "" : qPrintable(written.error().toString()));
    QCOMPARE(*LedgerStore(*m_store).ranges(m_mailboxId, u"INBOX"_s, 7),
             (LedgerEntries{{1, 1, Disposition::Stored}, {2, 2, Disposition::NotTracked}}));
    QCOMPARE(*LedgerStore(*m_store).storedUids(m_mailboxId, u"INBOX"_s, 7), QSet<quint32>{1});
}

void TestLedgerStore::otherValiditiesAreDropped()
{
    LedgerStore ledger(*m_store);
    QVERIFY(ledger.record(m_mailboxId, u"INBOX"_s, 7, {{1, 5, Disposition::Stored}}));
    QVERIFY(ledger.record(m_mailboxId, u"INBOX"_s, 8, {{1, 2, Disposition::Stored}}));
    QVERIFY(ledger.record(m_mailboxId, u"Sent"_s, 7, {{1, 9, Disposition::Stored}}));
    QVERIFY(ledger.dropOtherValidities(m_mailboxId, u"INBOX"_s, 8));
    QVERIFY(ledger.ranges(m_mailboxId, u"INBOX"_s, 7)->isEmpty());
    QCOMPARE(ledger.ranges(m_mailboxId, u"INBOX"_s, 8)->size(), 1);
    QCOMPARE(ledger.ranges(m_mailboxId, u"Sent"_s, 7)->size(), 1);
}

void TestLedgerStore::duplicateCountsWhileItsActivityExists()
{
    // The same message in INBOX (UID 4) and in Archive (UID 9): one activity, and Archive's UID 9 points at it.
    FolderState inbox{m_mailboxId, u"INBOX"_s, 7, 5, 0, {}};
    FolderState archive{m_mailboxId, u"Archive"_s, 7, 10, 0, {}};
    auto first = m_store->writeBatch(inbox, {activity(m_mailboxId, u"INBOX"_s, 4, u"same@x"_s)});
    QVERIFY(first);
    QCOMPARE(first->inserted, 1);
    auto second = m_store->writeBatch(archive, {activity(m_mailboxId, u"Archive"_s, 9, u"same@x"_s)});
    QVERIFY(second);
    QCOMPARE(second->duplicates, 1);
    LedgerStore ledger(*m_store);
    QCOMPARE(*ledger.storedUids(m_mailboxId, u"Archive"_s, 7), QSet<quint32>{9});
    // Deleted by hand: neither copy is accounted for any more.
    QString error;
    TestStore::rawSql(m_store->config(), u"DELETE FROM activities"_s, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(ledger.storedUids(m_mailboxId, u"Archive"_s, 7)->isEmpty());
    QVERIFY(ledger.storedUids(m_mailboxId, u"INBOX"_s, 7)->isEmpty());
}

void TestLedgerStore::dispositionNamesRoundTrip()
{
    for (Disposition d : {Disposition::Stored, Disposition::NotTracked, Disposition::Withheld, Disposition::Failed,
                          Disposition::SkippedByDate, Disposition::Expunged, Disposition::BeforeLedger}) {
        QCOMPARE(dispositionFromName(dispositionName(d)), std::optional<Disposition>(d));
    }
    QVERIFY(!dispositionFromName(u"bogus"_s));
}

void TestLedgerStore::legacyKeyFindsItsRowAfterARenumbering()
{
    // A message without a Message-ID stored before the ledger, under its header digest; the folder is
    // renumbered and the message fetched again with today's key: one activity, moved and re-keyed.
    Activity old = activity(m_mailboxId, u"INBOX"_s, 3, QString());
    old.dedupeKey = u"sha1:0123abcd"_s;
    QVERIFY(m_store->writeBatch(FolderState{m_mailboxId, u"INBOX"_s, 7, 4, 0, {}}, {old}));
    Activity again = activity(m_mailboxId, u"INBOX"_s, 1, QString());
    again.uidValidity = 8;
    again.dedupeKey = u"sha256:feedbeef"_s;
    again.legacyDedupeKey = u"sha1:0123abcd"_s;
    auto written = m_store->writeBatch(FolderState{m_mailboxId, u"INBOX"_s, 8, 2, 0, {}}, {again});
    QVERIFY(written);
    QCOMPARE(written->inserted, 0);
    QCOMPARE(written->relinked, 1);
    QCOMPARE(*m_store->activityCount(m_mailboxId), qint64(1));
    QCOMPARE(*LedgerStore(*m_store).storedUids(m_mailboxId, u"INBOX"_s, 8), QSet<quint32>{1});
    // A different message with the same headers, in another folder, is not taken for it.
    Activity other = activity(m_mailboxId, u"Archive"_s, 5, QString());
    other.dedupeKey = u"sha256:c0ffee"_s;
    other.legacyDedupeKey = u"sha1:0123abcd"_s;
    written = m_store->writeBatch(FolderState{m_mailboxId, u"Archive"_s, 7, 6, 0, {}}, {other});
    QVERIFY(written);
    QCOMPARE(written->inserted, 1);
}

QTEST_GUILESS_MAIN(TestLedgerStore)
#include "tst_ledgerstore.moc"
