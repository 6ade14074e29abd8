#include "logviewer.h"

#include "logfilterproxy.h"
#include "logformat.h"
#include "logrecordmodel.h"
#include "logstorereader.h"

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

QToolButton *makeButton(const QString &text, const QString &accessibleName, const QString &toolTip)
{
    auto *button = new QToolButton;
    button->setText(text);
    button->setAccessibleName(accessibleName);
    button->setToolTip(toolTip);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(true);
    return button;
}

} // namespace

LogViewer::LogViewer(QWidget *parent)
    : QWidget(parent)
{
    m_live = new LogRecordModel(LogRecordModel::kDefaultCapacity, this);
    m_live->setObjectName(u"liveLogModel"_s);
    m_results = new LogRecordModel(LogRecordModel::kDefaultCapacity, this);
    m_results->setObjectName(u"searchResultsModel"_s);
    m_proxy = new LogFilterProxy(this);
    m_proxy->setSourceModel(m_live);
    buildUi();

    m_reader = new LogStoreReader(StoreConfig{});
    m_reader->moveToThread(&m_readerThread);
    connect(m_reader, &LogStoreReader::recordsLoaded, this, &LogViewer::onRecordsLoaded);
    connect(m_reader, &LogStoreReader::searchProgress, this, &LogViewer::onSearchProgress);
    connect(m_reader, &LogStoreReader::searchFinished, this, &LogViewer::onSearchFinished);
    connect(m_reader, &LogStoreReader::exportProgress, this, [this](quint64 request, qint64 written) {
        if (m_exportRequests.contains(request)) {
            showMessage(u"Exporting… %L1 records written"_s.arg(written));
            updateState();
        }
    });
    connect(m_reader, &LogStoreReader::exportFinished, this, &LogViewer::onExportFinished);
    connect(m_reader, &LogStoreReader::failed, this, &LogViewer::onReaderFailed);
    m_readerThread.setObjectName(u"syncdesk-log-reader"_s);
    m_readerThread.start();

    m_coalesceTimer.setSingleShot(true);
    m_coalesceTimer.setInterval(kCoalesceMs);
    connect(&m_coalesceTimer, &QTimer::timeout, this, [this] {
        if (!m_incoming.isEmpty()) {
            flushPendingAppends();
            m_coalesceTimer.start();
        }
    });
    m_textTimer.setSingleShot(true);
    m_textTimer.setInterval(200);
    connect(&m_textTimer, &QTimer::timeout, this, [this] { applyControls(); });
    m_messageTimer.setSingleShot(true);
    connect(&m_messageTimer, &QTimer::timeout, this, [this] {
        m_lastMessage.clear();
        updateState();
    });
    m_mailboxListTimer.setSingleShot(true);
    m_mailboxListTimer.setInterval(1000);
    connect(&m_mailboxListTimer, &QTimer::timeout, this, &LogViewer::updateMailboxList);
    m_searchAgainTimer.setSingleShot(true);
    m_searchAgainTimer.setInterval(400);
    connect(&m_searchAgainTimer, &QTimer::timeout, this, [this] {
        if (m_mode == Mode::SearchResults) {
            searchDatabase();
        }
    });

    connect(m_live, &LogRecordModel::mailboxesAdded, this, &LogViewer::addKnownMailboxes);
    connect(m_results, &LogRecordModel::mailboxesAdded, this, &LogViewer::addKnownMailboxes);
    connect(m_proxy, &LogFilterProxy::filteringStarted, this, &LogViewer::updateState);
    connect(m_proxy, &LogFilterProxy::filteringFinished, this, [this] {
        if (m_autoSearchIfEmpty) {
            m_autoSearchIfEmpty = false;
            if (m_mode == Mode::Live && m_hasStore && m_proxy->rowCount() == 0) {
                searchDatabase();
            }
        }
        updateState();
    });
    updateState();
}

LogViewer::~LogViewer()
{
    m_proxy->disconnect(this);
    m_reader->cancelAll();
    LogStoreReader *reader = m_reader;
    QMetaObject::invokeMethod(
        reader, [reader] { delete reader; }, Qt::BlockingQueuedConnection);
    m_reader = nullptr;
    m_readerThread.quit();
    m_readerThread.wait();
    m_view->setModel(nullptr);
    m_proxy->setSourceModel(nullptr);
}

