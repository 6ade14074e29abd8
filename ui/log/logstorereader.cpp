#include "logstorereader.h"

#include "logformat.h"
#include "store/store.h"

#include <QSaveFile>

#include <algorithm>
#include <limits>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

bool isAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

// What SQL can narrow down; the filter itself decides (full Unicode case folding, regular expressions).
LogQuery queryFor(const LogFilter &filter)
{
    LogQuery query;
    query.minimumLevel = filter.minimumLevel();
    query.mailbox = filter.mailbox();
    if (filter.textMode() == LogFilter::TextMode::Substring && isAscii(filter.text())) {
        query.text = filter.text();
    }
    return query;
}

} // namespace

LogStoreReader::LogStoreReader(const StoreConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{
    qRegisterMetaType<QList<SyncDesk::LogRecord>>();
}

LogStoreReader::~LogStoreReader() = default;

void LogStoreReader::cancel(quint64 request)
{
    QMutexLocker locker(&m_mutex);
    m_cancelled.insert(request);
}

void LogStoreReader::cancelAll()
{
    m_stopping = true;
}

bool LogStoreReader::isCancelled(quint64 request) const
{
    if (m_stopping) {
        return true;
    }
    QMutexLocker locker(&m_mutex);
    return m_cancelled.contains(request);
}

void LogStoreReader::forget(quint64 request)
{
    QMutexLocker locker(&m_mutex);
    m_cancelled.remove(request);
}

void LogStoreReader::setConfig(const StoreConfig &config)
{
    if (config == m_config) {
        return;
    }
    m_store.reset();
    m_config = config;
}

bool LogStoreReader::ensureStore(quint64 request)
{
    if (m_store) {
        return true;
    }
    auto opened = Store::open(m_config);
    if (!opened) {
        Q_EMIT failed(request, opened.error().toString());
        return false;
    }
    m_store = std::move(opened).value();
    return true;
}

void LogStoreReader::loadBefore(quint64 request, qint64 beforeId, int limit)
{
    if (!ensureStore(request)) {
        return;
    }
    auto records = m_store->logRecordsBefore(beforeId, limit);
    if (!records) {
        Q_EMIT failed(request, records.error().toString());
        return;
    }
    const bool reachedStart = records->size() < limit;
    Q_EMIT recordsLoaded(request, *records, reachedStart);
}

void LogStoreReader::search(quint64 request, const LogFilter &requested, qint64 beforeId, int limit)
{
    if (!ensureStore(request)) {
        return;
    }
    // A copy of our own: the compiled expression is not shared with the window's thread.
    const LogFilter filter(requested.minimumLevel(), requested.mailbox(), requested.text(), requested.textMode());
    const LogQuery query = queryFor(filter);
    const bool sqlDecidesText = !query.text.isEmpty() || !filter.hasText();
    auto first = m_store->firstLogId();
    auto last = m_store->lastLogId();
    if (!first || !last) {
        Q_EMIT failed(request, (!first ? first.error() : last.error()).toString());
        return;
    }
    qint64 high = qMin(beforeId, *last + 1);
    const qint64 start = high;
    const qint64 total = qMax<qint64>(0, start - *first);
    qint64 matched = 0;
    while (high > *first && matched < limit) {
        if (isCancelled(request)) {
            forget(request);
            return;
        }
        const qint64 low = qMax(*first, high - kWindow);
        const int remaining = int(limit - matched);
        const int sqlLimit = sqlDecidesText ? remaining : int(kWindow);
        auto rows = m_store->logRecordsMatching(query, low, high, sqlLimit);
        if (!rows) {
            Q_EMIT failed(request, rows.error().toString());
            return;
        }
        QList<LogRecord> found;
        for (const LogRecord &record : std::as_const(*rows)) { // newest first
            if (filter.accepts(record)) {
                found.append(record);
                if (found.size() == remaining) {
                    break;
                }
            }
        }
        if (found.size() == remaining && !found.isEmpty()) {
            high = found.constLast().id; // more may match before this one: "search further" goes on from here
        } else if (rows->size() == sqlLimit && !rows->isEmpty()) {
            high = rows->constLast().id;
        } else {
            high = low;
        }
        matched += found.size();
        std::reverse(found.begin(), found.end());
        Q_EMIT searchProgress(request, found, start - high, total);
    }
    forget(request);
    Q_EMIT searchFinished(request, matched, high > *first ? high : 0);
}

void LogStoreReader::exportMatching(quint64 request, const QString &fileName, const LogFilter &requested,
                                    const QList<LogRecord> &extra)
{
    if (!ensureStore(request)) {
        Q_EMIT exportFinished(request, fileName, 0, tr("the database cannot be read"));
        return;
    }
    const LogFilter filter(requested.minimumLevel(), requested.mailbox(), requested.text(), requested.textMode());
    const LogQuery query = queryFor(filter);
    const LogExportFormat format = logExportFormatFor(fileName);
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        Q_EMIT exportFinished(request, fileName, 0, file.errorString());
        return;
    }
    file.write(logExportHeader(format));
    auto first = m_store->firstLogId();
    auto last = m_store->lastLogId();
    if (!first || !last) {
        file.cancelWriting();
        Q_EMIT exportFinished(request, fileName, 0, (!first ? first.error() : last.error()).toString());
        return;
    }
    qint64 written = 0;
    for (qint64 low = *first; low <= *last && *last > 0; low += kWindow) {
        if (isCancelled(request)) {
            forget(request);
            file.cancelWriting();
            //: why an export failed: the user cancelled it
            Q_EMIT exportFinished(request, fileName, written, tr("cancelled"));
            return;
        }
        auto rows = m_store->logRecordsMatching(query, low, low + kWindow, int(kWindow));
        if (!rows) {
            file.cancelWriting();
            Q_EMIT exportFinished(request, fileName, written, rows.error().toString());
            return;
        }
        QString chunk;
        for (auto it = rows->crbegin(); it != rows->crend(); ++it) { // oldest first
            if (filter.accepts(*it)) {
                chunk += logExportLine(*it, format);
                ++written;
            }
        }
        if (file.write(chunk.toUtf8()) < 0) {
            file.cancelWriting();
            Q_EMIT exportFinished(request, fileName, written, file.errorString());
            return;
        }
        Q_EMIT exportProgress(request, written);
    }
    QString chunk;
    for (const LogRecord &record : extra) {
        if (filter.accepts(record)) {
            chunk += logExportLine(record, format);
            ++written;
        }
    }
    file.write(chunk.toUtf8());
    forget(request);
    if (!file.commit()) {
        Q_EMIT exportFinished(request, fileName, 0, file.errorString());
        return;
    }
    Q_EMIT exportFinished(request, fileName, written, QString());
}

void LogStoreReader::exportRecords(quint64 request, const QString &fileName, const QList<LogRecord> &records)
{
    const LogExportFormat format = logExportFormatFor(fileName);
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        Q_EMIT exportFinished(request, fileName, 0, file.errorString());
        return;
    }
    file.write(logExportHeader(format));
    qint64 written = 0;
    constexpr qsizetype kChunk = 20000;
    for (qsizetype from = 0; from < records.size(); from += kChunk) {
        if (isCancelled(request)) {
            forget(request);
            file.cancelWriting();
            //: why an export failed: the user cancelled it
            Q_EMIT exportFinished(request, fileName, written, tr("cancelled"));
            return;
        }
        QString chunk;
        for (qsizetype i = from; i < qMin(records.size(), from + kChunk); ++i) {
            chunk += logExportLine(records.at(i), format);
            ++written;
        }
        file.write(chunk.toUtf8());
        Q_EMIT exportProgress(request, written);
    }
    forget(request);
    if (!file.commit()) {
        Q_EMIT exportFinished(request, fileName, 0, file.errorString());
        return;
    }
    Q_EMIT exportFinished(request, fileName, written, QString());
}

} // namespace SyncDesk
