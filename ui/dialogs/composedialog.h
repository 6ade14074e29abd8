#pragma once

#include "model/crmrecord.h"
#include "model/mailboxstatus.h"
#include "outgoing/outgoingdirection.h"
#include "outgoing/outgoingemail.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace SyncDesk {

class RegardingCombo;

// Compose: an email that leaves through one of the mailboxes — From, To, Cc, Bcc, Subject, Regarding, a
// plain-text body and attachments — sent (Pending Send) or saved as a draft. The dialog checks what it can
// (recipients, attachments it can read, their size); the store's composer checks the rest (the owner may
// send from that mailbox, the addresses) and the dialog stays open with its answer until it succeeds.
class ComposeDialog final : public QDialog
{
    Q_OBJECT
public:
    ComposeDialog(const QList<MailboxStatus> &mailboxes, qint64 selectedMailboxId,
                  const QHash<qint64, OutgoingDirection> &directions, const CrmRecordList &records,
                  QWidget *parent = nullptr);

    QComboBox *fromCombo() const { return m_from; }
    QLineEdit *toEdit() const { return m_to; }
    QLineEdit *ccEdit() const { return m_cc; }
    QLineEdit *bccEdit() const { return m_bcc; }
    QLineEdit *subjectEdit() const { return m_subject; }
    RegardingCombo *regardingCombo() const { return m_regarding; }
    QPlainTextEdit *bodyEdit() const { return m_body; }
    QListWidget *attachmentList() const { return m_attachments; }
    QLabel *problemLabel() const { return m_problem; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *draftButton() const { return m_saveDraft; }
    void addAttachment(const QString &path);
    QString problem() const; // empty when the input can be submitted

    // The answer to composeRequested(): id 0 with the refusal (the dialog stays open), or the stored email's id
    // (the dialog closes).
    void composed(qint64 id, const QString &error, const QString &hintId);

Q_SIGNALS:
    void composeRequested(const SyncDesk::OutgoingDraft &draft);

private:
    void validate();
    void submit(bool asDraft);
    void showFromState();

    QHash<qint64, OutgoingDirection> m_directions;
    QComboBox *m_from = nullptr;
    QLabel *m_fromState = nullptr;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_cc = nullptr;
    QLineEdit *m_bcc = nullptr;
    QLineEdit *m_subject = nullptr;
    RegardingCombo *m_regarding = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QListWidget *m_attachments = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_saveDraft = nullptr;
    bool m_waiting = false;
};

} // namespace SyncDesk
