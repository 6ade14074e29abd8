// Store: server profiles, mailboxes, enabling and disabling, settings and the configuration version.

#include "store.h"
#include "storerows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>

namespace SyncDesk {

using namespace Qt::StringLiterals;
using namespace StoreRows;

Result<qint64> Store::upsertProfile(const ServerProfile &profile)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool hasOutgoing = profile.outgoing.has_value();
    const QVariant nullText(QMetaType::fromType<QString>());
    const QVariant nullInt(QMetaType::fromType<int>());
    auto query = exec(
        u"INSERT INTO server_profiles (name, incoming_protocol, incoming_host, incoming_port, incoming_security, "
        "incoming_ca_file, outgoing_host, outgoing_port, outgoing_security, outgoing_ca_file, "
        "max_concurrent_connections, min_interval_seconds, base_interval_seconds, max_interval_seconds, "
        "max_message_bytes, created_at, updated_at, sent_folder, act_json, auth_json, max_push_connections) VALUES (?, "
        "?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET incoming_protocol = excluded.incoming_protocol, "
        "incoming_host = excluded.incoming_host, incoming_port = excluded.incoming_port, "
        "incoming_security = excluded.incoming_security, incoming_ca_file = excluded.incoming_ca_file, "
        "outgoing_host = excluded.outgoing_host, outgoing_port = excluded.outgoing_port, "
        "outgoing_security = excluded.outgoing_security, outgoing_ca_file = excluded.outgoing_ca_file, "
        "max_concurrent_connections = excluded.max_concurrent_connections, "
        "min_interval_seconds = excluded.min_interval_seconds, base_interval_seconds = excluded.base_interval_seconds, "
        "max_interval_seconds = excluded.max_interval_seconds, max_message_bytes = excluded.max_message_bytes, "
        "updated_at = excluded.updated_at, sent_folder = excluded.sent_folder, act_json = excluded.act_json, "
        "auth_json = excluded.auth_json, max_push_connections = excluded.max_push_connections"_s,
        {profile.name,
         protocolName(profile.incoming.protocol),
         profile.incoming.host,
         int(profile.incoming.port),
         securityName(profile.incoming.security),
         profile.incoming.caFile,
         hasOutgoing ? QVariant(profile.outgoing->host) : nullText,
         hasOutgoing ? QVariant(int(profile.outgoing->port)) : nullInt,
         hasOutgoing ? QVariant(securityName(profile.outgoing->security)) : nullText,
         hasOutgoing ? QVariant(profile.outgoing->caFile) : nullText,
         profile.maxConcurrentConnections,
         profile.minIntervalSeconds ? QVariant(*profile.minIntervalSeconds) : nullInt,
         profile.baseIntervalSeconds ? QVariant(*profile.baseIntervalSeconds) : nullInt,
         profile.maxIntervalSeconds ? QVariant(*profile.maxIntervalSeconds) : nullInt,
         profile.maxMessageBytes ? QVariant(*profile.maxMessageBytes) : QVariant(QMetaType::fromType<qint64>()),
         now,
         now,
         profile.sentFolder,
         profile.act ? objectToJson(profile.act->toJson()) : QString(),
         profile.oauth ? objectToJson(profile.oauth->toJson()) : QString(),
         profile.maxPushConnections});
    if (!query) {
        return query.error();
    }
    auto id = exec(u"SELECT id FROM server_profiles WHERE name = ?"_s, {profile.name});
    if (!id) {
        return id.error();
    }
    return id->next() ? id->value(0).toLongLong() : qint64(0);
}

Result<QList<ServerProfile>> Store::profiles()
{
    auto query = exec(u"SELECT "_s + kProfileColumns + u" FROM server_profiles ORDER BY name"_s);
    if (!query) {
        return query.error();
    }
    QList<ServerProfile> result;
    while (query->next()) {
        result.append(profileFromQuery(*query));
    }
    return result;
}

Result<std::optional<ServerProfile>> Store::profile(qint64 id)
{
    auto query = exec(u"SELECT "_s + kProfileColumns + u" FROM server_profiles WHERE id = ?"_s, {id});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<ServerProfile>();
    }
    return std::optional<ServerProfile>(profileFromQuery(*query));
}

