#include "composedialog.h"

#include "diagnostics/hintcatalog.h"
#include "regardingcombo.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {
constexpr int kPathRole = Qt::UserRole + 1;
}

ComposeDialog::ComposeDialog(const QList<MailboxStatus> &mailboxes, qint64 selectedMailboxId,
                             const QHash<qint64, OutgoingDirection> &directions, const CrmRecordList &records,
                             QWidget *parent)
    : QDialog(parent)
    , m_directions(directions)
{
    setObjectName(u"composeDialog"_s);
    //: Window title: write an email to send
    setWindowTitle(tr("Compose email"));
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);

    m_from = new QComboBox;
    m_from->setAccessibleName(tr("From"));
    for (const MailboxStatus &status : mailboxes) {
        m_from->addItem(status.mailbox.address, status.mailbox.id);
        if (status.mailbox.id == selectedMailboxId) {
            m_from->setCurrentIndex(m_from->count() - 1);
        }
    }
    m_fromState = new QLabel;
    m_fromState->setObjectName(u"fromState"_s);
    m_fromState->setTextFormat(Qt::PlainText);
    m_fromState->setWordWrap(true);
    auto makeEdit = [](const QString &name, const QString &placeholder) {
        auto *edit = new QLineEdit;
        edit->setAccessibleName(name);
        edit->setPlaceholderText(placeholder);
        return edit;
    };
    const QString addresses = tr("name@example.com, Name <name@example.com>");
    m_to = makeEdit(tr("To"), addresses);
    m_cc = makeEdit(tr("Cc"), addresses);
    m_bcc = makeEdit(tr("Bcc"), tr("not written into the message"));
    m_subject = makeEdit(tr("Subject"), {});
    m_regarding = new RegardingCombo(records);
    m_body = new QPlainTextEdit;
    m_body->setAccessibleName(tr("Message text"));
    m_body->setTabChangesFocus(true);
    m_attachments = new QListWidget;
    m_attachments->setAccessibleName(tr("Attachments"));
    m_attachments->setMaximumHeight(80);
    auto *attach = new QPushButton(tr("Attac&h…"));
    attach->setObjectName(u"attach"_s);
    auto *remove = new QPushButton(tr("Remo&ve"));
    remove->setObjectName(u"removeAttachment"_s);
    m_problem = new QLabel;
    m_problem->setObjectName(u"problem"_s);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->setAccessibleName(tr("Problem"));

    auto *form = new QFormLayout;
    form->addRow(tr("&From:"), m_from);
    form->addRow(QString(), m_fromState);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("&Cc:"), m_cc);
    form->addRow(tr("&Bcc:"), m_bcc);
    form->addRow(tr("&Subject:"), m_subject);
    form->addRow(tr("&Regarding:"), m_regarding);
    auto *attachmentButtons = new QVBoxLayout;
    attachmentButtons->addWidget(attach);
    attachmentButtons->addWidget(remove);
    attachmentButtons->addStretch();
    auto *attachmentRow = new QHBoxLayout;
    attachmentRow->addWidget(m_attachments, 1);
    attachmentRow->addLayout(attachmentButtons);
    form->addRow(tr("Attachments:"), attachmentRow);
    auto *help = new QLabel(tr("The email leaves through the mailbox's SMTP server at its next sync, which starts at "
                               "once; a copy goes to its Sent folder and replies are tracked back to it. The Outbox "
                               "tab follows it."));
    help->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    //: Button: queue the email to be sent now
    m_send = m_buttons->addButton(tr("Sen&d"), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(u"send"_s);
    m_saveDraft = m_buttons->addButton(tr("Save as dr&aft"), QDialogButtonBox::ActionRole);
    m_saveDraft->setObjectName(u"saveDraft"_s);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_body, 1);
    layout->addWidget(help);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_send, &QPushButton::clicked, this, [this] { submit(false); });
    connect(m_saveDraft, &QPushButton::clicked, this, [this] { submit(true); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ComposeDialog::reject);
    connect(attach, &QPushButton::clicked, this, [this] {
        for (const QString &path : QFileDialog::getOpenFileNames(this, tr("Attach files"))) {
            addAttachment(path);
        }
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_attachments->selectedItems());
        validate();
    });
    for (QLineEdit *edit : {m_to, m_cc, m_bcc, m_subject}) {
        connect(edit, &QLineEdit::textChanged, this, &ComposeDialog::validate);
    }
    connect(m_regarding, &QComboBox::currentTextChanged, this, &ComposeDialog::validate);
    connect(m_from, &QComboBox::currentIndexChanged, this, [this] {
        showFromState();
        validate();
    });
    showFromState();
    validate();
    resize(680, 560);
}

