// Exactly once over IMAP, with a scripted server for what a real one will not do on request: a NO to one
// of two pipelined batches, a message the listing names but the body FETCH leaves out, a UIDNEXT beyond
// every message. Each runs the real ImapMailboxSync over real sockets, then checks what the store holds:
// every message once, the folder positions only past what was accounted for, the ledger.

#include "fakeserver.h"
#include "store/crmstore.h"
#include "store/diagnosticsstore.h"
#include "store/ledgerstore.h"
#include "store/store.h"
#include "sync/itemfailures.h"
#include "synchelper.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString kGreeting = u"S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN LITERAL+] fake ready\n"_s;
const QString kLogin = u"C: A0001 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==\n"
                       "S: A0001 OK [CAPABILITY IMAP4rev1 LITERAL+] Logged in\n"_s;

QString tag(int number)
{
    return u"A%1"_s.arg(number, 4, 10, QChar(u'0'));
}

QString logout(int number)
{
    return u"C: %1 LOGOUT\nS: * BYE bye\nS: %1 OK done\nX: close\n"_s.arg(tag(number));
}

QByteArray message(int uid)
{
    return "From: a@example.test\r\nTo: b@example.test\r\nSubject: message " + QByteArray::number(uid) +
           "\r\nMessage-ID: <once-" + QByteArray::number(uid) +
           "@example.test>\r\nDate: Mon, 2 Nov 2026 09:00:00 +0000\r\n\r\nHello.\r\n";
}

QString fetchResponse(int sequence, int uid)
{
    const QByteArray body = message(uid);
    return u"S: * %1 FETCH (UID %2 RFC822.SIZE %3 INTERNALDATE \"02-Nov-2026 09:00:00 +0000\" BODY[] {%3}\n"_s
               .arg(sequence)
               .arg(uid)
               .arg(body.size()) +
           u"S+ "_s + QString::fromLatin1(body).replace(u"\r\n"_s, u"\\r\\n"_s) + u"\nS: )\n"_s;
}

QString statusOf(int number, const QString &folder, int messages, int uidNext, int uidValidity)
{
    return u"S: * STATUS %1 (MESSAGES %2 UIDNEXT %3 UIDVALIDITY %4)\nS: %5 OK done\n"_s.arg(folder)
        .arg(messages)
        .arg(uidNext)
        .arg(uidValidity)
        .arg(tag(number));
}

QString examine(int number, const QString &folder, int exists, int uidNext, int uidValidity)
{
    return u"C: %1 EXAMINE \"%2\"\nS: * %3 EXISTS\nS: * OK [UIDVALIDITY %4] ok\nS: * OK [UIDNEXT %5] ok\n"
           "S: %1 OK [READ-ONLY] done\n"_s.arg(tag(number), folder)
               .arg(exists)
               .arg(uidValidity)
               .arg(uidNext);
}

QString listing(int number, int fromUid, const QList<int> &uids)
{
    QString script = u"C: %1 UID FETCH %2:* (UID RFC822.SIZE)\n"_s.arg(tag(number)).arg(fromUid);
    int sequence = 0;
    for (int uid : uids) {
        script += u"S: * %1 FETCH (UID %2 RFC822.SIZE %3)\n"_s.arg(++sequence).arg(uid).arg(message(uid).size());
    }
    return script + u"S: %1 OK done\n"_s.arg(tag(number));
}

QString bodyFetch(int number, const QString &set)
{
    return u"C: %1 UID FETCH %2 (UID RFC822.SIZE INTERNALDATE BODY.PEEK[])\n"_s.arg(tag(number), set);
}

} // namespace

