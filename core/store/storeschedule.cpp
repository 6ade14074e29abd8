// Store: the schedule's rows — nodes, mailbox state, due mailboxes, claims and leases.

#include "store.h"
#include "storerows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <limits>

namespace SyncDesk {

using namespace Qt::StringLiterals;
using namespace StoreRows;

Status Store::publishNode(const NodeStatus &node)
{
    auto query = exec(u"INSERT INTO nodes (node_id, host, pid, started_at, heartbeat_at, workers_total, workers_busy, "
                      "capacity, running, queued, overdue, profiles_json, stopped, pid_namespace, version) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (node_id) DO UPDATE SET "
                      "heartbeat_at = excluded.heartbeat_at, workers_total = excluded.workers_total, "
                      "workers_busy = excluded.workers_busy, capacity = excluded.capacity, "
                      "running = excluded.running, queued = excluded.queued, overdue = excluded.overdue, "
                      "profiles_json = excluded.profiles_json, stopped = excluded.stopped"_s,
                      {node.nodeId, node.host, node.pid, toMs(node.startedAt), toMs(node.heartbeatAt),
                       node.workersTotal, node.workersBusy, node.capacity, node.running, node.queued, node.overdue,
                       QString::fromUtf8(QJsonDocument(node.profiles).toJson(QJsonDocument::Compact)),
                       node.stopped ? 1 : 0, node.pidNamespace, node.version});
    if (!query) {
        return query.error();
    }
    return {};
}

Result<QList<NodeStatus>> Store::nodes()
{
    auto query =
        exec(u"SELECT node_id, host, pid, started_at, heartbeat_at, workers_total, workers_busy, capacity, "
             "running, queued, overdue, profiles_json, stopped, pid_namespace, version FROM nodes ORDER BY node_id"_s);
    if (!query) {
        return query.error();
    }
    QList<NodeStatus> nodes;
    while (query->next()) {
        NodeStatus node;
        node.nodeId = query->value(0).toString();
        node.host = query->value(1).toString();
        node.pid = query->value(2).toLongLong();
        node.startedAt = fromMs(query->value(3));
        node.heartbeatAt = fromMs(query->value(4));
        node.workersTotal = query->value(5).toInt();
        node.workersBusy = query->value(6).toInt();
        node.capacity = query->value(7).toInt();
        node.running = query->value(8).toInt();
        node.queued = query->value(9).toInt();
        node.overdue = query->value(10).toInt();
        node.profiles = QJsonDocument::fromJson(query->value(11).toString().toUtf8()).array();
        node.stopped = query->value(12).toBool();
        node.pidNamespace = query->value(13).toString();
        node.version = query->value(14).toString();
        nodes.append(node);
    }
    return nodes;
}

Result<MailboxState> Store::mailboxState(qint64 mailboxId)
{
    // Prepared once per connection: claims and every finished run read it (on PostgreSQL a statement
    // prepared each time is three round trips: PREPARE, EXECUTE, DEALLOCATE).
    auto query =
        execCached(u"SELECT "_s + kStateColumns + u" FROM mailbox_state s WHERE s.mailbox_id = ?"_s, {mailboxId});
    if (!query) {
        return query.error();
    }
    if (!(*query)->next()) {
        MailboxState state;
        state.mailboxId = mailboxId;
        return state;
    }
    MailboxState state = stateFromQuery(**query);
    (*query)->finish();
    return state;
}

Status Store::saveMailboxState(const MailboxState &state)
{
    const bool hasError = state.lastErrorClass != ErrorClass::None;
    const QVariant nullText(QMetaType::fromType<QString>());
    auto query = execCached(
        u"INSERT INTO mailbox_state (mailbox_id, interval_seconds, interval_reason, last_sync_at, last_success_at, "
        "next_due_at, consecutive_failures, last_error_class, last_error_message, last_error_detail, "
        "last_error_hint, items_last_sync, interval_ms, avg_new_items, last_new_item_at, first_sync_at, "
        "last_error_stage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (mailbox_id) DO UPDATE SET interval_seconds = excluded.interval_seconds, "
        "interval_reason = excluded.interval_reason, last_sync_at = excluded.last_sync_at, "
        "last_success_at = excluded.last_success_at, next_due_at = excluded.next_due_at, "
        "consecutive_failures = excluded.consecutive_failures, last_error_class = excluded.last_error_class, "
        "last_error_message = excluded.last_error_message, last_error_detail = excluded.last_error_detail, "
        "last_error_hint = excluded.last_error_hint, items_last_sync = excluded.items_last_sync, "
        "interval_ms = excluded.interval_ms, avg_new_items = excluded.avg_new_items, "
        "last_new_item_at = excluded.last_new_item_at, first_sync_at = excluded.first_sync_at, "
        "last_error_stage = excluded.last_error_stage"_s,
        {state.mailboxId, int((state.intervalMs + 500) / 1000), intervalReasonName(state.intervalReason),
         toMs(state.lastSyncAt), toMs(state.lastSuccessAt), toMs(state.nextDueAt), state.consecutiveFailures,
         hasError ? QVariant(errorClassName(state.lastErrorClass)) : nullText,
         hasError ? QVariant(state.lastErrorMessage) : nullText, hasError ? QVariant(state.lastErrorDetail) : nullText,
         hasError ? QVariant(state.lastErrorHintId) : nullText, state.itemsLastSync, state.intervalMs,
         state.itemsPerMinute, toMs(state.lastNewItemAt), toMs(state.firstSyncAt),
         hasError && state.lastErrorStage != ErrorStage::Unknown ? QVariant(errorStageName(state.lastErrorStage))
                                                                 : nullText});
    if (!query) {
        return query.error();
    }
    return {};
}

Result<MailboxStatusList> Store::mailboxStatuses()
{
    auto query = exec(u"SELECT "_s + kMailboxColumns + u", "_s + kStateColumns +
                      u" FROM mailboxes m JOIN server_profiles p ON p.id = m.profile_id "
                      "LEFT JOIN mailbox_state s ON s.mailbox_id = m.id ORDER BY m.address"_s);
    if (!query) {
        return query.error();
    }
    MailboxStatusList result;
    while (query->next()) {
        MailboxStatus status;
        status.mailbox = mailboxFromQuery(*query, 0);
        status.state = stateFromQuery(*query, kMailboxColumnCount);
        status.state.mailboxId = status.mailbox.id;
        result.append(status);
    }
    return result;
}

namespace {

// A lease nobody holds: none, expired, or held by an engine that has stopped or has been silent for two
// heartbeats (dead: killed, frozen, cut off). An engine with no heartbeat row is trusted until its lease
// expires. Two parameters: now, and the heartbeat time before which an engine is dead.
const QString kLeaseFree =
    u"(s.lease_owner IS NULL OR s.lease_until IS NULL OR s.lease_until <= ? OR EXISTS (SELECT 1 FROM nodes n "
    "WHERE n.node_id = s.lease_owner AND (n.stopped = 1 OR n.heartbeat_at < ?)))"_s;

qint64 deadBefore(const QDateTime &now, const LeaseTiming &timing)
{
    return timing.deadAfterSeconds > 0 ? now.addSecs(-timing.deadAfterSeconds).toMSecsSinceEpoch()
                                       : std::numeric_limits<qint64>::min();
}

} // namespace

Result<QList<qint64>> Store::dueMailboxes(const QDateTime &now, const LeaseTiming &timing)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    auto query = exec(u"SELECT m.id FROM mailboxes m JOIN mailbox_state s ON s.mailbox_id = m.id "
                      "WHERE m.enabled = 1 AND (s.next_due_at IS NULL OR s.next_due_at <= ?) AND "_s +
                          kLeaseFree + u" ORDER BY COALESCE(s.next_due_at, 0), m.id"_s,
                      {nowMs, nowMs, deadBefore(now, timing)});
    if (!query) {
        return query.error();
    }
    QList<qint64> ids;
    while (query->next()) {
        ids.append(query->value(0).toLongLong());
    }
    return ids;
}

