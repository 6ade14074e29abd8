#pragma once

#include "diagnostics/result.h"
#include "logging/logrecord.h"
#include "model/activity.h"
#include "model/alert.h"
#include "model/folderstate.h"
#include "model/ledger.h"
#include "model/mailbox.h"
#include "model/mailboxstatus.h"
#include "model/nodestatus.h"
#include "model/pop3maildrop.h"
#include "model/serverprofile.h"
#include "model/syncrun.h"
#include "storeconfig.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>

class QSqlError;
class QSqlQuery;

namespace SyncDesk {

class SqliteStatements;

struct BatchResult
{
    int inserted = 0;   // new activities
    int duplicates = 0; // already stored (same Message-ID or same folder/UIDVALIDITY/UID)
    int relinked = 0;   // already stored, moved to the folder's new UIDVALIDITY/UID
    QList<qint64> ids;  // per activity given: its row (new or already stored), 0 when unknown
};

struct RunStatistics
{
    QDateTime since;
    int runs = 0;
    int failures = 0;
    QMap<QString, int> failuresByClass;
};

// A search of the persisted log. Text is matched with SQL LIKE: case-insensitive for ASCII letters only,
// so a caller that needs full Unicode case folding leaves it empty and filters the rows itself.
struct LogQuery
{
    LogLevel minimumLevel = LogLevel::Debug;
    QString mailbox; // one address, exactly (addresses are stored lower case); empty: every mailbox
    QString text;    // contained in the message, the mailbox or the category; empty: any
};

// When a lease stops counting although it has not expired: its engine stopped, or has been silent (no
// heartbeat row update) for deadAfterSeconds. 0: only the lease's own end counts.
struct LeaseTiming
{
    int deadAfterSeconds = 0;
};

struct ClaimOptions
{
    bool onlyWhenDue = false; // scheduled syncs; requests and run-once take a mailbox whenever it is free
    LeaseTiming timing;
};

// One mailbox of a batch claim (Store::claimMailboxes).
struct ClaimRequest
{
    qint64 mailboxId = 0;
    qint64 profileId = 0;
    int maxConnections = 1;   // the profile's cap, counted across every engine on the store
    bool onlyWhenDue = false; // as ClaimOptions::onlyWhenDue
};

struct ClaimDetails
{
    MailboxState state; // the mailbox's row after the attempt: its epoch, holder and due time
};

struct SyncRequest
{
    qint64 id = 0;
    qint64 mailboxId = 0;
    QString reason;
    QDateTime requestedAt;
};

// The CRM store on Qt Sql. One Store object belongs to one thread: it opens its own named connection
// there and removes it in its destructor, which must run in the same thread. Every method returns an
// error value (class Store, with a hint) instead of failing silently.
class Store final
{
    Q_DECLARE_TR_FUNCTIONS(Store)

public:
    // Opens (creating if needed) and migrates the database to the latest schema version.
    static Result<std::unique_ptr<Store>> open(const StoreConfig &config);
    // Opens without migrating past `version`: for tests that need a database made by an older release.
    static Result<std::unique_ptr<Store>> openAtVersion(const StoreConfig &config, int version);
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // What this process's stores spent in SQL since it started: statements and their time, and claims
    // (each several statements) and theirs. For bench_multinode and, later, metrics.
    struct Statistics
    {
        qint64 statements = 0;
        qint64 nanoseconds = 0;
        qint64 claims = 0;       // mailboxes asked for
        qint64 claimBatches = 0; // transactions they were asked in
        qint64 claimNanoseconds = 0;
        qint64 transactions = 0; // begun (outermost only)
    };
    static Statistics statistics();

    const StoreConfig &config() const { return m_config; }
    bool isPostgres() const { return m_config.isPostgres(); }
    Result<int> schemaVersion();
    // Changes whenever another connection commits (SQLite's data_version; on PostgreSQL the next transaction
    // id, which our own writes move too): cheap change detection.
    Result<qint64> dataVersion();

    // Runs body inside one transaction: commits when it returns ok, rolls back otherwise.
    Status transaction(const std::function<Status()> &body);
    // Whether the store takes writes now: the write lock and room for a batch (a row of 256 KiB committed,
    // then removed). After a full disk, an I/O error or a lock, before syncs start again.
    Status probeWrite();

