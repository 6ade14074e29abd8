#include "logpersister.h"

#include "logger.h"
#include "store/store.h"

#include <cstdio>

namespace SyncDesk {

LogPersister::LogPersister(Store &store, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LogPersister::flush);
}

LogPersister::~LogPersister()
{
    flush();
}

void LogPersister::start()
{
    m_timer.start();
}

void LogPersister::flush()
{
    const QList<LogRecord> records = Logger::instance().takePending();
    if (records.isEmpty()) {
        return;
    }
    if (Status written = m_store.appendLog(records); !written) {
        // Nowhere else to put it: the log is the thing that failed.
        std::fprintf(stderr, "syncdesk: could not persist %lld log records: %s\n", qlonglong(records.size()),
                     qPrintable(written.error().toString()));
    }
}

} // namespace SyncDesk
