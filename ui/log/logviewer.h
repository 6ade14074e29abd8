#pragma once

#include "logging/logfilter.h"
#include "logging/logrecord.h"
#include "store/storeconfig.h"

#include <QList>
#include <QSet>
#include <QThread>
#include <QTimer>
#include <QWidget>

#include <deque>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QStringListModel;
class QTableView;
class QToolButton;

namespace SyncDesk {

class LogFilterProxy;
class LogRecordModel;
class LogStoreReader;

// The console's log viewer: time, level, mailbox, category and message of the engine's structured log,
// filtered by minimum level, mailbox and text (substring or regular expression), with a live tail that
// can be paused, copy (Ctrl+C, tab-separated) and export (CSV or text) of the selection or of everything.
//
// Memory is bounded: the newest records (capacity(), 100,000 by default) are held; older ones are read
// from the store on demand — "Load older", or by scrolling to the top — and the whole store can be
// searched with the same filters. Everything that touches the disk runs in a thread of the viewer's own
// with its own store connection; the window never waits for it.
//
// The viewer does not know the console's backend: feed it with appendRecords() (at most about ten
// batches a second are applied; more are coalesced) and tell it the store with setStore().
class LogViewer final : public QWidget
{
    Q_OBJECT
public:
    enum class Mode {
        Live,          // the records in memory, newest at the bottom
        SearchResults, // the records of a search through the whole store
    };
    static constexpr int kOlderPage = 2000;   // records per "Load older"
    static constexpr int kSearchPage = 10000; // matches per database search (then "Search further")
    static constexpr int kCoalesceMs = 100;   // at most ten applied batches a second

    explicit LogViewer(QWidget *parent = nullptr);
    ~LogViewer() override;

    // The database the records come from, to page older records, search and export everything.
    // Without one the viewer shows only what appendRecords() delivered.
    void setStore(const StoreConfig &config);
    bool hasStore() const { return m_hasStore; }
    // Records held in memory; the oldest go first. Default LogRecordModel::kDefaultCapacity.
    void setCapacity(int records);
    int capacity() const;

    Mode mode() const { return m_mode; }
    // The filter that shows (an invalid expression typed in the text field does not replace it).
    LogFilter filter() const;
    // Sets the controls and applies them.
    void setFilter(const LogFilter &filter);
    // Why the typed filter cannot be applied (an invalid regular expression), or empty.
    QString filterError() const;
    bool isPaused() const { return m_paused; }
    // New records that arrived while paused and are not shown yet.
    qint64 unseenCount() const { return m_unseen; }
    bool isSearching() const { return m_searchRequest != 0; }
    // What the line under the table says, and the text shown when no row shows (empty if rows show).
    QString statusText() const;
    QString emptyStateText() const;

    LogRecordModel *liveModel() const { return m_live; }
    LogRecordModel *resultsModel() const { return m_results; }
    LogFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    // The selected records, in the order shown.
    QList<LogRecord> selectedRecords() const;

public Q_SLOTS:
    // New records, oldest first (ConsoleBackend::logRecordsAdded). Coalesced: applied at once, then at
    // most every kCoalesceMs.
    void appendRecords(const QList<SyncDesk::LogRecord> &records);
    // Applies records appendRecords() queued, now.
    void flushPendingAppends();
    // "Show log" on a mailbox: filters to that mailbox (clearing the text filter), and searches the
    // database when none of its records is in memory.
    void showMailbox(const QString &address);
    // Paused, new records are counted but not shown and the view does not move; resuming catches up.
    void setPaused(bool paused);
    // Reads the kOlderPage records before the oldest held from the store (olderRecordsLoaded()).
    void loadOlder();
    // Searches the whole store with the current filters, newest first (searchFinished()).
    void searchDatabase();
    void searchFurther();
    // Back from search results to the live records.
    void showLive();
    void cancelBackgroundWork();
    void copySelection();
    // CSV when fileName ends in .csv, text otherwise; written in the background (exportFinished()).
    void exportSelection(const QString &fileName);
    // Every record that passes the filters (all of them without filters), including those only in the
    // store.
    void exportAll(const QString &fileName);
    // Asks for a file name without blocking, then exports.
    void chooseExportFile(bool everything);
    void focusTextFilter();

Q_SIGNALS:
    void olderRecordsLoaded(int count);
    void searchFinished(qint64 matches);
    void exportFinished(const QString &fileName, qint64 records, const QString &error);
    void storeFailed(const QString &error);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void applyControls(bool searchAgain = true);
    void applyFilter(const LogFilter &filter, bool searchAgain);
    void addKnownMailboxes(const QStringList &addresses);
    void updateMailboxList();
    void toPending(const QList<LogRecord> &records);
    void resumeFromPending(const QList<LogRecord> &newest, bool replace);
    void startSearch(qint64 beforeId, bool clear);
    void showContextMenu(const QPoint &position);
    void onRecordsLoaded(quint64 request, const QList<LogRecord> &records, bool reachedStart);
    void onSearchProgress(quint64 request, const QList<LogRecord> &found, qint64 scanned, qint64 total);
    void onSearchFinished(quint64 request, qint64 matched, qint64 continueBeforeId);
    void onExportFinished(quint64 request, const QString &fileName, qint64 written, const QString &error);
    void onReaderFailed(quint64 request, const QString &error);
    void onProxyAboutToReset();
    void onProxyReset();
    void onProxyRowsInserted(int first, int last);
    void onProxyRowsRemoved(int first, int last);
    void onScrolled(int value);
    void scrollToBottom();
    void setFollowing(bool following);
    void updateState();
    // A line for the status; progress (no timeout) stays until the next one.
    void showMessage(const QString &text, int timeoutMs = 0);
    // Runs `job` in the reader's thread.
    template <typename Job>
    void toReader(Job &&job)
    {
        QMetaObject::invokeMethod(m_reader, std::forward<Job>(job), Qt::QueuedConnection);
    }
    quint64 nextRequest() { return ++m_lastRequest; }

