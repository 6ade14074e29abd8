// The main window's actions that go through a dialog: adding and editing mailboxes and server profiles,
// importing a configuration, exporting the status and tracking a message. The window itself, its tabs
// and its status bar are in mainwindow.cpp.

#include "consolebackend.h"
#include "dialogs/mailboxdialog.h"
#include "dialogs/profiledialog.h"
#include "dialogs/trackmessagedialog.h"
#include "mainwindow.h"
#include "models/mailboxtablemodel.h"
#include "statusexporter.h"
#include "views/plainmessagebox.h"

#include <QApplication>
#include <QFileDialog>
#include <QJsonObject>
#include <QMessageBox>
#include <QPointer>
#include <QStatusBar>
#include <QTableView>
#include <QThreadPool>
#include <QUuid>

namespace SyncDesk {

using namespace Qt::StringLiterals;

void MainWindow::addMailbox()
{
    if (!m_backend) {
        return;
    }
    if (m_profiles.isEmpty()) {
        statusBar()->showMessage(tr("A mailbox is synced from a server profile: add a server profile first."), 8000);
        addProfile();
        return;
    }
    auto *dialog = new MailboxDialog(m_backend, m_profiles, std::nullopt, this, m_crmRecords);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] { statusBar()->showMessage(tr("Mailbox added"), 5000); });
    dialog->open(); // window-modal, no nested event loop
}

void MainWindow::editMailbox()
{
    const QList<qint64> ids = selectedMailboxIds(false);
    if (ids.size() != 1 || !m_backend) {
        return;
    }
    const int row = m_mailboxModel->rowOfMailbox(ids.constFirst());
    if (row < 0) {
        return;
    }
    auto *dialog = new MailboxDialog(m_backend, m_profiles, m_mailboxModel->status(row).mailbox, this, m_crmRecords);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] { statusBar()->showMessage(tr("Mailbox saved"), 5000); });
    dialog->open(); // window-modal, no nested event loop
}

void MainWindow::addProfile()
{
    if (!m_backend) {
        return;
    }
    auto *dialog = new ProfileDialog(m_backend, std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] { statusBar()->showMessage(tr("Server profile added"), 5000); });
    dialog->open(); // window-modal, no nested event loop
}

void MainWindow::editProfile()
{
    const QList<qint64> ids = selectedMailboxIds(false);
    if (ids.size() != 1 || !m_backend) {
        return;
    }
    const int row = m_mailboxModel->rowOfMailbox(ids.constFirst());
    const qint64 profileId = row >= 0 ? m_mailboxModel->status(row).mailbox.profileId : 0;
    const auto profile = std::find_if(m_profiles.cbegin(), m_profiles.cend(),
                                      [&](const ServerProfile &candidate) { return candidate.id == profileId; });
    if (profile == m_profiles.cend()) {
        return;
    }
    auto *dialog = new ProfileDialog(m_backend, *profile, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] { statusBar()->showMessage(tr("Server profile saved"), 5000); });
    dialog->open(); // window-modal, no nested event loop
}

void MainWindow::importConfig()
{
    if (!m_backend) {
        return;
    }
    //: file dialog filters: keep the patterns in parentheses and the ";;" between them as they are
    const QString filters = tr("Configuration (*.json);;All files (*)");
    const QString path = QFileDialog::getOpenFileName(this, tr("Import configuration"), QString(), filters);
    if (path.isEmpty()) {
        return;
    }
    m_importOrigin = path;
    statusBar()->showMessage(tr("Importing %1…").arg(path));
    m_backend->importConfigFile(path);
}

void MainWindow::onConfigApplied(const QString &origin, const QStringList &issues, const QString &summary,
                                 const QStringList &warnings)
{
    if (origin != m_importOrigin || m_importOrigin.isEmpty()) {
        return; // a dialog's, it shows its own result
    }
    m_importOrigin.clear();
    statusBar()->clearMessage();
    if (!issues.isEmpty()) {
        QMessageBox *box = plainMessageBox(QMessageBox::Warning, tr("Import configuration"),
                                           tr("%1 was not imported; nothing was changed.").arg(origin),
                                           issues.mid(0, 5).join(u'\n'), this);
        box->setDetailedText(issues.join(u'\n')); // always plain text
        box->open();
        return;
    }
    plainMessageBox(QMessageBox::Information, tr("Import configuration"), tr("Imported %1.").arg(origin),
                    warnings.isEmpty() ? summary : tr("%1\n\nWarnings:\n%2").arg(summary, warnings.join(u'\n')), this)
        ->open();
}

void MainWindow::exportStatus()
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export status"), u"syncdesk-status.csv"_s,
                                                      u"CSV (*.csv);;JSON (*.json)"_s, &filter);
    if (path.isEmpty()) {
        return;
    }
    const StatusExporter::Format format = path.endsWith(u".json"_s, Qt::CaseInsensitive) || filter.startsWith(u"JSON"_s)
                                              ? StatusExporter::Format::Json
                                              : StatusExporter::Format::Csv;
    const QList<MailboxStatus> statuses = m_mailboxModel->statuses();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int grace = m_mailboxModel->overdueGrace();
    const bool engine = m_mailboxModel->engineRunning();
    statusBar()->showMessage(tr("Exporting %n mailbox(es)…", nullptr, int(statuses.size())));
    QPointer<MainWindow> self(this);
    // The disk is written off the UI thread; the result comes back to it.
    QThreadPool::globalInstance()->start([self, path, statuses, now, grace, engine, format] {
        const QString error = StatusExporter::write(path, statuses, now, grace, engine, format);
        QMetaObject::invokeMethod(
            qApp,
            [self, path, error, count = statuses.size()] {
                if (!self) {
                    return;
                }
                if (error.isEmpty()) {
                    self->statusBar()->showMessage(tr("Exported %n mailbox(es) to %1", nullptr, int(count)).arg(path),
                                                   8000);
                } else {
                    self->statusBar()->clearMessage();
                    plainMessageBox(QMessageBox::Warning, tr("Export status"), error, {}, self)->open();
                }
            },
            Qt::QueuedConnection);
    });
}

void MainWindow::trackMessage()
{
    if (!m_backend || m_closing || m_mailboxModel->rowCount() == 0) {
        return;
    }
    const QList<qint64> selected = selectedMailboxIds(false);
    auto *dialog = new TrackMessageDialog(m_mailboxModel->statuses(), selected.isEmpty() ? 0 : selected.constFirst(),
                                          m_crmRecords, this);
    dialog->setObjectName(u"trackMessageDialog"_s);
    connect(dialog, &TrackMessageDialog::trackRequested, this,
            [this](qint64 mailboxId, const QString &messageId, const QString &regarding) {
                if (m_backend) {
                    m_backend->trackMessage(mailboxId, messageId, regarding);
                }
            });
    dialog->open(); // window-modal, no nested event loop
}

} // namespace SyncDesk