class TestImapExactlyOnce : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void noToOnePipelinedBatchLosesNothingInTheNextFolder();
    void messageLeftOutOfTheFetchAnswerIsCheckedAndKeptForRetry();
    void messageLeftOutAndGoneIsNotAFailure();
    void retryFailureAheadOfThePositionIsResolvedWhenFetchedAsNew();
    void retryFailureAheadOfThePositionIsResolvedWhenGone();
    void retryFailuresOfAnEmptiedFolderAreResolved();
    void retryFailureAheadThatFailsAgainStaysListed();
    void retryFailureAheadInAFolderFoundEmptyOnOpeningIsResolved();
    void uidNextBeyondEveryMessageIsNotTrusted();
    void trackRequestBeyondTheListingDoesNotMoveThePosition();
    void unsolicitedFetchInTheListingCountsOnce();

private:
    std::optional<SyncOutcome> run(const QStringList &folders, int batchMessages = 50);
    QStringList messageIds();
    void syncOneMessageThenLeaveRetryFailures(const QList<quint32> &uids);
    void expectNoItemFailures();

    std::unique_ptr<FakeServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    StoreConfig m_store;
    qint64 m_mailboxId = 0;
    std::optional<SyncJob> m_job;
};

void TestImapExactlyOnce::init()
{
    qRegisterMetaType<SyncOutcome>();
    m_job.reset();
    m_server = std::make_unique<FakeServer>();
    QVERIFY(m_server->listen());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = StoreConfig::sqlite(m_dir->filePath(u"store.db"_s));
    auto store = Store::open(m_store);
    QVERIFY(store);
    QVERIFY((*store)->setSetting(u"crm"_s, QJsonObject{{u"tracked_keyword"_s, QString()}}));
}

void TestImapExactlyOnce::cleanup()
{
    m_server.reset();
}

std::optional<SyncOutcome> TestImapExactlyOnce::run(const QStringList &folders, int batchMessages)
{
    Endpoint incoming;
    incoming.protocol = MailProtocol::Imap;
    incoming.host = u"127.0.0.1"_s;
    incoming.port = m_server->port();
    incoming.security = Security::None;
    // One mailbox for every sync of a test.
    if (!m_job) {
        m_job = SyncHelper::makeJob(m_store, incoming, u"alice"_s, u"secret"_s, folders);
        if (!m_job) {
            return std::nullopt;
        }
    }
    std::optional<SyncJob> job = m_job;
    m_mailboxId = job->mailbox.id;
    job->tuning.batchMessages = batchMessages;
    job->tuning.pipelineDepth = 2;
    job->tuning.commandTimeoutMs = 5000;
    return SyncHelper::runJob(m_store, *job, 20000);
}

QStringList TestImapExactlyOnce::messageIds()
{
    QStringList ids;
    auto store = Store::open(m_store);
    if (!store) {
        return ids;
    }
    (void)(*store)->forEachActivity([&ids](const Activity &activity) {
        ids.append(activity.messageId);
        return true;
    });
    ids.sort();
    return ids;
}

// A first sync stores INBOX's one message (UID 1, position 2); then failures kept for retry are left at
// the given UIDs, as a run leaves them that recorded them and could not write its batch.
void TestImapExactlyOnce::syncOneMessageThenLeaveRetryFailures(const QList<quint32> &uids)
{
    m_server->addScenario(kGreeting + kLogin + u"C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n"_s +
                          statusOf(2, u"INBOX"_s, 1, 2, 7) + examine(3, u"INBOX"_s, 1, 2, 7) + listing(4, 1, {1}) +
                          bodyFetch(5, u"1"_s) + fetchResponse(1, 1) + u"S: A0005 OK done\n"_s + logout(6));
    const std::optional<SyncOutcome> first = run({u"INBOX"_s});
    QVERIFY(first);
    QVERIFY2(first->succeeded(), qPrintable(first->error ? first->error->toString() : QString()));
    auto store = Store::open(m_store);
    QVERIFY(store);
    QCOMPARE((*store)->folderState(m_mailboxId, u"INBOX"_s)->uidNext, 2u);
    for (quint32 uid : uids) {
        ItemFailure left = ItemFailures::unanswered(120);
        left.mailboxId = m_mailboxId;
        left.folder = u"INBOX"_s;
        left.uidValidity = 7;
        left.uid = uid;
        QVERIFY(DiagnosticsStore(**store).recordItemFailure(left));
    }
}

