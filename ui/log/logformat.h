#pragma once

#include "logging/logrecord.h"

#include <QByteArray>
#include <QString>

namespace SyncDesk {

// How log records leave the console: on the clipboard (tab-separated, one record per line, so that they
// paste into a spreadsheet) and in export files (CSV with a header line, or plain text lines like the
// node's log on stderr). Times are local, ISO 8601 with milliseconds and the UTC offset.
enum class LogExportFormat { Csv, Text };

// CSV for *.csv, text otherwise.
LogExportFormat logExportFormatFor(const QString &fileName);
QByteArray logExportHeader(LogExportFormat format);                     // empty for text
QString logExportLine(const LogRecord &record, LogExportFormat format); // ends with '\n'
QString logClipboardLine(const LogRecord &record);                      // tab-separated, no '\n'
QString logTimeText(const QDateTime &at);

} // namespace SyncDesk
