#include "mainwindow.h"

#include "consolebackend.h"
#include "dialogs/mailboxdialog.h"
#include "dialogs/profiledialog.h"
#include "dialogs/trackmessagedialog.h"
#include "log/logviewer.h"
#include "model/untrustedtext.h"
#include "models/mailboxtablemodel.h"
#include "statusexporter.h"
#include "troubleshootingcontroller.h"
#include "views/alertspane.h"
#include "views/crmpane.h"
#include "views/itemfailurespane.h"
#include "views/mailboxdetailspane.h"
#include "views/overviewpane.h"
#include "views/plainmessagebox.h"

#include <QAction>
#include <QApplication>
#include <QButtonGroup>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QThreadPool>
#include <QToolBar>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>

static void initUiResources()
{
    Q_INIT_RESOURCE(syncdesk);
}

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

const std::pair<MailboxFilterProxy::QuickFilter, const char16_t *> kQuickFilters[] = {
    {MailboxFilterProxy::QuickFilter::All, u"All"},           {MailboxFilterProxy::QuickFilter::Failing, u"Failing"},
    {MailboxFilterProxy::QuickFilter::Disabled, u"Disabled"}, {MailboxFilterProxy::QuickFilter::Overdue, u"Overdue"},
    {MailboxFilterProxy::QuickFilter::Syncing, u"Syncing"},
};

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    initUiResources();
    setObjectName(u"mainWindow"_s);
    setWindowTitle(u"SyncDesk"_s);
    setWindowIcon(QIcon(u":/syncdesk/icons/syncdesk.svg"_s));
    resize(1400, 860);

    m_mailboxModel = new MailboxTableModel(this);
    m_mailboxProxy = new MailboxFilterProxy(this);
    m_mailboxProxy->setSourceModel(m_mailboxModel);

    createActions();
    // Troubleshooting: alerts, item failures, and actions on the selected mailbox (test connection, ...).
    m_alertsPane = new AlertsPane;
    m_failuresPane = new ItemFailuresPane;
    m_troubleshooting = new TroubleshootingController(this, m_alertsPane, m_failuresPane);
    m_actions.insert(m_troubleshooting->actions());
    createMenus();

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"tabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createMailboxTab(), u"Mail&boxes"_s);
    m_overview = new OverviewPane;
    m_tabs->addTab(m_overview, u"&Overview"_s);
    m_tabs->addTab(m_alertsPane, u"&Alerts"_s);
    m_tabs->addTab(m_failuresPane, u"Item fai&lures"_s);
    connect(m_alertsPane, &AlertsPane::countChanged, this, [this](int open) {
        m_tabs->setTabText(m_tabs->indexOf(m_alertsPane), open > 0 ? u"&Alerts (%1)"_s.arg(open) : u"&Alerts"_s);
    });
    connect(m_failuresPane, &ItemFailuresPane::countChanged, this, [this](int count) {
        m_tabs->setTabText(m_tabs->indexOf(m_failuresPane),
                           count > 0 ? u"Item fai&lures (%1)"_s.arg(count) : u"Item fai&lures"_s);
    });
    m_crm = new CrmPane;
    m_crm->setObjectName(u"crm"_s);
    m_tabs->addTab(m_crm, u"C&RM"_s);
    setCentralWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_crm && m_backend) {
            m_backend->loadCrm();
        }
    });
    connect(m_crm, &CrmPane::refreshRequested, this, [this] {
        if (m_backend) {
            m_backend->loadCrm();
        }
    });
    connect(m_crm, &CrmPane::trackRequested, this, [this] { trackMessage(); });

    m_logViewer = new LogViewer;
    m_logViewer->setObjectName(u"logViewer"_s);
    m_logDock = new QDockWidget(u"Log"_s);
    m_logDock->setObjectName(u"logDock"_s);
    m_logDock->setWidget(m_logViewer);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);

    m_summary = new QLabel;
    m_summary->setObjectName(u"summary"_s);
    m_schedulerLabel = new QLabel;
    m_schedulerLabel->setObjectName(u"schedulerLabel"_s);
    m_engineLabel = new QLabel;
    statusBar()->addWidget(m_summary, 1);
    statusBar()->addPermanentWidget(m_schedulerLabel);
    statusBar()->addPermanentWidget(m_engineLabel);

    connect(m_mailboxView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onSelectionChanged);
    connect(m_mailboxView, &QTableView::doubleClicked, this, [this] { resync(selectedMailboxIds(true)); });
    connect(m_details, &MailboxDetailsPane::resyncRequested, this, [this](qint64 id) { resync({id}); });
    connect(m_details, &MailboxDetailsPane::editRequested, this, &MainWindow::editMailbox);
    connect(m_details, &MailboxDetailsPane::enableRequested, this, [this](qint64 id, bool enabled) {
        if (m_backend) {
            m_backend->setMailboxesEnabled({id}, enabled);
        }
    });
    connect(m_details, &MailboxDetailsPane::showLogRequested, this, &MainWindow::showLog);
    connect(m_details, &MailboxDetailsPane::trackRequested, this, [this] { trackMessage(); });

    // Relative times ("3 min ago", "in 0:41") move with the clock; details follow changes at most once a second.
    m_clockTimer.setInterval(1000);
    connect(&m_clockTimer, &QTimer::timeout, this, [this] {
        m_mailboxModel->setNow(QDateTime::currentDateTimeUtc());
        updateStatusBar();
        updateQuickFilterCounts();
    });
    m_clockTimer.start();
    m_detailsTimer.setSingleShot(true);
    m_detailsTimer.setInterval(250);
    connect(&m_detailsTimer, &QTimer::timeout, this, [this] {
        if (m_backend && m_detailsFor > 0) {
            m_backend->loadDetails(m_detailsFor);
        }
    });
    restoreLayout();
    updateActions();
}