void TestImapExactlyOnce::expectNoItemFailures()
{
    auto store = Store::open(m_store);
    QVERIFY(store);
    auto failures = DiagnosticsStore(**store).itemFailures(m_mailboxId);
    QVERIFY(failures);
    QVERIFY2(failures->isEmpty(), qPrintable(failures->isEmpty() ? QString() : failures->at(0).reason));
}

void TestImapExactlyOnce::noToOnePipelinedBatchLosesNothingInTheNextFolder()
{
    // First sync: INBOX has UIDs 1-4 in two pipelined batches; the first is refused, the second answered.
    // The folder must wait for both answers before Projects starts, and store nothing past the refusal;
    // Projects (UIDs 101-103) is synced in full.
    m_server->addScenario(
        kGreeting + kLogin + u"C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n"_s +
        u"C: A0003 STATUS \"Projects\" (MESSAGES UIDNEXT UIDVALIDITY)\n"_s + statusOf(2, u"INBOX"_s, 4, 5, 7) +
        statusOf(3, u"Projects"_s, 3, 104, 9) + examine(4, u"INBOX"_s, 4, 5, 7) + listing(5, 1, {1, 2, 3, 4}) +
        bodyFetch(6, u"1:2"_s) + bodyFetch(7, u"3:4"_s) + u"S: A0006 NO [UNAVAILABLE] try again later\n"_s +
        fetchResponse(3, 3) + fetchResponse(4, 4) + u"S: A0007 OK done\n"_s + examine(8, u"Projects"_s, 3, 104, 9) +
        listing(9, 1, {101, 102, 103}) + bodyFetch(10, u"101:102"_s) + bodyFetch(11, u"103"_s) + fetchResponse(1, 101) +
        fetchResponse(2, 102) + u"S: A0010 OK done\n"_s + fetchResponse(3, 103) + u"S: A0011 OK done\n"_s + logout(12));
    const std::optional<SyncOutcome> first = run({u"INBOX"_s, u"Projects"_s}, 2);
    QVERIFY(first);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QVERIFY2(first->error.has_value(), "the refused batch must show as a failure");
    QVERIFY2(first->error->message.contains(u"INBOX"_s), qPrintable(first->error->toString()));
    QCOMPARE(messageIds(),
             (QStringList{u"once-101@example.test"_s, u"once-102@example.test"_s, u"once-103@example.test"_s}));
    {
        auto store = Store::open(m_store);
        QVERIFY(store);
        QVERIFY((*store)->folderState(m_mailboxId, u"INBOX"_s)->uidNext <= 1u); // nothing passed
        QCOMPARE((*store)->folderState(m_mailboxId, u"Projects"_s)->uidNext, 104u);
    }

    // Second sync: Projects is unchanged (not even opened); INBOX is fetched in full.
    m_server->addScenario(kGreeting + kLogin + u"C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n"_s +
                          u"C: A0003 STATUS \"Projects\" (MESSAGES UIDNEXT UIDVALIDITY)\n"_s +
                          statusOf(2, u"INBOX"_s, 4, 5, 7) + statusOf(3, u"Projects"_s, 3, 104, 9) +
                          examine(4, u"INBOX"_s, 4, 5, 7) + listing(5, 1, {1, 2, 3, 4}) + bodyFetch(6, u"1:2"_s) +
                          bodyFetch(7, u"3:4"_s) + fetchResponse(1, 1) + fetchResponse(2, 2) + u"S: A0006 OK done\n"_s +
                          fetchResponse(3, 3) + fetchResponse(4, 4) + u"S: A0007 OK done\n"_s + logout(8));
    const std::optional<SyncOutcome> second = run({u"INBOX"_s, u"Projects"_s}, 2);
    QVERIFY(second);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QVERIFY2(second->succeeded(), qPrintable(second->error ? second->error->toString() : QString()));
    QCOMPARE(second->itemsNew, 4);
    QCOMPARE(messageIds(), (QStringList{u"once-101@example.test"_s, u"once-102@example.test"_s,
                                        u"once-103@example.test"_s, u"once-1@example.test"_s, u"once-2@example.test"_s,
                                        u"once-3@example.test"_s, u"once-4@example.test"_s}));
    auto store = Store::open(m_store);
    QVERIFY(store);
    QCOMPARE((*store)->folderState(m_mailboxId, u"INBOX"_s)->uidNext, 5u);
    // The ledger says every UID of both folders was stored.
    LedgerStore ledger(**store);
    auto inbox = ledger.ranges(m_mailboxId, u"INBOX"_s, 7);
    QVERIFY(inbox);
    QCOMPARE(inbox->size(), 1);
    QCOMPARE(inbox->at(0), (LedgerRange{1, 4, Disposition::Stored}));
    auto projects = ledger.ranges(m_mailboxId, u"Projects"_s, 9);
    QVERIFY(projects);
    QCOMPARE(projects->size(), 1);
    QCOMPARE(projects->at(0), (LedgerRange{1, 103, Disposition::Stored}));
}

