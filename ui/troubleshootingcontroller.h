#pragma once

#include "model/mailbox.h"
#include "model/serverprofile.h"

#include <QHash>
#include <QObject>

class QAction;
class QStatusBar;

namespace SyncDesk {

class AlertsPane;
class ConsoleBackend;
class ItemFailuresPane;
class MainWindow;

// The console's troubleshooting actions on the selected mailbox — Test connection, Test & Enable, Verbose log,
// Export diagnostic bundle — and the wiring of the Alerts and Item failures panes to the backend. Kept apart
// from MainWindow, which only adds these actions to its menus and the panes to its tabs.
class TroubleshootingController final : public QObject
{
    Q_OBJECT
public:
    TroubleshootingController(MainWindow *window, AlertsPane *alerts, ItemFailuresPane *failures);

    void setBackend(ConsoleBackend *backend);
    // "testConnection", "testAndEnable", "verbose", "signIn", "exportDiagnostics".
    const QHash<QString, QAction *> &actions() const { return m_actions; }
    // Follows the window's selection: what can be done, and which mailbox's failures are shown.
    void updateActions();

private:
    void testConnection(bool enableOnSuccess);
    void exportDiagnostics();
    void signIn();
    std::optional<ServerProfile> profileOf(const Mailbox &mailbox) const;
    void onActionDone(const QString &message, const QString &error);

    MainWindow *m_window = nullptr;
    AlertsPane *m_alerts = nullptr;
    ItemFailuresPane *m_failures = nullptr;
    ConsoleBackend *m_backend = nullptr;
    QHash<QString, QAction *> m_actions;
    bool m_updating = false;
    // Verbose switches asked for and not yet seen in a snapshot, by mailbox: a snapshot read before the write
    // must not undo the switch on screen. Dropped once a snapshot shows the value asked for (or the mailbox is
    // gone), or when any console write fails (the snapshots are then the truth).
    QHash<qint64, bool> m_verboseAsked;
};

} // namespace SyncDesk
