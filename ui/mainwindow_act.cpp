// The CRM tab's appointments and tasks: the dialogs that add, edit and track them, deletion with a confirmation, and
// the backend's answers.
#include "consolebackend.h"
#include "dialogs/actrecorddialog.h"
#include "dialogs/trackappointmentdialog.h"
#include "mainwindow.h"
#include "model/untrustedtext.h"
#include "models/actrecordmodel.h"
#include "views/actrecordspane.h"
#include "views/crmpane.h"
#include "views/plainmessagebox.h"

#include <QPushButton>
#include <QStatusBar>

namespace SyncDesk {

using namespace Qt::StringLiterals;

void MainWindow::connectAct(ConsoleBackend *backend)
{
    connect(backend, &ConsoleBackend::actRecordsLoaded, m_crm, &CrmPane::setActRecords);
    connect(backend, &ConsoleBackend::actRecordEdited, this, [this](ActKind kind, qint64 id, const QString &error) {
        // One form at a time, and it cannot be closed while it waits: the answer is the open form's.
        ActRecordDialog *dialog = m_actDialog.data();
        if (dialog != nullptr && dialog->isWaiting() && dialog->kind() == kind) {
            dialog->finished(error);
        } else if (!error.isEmpty()) {
            statusBar()->showMessage(tr("Not saved: %1").arg(error), 15000);
        }
        if (error.isEmpty()) {
            //: %1: "appointment" or "task", %2 its number
            statusBar()->showMessage(tr("Saved %1 %2; its mailboxes sync it now").arg(actKindName(kind)).arg(id), 8000);
        }
    });
    for (ActRecordsPane *pane : {m_crm->appointmentsPane(), m_crm->tasksPane()}) {
        connect(pane, &ActRecordsPane::addRequested, this, [this](ActKind kind) { editActRecord(kind, 0); });
        connect(pane, &ActRecordsPane::editRequested, this, &MainWindow::editActRecord);
        connect(pane, &ActRecordsPane::deleteRequested, this, &MainWindow::deleteActRecords);
    }
    connect(m_crm->appointmentsPane(), &ActRecordsPane::trackRequested, this, &MainWindow::trackAppointment);
}

ActRecordDialog *MainWindow::actRecordDialog() const
{
    return m_actDialog;
}

void MainWindow::editActRecord(ActKind kind, qint64 id)
{
    if (!m_backend) {
        return;
    }
    if (ActRecordDialog *open = m_actDialog.data(); open != nullptr && open->isVisible()) {
        open->raise(); // one form at a time
        open->activateWindow();
        return;
    }
    ActRecordsPane *pane = kind == ActKind::Appointment ? m_crm->appointmentsPane() : m_crm->tasksPane();
    std::optional<ActRecordView> record;
    if (id != 0) {
        record = pane->model()->recordById(id);
        if (!record) {
            return; // deleted meanwhile
        }
    }
    CrmRecordList users;
    for (const CrmRecord &candidate : std::as_const(m_crmRecords)) {
        if (candidate.type == u"systemuser"_s) {
            users.append(candidate);
        }
    }
    auto *dialog = new ActRecordDialog(kind, record, users, m_crmRecords, this);
    dialog->setObjectName(u"actRecordDialog"_s);
    m_actDialog = dialog;
    connect(dialog, &ActRecordDialog::saveRequested, m_backend, &ConsoleBackend::editActRecord);
    dialog->open();
}

void MainWindow::deleteActRecords(ActKind kind, const QList<qint64> &ids)
{
    if (!m_backend || ids.isEmpty()) {
        return;
    }
    ActRecordsPane *pane = kind == ActKind::Appointment ? m_crm->appointmentsPane() : m_crm->tasksPane();
    QStringList subjects;
    for (qint64 id : ids) {
        if (const auto record = pane->model()->recordById(id)) {
            subjects.append(UntrustedText::withoutControls(record->subject()).simplified());
        }
    }
    QMessageBox *confirm = plainMessageBox(
        QMessageBox::Question, u"SyncDesk"_s,
        kind == ActKind::Appointment ? tr("Delete %n appointment(s)?", nullptr, int(ids.size()))
                                     : tr("Delete %n task(s)?", nullptr, int(ids.size())),
        tr("They are deleted from the CRM, and from the calendars of the mailboxes that sync them both ways or to the "
           "server."),
        this);
    confirm->setObjectName(u"actDeleteConfirm"_s);
    confirm->setDetailedText(subjects.join(u'\n'));
    confirm->setStandardButtons(QMessageBox::Ok | QMessageBox::Cancel);
    confirm->button(QMessageBox::Ok)->setText(tr("Delete"));
    confirm->setDefaultButton(QMessageBox::Cancel);
    connect(confirm, &QMessageBox::finished, this, [this, confirm, kind, ids] {
        if (confirm->clickedButton() == confirm->button(QMessageBox::Ok) && m_backend) {
            m_backend->removeActRecords(kind, ids);
        }
    });
    confirm->open();
}

void MainWindow::trackAppointment(qint64 id)
{
    if (!m_backend) {
        return;
    }
    const auto record = m_crm->appointmentsPane()->model()->recordById(id);
    if (!record) {
        return;
    }
    auto *dialog = new TrackAppointmentDialog(*record, m_crmRecords, this);
    dialog->setObjectName(u"trackAppointmentDialog"_s);
    connect(dialog, &TrackAppointmentDialog::trackRequested, m_backend, &ConsoleBackend::trackAppointment);
    dialog->open();
}

} // namespace SyncDesk
