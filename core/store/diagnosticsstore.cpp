#include "diagnosticsstore.h"

#include "store.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QDateTime timeOf(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

const QString kAlertSelect =
    u"SELECT a.id, a.cause_key, a.kind, a.severity, a.mailbox_id, a.profile_id, a.hint_id, a.message, a.raised_at, "
    "a.updated_at, a.occurrences, a.state, a.acknowledged_at, a.closed_at, COALESCE(m.address, ''), "
    "COALESCE(p.name, ''), a.incident_id FROM alerts a LEFT JOIN mailboxes m ON m.id = a.mailbox_id "
    "LEFT JOIN server_profiles p ON p.id = a.profile_id "_s;

Alert alertFrom(const QSqlQuery &query)
{
    Alert alert;
    alert.id = query.value(0).toLongLong();
    alert.causeKey = query.value(1).toString();
    alert.kind = query.value(2).toString();
    alert.severity = query.value(3).toString();
    alert.mailboxId = query.value(4).toLongLong();
    alert.profileId = query.value(5).toLongLong();
    alert.hintId = query.value(6).toString();
    alert.message = query.value(7).toString();
    alert.raisedAt = timeOf(query.value(8));
    alert.updatedAt = timeOf(query.value(9));
    alert.occurrences = query.value(10).toInt();
    alert.state = query.value(11).toString();
    alert.acknowledgedAt = timeOf(query.value(12));
    alert.closedAt = timeOf(query.value(13));
    alert.mailboxAddress = query.value(14).toString();
    alert.profileName = query.value(15).toString();
    alert.incidentId = query.value(16).toLongLong();
    return alert;
}

const QString kFailureSelect =
    u"SELECT f.id, f.mailbox_id, m.address, f.folder, f.uidvalidity, f.uid, f.pop3_uidl, f.message_id, f.subject, "
    "f.size_bytes, f.error_class, f.hint_id, f.stage, f.reason, f.detail, f.first_failed_at, f.last_failed_at, "
    "f.attempts, f.state, f.sender, f.message_date FROM item_failures f JOIN mailboxes m ON m.id = f.mailbox_id "_s;

ItemFailure failureFrom(const QSqlQuery &query)
{
    ItemFailure failure;
    failure.id = query.value(0).toLongLong();
    failure.mailboxId = query.value(1).toLongLong();
    failure.mailboxAddress = query.value(2).toString();
    failure.folder = query.value(3).toString();
    failure.uidValidity = query.value(4).toUInt();
    failure.uid = query.value(5).toUInt();
    failure.pop3Uidl = query.value(6).toString();
    failure.messageId = query.value(7).toString();
    failure.subject = query.value(8).toString();
    failure.size = query.value(9).toLongLong();
    failure.errorClass = errorClassFromName(query.value(10).toString());
    failure.hintId = query.value(11).toString();
    failure.stage = errorStageFromName(query.value(12).toString());
    failure.reason = query.value(13).toString();
    failure.detail = query.value(14).toString();
    failure.firstFailedAt = timeOf(query.value(15));
    failure.lastFailedAt = timeOf(query.value(16));
    failure.attempts = query.value(17).toInt();
    failure.state = query.value(18).toString();
    failure.sender = query.value(19).toString();
    failure.messageDate = timeOf(query.value(20));
    return failure;
}

} // namespace

DiagnosticsStore::DiagnosticsStore(Store &store)
    : m_store(store)
{}

Status DiagnosticsStore::setMailboxVerbose(qint64 mailboxId, bool verbose)
{
    // Changing the mailboxes table moves config_version: running engines pick the switch up within a second.
    auto query = m_store.exec(u"UPDATE mailboxes SET verbose_log = ?, updated_at = ? WHERE id = ?"_s,
                              {verbose ? 1 : 0, QDateTime::currentMSecsSinceEpoch(), mailboxId});
    if (!query) {
        return query.error();
    }
    return {};
}

