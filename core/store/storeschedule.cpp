// Store: the schedule's rows — nodes, mailbox state, due mailboxes, claims and leases.

#include "store.h"
#include "storerows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <limits>

namespace SyncDesk {

using namespace Qt::StringLiterals;
using namespace StoreRows;

Status Store::publishNode(const NodeStatus &node)
{
    auto query = exec(u"INSERT INTO nodes (node_id, host, pid, started_at, heartbeat_at, workers_total, workers_busy, "
                      "capacity, running, queued, overdue, profiles_json, stopped, pid_namespace, version, "
                      "runs_schedule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                      "ON CONFLICT (node_id) DO UPDATE SET "
                      "heartbeat_at = excluded.heartbeat_at, workers_total = excluded.workers_total, "
                      "workers_busy = excluded.workers_busy, capacity = excluded.capacity, "
                      "running = excluded.running, queued = excluded.queued, overdue = excluded.overdue, "
                      "profiles_json = excluded.profiles_json, stopped = excluded.stopped, "
                      "runs_schedule = excluded.runs_schedule"_s,
                      {node.nodeId, node.host, node.pid, toMs(node.startedAt), toMs(node.heartbeatAt),
                       node.workersTotal, node.workersBusy, node.capacity, node.running, node.queued, node.overdue,
                       QString::fromUtf8(QJsonDocument(node.profiles).toJson(QJsonDocument::Compact)),
                       node.stopped ? 1 : 0, node.pidNamespace, node.version, node.runsSchedule ? 1 : 0});
    if (!query) {
        return query.error();
    }
    return {};
}

namespace {

const QString kNodeColumns =
    u"node_id, host, pid, started_at, heartbeat_at, workers_total, workers_busy, capacity, "
    "running, queued, overdue, profiles_json, stopped, pid_namespace, version, runs_schedule"_s;

void appendNodes(QSqlQuery &query, QList<NodeStatus> &nodes)
{
    while (query.next()) {
        NodeStatus node;
        node.nodeId = query.value(0).toString();
        node.host = query.value(1).toString();
        node.pid = query.value(2).toLongLong();
        node.startedAt = fromMs(query.value(3));
        node.heartbeatAt = fromMs(query.value(4));
        node.workersTotal = query.value(5).toInt();
        node.workersBusy = query.value(6).toInt();
        node.capacity = query.value(7).toInt();
        node.running = query.value(8).toInt();
        node.queued = query.value(9).toInt();
        node.overdue = query.value(10).toInt();
        node.profiles = QJsonDocument::fromJson(query.value(11).toString().toUtf8()).array();
        node.stopped = query.value(12).toBool();
        node.pidNamespace = query.value(13).toString();
        node.version = query.value(14).toString();
        node.runsSchedule = query.value(15).toBool();
        nodes.append(node);
    }
}

} // namespace

Result<QList<NodeStatus>> Store::nodes()
{
    auto query = exec(u"SELECT "_s + kNodeColumns + u" FROM nodes ORDER BY node_id"_s);
    if (!query) {
        return query.error();
    }
    QList<NodeStatus> nodes;
    appendNodes(query.value(), nodes);
    return nodes;
}

Result<QList<NodeStatus>> Store::nodes(const QStringList &nodeIds)
{
    QList<NodeStatus> nodes;
    constexpr qsizetype kChunk = 500;
    for (qsizetype from = 0; from < nodeIds.size(); from += kChunk) {
        const QStringList chunk = nodeIds.mid(from, kChunk);
        auto query = exec(u"SELECT "_s + kNodeColumns + u" FROM nodes WHERE node_id IN ("_s +
                              QStringList(chunk.size(), u"?"_s).join(u", "_s) + u") ORDER BY node_id"_s,
                          QVariantList(chunk.cbegin(), chunk.cend()));
        if (!query) {
            return query.error();
        }
        appendNodes(query.value(), nodes);
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

Result<QHash<qint64, MailboxState>> Store::mailboxStates(const QList<qint64> &mailboxIds)
{
    QHash<qint64, MailboxState> states;
    constexpr qsizetype kChunk = 500;
    for (qsizetype from = 0; from < mailboxIds.size(); from += kChunk) {
        const QList<qint64> chunk = mailboxIds.mid(from, kChunk);
        QVariantList values;
        for (qint64 id : chunk) {
            values.append(id);
        }
        auto query = exec(u"SELECT "_s + kStateColumns + u" FROM mailbox_state s WHERE s.mailbox_id IN ("_s +
                              QStringList(chunk.size(), u"?"_s).join(u", "_s) + u')',
                          values);
        if (!query) {
            return query.error();
        }
        while (query->next()) {
            const MailboxState state = stateFromQuery(query.value());
            states.insert(state.mailboxId, state);
        }
    }
    return states;
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

QList<qint64> firstColumnIds(QSqlQuery &query)
{
    QList<qint64> ids;
    while (query.next()) {
        ids.append(query.value(0).toLongLong());
    }
    return ids;
}

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
    return firstColumnIds(query.value());
}

Result<QList<qint64>> Store::overdueMailboxes(const QDateTime &dueBefore, const QDateTime &now,
                                              const LeaseTiming &timing, int limit)
{
    // From the due-time index: normally a handful of rows (what is late right now), never the whole table.
    // A mailbox without a due time (never synced, or just enabled) is due since it was added or changed:
    // its home may be the engine that cannot sync it (it cannot read its password, and leaves the state).
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 before = dueBefore.toMSecsSinceEpoch();
    auto query = exec(u"SELECT m.id FROM mailbox_state s JOIN mailboxes m ON m.id = s.mailbox_id "
                      "WHERE (s.next_due_at <= ? OR (s.next_due_at IS NULL AND m.updated_at <= ?)) AND "
                      "m.enabled = 1 AND "_s +
                          kLeaseFree + u" ORDER BY COALESCE(s.next_due_at, m.updated_at), m.id LIMIT ?"_s,
                      {before, before, nowMs, deadBefore(now, timing), qMax(1, limit)});
    if (!query) {
        return query.error();
    }
    return firstColumnIds(query.value());
}

Result<QStringList> Store::schedulingEngines(const QDateTime &now, const LeaseTiming &timing)
{
    auto query = exec(u"SELECT node_id FROM nodes WHERE stopped = 0 AND runs_schedule = 1 AND heartbeat_at >= ? "
                      "ORDER BY node_id"_s,
                      {deadBefore(now, timing)});
    if (!query) {
        return query.error();
    }
    QStringList engines;
    while (query->next()) {
        engines.append(query->value(0).toString());
    }
    return engines;
}

namespace {

// A batch binds its ids in lists of a few fixed lengths, so that each statement is prepared once per
// length and connection; unused places hold 0, which is never an id.
constexpr int kClaimBatch = 64;

int paddedLength(qsizetype count)
{
    for (int length : {1, 4, 16, kClaimBatch}) {
        if (count <= length) {
            return length;
        }
    }
    return int(count);
}

QString placeholders(int count)
{
    return QStringList(count, u"?"_s).join(u", "_s);
}

void appendPadded(QVariantList &values, const QList<qint64> &ids, int length)
{
    for (qint64 id : ids) {
        values.append(id);
    }
    for (qsizetype i = ids.size(); i < length; ++i) {
        values.append(qint64(0));
    }
}

// The same text for a statement on mailbox_state itself: SQLite's UPDATE … RETURNING takes no alias. Each
// "s." that starts a word becomes "mailbox_state." (without a regular expression: compiling one costs a
// start of the node about 0.5 ms).
QString unaliased(const QString &text)
{
    QString result;
    result.reserve(text.size() + 256);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar before = i > 0 ? text.at(i - 1) : QChar();
        const bool startsWord = i == 0 || !(before.isLetterOrNumber() || before == u'_');
        if (startsWord && text.at(i) == u's' && i + 1 < text.size() && text.at(i + 1) == u'.') {
            result += u"mailbox_state."_s;
            ++i;
            continue;
        }
        result += text.at(i);
    }
    return result;
}

} // namespace

Result<Store::Claim> Store::claimMailbox(qint64 mailboxId, qint64 profileId, int maxConnections, const QString &node,
                                         const QDateTime &now, const QDateTime &leaseUntil, const ClaimOptions &options,
                                         ClaimDetails *details)
{
    auto outcomes = claimMailboxes({ClaimRequest{mailboxId, profileId, maxConnections, options.onlyWhenDue}}, node, now,
                                   leaseUntil, options.timing);
    if (!outcomes) {
        return outcomes.error();
    }
    const ClaimOutcome &outcome = outcomes->constFirst();
    if (outcome.claim == Claim::Gone) {
        SyncError error = SyncError::make(ErrorClass::Store, u"store-error"_s,
                                          //: %1 is a mailbox id
                                          tr("mailbox %1 does not exist (deleted meanwhile?)").arg(mailboxId));
        error.stage = ErrorStage::Store;
        return error;
    }
    if (details) {
        details->state = outcome.state;
    }
    return outcome.claim;
}

Result<QList<Store::ClaimOutcome>> Store::claimMailboxes(const QList<ClaimRequest> &requests, const QString &node,
                                                         const QDateTime &now, const QDateTime &leaseUntil,
                                                         const LeaseTiming &timing)
{
    QList<ClaimOutcome> outcomes;
    for (qsizetype from = 0; from < requests.size(); from += kClaimBatch) {
        auto batch = claimBatch(requests.mid(from, kClaimBatch), node, now, leaseUntil, timing);
        if (!batch) {
            return batch.error();
        }
        outcomes += *batch;
    }
    return outcomes;
}

Result<QList<Store::ClaimOutcome>> Store::claimBatch(const QList<ClaimRequest> &requests, const QString &node,
                                                     const QDateTime &now, const QDateTime &leaseUntil,
                                                     const LeaseTiming &timing)
{
    const StoreTiming timed(StoreTiming::Kind::Claim, requests.size());
    static const QString leaseFree = unaliased(kLeaseFree);
    static const QString returnedColumns = unaliased(kStateColumns);
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 dead = deadBefore(now, timing);
    QList<qint64> ids; // each once, in the order of the requests
    QList<qint64> profiles;
    for (const ClaimRequest &request : requests) {
        if (!ids.contains(request.mailboxId)) {
            ids.append(request.mailboxId);
        }
        if (!profiles.contains(request.profileId)) {
            profiles.append(request.profileId);
        }
    }
    std::sort(profiles.begin(), profiles.end()); // locked in one order by every engine: no deadlock
    const int idLength = paddedLength(ids.size());
    const int profileLength = paddedLength(profiles.size());
    QHash<qint64, ClaimOutcome> claimed;
    QHash<qint64, MailboxState> others; // the rows of those not claimed
    QSet<qint64> full;

    // Takes the candidates that are free (or this engine's already) and, for a scheduled start, due.
    auto take = [&](const QList<qint64> &group, bool onlyWhenDue) -> Status {
        if (group.isEmpty()) {
            return {};
        }
        const int length = paddedLength(group.size());
        // A claim by the live holder renews its lease and keeps the epoch; any other claim starts a new
        // epoch, which fences off whatever the previous holder still tries to write.
        QString sql = u"UPDATE mailbox_state SET lease_epoch = CASE WHEN lease_owner = ? AND lease_until > ? "
                      "THEN lease_epoch ELSE lease_epoch + 1 END, lease_owner = ?, lease_until = ?, "
                      "lease_profile = (SELECT m.profile_id FROM mailboxes m WHERE m.id = mailbox_state.mailbox_id) "
                      "WHERE mailbox_id IN ("_s +
                      // PostgreSQL: rows another engine is writing right now (its run's outcome) are
                      // skipped, not waited for; they are not free anyway.
                      (isPostgres() ? u"SELECT l.mailbox_id FROM mailbox_state l WHERE l.mailbox_id IN ("_s +
                                          placeholders(length) + u") FOR UPDATE SKIP LOCKED"_s
                                    : placeholders(length)) +
                      u") AND (lease_owner = ? OR "_s + leaseFree + u')';
        QVariantList values{node, nowMs, node, leaseUntil.toMSecsSinceEpoch()};
        appendPadded(values, group, length);
        values << node << nowMs << dead;
        if (onlyWhenDue) {
            sql += u" AND (next_due_at IS NULL OR next_due_at <= ?)"_s;
            values.append(nowMs);
        }
        sql += u" RETURNING "_s + returnedColumns;
        auto query = execCached(sql, values);
        if (!query) {
            return query.error();
        }
        while ((*query)->next()) {
            const MailboxState state = stateFromQuery(**query);
            claimed.insert(state.mailboxId, {state.mailboxId, Claim::Claimed, state});
        }
        (*query)->finish();
        return {};
    };
    auto readOthers = [&](const QList<qint64> &group) -> Status {
        QList<qint64> wanted;
        for (qint64 id : group) {
            if (!claimed.contains(id)) {
                wanted.append(id);
            }
        }
        if (wanted.isEmpty()) {
            return {};
        }
        const int length = paddedLength(wanted.size());
        QVariantList values;
        appendPadded(values, wanted, length);
        auto query = execCached(u"SELECT "_s + kStateColumns + u" FROM mailbox_state s WHERE s.mailbox_id IN ("_s +
                                    placeholders(length) + u')',
                                values);
        if (!query) {
            return query.error();
        }
        while ((*query)->next()) {
            const MailboxState state = stateFromQuery(**query);
            others.insert(state.mailboxId, state);
        }
        (*query)->finish();
        return {};
    };

    Status status = transaction([&]() -> Status {
        // SQLite's BEGIN IMMEDIATE already serializes every writer. On PostgreSQL two engines could both
        // count a profile's leases below its cap and both claim: the profiles' rows are their lock.
        if (isPostgres()) {
            QVariantList values;
            appendPadded(values, profiles, profileLength);
            auto locked = execCached(u"SELECT id FROM server_profiles WHERE id IN ("_s + placeholders(profileLength) +
                                         u") ORDER BY id FOR UPDATE"_s,
                                     values);
            if (!locked) {
                return locked.error();
            }
            (*locked)->finish();
        }
        // The cap counts the live leases of every engine on the store, except this engine's own on the
        // batch (claiming them again renews them): per profile from mailbox_state_leased, grouped by engine,
        // then without the engines that stopped or fell silent.
        QVariantList values{nowMs};
        appendPadded(values, profiles, profileLength);
        values.append(node);
        appendPadded(values, ids, idLength);
        values.append(dead);
        auto busy = execCached(
            u"SELECT g.profile, CAST(SUM(g.leases) AS INTEGER) FROM (SELECT s.lease_profile AS profile, s.lease_owner "
            u"AS owner, "
            "COUNT(*) AS leases FROM mailbox_state s WHERE s.lease_owner IS NOT NULL AND s.lease_until > ? AND "
            "s.lease_profile IN ("_s +
                placeholders(profileLength) + u") AND NOT (s.lease_owner = ? AND s.mailbox_id IN ("_s +
                placeholders(idLength) +
                u")) GROUP BY s.lease_profile, s.lease_owner) g WHERE NOT EXISTS (SELECT 1 FROM nodes n "
                "WHERE n.node_id = g.owner AND (n.stopped = 1 OR n.heartbeat_at < ?)) GROUP BY g.profile"_s,
            values);
        if (!busy) {
            return busy.error();
        }
        QHash<qint64, int> leased;
        while ((*busy)->next()) {
            leased.insert((*busy)->value(0).toLongLong(), (*busy)->value(1).toInt());
        }
        (*busy)->finish();
        // Candidates: as many of each profile's requests as its cap leaves room for, in the order asked.
        QHash<qint64, int> room;
        QSet<qint64> seen;
        QList<qint64> whenDue;
        QList<qint64> whenFree;
        for (const ClaimRequest &request : requests) {
            if (seen.contains(request.mailboxId)) {
                continue;
            }
            seen.insert(request.mailboxId);
            auto left = room.find(request.profileId);
            if (left == room.end()) {
                left =
                    room.insert(request.profileId, qMax(1, request.maxConnections) - leased.value(request.profileId));
            }
            if (*left <= 0) {
                full.insert(request.mailboxId);
                continue;
            }
            --*left;
            (request.onlyWhenDue ? whenDue : whenFree).append(request.mailboxId);
        }
        if (Status taken = take(whenDue, true); !taken) {
            return taken;
        }
        if (Status taken = take(whenFree, false); !taken) {
            return taken;
        }
        if (Status read = readOthers(ids); !read) {
            return read;
        }
        // A mailbox without a state row yet (added by an older version): given one, then taken like the rest.
        QList<qint64> missing;
        for (qint64 id : std::as_const(ids)) {
            if (!claimed.contains(id) && !others.contains(id)) {
                missing.append(id);
            }
        }
        if (missing.isEmpty()) {
            return {};
        }
        QVariantList missingValues;
        appendPadded(missingValues, missing, paddedLength(missing.size()));
        if (auto inserted =
                exec(u"INSERT INTO mailbox_state (mailbox_id) SELECT id FROM mailboxes WHERE id IN ("_s +
                         placeholders(paddedLength(missing.size())) + u") ON CONFLICT (mailbox_id) DO NOTHING"_s,
                     missingValues);
            !inserted) {
            return inserted.error();
        }
        auto within = [&](const QList<qint64> &group) {
            QList<qint64> subset;
            for (qint64 id : group) {
                if (missing.contains(id)) {
                    subset.append(id);
                }
            }
            return subset;
        };
        if (Status taken = take(within(whenDue), true); !taken) {
            return taken;
        }
        if (Status taken = take(within(whenFree), false); !taken) {
            return taken;
        }
        return readOthers(missing);
    });
    if (!status) {
        return status.error();
    }
    QList<ClaimOutcome> outcomes;
    outcomes.reserve(requests.size());
    for (const ClaimRequest &request : requests) {
        if (const auto found = claimed.constFind(request.mailboxId); found != claimed.cend()) {
            outcomes.append(*found);
            continue;
        }
        ClaimOutcome outcome;
        outcome.mailboxId = request.mailboxId;
        const auto row = others.constFind(request.mailboxId);
        if (row == others.cend()) {
            outcome.claim = Claim::Gone;
            outcome.state.mailboxId = request.mailboxId;
            outcomes.append(outcome);
            continue;
        }
        outcome.state = *row;
        const bool heldElsewhere =
            !row->leaseOwner.isEmpty() && row->leaseOwner != node && row->leaseUntil.isValid() && row->leaseUntil > now;
        const bool notDue = request.onlyWhenDue && row->nextDueAt.isValid() && row->nextDueAt > now;
        outcome.claim = heldElsewhere                      ? Claim::HeldElsewhere
                        : full.contains(request.mailboxId) ? Claim::ProfileFull
                        : notDue                           ? Claim::NotDue
                                                           : Claim::HeldElsewhere;
        outcomes.append(outcome);
    }
    return outcomes;
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

namespace {

SyncError leaseLost(qint64 epoch, const QString &owner, qint64 current)
{
    //: %1 and %2 are lease epochs (numbers)
    const QString message = owner.isEmpty()
                                ? QCoreApplication::translate("Store", "this engine's lease on the mailbox ended "
                                                                       "(epoch %1); no engine holds it now (epoch "
                                                                       "%2): the run's writes are refused")
                                      .arg(epoch)
                                      .arg(current)
                                //: %1 and %3 are lease epochs (numbers), %2 the engine that holds it
                                : QCoreApplication::translate("Store", "this engine's lease on the mailbox ended "
                                                                       "(epoch %1); %2 holds it now (epoch %3): the "
                                                                       "run's writes are refused")
                                      .arg(epoch)
                                      .arg(owner)
                                      .arg(current);
    SyncError error = SyncError::make(ErrorClass::Store, u"lease-lost"_s, message);
    error.stage = ErrorStage::Store;
    return error;
}

} // namespace

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
    return leaseLost(epoch, owner, current);
}

Result<MailboxState> Store::leasedState(qint64 mailboxId, const QString &node, qint64 epoch)
{
    // The row and the fence in one statement; on PostgreSQL the row stays locked until the transaction ends
    // (FOR UPDATE: the run's outcome is written to it next), on SQLite the write transaction excludes claims.
    auto query = execCached(u"SELECT "_s + kStateColumns + u" FROM mailbox_state s WHERE s.mailbox_id = ?"_s +
                                (isPostgres() ? u" FOR UPDATE"_s : QString()),
                            {mailboxId});
    if (!query) {
        return query.error();
    }
    MailboxState state;
    state.mailboxId = mailboxId;
    if ((*query)->next()) {
        state = stateFromQuery(**query);
    }
    (*query)->finish();
    if (state.leaseOwner != node || state.leaseEpoch != epoch) {
        return leaseLost(epoch, state.leaseOwner, state.leaseEpoch);
    }
    return state;
}

Status Store::fencedWrite(qint64 mailboxId, const std::function<Status()> &body)
{
    if (!m_fences.contains(mailboxId)) {
        return body();
    }
    return transaction([&]() -> Status {
        if (Status fenced = checkLeaseFence(mailboxId); !fenced) {
            return fenced;
        }
        return body();
    });
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
