// Where the main window goes: the mailbox a row of any tab is about, an incident's mailboxes, the log,
// the other tabs; and which mailboxes the focused tab's selection stands for.

#include "log/logviewer.h"
#include "mainwindow.h"
#include "models/mailboxtablemodel.h"
#include "views/alertspane.h"
#include "views/crmpane.h"
#include "views/itemfailurespane.h"
#include "views/outboxpane.h"
#include "views/overviewpane.h"

#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

namespace SyncDesk {

using namespace Qt::StringLiterals;

QList<qint64> MainWindow::tableSelectedMailboxIds() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_mailboxView->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        ids.append(row.data(MailboxTableModel::MailboxIdRole).toLongLong());
    }
    return ids;
}

QList<qint64> MainWindow::selectedMailboxIds(bool enabledOnly) const
{
    // The selection of the tab that shows, never a row selected on another tab.
    QList<qint64> ids;
    QWidget *tab = m_tabs ? m_tabs->currentWidget() : nullptr;
    if (tab == m_alertsPane) {
        ids = m_alertsPane->selectedMailboxIds();
    } else if (tab == m_failuresPane) {
        ids = m_failuresPane->selectedMailboxIds();
    } else if (m_tabs && m_tabs->currentIndex() == 0) {
        ids = tableSelectedMailboxIds();
    }
    if (enabledOnly) {
        ids.removeIf([this](qint64 id) {
            const int row = m_mailboxModel->rowOfMailbox(id);
            return row < 0 || !m_mailboxModel->status(row).mailbox.enabled;
        });
    }
    return ids;
}

void MainWindow::openMailbox(qint64 mailboxId)
{
    const int sourceRow = m_mailboxModel->rowOfMailbox(mailboxId);
    if (sourceRow < 0) {
        statusBar()->showMessage(tr("That mailbox is no longer in the store"), 5000);
        return;
    }
    m_tabs->setCurrentIndex(0);
    const QModelIndex source = m_mailboxModel->index(sourceRow, MailboxTableModel::Address);
    if (!m_mailboxProxy->mapFromSource(source).isValid()) {
        // Hidden by a filter: show it rather than nothing, and say so.
        clearMailboxFilters();
        statusBar()->showMessage(tr("Filters cleared to show %1").arg(source.data().toString()), 8000);
    }
    const QModelIndex shown = m_mailboxProxy->mapFromSource(source);
    m_mailboxView->selectRow(shown.row());
    m_mailboxView->scrollTo(shown);
    m_mailboxView->setFocus();
}

void MainWindow::showMailboxSet(const QString &label, const QList<qint64> &mailboxIds)
{
    m_tabs->setCurrentIndex(0);
    m_mailboxProxy->setMailboxSet(QSet<qint64>(mailboxIds.cbegin(), mailboxIds.cend()));
    //: %1 says whose mailboxes they are: "3 selected mailboxes", an incident, ...
    m_mailboxSetLabel->setText(tr("Showing the %n mailbox(es) of %1.", nullptr, int(mailboxIds.size())).arg(label));
    m_mailboxSetBar->show();
    if (m_mailboxProxy->rowCount() > 0) {
        m_mailboxView->selectRow(0);
    }
    m_mailboxView->setFocus();
}

void MainWindow::clearMailboxFilters()
{
    m_mailboxProxy->setMailboxSet({});
    m_mailboxSetBar->hide();
    m_filter->clear();
    setQuickFilter(MailboxFilterProxy::QuickFilter::All);
    setProfileFilter({});
    setErrorClassFilter({});
    setOwnerFilter({});
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
    statusBar()->showMessage(tr("Log of %1").arg(address), 5000);
}

void MainWindow::focusLog(const QString &address)
{
    showLog(address);
    resizeDocks({m_logDock}, {height() * 3 / 5}, Qt::Vertical);
}

void MainWindow::selectMailbox(const QString &address)
{
    m_tabs->setCurrentIndex(0);
    for (int row = 0; row < m_mailboxModel->rowCount(); ++row) {
        const MailboxStatus &status = m_mailboxModel->status(row);
        if (status.mailbox.address.compare(address, Qt::CaseInsensitive) == 0) {
            openMailbox(status.mailbox.id);
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
    const QHash<QString, QWidget *> tabs = {{u"mailboxes"_s, m_tabs->widget(0)}, {u"overview"_s, m_overview},
                                            {u"alerts"_s, m_alertsPane},         {u"failures"_s, m_failuresPane},
                                            {u"outbox"_s, m_outboxPane},         {u"crm"_s, m_crm}};
    // The CRM tab's pages by their own names.
    if (name.toLower() == u"appointments"_s || name.toLower() == u"tasks"_s) {
        m_tabs->setCurrentWidget(m_crm);
        return m_crm->showPage(name.toLower());
    }
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

} // namespace SyncDesk
