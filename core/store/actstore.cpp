#include "actstore.h"

#include "act/actfields.h"
#include "store.h"
#include "storerows.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

namespace SyncDesk {

using namespace Qt::StringLiterals;
using namespace StoreRows;

namespace {

const QString kRecordColumns =
    u"id, kind, uid, owner_key, business_unit, regarding_type, regarding_key, fields_json, created_at, modified_at"_s;

QJsonObject objectFrom(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

template <typename Record>
void fillCommon(Record &record, const QSqlQuery &query)
{
    record.id = query.value(0).toLongLong();
    record.uid = query.value(2).toString();
    record.ownerKey = query.value(3).toString();
    record.businessUnit = query.value(4).toString();
    record.createdAt = fromMs(query.value(8));
    record.modifiedAt = fromMs(query.value(9));
}

Appointment appointmentFromQuery(const QSqlQuery &query)
{
    Appointment appointment;
    ActFields::toAppointment(objectFrom(query.value(7)), appointment);
    fillCommon(appointment, query);
    return appointment;
}

CrmTask taskFromQuery(const QSqlQuery &query)
{
    CrmTask task;
    ActFields::toTask(objectFrom(query.value(7)), task);
    fillCommon(task, query);
    return task;
}

ActStore::Link linkFromQuery(const QSqlQuery &query)
{
    ActStore::Link link;
    link.id = query.value(0).toLongLong();
    link.mailboxId = query.value(1).toLongLong();
    link.kind = actKindFromName(query.value(2).toString()).value_or(ActKind::Appointment);
    link.recordId = query.value(3).toLongLong();
    link.href = query.value(4).toString();
    link.etag = query.value(5).toString();
    link.base = objectFrom(query.value(6));
    link.serverData = query.value(7).toByteArray();
    link.syncedAt = fromMs(query.value(8));
    return link;
}

ActStore::State actStateFromQuery(const QSqlQuery &query)
{
    ActStore::State state;
    state.mailboxId = query.value(0).toLongLong();
    state.lastAttemptAt = fromMs(query.value(1));
    state.lastSuccessAt = fromMs(query.value(2));
    state.failuresInRow = query.value(3).toInt();
    state.errorClass = query.value(4).toString();
    state.errorMessage = query.value(5).toString();
    state.errorHint = query.value(6).toString();
    state.conflicts = query.value(7).toInt();
    state.toServer = query.value(8).toInt();
    state.fromServer = query.value(9).toInt();
    state.requestedAt = fromMs(query.value(10));
    return state;
}

const QString kActStateColumns = u"mailbox_id, last_attempt_at, last_success_at, failures_in_row, error_class, "
                                 "error_message, error_hint, conflicts, to_server, from_server, requested_at"_s;

} // namespace

ActStore::ActStore(Store &store)
    : m_store(store)
{}

Status ActStore::saveRecord(ActKind kind, qint64 &id, QString &uid, const QString &subject, const QDateTime &start,
                            const QDateTime &end, const QString &ownerKey, const QString &businessUnit,
                            const RecordRef &regarding, const QJsonObject &fields, QDateTime &createdAt,
                            QDateTime &modifiedAt, const QDateTime &now)
{
    if (uid.isEmpty()) {
        uid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    const QString json = objectToJson(fields);
    if (id == 0) {
        auto inserted = m_store.exec(
            u"INSERT INTO act_records (kind, uid, subject, start_at, end_at, owner_key, business_unit, regarding_type, "
            "regarding_key, fields_json, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "RETURNING id"_s,
            {actKindName(kind), uid, subject, toMs(start), toMs(end), ownerKey, businessUnit, regarding.type,
             regarding.id, json, now.toMSecsSinceEpoch(), now.toMSecsSinceEpoch()});
        if (!inserted) {
            return inserted.error();
        }
        if (inserted->next()) {
            id = inserted->value(0).toLongLong();
        }
        createdAt = now;
    } else {
        auto updated = m_store.exec(
            u"UPDATE act_records SET uid = ?, subject = ?, start_at = ?, end_at = ?, owner_key = ?, business_unit = ?, "
            "regarding_type = ?, regarding_key = ?, fields_json = ?, modified_at = ? WHERE id = ? AND kind = ?"_s,
            {uid, subject, toMs(start), toMs(end), ownerKey, businessUnit, regarding.type, regarding.id, json,
             now.toMSecsSinceEpoch(), id, actKindName(kind)});
        if (!updated) {
            return updated.error();
        }
        if (updated->numRowsAffected() == 0) {
            return SyncError::make(ErrorClass::Config, u"act-record-unknown"_s,
                                   u"there is no %1 with id %2"_s.arg(actKindName(kind)).arg(id));
        }
    }
    modifiedAt = now;
    return {};
}

Status ActStore::saveAppointment(Appointment &a, const QDateTime &now)
{
    return saveRecord(ActKind::Appointment, a.id, a.uid, a.subject, a.start, a.end, a.ownerKey, a.businessUnit,
                      a.regarding, ActFields::fromAppointment(a), a.createdAt, a.modifiedAt, now);
}

Status ActStore::saveTask(CrmTask &t, const QDateTime &now)
{
    return saveRecord(ActKind::Task, t.id, t.uid, t.subject, t.start.isValid() ? t.start : t.due, t.due, t.ownerKey,
                      t.businessUnit, t.regarding, ActFields::fromTask(t), t.createdAt, t.modifiedAt, now);
}

namespace {

// One record of a kind by a column (id or uid), read by `read`.
template <typename Record>
Result<std::optional<Record>> recordWhere(Result<QSqlQuery> query, Record (*read)(const QSqlQuery &))
{
    if (!query) {
        return query.error();
    }
    return query->next() ? std::optional(read(*query)) : std::nullopt;
}

} // namespace

Result<QSqlQuery> ActStore::selectRecord(ActKind kind, const QString &column, const QVariant &value)
{
    return m_store.exec(u"SELECT "_s + kRecordColumns + u" FROM act_records WHERE "_s + column + u" = ? AND kind = ?"_s,
                        {value, actKindName(kind)});
}

Result<std::optional<Appointment>> ActStore::appointment(qint64 id)
{
    return recordWhere(selectRecord(ActKind::Appointment, u"id"_s, id), &appointmentFromQuery);
}

Result<std::optional<Appointment>> ActStore::appointmentByUid(const QString &uid)
{
    return recordWhere(selectRecord(ActKind::Appointment, u"uid"_s, uid), &appointmentFromQuery);
}

Result<std::optional<CrmTask>> ActStore::task(qint64 id)
{
    return recordWhere(selectRecord(ActKind::Task, u"id"_s, id), &taskFromQuery);
}

Result<std::optional<CrmTask>> ActStore::taskByUid(const QString &uid)
{
    return recordWhere(selectRecord(ActKind::Task, u"uid"_s, uid), &taskFromQuery);
}

namespace {

std::pair<QString, QVariantList> listQuery(const QString &kind, const ActStore::Filter &filter)
{
    QString sql = u"SELECT "_s + kRecordColumns + u" FROM act_records WHERE kind = ?"_s;
    QVariantList values{kind};
    if (!filter.ownerKey.isEmpty()) {
        sql += u" AND owner_key = ?"_s;
        values.append(filter.ownerKey);
    }
    if (filter.from.isValid()) {
        sql += u" AND (end_at IS NULL OR end_at > ?)"_s;
        values.append(filter.from.toMSecsSinceEpoch());
    }
    if (filter.to.isValid()) {
        sql += u" AND (start_at IS NULL OR start_at < ?)"_s;
        values.append(filter.to.toMSecsSinceEpoch());
    }
    sql += u" ORDER BY start_at NULLS LAST, id LIMIT ?"_s;
    values.append(filter.limit);
    return {sql, values};
}

} // namespace

Result<QList<Appointment>> ActStore::appointments(const Filter &filter)
{
    const auto [sql, values] = listQuery(u"appointment"_s, filter);
    auto query = m_store.exec(sql, values);
    if (!query) {
        return query.error();
    }
    QList<Appointment> result;
    while (query->next()) {
        result.append(appointmentFromQuery(*query));
    }
    return result;
}

Result<QList<CrmTask>> ActStore::tasks(const Filter &filter)
{
    const auto [sql, values] = listQuery(u"task"_s, filter);
    auto query = m_store.exec(sql, values);
    if (!query) {
        return query.error();
    }
    QList<CrmTask> result;
    while (query->next()) {
        result.append(taskFromQuery(*query));
    }
    return result;
}

Result<bool> ActStore::removeRecord(ActKind kind, qint64 id)
{
    auto query = m_store.exec(u"DELETE FROM act_records WHERE id = ? AND kind = ?"_s, {id, actKindName(kind)});
    if (!query) {
        return query.error();
    }
    return query->numRowsAffected() > 0;
}

Result<CrmRecordList> ActStore::contacts()
{
    auto query =
        m_store.exec(u"SELECT "_s + kCrmRecordColumns + u" FROM crm_records WHERE type = 'contact' ORDER BY id"_s);
    if (!query) {
        return query.error();
    }
    CrmRecordList records;
    while (query->next()) {
        records.append(crmRecordFromQuery(*query));
    }
    return records;
}

Result<std::optional<CrmRecord>> ActStore::contact(qint64 id)
{
    auto query =
        m_store.exec(u"SELECT "_s + kCrmRecordColumns + u" FROM crm_records WHERE type = 'contact' AND id = ?"_s, {id});
    if (!query) {
        return query.error();
    }
    return query->next() ? std::optional(crmRecordFromQuery(*query)) : std::nullopt;
}

Result<std::optional<CrmRecord>> ActStore::contactByUid(const QString &uid)
{
    // A contact's vCard UID is in its extra object, or made from its key ("syncdesk-contact-KEY").
    const QString prefix = u"syncdesk-contact-"_s;
    if (uid.startsWith(prefix)) {
        auto query = m_store.exec(u"SELECT "_s + kCrmRecordColumns +
                                      u" FROM crm_records WHERE type = 'contact' AND record_key = ?"_s,
                                  {uid.mid(prefix.size())});
        if (!query) {
            return query.error();
        }
        if (query->next()) {
            return std::optional(crmRecordFromQuery(*query));
        }
    }
    auto query = m_store.exec(
        u"SELECT "_s + kCrmRecordColumns + u" FROM crm_records WHERE type = 'contact' AND extra_json LIKE ?"_s,
        {QVariant(u"%\"uid\":"_s +
                  QString::fromUtf8(QJsonDocument(QJsonArray{uid}).toJson(QJsonDocument::Compact)).mid(1).chopped(1) +
                  u'%')});
    if (!query) {
        return query.error();
    }
    while (query->next()) {
        CrmRecord record = crmRecordFromQuery(*query);
        if (record.extra.value(u"uid"_s).toString() == uid) {
            return std::optional(record);
        }
    }
    return std::optional<CrmRecord>();
}

Result<qint64> ActStore::saveContact(const CrmRecord &record, const QDateTime &now)
{
    auto query = m_store.exec(
        u"INSERT INTO crm_records (type, record_key, name, email, owner_key, business_unit, parent_type, parent_key, "
        "extra_json, updated_at) VALUES ('contact', ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (type, record_key) DO "
        "UPDATE SET name = excluded.name, email = excluded.email, owner_key = excluded.owner_key, "
        "business_unit = excluded.business_unit, parent_type = excluded.parent_type, parent_key = excluded.parent_key, "
        "extra_json = excluded.extra_json, updated_at = excluded.updated_at RETURNING id"_s,
        {record.key, record.name, record.email, record.ownerKey, record.businessUnit, record.parentType,
         record.parentKey, objectToJson(record.extra), now.toMSecsSinceEpoch()});
    if (!query) {
        return query.error();
    }
    return query->next() ? query->value(0).toLongLong() : qint64(0);
}

Result<bool> ActStore::removeContact(qint64 id)
{
    auto query = m_store.exec(u"DELETE FROM crm_records WHERE type = 'contact' AND id = ?"_s, {id});
    if (!query) {
        return query.error();
    }
    return query->numRowsAffected() > 0;
}

Result<QList<ActStore::Link>> ActStore::links(qint64 mailboxId, ActKind kind)
{
    auto query = m_store.exec(u"SELECT id, mailbox_id, kind, record_id, href, etag, base_json, NULL, synced_at "
                              "FROM act_links WHERE mailbox_id = ? AND kind = ? ORDER BY id"_s,
                              {mailboxId, actKindName(kind)});
    if (!query) {
        return query.error();
    }
    QList<Link> links;
    while (query->next()) {
        links.append(linkFromQuery(*query));
    }
    return links;
}

Result<QByteArray> ActStore::serverData(qint64 linkId)
{
    auto query = m_store.exec(u"SELECT server_data FROM act_links WHERE id = ?"_s, {linkId});
    if (!query) {
        return query.error();
    }
    return query->next() ? query->value(0).toByteArray() : QByteArray();
}

Result<QList<ActStore::Link>> ActStore::linksOfRecord(ActKind kind, qint64 recordId)
{
    auto query = m_store.exec(u"SELECT id, mailbox_id, kind, record_id, href, etag, base_json, server_data, synced_at "
                              "FROM act_links WHERE kind = ? AND record_id = ? ORDER BY mailbox_id"_s,
                              {actKindName(kind), recordId});
    if (!query) {
        return query.error();
    }
    QList<Link> links;
    while (query->next()) {
        links.append(linkFromQuery(*query));
    }
    return links;
}

Status ActStore::saveLink(Link &link)
{
    auto query = m_store.exec(
        u"INSERT INTO act_links (mailbox_id, kind, record_id, href, etag, base_json, server_data, synced_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mailbox_id, kind, record_id) DO UPDATE SET href = excluded.href, "
        "etag = excluded.etag, base_json = excluded.base_json, server_data = excluded.server_data, "
        "synced_at = excluded.synced_at RETURNING id"_s,
        {link.mailboxId, actKindName(link.kind), link.recordId, link.href, link.etag, objectToJson(link.base),
         link.serverData, toMs(link.syncedAt)});
    if (!query) {
        return query.error();
    }
    if (query->next()) {
        link.id = query->value(0).toLongLong();
    }
    return {};
}

Status ActStore::removeLink(qint64 linkId)
{
    auto query = m_store.exec(u"DELETE FROM act_links WHERE id = ?"_s, {linkId});
    return query ? Status() : Status(query.error());
}

Status ActStore::removeLinks(qint64 mailboxId, ActKind kind)
{
    auto query =
        m_store.exec(u"DELETE FROM act_links WHERE mailbox_id = ? AND kind = ?"_s, {mailboxId, actKindName(kind)});
    return query ? Status() : Status(query.error());
}

Result<QList<ActStore::Collection>> ActStore::collections(qint64 mailboxId)
{
    auto query = m_store.exec(u"SELECT kind, url, display_name, sync_token, sync_collection, discovered_at, "
                              "checked_at, config_version FROM act_collections WHERE mailbox_id = ?"_s,
                              {mailboxId});
    if (!query) {
        return query.error();
    }
    QList<Collection> collections;
    while (query->next()) {
        collections.append({actKindFromName(query->value(0).toString()).value_or(ActKind::Appointment),
                            query->value(1).toString(), query->value(2).toString(), query->value(3).toString(),
                            query->value(4).toBool(), fromMs(query->value(5)), fromMs(query->value(6)),
                            query->value(7).toLongLong()});
    }
    return collections;
}

Status ActStore::saveCollection(qint64 mailboxId, const Collection &c)
{
    auto query = m_store.exec(
        u"INSERT INTO act_collections (mailbox_id, kind, url, display_name, sync_token, sync_collection, "
        "discovered_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mailbox_id, kind) DO UPDATE SET url = excluded.url, "
        "display_name = excluded.display_name, sync_token = excluded.sync_token, "
        "sync_collection = excluded.sync_collection, discovered_at = excluded.discovered_at"_s,
        {mailboxId, actKindName(c.kind), c.url, c.displayName, c.syncToken, c.syncCollection ? 1 : 0,
         toMs(c.discoveredAt)});
    return query ? Status() : Status(query.error());
}

Status ActStore::setSyncToken(qint64 mailboxId, ActKind kind, const QString &token)
{
    auto query = m_store.exec(u"UPDATE act_collections SET sync_token = ? WHERE mailbox_id = ? AND kind = ?"_s,
                              {token, mailboxId, actKindName(kind)});
    return query ? Status() : Status(query.error());
}

Status ActStore::setChecked(qint64 mailboxId, ActKind kind, const QDateTime &at, qint64 configVersion)
{
    auto query = m_store.exec(
        u"UPDATE act_collections SET checked_at = ?, config_version = ? WHERE mailbox_id = ? AND kind = ?"_s,
        {toMs(at), configVersion, mailboxId, actKindName(kind)});
    return query ? Status() : Status(query.error());
}

Result<bool> ActStore::crmChangedSince(qint64 mailboxId, ActKind kind, const QDateTime &since)
{
    const qint64 ms = since.toMSecsSinceEpoch();
    const QString gone =
        kind == ActKind::Contact
            ? u"SELECT 1 FROM act_links l WHERE l.mailbox_id = ? AND l.kind = ? AND NOT EXISTS (SELECT 1 FROM "
              "crm_records r WHERE r.id = l.record_id AND r.type = 'contact')"_s
            : u"SELECT 1 FROM act_links l WHERE l.mailbox_id = ? AND l.kind = ? AND NOT EXISTS (SELECT 1 FROM "
              "act_records r WHERE r.id = l.record_id)"_s;
    auto missing = m_store.exec(gone + u" LIMIT 1"_s, {mailboxId, actKindName(kind)});
    if (!missing) {
        return missing.error();
    }
    if (missing->next()) {
        return true;
    }
    auto people = m_store.exec(u"SELECT 1 FROM crm_records WHERE updated_at >= ? AND type IN ('contact', 'account', "
                               "'systemuser', 'queue', 'businessunit') LIMIT 1"_s,
                               {ms});
    if (!people) {
        return people.error();
    }
    if (people->next()) {
        return true;
    }
    if (kind == ActKind::Contact) {
        return false;
    }
    auto records = m_store.exec(u"SELECT 1 FROM act_records WHERE kind = ? AND modified_at >= ? LIMIT 1"_s,
                                {actKindName(kind), ms});
    if (!records) {
        return records.error();
    }
    return records->next();
}

Status ActStore::forgetCollections(qint64 mailboxId)
{
    auto query = m_store.exec(u"DELETE FROM act_collections WHERE mailbox_id = ?"_s, {mailboxId});
    return query ? Status() : Status(query.error());
}

Status ActStore::recordConflicts(const QList<Conflict> &conflicts)
{
    for (const Conflict &c : conflicts) {
        auto query = m_store.exec(
            u"INSERT INTO act_conflicts (mailbox_id, kind, record_id, uid, subject, field, crm_value, server_value, "
            "winner, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {c.mailboxId, actKindName(c.kind), c.recordId, c.uid, c.subject, c.field, c.crmValue, c.serverValue,
             c.winner, toMs(c.detectedAt)});
        if (!query) {
            return query.error();
        }
    }
    return {};
}

Result<QList<ActStore::Conflict>> ActStore::conflicts(std::optional<qint64> mailboxId, int limit)
{
    QString sql = u"SELECT id, mailbox_id, kind, record_id, uid, subject, field, crm_value, server_value, winner, "
                  "detected_at FROM act_conflicts"_s;
    QVariantList values;
    if (mailboxId) {
        sql += u" WHERE mailbox_id = ?"_s;
        values.append(*mailboxId);
    }
    sql += u" ORDER BY detected_at DESC, id DESC LIMIT ?"_s;
    values.append(limit);
    auto query = m_store.exec(sql, values);
    if (!query) {
        return query.error();
    }
    QList<Conflict> result;
    while (query->next()) {
        result.append({query->value(0).toLongLong(), query->value(1).toLongLong(),
                       actKindFromName(query->value(2).toString()).value_or(ActKind::Appointment),
                       query->value(3).toLongLong(), query->value(4).toString(), query->value(5).toString(),
                       query->value(6).toString(), query->value(7).toString(), query->value(8).toString(),
                       query->value(9).toString(), fromMs(query->value(10))});
    }
    return result;
}

Result<ActStore::State> ActStore::state(qint64 mailboxId)
{
    auto query = m_store.exec(u"SELECT "_s + kActStateColumns + u" FROM act_state WHERE mailbox_id = ?"_s, {mailboxId});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        State state;
        state.mailboxId = mailboxId;
        return state;
    }
    return actStateFromQuery(*query);
}

Result<QHash<qint64, ActStore::State>> ActStore::states()
{
    auto query = m_store.exec(u"SELECT "_s + kActStateColumns + u" FROM act_state"_s);
    if (!query) {
        return query.error();
    }
    QHash<qint64, State> states;
    while (query->next()) {
        const State state = actStateFromQuery(*query);
        states.insert(state.mailboxId, state);
    }
    return states;
}

Status ActStore::saveState(const State &s)
{
    auto query = m_store.exec(
        u"INSERT INTO act_state ("_s + kActStateColumns +
            u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mailbox_id) DO UPDATE SET "
            "last_attempt_at = excluded.last_attempt_at, last_success_at = excluded.last_success_at, "
            "failures_in_row = excluded.failures_in_row, error_class = excluded.error_class, "
            "error_message = excluded.error_message, error_hint = excluded.error_hint, conflicts = excluded.conflicts, "
            "to_server = excluded.to_server, from_server = excluded.from_server, requested_at = excluded.requested_at"_s,
        {s.mailboxId, toMs(s.lastAttemptAt), toMs(s.lastSuccessAt), s.failuresInRow, s.errorClass, s.errorMessage,
         s.errorHint, s.conflicts, s.toServer, s.fromServer, toMs(s.requestedAt)});
    return query ? Status() : Status(query.error());
}

Status ActStore::markRequested(qint64 mailboxId, const QDateTime &now)
{
    auto query = m_store.exec(u"INSERT INTO act_state (mailbox_id, requested_at) VALUES (?, ?) ON CONFLICT "
                              "(mailbox_id) DO UPDATE SET requested_at = excluded.requested_at"_s,
                              {mailboxId, now.toMSecsSinceEpoch()});
    return query ? Status() : Status(query.error());
}

} // namespace SyncDesk