Result<std::optional<Alert>> DiagnosticsStore::alert(qint64 alertId, bool withMembers)
{
    auto query = m_store.exec(kAlertSelect + u"WHERE a.id = ?"_s, {alertId});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<Alert>();
    }
    Alert found = alertFrom(*query);
    query->finish();
    if (withMembers && found.kind == u"profile-outage"_s) {
        auto members = incidentMembers(found.id);
        if (!members) {
            return members.error();
        }
        found.members = *members;
    }
    return std::optional<Alert>(found);
}

Result<std::optional<Alert>> DiagnosticsStore::openAlert(const QString &causeKey)
{
    // Prepared once per connection: failures ask too.
    auto query = m_store.execCached(kAlertSelect + u"WHERE a.cause_key = ? AND a.state <> 'closed'"_s, {causeKey});
    if (!query) {
        return query.error();
    }
    std::optional<Alert> open;
    if ((*query)->next()) {
        open = alertFrom(**query);
    }
    (*query)->finish();
    return open;
}

Result<QHash<QString, Alert>> DiagnosticsStore::openAlerts(const QString &first, const QString &second)
{
    auto query =
        m_store.execCached(kAlertSelect + u"WHERE a.cause_key IN (?, ?) AND a.state <> 'closed'"_s, {first, second});
    if (!query) {
        return query.error();
    }
    QHash<QString, Alert> open;
    while ((*query)->next()) {
        Alert alert = alertFrom(**query);
        open.insert(alert.causeKey, alert);
    }
    (*query)->finish();
    return open;
}

Result<Alert> DiagnosticsStore::acknowledgeAlert(qint64 alertId, const QDateTime &now)
{
    auto found = alert(alertId);
    if (!found) {
        return found.error();
    }
    if (!found->has_value()) {
        return SyncError::make(ErrorClass::Config, u"config-invalid"_s,
                               QCoreApplication::translate("DiagnosticsStore", "there is no alert %1").arg(alertId));
    }
    Alert alert = **found;
    if (!alert.isOpen()) {
        return alert; // closed already: nothing to acknowledge
    }
    const bool information = alert.severity == u"information"_s;
    auto query = m_store.exec(u"UPDATE alerts SET state = ?, acknowledged_at = COALESCE(acknowledged_at, ?), "
                              "updated_at = ?, closed_at = CASE WHEN ? = 1 THEN ? ELSE closed_at END WHERE id = ?"_s,
                              {information ? u"closed"_s : u"acknowledged"_s, now.toMSecsSinceEpoch(),
                               now.toMSecsSinceEpoch(), information ? 1 : 0, now.toMSecsSinceEpoch(), alertId});
    if (!query) {
        return query.error();
    }
    alert.state = information ? u"closed"_s : u"acknowledged"_s;
    if (!alert.acknowledgedAt.isValid()) {
        alert.acknowledgedAt = now;
    }
    if (information) {
        alert.closedAt = now;
    }
    return alert;
}

Status DiagnosticsStore::closeAlert(qint64 alertId, const QDateTime &now)
{
    auto query = m_store.exec(u"UPDATE alerts SET state = 'closed', closed_at = ?, updated_at = ? "
                              "WHERE id = ? AND state <> 'closed'"_s,
                              {now.toMSecsSinceEpoch(), now.toMSecsSinceEpoch(), alertId});
    if (!query) {
        return query.error();
    }
    return {};
}

Result<bool> DiagnosticsStore::reopenAlert(const QString &causeKey, const QDateTime &since, const QString &message,
                                           const QDateTime &now)
{
    auto open = openAlert(causeKey);
    if (!open) {
        return open.error();
    }
    if (open->has_value()) {
        return false;
    }
    auto latest = m_store.exec(u"SELECT id FROM alerts WHERE cause_key = ? AND state = 'closed' AND closed_at >= ? "
                               "AND incident_id IS NULL ORDER BY closed_at DESC, id DESC LIMIT 1"_s,
                               {causeKey, since.toMSecsSinceEpoch()});
    if (!latest) {
        return latest.error();
    }
    if (!latest->next()) {
        return false;
    }
    const qint64 id = latest->value(0).toLongLong();
    latest->finish();
    auto query = m_store.exec(u"UPDATE alerts SET state = 'open', closed_at = NULL, acknowledged_at = NULL, "
                              "occurrences = occurrences + 1, message = ?, updated_at = ? WHERE id = ?"_s,
                              {message, now.toMSecsSinceEpoch(), id});
    if (!query) {
        return query.error();
    }
    return true;
}