Result<Store::Claim> Store::claimMailbox(qint64 mailboxId, qint64 profileId, int maxConnections, const QString &node,
                                         const QDateTime &now, const QDateTime &leaseUntil, const ClaimOptions &options,
                                         ClaimDetails *details)
{
    const StoreTiming timing(StoreTiming::Kind::Claim);
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 dead = deadBefore(now, options.timing);
    Claim claimed = Claim::HeldElsewhere;
    Status status = transaction([&]() -> Status {
        if (Status row = ensureStateRow(mailboxId); !row) {
            return row;
        }
        // SQLite's BEGIN IMMEDIATE already serializes every writer. On PostgreSQL two engines could both
        // count the profile's leases below the cap and both claim: the profile's row is their lock.
        if (isPostgres()) {
            if (auto locked = execCached(u"SELECT id FROM server_profiles WHERE id = ? FOR UPDATE"_s, {profileId});
                !locked) {
                return locked.error();
            }
        }
        // The cap counts the live leases of every engine on the store.
        // From the leased rows (mailbox_state_leased), not from the profile's mailboxes: a few hundred
        // leases, not tens of thousands of mailboxes. CROSS JOIN keeps SQLite's loop in this order (it would
        // start from the profile's index: 7 ms a claim at 100,000 mailboxes); PostgreSQL plans it as a join.
        auto busy =
            execCached(u"SELECT COUNT(*) FROM mailbox_state s CROSS JOIN mailboxes m WHERE m.id = s.mailbox_id "
                       "AND s.lease_owner IS NOT NULL AND s.lease_until > ? AND m.profile_id = ? AND "
                       "s.mailbox_id <> ? AND NOT EXISTS (SELECT 1 FROM nodes n WHERE n.node_id = s.lease_owner "
                       "AND (n.stopped = 1 OR n.heartbeat_at < ?))"_s,
                       {nowMs, profileId, mailboxId, dead});
        if (!busy) {
            return busy.error();
        }
        const bool full = (*busy)->next() && (*busy)->value(0).toInt() >= qMax(1, maxConnections);
        (*busy)->finish();
        if (!full) {
            // A claim by the live holder renews its lease and keeps the epoch; any other claim starts a new
            // epoch, which fences off whatever the previous holder still tries to write.
            QString sql = u"UPDATE mailbox_state SET lease_epoch = CASE WHEN lease_owner = ? AND lease_until > ? "
                          "THEN lease_epoch ELSE lease_epoch + 1 END, lease_owner = ?, lease_until = ? "
                          "WHERE mailbox_id = ? AND (lease_owner = ? OR mailbox_id IN (SELECT s.mailbox_id FROM "
                          "mailbox_state s WHERE s.mailbox_id = ? AND "_s +
                          kLeaseFree + u"))"_s;
            QVariantList values{node,      nowMs, node, leaseUntil.toMSecsSinceEpoch(), mailboxId, node,
                                mailboxId, nowMs, dead};
            if (options.onlyWhenDue) {
                sql += u" AND (next_due_at IS NULL OR next_due_at <= ?)"_s;
                values.append(nowMs);
            }
            auto query = execCached(sql, values);
            if (!query) {
                return query.error();
            }
            if ((*query)->numRowsAffected() == 1) {
                claimed = Claim::Claimed;
            }
        }
        auto state = mailboxState(mailboxId);
        if (!state) {
            return state.error();
        }
        if (claimed != Claim::Claimed) {
            const bool heldElsewhere = !state->leaseOwner.isEmpty() && state->leaseOwner != node &&
                                       state->leaseUntil.isValid() && state->leaseUntil > now;
            const bool notDue = options.onlyWhenDue && state->nextDueAt.isValid() && state->nextDueAt > now;
            claimed = full ? Claim::ProfileFull : (notDue && !heldElsewhere) ? Claim::NotDue : Claim::HeldElsewhere;
        }
        if (details) {
            details->state = *state;
        }
        return {};
    });
    if (!status) {
        return status.error();
    }
    return claimed;
}

