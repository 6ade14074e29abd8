#include "trackmessagedialog.h"

#include "model/trackrequest.h"
#include "regardingcombo.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace SyncDesk {

using namespace Qt::StringLiterals;

TrackMessageDialog::TrackMessageDialog(const QList<MailboxStatus> &mailboxes, qint64 selectedMailboxId,
                                       const CrmRecordList &records, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Track message"));
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);

    m_mailbox = new QComboBox;
    m_mailbox->setAccessibleName(tr("Mailbox"));
    for (const MailboxStatus &status : mailboxes) {
        m_mailbox->addItem(status.mailbox.address, status.mailbox.id);
        if (status.mailbox.id == selectedMailboxId) {
            m_mailbox->setCurrentIndex(m_mailbox->count() - 1);
        }
    }
    m_messageId = new QLineEdit;
    //: The mail header's name
    m_messageId->setAccessibleName(tr("Message-ID"));
    m_messageId->setPlaceholderText(u"<1234.5678@mail.example.com>"_s);
    m_regarding = new RegardingCombo(records);
    m_problem = new QLabel;
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Problem"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Mailbox:"), m_mailbox);
    //: The mail header's name
    form->addRow(tr("M&essage-ID:"), m_messageId);
    form->addRow(tr("&Regarding:"), m_regarding);
    auto *help = new QLabel(tr("The mailbox syncs at once and the message becomes an activity whatever the tracking "
                               "rules say; its regarding record is set if its owner may read it. If the sync fails, "
                               "the next scheduled sync completes the request. Mail clients show the Message-ID in the "
                               "message source or headers."));
    help->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    //: Button: track the message
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Track"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(help);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TrackMessageDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TrackMessageDialog::reject);
    connect(m_messageId, &QLineEdit::textChanged, this, &TrackMessageDialog::validate);
    connect(m_regarding, &QComboBox::currentTextChanged, this, &TrackMessageDialog::validate);
    connect(m_mailbox, &QComboBox::currentIndexChanged, this, &TrackMessageDialog::validate);
    validate();
    resize(560, sizeHint().height());
}

QString TrackMessageDialog::regarding() const
{
    return m_regarding->reference();
}

QString TrackMessageDialog::problem() const
{
    if (m_mailbox->count() == 0) {
        return tr("There are no mailboxes.");
    }
    if (m_messageId->text().trimmed().isEmpty()) {
        return tr("Enter the Message-ID of the message to track.");
    }
    if (TrackRequest::normalizeMessageId(m_messageId->text()).isEmpty()) {
        return tr("This is not a Message-ID: it has spaces or angle brackets inside.");
    }
    return m_regarding->problem();
}

void TrackMessageDialog::validate()
{
    const QString text = problem();
    // Say nothing before anything was typed.
    m_problem->setText(m_messageId->text().isEmpty() ? QString() : text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

void TrackMessageDialog::accept()
{
    if (!problem().isEmpty()) {
        validate();
        return;
    }
    Q_EMIT trackRequested(m_mailbox->currentData().toLongLong(), TrackRequest::normalizeMessageId(m_messageId->text()),
                          regarding());
    QDialog::accept();
}

} // namespace SyncDesk