void TestImapExactlyOnce::messageLeftOutOfTheFetchAnswerIsCheckedAndKeptForRetry()
{
    // The listing names UIDs 1-3, the body FETCH answers 1 and 3 only. UID 2 is asked for again; it still
    // exists, so it is an item failure kept for retry, and the folder moves past it (accounted for).
    m_server->addScenario(kGreeting + kLogin + u"C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n"_s +
                          statusOf(2, u"INBOX"_s, 3, 4, 7) + examine(3, u"INBOX"_s, 3, 4, 7) +
                          listing(4, 1, {1, 2, 3}) + bodyFetch(5, u"1:3"_s) + fetchResponse(1, 1) +
                          fetchResponse(3, 3) + u"S: A0005 OK done\n"_s + u"C: A0006 UID FETCH 2 (UID)\n"_s +
                          u"S: * 2 FETCH (UID 2)\nS: A0006 OK done\n"_s + logout(7));
    m_server->addScenario(kGreeting + kLogin + u"C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n"_s +
                          statusOf(2, u"INBOX"_s, 3, 4, 7) + examine(3, u"INBOX"_s, 3, 4, 7) + bodyFetch(4, u"2"_s) +
                          fetchResponse(2, 2) + u"S: A0004 OK done\n"_s + logout(5));
    auto syncOnce = [this] {
        return run({u"INBOX"_s});
    };
    const std::optional<SyncOutcome> first = syncOnce();
    QVERIFY(first);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QCOMPARE(first->itemsNew, 2);
    QCOMPARE(first->itemsFailed, 1);
    {
        auto store = Store::open(m_store);
        QVERIFY(store);
        QCOMPARE((*store)->folderState(m_mailboxId, u"INBOX"_s)->uidNext, 4u);
        auto failures = DiagnosticsStore(**store).itemFailures(m_mailboxId);
        QVERIFY(failures);
        QCOMPARE(failures->size(), 1);
        QCOMPARE(failures->at(0).uid, 2u);
        QCOMPARE(failures->at(0).hintId, u"message-unanswered"_s);
        QCOMPARE(failures->at(0).state, u"retry"_s);
        auto ranges = LedgerStore(**store).ranges(m_mailboxId, u"INBOX"_s, 7);
        QVERIFY(ranges);
        QCOMPARE(*ranges, (QList<LedgerRange>{
                              {1, 1, Disposition::Stored}, {2, 2, Disposition::Failed}, {3, 3, Disposition::Stored}}));
    }
    // The next sync fetches it by its UID, stores it, and the failure and the ledger settle.
    const std::optional<SyncOutcome> second = syncOnce();
    QVERIFY(second);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QVERIFY2(second->succeeded(), qPrintable(second->error ? second->error->toString() : QString()));
    QCOMPARE(second->itemsNew, 1);
    QCOMPARE(messageIds(), (QStringList{u"once-1@example.test"_s, u"once-2@example.test"_s, u"once-3@example.test"_s}));
    auto store = Store::open(m_store);
    QVERIFY(store);
    auto failures = DiagnosticsStore(**store).itemFailures(m_mailboxId);
    QVERIFY(failures);
    QVERIFY(failures->isEmpty());
    auto ranges = LedgerStore(**store).ranges(m_mailboxId, u"INBOX"_s, 7);
    QVERIFY(ranges);
    QCOMPARE(*ranges, (QList<LedgerRange>{{1, 3, Disposition::Stored}}));
}

