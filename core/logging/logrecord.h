#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace SyncDesk {

enum class LogLevel { Debug = 0, Info = 1, Warning = 2, Error = 3 };

QString logLevelName(LogLevel level);
LogLevel logLevelFromName(const QString &name, LogLevel fallback = LogLevel::Info);

// One structured log record. id is 0 until the record is persisted.
struct LogRecord
{
    qint64 id = 0;
    QDateTime at;
    LogLevel level = LogLevel::Info;
    QString category; // "sync", "imap", "scheduler", "store", "config", "node", "console"
    QString mailbox;  // address, empty when the record is not about one mailbox
    QString message;
    // A failure's error class and hint id ("Network", "tls-untrusted"), for structured sinks such as the
    // journal; not kept in the store (the message has both in words).
    QString errorClass = {};
    QString hintId = {};

    friend bool operator==(const LogRecord &, const LogRecord &) = default;
};

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::LogRecord)
