#pragma once

#include "diagnostics/syncerror.h"
#include "logging/logrecord.h"
#include "model/crmrecord.h"
#include "model/mailboxdetails.h"
#include "model/mailboxstatus.h"
#include "model/nodestatus.h"
#include "model/serverprofile.h"
#include "models/mailboxfilterproxy.h"
#include "outgoing/outgoingdirection.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class QAction;
class QButtonGroup;
class QComboBox;
class QHBoxLayout;
class QMenu;
class QDockWidget;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolButton;

namespace SyncDesk {

class AlertsPane;
class BulkActions;
class ConsoleBackend;
class CrmPane;
class LogRecordModel;
class LogViewer;
class ItemFailuresPane;
class TroubleshootingController;
class MailboxDetailsPane;
class MailboxTableModel;
class OverviewPane;
class OutboxPane;
class ComposeDialog;
class ActRecordDialog;

// The monitoring console's main window: every mailbox with its interval, last and next sync, failures,
// last error and what to do about it; the details of the selected one; an overview of the fleet; the
// actions an operator needs; the log.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The backend is owned by the caller; the window follows its signals.
    void setBackend(ConsoleBackend *backend);
    // Text shown while there is nothing to show (no mailboxes yet, demo starting, store unreadable).
    void setPlaceholder(const QString &text, bool offerActions = false);
    void setSubtitle(const QString &subtitle);
    // A line of information above the tabs, plain text (empty: hidden).
    void setInfoBar(const QString &text);
    QLabel *infoBar() const { return m_infoBar; }

    MailboxTableModel *mailboxModel() const { return m_mailboxModel; }
    MailboxFilterProxy *mailboxProxy() const { return m_mailboxProxy; }
    LogViewer *logViewer() const { return m_logViewer; }
    LogRecordModel *logModel() const;
    QTableView *mailboxView() const { return m_mailboxView; }
    MailboxDetailsPane *detailsPane() const { return m_details; }
    OverviewPane *overviewPane() const { return m_overview; }
    CrmPane *crmPane() const { return m_crm; }
    AlertsPane *alertsPane() const { return m_alertsPane; }
    ItemFailuresPane *itemFailuresPane() const { return m_failuresPane; }
    OutboxPane *outboxPane() const { return m_outboxPane; }
    ComposeDialog *composeDialog() const; // while one is open
    // Compose: an email through the mailbox selected in the table (or another one chosen in the dialog).
    void compose();
    // mainwindow_act.cpp. The CRM tab's appointments and tasks: add (id 0) or edit one in a dialog, delete some after
    // a confirmation, track an appointment.
    void editActRecord(SyncDesk::ActKind kind, qint64 id);
    void deleteActRecords(SyncDesk::ActKind kind, const QList<qint64> &ids);
    void trackAppointment(qint64 id);
    ActRecordDialog *actRecordDialog() const; // while one is open
    BulkActions *bulkActions() const { return m_bulk; }
    const QList<ServerProfile> &profiles() const { return m_profiles; }
    QLineEdit *filterEdit() const { return m_filter; }
    QAction *action(const QString &name) const; // "resync", "resyncFailing", "enable", "disable", ...
    QAction *resyncAction() const { return action(QStringLiteral("resync")); }
    QAction *enableAction() const { return action(QStringLiteral("enable")); }
    QAction *disableAction() const { return action(QStringLiteral("disable")); }
    void setQuickFilter(MailboxFilterProxy::QuickFilter filter);
    // Selects a mailbox by address (now, or as soon as it is loaded).
    void selectMailbox(const QString &address);
    // Shows the log viewer over most of the window, filtered to a mailbox when one is given.
    void focusLog(const QString &address);
    void showOverview();
    void showCrm();
    // Shows a tab by name: mailboxes, overview, alerts, failures, outbox or crm; false for another name.
    bool showTab(const QString &name);
    QString quickFilterLabel(MailboxFilterProxy::QuickFilter filter) const;
    // The mailboxes the selection of the tab that shows stands for (Mailboxes: the selected rows; Alerts:
    // the alerts' mailboxes; Item failures: the failures' mailboxes; other tabs: none). Every mailbox
    // action applies to these.
    QList<qint64> selectedMailboxIds(bool enabledOnly) const;
    // The rows selected in the mailbox table, whichever tab shows (the details pane follows these).
    QList<qint64> tableSelectedMailboxIds() const;
    // Shows a mailbox in the table, selected (clearing the filters that would hide it, and saying so).
    void openMailbox(qint64 mailboxId);
    // Shows only these mailboxes in the table, with a bar that says why and offers to show all again.
    void showMailboxSet(const QString &label, const QList<qint64> &mailboxIds);
    void clearMailboxFilters();
    // Saved views: a combination of filters under a name, kept in the settings.
    void saveView(const QString &name);
    bool restoreView(const QString &name);
    QStringList savedViews() const;
    // The filters one value at a time (for the Overview's tiles and chart, and tests); empty: any.
    void setProfileFilter(const QString &profile);
    void setErrorClassFilter(const QString &errorClass);
    void setOwnerFilter(const QString &owner);

Q_SIGNALS:
    // The user closed the window: the owner shuts the backend down, then quits.
    void closeRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createContextMenus();
    QWidget *createMailboxTab();
    void setUpMailboxColumns();
    // mainwindow_filters.cpp: the profile, error and owner choices, saved views.
    QHBoxLayout *createFilterChoices();
    void updateFilterChoices();
    void rebuildViewsMenu();
    void syncColumnChooser(); // the chooser's checks follow the header (after a restored layout)
    void onStatuses(const MailboxStatusList &statuses);
    void onStoreFailed(const SyncError &error);
    void onEngines(const QList<NodeStatus> &nodes, int overdueGraceSeconds);
    void onDetails(const MailboxDetails &details);
    void onConfigApplied(const QString &origin, const QStringList &issues, const QString &summary,
                         const QStringList &warnings);
    void onSelectionChanged();
    void resync(const QList<qint64> &ids);
    void setSelectedEnabled(bool enabled);
    void addMailbox();
    void editMailbox();
    void addProfile();
    void editProfile();
    void importConfig();
    void exportStatus();
    void showLog(const QString &address);
    void trackMessage();
    // mainwindow_outbox.cpp
    void createOutbox();
    void connectOutbox(ConsoleBackend *backend);
    void connectAct(ConsoleBackend *backend);
    void updateActions();
    void updateStatusBar();
    void updateQuickFilterCounts();
    void saveLayout() const;
    void restoreLayout();