template <typename Job>
void LogViewer::toReader(Job &&job)
{
    QMetaObject::invokeMethod(m_reader, std::forward<Job>(job), Qt::QueuedConnection);
}

void LogViewer::buildUi()
{
    m_levelBox = new QComboBox;
    m_levelBox->setObjectName(u"levelFilter"_s);
    m_levelBox->setAccessibleName(u"Minimum log level"_s);
    m_levelBox->setToolTip(u"Show records of this level and above"_s);
    m_levelBox->addItem(u"All levels"_s, int(LogLevel::Debug));
    m_levelBox->addItem(u"Info and above"_s, int(LogLevel::Info));
    m_levelBox->addItem(u"Warnings and errors"_s, int(LogLevel::Warning));
    m_levelBox->addItem(u"Errors only"_s, int(LogLevel::Error));
    connect(m_levelBox, &QComboBox::currentIndexChanged, this, [this] { applyControls(); });

    m_mailboxList = new QStringListModel(this);
    m_mailboxBox = new QComboBox;
    m_mailboxBox->setObjectName(u"mailboxFilter"_s);
    m_mailboxBox->setAccessibleName(u"Mailbox filter"_s);
    m_mailboxBox->setToolTip(u"Show the records of one mailbox: pick or type its address, then Enter"_s);
    m_mailboxBox->setEditable(true);
    m_mailboxBox->setInsertPolicy(QComboBox::NoInsert);
    m_mailboxBox->setModel(m_mailboxList);
    m_mailboxBox->setMinimumContentsLength(24);
    m_mailboxBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_mailboxBox->lineEdit()->setPlaceholderText(u"All mailboxes"_s);
    m_mailboxBox->lineEdit()->setClearButtonEnabled(true);
    m_mailboxBox->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_mailboxBox->completer()->setFilterMode(Qt::MatchContains);
    m_mailboxBox->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_mailboxBox->setCurrentIndex(-1);
    connect(m_mailboxBox, &QComboBox::activated, this, [this] { applyControls(); });
    connect(m_mailboxBox->lineEdit(), &QLineEdit::returnPressed, this, [this] { applyControls(); });
    connect(m_mailboxBox, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        // A cleared field or a complete known address applies at once; a partial one on Enter.
        const QString address = text.trimmed();
        updateMailboxList();
        if (address.isEmpty() ||
            std::binary_search(m_knownMailboxes.cbegin(), m_knownMailboxes.cend(), address.toLower())) {
            applyControls();
        }
    });

    m_textEdit = new QLineEdit;
    m_textEdit->setObjectName(u"textFilter"_s);
    m_textEdit->setAccessibleName(u"Log text filter"_s);
    m_textEdit->setPlaceholderText(u"Filter text in messages, mailboxes and categories"_s);
    m_textEdit->setClearButtonEnabled(true);
    connect(m_textEdit, &QLineEdit::textChanged, this, [this] { m_textTimer.start(); });
    connect(m_textEdit, &QLineEdit::returnPressed, this, [this] {
        m_textTimer.stop();
        applyControls();
    });

    m_regexBox = new QCheckBox(u"Regular expression"_s);
    m_regexBox->setObjectName(u"regexToggle"_s);
    m_regexBox->setAccessibleName(u"Filter text is a regular expression"_s);
    m_regexBox->setToolTip(u"Match the filter text as a Perl-compatible regular expression (case-insensitive)"_s);
    connect(m_regexBox, &QCheckBox::toggled, this, [this] { applyControls(); });

    m_searchButton = makeButton(u"Search database"_s, u"Search the database"_s,
                                u"Search every record in the database with these filters, not only those in memory"_s);
    m_searchButton->setObjectName(u"searchDatabaseButton"_s);
    connect(m_searchButton, &QToolButton::clicked, this, &LogViewer::searchDatabase);

    m_pauseButton = makeButton(u"Pause"_s, u"Pause the live log"_s,
                               u"Stop the view from moving; new records are counted and shown on Resume"_s);
    m_pauseButton->setObjectName(u"pauseButton"_s);
    m_pauseButton->setCheckable(true);
    m_pauseButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_pauseButton, &QToolButton::toggled, this, &LogViewer::setPaused);

    m_copyAction = new QAction(u"&Copy"_s, this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetShortcut); // Ctrl+C itself is handled on the table
    connect(m_copyAction, &QAction::triggered, this, &LogViewer::copySelection);
    m_exportSelectionAction = new QAction(u"Export &selection…"_s, this);
    connect(m_exportSelectionAction, &QAction::triggered, this, [this] { chooseExportFile(false); });
    m_exportAllAction = new QAction(u"Export &all…"_s, this);
    m_exportAllAction->setToolTip(u"Every record that passes the filters — all of them without filters — including "
                                  "those only in the database"_s);
    connect(m_exportAllAction, &QAction::triggered, this, [this] { chooseExportFile(true); });
    m_loadOlderAction = new QAction(u"Load &older records"_s, this);
    connect(m_loadOlderAction, &QAction::triggered, this, &LogViewer::loadOlder);

    auto *moreMenu = new QMenu(this);
    moreMenu->addAction(m_loadOlderAction);
    moreMenu->addSeparator();
    moreMenu->addAction(m_copyAction);
    moreMenu->addAction(m_exportSelectionAction);
    moreMenu->addAction(m_exportAllAction);
    m_moreButton = makeButton(u"More"_s, u"More log actions"_s, u"Load older records, copy, export"_s);
    m_moreButton->setObjectName(u"moreButton"_s);
    m_moreButton->setMenu(moreMenu);
    m_moreButton->setPopupMode(QToolButton::InstantPopup);

    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(m_levelBox);
    filters->addWidget(m_mailboxBox, 1);
    filters->addWidget(m_textEdit, 2);
    filters->addWidget(m_regexBox);
    filters->addWidget(m_searchButton);
    filters->addStretch(0);
    filters->addWidget(m_pauseButton);
    filters->addWidget(m_moreButton);

    m_filterError = new QLabel;
    m_filterError->setObjectName(u"filterError"_s);
    m_filterError->setAccessibleName(u"Filter error"_s);
    m_filterError->setStyleSheet(u"color: #cf222e"_s);
    m_filterError->setWordWrap(true);
    m_filterError->hide();

    m_banner = new QWidget;
    m_banner->setObjectName(u"logBanner"_s);
    m_bannerText = new QLabel;
    m_bannerText->setObjectName(u"bannerText"_s);
    m_bannerText->setWordWrap(true);
    m_bannerFurther = makeButton(u"Search further"_s, u"Search older records"_s,
                                 u"Continue the search with records older than those found"_s);
    connect(m_bannerFurther, &QToolButton::clicked, this, &LogViewer::searchFurther);
    m_bannerBack = makeButton(u"Back to the live log"_s, u"Back to the live log"_s,
                              u"Show the records in memory again, newest at the bottom"_s);
    m_bannerBack->setObjectName(u"backToLiveButton"_s);
    connect(m_bannerBack, &QToolButton::clicked, this, [this] {
        if (m_mode == Mode::SearchResults) {
            showLive();
        } else {
            setPaused(false);
        }
    });
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(6, 2, 6, 2);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_bannerFurther);
    bannerLayout->addWidget(m_bannerBack);
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::AlternateBase);
    m_banner->hide();

    m_view = new QTableView;
    m_view->setObjectName(u"logView"_s);
    m_view->setAccessibleName(u"Log records"_s);
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 4);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setColumnWidth(LogRecordModel::Time,
                           m_view->fontMetrics().horizontalAdvance(u"0000-00-00 00:00:00.000"_s) + 16);
    m_view->setColumnWidth(LogRecordModel::Level, 70);
    m_view->setColumnWidth(LogRecordModel::Mailbox, 220);
    m_view->setColumnWidth(LogRecordModel::Category, 90);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->installEventFilter(this);
    m_view->viewport()->installEventFilter(this);
    connect(m_view, &QTableView::customContextMenuRequested, this, &LogViewer::showContextMenu);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, &LogViewer::onScrolled);
    // After the view's own handlers (connected by setModel above).
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this, &LogViewer::onProxyAboutToReset);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &LogViewer::onProxyReset);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onProxyRowsInserted(first, last); });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &, int first, int last) { onProxyRowsRemoved(first, last); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LogViewer::updateState);

    m_emptyState = new QLabel(m_view->viewport());
    m_emptyState->setObjectName(u"emptyState"_s);
    m_emptyState->setAccessibleName(u"Log status"_s);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setMargin(16);
    m_emptyState->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);

    m_status = new QLabel;
    m_status->setObjectName(u"statusLine"_s);
    m_status->setAccessibleName(u"Log viewer status"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cancelButton = makeButton(u"Cancel"_s, u"Cancel the search or export"_s,
                                u"Stop the database search or export that is running"_s);
    m_cancelButton->setObjectName(u"cancelButton"_s);
    m_cancelButton->hide();
    connect(m_cancelButton, &QToolButton::clicked, this, &LogViewer::cancelBackgroundWork);
    auto *statusRow = new QHBoxLayout;
    statusRow->setContentsMargins(0, 0, 0, 0);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_cancelButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(filters);
    layout->addWidget(m_filterError);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
    layout->addLayout(statusRow);
    setAccessibleName(u"Log viewer"_s);
}

