#include "retentionstore.h"

#include "store.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

// The SQL of one kind: its table and key, which rows belong to the kind, and which of those may go once they
// are older than the cutoff (the one placeholder). Every age column is indexed for these (migration 8).
struct KindSql
{
    QString table;
    QString key;
    QString scope;    // the rows of the kind
    QString eligible; // of those, the ones that may go: older than ? and not protected
};

KindSql sqlOf(RetentionKind kind)
{
    switch (kind) {
    case RetentionKind::DebugLog:
        return {u"log_records"_s, u"id"_s, u"r.level IN (0)"_s, u"r.level IN (0) AND r.at < ?"_s};
    case RetentionKind::Log:
        return {u"log_records"_s, u"id"_s, u"r.level IN (1, 2, 3)"_s, u"r.level IN (1, 2, 3) AND r.at < ?"_s};
    case RetentionKind::Runs:
        // The latest run of each mailbox stays (the console and `status` show it): a run goes only when a later
        // run of its mailbox exists. Nothing else refers to runs (the ledger and the audit do not).
        return {u"sync_runs"_s, u"id"_s, u"1 = 1"_s,
                u"r.started_at < ? AND EXISTS (SELECT 1 FROM sync_runs n WHERE n.mailbox_id = r.mailbox_id AND "
                "(n.started_at > r.started_at OR (n.started_at = r.started_at AND n.id > r.id)))"_s};
    case RetentionKind::ClosedAlerts:
        // Kept: a profile incident whose mailboxes are still disabled by it (`alerts reenable` needs it), and an
        // incident an alert that is not closed belongs to. Its alert_mailboxes rows go with it (ON DELETE
        // CASCADE).
        return {u"alerts"_s, u"id"_s, u"r.state = 'closed'"_s,
                u"r.state = 'closed' AND r.closed_at < ? "
                "AND r.id NOT IN (SELECT incident_id FROM alerts WHERE state <> 'closed' AND incident_id IS NOT NULL) "
                "AND NOT EXISTS (SELECT 1 FROM alert_mailboxes am JOIN mailboxes m ON m.id = am.mailbox_id "
                "WHERE am.alert_id = r.id AND am.disabled_at IS NOT NULL AND m.enabled = 0 "
                "AND m.disabled_reason IN ('permanent-failure', 'repeated-failures'))"_s};
    case RetentionKind::TrackRequests:
        return {u"track_requests"_s, u"id"_s, u"r.state <> 'pending'"_s,
                u"r.state <> 'pending' AND r.completed_at < ?"_s};
    case RetentionKind::DeadNodes:
        // A node that still holds a lease stays until the lease is released or taken over.
        return {u"nodes"_s, u"node_id"_s, u"1 = 1"_s,
                u"r.heartbeat_at < ? AND r.node_id NOT IN "
                "(SELECT lease_owner FROM mailbox_state WHERE lease_owner IS NOT NULL)"_s};
    }
    Q_UNREACHABLE();
    return {};
}

} // namespace

qint64 RetentionReport::totalPruned() const
{
    qint64 total = 0;
    for (const RetentionCount &count : kinds) {
        total += count.pruned;
    }
    return total;
}

RetentionStore::RetentionStore(Store &store)
    : m_store(store)
{}

QList<RetentionKind> RetentionStore::kinds()
{
    return {RetentionKind::DebugLog,     RetentionKind::Log,           RetentionKind::Runs,
            RetentionKind::ClosedAlerts, RetentionKind::TrackRequests, RetentionKind::DeadNodes};
}

QString RetentionStore::kindName(RetentionKind kind)
{
    switch (kind) {
    case RetentionKind::DebugLog:
        return u"debug_log"_s;
    case RetentionKind::Log:
        return u"log"_s;
    case RetentionKind::Runs:
        return u"runs"_s;
    case RetentionKind::ClosedAlerts:
        return u"closed_alerts"_s;
    case RetentionKind::TrackRequests:
        return u"track_requests"_s;
    case RetentionKind::DeadNodes:
        return u"dead_nodes"_s;
    }
    Q_UNREACHABLE();
    return {};
}

QString RetentionStore::settingKey(RetentionKind kind)
{
    return kindName(kind) + u"_days"_s;
}

QString RetentionStore::description(RetentionKind kind)
{
    switch (kind) {
    case RetentionKind::DebugLog:
        return QCoreApplication::translate("RetentionStore", "debug log records");
    case RetentionKind::Log:
        return QCoreApplication::translate("RetentionStore", "other log records");
    case RetentionKind::Runs:
        return QCoreApplication::translate("RetentionStore", "sync runs");
    case RetentionKind::ClosedAlerts:
        return QCoreApplication::translate("RetentionStore", "closed alerts");
    case RetentionKind::TrackRequests:
        return QCoreApplication::translate("RetentionStore", "completed track requests");
    case RetentionKind::DeadNodes:
        //: engines (sync nodes) that stopped reporting
        return QCoreApplication::translate("RetentionStore", "dead nodes");
    }
    Q_UNREACHABLE();
    return {};
}