    // Server profiles and mailboxes.
    Result<qint64> upsertProfile(const ServerProfile &profile); // by name
    Result<QList<ServerProfile>> profiles();
    Result<std::optional<ServerProfile>> profile(qint64 id);
    Result<qint64> upsertMailbox(const Mailbox &mailbox); // by address; creates its state row
    Result<QList<Mailbox>> mailboxes();
    Result<std::optional<Mailbox>> mailbox(qint64 id);
    Result<std::optional<Mailbox>> mailboxByAddress(const QString &address);
    // Disabling records why ("admin", "permanent-failure", "repeated-failures"); enabling resets the
    // failure counter and the last error and makes the mailbox due now.
    Status setMailboxEnabled(qint64 mailboxId, bool enabled, const QString &reason, const QDateTime &now);
    // Another server profile for the mailbox (the console's "Move to profile"); its state stays.
    Status moveMailboxToProfile(qint64 mailboxId, qint64 profileId, const QDateTime &now);
    // Changes whenever mailboxes, server profiles or settings change, whoever changed them.
    Result<qint64> configVersion();
    Result<QJsonObject> setting(const QString &key);
    Status setSetting(const QString &key, const QJsonObject &value);

    // Mailbox state.
    Result<MailboxState> mailboxState(qint64 mailboxId);
    // The states of these mailboxes (those without a state row are left out).
    Result<QHash<qint64, MailboxState>> mailboxStates(const QList<qint64> &mailboxIds);
    // Everything but the lease; releaseLease: the lease too (the caller holds it, as leasedState found).
    Status saveMailboxState(const MailboxState &state, bool releaseLease = false);
    // A finished run: its mailbox's state (as saveMailboxState) and its row in the run history (as
    // recordRun), in one statement on PostgreSQL (a round trip less for every sync), two on SQLite.
    Status saveStateAndRun(const MailboxState &state, bool releaseLease, const SyncRun &run);
    // A run that succeeded under a lease writes every column of its state: the state and its run row, the
    // lease released, only while (node, epoch) still holds it (lease-lost otherwise). True when the mailbox
    // was failing before (an error or failures counted). In a transaction; one statement on PostgreSQL where
    // leasedState, saveStateAndRun make two (a round trip less for nearly every sync).
    Result<bool> finishLeasedRun(const MailboxState &state, const QString &node, qint64 epoch, const SyncRun &run);
    Result<MailboxStatusList> mailboxStatuses();
    // Enabled mailboxes due at `now` (never synced, or next due passed) that no live lease holds.
    Result<QList<qint64>> dueMailboxes(const QDateTime &now, const LeaseTiming &timing = {});
    // The same for mailboxes due before `dueBefore` (overdue by then; one without a due time is due since it
    // was added or last changed), most overdue first, at most `limit`:
    // what the engine scheduling them left behind (several engines: each sweeps for them once a heartbeat).
    Result<QList<qint64>> overdueMailboxes(const QDateTime &dueBefore, const QDateTime &now, const LeaseTiming &timing,
                                           int limit);
    // NotDue: another engine synced it since this one planned it; ClaimDetails::state says when it is due.
    // Gone: the mailbox was deleted meanwhile (a batch claim reports it; claimMailbox fails).
    enum class Claim { Claimed, HeldElsewhere, ProfileFull, NotDue, Gone };
    struct ClaimOutcome
    {
        qint64 mailboxId = 0;
        Claim claim = Claim::HeldElsewhere;
        MailboxState state; // the mailbox's row after the attempt: its epoch, holder and due time
    };
    // Claims many mailboxes in one transaction (a few statements, whatever their number), with the meaning
    // of claimMailbox for each. Earlier requests of a profile come first when its cap leaves room for only
    // some. Outcomes in the order of the requests.
    Result<QList<ClaimOutcome>> claimMailboxes(const QList<ClaimRequest> &requests, const QString &node,
                                               const QDateTime &now, const QDateTime &leaseUntil,
                                               const LeaseTiming &timing = {});
    // Takes the mailbox for this node until leaseUntil, unless another engine holds a live lease on it or
    // the profile already has maxConnections live leases (counted across every engine on this store). A
    // new claim increments the lease epoch; a claim by the live holder renews it and keeps the epoch.
    Result<Claim> claimMailbox(qint64 mailboxId, qint64 profileId, int maxConnections, const QString &node,
                               const QDateTime &now, const QDateTime &leaseUntil, const ClaimOptions &options = {},
                               ClaimDetails *details = nullptr);
    // Extends a lease this node holds (at `epoch`, when given): false when it is no longer this node's.
    Result<bool> renewLease(qint64 mailboxId, const QString &node, const QDateTime &leaseUntil, qint64 epoch = 0);
    Status releaseMailbox(qint64 mailboxId, const QString &node, qint64 epoch = 0);
    // Fencing: once set, this connection's batch writes for the mailbox (activities, folder state, ledger,
    // POP3 UIDLs) are refused with hint lease-lost when the mailbox's lease is no longer (node, epoch).
    void setLeaseFence(qint64 mailboxId, const QString &node, qint64 epoch);
    void clearLeaseFence(qint64 mailboxId);
    // A run's write outside writeBatch (item failures, track requests, withheld counts): with a fence set
    // for the mailbox, done in a transaction that first checks the lease, and refused (lease-lost) once it
    // moved on; without one, done as it is.
    Status fencedWrite(qint64 mailboxId, const std::function<Status()> &body);
    // Inside a transaction: ok when (node, epoch) still holds the mailbox's lease, lease-lost otherwise.
    Status checkLease(qint64 mailboxId, const QString &node, qint64 epoch);
    // Inside a transaction: the mailbox's state when (node, epoch) still holds its lease (the row locked
    // until the transaction ends), lease-lost otherwise. One statement for checkLease and mailboxState.
    Result<MailboxState> leasedState(qint64 mailboxId, const QString &node, qint64 epoch);
    // Live leases (not expired at `now`) per engine id.
    Result<QHash<QString, int>> leasesHeld(const QDateTime &now);
    // The node ids that hold a lease right now (live or not).
    Result<QStringList> leaseOwners();
    // Drops leases held by this node (after a crash, the same node id starts again).
    Status releaseAllLeases(const QString &node);
    // Why due mailboxes could not start; an empty cause clears it.
    Status setOverdueCauses(const QHash<qint64, QString> &changes);