// --- filters --------------------------------------------------------------------------------------

LogFilter LogViewer::filter() const
{
    return m_proxy->filter();
}

QString LogViewer::filterError() const
{
    return m_filterErrorText;
}

void LogViewer::setFilter(const LogFilter &filter)
{
    {
        const QSignalBlocker levelBlocker(m_levelBox);
        const QSignalBlocker mailboxBlocker(m_mailboxBox);
        const QSignalBlocker textBlocker(m_textEdit);
        const QSignalBlocker regexBlocker(m_regexBox);
        m_levelBox->setCurrentIndex(qMax(0, m_levelBox->findData(int(filter.minimumLevel()))));
        m_mailboxBox->setEditText(filter.mailbox());
        m_textEdit->setText(filter.text());
        m_regexBox->setChecked(filter.textMode() == LogFilter::TextMode::RegularExpression);
    }
    m_textTimer.stop();
    applyControls();
}

void LogViewer::applyControls(bool searchAgain)
{
    m_textTimer.stop();
    const LogFilter filter(
        LogLevel(m_levelBox->currentData().toInt()), m_mailboxBox->currentText().trimmed(), m_textEdit->text(),
        m_regexBox->isChecked() ? LogFilter::TextMode::RegularExpression : LogFilter::TextMode::Substring);
    applyFilter(filter, searchAgain);
}

