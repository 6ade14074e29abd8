#include "logformat.h"

#include <QDateTime>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r')) {
        return text;
    }
    QString quoted = text;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

// Keeps one record on one line with its fields apart.
QString flat(const QString &text)
{
    if (!text.contains(u'\t') && !text.contains(u'\n') && !text.contains(u'\r')) {
        return text;
    }
    QString copy = text;
    copy.replace(u"\r\n"_s, u" "_s).replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
    return copy;
}

} // namespace

QString logTimeText(const QDateTime &at)
{
    if (!at.isValid()) {
        return {};
    }
    const QDateTime local = at.toLocalTime();
    return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODateWithMs);
}

LogExportFormat logExportFormatFor(const QString &fileName)
{
    return fileName.endsWith(u".csv"_s, Qt::CaseInsensitive) ? LogExportFormat::Csv : LogExportFormat::Text;
}

QByteArray logExportHeader(LogExportFormat format)
{
    return format == LogExportFormat::Csv ? QByteArray("time,level,mailbox,category,message\n") : QByteArray();
}

QString logExportLine(const LogRecord &record, LogExportFormat format)
{
    if (format == LogExportFormat::Csv) {
        return logTimeText(record.at) + u',' + logLevelName(record.level) + u',' + csvField(record.mailbox) + u',' +
               csvField(record.category) + u',' + csvField(record.message) + u'\n';
    }
    return logTimeText(record.at) + u' ' + logLevelName(record.level).toUpper().leftJustified(7) + u' ' +
           record.category + (record.mailbox.isEmpty() ? QString() : u" ["_s + record.mailbox + u']') + u' ' +
           flat(record.message) + u'\n';
}

QString logClipboardLine(const LogRecord &record)
{
    return logTimeText(record.at) + u'\t' + logLevelName(record.level) + u'\t' + flat(record.mailbox) + u'\t' +
           flat(record.category) + u'\t' + flat(record.message);
}

} // namespace SyncDesk
