#include "crmstore.h"

#include "store.h"
#include "storerows.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlQuery>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

const QString kActivityColumns = u"id, mailbox_id, message_id, regarding_type, regarding_id"_s;

TrackedActivity activityFrom(const QSqlQuery &query)
{
    TrackedActivity activity;
    activity.activityId = query.value(0).toLongLong();
    activity.mailboxId = query.value(1).toLongLong();
    activity.messageId = query.value(2).toString();
    if (!query.value(3).isNull() && !query.value(3).toString().isEmpty()) {
        activity.regarding = RecordRef{query.value(3).toString(), query.value(4).toString()};
    }
    return activity;
}

TrackRequest requestFrom(const QSqlQuery &query)
{
    TrackRequest request;
    request.id = query.value(0).toLongLong();
    request.mailboxId = query.value(1).toLongLong();
    request.mailboxAddress = query.value(2).toString();
    request.messageId = query.value(3).toString();
    if (!query.value(4).isNull()) {
        request.regarding = RecordRef{query.value(4).toString(), query.value(5).toString()};
    }
    request.state = query.value(6).toString();
    request.reason = query.value(7).toString();
    request.requestedAt = QDateTime::fromMSecsSinceEpoch(query.value(8).toLongLong(), Qt::UTC);
    if (!query.value(9).isNull()) {
        request.completedAt = QDateTime::fromMSecsSinceEpoch(query.value(9).toLongLong(), Qt::UTC);
    }
    request.activityId = query.value(10).toLongLong();
    return request;
}

const QString kRequestSelect =
    u"SELECT r.id, r.mailbox_id, m.address, r.message_id, r.regarding_type, r.regarding_key, "
    "r.state, r.reason, r.requested_at, r.completed_at, COALESCE(r.activity_id, 0) "
    "FROM track_requests r JOIN mailboxes m ON m.id = r.mailbox_id"_s;

} // namespace

CrmStore::CrmStore(Store &store)
    : m_store(store)
{}

Result<CrmStore::UpsertCounts> CrmStore::upsertRecords(const CrmRecordList &records)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    UpsertCounts counts;
    QHash<QString, QString> businessUnits; // system user -> business unit, of this batch
    for (const CrmRecord &record : records) {
        if (record.type == u"systemuser"_s) {
            businessUnits.insert(record.key, record.businessUnit);
        }
    }
    Status status = m_store.transaction([&]() -> Status {
        for (CrmRecord record : records) {
            record.email = record.email.trimmed().toLower();
            if (record.businessUnit.isEmpty() && !record.ownerKey.isEmpty()) {
                if (!businessUnits.contains(record.ownerKey)) {
                    auto user = this->record(u"systemuser"_s, record.ownerKey);
                    if (!user) {
                        return user.error();
                    }
                    businessUnits.insert(record.ownerKey, user->has_value() ? (*user)->businessUnit : QString());
                }
                record.businessUnit = businessUnits.value(record.ownerKey);
            }
            auto existing = this->record(record.type, record.key);
            if (!existing) {
                return existing.error();
            }
            if (!existing->has_value()) {
                ++counts.created;
            } else {
                record.id = (*existing)->id;
                if (record == **existing) {
                    ++counts.unchanged;
                    continue;
                }
                ++counts.updated;
            }
            auto query = m_store.exec(
                u"INSERT INTO crm_records (type, record_key, name, email, owner_key, business_unit, parent_type, "
                "parent_key, extra_json, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (type, record_key) DO UPDATE SET name = excluded.name, email = excluded.email, "
                "owner_key = excluded.owner_key, business_unit = excluded.business_unit, "
                "parent_type = excluded.parent_type, parent_key = excluded.parent_key, "
                "extra_json = excluded.extra_json, updated_at = excluded.updated_at"_s,
                {record.type, record.key, record.name, record.email, record.ownerKey, record.businessUnit,
                 record.parentType, record.parentKey,
                 QString::fromUtf8(QJsonDocument(record.extra).toJson(QJsonDocument::Compact)), now});
            if (!query) {
                return query.error();
            }
        }
        return {};
    });
    if (!status) {
        return status.error();
    }
    return counts;
}

Result<CrmRecordList> CrmStore::records(const QString &type)
{
    auto query = type.isEmpty() ? m_store.exec(u"SELECT "_s + StoreRows::kCrmRecordColumns +
                                               u" FROM crm_records ORDER BY type, name, record_key"_s)
                                : m_store.exec(u"SELECT "_s + StoreRows::kCrmRecordColumns +
                                                   u" FROM crm_records WHERE type = ? ORDER BY name, record_key"_s,
                                               {type});
    if (!query) {
        return query.error();
    }
    CrmRecordList list;
    while (query->next()) {
        list.append(StoreRows::crmRecordFromQuery(*query));
    }
    return list;
}