void LogViewer::applyFilter(const LogFilter &filter, bool searchAgain)
{
    if (!filter.isValid()) {
        // Keep showing what the last valid filter showed; say what is wrong where it was typed.
        m_filterErrorText = u"Invalid regular expression: %1"_s.arg(filter.errorString());
        m_filterError->setText(m_filterErrorText);
        m_filterError->show();
        m_textEdit->setAccessibleDescription(m_filterErrorText);
        updateState();
        return;
    }
    m_filterErrorText.clear();
    m_filterError->hide();
    m_textEdit->setAccessibleDescription(QString());
    if (filter == m_proxy->filter()) {
        updateState();
        return;
    }
    m_proxy->setFilter(filter);
    if (searchAgain && m_mode == Mode::SearchResults) {
        m_searchAgainTimer.start();
    }
    updateState();
}

void LogViewer::addKnownMailboxes(const QStringList &addresses)
{
    // New addresses come in bursts (thousands in the first batches): the list follows at most once a second.
    m_newMailboxes.append(addresses);
    if (!m_mailboxListTimer.isActive()) {
        m_mailboxListTimer.start();
    }
}

void LogViewer::updateMailboxList()
{
    if (m_newMailboxes.isEmpty()) {
        return;
    }
    QStringList added;
    added.reserve(m_newMailboxes.size());
    for (const QString &address : std::as_const(m_newMailboxes)) {
        added.append(address.toLower());
    }
    m_newMailboxes.clear();
    added.sort();
    QStringList merged;
    merged.reserve(m_knownMailboxes.size() + added.size());
    std::set_union(m_knownMailboxes.cbegin(), m_knownMailboxes.cend(), added.cbegin(), added.cend(),
                   std::back_inserter(merged));
    merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
    if (merged.size() == m_knownMailboxes.size()) {
        return;
    }
    m_knownMailboxes = std::move(merged);
    // Replacing the list resets the combo box: keep what is typed there.
    const QSignalBlocker blocker(m_mailboxBox);
    const QString text = m_mailboxBox->currentText();
    const int cursor = m_mailboxBox->lineEdit()->cursorPosition();
    m_mailboxList->setStringList(m_knownMailboxes);
    m_mailboxBox->setCurrentIndex(-1);
    m_mailboxBox->setEditText(text);
    m_mailboxBox->lineEdit()->setCursorPosition(cursor);
}

