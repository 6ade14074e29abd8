#pragma once

#include "outgoing/outgoingemail.h"

#include <QDialog>

class QFormLayout;
class QPlainTextEdit;

namespace SyncDesk {

// Open on an outgoing email, read-only: who it is from and to, its status and attempts, when it was sent and
// what the server answered, the recipients it refused, the last error with what to do, the copy in Sent,
// and the text. Everything is plain text (subjects and server replies are not trusted).
class OutgoingEmailDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit OutgoingEmailDialog(const OutgoingEmail &email, QWidget *parent = nullptr);

    QString fieldText(const QString &label) const; // the value shown beside a label, for tests
    QPlainTextEdit *bodyView() const { return m_body; }

private:
    QFormLayout *m_form = nullptr;
    QPlainTextEdit *m_body = nullptr;
};

} // namespace SyncDesk