MainWindow::~MainWindow() = default;

LogRecordModel *MainWindow::logModel() const
{
    return m_logViewer->liveModel();
}

QAction *MainWindow::action(const QString &name) const
{
    return m_actions.value(name);
}

void MainWindow::createActions()
{
    auto make = [this](const QString &name, const QString &text, const QString &icon, const QKeySequence &shortcut,
                       const QString &tip, auto slot) {
        auto *action = new QAction(icon.isEmpty() ? QIcon() : QIcon(icon), text, this);
        action->setObjectName(name + u"Action"_s);
        action->setShortcut(shortcut);
        action->setToolTip(shortcut.isEmpty() ? tip : tip + u" ("_s + shortcut.toString() + u')');
        action->setStatusTip(tip);
        connect(action, &QAction::triggered, this, slot);
        m_actions.insert(name, action);
        return action;
    };
    make(u"resync"_s, u"&Resync now"_s, u":/syncdesk/icons/action-resync.svg"_s, QKeySequence(Qt::Key_F5),
         u"Sync the selected mailboxes now"_s, [this] { resync(selectedMailboxIds(true)); });
    make(u"resyncFailing"_s, u"Resync all &failing"_s, QString(), QKeySequence(Qt::SHIFT | Qt::Key_F5),
         u"Sync every failing mailbox now"_s, [this] {
             QList<qint64> ids;
             for (const MailboxStatus &status : m_mailboxModel->statuses()) {
                 if (status.runState(m_mailboxModel->now()) == MailboxRunState::Failing) {
                     ids.append(status.mailbox.id);
                 }
             }
             resync(ids);
         });
    make(u"enable"_s, u"&Enable"_s, u":/syncdesk/icons/state-ok.svg"_s, QKeySequence(),
         u"Enable the selected mailboxes; their failure counters start again from zero"_s,
         [this] { setSelectedEnabled(true); });
    make(u"disable"_s, u"&Disable"_s, u":/syncdesk/icons/state-disabled.svg"_s, QKeySequence(),
         u"Stop syncing the selected mailboxes until they are enabled again"_s, [this] { setSelectedEnabled(false); });
    make(u"addMailbox"_s, u"&Add mailbox…"_s, QString(), QKeySequence(Qt::CTRL | Qt::Key_N), u"Add a mailbox"_s,
         [this] { addMailbox(); });
    make(u"editMailbox"_s, u"Ed&it mailbox…"_s, QString(), QKeySequence(Qt::CTRL | Qt::Key_E),
         u"Change the selected mailbox"_s, [this] { editMailbox(); });
    make(u"addProfile"_s, u"Add server &profile…"_s, QString(), QKeySequence(), u"Add a server profile"_s,
         [this] { addProfile(); });
    make(u"editProfile"_s, u"Edit server profi&le…"_s, QString(), QKeySequence(),
         u"Change the server profile of the selected mailbox"_s, [this] { editProfile(); });
    make(u"import"_s, u"&Import configuration…"_s, QString(), QKeySequence(Qt::CTRL | Qt::Key_I),
         u"Import server profiles and mailboxes from a configuration file"_s, [this] { importConfig(); });
    make(u"export"_s, u"E&xport status…"_s, QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
         u"Save every mailbox's status as CSV or JSON"_s, [this] { exportStatus(); });
    make(u"filter"_s, u"&Filter mailboxes"_s, QString(), QKeySequence(Qt::CTRL | Qt::Key_F),
         u"Type to filter the mailboxes"_s, [this] {
             m_tabs->setCurrentIndex(0);
             m_filter->setFocus();
             m_filter->selectAll();
         });
    make(u"track"_s, u"Trac&k message…"_s, QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
         u"Track a message of the selected mailbox by its Message-ID, and set what it is regarding"_s,
         [this] { trackMessage(); });
    make(u"log"_s, u"Show &log"_s, QString(), QKeySequence(Qt::CTRL | Qt::Key_L), u"Show the log"_s,
         [this] { showLog(QString()); });
    make(u"quit"_s, u"&Quit"_s, QString(), QKeySequence::Quit, u"Close the console"_s, [this] { close(); });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(u"&File"_s);
    file->addAction(action(u"import"_s));
    file->addAction(action(u"export"_s));
    file->addSeparator();
    file->addAction(action(u"quit"_s));
    QMenu *mailbox = menuBar()->addMenu(u"&Mailbox"_s);
    for (const QString &name : {u"resync"_s, u"resyncFailing"_s, u"track"_s}) {
        mailbox->addAction(action(name));
    }
    mailbox->addSeparator();
    mailbox->addAction(action(u"enable"_s));
    mailbox->addAction(action(u"disable"_s));
    mailbox->addSeparator();
    for (const QString &name : {u"testConnection"_s, u"testAndEnable"_s, u"verbose"_s, u"exportDiagnostics"_s}) {
        mailbox->addAction(action(name));
    }
    mailbox->addSeparator();
    for (const QString &name : {u"addMailbox"_s, u"editMailbox"_s, u"addProfile"_s, u"editProfile"_s}) {
        mailbox->addAction(action(name));
    }
    QMenu *view = menuBar()->addMenu(u"&View"_s);
    view->addAction(action(u"filter"_s));
    view->addAction(action(u"log"_s));

    QToolBar *toolbar = addToolBar(u"Actions"_s);
    toolbar->setObjectName(u"actionsToolbar"_s);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(action(u"resync"_s));
    toolbar->addAction(action(u"resyncFailing"_s));
    toolbar->addSeparator();
    toolbar->addAction(action(u"enable"_s));
    toolbar->addAction(action(u"disable"_s));
    toolbar->addAction(action(u"testConnection"_s));
    toolbar->addSeparator();
    toolbar->addAction(action(u"addMailbox"_s));
    toolbar->addAction(action(u"import"_s));
    toolbar->addAction(action(u"export"_s));
}

