#include "outboxstore.h"

#include "store.h"
#include "storerows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

namespace SyncDesk {

using namespace Qt::StringLiterals;
using namespace StoreRows;

namespace {

const QString kOutgoingColumns =
    u"o.status, o.owner, o.bcc_json, o.body_html, o.raw_message, o.attempts, o.next_attempt_at, "
    "o.first_attempt_at, o.last_attempt_at, o.sent_at, o.created_at, o.updated_at, o.error_class, "
    "o.error_message, o.error_hint, o.server_reply, o.refused_json, o.sent_copy, o.interruptions"_s;
const QString kFrom =
    u" FROM outgoing_emails o JOIN activities a ON a.id = o.activity_id JOIN mailboxes m ON m.id = o.mailbox_id"_s;

QString refusedToJson(const QList<RefusedRecipient> &refused)
{
    QJsonArray array;
    for (const RefusedRecipient &recipient : refused) {
        array.append(QJsonObject{{u"address"_s, recipient.address}, {u"reply"_s, recipient.reply}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<RefusedRecipient> refusedFromJson(const QString &json)
{
    QList<RefusedRecipient> refused;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : array) {
        refused.append({value[u"address"_s].toString(), value[u"reply"_s].toString()});
    }
    return refused;
}

OutgoingEmail emailFromQuery(const QSqlQuery &query)
{
    OutgoingEmail email;
    email.activity = activityFromQuery(query);
    constexpr int o = 28; // after kActivityColumns
    email.status = outgoingStatusFromName(query.value(o + 0).toString()).value_or(OutgoingStatus::Failed);
    email.owner = query.value(o + 1).toString();
    email.bcc = addressesFromJson(query.value(o + 2).toString());
    email.bodyHtml = query.value(o + 3).toString();
    email.rawMessage = query.value(o + 4).toByteArray();
    email.attempts = query.value(o + 5).toInt();
    email.nextAttemptAt = fromMs(query.value(o + 6));
    email.firstAttemptAt = fromMs(query.value(o + 7));
    email.lastAttemptAt = fromMs(query.value(o + 8));
    email.sentAt = fromMs(query.value(o + 9));
    email.createdAt = fromMs(query.value(o + 10));
    email.updatedAt = fromMs(query.value(o + 11));
    email.errorClass = query.value(o + 12).toString();
    email.errorMessage = query.value(o + 13).toString();
    email.errorHint = query.value(o + 14).toString();
    email.serverReply = query.value(o + 15).toString();
    email.refused = refusedFromJson(query.value(o + 16).toString());
    email.sentCopy = query.value(o + 17).toString();
    email.interruptions = query.value(o + 18).toInt();
    return email;
}

} // namespace

OutboxStore::OutboxStore(Store &store)
    : m_store(store)
{}

Result<qint64> OutboxStore::create(OutgoingEmail email, const Builder &build)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 id = 0;
    Status status = m_store.transaction([&]() -> Status {
        Activity &activity = email.activity;
        // Not in a server folder yet: folder '' and UIDVALIDITY 0, a UID of its own among the mailbox's outbox.
        auto next = m_store.exec(u"SELECT COALESCE(MAX(uid), 0) + 1 FROM activities WHERE mailbox_id = ? AND "
                                 "folder = '' AND uidvalidity = 0"_s,
                                 {activity.mailboxId});
        if (!next) {
            return next.error();
        }
        const qint64 uid = next->next() ? next->value(0).toLongLong() : 1;
        next->finish();
        const QVariant nullText(QMetaType::fromType<QString>());
        const QString placeholder = u"outgoing:%1:%2"_s.arg(activity.mailboxId).arg(uid);
        auto inserted = m_store.exec(
            u"INSERT INTO activities (mailbox_id, folder, uidvalidity, uid, message_id, dedupe_key, subject, "
            "from_name, from_address, to_json, cc_json, sent_at, body_text, regarding_type, regarding_id, "
            "correlation, created_at, in_reply_to, references_json, attachments_json, size_bytes, warnings_json, "
            "parties_json, withheld_json, conversation, direction) "
            "VALUES (?, '', 0, ?, '', ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, 0, '[]', ?, '[]', ?, "
            "'outgoing') RETURNING id"_s,
            {activity.mailboxId, uid, placeholder, activity.subject, activity.from.name, activity.from.address,
             addressesToJson(activity.to), addressesToJson(activity.cc), activity.bodyText,
             activity.regarding ? QVariant(activity.regarding->type) : nullText,
             activity.regarding ? QVariant(activity.regarding->id) : nullText, activity.correlation, now,
             activity.inReplyTo, stringsToJson(activity.references), attachmentsToJson(activity.attachments),
             partiesToJson(activity.parties), activity.conversation});
        if (!inserted) {
            return inserted.error();
        }
        if (!inserted->next()) {
            return SyncError::make(ErrorClass::Internal, u"internal-error"_s, u"the activity was not inserted"_s);
        }
        id = inserted->value(0).toLongLong();
        inserted->finish();
        activity.id = id;
        auto raw = build(email);
        if (!raw) {
            return raw.error();
        }
        auto keyed = m_store.exec(
            u"UPDATE activities SET message_id = ?, dedupe_key = ?, subject = ?, "
            "size_bytes = ?, conversation = ? WHERE id = ?"_s,
            {activity.messageId, activity.messageId, activity.subject, raw->size(), activity.conversation, id});
        if (!keyed) {
            return keyed.error();
        }
        auto outgoing = m_store.exec(
            u"INSERT INTO outgoing_emails (activity_id, mailbox_id, status, owner, bcc_json, body_html, raw_message, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {id, activity.mailboxId, outgoingStatusName(email.status), email.owner, addressesToJson(email.bcc),
             email.bodyHtml, *raw, now, now});
        return outgoing ? Status() : Status(outgoing.error());
    });
    if (!status) {
        return status.error();
    }
    return id;
}

Result<std::optional<OutgoingEmail>> OutboxStore::email(qint64 activityId)
{
    auto query = m_store.exec(u"SELECT "_s + kActivityColumns + u", "_s + kOutgoingColumns + kFrom +
                                  u" WHERE o.activity_id = ?"_s,
                              {activityId});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return std::optional<OutgoingEmail>();
    }
    return std::optional<OutgoingEmail>(emailFromQuery(*query));
}

Result<QList<OutgoingEmail>> OutboxStore::emails(const Filter &filter)
{
    QString columns = kOutgoingColumns;
    if (!filter.withMessage) { // a listing: the same columns, without the large ones
        columns.replace(u"o.body_html, o.raw_message"_s, u"NULL, NULL"_s);
    }
    QString sql = u"SELECT "_s + kActivityColumns + u", "_s + columns + kFrom + u" WHERE 1 = 1"_s;
    QVariantList values;
    if (filter.mailboxId) {
        sql += u" AND o.mailbox_id = ?"_s;
        values.append(*filter.mailboxId);
    }
    if (filter.status) {
        sql += u" AND o.status = ?"_s;
        values.append(outgoingStatusName(*filter.status));
    }
    if (!filter.statuses.isEmpty()) {
        QStringList marks;
        for (OutgoingStatus status : filter.statuses) {
            marks.append(u"?"_s);
            values.append(outgoingStatusName(status));
        }
        sql += u" AND o.status IN ("_s + marks.join(u", "_s) + u')';
    }
    sql += u" ORDER BY o.activity_id DESC LIMIT ?"_s;
    values.append(qMax(1, filter.limit));
    auto query = m_store.exec(sql, values);
    if (!query) {
        return query.error();
    }
    QList<OutgoingEmail> emails;
    while (query->next()) {
        emails.append(emailFromQuery(*query));
    }
    return emails;
}

Result<bool> OutboxStore::transition(qint64 activityId, const QList<OutgoingStatus> &from, OutgoingStatus to,
                                     const QDateTime &now)
{
    QStringList placeholders;
    QVariantList values{outgoingStatusName(to), now.toMSecsSinceEpoch()};
    QString reset;
    if (to == OutgoingStatus::PendingSend) {
        reset = u", attempts = 0, next_attempt_at = NULL, first_attempt_at = NULL, error_class = '', "
                "error_message = '', error_hint = '', refused_json = '[]', server_reply = ''"_s;
    }
    values.append(activityId);
    for (OutgoingStatus status : from) {
        placeholders.append(u"?"_s);
        values.append(outgoingStatusName(status));
    }
    auto query = m_store.exec(u"UPDATE outgoing_emails SET status = ?, updated_at = ?"_s + reset +
                                  u" WHERE activity_id = ? AND status IN ("_s + placeholders.join(u", "_s) + u")"_s,
                              values);
    if (!query) {
        return query.error();
    }
    return query->numRowsAffected() > 0;
}

Result<bool> OutboxStore::hasWork(qint64 mailboxId, const QDateTime &now)
{
    auto query = m_store.exec(u"SELECT 1 FROM outgoing_emails WHERE mailbox_id = ? AND (status = 'sending' OR "
                              "(status = 'sent' AND sent_copy = '') OR "
                              "(status = 'pending-send' AND (next_attempt_at IS NULL OR next_attempt_at <= ?))) "
                              "LIMIT 1"_s,
                              {mailboxId, now.toMSecsSinceEpoch()});
    if (!query) {
        return query.error();
    }
    return query->next();
}

Result<QList<OutgoingEmail>> OutboxStore::interrupted(qint64 mailboxId)
{
    auto query = m_store.exec(u"SELECT "_s + kActivityColumns + u", "_s + kOutgoingColumns + kFrom +
                                  u" WHERE o.mailbox_id = ? AND o.status = 'sending' ORDER BY o.activity_id"_s,
                              {mailboxId});
    if (!query) {
        return query.error();
    }
    QList<OutgoingEmail> emails;
    while (query->next()) {
        emails.append(emailFromQuery(*query));
    }
    return emails;
}

Result<QList<qint64>> OutboxStore::copiesPending(qint64 mailboxId)
{
    auto query = m_store.exec(u"SELECT activity_id FROM outgoing_emails WHERE mailbox_id = ? AND status = 'sent' "
                              "AND sent_copy = '' ORDER BY activity_id"_s,
                              {mailboxId});
    if (!query) {
        return query.error();
    }
    QList<qint64> ids;
    while (query->next()) {
        ids.append(query->value(0).toLongLong());
    }
    return ids;
}

Result<QList<qint64>> OutboxStore::due(qint64 mailboxId, const QDateTime &now, int limit)
{
    auto query = m_store.exec(u"SELECT activity_id FROM outgoing_emails WHERE mailbox_id = ? AND "
                              "status = 'pending-send' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) "
                              "ORDER BY activity_id LIMIT ?"_s,
                              {mailboxId, now.toMSecsSinceEpoch(), qMax(1, limit)});
    if (!query) {
        return query.error();
    }
    QList<qint64> ids;
    while (query->next()) {
        ids.append(query->value(0).toLongLong());
    }
    return ids;
}

Result<bool> OutboxStore::claim(OutgoingEmail &email, const QDateTime &now)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    // Conditional: an email cancelled meanwhile (by the CLI) is not taken.
    auto taken = m_store.exec(u"UPDATE outgoing_emails SET status = 'sending', attempts = attempts + 1, "
                              "last_attempt_at = ?, first_attempt_at = COALESCE(first_attempt_at, ?), updated_at = ? "
                              "WHERE activity_id = ? AND status = 'pending-send'"_s,
                              {nowMs, nowMs, nowMs, email.activity.id});
    if (!taken) {
        return taken.error();
    }
    if (taken->numRowsAffected() == 0) {
        return false;
    }
    email.status = OutgoingStatus::Sending;
    ++email.attempts;
    email.lastAttemptAt = now;
    if (!email.firstAttemptAt.isValid()) {
        email.firstAttemptAt = now;
    }
    return true;
}

