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
            showMessage(tr("Exporting… %Ln record(s) written", nullptr, int(written)));
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

void LogViewer::buildUi()
{
    m_levelBox = new QComboBox;
    m_levelBox->setObjectName(u"levelFilter"_s);
    m_levelBox->setAccessibleName(tr("Minimum log level"));
    m_levelBox->setToolTip(tr("Show records of this level and above"));
    m_levelBox->addItem(tr("All levels"), int(LogLevel::Debug));
    m_levelBox->addItem(tr("Info and above"), int(LogLevel::Info));
    m_levelBox->addItem(tr("Warnings and errors"), int(LogLevel::Warning));
    m_levelBox->addItem(tr("Errors only"), int(LogLevel::Error));
    connect(m_levelBox, &QComboBox::currentIndexChanged, this, [this] { applyControls(); });

    m_mailboxList = new QStringListModel(this);
    m_mailboxBox = new QComboBox;
    m_mailboxBox->setObjectName(u"mailboxFilter"_s);
    m_mailboxBox->setAccessibleName(tr("Mailbox filter"));
    m_mailboxBox->setToolTip(tr("Show the records of one mailbox: pick or type its address, then Enter"));
    m_mailboxBox->setEditable(true);
    m_mailboxBox->setInsertPolicy(QComboBox::NoInsert);
    m_mailboxBox->setModel(m_mailboxList);
    m_mailboxBox->setMinimumContentsLength(24);
    m_mailboxBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_mailboxBox->lineEdit()->setPlaceholderText(tr("All mailboxes"));
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
    m_textEdit->setAccessibleName(tr("Log text filter"));
    m_textEdit->setPlaceholderText(tr("Filter text in messages, mailboxes and categories"));
    m_textEdit->setClearButtonEnabled(true);
    connect(m_textEdit, &QLineEdit::textChanged, this, [this] { m_textTimer.start(); });
    connect(m_textEdit, &QLineEdit::returnPressed, this, [this] {
        m_textTimer.stop();
        applyControls();
    });

    m_regexBox = new QCheckBox(tr("Regular expression"));
    m_regexBox->setObjectName(u"regexToggle"_s);
    m_regexBox->setAccessibleName(tr("Filter text is a regular expression"));
    m_regexBox->setToolTip(tr("Match the filter text as a Perl-compatible regular expression (case-insensitive)"));
    connect(m_regexBox, &QCheckBox::toggled, this, [this] { applyControls(); });

    m_searchButton = makeButton(tr("Search database"), tr("Search the database"),
                                tr("Search every record in the database with these filters, not only those in memory"));
    m_searchButton->setObjectName(u"searchDatabaseButton"_s);
    connect(m_searchButton, &QToolButton::clicked, this, &LogViewer::searchDatabase);

    m_pauseButton = makeButton(tr("Pause"), tr("Pause the live log"),
                               tr("Stop the view from moving; new records are counted and shown on Resume"));
    m_pauseButton->setObjectName(u"pauseButton"_s);
    m_pauseButton->setCheckable(true);
    m_pauseButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_pauseButton, &QToolButton::toggled, this, &LogViewer::setPaused);

    m_copyAction = new QAction(tr("&Copy"), this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetShortcut); // Ctrl+C itself is handled on the table
    connect(m_copyAction, &QAction::triggered, this, &LogViewer::copySelection);
    m_exportSelectionAction = new QAction(tr("Export &selection…"), this);
    connect(m_exportSelectionAction, &QAction::triggered, this, [this] { chooseExportFile(false); });
    m_exportAllAction = new QAction(tr("Export &all…"), this);
    m_exportAllAction->setToolTip(tr("Every record that passes the filters — all of them without filters — including "
                                     "those only in the database"));
    connect(m_exportAllAction, &QAction::triggered, this, [this] { chooseExportFile(true); });
    m_loadOlderAction = new QAction(tr("Load &older records"), this);
    connect(m_loadOlderAction, &QAction::triggered, this, &LogViewer::loadOlder);

    auto *moreMenu = new QMenu(this);
    moreMenu->addAction(m_loadOlderAction);
    moreMenu->addSeparator();
    moreMenu->addAction(m_copyAction);
    moreMenu->addAction(m_exportSelectionAction);
    moreMenu->addAction(m_exportAllAction);
    m_moreButton = makeButton(tr("More"), tr("More log actions"), tr("Load older records, copy, export"));
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
    m_filterError->setAccessibleName(tr("Filter error"));
    m_filterError->setStyleSheet(u"color: #cf222e"_s);
    m_filterError->setWordWrap(true);
    m_filterError->hide();

    m_banner = new QWidget;
    m_banner->setObjectName(u"logBanner"_s);
    m_bannerText = new QLabel;
    m_bannerText->setObjectName(u"bannerText"_s);
    m_bannerText->setWordWrap(true);
    m_bannerFurther = makeButton(tr("Search further"), tr("Search older records"),
                                 tr("Continue the search with records older than those found"));
    connect(m_bannerFurther, &QToolButton::clicked, this, &LogViewer::searchFurther);
    m_bannerBack = makeButton(tr("Back to the live log"), tr("Back to the live log"),
                              tr("Show the records in memory again, newest at the bottom"));
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
    m_view->setAccessibleName(tr("Log records"));
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
    m_emptyState->setAccessibleName(tr("Log status"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setMargin(16);
    m_emptyState->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);

    m_status = new QLabel;
    m_status->setObjectName(u"statusLine"_s);
    m_status->setAccessibleName(tr("Log viewer status"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cancelButton = makeButton(tr("Cancel"), tr("Cancel the search or export"),
                                tr("Stop the database search or export that is running"));
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
    setAccessibleName(tr("Log viewer"));
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
        m_filterErrorText = tr("Invalid regular expression: %1").arg(filter.errorString());
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

} // namespace SyncDesk
