#pragma once

#include "model/crmrecord.h"
#include "model/mailboxstatus.h"
#include "regardingcombo.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace SyncDesk {

// "Track this message": a mailbox, the message's Message-ID and, optionally, the record it is regarding.
// Accepting emits trackRequested(); the caller records the request and the mailbox syncs at once.
class TrackMessageDialog final : public QDialog
{
    Q_OBJECT
public:
    TrackMessageDialog(const QList<MailboxStatus> &mailboxes, qint64 selectedMailboxId, const CrmRecordList &records,
                       QWidget *parent = nullptr);

    QComboBox *mailboxCombo() const { return m_mailbox; }
    QLineEdit *messageIdEdit() const { return m_messageId; }
    RegardingCombo *regardingCombo() const { return m_regarding; }
    QString problem() const; // empty when the input can be submitted

    void accept() override;

Q_SIGNALS:
    // regarding: "type:id", or empty.
    void trackRequested(qint64 mailboxId, const QString &messageId, const QString &regarding);

private:
    void validate();
    QString regarding() const;

    QComboBox *m_mailbox = nullptr;
    QLineEdit *m_messageId = nullptr;
    RegardingCombo *m_regarding = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace SyncDesk
