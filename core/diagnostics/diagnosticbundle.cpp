#include "diagnosticbundle.h"

#include "config/passwordsource.h"
#include "diagnosticsjson.h"
#include "hintcatalog.h"
#include "model/jsonexport.h"
#include "redactor.h"
#include "scheduler/schedulersettings.h"
#include "store/diagnosticsstore.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSysInfo>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QJsonValue redacted(const QJsonValue &value, const Redactor &redactor)
{
    if (value.isString()) {
        return redactor.redact(value.toString());
    }
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray()) {
            array.append(redacted(item, redactor));
        }
        return array;
    }
    if (value.isObject()) {
        QJsonObject object;
        const QJsonObject source = value.toObject();
        for (auto it = source.begin(); it != source.end(); ++it) {
            object.insert(it.key(), redacted(it.value(), redactor));
        }
        return object;
    }
    return value;
}

QJsonValue endpointJson(const Endpoint &endpoint)
{
    return QJsonObject{
        {u"protocol"_s, protocolName(endpoint.protocol)},
        {u"host"_s, endpoint.host},
        {u"port"_s, endpoint.port},
        {u"security"_s, securityName(endpoint.security)},
        {u"ca_file"_s, endpoint.caFile.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(endpoint.caFile)}};
}

} // namespace

