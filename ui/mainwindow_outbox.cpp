// The main window's outgoing email: the Outbox tab, Compose, Open, and the outbox's actions.
#include "consolebackend.h"
#include "dialogs/composedialog.h"
#include "dialogs/outgoingemaildialog.h"
#include "mainwindow.h"
#include "models/mailboxtablemodel.h"
#include "views/outboxpane.h"
#include "views/plainmessagebox.h"

#include <QAction>
#include <QStatusBar>
#include <QTabWidget>

namespace SyncDesk {

using namespace Qt::StringLiterals;

void MainWindow::createOutbox()
{
    m_outboxPane = new OutboxPane;
    //: tab: outgoing email (waiting, failed, drafts, sent)
    m_tabs->addTab(m_outboxPane, tr("O&utbox"));
    connect(m_outboxPane, &OutboxPane::composeRequested, this, &MainWindow::compose);
    connect(m_outboxPane, &OutboxPane::openRequested, this, [this](const OutgoingEmail &email) {
        auto *dialog = new OutgoingEmailDialog(email, this);
        dialog->open();
    });
    connect(m_outboxPane, &OutboxPane::actionRequested, this, [this](const QList<qint64> &ids, const QString &action) {
        if (m_backend) {
            m_backend->outboxAction(ids, action);
        }
    });
    connect(m_outboxPane, &OutboxPane::filterChanged, this, [this](const OutboxStore::Filter &filter) {
        if (m_backend && m_tabs->currentWidget() == m_outboxPane) {
            m_backend->watchOutbox(filter);
        }
    });
    // The list follows the store while the tab shows; the tab's title counts what waits and what failed.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (!m_backend) {
            return;
        }
        if (m_tabs->currentWidget() == m_outboxPane) {
            m_backend->watchOutbox(m_outboxPane->filter());
        } else {
            m_backend->unwatchOutbox();
        }
    });
}

void MainWindow::connectOutbox(ConsoleBackend *backend)
{
    connect(backend, &ConsoleBackend::outboxLoaded, m_outboxPane, &OutboxPane::setEmails);
    connect(backend, &ConsoleBackend::outgoingChanged, this,
            [this](const QHash<qint64, OutgoingDirection> &directions) {
                m_outgoing = directions;
                int waiting = 0;
                int failed = 0;
                for (const OutgoingDirection &direction : directions) {
                    waiting += direction.summary.pending;
                    failed += direction.summary.failed;
                }
                QString title = tr("O&utbox");
                if (waiting > 0 || failed > 0) {
                    //: tab title: %1 emails waiting to be sent, %2 emails failed
                    title = failed > 0 ? tr("O&utbox (%1 waiting, %2 failed)").arg(waiting).arg(failed)
                                       : tr("O&utbox (%1 waiting)").arg(waiting);
                }
                m_tabs->setTabText(m_tabs->indexOf(m_outboxPane), title);
            });
    connect(backend, &ConsoleBackend::emailComposed, this,
            [this](qint64 id, const QString &error, const QString &hintId) {
                if (m_compose) {
                    m_compose->composed(id, error, hintId);
                }
                if (id > 0) {
                    //: %1: the new email's id
                    statusBar()->showMessage(tr("Email %1 saved; the Outbox tab follows it.").arg(id), 8000);
                }
            });
    backend->setReportOutgoing(true);
    if (m_tabs->currentWidget() == m_outboxPane) { // shown before the backend came
        backend->watchOutbox(m_outboxPane->filter());
    }
}

ComposeDialog *MainWindow::composeDialog() const
{
    return m_compose.data();
}

void MainWindow::compose()
{
    if (!m_backend || m_closing || m_mailboxModel->rowCount() == 0 || m_compose) {
        if (m_compose) {
            m_compose->raise();
            m_compose->activateWindow();
        }
        return;
    }
    const QList<qint64> selected = tableSelectedMailboxIds();
    if (m_crmRecords.isEmpty()) {
        m_backend->loadCrm(); // for the Regarding choices next time; typing type:id works meanwhile
    }
    m_compose = new ComposeDialog(m_mailboxModel->statuses(), selected.isEmpty() ? 0 : selected.constFirst(),
                                  m_outgoing, m_crmRecords, this);
    connect(m_compose, &ComposeDialog::composeRequested, this, [this](const OutgoingDraft &draft) {
        if (m_backend) {
            m_backend->composeEmail(draft);
        }
    });
    m_compose->open(); // window-modal, no nested event loop
}

} // namespace SyncDesk