    // The engines that run on this store, with their scheduler's view (heartbeat every second).
    Status publishNode(const NodeStatus &node);
    Result<QList<NodeStatus>> nodes();
    // Only these engines (those of them that published), in chunks: cheaper than all when a store keeps many.
    Result<QList<NodeStatus>> nodes(const QStringList &nodeIds);
    // The engines that run the schedule (not a run-once) and beat within timing.deadAfterSeconds.
    Result<QStringList> schedulingEngines(const QDateTime &now, const LeaseTiming &timing);

    // Alerts: one open alert per cause key; raising it again counts an occurrence.
    Result<qint64> raiseAlert(const Alert &alert);
    Status closeAlerts(const QString &causeKey, const QDateTime &now);
    Result<QList<Alert>> alerts(bool includeClosed = false);

    // Folder state and activities.
    Result<FolderState> folderState(qint64 mailboxId, const QString &folder);
    // One transaction: the batch's activities, the folder state reached after them and the ledger entries
    // of the UIDs passed (see LedgerStore).
    Result<BatchResult> writeBatch(const FolderState &folderState, const QList<Activity> &activities,
                                   const LedgerEntries &ledger = {});
    // POP3: the UIDLs seen in a mailbox and the next local number for its activities.
    Result<Pop3Maildrop> pop3Maildrop(qint64 mailboxId);
    // One transaction: the batch's activities and the UIDLs they came from (seen also when an activity was
    // a duplicate, so that the message is not downloaded again).
    Result<BatchResult> writePop3Batch(qint64 mailboxId, const QList<Pop3SeenMessage> &seen,
                                       const QList<Activity> &activities);
    Result<qint64> activityCount(std::optional<qint64> mailboxId = std::nullopt);
    // A mailbox's latest activities, newest first.
    Result<QList<Activity>> recentActivities(qint64 mailboxId, int limit);
    // Streams activities in id order; the callback returns false to stop.
    Status forEachActivity(const std::function<bool(const Activity &)> &callback,
                           std::optional<qint64> mailboxId = std::nullopt);

    // Run history.
    Status recordRun(const SyncRun &run);
    // The latest runs first; `since` keeps only those that started at or after it.
    Result<QList<SyncRun>> recentRuns(qint64 mailboxId, int limit, const QDateTime &since = {});
    // Runs of one mailbox or of all, newest first, started at or after `since` (all when invalid).
    Result<QList<SyncRun>> runs(std::optional<qint64> mailboxId, const QDateTime &since, int limit);
    // Runs and failures (by error class) of every mailbox since a time: the console's overview.
    Result<RunStatistics> runStatistics(const QDateTime &since);

