#pragma once

#include "itemfailures.h"
#include "mailboxsync.h"
#include "model/folderstate.h"
#include "protocol/imap/imapfetch.h"
#include "protocol/imap/imapsession.h"
#include "protocol/mime/decodedmessage.h"
#include "store/store.h"
#include "tracking/synctracker.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <deque>
#include <memory>
#include <optional>

namespace SyncDesk {

// Syncs the configured folders of one IMAP mailbox. First the STATUS of every folder in one round trip
// (LIST-STATUS where offered, else pipelined STATUS): a folder whose UIDVALIDITY and UIDNEXT did not
// move is not selected at all. Per changed folder: EXAMINE; compare UIDVALIDITY and
// UIDNEXT with the stored folder state; list the new UIDs with their sizes; fetch them in batches
// (pipelined, bounded); decode each batch and store it with the folder state reached, in one
// transaction. An interrupted run resumes after the last committed batch. A UIDVALIDITY change
// refetches the folder; Message-ID matching keeps it free of duplicates.
// Tracking: each message is decided by the mailbox's SyncTracker; untracked messages are not stored but
// the folder state still moves past them. Pending track requests are looked for in every folder (UID
// SEARCH by Message-ID). Tracked messages get the tracking keyword (UID STORE, folder opened with
// SELECT); a server that does not keep keywords is reported, and the sync goes on.
class ImapMailboxSync final : public MailboxSync
{
    Q_OBJECT
public:
    ImapMailboxSync(const SyncJob &job, Store &store, const ByteStreamFactory &streams);
    ~ImapMailboxSync() override;

    void start() override;
    void cancel() override;

private:
    struct Batch
    {
        QList<quint32> uids;
        QSet<quint32> wanted;
        QHash<quint32, Imap::FetchedMessage> fetched;
        qint64 heldBytes = 0;              // bodies kept in `fetched`: counted against the response budget
        QHash<quint32, qint64> tooLarge;   // UID -> size sent, over the message limit: read past, not kept
        QHash<quint32, qint64> overBudget; // UID -> size sent, dropped to stay within the budget
        qint64 declaredBytes = 0;          // the sizes the listing declared: time allowed, never memory reserved
        int generation = 0;                // the folder visit it belongs to
        bool advances = false;             // new messages: writing it moves the folder's position (retries and track
                                           // requests do not: they may name UIDs the listing has not reached)
        bool complete = false;
        std::optional<SyncError> error; // the server refused it
        // Once complete, in m_decoding: its bodies are decoded on a pool thread, then it is written.
        bool decodeStarted = false;
        bool decoded = false;
        QList<DecodedMessage> decodedMessages; // in the order of rawsToDecode()
    };

    enum class FolderPlan { Select, Done, Failed };