    ConsoleBackend *m_backend = nullptr;
    MailboxTableModel *m_mailboxModel = nullptr;
    MailboxFilterProxy *m_mailboxProxy = nullptr;
    QTableView *m_mailboxView = nullptr;
    LogViewer *m_logViewer = nullptr;
    QDockWidget *m_logDock = nullptr;
    QTabWidget *m_tabs = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_placeholderPage = nullptr;
    QLabel *m_placeholder = nullptr;
    QWidget *m_placeholderActions = nullptr;
    QLineEdit *m_filter = nullptr;
    QButtonGroup *m_quickFilters = nullptr;
    QWidget *m_mailboxSetBar = nullptr;
    QComboBox *m_profileChoice = nullptr;
    QComboBox *m_errorChoice = nullptr;
    QComboBox *m_ownerChoice = nullptr;
    QMenu *m_viewsMenu = nullptr;
    QLabel *m_mailboxSetLabel = nullptr;
    MailboxDetailsPane *m_details = nullptr;
    OverviewPane *m_overview = nullptr;
    CrmPane *m_crm = nullptr;
    CrmRecordList m_crmRecords;
    QElapsedTimer m_crmLoadedAt;
    AlertsPane *m_alertsPane = nullptr;
    ItemFailuresPane *m_failuresPane = nullptr;
    OutboxPane *m_outboxPane = nullptr;
    QPointer<ComposeDialog> m_compose;
    QPointer<ActRecordDialog> m_actDialog;
    QHash<qint64, OutgoingDirection> m_outgoing;
    TroubleshootingController *m_troubleshooting = nullptr;
    BulkActions *m_bulk = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_infoBar = nullptr;
    QLabel *m_schedulerLabel = nullptr;
    QLabel *m_engineLabel = nullptr;
    QHash<QString, QAction *> m_actions;
    QList<ServerProfile> m_profiles;
    bool m_profilesKnown = false; // the store's list has arrived (an empty one counts)
    QList<NodeStatus> m_nodes;
    QTimer m_clockTimer;
    QTimer m_detailsTimer;
    qint64 m_detailsFor = 0;
    QString m_importOrigin;
    QString m_pendingSelection;
    bool m_closing = false;
    bool m_haveStatuses = false;
};

} // namespace SyncDesk
