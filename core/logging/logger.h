#pragma once

#include "diagnostics/syncerror.h"
#include "logrecord.h"

#include <QList>
#include <QMutex>
#include <QSet>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace SyncDesk {

// Process-wide structured log. Thread-safe: workers, the scheduler and the UI all log through it.
// Keeps a bounded ring buffer of recent records and a bounded queue of records waiting to be
// persisted (LogPersister drains it into the store). Optionally echoes to stderr.
class Logger final
{
public:
    static Logger &instance();

    void log(LogLevel level, const QString &category, const QString &mailbox, const QString &message);
    // A failure: the record carries its error class and hint id besides the message.
    void log(LogLevel level, const QString &category, const QString &mailbox, const QString &message,
             const SyncError &error);

    // Records below this level are dropped (debug is off unless asked for).
    void setMinimumLevel(LogLevel level);
    LogLevel minimumLevel() const;
    // Mailboxes (addresses) whose debug records are kept even when the minimum level is higher: the
    // per-mailbox verbose log an operator switches on (`syncdesk-node mailbox verbose ADDRESS on`).
    void setVerboseMailboxes(const QSet<QString> &addresses);
    QSet<QString> verboseMailboxes() const;
    // Whether a debug record about this mailbox would be kept (protocol traces are only built then).
    bool isDebugEnabled(const QString &mailbox) const;
    // Echo records at or above this level to stderr; nullopt turns the echo off.
    void setEchoLevel(std::optional<LogLevel> level);
    // Where the echo goes instead of stderr (the systemd journal, with fields); empty: stderr again. Called
    // in the thread that logs, outside the logger's lock.
    using EchoSink = std::function<void(const LogRecord &record)>;
    void setEchoSink(EchoSink sink);

    QList<LogRecord> recent() const;
    QList<LogRecord> takePending();
    // How many records were dropped because nobody drained the pending queue fast enough.
    qint64 droppedCount() const;

    void setCapacity(qsizetype recentCapacity, qsizetype pendingCapacity);

private:
    Logger() = default;

    mutable QMutex m_mutex;
    std::deque<LogRecord> m_recent;
    std::deque<LogRecord> m_pending;
    qsizetype m_recentCapacity = 5000;
    qsizetype m_pendingCapacity = 100000;
    qint64 m_dropped = 0;
    LogLevel m_minimumLevel = LogLevel::Info;
    QSet<QString> m_verboseMailboxes;
    std::optional<LogLevel> m_echoLevel;
    std::shared_ptr<const EchoSink> m_echoSink;

    void append(LogRecord record);
};

namespace Log {
void debug(const QString &category, const QString &mailbox, const QString &message);
void info(const QString &category, const QString &mailbox, const QString &message);
void warning(const QString &category, const QString &mailbox, const QString &message);
void error(const QString &category, const QString &mailbox, const QString &message);
void error(const QString &category, const QString &mailbox, const QString &message, const SyncError &failure);
} // namespace Log

} // namespace SyncDesk