QWidget *MainWindow::createMailboxTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);

    auto *bar = new QHBoxLayout;
    m_filter = new QLineEdit;
    m_filter->setObjectName(u"filter"_s);
    m_filter->setPlaceholderText(u"Filter by address, profile, error or hint (Ctrl+F)"_s);
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(u"Filter mailboxes"_s);
    connect(m_filter, &QLineEdit::textChanged, m_mailboxProxy, &MailboxFilterProxy::setText);
    bar->addWidget(m_filter, 1);
    m_quickFilters = new QButtonGroup(this);
    m_quickFilters->setExclusive(true);
    for (const auto &[filter, label] : kQuickFilters) {
        auto *button = new QToolButton;
        button->setText(QString::fromUtf16(label));
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setAccessibleName(u"Show "_s + QString::fromUtf16(label));
        button->setChecked(filter == MailboxFilterProxy::QuickFilter::All);
        m_quickFilters->addButton(button, int(filter));
        bar->addWidget(button);
    }
    connect(m_quickFilters, &QButtonGroup::idClicked, this,
            [this](int id) { m_mailboxProxy->setQuickFilter(MailboxFilterProxy::QuickFilter(id)); });
    layout->addLayout(bar);

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
    m_mailboxView->horizontalHeader()->setSectionsMovable(true);
    m_mailboxView->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    auto *separator2 = new QAction(this);
    separator2->setSeparator(true);
    auto *separator3 = new QAction(this);
    separator3->setSeparator(true);
    m_mailboxView->addActions({action(u"resync"_s), action(u"track"_s), separator, action(u"enable"_s),
                               action(u"disable"_s), separator2, action(u"testConnection"_s),
                               action(u"testAndEnable"_s), action(u"verbose"_s), action(u"exportDiagnostics"_s),
                               separator3, action(u"editMailbox"_s), action(u"editProfile"_s), action(u"log"_s)});
    const int widths[] = {220, 110, 130, 105, 115, 90, 140, 50, 60, 75};
    for (int column = 0; column < int(std::size(widths)); ++column) {
        m_mailboxView->setColumnWidth(column, widths[column]);
    }

    m_placeholderPage = new QWidget;
    auto *placeholderLayout = new QVBoxLayout(m_placeholderPage);
    placeholderLayout->addStretch();
    m_placeholder = new QLabel;
    m_placeholder->setObjectName(u"placeholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_placeholder->setText(u"Reading the database…"_s);
    placeholderLayout->addWidget(m_placeholder);
    m_placeholderActions = new QWidget;
    auto *buttons = new QHBoxLayout(m_placeholderActions);
    buttons->addStretch();
    for (const QString &name : {u"addMailbox"_s, u"import"_s}) {
        auto *button = new QPushButton(action(name)->text().remove(u'&'));
        button->setObjectName(name + u"Button"_s);
        connect(button, &QPushButton::clicked, action(name), &QAction::trigger);
        buttons->addWidget(button);
    }
    buttons->addStretch();
    m_placeholderActions->hide();
    placeholderLayout->addWidget(m_placeholderActions);
    placeholderLayout->addStretch();

    m_stack = new QStackedWidget;
    m_stack->addWidget(m_placeholderPage);
    m_stack->addWidget(m_mailboxView);
    m_details = new MailboxDetailsPane;
    m_details->setObjectName(u"details"_s);
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(u"mailboxSplitter"_s);
    splitter->addWidget(m_stack);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({880, 520});
    layout->addWidget(splitter, 1);
    return page;
}