void TestImapExactlyOnce::messageLeftOutAndGoneIsNotAFailure()
{
    // UID 2 is left out of the answer and the check finds nothing: it was expunged meanwhile.
    m_server->addScenario(kGreeting + kLogin + u"C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n"_s +
                          statusOf(2, u"INBOX"_s, 3, 4, 7) + examine(3, u"INBOX"_s, 3, 4, 7) +
                          listing(4, 1, {1, 2, 3}) + bodyFetch(5, u"1:3"_s) + fetchResponse(1, 1) +
                          fetchResponse(2, 3) + u"S: A0005 OK done\n"_s + u"C: A0006 UID FETCH 2 (UID)\n"_s +
                          u"S: A0006 OK done\n"_s + logout(7));
    const std::optional<SyncOutcome> outcome = run({u"INBOX"_s});
    QVERIFY(outcome);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QVERIFY2(outcome->succeeded(), qPrintable(outcome->error ? outcome->error->toString() : QString()));
    QCOMPARE(outcome->itemsNew, 2);
    auto store = Store::open(m_store);
    QVERIFY(store);
    QCOMPARE((*store)->folderState(m_mailboxId, u"INBOX"_s)->uidNext, 4u);
    auto failures = DiagnosticsStore(**store).itemFailures(m_mailboxId);
    QVERIFY(failures);
    QVERIFY(failures->isEmpty());
}

void TestImapExactlyOnce::retryFailureAheadOfThePositionIsResolvedWhenFetchedAsNew()
{
    // A run can record a message's failure for retry and then fail to write its batch (the store failing
    // between the two): the failure's UID stays above the folder's position. The next sync fetches it as a
    // new message; once it is stored, its failure must not stay listed.
    syncOneMessageThenLeaveRetryFailures({2u});
    if (QTest::currentTestFailed()) {
        return;
    }
    m_server->addScenario(kGreeting + kLogin + u"C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n"_s +
                          statusOf(2, u"INBOX"_s, 2, 3, 7) + examine(3, u"INBOX"_s, 2, 3, 7) + listing(4, 2, {2}) +
                          bodyFetch(5, u"2"_s) + fetchResponse(2, 2) + u"S: A0005 OK done\n"_s + logout(6));
    const std::optional<SyncOutcome> second = run({u"INBOX"_s});
    QVERIFY(second);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QVERIFY2(second->succeeded(), qPrintable(second->error ? second->error->toString() : QString()));
    QCOMPARE(second->itemsNew, 1);
    QCOMPARE(messageIds(), (QStringList{u"once-1@example.test"_s, u"once-2@example.test"_s}));
    expectNoItemFailures();
    auto store = Store::open(m_store);
    QVERIFY(store);
    QCOMPARE((*store)->folderState(m_mailboxId, u"INBOX"_s)->uidNext, 3u);
}