void LogViewer::showMailbox(const QString &address)
{
    {
        const QSignalBlocker mailboxBlocker(m_mailboxBox);
        const QSignalBlocker textBlocker(m_textEdit);
        m_mailboxBox->setEditText(address.trimmed());
        m_textEdit->clear();
    }
    applyControls(false);
    if (m_mode == Mode::SearchResults) {
        searchDatabase();
        return;
    }
    if (m_hasStore) {
        if (m_proxy->isFiltering()) {
            m_autoSearchIfEmpty = true; // decided when the filter is applied
        } else if (m_proxy->rowCount() == 0) {
            searchDatabase();
        }
    }
}

void LogViewer::focusTextFilter()
{
    m_textEdit->setFocus(Qt::ShortcutFocusReason);
    m_textEdit->selectAll();
}

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
                showMessage(u"Reading the newest records…"_s);
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
    showMessage(u"Loading older records…"_s);
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
    showMessage(records.isEmpty() ? u"No older records in the database"_s
                                  : u"Loaded %L1 older records"_s.arg(records.size()),
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
        showMessage(u"Search cancelled"_s, 8000);
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
    showMessage(u"The database cannot be read: %1"_s.arg(error), 15000);
    updateState();
    Q_EMIT storeFailed(error);
}

// --- copy and export ------------------------------------------------------------------------------

QList<LogRecord> LogViewer::selectedRecords() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() && m_view->currentIndex().isValid()) {
        rows.append(m_view->currentIndex());
    }
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<LogRecord> records;
    records.reserve(rows.size());
    const LogRecordModel *model = m_proxy->recordModel();
    for (const QModelIndex &row : std::as_const(rows)) {
        records.append(model->record(m_proxy->mapToSource(row).row()));
    }
    return records;
}

void LogViewer::copySelection()
{
    const QList<LogRecord> records = selectedRecords();
    if (records.isEmpty()) {
        return;
    }
    QStringList lines;
    lines.reserve(records.size());
    for (const LogRecord &record : records) {
        lines.append(logClipboardLine(record));
    }
    QApplication::clipboard()->setText(lines.join(u'\n') + u'\n');
    showMessage(records.size() == 1 ? u"Copied 1 record"_s : u"Copied %L1 records"_s.arg(records.size()), 8000);
    updateState();
}

void LogViewer::exportSelection(const QString &fileName)
{
    const QList<LogRecord> records = selectedRecords();
    if (records.isEmpty()) {
        Q_EMIT exportFinished(fileName, 0, u"no record is selected"_s);
        return;
    }
    const quint64 request = nextRequest();
    m_exportRequests.insert(request);
    toReader([reader = m_reader, request, fileName, records] { reader->exportRecords(request, fileName, records); });
    showMessage(u"Exporting %L1 records…"_s.arg(records.size()));
    updateState();
}

void LogViewer::exportAll(const QString &fileName)
{
    const LogFilter filter = m_proxy->filter();
    const quint64 request = nextRequest();
    m_exportRequests.insert(request);
    if (m_hasStore) {
        // Everything in the store, then what the console holds that the store does not (records without id).
        QList<LogRecord> extra;
        for (int row = 0; row < m_live->rowCount(); ++row) {
            if (m_live->entry(row).id == 0) {
                extra.append(m_live->record(row));
            }
        }
        toReader([reader = m_reader, request, fileName, filter, extra] {
            reader->exportMatching(request, fileName, filter, extra);
        });
    } else {
        QList<LogRecord> records;
        for (int row = 0; row < m_live->rowCount(); ++row) {
            LogRecord record = m_live->record(row);
            if (filter.accepts(record)) {
                records.append(std::move(record));
            }
        }
        toReader(
            [reader = m_reader, request, fileName, records] { reader->exportRecords(request, fileName, records); });
    }
    showMessage(u"Exporting…"_s);
    updateState();
}