void MainWindow::setBackend(ConsoleBackend *backend)
{
    m_backend = backend;
    connect(backend, &ConsoleBackend::statusesChanged, this, &MainWindow::onStatuses);
    connect(backend, &ConsoleBackend::logRecordsAdded, m_logViewer, &LogViewer::appendRecords);
    m_logViewer->setStore(backend->options().store);
    connect(backend, &ConsoleBackend::storeFailed, this, &MainWindow::onStoreFailed);
    connect(backend, &ConsoleBackend::engineFailed, this, &MainWindow::onStoreFailed);
    connect(backend, &ConsoleBackend::enginesChanged, this, &MainWindow::onEngines);
    connect(backend, &ConsoleBackend::detailsLoaded, this, &MainWindow::onDetails);
    connect(backend, &ConsoleBackend::configApplied, this, &MainWindow::onConfigApplied);
    connect(backend, &ConsoleBackend::profilesChanged, this,
            [this](const QList<ServerProfile> &profiles) { m_profiles = profiles; });
    connect(backend, &ConsoleBackend::statisticsChanged, m_overview, &OverviewPane::setStatistics);
    connect(backend, &ConsoleBackend::crmLoaded, this,
            [this](const CrmRecordList &records, const QList<TrackRequest> &requests) {
                m_crmRecords = records;
                m_crm->setCrm(records, requests);
            });
    connect(backend, &ConsoleBackend::trackRequestAdded, this,
            [this](qint64 mailboxId, qint64 requestId, const QString &error) {
                if (requestId == 0) {
                    plainMessageBox(QMessageBox::Warning, u"Track message"_s,
                                    u"The request was not recorded: "_s + error, {}, this)
                        ->open();
                    return;
                }
                const int row = m_mailboxModel->rowOfMailbox(mailboxId);
                statusBar()->showMessage(u"Track request #%1 recorded; %2 syncs now"_s.arg(requestId).arg(
                                             row >= 0 ? m_mailboxModel->status(row).mailbox.address : QString()),
                                         8000);
                m_backend->loadCrm();
                if (m_detailsFor == mailboxId) {
                    m_detailsTimer.start();
                }
            });

    m_troubleshooting->setBackend(backend);
    m_engineLabel->setText(!backend->options().engineNote.isEmpty() ? backend->options().engineNote
                           : backend->runsEngine()                  ? u"Engine running in this console"_s
                                                                    : u"Monitoring only: syncs run in syncdesk-node"_s);
    setSubtitle(backend->options().store.describe());
    updateActions();
}

