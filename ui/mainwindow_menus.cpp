// The main window's actions, its menus, tool bar and context menus, and what each action may do now.
// Every mailbox action applies to the selection of the tab that has focus (selectedMailboxIds()).

#include "bulkactions.h"
#include "mainwindow.h"
#include "models/mailboxtablemodel.h"
#include "troubleshootingcontroller.h"
#include "views/alertspane.h"
#include "views/itemfailurespane.h"

#include <QAction>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QToolBar>
#include <QTreeWidget>

namespace SyncDesk {

using namespace Qt::StringLiterals;

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
    make(u"resync"_s, tr("&Resync now"), u":/syncdesk/icons/action-resync.svg"_s, QKeySequence(Qt::Key_F5),
         tr("Sync the selected mailboxes now"), [this] { resync(selectedMailboxIds(true)); });
    make(u"resyncFailing"_s, tr("Resync all &failing"), QString(), QKeySequence(Qt::SHIFT | Qt::Key_F5),
         tr("Sync every failing mailbox now"), [this] {
             QList<qint64> ids;
             for (const MailboxStatus &status : m_mailboxModel->statuses()) {
                 if (status.runState(m_mailboxModel->now()) == MailboxRunState::Failing) {
                     ids.append(status.mailbox.id);
                 }
             }
             resync(ids);
         });
    make(u"enable"_s, tr("&Enable"), u":/syncdesk/icons/state-ok.svg"_s, QKeySequence(),
         tr("Enable the selected mailboxes; their failure counters start again from zero"),
         [this] { setSelectedEnabled(true); });
    make(u"disable"_s, tr("&Disable"), u":/syncdesk/icons/state-disabled.svg"_s, QKeySequence(),
         tr("Stop syncing the selected mailboxes until they are enabled again"), [this] { setSelectedEnabled(false); });
    make(u"addMailbox"_s, tr("&Add mailbox…"), QString(), QKeySequence(Qt::CTRL | Qt::Key_N), tr("Add a mailbox"),
         [this] { addMailbox(); });
    make(u"editMailbox"_s, tr("Ed&it mailbox…"), QString(), QKeySequence(Qt::CTRL | Qt::Key_E),
         tr("Change the selected mailbox"), [this] { editMailbox(); });
    make(u"addProfile"_s, tr("Add server &profile…"), QString(), QKeySequence(), tr("Add a server profile"),
         [this] { addProfile(); });
    make(u"editProfile"_s, tr("Edit server profi&le…"), QString(), QKeySequence(),
         tr("Change the server profile of the selected mailbox"), [this] { editProfile(); });
    make(u"import"_s, tr("&Import configuration…"), QString(), QKeySequence(Qt::CTRL | Qt::Key_I),
         tr("Import server profiles and mailboxes from a configuration file"), [this] { importConfig(); });
    make(u"export"_s, tr("E&xport status…"), QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
         tr("Save every mailbox's status as CSV or JSON"), [this] { exportStatus(); });
    make(u"filter"_s, tr("&Filter mailboxes"), QString(), QKeySequence(Qt::CTRL | Qt::Key_F),
         tr("Type to filter the mailboxes"), [this] {
             m_tabs->setCurrentIndex(0);
             m_filter->setFocus();
             m_filter->selectAll();
         });
    make(u"track"_s, tr("Trac&k message…"), QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
         tr("Track a message of the selected mailbox by its Message-ID, and set what it is regarding"),
         [this] { trackMessage(); });
    make(u"compose"_s, tr("&Compose email…"), QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
         tr("Write an email that leaves through the selected mailbox"), [this] { compose(); });
    make(u"log"_s, tr("Show &log"), QString(), QKeySequence(Qt::CTRL | Qt::Key_L), tr("Show the log"),
         [this] { showLog(QString()); });
    make(u"quit"_s, tr("&Quit"), QString(), QKeySequence::Quit, tr("Close the console"), [this] { close(); });
    // For the context menus: what the focused tab's selection is about.
    make(u"openMailbox"_s, tr("&Open mailbox"), QString(), QKeySequence(),
         tr("Show the selected row's mailbox in the Mailboxes tab"), [this] {
             const QList<qint64> ids = selectedMailboxIds(false);
             if (ids.size() == 1) {
                 openMailbox(ids.constFirst());
             } else if (!ids.isEmpty()) {
                 //: completes "Showing the %n mailbox(es) of %1."
                 showMailboxSet(tr("%n selected mailbox(es)", nullptr, int(ids.size())), ids);
             }
         });
    make(u"mailboxLog"_s, tr("Show log of &mailbox"), QString(), QKeySequence(),
         tr("Show the log filtered to the selected mailbox"), [this] {
             const QList<qint64> ids = selectedMailboxIds(false);
             const int row = ids.isEmpty() ? -1 : m_mailboxModel->rowOfMailbox(ids.constFirst());
             if (row >= 0) {
                 showLog(m_mailboxModel->status(row).mailbox.address);
             }
         });
    make(u"moveToProfile"_s, tr("M&ove to profile…"), QString(), QKeySequence(),
         tr("Sync the selected mailboxes from another server profile"),
         [this] { m_bulk->moveToProfile(selectedMailboxIds(false)); });
    make(u"acknowledge"_s, tr("Ac&knowledge"), QString(), QKeySequence(), tr("Mark the selected alerts as seen"),
         [this] { m_alertsPane->acknowledgeButton()->click(); });
    make(u"retryFailures"_s, tr("Retr&y"), QString(), QKeySequence(),
         tr("Fetch the selected failed messages again on the next sync of their mailbox"),
         [this] { m_failuresPane->retryButton()->click(); });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(u"import"_s));
    file->addAction(action(u"export"_s));
    file->addSeparator();
    file->addAction(action(u"quit"_s));
    QMenu *mailbox = menuBar()->addMenu(tr("&Mailbox"));
    for (const QString &name : {u"resync"_s, u"resyncFailing"_s, u"track"_s, u"compose"_s}) {
        mailbox->addAction(action(name));
    }
    mailbox->addSeparator();
    mailbox->addAction(action(u"enable"_s));
    mailbox->addAction(action(u"disable"_s));
    mailbox->addSeparator();
    for (const QString &name :
         {u"testConnection"_s, u"testAndEnable"_s, u"signIn"_s, u"verbose"_s, u"exportDiagnostics"_s}) {
        mailbox->addAction(action(name));
    }
    mailbox->addSeparator();
    for (const QString &name :
         {u"addMailbox"_s, u"editMailbox"_s, u"moveToProfile"_s, u"addProfile"_s, u"editProfile"_s}) {
        mailbox->addAction(action(name));
    }
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(action(u"filter"_s));
    view->addAction(action(u"log"_s));

    QToolBar *toolbar = addToolBar(tr("Actions"));
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

