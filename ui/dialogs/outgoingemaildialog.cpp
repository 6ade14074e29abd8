#include "outgoingemaildialog.h"

#include "diagnostics/errorclass.h"
#include "diagnostics/hintcatalog.h"
#include "model/untrustedtext.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace SyncDesk {

using namespace Qt::StringLiterals;

OutgoingEmailDialog::OutgoingEmailDialog(const OutgoingEmail &email, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"outgoingEmailDialog"_s);
    const Activity &activity = email.activity;
    //: Window title: %1 the email's id, %2 its subject
    setWindowTitle(tr("Email %1 — %2")
                       .arg(activity.id)
                       .arg(UntrustedText::withoutControls(activity.subject).simplified().left(80)));
    setAttribute(Qt::WA_DeleteOnClose);
    m_form = new QFormLayout;
    auto line = [this](const QString &label, const QString &value) {
        if (value.isEmpty()) {
            return;
        }
        auto *text = new QLabel(UntrustedText::withoutControls(value));
        text->setTextFormat(Qt::PlainText);
        text->setWordWrap(true);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        text->setAccessibleName(label);
        m_form->addRow(label + u':', text);
    };
    auto time = [](const QDateTime &when) {
        return when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::LongFormat) : QString();
    };
    line(tr("Status"), outgoingStatusTitle(email.status));
    line(tr("From"), activity.from.name.isEmpty() ? activity.from.address
                                                  : activity.from.name + u" <"_s + activity.from.address + u'>');
    line(tr("Mailbox"), activity.mailboxAddress);
    //: who sends: the CRM user or queue that owns the email
    line(tr("Owner"), email.owner);
    line(tr("To"), formatAddressList(activity.to));
    line(tr("Cc"), formatAddressList(activity.cc));
    line(tr("Bcc"), formatAddressList(email.bcc));
    line(tr("Subject"), activity.subject);
    line(tr("Regarding"), activity.regarding ? activity.regarding->type + u':' + activity.regarding->id : QString());
    line(tr("Message-ID"), activity.messageId.isEmpty() ? QString() : u'<' + activity.messageId + u'>');
    line(tr("Created"), time(email.createdAt));
    line(tr("Attempts"), email.attempts > 0 ? QString::number(email.attempts) : QString());
    if (email.status == OutgoingStatus::PendingSend && email.nextAttemptAt.isValid()) {
        line(tr("Next attempt"), time(email.nextAttemptAt));
    }
    line(tr("Sent"), time(email.sentAt));
    line(tr("Server reply"), email.serverReply);
    QStringList refused;
    for (const RefusedRecipient &recipient : email.refused) {
        refused.append(recipient.address + u": "_s + recipient.reply);
    }
    line(tr("Refused recipients"), refused.join(u'\n'));
    if (!email.errorClass.isEmpty()) {
        line(tr("Last error"), errorClassTitle(errorClassFromName(email.errorClass)) + u": "_s + email.errorMessage);
        const Hint hint = HintCatalog::instance().hint(email.errorHint);
        QStringList steps;
        for (const QString &step : hint.steps(Hint::Audience::Console)) {
            steps.append(u"• "_s + step);
        }
        line(tr("What to do"), hint.title + u'\n' + steps.join(u'\n'));
    }
    QString sentCopy = email.sentCopy;
    if (!activity.folder.isEmpty() && !sentCopy.isEmpty()) {
        sentCopy += u" ("_s + activity.folder + u')';
    }
    line(tr("Copy in Sent"), sentCopy);
    if (email.interruptions > 0) {
        //: how many times a send was interrupted by a stopped engine and sent again
        line(tr("Interrupted sends"), QString::number(email.interruptions));
    }
    QStringList attachments;
    for (const AttachmentInfo &attachment : activity.attachments) {
        attachments.append(u"%1 (%2, %3)"_s.arg(attachment.fileName, attachment.contentType,
                                                QLocale().formattedDataSize(attachment.size)));
    }
    line(tr("Attachments"), attachments.join(u'\n'));
    m_body = new QPlainTextEdit(activity.bodyText);
    m_body->setReadOnly(true);
    m_body->setAccessibleName(tr("Message text"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_body, 1);
    layout->addWidget(buttons);
    resize(640, 560);
}

QString OutgoingEmailDialog::fieldText(const QString &label) const
{
    for (int row = 0; row < m_form->rowCount(); ++row) {
        auto *name = qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::LabelRole)->widget());
        auto *value = qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::FieldRole)->widget());
        if (name && value && name->text() == label + u':') {
            return value->text();
        }
    }
    return {};
}

} // namespace SyncDesk