Status DiagnosticsStore::updateAlertMessage(qint64 alertId, const QString &message, const QDateTime &now)
{
    auto query = m_store.exec(u"UPDATE alerts SET message = ?, updated_at = ? WHERE id = ?"_s,
                              {message, now.toMSecsSinceEpoch(), alertId});
    if (!query) {
        return query.error();
    }
    return {};
}

Status DiagnosticsStore::groupIntoIncident(qint64 alertId, qint64 incidentId, const QDateTime &now)
{
    auto query = m_store.exec(u"UPDATE alerts SET incident_id = ?, state = 'closed', closed_at = ?, updated_at = ? "
                              "WHERE id = ? AND state <> 'closed'"_s,
                              {incidentId, now.toMSecsSinceEpoch(), now.toMSecsSinceEpoch(), alertId});
    if (!query) {
        return query.error();
    }
    return {};
}

Status DiagnosticsStore::addIncidentMember(qint64 incidentId, qint64 mailboxId, const QString &errorClass,
                                           const QString &hintId, const QDateTime &now)
{
    auto query = m_store.exec(u"INSERT INTO alert_mailboxes (alert_id, mailbox_id, joined_at, error_class, hint_id) "
                              "VALUES (?, ?, ?, ?, ?) ON CONFLICT (alert_id, mailbox_id) DO UPDATE SET "
                              "error_class = excluded.error_class, hint_id = excluded.hint_id"_s,
                              {incidentId, mailboxId, now.toMSecsSinceEpoch(), errorClass, hintId});
    if (!query) {
        return query.error();
    }
    return {};
}

Status DiagnosticsStore::markIncidentMemberDisabled(qint64 incidentId, qint64 mailboxId, const QDateTime &now)
{
    auto query = m_store.exec(u"UPDATE alert_mailboxes SET disabled_at = ?, reenabled_at = NULL "
                              "WHERE alert_id = ? AND mailbox_id = ?"_s,
                              {now.toMSecsSinceEpoch(), incidentId, mailboxId});
    if (!query) {
        return query.error();
    }
    return {};
}

Result<QList<AlertMember>> DiagnosticsStore::incidentMembers(qint64 incidentId)
{
    auto query = m_store.exec(
        u"SELECT am.mailbox_id, m.address, am.joined_at, am.error_class, am.hint_id, am.disabled_at, am.reenabled_at, "
        "m.enabled, COALESCE(m.disabled_reason, '') FROM alert_mailboxes am JOIN mailboxes m ON m.id = am.mailbox_id "
        "WHERE am.alert_id = ? ORDER BY m.address"_s,
        {incidentId});
    if (!query) {
        return query.error();
    }
    QList<AlertMember> members;
    while (query->next()) {
        AlertMember member;
        member.mailboxId = query->value(0).toLongLong();
        member.address = query->value(1).toString();
        member.joinedAt = timeOf(query->value(2));
        member.errorClass = query->value(3).toString();
        member.hintId = query->value(4).toString();
        member.disabledAt = timeOf(query->value(5));
        member.reenabledAt = timeOf(query->value(6));
        const QString reason = query->value(8).toString();
        member.stillDisabled = member.disabledAt.isValid() && !query->value(7).toBool() &&
                               (reason == u"permanent-failure"_s || reason == u"repeated-failures"_s);
        members.append(member);
    }
    return members;
}

Result<std::optional<Alert>> DiagnosticsStore::openIncident(qint64 profileId)
{
    return openAlert(u"profile-outage:%1"_s.arg(profileId));
}

Result<QHash<qint64, qint64>> DiagnosticsStore::openIncidents()
{
    auto query = m_store.execCached(
        u"SELECT profile_id, id FROM alerts WHERE kind = 'profile-outage' AND state <> 'closed' AND profile_id IS NOT NULL"_s,
        {});
    if (!query) {
        return query.error();
    }
    QHash<qint64, qint64> open;
    while ((*query)->next()) {
        open.insert((*query)->value(0).toLongLong(), (*query)->value(1).toLongLong());
    }
    (*query)->finish();
    return open;
}