void MainWindow::setPlaceholder(const QString &text, bool offerActions)
{
    m_placeholder->setText(text);
    m_placeholderActions->setVisible(offerActions);
    m_stack->setCurrentWidget(m_placeholderPage);
}

void MainWindow::setSubtitle(const QString &subtitle)
{
    setWindowTitle(subtitle.isEmpty() ? u"SyncDesk"_s : u"SyncDesk — "_s + subtitle);
}

void MainWindow::onStatuses(const MailboxStatusList &statuses)
{
    // The store changed: the CRM records (owners for the dialogs) once, and while the CRM tab shows,
    // its records and requests at most every two seconds.
    const bool crmVisible = m_tabs->currentWidget() == m_crm;
    if (m_backend &&
        (!m_haveStatuses || (crmVisible && (!m_crmLoadedAt.isValid() || m_crmLoadedAt.elapsed() > 2000)))) {
        m_crmLoadedAt.start();
        m_backend->loadCrm();
    }
    m_haveStatuses = true;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_mailboxModel->setNow(now);
    m_mailboxModel->setStatuses(statuses);
    m_overview->setStatuses(statuses, now, m_mailboxModel->overdueGrace());
    if (statuses.isEmpty()) {
        setPlaceholder(
            u"No mailboxes yet — add a mailbox or import a configuration.\n\nFrom a shell: syncdesk-node "
            "--db %1 config import FILE.json"_s.arg(m_backend ? m_backend->options().store.describe() : QString()),
            true);
    } else {
        m_stack->setCurrentWidget(m_mailboxView);
    }
    if (!m_pendingSelection.isEmpty() && m_mailboxModel->rowCount() > 0) {
        selectMailbox(std::exchange(m_pendingSelection, QString()));
    }
    if (m_detailsFor > 0) {
        m_detailsTimer.start();
    }
    updateActions();
    updateStatusBar();
    updateQuickFilterCounts();
}