int RetentionStore::days(RetentionKind kind, const RetentionSettings &settings)
{
    switch (kind) {
    case RetentionKind::DebugLog:
        return settings.debugLogDays;
    case RetentionKind::Log:
        return settings.logDays;
    case RetentionKind::Runs:
        return settings.runsDays;
    case RetentionKind::ClosedAlerts:
        return settings.closedAlertsDays;
    case RetentionKind::TrackRequests:
        return settings.trackRequestsDays;
    case RetentionKind::DeadNodes:
        return settings.deadNodesDays;
    }
    Q_UNREACHABLE();
    return 0;
}

QDateTime RetentionStore::cutoff(RetentionKind kind, const RetentionSettings &settings, const QDateTime &now)
{
    // Whole days of 24 hours, whatever the calendar does.
    return now.toUTC().addSecs(-qint64(days(kind, settings)) * 24 * 3600);
}

Result<RetentionSettings> RetentionStore::settings(const RetentionSettings &defaults)
{
    auto stored = m_store.setting(u"retention"_s);
    if (!stored) {
        return stored.error();
    }
    return defaults.withStored(*stored);
}

Result<int> RetentionStore::pruneBatch(RetentionKind kind, const QDateTime &cutoff, int limit)
{
    const KindSql sql = sqlOf(kind);
    int deleted = 0;
    Status status = m_store.transaction([&]() -> Status {
        auto query = m_store.execCached(u"DELETE FROM %1 WHERE %2 IN (SELECT r.%2 FROM %1 r WHERE %3 LIMIT ?)"_s.arg(
                                            sql.table, sql.key, sql.eligible),
                                        {cutoff.toMSecsSinceEpoch(), qMax(1, limit)});
        if (!query) {
            return query.error();
        }
        deleted = (*query)->numRowsAffected();
        (*query)->finish();
        return {};
    });
    if (!status) {
        return status.error();
    }
    return deleted;
}

Result<qint64> RetentionStore::prunableCount(RetentionKind kind, const QDateTime &cutoff)
{
    const KindSql sql = sqlOf(kind);
    auto query = m_store.exec(u"SELECT COUNT(*) FROM %1 r WHERE %2"_s.arg(sql.table, sql.eligible),
                              {cutoff.toMSecsSinceEpoch()});
    if (!query) {
        return query.error();
    }
    return query->next() ? query->value(0).toLongLong() : qint64(0);
}

Result<qint64> RetentionStore::rowCount(RetentionKind kind)
{
    const KindSql sql = sqlOf(kind);
    auto query = m_store.exec(u"SELECT COUNT(*) FROM %1 r WHERE %2"_s.arg(sql.table, sql.scope));
    if (!query) {
        return query.error();
    }
    return query->next() ? query->value(0).toLongLong() : qint64(0);
}

Result<DatabaseSize> RetentionStore::databaseSize()
{
    if (m_store.isPostgres()) { // the server reuses freed space by itself (autovacuum): nothing is "free" here
        auto query = m_store.exec(u"SELECT pg_database_size(current_database())"_s);
        if (!query) {
            return query.error();
        }
        return DatabaseSize{query->next() ? query->value(0).toLongLong() : 0, 0};
    }
    qint64 values[3] = {0, 0, 0};
    const QString pragmas[3] = {u"PRAGMA page_count"_s, u"PRAGMA freelist_count"_s, u"PRAGMA page_size"_s};
    for (int i = 0; i < 3; ++i) {
        auto query = m_store.exec(pragmas[i]);
        if (!query) {
            return query.error();
        }
        values[i] = query->next() ? query->value(0).toLongLong() : 0;
    }
    return DatabaseSize{values[0] * values[2], values[1] * values[2]};
}

Result<RetentionReport> RetentionStore::prune(const RetentionSettings &settings, const QDateTime &now, bool dryRun)
{
    RetentionReport report;
    report.now = now.toUTC();
    report.dryRun = dryRun;
    auto before = databaseSize();
    if (!before) {
        return before.error();
    }
    report.before = *before;
    for (RetentionKind kind : kinds()) {
        RetentionCount count;
        count.kind = kind;
        count.days = days(kind, settings);
        count.cutoff = cutoff(kind, settings, now);
        auto prunable = prunableCount(kind, count.cutoff);
        if (!prunable) {
            return prunable.error();
        }
        count.prunable = *prunable;
        if (!dryRun && count.prunable > 0) {
            for (;;) {
                auto deleted = pruneBatch(kind, count.cutoff, settings.batchRows);
                if (!deleted) {
                    return deleted.error();
                }
                ++count.batches;
                count.pruned += *deleted;
                if (*deleted < settings.batchRows) {
                    break;
                }
            }
            // PostgreSQL keeps deleted rows until a vacuum marks their space reusable; autovacuum would,
            // later. Plain VACUUM takes no lock that blocks the nodes.
            if (m_store.isPostgres() && count.pruned > 0) {
                if (auto vacuumed = m_store.exec(u"VACUUM %1"_s.arg(sqlOf(kind).table)); !vacuumed) {
                    return vacuumed.error();
                }
            }
        }
        auto remaining = rowCount(kind);
        if (!remaining) {
            return remaining.error();
        }
        count.remaining = *remaining;
        report.kinds.append(count);
    }
    auto after = databaseSize();
    if (!after) {
        return after.error();
    }
    report.after = *after;
    return report;
}

} // namespace SyncDesk