Result<bool> Store::renewLease(qint64 mailboxId, const QString &node, const QDateTime &leaseUntil, qint64 epoch)
{
    QString sql = u"UPDATE mailbox_state SET lease_until = ? WHERE mailbox_id = ? AND lease_owner = ?"_s;
    QVariantList values{leaseUntil.toMSecsSinceEpoch(), mailboxId, node};
    if (epoch > 0) {
        sql += u" AND lease_epoch = ?"_s;
        values.append(epoch);
    }
    auto query = execCached(sql, values);
    if (!query) {
        return query.error();
    }
    return (*query)->numRowsAffected() == 1;
}

Status Store::releaseMailbox(qint64 mailboxId, const QString &node, qint64 epoch)
{
    QString sql = u"UPDATE mailbox_state SET lease_owner = NULL, lease_until = NULL "
                  "WHERE mailbox_id = ? AND lease_owner = ?"_s;
    QVariantList values{mailboxId, node};
    if (epoch > 0) {
        sql += u" AND lease_epoch = ?"_s;
        values.append(epoch);
    }
    auto query = execCached(sql, values);
    if (!query) {
        return query.error();
    }
    return {};
}

void Store::setLeaseFence(qint64 mailboxId, const QString &node, qint64 epoch)
{
    m_fences.insert(mailboxId, {node, epoch});
}