void TestImapExactlyOnce::retryFailureAheadOfThePositionIsResolvedWhenGone()
{
    // As above, but the message was expunged before the next sync: the listing from the position does not
    // name it, so it is gone, and its failure with it (not listed for ever, nor reopening the folder).
    syncOneMessageThenLeaveRetryFailures({2u, 3u});
    if (QTest::currentTestFailed()) {
        return;
    }
    m_server->addScenario(kGreeting + kLogin + u"C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n"_s +
                          statusOf(2, u"INBOX"_s, 2, 5, 7) + examine(3, u"INBOX"_s, 2, 5, 7) + listing(4, 2, {4}) +
                          bodyFetch(5, u"4"_s) + fetchResponse(2, 4) + u"S: A0005 OK done\n"_s + logout(6));
    // Third sync: nothing changed, and no failure asks for the folder to be opened.
    m_server->addScenario(kGreeting + kLogin + u"C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n"_s +
                          statusOf(2, u"INBOX"_s, 2, 5, 7) + logout(3));
    const std::optional<SyncOutcome> second = run({u"INBOX"_s});
    QVERIFY(second);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QVERIFY2(second->succeeded(), qPrintable(second->error ? second->error->toString() : QString()));
    QCOMPARE(second->itemsNew, 1);
    QCOMPARE(second->itemsFailed, 0);
    QCOMPARE(messageIds(), (QStringList{u"once-1@example.test"_s, u"once-4@example.test"_s}));
    {
        expectNoItemFailures();
        auto store = Store::open(m_store);
        QVERIFY(store);
        QCOMPARE((*store)->folderState(m_mailboxId, u"INBOX"_s)->uidNext, 5u);
    }
    const std::optional<SyncOutcome> third = run({u"INBOX"_s});
    QVERIFY(third);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QVERIFY2(third->succeeded(), qPrintable(third->error ? third->error->toString() : QString()));
}

void TestImapExactlyOnce::retryFailuresOfAnEmptiedFolderAreResolved()
{
    // A folder with failures kept for retry (one below the position, one above) is emptied on the server:
    // their messages are gone, and so are the failures, without the folder being opened.
    syncOneMessageThenLeaveRetryFailures({1u, 2u});
    if (QTest::currentTestFailed()) {
        return;
    }
    m_server->addScenario(kGreeting + kLogin + u"C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n"_s +
                          statusOf(2, u"INBOX"_s, 0, 3, 7) + logout(3));
    const std::optional<SyncOutcome> second = run({u"INBOX"_s});
    QVERIFY(second);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QVERIFY2(second->succeeded(), qPrintable(second->error ? second->error->toString() : QString()));
    expectNoItemFailures();
}

void TestImapExactlyOnce::retryFailureAheadThatFailsAgainStaysListed()
{
    // The message above the position comes back empty: it fails again, and its failure (the new one) stays
    // listed; the folder moves past it, accounted for as a failure.
    syncOneMessageThenLeaveRetryFailures({2u});
    if (QTest::currentTestFailed()) {
        return;
    }
    m_server->addScenario(kGreeting + kLogin + u"C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n"_s +
                          statusOf(2, u"INBOX"_s, 2, 3, 7) + examine(3, u"INBOX"_s, 2, 3, 7) + listing(4, 2, {2}) +
                          bodyFetch(5, u"2"_s) +
                          u"S: * 2 FETCH (UID 2 RFC822.SIZE 0 INTERNALDATE \"02-Nov-2026 09:00:00 +0000\" BODY[] {0}\n"
                          "S: )\nS: A0005 OK done\n"_s +
                          logout(6));
    const std::optional<SyncOutcome> second = run({u"INBOX"_s});
    QVERIFY(second);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QVERIFY2(second->succeeded(), qPrintable(second->error ? second->error->toString() : QString()));
    QCOMPARE(second->itemsNew, 0);
    QCOMPARE(second->itemsFailed, 1);
    auto store = Store::open(m_store);
    QVERIFY(store);
    auto failures = DiagnosticsStore(**store).itemFailures(m_mailboxId);
    QVERIFY(failures);
    QCOMPARE(failures->size(), 1);
    QCOMPARE(failures->at(0).uid, 2u);
    QVERIFY2(failures->at(0).hintId != u"message-unanswered"_s, qPrintable(failures->at(0).hintId));
    QCOMPARE((*store)->folderState(m_mailboxId, u"INBOX"_s)->uidNext, 3u);
}