void MainWindow::onStoreFailed(const SyncError &error)
{
    statusBar()->showMessage(error.toString(), 15000);
    if (!m_haveStatuses) {
        setPlaceholder(u"The database cannot be read:\n%1"_s.arg(error.toString()));
    }
}

void MainWindow::onEngines(const QList<NodeStatus> &nodes, int overdueGraceSeconds)
{
    m_nodes = nodes;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_mailboxModel->setOverdueGrace(overdueGraceSeconds);
    m_overview->setEngines(nodes, now);
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
    QStringList tip;
    for (auto it = connections.cbegin(); it != connections.cend(); ++it) {
        tip.append(u"%1: %2 of %3 connections in use"_s.arg(it.key()).arg(it.value().first).arg(it.value().second));
    }
    m_schedulerLabel->setText(u"Workers %1/%2 busy · queue %3"_s.arg(busy).arg(total).arg(queued));
    m_schedulerLabel->setToolTip(UntrustedText::toolTip(tip.join(u'\n')));
}

void MainWindow::onSelectionChanged()
{
    const QList<qint64> ids = selectedMailboxIds(false);
    updateActions();
    if (ids.size() == 1) {
        m_detailsFor = ids.constFirst();
        m_detailsTimer.start(0);
    } else {
        m_detailsFor = 0;
        m_details->showMessage(ids.isEmpty() ? u"Select a mailbox to see its details."_s
                                             : u"%1 mailboxes selected."_s.arg(ids.size()));
    }
}

