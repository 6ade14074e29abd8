#pragma once

#include "diagnostics/syncerror.h"
#include "logging/logrecord.h"
#include "model/mailboxstatus.h"
#include "model/nodestatus.h"

#include <QMainWindow>
#include <QTimer>

class QAction;
class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace SyncDesk {

class ConsoleBackend;
class LogModel;
class MailboxTableModel;

// The monitoring console's main window: every mailbox with its interval, last and next sync, failures,
// last error and what to do about it; a Resync action; the log.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The backend is owned by the caller; the window follows its signals.
    void setBackend(ConsoleBackend *backend);
    // Text shown while there is nothing to show (no mailboxes yet, demo starting, store unreadable).
    void setPlaceholder(const QString &text);
    void setSubtitle(const QString &subtitle);

    MailboxTableModel *mailboxModel() const { return m_mailboxModel; }
    LogModel *logModel() const { return m_logModel; }
    QTableView *mailboxView() const { return m_mailboxView; }
    QAction *resyncAction() const { return m_resyncAction; }
    QAction *enableAction() const { return m_enableAction; }
    QAction *disableAction() const { return m_disableAction; }

Q_SIGNALS:
    // The user closed the window: the owner shuts the backend down, then quits.
    void closeRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void onStatuses(const MailboxStatusList &statuses);
    void onLogRecords(const QList<LogRecord> &records);
    void onStoreFailed(const SyncError &error);
    void onEngines(const QList<NodeStatus> &nodes, int overdueGraceSeconds);
    void setSelectedEnabled(bool enabled);
    void resyncSelected();
    void updateActions();
    void updateStatusBar();
    QList<qint64> selectedMailboxIds(bool enabledOnly) const;

    ConsoleBackend *m_backend = nullptr;
    MailboxTableModel *m_mailboxModel = nullptr;
    QSortFilterProxyModel *m_mailboxProxy = nullptr;
    LogModel *m_logModel = nullptr;
    QTableView *m_mailboxView = nullptr;
    QTableView *m_logView = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_engineLabel = nullptr;
    QAction *m_resyncAction = nullptr;
    QAction *m_enableAction = nullptr;
    QAction *m_disableAction = nullptr;
    QLabel *m_schedulerLabel = nullptr;
    QTimer m_clockTimer;
    bool m_closing = false;
    bool m_haveStatuses = false;
};

} // namespace SyncDesk