void TestImapExactlyOnce::retryFailureAheadInAFolderFoundEmptyOnOpeningIsResolved()
{
    // The server does not report the folder's STATUS, and EXAMINE finds it empty: the message kept for
    // retry above the position is gone.
    syncOneMessageThenLeaveRetryFailures({2u});
    if (QTest::currentTestFailed()) {
        return;
    }
    m_server->addScenario(kGreeting + kLogin + u"C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n"_s +
                          u"S: A0002 OK done\n"_s + examine(3, u"INBOX"_s, 0, 3, 7) + logout(4));
    const std::optional<SyncOutcome> second = run({u"INBOX"_s});
    QVERIFY(second);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QVERIFY2(second->succeeded(), qPrintable(second->error ? second->error->toString() : QString()));
    expectNoItemFailures();
}

void TestImapExactlyOnce::uidNextBeyondEveryMessageIsNotTrusted()
{
    // The server announces UIDNEXT 50 but lists UIDs 1-2 only: the folder's position is 3, the highest UID
    // seen plus one. A message that shows up later at UID 10 is fetched.
    m_server->addScenario(kGreeting + kLogin + u"C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n"_s +
                          statusOf(2, u"INBOX"_s, 2, 50, 7) + examine(3, u"INBOX"_s, 2, 50, 7) + listing(4, 1, {1, 2}) +
                          bodyFetch(5, u"1:2"_s) + fetchResponse(1, 1) + fetchResponse(2, 2) + u"S: A0005 OK done\n"_s +
                          logout(6));
    m_server->addScenario(kGreeting + kLogin + u"C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n"_s +
                          statusOf(2, u"INBOX"_s, 3, 50, 7) + examine(3, u"INBOX"_s, 3, 50, 7) + listing(4, 3, {10}) +
                          bodyFetch(5, u"10"_s) + fetchResponse(3, 10) + u"S: A0005 OK done\n"_s + logout(6));
    const std::optional<SyncOutcome> first = run({u"INBOX"_s});
    QVERIFY(first);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QVERIFY2(first->succeeded(), qPrintable(first->error ? first->error->toString() : QString()));
    {
        auto store = Store::open(m_store);
        QVERIFY(store);
        QCOMPARE((*store)->folderState(m_mailboxId, u"INBOX"_s)->uidNext, 3u);
    }
    // The same UIDNEXT again does not make the folder look unchanged while its position is behind it.
    const std::optional<SyncOutcome> second = run({u"INBOX"_s});
    QVERIFY(second);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QCOMPARE(second->itemsNew, 1);
    QCOMPARE(messageIds(),
             (QStringList{u"once-10@example.test"_s, u"once-1@example.test"_s, u"once-2@example.test"_s}));
}

