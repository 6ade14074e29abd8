#include "mainwindow.h"

#include "bulkactions.h"
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
#include "views/elidemiddledelegate.h"
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
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QThreadPool>
#include <QTimer>
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

// Labels of the quick filter buttons, translated where shown.
const std::pair<MailboxFilterProxy::QuickFilter, const char *> kQuickFilters[] = {
    //: quick filter: every mailbox
    {MailboxFilterProxy::QuickFilter::All, QT_TRANSLATE_NOOP("SyncDesk::MainWindow", "All")},
    //: quick filter: mailboxes whose syncs fail
    {MailboxFilterProxy::QuickFilter::Failing, QT_TRANSLATE_NOOP("SyncDesk::MainWindow", "Failing")},
    //: quick filter: disabled mailboxes
    {MailboxFilterProxy::QuickFilter::Disabled, QT_TRANSLATE_NOOP("SyncDesk::MainWindow", "Disabled")},
    //: quick filter: mailboxes whose sync is late
    {MailboxFilterProxy::QuickFilter::Overdue, QT_TRANSLATE_NOOP("SyncDesk::MainWindow", "Overdue")},
    //: quick filter: mailboxes syncing now
    {MailboxFilterProxy::QuickFilter::Syncing, QT_TRANSLATE_NOOP("SyncDesk::MainWindow", "Syncing")},
    //: quick filter: mailboxes whose last sync succeeded
    {MailboxFilterProxy::QuickFilter::Ok, QT_TRANSLATE_NOOP("SyncDesk::MainWindow", "OK")},
    //: quick filter: mailboxes not synced yet
    {MailboxFilterProxy::QuickFilter::Never, QT_TRANSLATE_NOOP("SyncDesk::MainWindow", "Never synced")},
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
    m_bulk = new BulkActions(this);
    m_actions.insert(m_troubleshooting->actions());
    createMenus();

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"tabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createMailboxTab(), tr("Mail&boxes"));
    m_overview = new OverviewPane;
    m_tabs->addTab(m_overview, tr("&Overview"));
    m_tabs->addTab(m_alertsPane, tr("&Alerts"));
    m_tabs->addTab(m_failuresPane, tr("Item fai&lures"));
    connect(m_alertsPane, &AlertsPane::countChanged, this, [this](int open) {
        //: tab title with the number of open alerts
        m_tabs->setTabText(m_tabs->indexOf(m_alertsPane), open > 0 ? tr("&Alerts (%1)").arg(open) : tr("&Alerts"));
    });
    connect(m_failuresPane, &ItemFailuresPane::countChanged, this, [this](int count) {
        //: tab title with the number of item failures
        m_tabs->setTabText(m_tabs->indexOf(m_failuresPane),
                           count > 0 ? tr("Item fai&lures (%1)").arg(count) : tr("Item fai&lures"));
    });
    createOutbox();
    m_crm = new CrmPane;
    m_crm->setObjectName(u"crm"_s);
    m_tabs->addTab(m_crm, tr("C&RM"));
    // An information bar above the tabs (the demo says its passwords there); hidden unless set.
    auto *central = new QWidget;
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_infoBar = new QLabel;
    m_infoBar->setObjectName(u"infoBar"_s);
    m_infoBar->setTextFormat(Qt::PlainText);
    m_infoBar->setWordWrap(true);
    m_infoBar->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_infoBar->setFrameShape(QFrame::StyledPanel);
    m_infoBar->setMargin(6);
    m_infoBar->setAutoFillBackground(true);
    m_infoBar->setBackgroundRole(QPalette::ToolTipBase);
    m_infoBar->setForegroundRole(QPalette::ToolTipText);
    m_infoBar->hide();
    centralLayout->addWidget(m_infoBar);
    centralLayout->addWidget(m_tabs, 1);
    setCentralWidget(central);
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
    //: title of the dock that shows the log records (a noun)
    m_logDock = new QDockWidget(tr("Log"));
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
    createContextMenus();
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateActions);
    connect(m_alertsPane, &AlertsPane::selectionChanged, this, &MainWindow::updateActions);
    connect(m_failuresPane, &ItemFailuresPane::selectionChanged, this, &MainWindow::updateActions);
    connect(m_alertsPane, &AlertsPane::mailboxOpenRequested, this, &MainWindow::openMailbox);
    connect(m_failuresPane, &ItemFailuresPane::mailboxOpenRequested, this, &MainWindow::openMailbox);
    connect(m_alertsPane, &AlertsPane::incidentOpenRequested, this, &MainWindow::showMailboxSet);
    // The Overview's tiles and chart bars open the table filtered to what they count.
    connect(m_overview, &OverviewPane::stateRequested, this, [this](const QString &state) {
        clearMailboxFilters();
        const QHash<QString, MailboxFilterProxy::QuickFilter> filters{
            {u"ok"_s, MailboxFilterProxy::QuickFilter::Ok},
            {u"failing"_s, MailboxFilterProxy::QuickFilter::Failing},
            {u"syncing"_s, MailboxFilterProxy::QuickFilter::Syncing},
            {u"disabled"_s, MailboxFilterProxy::QuickFilter::Disabled},
            {u"never"_s, MailboxFilterProxy::QuickFilter::Never},
            {u"overdue"_s, MailboxFilterProxy::QuickFilter::Overdue}};
        setQuickFilter(filters.value(state, MailboxFilterProxy::QuickFilter::All));
        m_tabs->setCurrentIndex(0);
    });
    connect(m_overview, &OverviewPane::errorClassRequested, this, [this](const QString &errorClass) {
        clearMailboxFilters();
        setErrorClassFilter(errorClass);
        m_tabs->setCurrentIndex(0);
    });
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
    connect(m_details, &MailboxDetailsPane::repairRequested, this, [this](qint64 id) {
        if (m_backend) {
            m_backend->auditAndRepair(id);
            statusBar()->showMessage(tr("Auditing the mailbox now; missing messages are fetched again, then it is "
                                        "audited once more (see its log)"),
                                     10000);
        }
    });

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

