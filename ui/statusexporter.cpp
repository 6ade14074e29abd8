#include "statusexporter.h"

#include "model/jsonexport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QByteArray csvField(const QJsonValue &value)
{
    QString text;
    if (value.isNull() || value.isUndefined()) {
        text = QString();
    } else if (value.isBool()) {
        text = value.toBool() ? u"true"_s : u"false"_s;
    } else if (value.isDouble()) {
        text = QString::number(value.toDouble(), 'g', 12);
    } else {
        text = value.toString();
    }
    // Quote everything that needs it; a leading =, +, - or @ would be a formula in a spreadsheet.
    if (!text.isEmpty() &&
        (text.front() == u'=' || text.front() == u'+' || text.front() == u'-' || text.front() == u'@')) {
        text.prepend(u'\'');
    }
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r')) {
        text = u'"' + text.replace(u"\""_s, u"\"\""_s) + u'"';
    }
    return text.toUtf8();
}

} // namespace

QByteArray StatusExporter::csv(const QList<MailboxStatus> &statuses, const QDateTime &now, int overdueGraceSeconds,
                               bool engineRunning)
{
    static const char *const kColumns[] = {
        "address",         "profile",      "enabled",         "state",          "interval_seconds",
        "interval_reason", "last_sync_at", "last_success_at", "next_due_at",    "consecutive_failures",
        "items_last_sync", "overdue",      "overdue_cause",   "disabled_reason"};
    QByteArray out;
    for (size_t i = 0; i < std::size(kColumns); ++i) {
        out += (i ? "," : "") + QByteArray(kColumns[i]);
    }
    out += ",error_class,error_message,hint_id,hint\r\n";
    for (const MailboxStatus &status : statuses) {
        const QJsonObject object = JsonExport::mailboxStatus(status, now, overdueGraceSeconds, engineRunning);
        for (size_t i = 0; i < std::size(kColumns); ++i) {
            out += (i ? "," : "") + csvField(object.value(QLatin1StringView(kColumns[i])));
        }
        const QJsonObject error = object.value(u"last_error"_s).toObject();
        for (const QString &key : {u"class"_s, u"message"_s, u"hint_id"_s, u"hint"_s}) {
            out += ',' + csvField(error.value(key));
        }
        out += "\r\n";
    }
    return out;
}

QString StatusExporter::write(const QString &path, const QList<MailboxStatus> &statuses, const QDateTime &now,
                              int overdueGraceSeconds, bool engineRunning, Format format)
{
    QByteArray content;
    if (format == Format::Json) {
        QJsonArray array;
        for (const MailboxStatus &status : statuses) {
            array.append(JsonExport::mailboxStatus(status, now, overdueGraceSeconds, engineRunning));
        }
        content = QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        content = csv(statuses, now, overdueGraceSeconds, engineRunning);
    }
    // All or nothing: a half-written export never replaces a good one.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        return QCoreApplication::translate("StatusExporter", "Cannot write %1: %2").arg(path, file.errorString());
    }
    return {};
}

} // namespace SyncDesk