Result<QDateTime> DiagnosticsStore::lastIncidentClosed(qint64 profileId)
{
    auto query = m_store.exec(u"SELECT MAX(closed_at) FROM alerts WHERE cause_key = ? AND state = 'closed'"_s,
                              {u"profile-outage:%1"_s.arg(profileId)});
    if (!query) {
        return query.error();
    }
    return query->next() ? timeOf(query->value(0)) : QDateTime();
}

Result<QList<qint64>> DiagnosticsStore::reenableIncident(qint64 incidentId, const QDateTime &now)
{
    QList<qint64> enabled;
    Status status = m_store.transaction([&]() -> Status {
        auto members = incidentMembers(incidentId);
        if (!members) {
            return members.error();
        }
        for (const AlertMember &member : *members) {
            if (!member.stillDisabled) {
                continue; // running again, or disabled by an operator since: not this incident's to undo
            }
            if (Status set = m_store.setMailboxEnabled(member.mailboxId, true, {}, now); !set) {
                return set;
            }
            if (Status closed = m_store.closeAlerts(u"mailbox-disabled:%1"_s.arg(member.mailboxId), now); !closed) {
                return closed;
            }
            auto marked =
                m_store.exec(u"UPDATE alert_mailboxes SET reenabled_at = ? WHERE alert_id = ? AND mailbox_id = ?"_s,
                             {now.toMSecsSinceEpoch(), incidentId, member.mailboxId});
            if (!marked) {
                return marked.error();
            }
            enabled.append(member.mailboxId);
        }
        return {};
    });
    if (!status) {
        return status.error();
    }
    return enabled;
}

Result<ProfileHealth> DiagnosticsStore::profileHealth(qint64 profileId, const QDateTime &since)
{
    auto query = m_store.exec(
        u"SELECT m.id, m.enabled, COALESCE(m.disabled_reason, ''), s.last_sync_at, s.last_error_class, "
        "COALESCE(s.last_error_hint, '') FROM mailboxes m LEFT JOIN mailbox_state s ON s.mailbox_id = m.id WHERE m.profile_id = ?"_s,
        {profileId});
    if (!query) {
        return query.error();
    }
    ProfileHealth health;
    const qint64 sinceMs = since.isValid() ? since.toMSecsSinceEpoch() : 0;
    while (query->next()) {
        const bool enabled = query->value(1).toBool();
        const QString reason = query->value(2).toString();
        const bool disabledByFailures = reason == u"permanent-failure"_s || reason == u"repeated-failures"_s;
        if (!enabled && !disabledByFailures) {
            continue;
        }
        ++health.population;
        const bool failing = !query->value(4).isNull() && !query->value(4).toString().isEmpty();
        if (!failing) {
            continue;
        }
        if (enabled) {
            ++health.failingEnabled;
        }
        if (!query->value(3).isNull() && query->value(3).toLongLong() >= sinceMs) {
            health.failingSince.append(
                {query->value(0).toLongLong(), query->value(4).toString(), query->value(5).toString(), !enabled});
        }
    }
    return health;
}

