#include "trackappointmentdialog.h"

#include "model/untrustedtext.h"
#include "regardingcombo.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace SyncDesk {

using namespace Qt::StringLiterals;

TrackAppointmentDialog::TrackAppointmentDialog(const ActRecordView &appointment, const CrmRecordList &records,
                                               QWidget *parent)
    : QDialog(parent)
    , m_uid(appointment.uid)
{
    setWindowTitle(tr("Track appointment"));
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);
    auto *subject = new QLabel(UntrustedText::withoutControls(appointment.subject()).simplified());
    subject->setTextFormat(Qt::PlainText);
    subject->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *uid = new QLabel(appointment.uid);
    uid->setTextFormat(Qt::PlainText);
    uid->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_regarding = new RegardingCombo(records);
    const QString regarding = appointment.fields.value(u"regarding"_s).toString();
    if (const int index = m_regarding->findData(regarding); index >= 0) {
        m_regarding->setCurrentIndex(index);
    } else {
        m_regarding->setEditText(regarding);
    }
    auto *form = new QFormLayout;
    form->addRow(tr("Appointment:"), subject);
    //: the iCalendar UID of the appointment
    form->addRow(tr("UID:"), uid);
    form->addRow(tr("&Regarding:"), m_regarding);
    auto *help = new QLabel(tr("The mailboxes that hold the appointment, and those of its owner, sync their calendars "
                               "at once; if that fails, the next scheduled sync completes it."));
    help->setWordWrap(true);
    m_problem = new QLabel;
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    //: Button: track the appointment
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Track"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(help);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TrackAppointmentDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TrackAppointmentDialog::reject);
    connect(m_regarding, &QComboBox::currentTextChanged, this, &TrackAppointmentDialog::validate);
    validate();
    resize(520, sizeHint().height());
}

void TrackAppointmentDialog::validate()
{
    const QString problem = m_regarding->problem();
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void TrackAppointmentDialog::accept()
{
    if (!m_regarding->problem().isEmpty()) {
        validate();
        return;
    }
    Q_EMIT trackRequested(m_uid, m_regarding->reference());
    QDialog::accept();
}

} // namespace SyncDesk