Status OutboxStore::markSent(qint64 activityId, const QString &serverReply, const QList<RefusedRecipient> &refused,
                             const QDateTime &now)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    return m_store.transaction([&]() -> Status {
        auto query = m_store.exec(u"UPDATE outgoing_emails SET status = 'sent', sent_at = ?, server_reply = ?, "
                                  "refused_json = ?, next_attempt_at = NULL, updated_at = ? WHERE activity_id = ?"_s,
                                  {nowMs, serverReply, refusedToJson(refused), nowMs, activityId});
        if (!query) {
            return query.error();
        }
        auto dated =
            m_store.exec(u"UPDATE activities SET sent_at = COALESCE(sent_at, ?) WHERE id = ?"_s, {nowMs, activityId});
        return dated ? Status() : Status(dated.error());
    });
}

Status OutboxStore::markSentCopy(qint64 activityId, const QString &state, const QString &folder, quint32 uidValidity,
                                 quint32 uid)
{
    return m_store.transaction([&]() -> Status {
        auto query = m_store.exec(u"UPDATE outgoing_emails SET sent_copy = ?, updated_at = ? WHERE activity_id = ?"_s,
                                  {state, QDateTime::currentMSecsSinceEpoch(), activityId});
        if (!query) {
            return query.error();
        }
        if (folder.isEmpty() || uid == 0) {
            return {};
        }
        // The activity is now the message in Sent; the Sent folder's sync finds it by its Message-ID.
        auto moved = m_store.exec(
            u"UPDATE activities SET folder = ?, uidvalidity = ?, uid = ? WHERE id = ? AND "
            "NOT EXISTS (SELECT 1 FROM activities b WHERE b.mailbox_id = activities.mailbox_id "
            "AND b.folder = ? AND b.uidvalidity = ? AND b.uid = ?)"_s,
            {folder, qint64(uidValidity), qint64(uid), activityId, folder, qint64(uidValidity), qint64(uid)});
        return moved ? Status() : Status(moved.error());
    });
}