void LogViewer::onExportFinished(quint64 request, const QString &fileName, qint64 written, const QString &error)
{
    if (!m_exportRequests.remove(request)) {
        return;
    }
    showMessage(error.isEmpty() ? u"Exported %L1 records to %2"_s.arg(written).arg(fileName)
                                : u"Export to %1 failed: %2"_s.arg(fileName, error),
                error.isEmpty() ? 8000 : 30000);
    updateState();
    Q_EMIT exportFinished(fileName, error.isEmpty() ? written : 0, error);
}

void LogViewer::chooseExportFile(bool everything)
{
    auto *dialog = new QFileDialog(this, everything ? u"Export the log"_s : u"Export the selected records"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({u"CSV (*.csv)"_s, u"Text (*.log *.txt)"_s});
    dialog->setDefaultSuffix(u"csv"_s);
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog](const QString &nameFilter) {
        dialog->setDefaultSuffix(nameFilter.startsWith(u"CSV"_s) ? u"csv"_s : u"log"_s);
    });
    connect(dialog, &QFileDialog::fileSelected, this, [this, everything](const QString &fileName) {
        if (everything) {
            exportAll(fileName);
        } else {
            exportSelection(fileName);
        }
    });
    dialog->open(); // window-modal, without a nested event loop
}

void LogViewer::showContextMenu(const QPoint &position)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_copyAction);
    menu->addAction(m_exportSelectionAction);
    menu->addAction(m_exportAllAction);
    const QModelIndex index = m_view->indexAt(position);
    const QString mailbox = index.isValid() ? index.data(LogRecordModel::MailboxRole).toString() : QString();
    if (!mailbox.isEmpty()) {
        menu->addSeparator();
        menu->addAction(u"Show only %1"_s.arg(mailbox), this, [this, mailbox] { showMailbox(mailbox); });
    }
    if (m_mode == Mode::Live) {
        menu->addSeparator();
        menu->addAction(m_loadOlderAction);
    }
    menu->popup(m_view->viewport()->mapToGlobal(position));
}

bool LogViewer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy)) {
            event->accept();
            if (event->type() == QEvent::KeyPress) {
                copySelection(); // whole rows, not the current cell the table would copy
            }
            return true;
        }
    }
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        m_emptyState->setGeometry(m_view->viewport()->rect());
    }
    return QWidget::eventFilter(watched, event);
}

// --- scrolling ------------------------------------------------------------------------------------

void LogViewer::scrollToBottom()
{
    m_programmaticScroll = true;
    m_view->scrollToBottom();
    m_programmaticScroll = false;
    m_following = true;
}

void LogViewer::setFollowing(bool following)
{
    m_following = following;
}

void LogViewer::onScrolled(int value)
{
    if (m_programmaticScroll) {
        m_lastScrollValue = value;
        return;
    }
    QScrollBar *bar = m_view->verticalScrollBar();
    const int previous = std::exchange(m_lastScrollValue, value);
    setFollowing(value >= bar->maximum() - 1);
    // Scrolling up to the top of the live log reads older records from the store.
    if (value == bar->minimum() && previous > value && bar->maximum() > 0 && m_mode == Mode::Live && m_hasStore &&
        !m_atStart && m_view->isVisible()) {
        loadOlder();
    }
}

void LogViewer::onProxyRowsInserted(int first, int last)
{
    if (first != 0 || m_proxy->rowCount() == last - first + 1) {
        return;
    }
    // Older records came in above: keep the rows the user looks at in place.
    if (m_following) {
        scrollToBottom();
        return;
    }
    QScrollBar *bar = m_view->verticalScrollBar();
    const int value = bar->value();
    m_programmaticScroll = true;
    m_view->doItemsLayout();
    bar->setValue(value + (last - first + 1));
    m_programmaticScroll = false;
}

void LogViewer::onProxyRowsRemoved(int first, int last)
{
    if (first != 0 || m_following) {
        return;
    }
    // The oldest went: keep the rows the user looks at in place.
    QScrollBar *bar = m_view->verticalScrollBar();
    m_programmaticScroll = true;
    bar->setValue(qMax(0, bar->value() - (last - first + 1)));
    m_programmaticScroll = false;
}

