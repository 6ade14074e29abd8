// The log viewer's records: the live records (paused, resumed, older ones loaded) and the search of the
// database in the background.

#include "logfilterproxy.h"
#include "logformat.h"
#include "logrecordmodel.h"
#include "logstorereader.h"
#include "logviewer.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStringListModel>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kNewest = std::numeric_limits<qint64>::max();

} // namespace

// --- live records ---------------------------------------------------------------------------------

void LogViewer::setCapacity(int records)
{
    m_live->setCapacity(records);
    m_results->setCapacity(records);
    while (qsizetype(m_pending.size()) > m_live->capacity()) {
        m_pending.pop_front();
        m_pendingOverflowed = true;
    }
    updateState();
}

int LogViewer::capacity() const
{
    return m_live->capacity();
}

void LogViewer::setStore(const StoreConfig &config)
{
    m_hasStore = !config.sqlitePath.isEmpty();
    m_atStart = false;
    toReader([reader = m_reader, config] { reader->setConfig(config); });
    updateState();
}

void LogViewer::appendRecords(const QList<LogRecord> &records)
{
    if (records.isEmpty()) {
        return;
    }
    if (m_paused) {
        toPending(records);
        updateState();
        return;
    }
    m_incoming.append(records);
    if (!m_coalesceTimer.isActive()) {
        flushPendingAppends(); // the first batch at once, then at most one every kCoalesceMs
        m_coalesceTimer.start();
    }
}

void LogViewer::toPending(const QList<LogRecord> &records)
{
    m_unseen += records.size();
    for (const LogRecord &record : records) {
        m_pending.push_back(record);
    }
    while (qsizetype(m_pending.size()) > m_live->capacity()) {
        m_pending.pop_front();
        m_pendingOverflowed = true;
    }
}

void LogViewer::flushPendingAppends()
{
    if (m_incoming.isEmpty()) {
        return;
    }
    QList<LogRecord> batch;
    batch.swap(m_incoming);
    if (m_paused) {
        toPending(batch);
        updateState();
        return;
    }
    m_live->append(batch);
    if (m_mode == Mode::Live && m_following) {
        scrollToBottom();
    }
    updateState();
}

void LogViewer::setPaused(bool paused)
{
    if (paused == m_paused) { // while detached m_paused is set: resuming goes on below
        return;
    }
    if (paused) {
        flushPendingAppends();
        m_paused = true;
        updateState();
        return;
    }
    if (m_detached) {
        if (m_hasStore) {
            // The newest records left memory when older ones came in: read them again.
            if (m_newestRequest == 0) {
                const quint64 request = m_newestRequest = nextRequest();
                const int limit = m_live->capacity();
                toReader([reader = m_reader, request, limit] { reader->loadBefore(request, kNewest, limit); });
                showMessage(tr("Reading the newest records…"));
            }
            updateState();
            return;
        }
        resumeFromPending({}, true);
        return;
    }
    resumeFromPending({}, false);
}

void LogViewer::resumeFromPending(const QList<LogRecord> &newest, bool replace)
{
    QList<LogRecord> records = newest;
    const qint64 lastId = newest.isEmpty() ? 0 : newest.constLast().id;
    for (const LogRecord &record : m_pending) {
        if (record.id == 0 || record.id > lastId) {
            records.append(record);
        }
    }
    m_pending.clear();
    m_pendingOverflowed = false;
    m_unseen = 0;
    m_paused = false;
    m_detached = false;
    m_atStart = false;
    if (replace) {
        m_live->replace(records);
    } else {
        m_live->append(records);
    }
    m_following = true;
    if (m_mode == Mode::Live) {
        scrollToBottom();
    }
    updateState();
}

void LogViewer::loadOlder()
{
    if (!m_hasStore || m_olderRequest != 0 || m_atStart) {
        return;
    }
    const qint64 beforeId = m_live->rowCount() == 0 ? kNewest : m_live->firstId();
    if (beforeId <= 0) {
        return; // records that are not in the store: nothing to page from
    }
    const quint64 request = m_olderRequest = nextRequest();
    toReader([reader = m_reader, request, beforeId] { reader->loadBefore(request, beforeId, kOlderPage); });
    showMessage(tr("Loading older records…"));
    updateState();
}