void TestImapExactlyOnce::trackRequestBeyondTheListingDoesNotMoveThePosition()
{
    // A track request names a message that arrived after the listing (UID 5; UID 4 arrived with it). It is
    // fetched and stored at once, but the folder's position stays after the listed UIDs: UID 4, never
    // listed, is fetched by the next sync instead of being passed over.
    const QString search = u"C: A0006 UID SEARCH HEADER Message-ID \"<once-5@example.test>\"\n"
                           "S: * SEARCH 5\nS: A0006 OK done\n"_s;
    m_server->addScenario(kGreeting + kLogin + u"C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n"_s +
                          statusOf(2, u"INBOX"_s, 3, 4, 7) + examine(3, u"INBOX"_s, 3, 4, 7) +
                          listing(4, 1, {1, 2, 3}) + bodyFetch(5, u"1:3"_s) + fetchResponse(1, 1) +
                          fetchResponse(2, 2) + fetchResponse(3, 3) + u"S: A0005 OK done\n"_s + search +
                          bodyFetch(7, u"5"_s) + fetchResponse(5, 5) + u"S: A0007 OK done\n"_s + logout(8));
    m_server->addScenario(kGreeting + kLogin + u"C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n"_s +
                          statusOf(2, u"INBOX"_s, 5, 6, 7) + examine(3, u"INBOX"_s, 5, 6, 7) + listing(4, 4, {4, 5}) +
                          bodyFetch(5, u"4:5"_s) + fetchResponse(4, 4) + fetchResponse(5, 5) + u"S: A0005 OK done\n"_s +
                          logout(6));
    {
        Endpoint incoming;
        incoming.protocol = MailProtocol::Imap;
        incoming.host = u"127.0.0.1"_s;
        incoming.port = m_server->port();
        incoming.security = Security::None;
        m_job = SyncHelper::makeJob(m_store, incoming, u"alice"_s, u"secret"_s, {u"INBOX"_s});
        QVERIFY(m_job);
        auto store = Store::open(m_store);
        QVERIFY(store);
        TrackRequest request;
        request.mailboxId = m_job->mailbox.id;
        request.messageId = u"once-5@example.test"_s;
        request.requestedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(CrmStore(**store).addTrackRequest(request));
    }
    const std::optional<SyncOutcome> first = run({u"INBOX"_s});
    QVERIFY(first);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QVERIFY2(first->succeeded(), qPrintable(first->error ? first->error->toString() : QString()));
    {
        auto store = Store::open(m_store);
        QVERIFY(store);
        QCOMPARE((*store)->folderState(m_mailboxId, u"INBOX"_s)->uidNext, 4u);
    }
    const std::optional<SyncOutcome> second = run({u"INBOX"_s});
    QVERIFY(second);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QVERIFY2(second->succeeded(), qPrintable(second->error ? second->error->toString() : QString()));
    QCOMPARE(messageIds(), (QStringList{u"once-1@example.test"_s, u"once-2@example.test"_s, u"once-3@example.test"_s,
                                        u"once-4@example.test"_s, u"once-5@example.test"_s}));
    auto store = Store::open(m_store);
    QVERIFY(store);
    QCOMPARE((*store)->folderState(m_mailboxId, u"INBOX"_s)->uidNext, 6u);
    QCOMPARE(*LedgerStore(**store).ranges(m_mailboxId, u"INBOX"_s, 7), (LedgerEntries{{1, 5, Disposition::Stored}}));
}

void TestImapExactlyOnce::unsolicitedFetchInTheListingCountsOnce()
{
    // The server slips a flags update for UID 2 into the listing: UID 2 is listed once, fetched once, and its
    // ledger span is whole.
    m_server->addScenario(kGreeting + kLogin + u"C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n"_s +
                          statusOf(2, u"INBOX"_s, 3, 4, 7) + examine(3, u"INBOX"_s, 3, 4, 7) +
                          u"C: A0004 UID FETCH 1:* (UID RFC822.SIZE)\n"
                          "S: * 1 FETCH (UID 1 RFC822.SIZE %1)\n"
                          "S: * 2 FETCH (UID 2 RFC822.SIZE %2)\n"
                          "S: * 2 FETCH (UID 2 FLAGS (\\Seen))\n"
                          "S: * 3 FETCH (UID 3 RFC822.SIZE %3)\n"
                          "S: A0004 OK done\n"_s.arg(message(1).size())
                              .arg(message(2).size())
                              .arg(message(3).size()) +
                          bodyFetch(5, u"1:3"_s) + fetchResponse(1, 1) + fetchResponse(2, 2) + fetchResponse(3, 3) +
                          u"S: A0005 OK done\n"_s + logout(6));
    const std::optional<SyncOutcome> outcome = run({u"INBOX"_s});
    QVERIFY(outcome);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QVERIFY2(outcome->succeeded(), qPrintable(outcome->error ? outcome->error->toString() : QString()));
    QCOMPARE(outcome->itemsNew, 3);
    auto store = Store::open(m_store);
    QVERIFY(store);
    QCOMPARE(*LedgerStore(**store).ranges(m_mailboxId, u"INBOX"_s, 7), (LedgerEntries{{1, 3, Disposition::Stored}}));
}

QTEST_GUILESS_MAIN(TestImapExactlyOnce)
#include "tst_imapexactlyonce.moc"