QWidget *MainWindow::createMailboxTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);

    auto *bar = new QHBoxLayout;
    m_filter = new QLineEdit;
    m_filter->setObjectName(u"filter"_s);
    m_filter->setPlaceholderText(tr("Filter by address, profile, error or hint (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter mailboxes"));
    connect(m_filter, &QLineEdit::textChanged, m_mailboxProxy, &MailboxFilterProxy::setText);
    bar->addWidget(m_filter, 1);
    m_quickFilters = new QButtonGroup(this);
    m_quickFilters->setExclusive(true);
    for (const auto &[filter, label] : kQuickFilters) {
        auto *button = new QToolButton;
        const QString text = QCoreApplication::translate("SyncDesk::MainWindow", label);
        button->setText(text);
        button->setCheckable(true);
        button->setAutoRaise(true);
        //: accessible name of a quick filter button; %1 is its label ("Failing", "Never synced", ...)
        button->setAccessibleName(tr("Show %1").arg(text));
        button->setChecked(filter == MailboxFilterProxy::QuickFilter::All);
        m_quickFilters->addButton(button, int(filter));
        bar->addWidget(button);
    }
    connect(m_quickFilters, &QButtonGroup::idClicked, this,
            [this](int id) { m_mailboxProxy->setQuickFilter(MailboxFilterProxy::QuickFilter(id)); });
    layout->addLayout(bar);
    layout->addLayout(createFilterChoices());
    // Said whenever the table shows only some mailboxes for a reason other than the filters above.
    m_mailboxSetBar = new QWidget;
    m_mailboxSetBar->setObjectName(u"mailboxSetBar"_s);
    auto *setLayout = new QHBoxLayout(m_mailboxSetBar);
    setLayout->setContentsMargins(0, 0, 0, 0);
    m_mailboxSetLabel = new QLabel;
    m_mailboxSetLabel->setObjectName(u"mailboxSetLabel"_s);
    m_mailboxSetLabel->setTextFormat(Qt::PlainText);
    auto *showAll = new QPushButton(tr("Show all mailboxes"));
    showAll->setObjectName(u"showAllMailboxes"_s);
    connect(showAll, &QPushButton::clicked, this, [this] {
        m_mailboxProxy->setMailboxSet({});
        m_mailboxSetBar->hide();
    });
    setLayout->addWidget(m_mailboxSetLabel, 1);
    setLayout->addWidget(showAll);
    m_mailboxSetBar->hide();
    layout->addWidget(m_mailboxSetBar);

    m_mailboxView = new QTableView;
    m_mailboxView->setObjectName(u"mailboxView"_s);
    m_mailboxView->setAccessibleName(tr("Mailboxes"));
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
    setUpMailboxColumns();

    m_placeholderPage = new QWidget;
    auto *placeholderLayout = new QVBoxLayout(m_placeholderPage);
    placeholderLayout->addStretch();
    m_placeholder = new QLabel;
    m_placeholder->setObjectName(u"placeholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_placeholder->setText(tr("Reading the database…"));
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

void MainWindow::setUpMailboxColumns()
{
    // What an operator reads first comes first and fits a 1366-pixel screen with the details pane open:
    // mailbox, state, last success, next sync, failures, what to do; then the rest, which the column
    // chooser (the header's context menu) shows or hides. Order, widths and hidden columns are remembered.
    using M = MailboxTableModel;
    const std::pair<int, int> layout[] = {{M::Address, 190},    {M::State, 78},     {M::LastSuccess, 88},
                                          {M::NextSync, 105},   {M::Failures, 58},  {M::Hint, 230},
                                          {M::ErrorClass, 260}, {M::Interval, 115}, {M::ItemsLastSync, 50},
                                          {M::Profile, 130},    {M::Owner, 110}};
    QHeaderView *header = m_mailboxView->horizontalHeader();
    for (int visual = 0; visual < int(std::size(layout)); ++visual) {
        const auto [column, width] = layout[visual];
        header->moveSection(header->visualIndex(column), visual);
        // Never narrower than the column's title (longer in some languages than in English).
        header->resizeSection(column, std::max(width, header->sectionSizeHint(column)));
    }
    auto *elide = new ElideMiddleDelegate(m_mailboxView);
    m_mailboxView->setItemDelegateForColumn(M::Address, elide);
    m_mailboxView->setItemDelegateForColumn(M::Profile, elide);
    m_mailboxView->setItemDelegateForColumn(M::Owner, elide);
    header->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (int column = 0; column < M::ColumnCount; ++column) {
        auto *toggle = new QAction(m_mailboxModel->headerData(column, Qt::Horizontal).toString(), header);
        toggle->setObjectName(u"column%1Action"_s.arg(column));
        toggle->setCheckable(true);
        toggle->setChecked(true);
        connect(toggle, &QAction::toggled, this, [this, header, column, toggle](bool shown) {
            if (!shown && header->count() - header->hiddenSectionCount() <= 1) {
                toggle->setChecked(true); // the last column stays
                return;
            }
            header->setSectionHidden(column, !shown);
        });
        header->addAction(toggle);
    }
}

void MainWindow::syncColumnChooser()
{
    QHeaderView *header = m_mailboxView->horizontalHeader();
    for (QAction *toggle : header->actions()) {
        const int column = toggle->objectName().mid(6).chopped(6).toInt(); // "column<N>Action"
        const QSignalBlocker blocker(toggle);
        toggle->setChecked(!header->isSectionHidden(column));
    }
}

void MainWindow::setBackend(ConsoleBackend *backend)
{
    m_backend = backend;
    connect(backend, &ConsoleBackend::statusesChanged, this, &MainWindow::onStatuses);
    connect(backend, &ConsoleBackend::logRecordsAdded, m_logViewer, &LogViewer::appendRecords);
    m_logViewer->setStore(backend->options().store);
    m_details->setRepairAvailable(backend->options().runEngine);
    connect(backend, &ConsoleBackend::storeFailed, this, &MainWindow::onStoreFailed);
    connect(backend, &ConsoleBackend::engineFailed, this, &MainWindow::onStoreFailed);
    connect(backend, &ConsoleBackend::enginesChanged, this, &MainWindow::onEngines);
    connect(backend, &ConsoleBackend::detailsLoaded, this, &MainWindow::onDetails);
    connect(backend, &ConsoleBackend::configApplied, this, &MainWindow::onConfigApplied);
    connect(backend, &ConsoleBackend::profilesChanged, this, [this](const QList<ServerProfile> &profiles) {
        m_profiles = profiles;
        m_profilesKnown = true; // the mailbox dialogs need them: until now, adding or editing waits
        updateActions();
    });
    connect(backend, &ConsoleBackend::statisticsChanged, m_overview, &OverviewPane::setStatistics);
    connectOutbox(backend);
    connectAct(backend);
    connect(backend, &ConsoleBackend::crmLoaded, this,
            [this](const CrmRecordList &records, const QList<TrackRequest> &requests) {
                m_crmRecords = records;
                m_crm->setCrm(records, requests);
            });
    connect(backend, &ConsoleBackend::trackRequestAdded, this,
            [this](qint64 mailboxId, qint64 requestId, const QString &error) {
                if (requestId == 0) {
                    plainMessageBox(QMessageBox::Warning, tr("Track message"),
                                    tr("The request was not recorded: %1").arg(error), {}, this)
                        ->open();
                    return;
                }
                const int row = m_mailboxModel->rowOfMailbox(mailboxId);
                statusBar()->showMessage(tr("Track request #%1 recorded; %2 syncs now")
                                             .arg(requestId)
                                             .arg(row >= 0 ? m_mailboxModel->status(row).mailbox.address : QString()),
                                         8000);
                m_backend->loadCrm();
                if (m_detailsFor == mailboxId) {
                    m_detailsTimer.start();
                }
            });

    m_troubleshooting->setBackend(backend);
    m_bulk->setBackend(backend);
    m_engineLabel->setText(!backend->options().engineNote.isEmpty() ? backend->options().engineNote
                           : backend->runsEngine()                  ? tr("Engine running in this console")
                                                   : tr("Monitoring only: syncs run in syncdesk-node"));
    setSubtitle(backend->options().store.describe());
    updateActions();
}

void MainWindow::setPlaceholder(const QString &text, bool offerActions)
{
    m_placeholder->setText(text);
    m_placeholderActions->setVisible(offerActions);
    m_stack->setCurrentWidget(m_placeholderPage);
}

void MainWindow::setInfoBar(const QString &text)
{
    m_infoBar->setText(text);
    m_infoBar->setAccessibleName(text);
    m_infoBar->setVisible(!text.isEmpty());
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
    updateFilterChoices();
    if (statuses.isEmpty()) {
        //: the command after "From a shell:" is typed as is: keep it untranslated
        setPlaceholder(tr("No mailboxes yet — add a mailbox or import a configuration.\n\nFrom a shell: syncdesk-node "
                          "--db %1 config import FILE.json")
                           .arg(m_backend ? m_backend->options().store.describe() : QString()),
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
        setPlaceholder(tr("The database cannot be read:\n%1").arg(error.toString()));
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
        m_schedulerLabel->setText(tr("No engine running"));
        m_schedulerLabel->setToolTip(tr("Nothing syncs these mailboxes: start 'syncdesk-node run' on this database, or "
                                        "open the console without --monitor-only."));
        return;
    }
    QStringList tip;
    for (auto it = connections.cbegin(); it != connections.cend(); ++it) {
        //: %1 is a server profile's name
        tip.append(tr("%1: %2 of %n connection(s) in use", nullptr, it.value().second)
                       .arg(it.key(), QString::number(it.value().first)));
    }
    m_schedulerLabel->setText(tr("Workers %1/%2 busy · queue %3").arg(busy).arg(total).arg(queued));
    m_schedulerLabel->setToolTip(UntrustedText::toolTip(tip.join(u'\n')));
}

void MainWindow::onSelectionChanged()
{
    const QList<qint64> ids = tableSelectedMailboxIds();
    updateActions();
    if (ids.size() == 1) {
        m_detailsFor = ids.constFirst();
        m_detailsTimer.start(0);
    } else {
        m_detailsFor = 0;
        m_details->showMessage(ids.isEmpty() ? tr("Select a mailbox to see its details.")
                                             : tr("%n mailbox(es) selected.", nullptr, int(ids.size())));
    }
}

void MainWindow::onDetails(const MailboxDetails &details)
{
    if (details.status.mailbox.id == m_detailsFor) {
        m_details->setDetails(details, QDateTime::currentDateTimeUtc());
    }
}

void MainWindow::resync(const QList<qint64> &ids)
{
    if (ids.isEmpty() || !m_backend || m_closing) {
        return;
    }
    if (ids.size() > 1) {
        m_bulk->run(BulkOperation::Kind::Resync, ids); // asks once, shows progress
        return;
    }
    m_backend->requestSync(ids);
    statusBar()->showMessage(tr("Resync requested for %n mailbox(es)", nullptr, int(ids.size())), 5000);
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
    if (ids.size() > 1) {
        m_bulk->run(enabled ? BulkOperation::Kind::Enable : BulkOperation::Kind::Disable, ids);
        return;
    }
    m_backend->setMailboxesEnabled(ids, enabled);
    QString message;
    if (enabled) {
        //: plural: Enabled %n mailbox; it syncs now
        message = tr("Enabled %n mailboxes; they sync now", nullptr, int(ids.size()));
    } else {
        message = tr("Disabled %n mailbox(es)", nullptr, int(ids.size()));
    }
    statusBar()->showMessage(message, 5000);
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
        m_quickFilters->button(int(filter))
            ->setText(u"%1 (%2)"_s.arg(QCoreApplication::translate("SyncDesk::MainWindow", label)).arg(count));
    }
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
    m_summary->setText(tr("%n mailbox(es) — %1 OK, %2 failing, %3 syncing, %4 disabled, %5 never synced, %6 overdue",
                          nullptr, m_mailboxModel->rowCount())
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
    if (settings.contains(u"window/state"_s)) {
        restoreState(settings.value(u"window/state"_s).toByteArray());
    } else {
        // First start: the log takes a quarter of the window, the mailboxes the rest (a 1366×768 screen shows
        // a dozen rows). Once the window has its size, that is, from the event loop.
        QTimer::singleShot(0, this, [this] { resizeDocks({m_logDock}, {std::max(140, height() / 4)}, Qt::Vertical); });
    }
    m_mailboxView->horizontalHeader()->restoreState(settings.value(u"window/mailboxHeader"_s).toByteArray());
    syncColumnChooser();
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
    statusBar()->showMessage(tr("Stopping: letting running syncs finish…"));
    Q_EMIT closeRequested();
}

} // namespace SyncDesk