    // Structured log.
    Status appendLog(const QList<LogRecord> &records);
    Result<QList<LogRecord>> logRecordsAfter(qint64 afterId, int limit);
    Result<qint64> lastLogId();
    Result<qint64> firstLogId(); // 0 when the log is empty
    // The newest records before beforeId, oldest first, at most limit: to page back through the log.
    Result<QList<LogRecord>> logRecordsBefore(qint64 beforeId, int limit);
    // Records with fromId <= id < beforeId that match the query, newest first, at most limit. Searches
    // walk back through the log in id windows so that they can report progress and stop early.
    Result<QList<LogRecord>> logRecordsMatching(const LogQuery &query, qint64 fromId, qint64 beforeId, int limit);

    // Requests for an immediate sync, from the console or the CLI, picked up by whichever engine runs.
    // On PostgreSQL it also NOTIFYs the engines listening (listenForSyncRequests).
    Status requestSync(qint64 mailboxId, const QString &reason, const QDateTime &now);
    // Takes (and removes) the oldest requests, at most `limit` (all when negative): engines taking at once
    // each get different ones.
    Result<QList<SyncRequest>> takeSyncRequests(int limit = -1);
    // PostgreSQL: this connection LISTENs for sync requests, and `notified` runs (in this thread, through
    // the event loop, with `context` alive) after each commit that asked for one. A connection reads
    // notifications only between its own queries: use a Store of its own for it. False on SQLite (nothing to
    // listen to: engines poll). keepListening, called every few seconds, notices a lost session and listens
    // again on the new one.
    Result<bool> listenForSyncRequests(QObject *context, const std::function<void()> &notified);
    Status keepListening();
    static constexpr QLatin1StringView kSyncRequestChannel{"syncdesk_sync_requests"};

private:
    friend class CrmStore;
    friend class OutboxStore;
    friend class ActStore;
    friend class DiagnosticsStore;
    friend class LedgerStore;
    friend class PushStore;
    friend class RetentionStore;
    friend class StoreCopyAccess;
    explicit Store(const StoreConfig &config);
    Status openConnection();
    Status openSqlite();
    Status openPostgres();
    // After a lost PostgreSQL session, outside a transaction: connects again; true when it worked.
    bool reconnectAfter(const QSqlError &error);
    Status migrate(int targetVersion);
    Status migrateLocked(int targetVersion);
    QVariant boundValue(const QVariant &value) const;
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &values = {});
    // The same for statements run many times (per message of a batch): prepared once per connection,
    // then only bound and stepped. The query stays valid until the next call with the same SQL.
    Result<QSqlQuery *> execCached(const QString &sql, const QVariantList &values);
    // The first row of such a statement, or nothing when it returns none; the statement is reset at once.
    // On SQLite through SQLite's own interface (SqliteStatements: most of a full pull's insert cost was Qt's
    // driver), on PostgreSQL through execCached().
    Result<std::optional<QVariantList>> execFirstRow(const QString &sql, const QVariantList &values);
    Status insertActivities(const QList<Activity> &activities, qint64 now, BatchResult &result);
    SyncError errorFrom(const QSqlQuery &query, const QString &what) const;
    SyncError errorFrom(const QSqlError &error, const QString &what) const;
    Status ensureStateRow(qint64 mailboxId);
    Result<QList<ClaimOutcome>> claimBatch(const QList<ClaimRequest> &requests, const QString &node,
                                           const QDateTime &now, const QDateTime &leaseUntil,
                                           const LeaseTiming &timing);
    Status checkLeaseFence(qint64 mailboxId);
    Result<bool> subscribeListener();
    struct Statement
    {
        QString sql;
        QVariantList values;
    };
    static Statement stateUpsert(const MailboxState &state, bool releaseLease);
    static Statement runInsert(const SyncRun &run);

    struct Fence
    {
        QString node;
        qint64 epoch = 0;
    };
    QHash<qint64, Fence> m_fences;

    StoreConfig m_config;
    QString m_connectionName;
    int m_transactionDepth = 0;
    QHash<QString, QSqlQuery> m_cachedQueries;
    std::unique_ptr<SqliteStatements> m_sqliteStatements; // made on first use; gone before the connection
    std::function<void()> m_listener;
    QObject *m_listenerContext = nullptr;
    bool m_listenerConnected = false;
};

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::RunStatistics)
