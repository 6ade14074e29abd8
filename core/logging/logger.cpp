#include "logger.h"

#include "model/untrustedtext.h"

#include <QMutexLocker>

#include <cstdio>

namespace SyncDesk {

using namespace Qt::StringLiterals;

Logger &Logger::instance()
{
    static Logger logger;
    return logger;
}

void Logger::log(LogLevel level, const QString &category, const QString &mailbox, const QString &message)
{
    LogRecord record;
    record.level = level;
    record.category = category;
    record.mailbox = mailbox;
    record.message = message;
    append(std::move(record));
}

void Logger::log(LogLevel level, const QString &category, const QString &mailbox, const QString &message,
                 const SyncError &error)
{
    LogRecord record;
    record.level = level;
    record.category = category;
    record.mailbox = mailbox;
    record.message = message;
    record.errorClass = errorClassName(error.errorClass);
    record.hintId = error.hintId;
    append(std::move(record));
}

void Logger::append(LogRecord record)
{
    const QString rawMailbox = record.mailbox;
    record.at = QDateTime::currentDateTimeUtc();
    record.mailbox = UntrustedText::withoutControls(record.mailbox);
    // Server replies end up here: no escape sequence reaches a terminal, no control character the log.
    record.message = UntrustedText::withoutControls(record.message);

    bool echo = false;
    std::shared_ptr<const EchoSink> sink;
    {
        QMutexLocker locker(&m_mutex);
        if (record.level < m_minimumLevel &&
            !(record.level == LogLevel::Debug && !rawMailbox.isEmpty() && m_verboseMailboxes.contains(rawMailbox))) {
            return;
        }
        echo = m_echoLevel.has_value() && record.level >= *m_echoLevel;
        sink = m_echoSink;
        m_recent.push_back(record);
        while (qsizetype(m_recent.size()) > m_recentCapacity) {
            m_recent.pop_front();
        }
        m_pending.push_back(record);
        while (qsizetype(m_pending.size()) > m_pendingCapacity) {
            m_pending.pop_front();
            ++m_dropped;
        }
    }
    if (echo && sink) {
        (*sink)(record);
    } else if (echo) {
        const QString line = record.at.toString(Qt::ISODateWithMs) + u' ' + logLevelName(record.level).toUpper() +
                             u' ' + record.category +
                             (record.mailbox.isEmpty() ? QString() : u" ["_s + record.mailbox + u']') + u' ' +
                             record.message + u'\n';
        std::fputs(line.toLocal8Bit().constData(), stderr);
    }
}

void Logger::setEchoSink(EchoSink sink)
{
    QMutexLocker locker(&m_mutex);
    m_echoSink = sink ? std::make_shared<const EchoSink>(std::move(sink)) : nullptr;
}

void Logger::setMinimumLevel(LogLevel level)
{
    QMutexLocker locker(&m_mutex);
    m_minimumLevel = level;
}

LogLevel Logger::minimumLevel() const
{
    QMutexLocker locker(&m_mutex);
    return m_minimumLevel;
}

void Logger::setVerboseMailboxes(const QSet<QString> &addresses)
{
    QMutexLocker locker(&m_mutex);
    m_verboseMailboxes = addresses;
}

QSet<QString> Logger::verboseMailboxes() const
{
    QMutexLocker locker(&m_mutex);
    return m_verboseMailboxes;
}

bool Logger::isDebugEnabled(const QString &mailbox) const
{
    QMutexLocker locker(&m_mutex);
    return m_minimumLevel <= LogLevel::Debug || (!mailbox.isEmpty() && m_verboseMailboxes.contains(mailbox));
}

void Logger::setEchoLevel(std::optional<LogLevel> level)
{
    QMutexLocker locker(&m_mutex);
    m_echoLevel = level;
}

QList<LogRecord> Logger::recent() const
{
    QMutexLocker locker(&m_mutex);
    return QList<LogRecord>(m_recent.begin(), m_recent.end());
}

QList<LogRecord> Logger::takePending()
{
    QMutexLocker locker(&m_mutex);
    QList<LogRecord> records(m_pending.begin(), m_pending.end());
    m_pending.clear();
    return records;
}

qint64 Logger::droppedCount() const
{
    QMutexLocker locker(&m_mutex);
    return m_dropped;
}

void Logger::setCapacity(qsizetype recentCapacity, qsizetype pendingCapacity)
{
    QMutexLocker locker(&m_mutex);
    m_recentCapacity = qMax<qsizetype>(1, recentCapacity);
    m_pendingCapacity = qMax<qsizetype>(1, pendingCapacity);
}

namespace Log {
void debug(const QString &category, const QString &mailbox, const QString &message)
{
    Logger::instance().log(LogLevel::Debug, category, mailbox, message);
}
void info(const QString &category, const QString &mailbox, const QString &message)
{
    Logger::instance().log(LogLevel::Info, category, mailbox, message);
}
void warning(const QString &category, const QString &mailbox, const QString &message)
{
    Logger::instance().log(LogLevel::Warning, category, mailbox, message);
}
void error(const QString &category, const QString &mailbox, const QString &message)
{
    Logger::instance().log(LogLevel::Error, category, mailbox, message);
}
void error(const QString &category, const QString &mailbox, const QString &message, const SyncError &failure)
{
    Logger::instance().log(LogLevel::Error, category, mailbox, message, failure);
}
} // namespace Log

} // namespace SyncDesk