Status OutboxStore::markAttemptFailed(qint64 activityId, const SyncError &error,
                                      const std::optional<QDateTime> &retryAt, const QDateTime &now)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    auto query =
        m_store.exec(u"UPDATE outgoing_emails SET status = ?, next_attempt_at = ?, error_class = ?, error_message = ?, "
                     "error_hint = ?, server_reply = ?, updated_at = ? WHERE activity_id = ?"_s,
                     {outgoingStatusName(retryAt ? OutgoingStatus::PendingSend : OutgoingStatus::Failed),
                      retryAt ? toMs(*retryAt) : QVariant(QMetaType::fromType<qint64>()),
                      errorClassName(error.errorClass), error.message, error.hintId, error.detail, nowMs, activityId});
    return query ? Status() : Status(query.error());
}

Status OutboxStore::requeueInterrupted(qint64 activityId, const QDateTime &now)
{
    auto query = m_store.exec(u"UPDATE outgoing_emails SET status = 'pending-send', interruptions = interruptions + 1, "
                              "updated_at = ? WHERE activity_id = ? AND status = 'sending'"_s,
                              {now.toMSecsSinceEpoch(), activityId});
    return query ? Status() : Status(query.error());
}

Result<OutboxStore::Summary> OutboxStore::summary(qint64 mailboxId)
{
    auto all = summaries(mailboxId);
    if (!all) {
        return all.error();
    }
    return all->value(mailboxId);
}