Result<QJsonObject> DiagnosticBundle::build(Store &store, const QString &address, const QDateTime &now,
                                            const DiagnosticBundleOptions &options)
{
    auto found = store.mailboxByAddress(address);
    if (!found) {
        return found.error();
    }
    if (!found->has_value()) {
        return SyncError::make(ErrorClass::Config, u"config-invalid"_s,
                               QCoreApplication::translate("DiagnosticBundle", "no mailbox %1 in %2")
                                   .arg(address, store.config().describe()));
    }
    const Mailbox mailbox = **found;
    auto profile = store.profile(mailbox.profileId);
    auto statuses = store.mailboxStatuses();
    auto runs = store.recentRuns(mailbox.id, options.runs);
    auto alerts = store.alerts(true);
    DiagnosticsStore diagnostics(store);
    auto failures = diagnostics.itemFailures(mailbox.id);
    auto lastLog = store.lastLogId();
    auto scheduler = store.setting(u"scheduler"_s);
    for (const SyncError *error :
         {profile ? nullptr : &profile.error(), statuses ? nullptr : &statuses.error(), runs ? nullptr : &runs.error(),
          alerts ? nullptr : &alerts.error(), failures ? nullptr : &failures.error(),
          lastLog ? nullptr : &lastLog.error(), scheduler ? nullptr : &scheduler.error()}) {
        if (error) {
            return *error;
        }
    }
    LogQuery query;
    query.mailbox = mailbox.address;
    auto log = store.logRecordsMatching(query, 0, *lastLog + 1, options.logRecords);
    if (!log) {
        return log.error();
    }

    // The password itself is removed wherever it appears (when it can be read here).
    Redactor redactor;
    const PasswordSource source = PasswordSource::parse(mailbox.passwordSource);
    if (auto password = source.resolve()) {
        redactor.addSecret(*password, mailbox.username);
    }

    QJsonObject mailboxJson{
        {u"address"_s, mailbox.address},
        {u"profile"_s, mailbox.profileName},
        {u"username"_s, mailbox.username},
        // Where the password comes from, never the password (nor the file's content).
        {u"password_source"_s, source.kind() == PasswordSource::Kind::File          ? u"file"_s
                               : source.kind() == PasswordSource::Kind::Environment ? u"environment"_s
                                                                                    : u"none"_s},
        {u"enabled"_s, mailbox.enabled},
        {u"disabled_reason"_s, mailbox.enabled ? QJsonValue(QJsonValue::Null) : QJsonValue(mailbox.disabledReason)},
        {u"folders"_s, QJsonArray::fromStringList(mailbox.folders)},
        {u"verbose_log"_s, mailbox.verboseLog},
    };
    QJsonObject profileJson;
    if (profile->has_value()) {
        const ServerProfile &server = **profile;
        profileJson = QJsonObject{
            {u"name"_s, server.name},
            {u"incoming"_s, endpointJson(server.incoming)},
            {u"outgoing"_s, server.outgoing ? endpointJson(*server.outgoing) : QJsonValue(QJsonValue::Null)},
            {u"max_concurrent_connections"_s, server.maxConcurrentConnections},
        };
    }
    QJsonObject statusJson;
    const int grace = SchedulerSettings().withStored(*scheduler).overdueGraceSeconds;
    for (const MailboxStatus &status : std::as_const(*statuses)) {
        if (status.mailbox.id == mailbox.id) {
            statusJson = JsonExport::mailboxStatus(status, now, grace);
            if (status.state.lastErrorStage != ErrorStage::Unknown) {
                QJsonObject lastError = statusJson.value(u"last_error"_s).toObject();
                lastError.insert(u"stage"_s, errorStageName(status.state.lastErrorStage));
                statusJson.insert(u"last_error"_s, lastError);
            }
        }
    }
    QJsonArray runArray;
    for (const SyncRun &run : std::as_const(*runs)) {
        runArray.append(DiagnosticsJson::syncRun(run));
    }
    QJsonArray alertArray;
    for (const Alert &alert : std::as_const(*alerts)) {
        if (alert.mailboxId != mailbox.id && !(alert.mailboxId == 0 && alert.profileId == mailbox.profileId)) {
            continue;
        }
        Alert full = alert;
        if (alert.kind == u"profile-outage"_s) {
            if (auto members = diagnostics.incidentMembers(alert.id)) {
                full.members = *members;
            }
        }
        alertArray.append(DiagnosticsJson::alert(full));
        if (alertArray.size() >= 200) {
            break;
        }
    }
    QJsonArray failureArray;
    for (const ItemFailure &failure : std::as_const(*failures)) {
        QJsonObject json = DiagnosticsJson::itemFailure(failure);
        json.remove(u"sender"_s); // a correspondent's address: not needed to diagnose the node
        failureArray.append(json);
    }
    QJsonArray logArray;
    for (qsizetype i = log->size() - 1; i >= 0; --i) { // oldest first
        const LogRecord &record = log->at(i);
        logArray.append(QJsonObject{{u"at"_s, record.at.toString(Qt::ISODateWithMs)},
                                    {u"level"_s, logLevelName(record.level)},
                                    {u"category"_s, record.category},
                                    {u"message"_s, record.message}});
    }
    QJsonArray hints;
    QStringList seen;
    auto addHint = [&](const QString &id) {
        const Hint hint = HintCatalog::instance().hint(id);
        if (hint.isValid() && !seen.contains(id)) {
            seen.append(id);
            hints.append(QJsonObject{{u"id"_s, hint.id},
                                     {u"title"_s, hint.title},
                                     {u"explanation"_s, hint.explanation},
                                     {u"remedy"_s, QJsonArray::fromStringList(hint.remedy)}});
        }
    };
    addHint(statusJson.value(u"last_error"_s).toObject().value(u"hint_id"_s).toString());
    for (const ItemFailure &failure : std::as_const(*failures)) {
        addHint(failure.hintId);
    }

    const QJsonObject bundle{
        {u"format"_s, u"syncdesk-diagnostic-bundle"_s},
        {u"format_version"_s, 1},
        {u"generated_at"_s, JsonExport::time(now)},
        {u"syncdesk_version"_s, QStringLiteral(SYNCDESK_VERSION)},
        {u"host"_s, QSysInfo::machineHostName()},
        {u"os"_s, QSysInfo::prettyProductName()},
        {u"redacted"_s, u"passwords, credentials in protocol traces and message contents are removed"_s},
        {u"mailbox"_s, mailboxJson},
        {u"profile"_s, profileJson},
        {u"status"_s, statusJson},
        {u"hints"_s, hints},
        {u"recent_runs"_s, runArray},
        {u"alerts"_s, alertArray},
        {u"item_failures"_s, failureArray},
        {u"log"_s, logArray},
    };
    return redacted(bundle, redactor).toObject();
}

Status DiagnosticBundle::write(Store &store, const QString &address, const QString &path, const QDateTime &now,
                               const DiagnosticBundleOptions &options)
{
    auto bundle = build(store, address, now, options);
    if (!bundle) {
        return bundle.error();
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(QJsonDocument(*bundle).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        return SyncError::make(
            ErrorClass::Config, u"config-invalid"_s,
            QCoreApplication::translate("DiagnosticBundle", "cannot write the diagnostic bundle %1: %2")
                .arg(path, file.errorString()));
    }
    return {};
}

} // namespace SyncDesk
