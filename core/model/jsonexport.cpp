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
    return QJsonObject{
        {u"mailbox"_s, activity.mailboxAddress},
        {u"folder"_s, activity.folder},
        {u"uid"_s, qint64(activity.uid)},
        {u"message_id"_s, activity.messageId},
        {u"subject"_s, activity.subject},
        {u"from"_s, activity.from.address},
        {u"to"_s, addresses(activity.to)},
        {u"cc"_s, addresses(activity.cc)},
        {u"date"_s, time(activity.date)},
        {u"body_text"_s, activity.bodyText},
        {u"regarding"_s, regarding},
        {u"correlation"_s,
         activity.correlation.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(activity.correlation)},
        {u"attachments"_s, attachments},
        {u"warnings"_s, QJsonArray::fromStringList(activity.warnings)},
    };
}

} // namespace SyncDesk