Result<QHash<qint64, OutboxStore::Summary>> OutboxStore::summaries()
{
    return summaries(std::nullopt);
}

Result<QHash<qint64, OutboxStore::Summary>> OutboxStore::summaries(std::optional<qint64> mailboxId)
{
    QHash<qint64, Summary> result;
    const QString where = mailboxId ? u" WHERE mailbox_id = ?"_s : QString();
    const QVariantList values = mailboxId ? QVariantList{*mailboxId} : QVariantList{};
    auto counts = m_store.exec(u"SELECT mailbox_id, status, COUNT(*), MIN(created_at), MAX(sent_at), "
                               "MAX(last_attempt_at) FROM outgoing_emails"_s +
                                   where + u" GROUP BY mailbox_id, status"_s,
                               values);
    if (!counts) {
        return counts.error();
    }
    while (counts->next()) {
        Summary &summary = result[counts->value(0).toLongLong()];
        const auto status = outgoingStatusFromName(counts->value(1).toString());
        const int count = counts->value(2).toInt();
        const QDateTime oldest = fromMs(counts->value(3));
        const QDateTime lastAttempt = fromMs(counts->value(5));
        if (lastAttempt.isValid() && (!summary.lastAttempt.isValid() || lastAttempt > summary.lastAttempt)) {
            summary.lastAttempt = lastAttempt;
        }
        switch (status.value_or(OutgoingStatus::Cancelled)) {
        case OutgoingStatus::Draft:
            summary.drafts += count;
            break;
        case OutgoingStatus::PendingSend:
        case OutgoingStatus::Sending:
            summary.pending += count;
            if (!summary.oldestPending.isValid() || oldest < summary.oldestPending) {
                summary.oldestPending = oldest;
            }
            break;
        case OutgoingStatus::Sent:
            summary.lastSent = fromMs(counts->value(4));
            break;
        case OutgoingStatus::Failed:
            summary.failed += count;
            break;
        case OutgoingStatus::Cancelled:
            break;
        }
    }
    counts->finish();
    // The latest failure of an email still waiting or failed, newest first: the first per mailbox counts when
    // it came after the mailbox's last successful send.
    auto failing = m_store.exec(u"SELECT mailbox_id, attempts, error_class, error_message, error_hint, updated_at "
                                "FROM outgoing_emails WHERE error_class <> '' AND status IN ('pending-send', "
                                "'sending', 'failed')"_s +
                                    (mailboxId ? u" AND mailbox_id = ?"_s : QString()) + u" ORDER BY updated_at DESC"_s,
                                values);
    if (!failing) {
        return failing.error();
    }
    QSet<qint64> seen;
    while (failing->next()) {
        const qint64 id = failing->value(0).toLongLong();
        if (seen.contains(id)) {
            continue;
        }
        seen.insert(id);
        Summary &summary = result[id];
        if (summary.lastSent.isValid() && fromMs(failing->value(5)) < summary.lastSent) {
            continue;
        }
        summary.failuresInRow = failing->value(1).toInt();
        summary.lastErrorClass = failing->value(2).toString();
        summary.lastErrorMessage = failing->value(3).toString();
        summary.lastErrorHint = failing->value(4).toString();
    }
    return result;
}

} // namespace SyncDesk
