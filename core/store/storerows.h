#pragma once

// How the store's rows map to the model: the column lists, the row readers and the JSON-encoded columns.
// Shared by the parts of Store (store*.cpp); not part of its interface.

#include "jsontext.h"
#include "model/crmrecord.h"
#include "store.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace SyncDesk {

// Counts one statement (or one claim) and its time into Store::statistics() when it goes out of scope.
class StoreTiming
{
public:
    enum class Kind { Statement, Claim };
    explicit StoreTiming(Kind kind, qint64 count = 1); // count: the claims of a batch
    // A statement; its text is profiled when SYNCDESK_SQL_PROFILE is set (see Store::statistics()).
    explicit StoreTiming(const QString &sql);
    ~StoreTiming();
    StoreTiming(const StoreTiming &) = delete;
    StoreTiming &operator=(const StoreTiming &) = delete;

private:
    Kind m_kind;
    qint64 m_count;
    const QString *m_sql = nullptr;
    QElapsedTimer m_timer;
};

} // namespace SyncDesk

namespace SyncDesk::StoreRows {

using namespace Qt::StringLiterals;

inline QVariant toMs(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

inline QDateTime fromMs(const QVariant &value)
{
    if (value.isNull()) {
        return {};
    }
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// The JSON columns of an activity: most lists are empty ("[]", the columns' default), written without
// building a document (a full pull writes six of them per message).
inline QString partiesToJson(const QList<ActivityParty> &parties)
{
    if (parties.isEmpty()) {
        return u"[]"_s;
    }
    // Text that is not valid UTF-16 is written by Qt, as it was before these writers.
    if (auto text = JsonText::array(parties, [](QString &out, const ActivityParty &party) {
            return JsonText::appendObject(out, {{u"address", party.address},
                                                {u"id", party.record.id},
                                                {u"role", party.role},
                                                {u"type", party.record.type}});
        })) {
        return *text;
    }
    QJsonArray array;
    for (const ActivityParty &party : parties) {
        array.append(QJsonObject{{u"role"_s, party.role},
                                 {u"address"_s, party.address},
                                 {u"type"_s, party.record.type},
                                 {u"id"_s, party.record.id}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

inline QList<ActivityParty> partiesFromJson(const QString &json)
{
    QList<ActivityParty> parties;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject object = value.toObject();
        parties.append({object.value(u"role"_s).toString(),
                        object.value(u"address"_s).toString(),
                        {object.value(u"type"_s).toString(), object.value(u"id"_s).toString()}});
    }
    return parties;
}

inline QString addressesToJson(const QList<EmailAddress> &addresses)
{
    if (addresses.isEmpty()) {
        return u"[]"_s;
    }
    if (auto text = JsonText::array(addresses, [](QString &out, const EmailAddress &address) {
            return JsonText::appendObject(out, {{u"address", address.address}, {u"name", address.name}});
        })) {
        return *text;
    }
    QJsonArray array;
    for (const EmailAddress &address : addresses) {
        array.append(QJsonObject{{u"name"_s, address.name}, {u"address"_s, address.address}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

inline QList<EmailAddress> addressesFromJson(const QString &json)
{
    QList<EmailAddress> addresses;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        addresses.append({object.value(u"name"_s).toString(), object.value(u"address"_s).toString()});
    }
    return addresses;
}

inline QString stringsToJson(const QStringList &strings)
{
    if (strings.isEmpty()) {
        return u"[]"_s;
    }
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(strings)).toJson(QJsonDocument::Compact));
}

inline QStringList stringsFromJson(const QString &json)
{
    QStringList strings;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : array) {
        strings.append(value.toString());
    }
    return strings;
}

inline QString attachmentsToJson(const QList<AttachmentInfo> &attachments)
{
    if (attachments.isEmpty()) {
        return u"[]"_s;
    }
    if (auto text = JsonText::array(attachments, [](QString &out, const AttachmentInfo &attachment) {
            return JsonText::appendObject(
                out, {{u"name", attachment.fileName}, {u"size", attachment.size}, {u"type", attachment.contentType}});
        })) {
        return *text;
    }
    QJsonArray array;
    for (const AttachmentInfo &attachment : attachments) {
        array.append(QJsonObject{
            {u"name"_s, attachment.fileName}, {u"type"_s, attachment.contentType}, {u"size"_s, attachment.size}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

inline QList<AttachmentInfo> attachmentsFromJson(const QString &json)
{
    QList<AttachmentInfo> attachments;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        attachments.append({object.value(u"name"_s).toString(), object.value(u"type"_s).toString(),
                            object.value(u"size"_s).toInteger()});
    }
    return attachments;
}

// Reads rows of (id, at, level, category, mailbox, message).
inline QList<LogRecord> logRecordsFrom(QSqlQuery &query)
{
    QList<LogRecord> records;
    while (query.next()) {
        LogRecord record;
        record.id = query.value(0).toLongLong();
        record.at = fromMs(query.value(1));
        record.level = LogLevel(qBound(0, query.value(2).toInt(), 3));
        record.category = query.value(3).toString();
        record.mailbox = query.value(4).toString();
        record.message = query.value(5).toString();
        records.append(record);
    }
    return records;
}

inline const QString kCrmRecordColumns =
    u"id, type, record_key, name, email, owner_key, business_unit, parent_type, parent_key, extra_json"_s;

inline CrmRecord crmRecordFromQuery(const QSqlQuery &query)
{
    CrmRecord record;
    record.id = query.value(0).toLongLong();
    record.type = query.value(1).toString();
    record.key = query.value(2).toString();
    record.name = query.value(3).toString();
    record.email = query.value(4).toString();
    record.ownerKey = query.value(5).toString();
    record.businessUnit = query.value(6).toString();
    record.parentType = query.value(7).toString();
    record.parentKey = query.value(8).toString();
    record.extra = QJsonDocument::fromJson(query.value(9).toString().toUtf8()).object();
    return record;
}

inline const QString kProfileColumns =
    u"id, name, incoming_protocol, incoming_host, incoming_port, incoming_security, "
    "incoming_ca_file, outgoing_host, outgoing_port, outgoing_security, outgoing_ca_file, "
    "max_concurrent_connections, min_interval_seconds, base_interval_seconds, "
    "max_interval_seconds, max_message_bytes, sent_folder, act_json, auth_json, max_push_connections"_s;

inline ServerProfile profileFromQuery(const QSqlQuery &query)
{
    ServerProfile profile;
    profile.id = query.value(0).toLongLong();
    profile.name = query.value(1).toString();
    profile.incoming.protocol = protocolFromName(query.value(2).toString()).value_or(MailProtocol::Imap);
    profile.incoming.host = query.value(3).toString();
    profile.incoming.port = quint16(query.value(4).toUInt());
    profile.incoming.security = securityFromName(query.value(5).toString()).value_or(Security::Tls);
    profile.incoming.caFile = query.value(6).toString();
    if (!query.value(7).isNull()) {
        Endpoint outgoing;
        outgoing.protocol = MailProtocol::Smtp;
        outgoing.host = query.value(7).toString();
        outgoing.port = quint16(query.value(8).toUInt());
        outgoing.security = securityFromName(query.value(9).toString()).value_or(Security::Tls);
        outgoing.caFile = query.value(10).toString();
        profile.outgoing = outgoing;
    }
    profile.maxConcurrentConnections = query.value(11).toInt();
    auto optionalInt = [&](int column) {
        return query.value(column).isNull() ? std::optional<int>() : std::optional<int>(query.value(column).toInt());
    };
    profile.minIntervalSeconds = optionalInt(12);
    profile.baseIntervalSeconds = optionalInt(13);
    profile.maxIntervalSeconds = optionalInt(14);
    if (!query.value(15).isNull()) {
        profile.maxMessageBytes = query.value(15).toLongLong();
    }
    profile.sentFolder = query.value(16).toString();
    if (const QString act = query.value(17).toString(); !act.isEmpty()) {
        profile.act = ActEndpoint::fromJson(QJsonDocument::fromJson(act.toUtf8()).object());
    }
    if (const QString auth = query.value(18).toString(); !auth.isEmpty()) {
        profile.oauth = OAuthSettings::fromJson(QJsonDocument::fromJson(auth.toUtf8()).object());
    }
    profile.maxPushConnections = query.value(19).toInt();
    return profile;
}

inline const QString kMailboxColumns =
    u"m.id, m.address, m.profile_id, p.name, m.username, m.password_source, m.enabled, "
    "m.folders, m.disabled_reason, m.disabled_at, m.owner_type, m.owner_key, m.tracking, "
    "m.tracked_folders_json, m.verbose_log, m.process_from, m.outgoing, m.act_json, m.push"_s;
constexpr int kMailboxColumnCount = 19;

inline QString objectToJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

inline QString trackedFoldersToJson(const QMap<QString, RecordRef> &folders)
{
    QJsonObject object;
    for (auto it = folders.cbegin(); it != folders.cend(); ++it) {
        object.insert(it.key(), QString(it.value().type + u':' + it.value().id));
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

inline QMap<QString, RecordRef> trackedFoldersFromJson(const QString &json)
{
    QMap<QString, RecordRef> folders;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString reference = it.value().toString();
        folders.insert(it.key(), {reference.section(u':', 0, 0), reference.section(u':', 1)});
    }
    return folders;
}

inline Mailbox mailboxFromQuery(const QSqlQuery &query, int offset = 0)
{
    Mailbox mailbox;
    mailbox.id = query.value(offset + 0).toLongLong();
    mailbox.address = query.value(offset + 1).toString();
    mailbox.profileId = query.value(offset + 2).toLongLong();
    mailbox.profileName = query.value(offset + 3).toString();
    mailbox.username = query.value(offset + 4).toString();
    mailbox.passwordSource = query.value(offset + 5).toString();
    mailbox.enabled = query.value(offset + 6).toBool();
    mailbox.folders = stringsFromJson(query.value(offset + 7).toString());
    if (mailbox.folders.isEmpty()) {
        mailbox.folders = {u"INBOX"_s};
    }
    mailbox.disabledReason = query.value(offset + 8).toString();
    mailbox.disabledAt = fromMs(query.value(offset + 9));
    mailbox.ownerType = query.value(offset + 10).toString();
    mailbox.ownerKey = query.value(offset + 11).toString();
    mailbox.tracking = trackingOptionFromName(query.value(offset + 12).toString()).value_or(TrackingOption::All);
    mailbox.trackedFolders = trackedFoldersFromJson(query.value(offset + 13).toString());
    mailbox.verboseLog = query.value(offset + 14).toBool();
    mailbox.processFrom = fromMs(query.value(offset + 15));
    mailbox.outgoing = query.value(offset + 16).toBool();
    if (const QString act = query.value(offset + 17).toString(); !act.isEmpty()) {
        mailbox.act = ActSettings::fromJson(QJsonDocument::fromJson(act.toUtf8()).object());
    }
    mailbox.push = query.value(offset + 18).toBool();
    return mailbox;
}

inline const QString kStateColumns =
    u"s.mailbox_id, COALESCE(s.interval_ms, s.interval_seconds * 1000), s.interval_reason, s.last_sync_at, "
    "s.last_success_at, s.next_due_at, s.consecutive_failures, s.last_error_class, s.last_error_message, "
    "s.last_error_detail, s.last_error_hint, s.items_last_sync, s.lease_owner, s.lease_until, s.avg_new_items, "
    "s.last_new_item_at, s.first_sync_at, s.overdue_cause, s.items_withheld, s.fields_withheld, s.last_error_stage, "
    "s.last_audit_at, s.last_audit_missing, s.lease_epoch"_s;

inline MailboxState stateFromQuery(const QSqlQuery &query, int offset = 0)
{
    MailboxState state;
    state.mailboxId = query.value(offset + 0).toLongLong();
    state.intervalMs = query.value(offset + 1).isNull() ? 300000 : query.value(offset + 1).toLongLong();
    state.intervalReason = intervalReasonFromName(query.value(offset + 2).toString());
    state.lastSyncAt = fromMs(query.value(offset + 3));
    state.lastSuccessAt = fromMs(query.value(offset + 4));
    state.nextDueAt = fromMs(query.value(offset + 5));
    state.consecutiveFailures = query.value(offset + 6).toInt();
    state.lastErrorClass =
        query.value(offset + 7).isNull() ? ErrorClass::None : errorClassFromName(query.value(offset + 7).toString());
    state.lastErrorMessage = query.value(offset + 8).toString();
    state.lastErrorDetail = query.value(offset + 9).toString();
    state.lastErrorHintId = query.value(offset + 10).toString();
    state.itemsLastSync = query.value(offset + 11).toInt();
    state.leaseOwner = query.value(offset + 12).toString();
    state.leaseUntil = fromMs(query.value(offset + 13));
    state.itemsPerMinute = query.value(offset + 14).toDouble();
    state.lastNewItemAt = fromMs(query.value(offset + 15));
    state.firstSyncAt = fromMs(query.value(offset + 16));
    state.overdueCause = query.value(offset + 17).toString();
    state.itemsWithheld = query.value(offset + 18).toLongLong();
    state.fieldsWithheld = query.value(offset + 19).toLongLong();
    state.lastErrorStage = errorStageFromName(query.value(offset + 20).toString());
    state.lastAuditAt = fromMs(query.value(offset + 21));
    state.lastAuditMissing = query.value(offset + 22).isNull() ? -1 : query.value(offset + 22).toInt();
    state.leaseEpoch = query.value(offset + 23).toLongLong();
    return state;
}

inline const QString kActivityColumns =
    u"a.id, a.mailbox_id, m.address, a.folder, a.uidvalidity, a.uid, a.message_id, "
    "a.dedupe_key, a.subject, a.from_name, a.from_address, a.to_json, a.cc_json, "
    "a.sent_at, a.body_text, a.regarding_type, a.regarding_id, a.correlation, "
    "a.created_at, a.in_reply_to, a.references_json, a.attachments_json, a.size_bytes, "
    "a.warnings_json, a.parties_json, a.withheld_json, a.conversation, a.direction"_s;

inline Activity activityFromQuery(const QSqlQuery &query)
{
    Activity activity;
    activity.id = query.value(0).toLongLong();
    activity.mailboxId = query.value(1).toLongLong();
    activity.mailboxAddress = query.value(2).toString();
    activity.folder = query.value(3).toString();
    activity.uidValidity = query.value(4).toUInt();
    activity.uid = query.value(5).toUInt();
    activity.messageId = query.value(6).toString();
    activity.dedupeKey = query.value(7).toString();
    activity.subject = query.value(8).toString();
    activity.from = {query.value(9).toString(), query.value(10).toString()};
    activity.to = addressesFromJson(query.value(11).toString());
    activity.cc = addressesFromJson(query.value(12).toString());
    activity.date = fromMs(query.value(13));
    activity.bodyText = query.value(14).toString();
    if (!query.value(15).isNull()) {
        activity.regarding = RecordRef{query.value(15).toString(), query.value(16).toString()};
    }
    activity.correlation = query.value(17).toString();
    activity.createdAt = fromMs(query.value(18));
    activity.inReplyTo = query.value(19).toString();
    activity.references = stringsFromJson(query.value(20).toString());
    activity.attachments = attachmentsFromJson(query.value(21).toString());
    activity.size = query.value(22).toLongLong();
    activity.warnings = stringsFromJson(query.value(23).toString());
    activity.parties = partiesFromJson(query.value(24).toString());
    activity.withheldFields = stringsFromJson(query.value(25).toString());
    activity.conversation = query.value(26).toString();
    activity.direction = query.value(27).toString();
    return activity;
}

} // namespace SyncDesk::StoreRows
