#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace SyncDesk::Testing {

// Writes RFC 5322 messages for tests and the demo: non-ASCII headers RFC 2047-encoded, non-ASCII
// bodies quoted-printable, optional HTML alternative and attachment. Deterministic for a given input.
class MailFactory final
{
public:
    struct Message
    {
        QString fromName;
        QString fromAddress;
        QStringList to; // "Name <address>" or "address"
        QStringList cc;
        QString subject;
        QString body;
        QString html;           // non-empty: multipart/alternative with this HTML part
        QString messageId;      // without brackets; empty: no Message-ID header
        QString inReplyTo;      // without brackets
        QStringList references; // without brackets; empty: In-Reply-To's id, if any
        QDateTime date;         // invalid: no Date header
        QString attachmentName; // non-empty: adds an attachment (application/pdf)
        QByteArray attachmentData;
    };

    static QByteArray build(const Message &message);

    // A plausible business message: customers, orders, meetings, support cases. `index` picks the
    // sender, subject and body so that a series of calls gives a varied mailbox.
    static Message realistic(const QString &toAddress, int index, const QDateTime &date);

    static QByteArray encodeHeaderWord(const QString &text); // RFC 2047 when needed
};

} // namespace SyncDesk::Testing