Result<std::optional<CrmRecord>> CrmStore::record(const QString &type, const QString &key)
{
    auto query = m_store.exec(u"SELECT "_s + StoreRows::kCrmRecordColumns +
                                  u" FROM crm_records WHERE type = ? AND record_key = ?"_s,
                              {type, key});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<CrmRecord>();
    }
    return std::optional<CrmRecord>(StoreRows::crmRecordFromQuery(*query));
}

Result<CrmRecordList> CrmStore::recordsByEmail(const QString &address)
{
    // "email <> ''" lets SQLite use the partial index on email.
    static const QString sql = u"SELECT "_s + StoreRows::kCrmRecordColumns +
                               u" FROM crm_records WHERE email = ? AND email <> '' ORDER BY type, id"_s;
    auto query = m_store.execCached(sql, {address.trimmed().toLower()});
    if (!query) {
        return query.error();
    }
    QSqlQuery &found = **query;
    CrmRecordList list;
    while (found.next()) {
        list.append(StoreRows::crmRecordFromQuery(found));
    }
    found.finish();
    return list;
}

Result<std::optional<TrackedActivity>> CrmStore::activityByMessageId(const QString &messageId)
{
    if (messageId.isEmpty()) {
        return std::optional<TrackedActivity>();
    }
    // A regarding record is what correlation is after: prefer an activity that has one.
    static const QString sql = u"SELECT "_s + kActivityColumns +
                               u" FROM activities WHERE message_id = ? ORDER BY (regarding_type IS NULL), id LIMIT 1"_s;
    auto query = m_store.execCached(sql, {messageId});
    if (!query) {
        return query.error();
    }
    QSqlQuery &found = **query;
    std::optional<TrackedActivity> result;
    if (found.next()) {
        result = activityFrom(found);
    }
    found.finish();
    return result;
}

Result<std::optional<TrackedActivity>> CrmStore::activityById(qint64 activityId)
{
    auto query = m_store.exec(u"SELECT "_s + kActivityColumns + u" FROM activities WHERE id = ?"_s, {activityId});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<TrackedActivity>();
    }
    return std::optional<TrackedActivity>(activityFrom(*query));
}

Result<std::optional<TrackedActivity>> CrmStore::activityInMailbox(qint64 mailboxId, const QString &messageId)
{
    if (messageId.isEmpty()) {
        return std::optional<TrackedActivity>();
    }
    auto query = m_store.exec(u"SELECT "_s + kActivityColumns +
                                  u" FROM activities WHERE mailbox_id = ? AND message_id = ? ORDER BY id LIMIT 1"_s,
                              {mailboxId, messageId});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<TrackedActivity>();
    }
    return std::optional<TrackedActivity>(activityFrom(*query));
}

Status CrmStore::setRegarding(qint64 activityId, const RecordRef &regarding, const QString &correlation)
{
    auto query = m_store.exec(u"UPDATE activities SET regarding_type = ?, regarding_id = ?, correlation = ? "
                              "WHERE id = ?"_s,
                              {regarding.type, regarding.id, correlation, activityId});
    if (!query) {
        return query.error();
    }
    return {};
}

Result<std::optional<TrackedActivity>> CrmStore::latestInConversation(const QString &conversation,
                                                                      const QDateTime &since)
{
    if (conversation.isEmpty()) {
        return std::optional<TrackedActivity>();
    }
    // "conversation <> ''" lets SQLite use the partial index on conversation: without it, a full scan.
    static const QString sql = u"SELECT "_s + kActivityColumns +
                               u" FROM activities WHERE conversation = ? AND conversation <> '' "
                               "AND regarding_type IS NOT NULL AND created_at >= ? ORDER BY id DESC LIMIT 1"_s;
    auto query = m_store.execCached(sql, {conversation, since.toMSecsSinceEpoch()});
    if (!query) {
        return query.error();
    }
    QSqlQuery &found = **query;
    std::optional<TrackedActivity> result;
    if (found.next()) {
        result = activityFrom(found);
    }
    found.finish();
    return result;
}