Result<qint64> Store::upsertMailbox(const Mailbox &mailbox)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 id = 0;
    Status status = transaction([&]() -> Status {
        const QVariant nullText(QMetaType::fromType<QString>());
        const QString actJson = mailbox.act ? objectToJson(mailbox.act->toJson()) : QString();
        auto before = exec(u"SELECT id, act_json FROM mailboxes WHERE address = ?"_s, {mailbox.address});
        if (!before) {
            return before.error();
        }
        const bool existed = before->next();
        const bool actChanged = existed && before->value(1).toString() != actJson;
        auto query = exec(
            u"INSERT INTO mailboxes (address, profile_id, username, password_source, enabled, folders, "
            "disabled_reason, disabled_at, owner_type, owner_key, tracking, tracked_folders_json, "
            "created_at, updated_at, process_from, outgoing, act_json, push) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (address) DO UPDATE SET profile_id = excluded.profile_id, "
            "username = excluded.username, password_source = excluded.password_source, "
            "enabled = excluded.enabled, folders = excluded.folders, "
            "disabled_reason = excluded.disabled_reason, disabled_at = excluded.disabled_at, "
            "owner_type = excluded.owner_type, owner_key = excluded.owner_key, "
            "tracking = excluded.tracking, tracked_folders_json = excluded.tracked_folders_json, "
            "updated_at = excluded.updated_at, process_from = excluded.process_from, "
            "outgoing = excluded.outgoing, act_json = excluded.act_json, push = excluded.push"_s,
            {mailbox.address, mailbox.profileId, mailbox.username, mailbox.passwordSource, mailbox.enabled ? 1 : 0,
             stringsToJson(mailbox.folders),
             mailbox.enabled || mailbox.disabledReason.isEmpty() ? nullText : QVariant(mailbox.disabledReason),
             mailbox.enabled ? QVariant(QMetaType::fromType<qint64>()) : toMs(mailbox.disabledAt), mailbox.ownerType,
             mailbox.ownerKey, trackingOptionName(mailbox.tracking), trackedFoldersToJson(mailbox.trackedFolders), now,
             now, toMs(mailbox.processFrom), mailbox.outgoing ? 1 : 0, actJson, mailbox.push ? 1 : 0});
        if (!query) {
            return query.error();
        }
        if (actChanged) {
            // Other directions see other items: the next ACT run compares everything again (a kind that now reads
            // from the server takes the items a token past them would never show again).
            auto reset = exec(u"UPDATE act_collections SET sync_token = '' WHERE mailbox_id = ?"_s,
                              {before->value(0).toLongLong()});
            if (!reset) {
                return reset.error();
            }
        }
        auto select = exec(u"SELECT id FROM mailboxes WHERE address = ?"_s, {mailbox.address});
        if (!select) {
            return select.error();
        }
        if (!select->next()) {
            return SyncError::make(ErrorClass::Internal, u"internal-error"_s, tr("mailbox vanished after insert"));
        }
        id = select->value(0).toLongLong();
        return ensureStateRow(id);
    });
    if (!status) {
        return status.error();
    }
    return id;
}

Status Store::ensureStateRow(qint64 mailboxId)
{
    auto query = execCached(u"INSERT INTO mailbox_state (mailbox_id) VALUES (?) ON CONFLICT (mailbox_id) DO NOTHING"_s,
                            {mailboxId});
    if (!query) {
        return query.error();
    }
    return {};
}

Result<QList<Mailbox>> Store::mailboxes()
{
    auto query = exec(u"SELECT "_s + kMailboxColumns +
                      u" FROM mailboxes m JOIN server_profiles p ON p.id = m.profile_id ORDER BY m.address"_s);
    if (!query) {
        return query.error();
    }
    QList<Mailbox> result;
    while (query->next()) {
        result.append(mailboxFromQuery(*query));
    }
    return result;
}

Result<std::optional<Mailbox>> Store::mailbox(qint64 id)
{
    auto query = exec(u"SELECT "_s + kMailboxColumns +
                          u" FROM mailboxes m JOIN server_profiles p ON p.id = m.profile_id WHERE m.id = ?"_s,
                      {id});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<Mailbox>();
    }
    return std::optional<Mailbox>(mailboxFromQuery(*query));
}

