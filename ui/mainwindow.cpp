#include "mainwindow.h"

#include "consolebackend.h"
#include "models/logmodel.h"
#include "models/mailboxtablemodel.h"

#include <QAction>
#include <QCloseEvent>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QMap>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

static void initUiResources()
{
    Q_INIT_RESOURCE(syncdesk);
}

namespace SyncDesk {

using namespace Qt::StringLiterals;

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    initUiResources();
    setWindowTitle(u"SyncDesk"_s);
    setWindowIcon(QIcon(u":/syncdesk/icons/syncdesk.svg"_s));
    resize(1280, 760);

    m_mailboxModel = new MailboxTableModel(this);
    m_mailboxProxy = new QSortFilterProxyModel(this);
    m_mailboxProxy->setSourceModel(m_mailboxModel);
    m_mailboxProxy->setSortRole(MailboxTableModel::SortRole);
    m_mailboxProxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_mailboxView = new QTableView;
    m_mailboxView->setObjectName(u"mailboxView"_s);
    m_mailboxView->setAccessibleName(u"Mailboxes"_s);
    m_mailboxView->setModel(m_mailboxProxy);
    m_mailboxView->setSortingEnabled(true);
    m_mailboxView->sortByColumn(MailboxTableModel::Address, Qt::AscendingOrder);
    m_mailboxView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_mailboxView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_mailboxView->setAlternatingRowColors(true);
    m_mailboxView->setWordWrap(false);
    m_mailboxView->verticalHeader()->hide();
    m_mailboxView->horizontalHeader()->setStretchLastSection(true);
    m_mailboxView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    const int widths[] = {250, 110, 120, 130, 110, 70, 300};
    for (int column = 0; column < int(std::size(widths)); ++column) {
        m_mailboxView->setColumnWidth(column, widths[column]);
    }

    m_placeholder = new QLabel;
    m_placeholder->setObjectName(u"placeholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_placeholder->setText(u"Reading the database…"_s);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_mailboxView);

    m_logModel = new LogModel(20000, this);
    m_logView = new QTableView;
    m_logView->setObjectName(u"logView"_s);
    m_logView->setAccessibleName(u"Log"_s);
    m_logView->setModel(m_logModel);
    m_logView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_logView->verticalHeader()->hide();
    m_logView->verticalHeader()->setDefaultSectionSize(m_logView->fontMetrics().height() + 4);
    m_logView->horizontalHeader()->setStretchLastSection(true);
    m_logView->setWordWrap(false);
    m_logView->setColumnWidth(LogModel::Time, 80);
    m_logView->setColumnWidth(LogModel::Level, 70);
    m_logView->setColumnWidth(LogModel::Mailbox, 220);
    m_logView->setColumnWidth(LogModel::Category, 80);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_stack);
    splitter->addWidget(m_logView);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);

    m_resyncAction = new QAction(QIcon(u":/syncdesk/icons/action-resync.svg"_s), u"&Resync now"_s, this);
    m_resyncAction->setObjectName(u"resyncAction"_s);
    m_resyncAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_resyncAction->setToolTip(u"Sync the selected mailboxes now (F5)"_s);
    m_resyncAction->setEnabled(false);
    connect(m_resyncAction, &QAction::triggered, this, &MainWindow::resyncSelected);

    m_enableAction = new QAction(QIcon(u":/syncdesk/icons/state-ok.svg"_s), u"&Enable"_s, this);
    m_enableAction->setObjectName(u"enableAction"_s);
    m_enableAction->setToolTip(u"Enable the selected mailboxes; their failure counters start again from zero"_s);
    m_enableAction->setEnabled(false);
    connect(m_enableAction, &QAction::triggered, this, [this] { setSelectedEnabled(true); });
    m_disableAction = new QAction(QIcon(u":/syncdesk/icons/state-disabled.svg"_s), u"&Disable"_s, this);
    m_disableAction->setObjectName(u"disableAction"_s);
    m_disableAction->setToolTip(u"Stop syncing the selected mailboxes until they are enabled again"_s);
    m_disableAction->setEnabled(false);
    connect(m_disableAction, &QAction::triggered, this, [this] { setSelectedEnabled(false); });

    QToolBar *toolbar = addToolBar(u"Actions"_s);
    toolbar->setObjectName(u"actionsToolbar"_s);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setMovable(false);
    toolbar->addAction(m_resyncAction);
    toolbar->addSeparator();
    toolbar->addAction(m_enableAction);
    toolbar->addAction(m_disableAction);
    m_mailboxView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_mailboxView->addActions({m_resyncAction, m_enableAction, m_disableAction});

    m_summary = new QLabel;
    m_schedulerLabel = new QLabel;
    m_schedulerLabel->setObjectName(u"schedulerLabel"_s);
    m_engineLabel = new QLabel;
    statusBar()->addWidget(m_summary, 1);
    statusBar()->addPermanentWidget(m_schedulerLabel);
    statusBar()->addPermanentWidget(m_engineLabel);

    connect(m_mailboxView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_mailboxView, &QTableView::doubleClicked, this, [this] { resyncSelected(); });

    // Relative times ("3 min ago", "in 0:41") move with the clock.
    m_clockTimer.setInterval(1000);
    connect(&m_clockTimer, &QTimer::timeout, this, [this] {
        m_mailboxModel->setNow(QDateTime::currentDateTimeUtc());
        updateStatusBar();
    });
    m_clockTimer.start();
}