void Store::clearLeaseFence(qint64 mailboxId)
{
    m_fences.remove(mailboxId);
}

Status Store::checkLease(qint64 mailboxId, const QString &node, qint64 epoch)
{
    // PostgreSQL: FOR SHARE keeps a claim from moving the lease until this transaction ends; SQLite's write
    // transaction excludes it anyway.
    auto query = execCached(u"SELECT lease_owner, lease_epoch FROM mailbox_state WHERE mailbox_id = ?"_s +
                                (isPostgres() ? u" FOR SHARE"_s : QString()),
                            {mailboxId});
    if (!query) {
        return query.error();
    }
    const bool found = (*query)->next();
    const QString owner = found ? (*query)->value(0).toString() : QString();
    const qint64 current = found ? (*query)->value(1).toLongLong() : 0;
    (*query)->finish(); // a cached statement left unfinished would keep SQLite's read snapshot open
    if (owner == node && current == epoch) {
        return {};
    }
    SyncError error = SyncError::make(
        ErrorClass::Store, u"lease-lost"_s,
        u"this engine's lease on the mailbox ended (epoch %1); %2 holds it now (epoch %3): the run's writes "
        "are refused"_s.arg(epoch)
            .arg(owner.isEmpty() ? u"no engine"_s : owner)
            .arg(current));
    error.stage = ErrorStage::Store;
    return error;
}

Status Store::checkLeaseFence(qint64 mailboxId)
{
    const auto fence = m_fences.constFind(mailboxId);
    if (fence == m_fences.cend()) {
        return {};
    }
    return checkLease(mailboxId, fence->node, fence->epoch);
}

Result<QHash<QString, int>> Store::leasesHeld(const QDateTime &now)
{
    auto query = exec(u"SELECT lease_owner, COUNT(*) FROM mailbox_state WHERE lease_owner IS NOT NULL AND "
                      "lease_until > ? GROUP BY lease_owner"_s,
                      {now.toMSecsSinceEpoch()});
    if (!query) {
        return query.error();
    }
    QHash<QString, int> held;
    while (query->next()) {
        held.insert(query->value(0).toString(), query->value(1).toInt());
    }
    return held;
}

Result<QStringList> Store::leaseOwners()
{
    auto query = exec(u"SELECT DISTINCT lease_owner FROM mailbox_state WHERE lease_owner IS NOT NULL"_s);
    if (!query) {
        return query.error();
    }
    QStringList owners;
    while (query->next()) {
        owners.append(query->value(0).toString());
    }
    return owners;
}

Status Store::releaseAllLeases(const QString &node)
{
    auto query =
        exec(u"UPDATE mailbox_state SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?"_s, {node});
    if (!query) {
        return query.error();
    }
    return {};
}

} // namespace SyncDesk