Status DiagnosticsStore::recordItemFailure(const ItemFailure &failure)
{
    const qint64 now =
        (failure.lastFailedAt.isValid() ? failure.lastFailedAt : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch();
    return m_store.fencedWrite(failure.mailboxId, [&]() -> Status {
        auto query = m_store.exec(
            u"INSERT INTO item_failures (mailbox_id, folder, uidvalidity, uid, pop3_uidl, message_id, subject, "
            "size_bytes, error_class, hint_id, stage, reason, detail, first_failed_at, last_failed_at, state, "
            "sender, message_date) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (mailbox_id, folder, uidvalidity, uid, pop3_uidl) DO UPDATE SET "
            // What a later attempt does not know (a message too large to fetch has no header) stays as it was.
            "message_id = CASE WHEN excluded.message_id <> '' THEN excluded.message_id "
            "ELSE item_failures.message_id END, "
            "subject = CASE WHEN excluded.subject <> '' THEN excluded.subject ELSE item_failures.subject END, "
            "sender = CASE WHEN excluded.sender <> '' THEN excluded.sender ELSE item_failures.sender END, "
            "message_date = COALESCE(excluded.message_date, item_failures.message_date), "
            "size_bytes = excluded.size_bytes, "
            "error_class = excluded.error_class, hint_id = excluded.hint_id, stage = excluded.stage, "
            "reason = excluded.reason, detail = excluded.detail, last_failed_at = excluded.last_failed_at, "
            "attempts = item_failures.attempts + 1, state = excluded.state"_s,
            {failure.mailboxId, failure.folder, qint64(failure.uidValidity), qint64(failure.uid), failure.pop3Uidl,
             failure.messageId, failure.subject.left(500), failure.size, errorClassName(failure.errorClass),
             failure.hintId, errorStageName(failure.stage), failure.reason.left(1000), failure.detail.left(2000), now,
             now, failure.state == u"retry"_s ? u"retry"_s : u"failed"_s, failure.sender.left(500),
             failure.messageDate.isValid() ? QVariant(failure.messageDate.toMSecsSinceEpoch())
                                           : QVariant(QMetaType::fromType<qint64>())});
        return query ? Status{} : Status(query.error());
    });
}

Status DiagnosticsStore::describeItemFailure(const ItemFailure &failure)
{
    return m_store.fencedWrite(failure.mailboxId, [&]() -> Status {
        auto query =
            m_store.exec(u"UPDATE item_failures SET subject = ?, sender = ?, message_date = ?, "
                         "message_id = CASE WHEN message_id = '' THEN ? ELSE message_id END "
                         "WHERE mailbox_id = ? AND folder = ? AND uidvalidity = ? AND uid = ? AND pop3_uidl = ?"_s,
                         {failure.subject.left(500), failure.sender.left(500),
                          failure.messageDate.isValid() ? QVariant(failure.messageDate.toMSecsSinceEpoch())
                                                        : QVariant(QMetaType::fromType<qint64>()),
                          failure.messageId, failure.mailboxId, failure.folder, qint64(failure.uidValidity),
                          qint64(failure.uid), failure.pop3Uidl});
        return query ? Status{} : Status(query.error());
    });
}

Status DiagnosticsStore::resolveItemFailure(qint64 mailboxId, const QString &folder, quint32 uidValidity, quint32 uid,
                                            const QString &pop3Uidl)
{
    return m_store.fencedWrite(mailboxId, [&]() -> Status {
        auto query = m_store.exec(u"DELETE FROM item_failures WHERE mailbox_id = ? AND folder = ? AND uidvalidity = ? "
                                  "AND uid = ? AND pop3_uidl = ?"_s,
                                  {mailboxId, folder, qint64(uidValidity), qint64(uid), pop3Uidl});
        return query ? Status{} : Status(query.error());
    });
}

Result<ItemFailureList> DiagnosticsStore::itemFailures(std::optional<qint64> mailboxId, int limit)
{
    QVariantList values;
    QString sql = kFailureSelect;
    if (mailboxId) {
        sql += u"WHERE f.mailbox_id = ? "_s;
        values.append(*mailboxId);
    }
    sql += u"ORDER BY m.address, f.last_failed_at DESC, f.id DESC LIMIT ?"_s;
    values.append(qMax(1, limit));
    auto query = m_store.exec(sql, values);
    if (!query) {
        return query.error();
    }
    ItemFailureList failures;
    while (query->next()) {
        failures.append(failureFrom(*query));
    }
    return failures;
}

Result<int> DiagnosticsStore::itemFailureCount(qint64 mailboxId)
{
    auto query = m_store.exec(u"SELECT COUNT(*) FROM item_failures WHERE mailbox_id = ?"_s, {mailboxId});
    if (!query) {
        return query.error();
    }
    return query->next() ? query->value(0).toInt() : 0;
}

Result<int> DiagnosticsStore::retryItemFailures(std::optional<qint64> mailboxId)
{
    return markForRetry(mailboxId ? u"mailbox_id = ?"_s : u"1 = 1"_s,
                        mailboxId ? QVariantList{*mailboxId} : QVariantList{});
}

Result<int> DiagnosticsStore::retryItemFailureIds(const QList<qint64> &failureIds)
{
    if (failureIds.isEmpty()) {
        return 0;
    }
    QStringList marks;
    QVariantList values;
    for (qint64 id : failureIds) {
        marks.append(u"?"_s);
        values.append(id);
    }
    return markForRetry(u"id IN (%1)"_s.arg(marks.join(u", "_s)), values);
}

Result<int> DiagnosticsStore::markForRetry(const QString &which, const QVariantList &values)
{
    int marked = 0;
    Status status = m_store.transaction([&]() -> Status {
        // A POP3 message is downloaded again once it is no longer among the UIDLs seen. `which` names
        // item_failures' own columns: inside the subquery they resolve to item_failures first.
        auto forget = m_store.exec(u"DELETE FROM pop3_seen WHERE EXISTS (SELECT 1 FROM item_failures f WHERE "
                                   "f.mailbox_id = pop3_seen.mailbox_id AND f.pop3_uidl = pop3_seen.uidl AND "
                                   "f.pop3_uidl <> '' AND f.id IN (SELECT id FROM "
                                   "item_failures WHERE %1))"_s.arg(which),
                                   values);
        if (!forget) {
            return forget.error();
        }
        auto query = m_store.exec(
            u"UPDATE item_failures SET state = 'retry' WHERE state = 'failed' AND (%1)"_s.arg(which), values);
        if (!query) {
            return query.error();
        }
        marked = query->numRowsAffected();
        return {};
    });
    if (!status) {
        return status.error();
    }
    return marked;
}

Result<QSet<QString>> DiagnosticsStore::foldersToRetry(qint64 mailboxId)
{
    auto query = m_store.exec(u"SELECT DISTINCT folder FROM item_failures WHERE mailbox_id = ? AND pop3_uidl = '' "
                              "AND state = 'retry'"_s,
                              {mailboxId});
    if (!query) {
        return query.error();
    }
    QSet<QString> folders;
    while (query->next()) {
        folders.insert(query->value(0).toString());
    }
    return folders;
}

Result<QList<quint32>> DiagnosticsStore::uidsToRetry(qint64 mailboxId, const QString &folder, quint32 uidValidity)
{
    auto query = m_store.exec(u"SELECT uid FROM item_failures WHERE mailbox_id = ? AND folder = ? AND uidvalidity = ? "
                              "AND pop3_uidl = '' AND state = 'retry' ORDER BY uid"_s,
                              {mailboxId, folder, qint64(uidValidity)});
    if (!query) {
        return query.error();
    }
    QList<quint32> uids;
    while (query->next()) {
        uids.append(query->value(0).toUInt());
    }
    return uids;
}

Result<QHash<quint32, qint64>> DiagnosticsStore::overBudgetSizes(qint64 mailboxId, const QString &folder,
                                                                 quint32 uidValidity)
{
    auto query =
        m_store.exec(u"SELECT uid, size_bytes FROM item_failures WHERE mailbox_id = ? AND folder = ? AND "
                     "uidvalidity = ? AND pop3_uidl = '' AND state = 'retry' AND hint_id = 'message-over-budget'"_s,
                     {mailboxId, folder, qint64(uidValidity)});
    if (!query) {
        return query.error();
    }
    QHash<quint32, qint64> sizes;
    while (query->next()) {
        sizes.insert(query->value(0).toUInt(), query->value(1).toLongLong());
    }
    return sizes;
}

Status DiagnosticsStore::dropStaleItemFailures(qint64 mailboxId, const QString &folder, quint32 uidValidity)
{
    return m_store.fencedWrite(mailboxId, [&]() -> Status {
        auto query = m_store.exec(u"DELETE FROM item_failures WHERE mailbox_id = ? AND folder = ? AND pop3_uidl = '' "
                                  "AND uidvalidity <> ?"_s,
                                  {mailboxId, folder, qint64(uidValidity)});
        return query ? Status{} : Status(query.error());
    });
}

} // namespace SyncDesk