MainWindow::~MainWindow() = default;

void MainWindow::setBackend(ConsoleBackend *backend)
{
    m_backend = backend;
    connect(backend, &ConsoleBackend::statusesChanged, this, &MainWindow::onStatuses);
    connect(backend, &ConsoleBackend::logRecordsAdded, this, &MainWindow::onLogRecords);
    connect(backend, &ConsoleBackend::storeFailed, this, &MainWindow::onStoreFailed);
    connect(backend, &ConsoleBackend::engineFailed, this, &MainWindow::onStoreFailed);
    connect(backend, &ConsoleBackend::enginesChanged, this, &MainWindow::onEngines);
    m_engineLabel->setText(backend->runsEngine() ? u"Engine running in this console"_s
                                                 : u"Monitoring only: syncs run in syncdesk-node"_s);
    setSubtitle(backend->options().store.describe());
}

void MainWindow::setPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    m_stack->setCurrentWidget(m_placeholder);
}

void MainWindow::setSubtitle(const QString &subtitle)
{
    setWindowTitle(subtitle.isEmpty() ? u"SyncDesk"_s : u"SyncDesk — "_s + subtitle);
}

void MainWindow::onStatuses(const MailboxStatusList &statuses)
{
    m_haveStatuses = true;
    m_mailboxModel->setNow(QDateTime::currentDateTimeUtc());
    m_mailboxModel->setStatuses(statuses);
    if (statuses.isEmpty()) {
        setPlaceholder(u"No mailboxes yet.\n\nImport a configuration with\n"
                       "syncdesk-node --db %1 config import FILE.json\n\nThe table fills in on its own."_s.arg(
                           m_backend ? m_backend->options().store.describe() : QString()));
    } else {
        m_stack->setCurrentWidget(m_mailboxView);
    }
    updateActions();
    updateStatusBar();
}

void MainWindow::onLogRecords(const QList<LogRecord> &records)
{
    QScrollBar *bar = m_logView->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    m_logModel->append(records);
    if (atBottom) {
        m_logView->scrollToBottom();
    }
}

void MainWindow::onStoreFailed(const SyncError &error)
{
    statusBar()->showMessage(error.toString(), 15000);
    if (!m_haveStatuses) {
        setPlaceholder(u"The database cannot be read:\n%1"_s.arg(error.toString()));
    }
}

QList<qint64> MainWindow::selectedMailboxIds(bool enabledOnly) const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_mailboxView->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        if (enabledOnly && !row.data(MailboxTableModel::EnabledRole).toBool()) {
            continue;
        }
        ids.append(row.data(MailboxTableModel::MailboxIdRole).toLongLong());
    }
    return ids;
}

void MainWindow::resyncSelected()
{
    const QList<qint64> ids = selectedMailboxIds(true);
    if (ids.isEmpty() || !m_backend) {
        return;
    }
    m_backend->requestSync(ids);
    statusBar()->showMessage(u"Resync requested for %n mailbox(es)"_s.replace(u"%n"_s, QString::number(ids.size())),
                             5000);
}

void MainWindow::setSelectedEnabled(bool enabled)
{
    QList<qint64> ids;
    for (qint64 id : selectedMailboxIds(false)) {
        const int row = m_mailboxModel->rowOfMailbox(id);
        if (row >= 0 && m_mailboxModel->status(row).mailbox.enabled != enabled) {
            ids.append(id);
        }
    }
    if (ids.isEmpty() || !m_backend) {
        return;
    }
    m_backend->setMailboxesEnabled(ids, enabled);
    statusBar()->showMessage(
        (enabled ? u"Enabled %1 mailbox(es); they sync now"_s : u"Disabled %1 mailbox(es)"_s).arg(ids.size()), 5000);
}