void LogViewer::onRecordsLoaded(quint64 request, const QList<LogRecord> &records, bool reachedStart)
{
    if (request == m_newestRequest) {
        m_newestRequest = 0;
        showMessage(QString());
        resumeFromPending(records, true);
        return;
    }
    if (request != m_olderRequest) {
        return;
    }
    m_olderRequest = 0;
    m_atStart = reachedStart;
    QList<LogRecord> older = records;
    if (m_live->rowCount() == 0) {
        older.clear(); // nothing held yet: the page is the newest, appended in order below
        m_live->append(records);
    }
    const int droppedNewest = m_live->prepend(older);
    if (droppedNewest > 0 && !m_detached) {
        // The newest records had to go to make room: stop following until the user goes back to them.
        m_detached = true;
        m_paused = true;
    }
    showMessage(records.isEmpty() ? tr("No older records in the database")
                                  : tr("Loaded %Ln older record(s)", nullptr, int(records.size())),
                8000);
    updateState();
    Q_EMIT olderRecordsLoaded(int(records.size()));
}

// --- database search ------------------------------------------------------------------------------

void LogViewer::searchDatabase()
{
    if (!m_hasStore || !m_filterErrorText.isEmpty()) {
        return;
    }
    m_searchAgainTimer.stop();
    startSearch(kNewest, true);
}

void LogViewer::searchFurther()
{
    if (!m_hasStore || m_mode != Mode::SearchResults || m_searchContinueBefore <= 0 || m_searchRequest != 0) {
        return;
    }
    startSearch(m_searchContinueBefore, false);
}

void LogViewer::startSearch(qint64 beforeId, bool clear)
{
    if (m_searchRequest != 0) {
        m_reader->cancel(m_searchRequest);
    }
    const quint64 request = m_searchRequest = nextRequest();
    const LogFilter filter = m_proxy->filter();
    if (clear) {
        m_searchMatched = 0;
        m_results->clear();
    }
    m_searchScanned = 0;
    m_searchTotal = 0;
    m_searchContinueBefore = 0;
    if (m_mode != Mode::SearchResults) {
        m_mode = Mode::SearchResults;
        m_following = true;
        m_proxy->setSourceModel(m_results);
    }
    const int limit = qMin(kSearchPage, m_results->capacity()); // results are bounded like the live records
    toReader(
        [reader = m_reader, request, filter, beforeId, limit] { reader->search(request, filter, beforeId, limit); });
    updateState();
}

void LogViewer::onSearchProgress(quint64 request, const QList<LogRecord> &found, qint64 scanned, qint64 total)
{
    if (request != m_searchRequest) {
        return;
    }
    m_searchScanned = scanned;
    m_searchTotal = total;
    m_searchMatched += found.size();
    if (!found.isEmpty()) {
        if (m_results->rowCount() == 0) {
            m_results->append(found);
        } else {
            m_results->prepend(found); // older than those found so far
        }
        if (m_following) {
            scrollToBottom();
        }
    }
    updateState();
}

void LogViewer::onSearchFinished(quint64 request, qint64 matched, qint64 continueBeforeId)
{
    if (request != m_searchRequest) {
        return;
    }
    m_searchRequest = 0;
    m_searchContinueBefore = continueBeforeId;
    updateState();
    Q_EMIT searchFinished(matched);
}

void LogViewer::showLive()
{
    if (m_searchRequest != 0) {
        m_reader->cancel(m_searchRequest);
        m_searchRequest = 0;
    }
    m_searchAgainTimer.stop();
    if (m_mode == Mode::Live) {
        return;
    }
    m_mode = Mode::Live;
    m_following = true;
    m_proxy->setSourceModel(m_live);
    m_results->clear();
    scrollToBottom();
    updateState();
}

void LogViewer::cancelBackgroundWork()
{
    if (m_searchRequest != 0) {
        m_reader->cancel(m_searchRequest);
        m_searchRequest = 0;
        m_searchContinueBefore = 0;
        showMessage(tr("Search cancelled"), 8000);
    }
    for (quint64 request : std::as_const(m_exportRequests)) {
        m_reader->cancel(request);
    }
    updateState();
}

void LogViewer::onReaderFailed(quint64 request, const QString &error)
{
    if (request == m_searchRequest) {
        m_searchRequest = 0;
    }
    if (request == m_olderRequest) {
        m_olderRequest = 0;
    }
    if (request == m_newestRequest) {
        m_newestRequest = 0;
    }
    showMessage(tr("The database cannot be read: %1").arg(error), 15000);
    updateState();
    Q_EMIT storeFailed(error);
}

} // namespace SyncDesk
