#include "diagnosticsjson.h"

#include "model/jsonexport.h"

#include <QJsonArray>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue orNull(qint64 id)
{
    return id > 0 ? QJsonValue(id) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject DiagnosticsJson::alert(const Alert &alert)
{
    QJsonObject json{
        {u"id"_s, alert.id},
        {u"kind"_s, alert.kind},
        {u"severity"_s, alert.severity},
        {u"state"_s, alert.state},
        {u"cause"_s, alert.causeKey},
        {u"mailbox"_s, orNull(alert.mailboxAddress)},
        {u"profile"_s, orNull(alert.profileName)},
        {u"hint_id"_s, orNull(alert.hintId)},
        {u"message"_s, alert.message},
        {u"raised_at"_s, JsonExport::time(alert.raisedAt)},
        {u"updated_at"_s, JsonExport::time(alert.updatedAt)},
        {u"occurrences"_s, alert.occurrences},
        {u"acknowledged_at"_s, JsonExport::time(alert.acknowledgedAt)},
        {u"closed_at"_s, JsonExport::time(alert.closedAt)},
        {u"incident_id"_s, orNull(alert.incidentId)},
    };
    if (alert.kind == u"profile-outage"_s) {
        QJsonArray members;
        int disabled = 0;
        for (const AlertMember &member : alert.members) {
            disabled += member.stillDisabled ? 1 : 0;
            members.append(QJsonObject{{u"mailbox"_s, member.address},
                                       {u"joined_at"_s, JsonExport::time(member.joinedAt)},
                                       {u"error_class"_s, orNull(member.errorClass)},
                                       {u"hint_id"_s, orNull(member.hintId)},
                                       {u"disabled_at"_s, JsonExport::time(member.disabledAt)},
                                       {u"reenabled_at"_s, JsonExport::time(member.reenabledAt)},
                                       {u"still_disabled"_s, member.stillDisabled}});
        }
        json.insert(u"mailboxes"_s, members);
        json.insert(u"disabled_by_incident"_s, disabled);
    }
    return json;
}

QJsonObject DiagnosticsJson::itemFailure(const ItemFailure &failure)
{
    return QJsonObject{
        {u"id"_s, failure.id},
        {u"mailbox"_s, failure.mailboxAddress},
        {u"folder"_s, failure.folder},
        {u"uidvalidity"_s, qint64(failure.uidValidity)},
        {u"uid"_s, failure.pop3Uidl.isEmpty() ? QJsonValue(qint64(failure.uid)) : QJsonValue(QJsonValue::Null)},
        {u"pop3_uidl"_s, orNull(failure.pop3Uidl)},
        {u"message_id"_s, orNull(failure.messageId)},
        {u"subject"_s, orNull(failure.subject)},
        {u"sender"_s, orNull(failure.sender)},
        {u"message_date"_s, JsonExport::time(failure.messageDate)},
        {u"size"_s, failure.size},
        {u"class"_s, errorClassName(failure.errorClass)},
        {u"hint_id"_s, failure.hintId},
        {u"stage"_s, orNull(errorStageName(failure.stage))},
        {u"reason"_s, failure.reason},
        {u"detail"_s, failure.detail},
        {u"first_failed_at"_s, JsonExport::time(failure.firstFailedAt)},
        {u"last_failed_at"_s, JsonExport::time(failure.lastFailedAt)},
        {u"attempts"_s, failure.attempts},
        {u"state"_s, failure.state},
    };
}

QJsonObject DiagnosticsJson::syncRun(const SyncRun &run)
{
    return QJsonObject{
        {u"started_at"_s, JsonExport::time(run.startedAt)},
        {u"finished_at"_s, JsonExport::time(run.finishedAt)},
        {u"duration_ms"_s, run.durationMs()},
        {u"trigger"_s, syncTriggerName(run.trigger)},
        {u"success"_s, run.success},
        {u"items_new"_s, run.itemsNew},
        {u"items_seen"_s, run.itemsSeen},
        {u"error_class"_s, run.success ? QJsonValue(QJsonValue::Null) : QJsonValue(errorClassName(run.errorClass))},
        {u"error_message"_s, orNull(run.errorMessage)},
        {u"node"_s, orNull(run.node)},
        {u"interval_reason"_s, orNull(run.intervalReason)},
    };
}

} // namespace SyncDesk