void LogViewer::onProxyAboutToReset()
{
    m_anchorModel = m_proxy->recordModel();
    m_anchorFollowing = m_following;
    m_anchorSequence = -1;
    m_currentSequence = -1;
    m_selectedSequences.clear();
    if (m_proxy->rowCount() == 0) {
        return;
    }
    const QModelIndex top = m_view->indexAt(QPoint(0, 0));
    if (top.isValid()) {
        m_anchorSequence = m_proxy->sequenceAt(top.row());
    }
    if (m_view->currentIndex().isValid()) {
        m_currentSequence = m_proxy->sequenceAt(m_view->currentIndex().row());
    }
    const QItemSelection selection = m_view->selectionModel()->selection();
    qint64 selectedRows = 0;
    for (const QItemSelectionRange &range : selection) {
        selectedRows += range.height();
    }
    if (selectedRows <= 10000) { // beyond that, a new filter drops the selection
        for (const QItemSelectionRange &range : selection) {
            for (int row = range.top(); row <= range.bottom(); ++row) {
                m_selectedSequences.append(m_proxy->sequenceAt(row));
            }
        }
    }
}

void LogViewer::onProxyReset()
{
    const bool sameSource = m_anchorModel == m_proxy->recordModel();
    m_anchorModel = nullptr;
    if (!sameSource) {
        scrollToBottom();
        return;
    }
    if (!m_selectedSequences.isEmpty()) {
        std::sort(m_selectedSequences.begin(), m_selectedSequences.end());
        QItemSelection selection;
        int runStart = -1;
        int runEnd = -1;
        auto flush = [&] {
            if (runStart >= 0) {
                selection.select(m_proxy->index(runStart, 0), m_proxy->index(runEnd, LogRecordModel::ColumnCount - 1));
            }
        };
        for (qint64 sequence : std::as_const(m_selectedSequences)) {
            const int row = m_proxy->rowOfSequence(sequence);
            if (row < 0) {
                continue;
            }
            if (row == runEnd + 1 && runStart >= 0) {
                runEnd = row;
            } else {
                flush();
                runStart = runEnd = row;
            }
        }
        flush();
        m_view->selectionModel()->select(selection, QItemSelectionModel::Select);
        m_selectedSequences.clear();
    }
    if (m_currentSequence >= 0) {
        const int row = m_proxy->rowOfSequence(m_currentSequence);
        if (row >= 0) {
            m_view->selectionModel()->setCurrentIndex(m_proxy->index(row, 0), QItemSelectionModel::NoUpdate);
        }
    }
    if (m_anchorFollowing || m_anchorSequence < 0) {
        scrollToBottom();
        return;
    }
    const int row = qMin(m_proxy->lowerBoundRow(m_anchorSequence), m_proxy->rowCount() - 1);
    if (row >= 0) {
        m_programmaticScroll = true;
        m_view->doItemsLayout();
        m_view->scrollTo(m_proxy->index(row, 0), QAbstractItemView::PositionAtTop);
        m_programmaticScroll = false;
        m_following = false;
    }
}

// --- what the viewer says -------------------------------------------------------------------------

void LogViewer::showMessage(const QString &text, int timeoutMs)
{
    m_lastMessage = text;
    if (timeoutMs > 0) {
        m_messageTimer.start(timeoutMs);
    } else {
        m_messageTimer.stop();
    }
}

QString LogViewer::statusText() const
{
    return m_status->text();
}

QString LogViewer::emptyStateText() const
{
    return m_emptyState->isVisibleTo(m_view->viewport()) ? m_emptyState->text() : QString();
}

