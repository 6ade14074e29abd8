#include "jsonexport.h"

#include "diagnostics/hintcatalog.h"

#include <QJsonArray>

namespace SyncDesk {

using namespace Qt::StringLiterals;

QJsonValue JsonExport::time(const QDateTime &time)
{
    if (!time.isValid()) {
        return QJsonValue::Null;
    }
    return time.toUTC().toString(Qt::ISODate);
}

QJsonValue JsonExport::seconds(qint64 ms)
{
    if (ms % 1000 == 0) {
        return qint64(ms / 1000);
    }
    return double(ms) / 1000.0;
}

QJsonObject JsonExport::mailboxStatus(const MailboxStatus &status, const QDateTime &now, int graceSeconds,
                                      bool engineRunning)
{
    const MailboxState &state = status.state;
    QJsonValue lastError = QJsonValue::Null;
    if (state.hasError()) {
        lastError = QJsonObject{
            {u"class"_s, errorClassName(state.lastErrorClass)},
            {u"message"_s, state.lastErrorMessage},
            {u"hint_id"_s, state.lastErrorHintId},
            {u"hint"_s, HintCatalog::instance().summary(state.lastErrorHintId)},
        };
    }
    const bool overdue = status.isOverdue(now, graceSeconds);
    QJsonValue overdueCause = QJsonValue::Null;
    if (overdue) {
        overdueCause = !engineRunning                  ? u"no-engine"_s
                       : !state.overdueCause.isEmpty() ? state.overdueCause
                                                       : u"workers-busy"_s;
    }
    return QJsonObject{
        {u"address"_s, status.mailbox.address},
        {u"profile"_s, status.mailbox.profileName},
        {u"enabled"_s, status.mailbox.enabled},
        {u"state"_s, runStateName(status.runState(now))},
        {u"interval_seconds"_s, seconds(state.intervalMs)},
        {u"interval_reason"_s, intervalReasonName(state.intervalReason)},
        {u"last_sync_at"_s, time(state.lastSyncAt)},
        {u"last_success_at"_s, time(state.lastSuccessAt)},
        {u"next_due_at"_s, time(state.nextDueAt)},
        {u"consecutive_failures"_s, state.consecutiveFailures},
        {u"items_last_sync"_s, state.itemsLastSync},
        {u"last_error"_s, lastError},
        {u"overdue"_s, overdue},
        {u"overdue_cause"_s, overdueCause},
        {u"disabled_reason"_s, status.mailbox.enabled || status.mailbox.disabledReason.isEmpty()
                                   ? QJsonValue(QJsonValue::Null)
                                   : QJsonValue(status.mailbox.disabledReason)},
        {u"owner"_s,
         status.mailbox.ownerKey.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(status.mailbox.owner())},
        {u"tracking"_s, trackingOptionName(status.mailbox.tracking)},
        {u"items_withheld"_s, state.itemsWithheld},
        {u"fields_withheld"_s, state.fieldsWithheld},
        {u"last_audit"_s, state.lastAuditAt.isValid() ? QJsonValue(QJsonObject{{u"time"_s, time(state.lastAuditAt)},
                                                                               {u"missing"_s, state.lastAuditMissing}})
                                                      : QJsonValue(QJsonValue::Null)},
    };
}

QJsonObject JsonExport::activity(const Activity &activity)
{
    auto addresses = [](const QList<EmailAddress> &list) {
        QJsonArray array;
        for (const EmailAddress &address : list) {
            array.append(address.address);
        }
        return array;
    };
    QJsonValue regarding = QJsonValue::Null;
    if (activity.regarding) {
        regarding = QJsonObject{{u"type"_s, activity.regarding->type}, {u"id"_s, activity.regarding->id}};
    }
    QJsonArray attachments;
    for (const AttachmentInfo &attachment : activity.attachments) {
        attachments.append(QJsonObject{
            {u"name"_s, attachment.fileName}, {u"type"_s, attachment.contentType}, {u"size"_s, attachment.size}});
    }
    QJsonArray parties;
    for (const ActivityParty &party : activity.parties) {
        parties.append(QJsonObject{{u"role"_s, party.role},
                                   {u"address"_s, party.address},
                                   {u"type"_s, party.record.type},
                                   {u"id"_s, party.record.id}});
    }
    // A withheld field is null, and listed in withheld_fields: the owner may not sync it, it is not empty.
    auto unlessWithheld = [&](const QString &field, const QJsonValue &value) {
        return activity.withheldFields.contains(field) ? QJsonValue(QJsonValue::Null) : value;
    };
    return QJsonObject{
        {u"id"_s, activity.id},
        {u"mailbox"_s, activity.mailboxAddress},
        {u"folder"_s, activity.folder},
        {u"uid"_s, qint64(activity.uid)},
        {u"message_id"_s, activity.messageId},
        {u"subject"_s, activity.subject},
        {u"from"_s, activity.from.address},
        {u"to"_s, addresses(activity.to)},
        {u"cc"_s, unlessWithheld(u"cc"_s, addresses(activity.cc))},
        {u"date"_s, time(activity.date)},
        {u"body_text"_s, unlessWithheld(u"body"_s, activity.bodyText)},
        {u"regarding"_s, regarding},
        {u"correlation"_s, activity.correlation.isEmpty() ? u"none"_s : activity.correlation},
        {u"parties"_s, parties},
        {u"withheld_fields"_s, QJsonArray::fromStringList(activity.withheldFields)},
        {u"attachments"_s, unlessWithheld(u"attachments"_s, attachments)},
        {u"warnings"_s, QJsonArray::fromStringList(activity.warnings)},
    };
}

QJsonObject JsonExport::crmRecord(const CrmRecord &record)
{
    QJsonObject object{
        {u"type"_s, record.type},
        {u"id"_s, record.key},
        {u"name"_s, record.name},
        {u"email"_s, record.email.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(record.email)},
        {u"owner"_s, record.ownerKey.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(record.ownerKey)},
        {u"business_unit"_s,
         record.businessUnit.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(record.businessUnit)},
        {u"parent"_s, record.parentKey.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                 : QJsonValue(record.parentType + u':' + record.parentKey)},
    };
    for (auto it = record.extra.begin(); it != record.extra.end(); ++it) {
        object.insert(it.key(), it.value());
    }
    return object;
}

QJsonObject JsonExport::trackRequest(const TrackRequest &request)
{
    return QJsonObject{
        {u"id"_s, request.id},
        {u"mailbox"_s, request.mailboxAddress},
        {u"message_id"_s, request.messageId},
        {u"regarding"_s, request.regarding ? QJsonValue(request.regarding->type + u':' + request.regarding->id)
                                           : QJsonValue(QJsonValue::Null)},
        {u"state"_s, request.state},
        {u"reason"_s, request.reason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(request.reason)},
        {u"requested_at"_s, time(request.requestedAt)},
        {u"completed_at"_s, time(request.completedAt)},
        {u"activity_id"_s, request.activityId > 0 ? QJsonValue(request.activityId) : QJsonValue(QJsonValue::Null)},
    };
}

} // namespace SyncDesk