Result<QHash<QString, TrackedActivity>> CrmStore::latestInConversations(const QStringList &conversations,
                                                                        const QDateTime &since)
{
    QHash<QString, TrackedActivity> latest;
    QStringList keys;
    for (const QString &conversation : conversations) {
        if (!conversation.isEmpty() && !keys.contains(conversation)) {
            keys.append(conversation);
        }
    }
    // A batch's replies, in statements of 100 (SQLite's and PostgreSQL's parameter limits are far); the latest
    // row of each conversation only (a busy subject has many).
    static const QString sql = u"SELECT "_s + kActivityColumns +
                               u", conversation FROM activities WHERE id IN (SELECT MAX(id) FROM activities WHERE "
                               "conversation IN ("_s +
                               QStringList(100, u"?"_s).join(u", "_s) +
                               u") AND conversation <> '' AND regarding_type IS NOT NULL AND created_at >= ? "
                               "GROUP BY conversation)"_s;
    for (qsizetype from = 0; from < keys.size(); from += 100) {
        // Always 100 values (the rest '', which "conversation <> ''" matches nowhere): one statement text,
        // prepared once per connection.
        const QStringList part = keys.mid(from, 100);
        QVariantList values;
        values.reserve(101);
        for (const QString &key : part) {
            values.append(key);
        }
        while (values.size() < 100) {
            values.append(QString(u""_s));
        }
        values.append(since.toMSecsSinceEpoch());
        auto query = m_store.execCached(sql, values);
        if (!query) {
            return query.error();
        }
        QSqlQuery &found = **query;
        while (found.next()) {
            const QString conversation = found.value(5).toString();
            if (!latest.contains(conversation)) {
                latest.insert(conversation, activityFrom(found)); // the first row of each is its latest
            }
        }
        found.finish();
    }
    return latest;
}

Result<qint64> CrmStore::addTrackRequest(const TrackRequest &request)
{
    const QVariant nullText(QMetaType::fromType<QString>());
    auto query = m_store.exec(
        u"INSERT INTO track_requests (mailbox_id, message_id, regarding_type, regarding_key, "
        "state, requested_at) VALUES (?, ?, ?, ?, 'pending', ?) RETURNING id"_s,
        {request.mailboxId, request.messageId, request.regarding ? QVariant(request.regarding->type) : nullText,
         request.regarding ? QVariant(request.regarding->id) : nullText,
         (request.requestedAt.isValid() ? request.requestedAt : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch()});
    if (!query) {
        return query.error();
    }
    return query->next() ? query->value(0).toLongLong() : qint64(0);
}

Result<QList<TrackRequest>> CrmStore::pendingTrackRequests(qint64 mailboxId)
{
    auto query =
        m_store.exec(kRequestSelect + u" WHERE r.mailbox_id = ? AND r.state = 'pending' ORDER BY r.id"_s, {mailboxId});
    if (!query) {
        return query.error();
    }
    QList<TrackRequest> list;
    while (query->next()) {
        list.append(requestFrom(*query));
    }
    return list;
}

Result<QList<TrackRequest>> CrmStore::trackRequests(std::optional<qint64> mailboxId, int limit)
{
    auto query = mailboxId ? m_store.exec(kRequestSelect + u" WHERE r.mailbox_id = ? ORDER BY r.id DESC LIMIT ?"_s,
                                          {*mailboxId, limit})
                           : m_store.exec(kRequestSelect + u" ORDER BY r.id DESC LIMIT ?"_s, {limit});
    if (!query) {
        return query.error();
    }
    QList<TrackRequest> list;
    while (query->next()) {
        list.append(requestFrom(*query));
    }
    return list;
}

Status CrmStore::completeTrackRequest(qint64 requestId, const QString &state, const QString &reason, qint64 activityId,
                                      const QDateTime &now)
{
    auto query =
        m_store.exec(u"UPDATE track_requests SET state = ?, reason = ?, activity_id = ?, completed_at = ? "
                     "WHERE id = ?"_s,
                     {state, reason, activityId > 0 ? QVariant(activityId) : QVariant(QMetaType::fromType<qint64>()),
                      now.toMSecsSinceEpoch(), requestId});
    if (!query) {
        return query.error();
    }
    return {};
}

Status CrmStore::addWithheld(qint64 mailboxId, qint64 items, qint64 fields)
{
    if (items == 0 && fields == 0) {
        return {};
    }
    auto query = m_store.exec(u"UPDATE mailbox_state SET items_withheld = items_withheld + ?, "
                              "fields_withheld = fields_withheld + ? WHERE mailbox_id = ?"_s,
                              {items, fields, mailboxId});
    if (!query) {
        return query.error();
    }
    return {};
}

} // namespace SyncDesk