void LogViewer::updateState()
{
    const LogFilter shown = m_proxy->filter();
    const int rows = m_proxy->rowCount();
    QStringList parts;
    if (m_mode == Mode::Live) {
        const int held = m_live->rowCount();
        if (held == 0) {
            parts.append(u"No records in memory"_s);
        } else if (shown.isEmpty()) {
            parts.append(u"%L1 records in memory"_s.arg(held));
        } else {
            parts.append(u"%L1 of %L2 records in memory match"_s.arg(rows).arg(held));
        }
        if (m_hasStore && !m_atStart && held > 0) {
            parts.append(u"older ones are in the database"_s);
        }
        if (m_detached) {
            parts.append(u"showing older records; %L1 newer not shown"_s.arg(m_unseen));
        } else if (m_paused) {
            parts.append(m_unseen > 0 ? u"paused; %L1 new"_s.arg(m_unseen) : u"paused"_s);
        } else {
            parts.append(u"live"_s);
        }
    } else if (m_searchRequest != 0) {
        const int percent = m_searchTotal > 0 ? int(100 * m_searchScanned / m_searchTotal) : 0;
        parts.append(u"Searching the database… %1 % — %L2 matching records so far"_s.arg(percent).arg(m_searchMatched));
    } else {
        parts.append(u"%L1 matching records from the database"_s.arg(m_searchMatched));
        parts.append(m_searchContinueBefore > 0 ? u"the newest; older ones: Search further"_s
                                                : u"the whole log was searched"_s);
    }
    if (m_proxy->isFiltering()) {
        parts.append(u"filtering…"_s);
    }
    if (!m_lastMessage.isEmpty()) {
        parts.append(m_lastMessage);
    }
    m_status->setText(parts.join(u" · "_s));
    m_cancelButton->setVisible(m_searchRequest != 0 || !m_exportRequests.isEmpty());

    // The banner: search results, or older records in place of the newest.
    if (m_mode == Mode::SearchResults) {
        m_bannerText->setText(u"Database search results for the filters above, oldest at the top."_s);
        m_bannerFurther->setVisible(m_searchContinueBefore > 0 && m_searchRequest == 0);
        m_bannerBack->setText(u"Back to the live log"_s);
        m_banner->show();
    } else if (m_detached) {
        m_bannerText->setText(
            u"Showing older records read from the database; %L1 newer records are not shown."_s.arg(m_unseen));
        m_bannerFurther->hide();
        m_bannerBack->setText(u"Go to the newest"_s);
        m_banner->show();
    } else {
        m_banner->hide();
    }

    {
        const QSignalBlocker blocker(m_pauseButton);
        m_pauseButton->setChecked(m_paused);
    }
    m_pauseButton->setIcon(style()->standardIcon(m_paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    if (m_paused) {
        m_pauseButton->setText(m_unseen > 0 ? u"Resume (%L1 new)"_s.arg(m_unseen) : u"Resume"_s);
        m_pauseButton->setAccessibleName(u"Resume the live log"_s);
    } else {
        m_pauseButton->setText(u"Pause"_s);
        m_pauseButton->setAccessibleName(u"Pause the live log"_s);
    }

    const bool haveSelection = m_view->selectionModel()->hasSelection();
    m_copyAction->setEnabled(haveSelection);
    m_exportSelectionAction->setEnabled(haveSelection);
    m_loadOlderAction->setEnabled(m_hasStore && m_mode == Mode::Live && !m_atStart && m_olderRequest == 0);
    m_searchButton->setEnabled(m_hasStore && m_filterErrorText.isEmpty());

    // What an empty table means.
    QString empty;
    if (rows == 0) {
        if (m_mode == Mode::SearchResults) {
            empty = m_searchRequest != 0 ? u"Searching the database for matching records…"_s
                                         : u"No record in the database matches these filters."_s;
        } else if (m_live->rowCount() == 0) {
            if (m_olderRequest != 0 || m_newestRequest != 0) {
                empty = u"Reading the log from the database…"_s;
            } else if (m_paused && m_unseen > 0) {
                empty = u"Paused: %L1 new records are waiting. Resume to show them."_s.arg(m_unseen);
            } else {
                empty = m_hasStore ? u"No log records yet. The engine's log appears here as it is written; older "
                                     "records are read from the database with Load older."_s
                                   : u"No log records yet. They appear here as the engine writes them."_s;
            }
        } else if (m_proxy->isFiltering()) {
            empty = u"Filtering…"_s;
        } else if (!shown.mailbox().isEmpty() && shown.text().isEmpty()) {
            empty = m_hasStore ? u"No record of %1 in memory. Search the database to look through older records."_s.arg(
                                     shown.mailbox())
                               : u"No record of %1 in memory."_s.arg(shown.mailbox());
        } else {
            empty = m_hasStore ? u"No record in memory matches these filters. Search the database to look through "
                                 "older records too."_s
                               : u"No record in memory matches these filters."_s;
        }
    }
    m_emptyState->setText(empty);
    m_emptyState->setGeometry(m_view->viewport()->rect());
    m_emptyState->setVisible(!empty.isEmpty());
}

} // namespace SyncDesk