void MainWindow::onDetails(const MailboxDetails &details)
{
    if (details.status.mailbox.id == m_detailsFor) {
        m_details->setDetails(details, QDateTime::currentDateTimeUtc());
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

void MainWindow::resync(const QList<qint64> &ids)
{
    if (ids.isEmpty() || !m_backend || m_closing) {
        return;
    }
    m_backend->requestSync(ids);
    statusBar()->showMessage(u"Resync requested for %1 mailbox(es)"_s.arg(ids.size()), 5000);
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

void MainWindow::showLog(const QString &address)
{
    m_logDock->show();
    m_logDock->raise();
    if (address.isEmpty()) {
        m_logViewer->focusTextFilter();
        return;
    }
    m_logViewer->showMailbox(address);
    statusBar()->showMessage(u"Log of %1"_s.arg(address), 5000);
}

void MainWindow::focusLog(const QString &address)
{
    showLog(address);
    resizeDocks({m_logDock}, {height() * 3 / 5}, Qt::Vertical);
}

void MainWindow::selectMailbox(const QString &address)
{
    m_tabs->setCurrentIndex(0);
    for (int row = 0; row < m_mailboxProxy->rowCount(); ++row) {
        const QModelIndex index = m_mailboxProxy->index(row, MailboxTableModel::Address);
        if (index.data().toString().compare(address, Qt::CaseInsensitive) == 0) {
            m_mailboxView->selectRow(row);
            m_mailboxView->scrollTo(index);
            return;
        }
    }
    m_pendingSelection = address; // not loaded yet: selected when it appears
}

void MainWindow::showOverview()
{
    m_tabs->setCurrentWidget(m_overview);
}

bool MainWindow::showTab(const QString &name)
{
    const QHash<QString, QWidget *> tabs = {{u"mailboxes"_s, m_tabs->widget(0)},
                                            {u"overview"_s, m_overview},
                                            {u"alerts"_s, m_alertsPane},
                                            {u"failures"_s, m_failuresPane},
                                            {u"crm"_s, m_crm}};
    QWidget *tab = tabs.value(name.toLower());
    if (!tab) {
        return false;
    }
    m_tabs->setCurrentWidget(tab);
    return true;
}

void MainWindow::showCrm()
{
    m_tabs->setCurrentWidget(m_crm);
}

void MainWindow::setQuickFilter(MailboxFilterProxy::QuickFilter filter)
{
    if (QAbstractButton *button = m_quickFilters->button(int(filter))) {
        button->setChecked(true);
    }
    m_mailboxProxy->setQuickFilter(filter);
}

QString MainWindow::quickFilterLabel(MailboxFilterProxy::QuickFilter filter) const
{
    QAbstractButton *button = m_quickFilters->button(int(filter));
    return button ? button->text() : QString();
}

void MainWindow::updateQuickFilterCounts()
{
    for (const auto &[filter, label] : kQuickFilters) {
        int count = 0;
        for (int row = 0; row < m_mailboxModel->rowCount(); ++row) {
            count += m_mailboxProxy->matchesQuickFilter(row, filter) ? 1 : 0;
        }
        m_quickFilters->button(int(filter))->setText(u"%1 (%2)"_s.arg(QString::fromUtf16(label)).arg(count));
    }
}

void MainWindow::updateActions()
{
    const bool ready = m_backend && !m_closing;
    const QList<qint64> selected = selectedMailboxIds(false);
    const bool anyEnabled = !selectedMailboxIds(true).isEmpty();
    bool anyDisabled = false;
    for (qint64 id : selected) {
        const int row = m_mailboxModel->rowOfMailbox(id);
        anyDisabled = anyDisabled || (row >= 0 && !m_mailboxModel->status(row).mailbox.enabled);
    }
    action(u"resync"_s)->setEnabled(ready && anyEnabled);
    action(u"resyncFailing"_s)->setEnabled(ready);
    action(u"enable"_s)->setEnabled(ready && anyDisabled);
    action(u"disable"_s)->setEnabled(ready && anyEnabled);
    action(u"addMailbox"_s)->setEnabled(ready);
    action(u"addProfile"_s)->setEnabled(ready);
    action(u"editMailbox"_s)->setEnabled(ready && selected.size() == 1);
    action(u"track"_s)->setEnabled(ready && m_mailboxModel->rowCount() > 0);
    action(u"editProfile"_s)->setEnabled(ready && selected.size() == 1);
    action(u"import"_s)->setEnabled(ready);
    action(u"export"_s)->setEnabled(m_mailboxModel->rowCount() > 0);
    m_troubleshooting->updateActions();
    action(u"resync"_s)
        ->setToolTip(anyEnabled || selected.isEmpty() ? u"Sync the selected mailboxes now (F5)"_s
                                                      : u"Disabled mailboxes are not synced; enable them first"_s);
}

void MainWindow::updateStatusBar()
{
    int counts[5] = {};
    int overdue = 0;
    const QDateTime now = m_mailboxModel->now();
    for (const MailboxStatus &status : m_mailboxModel->statuses()) {
        ++counts[int(status.runState(now))];
        overdue += m_mailboxModel->isOverdue(status) ? 1 : 0;
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

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/mailboxHeader"_s, m_mailboxView->horizontalHeader()->saveState());
    settings.setValue(u"window/logViewerHeader"_s, m_logViewer->view()->horizontalHeader()->saveState());
    if (auto *splitter = findChild<QSplitter *>(u"mailboxSplitter"_s)) {
        settings.setValue(u"window/splitter"_s, splitter->saveState());
    }
    settings.setValue(u"window/tab"_s, m_tabs->currentIndex());
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    restoreState(settings.value(u"window/state"_s).toByteArray());
    m_mailboxView->horizontalHeader()->restoreState(settings.value(u"window/mailboxHeader"_s).toByteArray());
    m_logViewer->view()->horizontalHeader()->restoreState(settings.value(u"window/logViewerHeader"_s).toByteArray());
    if (auto *splitter = findChild<QSplitter *>(u"mailboxSplitter"_s)) {
        splitter->restoreState(settings.value(u"window/splitter"_s).toByteArray());
    }
    m_tabs->setCurrentIndex(settings.value(u"window/tab"_s, 0).toInt());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_closing) {
        saveLayout();
    }
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
    updateActions();
    statusBar()->showMessage(u"Stopping: letting running syncs finish…"_s);
    Q_EMIT closeRequested();
}

} // namespace SyncDesk