Result<std::optional<Mailbox>> Store::mailboxByAddress(const QString &address)
{
    auto query = exec(u"SELECT "_s + kMailboxColumns +
                          u" FROM mailboxes m JOIN server_profiles p ON p.id = m.profile_id WHERE m.address = ?"_s,
                      {address.trimmed().toLower()});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<Mailbox>();
    }
    return std::optional<Mailbox>(mailboxFromQuery(*query));
}

Status Store::setMailboxEnabled(qint64 mailboxId, bool enabled, const QString &reason, const QDateTime &now)
{
    return transaction([&]() -> Status {
        if (!enabled) {
            auto query = exec(u"UPDATE mailboxes SET enabled = 0, disabled_reason = ?, disabled_at = ?, updated_at = ? "
                              "WHERE id = ?"_s,
                              {reason, now.toMSecsSinceEpoch(), now.toMSecsSinceEpoch(), mailboxId});
            if (!query) {
                return query.error();
            }
            return {};
        }
        auto query = exec(u"UPDATE mailboxes SET enabled = 1, disabled_reason = NULL, disabled_at = NULL, "
                          "updated_at = ? WHERE id = ?"_s,
                          {now.toMSecsSinceEpoch(), mailboxId});
        if (!query) {
            return query.error();
        }
        // Enabling starts afresh: no failure counted, due now.
        auto reset =
            exec(u"UPDATE mailbox_state SET consecutive_failures = 0, next_due_at = NULL, "
                 "interval_reason = 'normal', last_error_class = NULL, last_error_message = NULL, "
                 "last_error_detail = NULL, last_error_hint = NULL, last_error_stage = NULL, overdue_cause = NULL "
                 "WHERE mailbox_id = ?"_s,
                 {mailboxId});
        if (!reset) {
            return reset.error();
        }
        return {};
    });
}

Status Store::moveMailboxToProfile(qint64 mailboxId, qint64 profileId, const QDateTime &now)
{
    auto query = exec(u"UPDATE mailboxes SET profile_id = ?, updated_at = ? WHERE id = ? AND EXISTS "
                      "(SELECT 1 FROM server_profiles WHERE id = ?)"_s,
                      {profileId, now.toMSecsSinceEpoch(), mailboxId, profileId});
    if (!query) {
        return query.error();
    }
    if (query->numRowsAffected() != 1) {
        return SyncError::make(ErrorClass::Config, u"config-invalid"_s,
                               //: %1 and %2 are ids
                               tr("no mailbox %1 or no server profile %2 to move it to").arg(mailboxId).arg(profileId));
    }
    return {};
}

Result<qint64> Store::configVersion()
{
    auto query = exec(u"SELECT value FROM meta WHERE key = 'config_version'"_s);
    if (!query) {
        return query.error();
    }
    return query->next() ? query->value(0).toLongLong() : qint64(0);
}

Result<QJsonObject> Store::setting(const QString &key)
{
    auto query = exec(u"SELECT value FROM settings WHERE key = ?"_s, {key});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return QJsonObject();
    }
    return QJsonDocument::fromJson(query->value(0).toString().toUtf8()).object();
}

Status Store::setSetting(const QString &key, const QJsonObject &value)
{
    auto current = setting(key);
    if (current && *current == value) {
        return {}; // unchanged: do not make every engine reload
    }
    auto query = exec(u"INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                      "value = excluded.value"_s,
                      {key, QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact))});
    if (!query) {
        return query.error();
    }
    return {};
}

Status Store::setOverdueCauses(const QHash<qint64, QString> &changes)
{
    if (changes.isEmpty()) {
        return {};
    }
    return transaction([&]() -> Status {
        const QVariant nullText(QMetaType::fromType<QString>());
        // In id order: engines publishing at once lock the rows in the same order (a hash's order differs
        // per process, and two engines updating in different orders deadlock on PostgreSQL).
        QList<qint64> ids = changes.keys();
        std::sort(ids.begin(), ids.end());
        for (qint64 id : std::as_const(ids)) {
            const QString cause = changes.value(id);
            auto query = exec(u"UPDATE mailbox_state SET overdue_cause = ? WHERE mailbox_id = ?"_s,
                              {cause.isEmpty() ? nullText : QVariant(cause), id});
            if (!query) {
                return query.error();
            }
        }
        return {};
    });
}

} // namespace SyncDesk