void ComposeDialog::addAttachment(const QString &path)
{
    const QFileInfo info(path);
    auto *item = new QListWidgetItem(u"%1 (%2)"_s.arg(info.fileName(), QLocale().formattedDataSize(info.size())));
    item->setData(kPathRole, info.absoluteFilePath());
    item->setToolTip(info.absoluteFilePath());
    m_attachments->addItem(item);
    validate();
}

void ComposeDialog::showFromState()
{
    const auto found = m_directions.constFind(m_from->currentData().toLongLong());
    QString text;
    if (found != m_directions.cend()) {
        switch (found->state) {
        case OutgoingDirection::State::Off:
        case OutgoingDirection::State::NotConfigured:
            //: %1: why the mailbox does not send now (its outgoing direction is off, ...)
            text = tr("This mailbox does not send now: %1. The email waits in Pending Send until that is fixed.")
                       .arg(found->reason);
            break;
        case OutgoingDirection::State::Failing:
        case OutgoingDirection::State::Stuck:
            //: %1: what went wrong with the mailbox's last sends
            text = tr("This mailbox's sending has a problem: %1.").arg(found->reason);
            break;
        default:
            break;
        }
    }
    m_fromState->setText(text);
    m_fromState->setVisible(!text.isEmpty());
}

QString ComposeDialog::problem() const
{
    if (m_from->count() == 0) {
        return tr("There are no mailboxes to send from.");
    }
    if (parseAddressList({m_to->text(), m_cc->text(), m_bcc->text()}).isEmpty()) {
        return tr("Enter at least one recipient in To, Cc or Bcc.");
    }
    for (const EmailAddress &address : parseAddressList({m_to->text(), m_cc->text(), m_bcc->text()})) {
        const qsizetype at = address.address.indexOf(u'@');
        if (at <= 0 || at == address.address.size() - 1 || address.address.contains(u' ')) {
            //: %1: what was typed as an address
            return tr("'%1' is not an email address.").arg(address.address);
        }
    }
    if (m_subject->text().trimmed().isEmpty()) {
        return tr("Enter a subject.");
    }
    qint64 total = 0;
    for (int row = 0; row < m_attachments->count(); ++row) {
        const QFileInfo info(m_attachments->item(row)->data(kPathRole).toString());
        if (!info.isFile() || !info.isReadable()) {
            //: %1: a file name
            return tr("Cannot attach %1: the file cannot be read.").arg(info.filePath());
        }
        total += info.size();
    }
    if (total > kMaxOutgoingAttachmentBytes) {
        return tr("The attachments come to more than 50 MiB; most servers refuse far less.");
    }
    return m_regarding->problem();
}

void ComposeDialog::validate()
{
    if (m_waiting) {
        return;
    }
    const QString text = problem();
    const bool typed = !m_to->text().isEmpty() || !m_cc->text().isEmpty() || !m_bcc->text().isEmpty() ||
                       !m_subject->text().isEmpty() || m_attachments->count() > 0;
    m_problem->setText(typed ? text : QString()); // say nothing before anything was typed
    m_send->setEnabled(text.isEmpty());
    m_saveDraft->setEnabled(text.isEmpty());
}

void ComposeDialog::submit(bool asDraft)
{
    if (m_waiting || !problem().isEmpty()) {
        validate();
        return;
    }
    OutgoingDraft draft;
    draft.fromAddress = m_from->currentText();
    draft.to = parseAddressList({m_to->text()});
    draft.cc = parseAddressList({m_cc->text()});
    draft.bcc = parseAddressList({m_bcc->text()});
    draft.subject = m_subject->text().trimmed();
    draft.bodyText = m_body->toPlainText();
    draft.draft = asDraft;
    for (int row = 0; row < m_attachments->count(); ++row) {
        const QString path = m_attachments->item(row)->data(kPathRole).toString();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            //: %1: a file name, %2: why it cannot be read
            m_problem->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
            return;
        }
        OutgoingAttachment attachment;
        attachment.fileName = QFileInfo(path).fileName();
        attachment.data = file.readAll();
        draft.attachments.append(attachment);
    }
    const QString regarding = m_regarding->reference();
    if (!regarding.isEmpty()) {
        draft.regarding = RecordRef{regarding.section(u':', 0, 0), regarding.section(u':', 1)};
    }
    m_waiting = true;
    m_send->setEnabled(false);
    m_saveDraft->setEnabled(false);
    m_problem->setText(asDraft ? tr("Saving the draft…") : tr("Queueing the email…"));
    Q_EMIT composeRequested(draft);
}

void ComposeDialog::composed(qint64 id, const QString &error, const QString &hintId)
{
    m_waiting = false;
    if (id > 0) {
        accept();
        return;
    }
    const Hint hint = HintCatalog::instance().hint(hintId);
    QString text = error;
    const QStringList steps = hint.steps(Hint::Audience::Console);
    if (!steps.isEmpty()) {
        text += u"\n"_s + steps.join(u"\n"_s);
    }
    validate();
    m_problem->setText(text);
}

} // namespace SyncDesk