    LogRecordModel *m_live = nullptr;
    LogRecordModel *m_results = nullptr;
    LogFilterProxy *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_levelBox = nullptr;
    QComboBox *m_mailboxBox = nullptr;
    QStringListModel *m_mailboxList = nullptr;
    QStringList m_knownMailboxes; // sorted, lower case
    QStringList m_newMailboxes;   // seen, not in the list yet
    QTimer m_mailboxListTimer;
    QLineEdit *m_textEdit = nullptr;
    QCheckBox *m_regexBox = nullptr;
    QToolButton *m_searchButton = nullptr;
    QToolButton *m_pauseButton = nullptr;
    QToolButton *m_moreButton = nullptr;
    QLabel *m_filterError = nullptr;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QToolButton *m_bannerFurther = nullptr;
    QToolButton *m_bannerBack = nullptr;
    QLabel *m_emptyState = nullptr;
    QLabel *m_status = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_exportSelectionAction = nullptr;
    QAction *m_exportAllAction = nullptr;
    QAction *m_loadOlderAction = nullptr;
    QTimer m_coalesceTimer;
    QTimer m_textTimer;
    QTimer m_searchAgainTimer;

    Mode m_mode = Mode::Live;
    QString m_filterErrorText;
    QList<LogRecord> m_incoming;     // appended, not applied yet (coalescing)
    std::deque<LogRecord> m_pending; // arrived while paused or away from the newest records; bounded
    bool m_pendingOverflowed = false;
    qint64 m_unseen = 0;
    bool m_paused = false;
    bool m_detached = false; // older records pushed the newest out of memory: resuming reads them again
    bool m_following = true; // the view shows the newest row and moves with new ones
    bool m_programmaticScroll = false;
    int m_lastScrollValue = 0;
    bool m_atStart = false; // the oldest record of the store is in memory
    bool m_autoSearchIfEmpty = false;
    QString m_lastMessage;
    QTimer m_messageTimer;

    bool m_hasStore = false;
    QThread m_readerThread;
    LogStoreReader *m_reader = nullptr;
    quint64 m_lastRequest = 0;
    quint64 m_olderRequest = 0;
    quint64 m_newestRequest = 0;
    quint64 m_searchRequest = 0;
    QSet<quint64> m_exportRequests;
    qint64 m_searchMatched = 0;
    qint64 m_searchScanned = 0;
    qint64 m_searchTotal = 0;
    qint64 m_searchContinueBefore = 0;

    // What a reset of the proxy (new filter, other source) should keep.
    LogRecordModel *m_anchorModel = nullptr;
    qint64 m_anchorSequence = -1;
    qint64 m_currentSequence = -1;
    QList<qint64> m_selectedSequences;
    bool m_anchorFollowing = true;
};

} // namespace SyncDesk