    void login();
    void checkFolders();
    // A mailbox that sends syncs its Sent folder too (its copies and what its user sends from a mail client).
    bool tracksSentFolder() const;
    void addSentFolder(const QString &folder);
    void statusFolders();
    void onStatus(const Result<Imap::StatusReport> &report);
    void nextFolder();
    void onSelected(const Imap::SelectInfo &info);
    void listNewMessages(quint32 fromUid);
    void keepFetched(Batch &batch, const Imap::FetchedMessage &message);
    bool recordDropped(const Batch &batch, quint32 uid);
    // advances: these are the listed new messages (see Batch::advances).
    bool planBatches(QList<QPair<quint32, qint64>> uidsAndSizes, bool advances);
    // A message with a failure kept for retry failed again (its failure is recorded anew): neither tried again
    // in this run nor resolved when its batch is written.
    void failedAgain(quint32 uid)
    {
        m_retryUids.remove(uid);
        m_retryAhead.remove(uid);
    }
    bool resolveGoneAhead(const QList<QPair<quint32, qint64>> &listed, quint32 listedUpTo);
    bool resolveEmptiedFolder(const QString &folder, quint32 uidValidity);
    void fetchMore();
    void startFetching();   // the first fetchMore() after planning: stops here if the time limit was reached
    void stopAtTimeLimit(); // the run's time limit was reached and nothing is in flight
    void onBatchComplete();
    // Starts decoding the first batch of m_decoding not started yet, unless one is decoding: one batch at a
    // time, on a pool thread, while this thread reads the next ones (decoded here when no pool thread is free).
    void decodeNext();
    void onDecoded(const std::shared_ptr<Batch> &batch, const QList<DecodedMessage> &decoded);
    // Writes the decoded batches at the front of m_decoding, in UID order, then what comes next (more
    // fetches, the end of the folder).
    void writeDecoded();
    void afterBatchesWritten();
    // Before a folder is left on an error: the batches already answered are decoded here and written, as
    // they would have been without the pipeline. False when the sync ended.
    bool flushDecoding();
    static QList<QByteArray> rawsToDecode(const Batch &batch); // the bodies kept, in the batch's UID order
    bool writeBatch(Batch &batch);
    // Writes a batch with the folder state reached. When the store refuses the batch because of a message
    // (not because it is locked, read-only or full), each message is written on its own and those refused
    // become item failures. Leaves in `activities` and `uids` what was stored.
    bool storeActivities(const FolderState &reached, QList<Activity> &activities, QList<quint32> &uids,
                         BatchResult &written, LedgerEntries &ledger);
    // The ledger span of a UID: from the one listed before it (the UIDs between do not exist).
    LedgerRange span(quint32 uid, Disposition disposition) const;
    // A UID the server listed but did not send: listed as an item failure before the folder moves past it.
    bool recordUnanswered(quint32 uid);
    bool checkUnanswered();  // after the retries: asks the server whether those messages still exist
    bool retryFailedItems(); // after the new messages: the folder's item failures marked for retry
    bool describeTooLarge(); // after those: the header of each message too large to fetch, for its failure
    void completeFolder();   // after the new messages: pending track requests, then the keywords
    void searchRequests();
    void storeKeywords();
    void keywordRefused(const QString &why);
    void finishFolder();
    void folderFailed(const SyncError &error);
    void fail(const SyncError &error);
    void succeed();
    bool stopped() const { return m_finished || m_cancelled || m_ending; }

    std::unique_ptr<Imap::Session> m_session;
    QByteArray m_keyword;           // written on tracked messages; empty: no write-back
    bool m_keywordAllowed = false;  // in the selected folder
    bool m_keywordReported = false; // a refusal is reported once per sync
    QList<quint32> m_trackedUids;   // tracked in the selected folder, keyword not yet written
    bool m_searchedRequests = false;
    QSet<QString> m_retryFolders; // folders with item failures to try again
    QSet<quint32> m_retryUids;    // in the selected folder
    QSet<quint32> m_retryAhead;   // failures kept for retry at or above the position: fetched as new
    bool m_retried = false;
    QList<quint32> m_undescribed; // too large to fetch in the selected folder: their failures lack a header
    bool m_described = false;
    quint32 m_fetchFrom = 0; // first UID fetched as new in the selected folder
    int m_folderIndex = -1;
    QList<FolderPlan> m_plans; // per configured folder, after STATUS
    QString m_folder;
    FolderState m_folderState;
    Imap::SelectInfo m_select;
    std::deque<std::shared_ptr<Batch>> m_planned;  // not requested yet, in UID order
    std::deque<std::shared_ptr<Batch>> m_sent;     // requested, in the order the server answers them
    std::deque<std::shared_ptr<Batch>> m_decoding; // answered, decoding or decoded, not written yet: UID order
    bool m_decodeRunning = false;                  // a batch of m_decoding is on a pool thread
    quint32 m_highestStored = 0;
    quint32 m_highestListed = 0;           // by the listing of new messages
    int m_generation = 0;                  // counts folder visits: answers are matched to theirs
    std::optional<SyncError> m_batchError; // a batch of this folder was refused: drain, then move on
    QHash<quint32, quint32> m_spanStart;   // listed UID -> first UID of its ledger span
    QHash<quint32, qint64> m_listedSizes;  // listed UID -> size the server declared
    QHash<quint32, qint64> m_sentSizes;    // UID -> size the server really sent, when it was dropped
    LedgerEntries m_ledger;                // not yet written with a batch
    QSet<quint32> m_unanswered;            // listed, not sent: to be checked
    bool m_checkedUnanswered = false;
    std::optional<SyncError> m_folderError; // first folder that failed; the others still sync
    bool m_cancelled = false;
    bool m_ending = false; // logging out: late callbacks change nothing
};

} // namespace SyncDesk