void MainWindow::onEngines(const QList<NodeStatus> &nodes, int overdueGraceSeconds)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_mailboxModel->setOverdueGrace(overdueGraceSeconds);
    QStringList parts;
    int busy = 0;
    int total = 0;
    int queued = 0;
    QMap<QString, QPair<int, int>> connections;
    bool alive = false;
    for (const NodeStatus &node : nodes) {
        if (!node.isAlive(now)) {
            continue;
        }
        alive = true;
        busy += node.workersBusy;
        total += node.workersTotal;
        queued += node.queued;
        for (const QJsonValue &value : node.profiles) {
            const QJsonObject profile = value.toObject();
            auto &pair = connections[profile.value(u"profile"_s).toString()];
            pair.first += profile.value(u"running"_s).toInt();
            pair.second = profile.value(u"max_connections"_s).toInt();
        }
    }
    m_mailboxModel->setEngineRunning(alive);
    if (!alive) {
        m_schedulerLabel->setText(u"No engine running"_s);
        m_schedulerLabel->setToolTip(u"Nothing syncs these mailboxes: start 'syncdesk-node run' on this database, or "
                                     "open the console without --monitor-only."_s);
        return;
    }
    parts.append(u"Workers %1/%2 busy"_s.arg(busy).arg(total));
    parts.append(u"queue %1"_s.arg(queued));
    QStringList tip;
    for (auto it = connections.cbegin(); it != connections.cend(); ++it) {
        tip.append(u"%1: %2 of %3 connections in use"_s.arg(it.key()).arg(it.value().first).arg(it.value().second));
    }
    m_schedulerLabel->setText(parts.join(u" · "_s));
    m_schedulerLabel->setToolTip(tip.join(u'\n'));
}

void MainWindow::updateActions()
{
    const bool any = !selectedMailboxIds(true).isEmpty();
    bool anyDisabled = false;
    for (qint64 id : selectedMailboxIds(false)) {
        const int row = m_mailboxModel->rowOfMailbox(id);
        anyDisabled = anyDisabled || (row >= 0 && !m_mailboxModel->status(row).mailbox.enabled);
    }
    m_enableAction->setEnabled(anyDisabled && m_backend && !m_closing);
    m_disableAction->setEnabled(any && m_backend && !m_closing);
    m_resyncAction->setEnabled(any && m_backend && !m_closing);
    m_resyncAction->setToolTip(any || selectedMailboxIds(false).isEmpty()
                                   ? u"Sync the selected mailboxes now (F5)"_s
                                   : u"Disabled mailboxes are not synced; enable them first"_s);
}

void MainWindow::updateStatusBar()
{
    int counts[5] = {};
    int overdue = 0;
    const QDateTime now = m_mailboxModel->now();
    for (int row = 0; row < m_mailboxModel->rowCount(); ++row) {
        const MailboxStatus &status = m_mailboxModel->status(row);
        const MailboxRunState state = status.runState(now);
        ++counts[int(state)];
        if (status.isOverdue(now, m_mailboxModel->overdueGrace())) {
            ++overdue;
        }
    }
    m_summary->setText(u"%1 mailboxes — %2 OK, %3 failing, %4 syncing, %5 disabled, %6 never synced, %7 overdue"_s
                           .arg(m_mailboxModel->rowCount())
                           .arg(counts[int(MailboxRunState::Ok)])
                           .arg(counts[int(MailboxRunState::Failing)])
                           .arg(counts[int(MailboxRunState::Syncing)])
                           .arg(counts[int(MailboxRunState::Disabled)])
                           .arg(counts[int(MailboxRunState::Never)])
                           .arg(overdue));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closing || !m_backend) {
        event->accept();
        if (!m_closing) {
            m_closing = true;
            Q_EMIT closeRequested();
        }
        return;
    }
    // Let running syncs finish (or be cancelled) without freezing the window; the owner closes us after.
    event->ignore();
    m_closing = true;
    m_resyncAction->setEnabled(false);
    statusBar()->showMessage(u"Stopping: letting running syncs finish…"_s);
    Q_EMIT closeRequested();
}

} // namespace SyncDesk
