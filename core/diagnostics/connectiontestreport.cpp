#include "connectiontestreport.h"

#include "hintcatalog.h"

#include <QJsonArray>

namespace SyncDesk {

using namespace Qt::StringLiterals;

QString connectionStepStatusName(ConnectionStep::Status status)
{
    switch (status) {
    case ConnectionStep::Status::Running:
        return u"running"_s;
    case ConnectionStep::Status::Passed:
        return u"passed"_s;
    case ConnectionStep::Status::Failed:
        return u"failed"_s;
    case ConnectionStep::Status::Skipped:
        return u"skipped"_s;
    }
    return u"running"_s;
}

QJsonObject syncErrorToJson(const SyncError &error)
{
    QJsonObject json{
        {u"class"_s, errorClassName(error.errorClass)},
        {u"hint_id"_s, error.hintId},
        {u"stage"_s,
         error.stage == ErrorStage::Unknown ? QJsonValue(QJsonValue::Null) : QJsonValue(errorStageName(error.stage))},
        {u"message"_s, error.message},
        {u"detail"_s, error.detail},
        {u"transient"_s, error.transient},
        {u"scope"_s, errorScopeName(error.scope)},
        {u"retry_after_ms"_s, error.retryAfterMs},
    };
    const Hint hint = HintCatalog::instance().hint(error.hintId);
    if (hint.isValid()) {
        json.insert(u"hint"_s, QJsonObject{{u"id"_s, hint.id},
                                           {u"severity"_s, hint.severity},
                                           {u"title"_s, hint.title},
                                           {u"explanation"_s, hint.explanation},
                                           {u"remedy"_s, QJsonArray::fromStringList(hint.remedy)}});
    } else {
        json.insert(u"hint"_s, QJsonValue::Null);
    }
    return json;
}

QJsonObject ConnectionStep::toJson() const
{
    return QJsonObject{
        {u"step"_s, id},
        {u"title"_s, title},
        {u"status"_s, connectionStepStatusName(status)},
        {u"ms"_s, ms},
        {u"detail"_s, detail},
        {u"data"_s, data},
        {u"error"_s, error ? QJsonValue(syncErrorToJson(*error)) : QJsonValue(QJsonValue::Null)},
    };
}

QJsonObject ServerFolder::toJson() const
{
    return QJsonObject{
        {u"name"_s, name},
        {u"delimiter"_s, delimiter.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(delimiter)},
        {u"selectable"_s, selectable},
        {u"special_use"_s, specialUse.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(specialUse)},
    };
}

QJsonObject ConnectionTestReport::toJson() const
{
    QJsonArray stepArray;
    for (const ConnectionStep &step : steps) {
        stepArray.append(step.toJson());
    }
    QJsonObject json{
        {u"mailbox"_s, mailbox},
        {u"profile"_s, profile},
        {u"protocol"_s, protocol},
        {u"ok"_s, passed()},
        {u"cancelled"_s, cancelled},
        {u"ms"_s, ms},
        {u"steps"_s, stepArray},
        {u"error"_s, error ? QJsonValue(syncErrorToJson(*error)) : QJsonValue(QJsonValue::Null)},
    };
    if (folders) {
        QJsonArray folderArray;
        for (const ServerFolder &folder : *folders) {
            folderArray.append(folder.toJson());
        }
        json.insert(u"folders"_s, folderArray);
        json.insert(u"folders_truncated"_s, foldersTruncated);
    }
    return json;
}

} // namespace SyncDesk
