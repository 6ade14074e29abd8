#include "trackmessagedialog.h"

#include "model/trackrequest.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {
const QStringList kRegardingTypes{u"account"_s, u"contact"_s, u"lead"_s, u"opportunity"_s, u"case"_s};
}

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
    m_regarding = new QComboBox;
    //: The CRM record the message is regarding
    m_regarding->setAccessibleName(tr("Regarding"));
    m_regarding->setEditable(true);
    m_regarding->setInsertPolicy(QComboBox::NoInsert);
    //: No regarding record
    m_regarding->addItem(tr("(none)"), QString());
    for (const CrmRecord &record : records) {
        if (kRegardingTypes.contains(record.type)) {
            m_regarding->addItem(u"%1 — %2"_s.arg(record.reference(), record.name), record.reference());
        }
    }
    m_regarding->completer()->setFilterMode(Qt::MatchContains);
    m_regarding->completer()->setCompletionMode(QCompleter::PopupCompletion);
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
    // A listed record, or "type:id" typed in.
    const int index = m_regarding->findText(m_regarding->currentText());
    if (index >= 0) {
        return m_regarding->itemData(index).toString();
    }
    return m_regarding->currentText().trimmed().section(u' ', 0, 0);
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
    const QString reference = regarding();
    if (!reference.isEmpty()) {
        const QString type = reference.section(u':', 0, 0);
        if (!kRegardingTypes.contains(type) || reference.section(u':', 1).isEmpty()) {
            //: Keep account:contoso and the record types (account, contact, lead, opportunity, case) as they are:
            //: they are what is typed in
            return tr("Regarding must be a record such as account:contoso (account, contact, lead, opportunity or "
                      "case).");
        }
    }
    return {};
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
