#pragma once

#include "diagnostics/result.h"
#include "retentionsettings.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace SyncDesk {

class Store;

// What the store prunes by age. Each kind has its own window (RetentionSettings).
enum class RetentionKind { DebugLog, Log, Runs, ClosedAlerts, TrackRequests, DeadNodes };

// One kind in a retention pass.
struct RetentionCount
{
    RetentionKind kind = RetentionKind::Log;
    int days = 0;
    QDateTime cutoff;     // rows older than this may go
    qint64 prunable = 0;  // rows older than the window that may go, before the pass
    qint64 pruned = 0;    // rows deleted (0 in a dry run)
    qint64 remaining = 0; // rows of the kind left after the pass
    int batches = 0;      // transactions it took
};

// The size of the database file: SQLite reuses free pages, it does not give them back to the file system.
struct DatabaseSize
{
    qint64 bytes = 0;     // page count times page size
    qint64 freeBytes = 0; // of which free pages, reused by later writes
};

struct RetentionReport
{
    QDateTime now;
    bool dryRun = false;
    QList<RetentionCount> kinds;
    DatabaseSize before;
    DatabaseSize after;

    qint64 totalPruned() const;
};

// The retention side of the store: deletes, by age and in small batches (each its own short transaction, so a
// sync writing meanwhile waits at most one batch), what only grows. Never deleted: open alerts (and closed
// profile incidents whose mailboxes are still disabled by them, and incidents an open alert belongs to),
// pending track requests, the latest run of each mailbox, nodes that heartbeat within their window or still
// hold a lease. Nothing the ledger or the audit reads (folder_ledger, activities, pop3_seen, item_failures)
// is touched. Works on a Store's connection, in that Store's thread; `now` comes from the caller, so tests
// run months of retention with a simulated clock.
class RetentionStore final
{
public:
    explicit RetentionStore(Store &store);

    static QList<RetentionKind> kinds();
    static QString kindName(RetentionKind kind);    // "debug_log", "log", "runs", …: stable, for JSON
    static QString settingKey(RetentionKind kind);  // "debug_log_days", … in the "retention" section
    static QString description(RetentionKind kind); // for people: "debug log records"
    static int days(RetentionKind kind, const RetentionSettings &settings);
    static QDateTime cutoff(RetentionKind kind, const RetentionSettings &settings, const QDateTime &now);

    // The stored "retention" settings over the defaults.
    Result<RetentionSettings> settings(const RetentionSettings &defaults = {});

    // Deletes at most `limit` rows of the kind older than `cutoff` that may go, in one transaction;
    // returns how many it deleted (fewer than `limit`: none are left).
    Result<int> pruneBatch(RetentionKind kind, const QDateTime &cutoff, int limit);
    // Rows older than `cutoff` that may go.
    Result<qint64> prunableCount(RetentionKind kind, const QDateTime &cutoff);
    // Rows of the kind, whatever their age.
    Result<qint64> rowCount(RetentionKind kind);
    Result<DatabaseSize> databaseSize();

    // One whole pass, batch after batch, in this call (the CLI, tests); a dry run only counts. The engine
    // drives pruneBatch() itself so that it can yield between batches (MaintenanceRunner).
    Result<RetentionReport> prune(const RetentionSettings &settings, const QDateTime &now, bool dryRun = false);

private:
    Store &m_store;
};

} // namespace SyncDesk