void MainWindow::createContextMenus()
{
    auto separator = [this] {
        auto *action = new QAction(this);
        action->setSeparator(true);
        return action;
    };
    auto actions = [this](std::initializer_list<const char16_t *> names) {
        QList<QAction *> list;
        for (const char16_t *name : names) {
            list.append(action(QString::fromUtf16(name)));
        }
        return list;
    };
    // Each applies to the selection of the tab it is in (selectedMailboxIds() follows the current tab).
    m_mailboxView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_mailboxView->addActions(actions({u"resync", u"track"}));
    m_mailboxView->addAction(separator());
    m_mailboxView->addActions(actions({u"enable", u"disable"}));
    m_mailboxView->addAction(separator());
    m_mailboxView->addActions(
        actions({u"testConnection", u"testAndEnable", u"signIn", u"verbose", u"exportDiagnostics"}));
    m_mailboxView->addAction(separator());
    m_mailboxView->addActions(actions({u"editMailbox", u"moveToProfile", u"editProfile", u"mailboxLog"}));

    QWidget *alerts = m_alertsPane->tree();
    alerts->addActions(actions({u"openMailbox", u"acknowledge"}));
    alerts->addAction(separator());
    alerts->addActions(actions({u"testAndEnable", u"enable", u"disable", u"resync"}));
    alerts->addAction(separator());
    alerts->addAction(action(u"mailboxLog"_s));

    QWidget *failures = m_failuresPane->table();
    failures->addActions(actions({u"openMailbox", u"retryFailures", u"resync"}));
    failures->addAction(separator());
    failures->addAction(action(u"mailboxLog"_s));
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
    // Mailbox and profile dialogs are built from the store's profile list, which arrives just after the mailboxes.
    const bool profilesReady = ready && m_profilesKnown;
    action(u"addMailbox"_s)->setEnabled(profilesReady);
    action(u"addProfile"_s)->setEnabled(ready);
    action(u"editMailbox"_s)->setEnabled(profilesReady && selected.size() == 1);
    action(u"track"_s)->setEnabled(ready && m_mailboxModel->rowCount() > 0);
    action(u"compose"_s)->setEnabled(ready && m_mailboxModel->rowCount() > 0);
    action(u"editProfile"_s)->setEnabled(profilesReady && selected.size() == 1);
    action(u"import"_s)->setEnabled(ready);
    action(u"export"_s)->setEnabled(m_mailboxModel->rowCount() > 0);
    action(u"openMailbox"_s)->setEnabled(!selected.isEmpty() && m_tabs && m_tabs->currentIndex() != 0);
    action(u"mailboxLog"_s)->setEnabled(selected.size() == 1);
    action(u"moveToProfile"_s)->setEnabled(ready && !selected.isEmpty() && m_profiles.size() > 1);
    action(u"acknowledge"_s)->setEnabled(m_alertsPane && m_alertsPane->acknowledgeButton()->isEnabled());
    action(u"retryFailures"_s)->setEnabled(m_failuresPane && m_failuresPane->retryButton()->isEnabled());
    m_troubleshooting->updateActions();
    action(u"resync"_s)
        ->setToolTip(anyEnabled || selected.isEmpty() ? tr("Sync the selected mailboxes now (F5)")
                                                      : tr("Disabled mailboxes are not synced; enable them first"));
}

} // namespace SyncDesk
