#pragma once

#include "logging/logfilter.h"
#include "logging/logrecord.h"
#include "store/storeconfig.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QSet>

#include <atomic>
#include <memory>

namespace SyncDesk {

class Store;

// Reads the persisted log for the log viewer, in a thread of its own with its own store connection, so
// that the window never waits on the disk: pages of older records, searches over the whole log and
// exports to a file. Long jobs walk the log in id windows, report progress and can be cancelled between
// two windows. Every request carries an id that its answers repeat.
class LogStoreReader final : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kWindow = 50000; // ids per step of a search or an export

    explicit LogStoreReader(const StoreConfig &config, QObject *parent = nullptr);
    ~LogStoreReader() override; // in the reader's thread: it closes the connection

    // Thread-safe: the job stops before its next window (an export leaves no file behind).
    void cancel(quint64 request);
    // Thread-safe: every job stops.
    void cancelAll();

    // These run in the reader's thread (QMetaObject::invokeMethod).
    // Another database (or none: an empty path); the next job opens it.
    void setConfig(const StoreConfig &config);
    // The newest `limit` records before beforeId (answer: recordsLoaded, oldest first).
    void loadBefore(quint64 request, qint64 beforeId, int limit);
    // Records before beforeId that pass the filter, newest first, until `limit` of them are found
    // (answers: searchProgress per window, then searchFinished).
    void search(quint64 request, const LogFilter &filter, qint64 beforeId, int limit);
    // Every record of the store that passes the filter, oldest first, then `extra` (records the
    // console holds that are not in the store), into fileName (answers: exportProgress, exportFinished).
    void exportMatching(quint64 request, const QString &fileName, const LogFilter &filter,
                        const QList<LogRecord> &extra);
    void exportRecords(quint64 request, const QString &fileName, const QList<LogRecord> &records);

Q_SIGNALS:
    void recordsLoaded(quint64 request, const QList<SyncDesk::LogRecord> &records, bool reachedStart);
    // This window's matches, oldest first; scanned of total ids looked at so far.
    void searchProgress(quint64 request, const QList<SyncDesk::LogRecord> &found, qint64 scanned, qint64 total);
    // continueBeforeId: where "search further" starts; 0 when the search reached the oldest record.
    void searchFinished(quint64 request, qint64 matched, qint64 continueBeforeId);
    void exportProgress(quint64 request, qint64 written);
    void exportFinished(quint64 request, const QString &fileName, qint64 written, const QString &error);
    void failed(quint64 request, const QString &error);

private:
    bool ensureStore(quint64 request);
    bool isCancelled(quint64 request) const;
    void forget(quint64 request);

    StoreConfig m_config;
    std::unique_ptr<Store> m_store;
    mutable QMutex m_mutex;
    QSet<quint64> m_cancelled;
    std::atomic<bool> m_stopping{false};
};

} // namespace SyncDesk
