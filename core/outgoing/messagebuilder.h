#pragma once

#include "diagnostics/result.h"
#include "model/emailaddress.h"
#include "outgoingemail.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace SyncDesk {

// Everything that goes into one outgoing message.
struct MessageParts
{
    EmailAddress from; // the mailbox's address, with the owner's or queue's name
    QList<EmailAddress> to;
    QList<EmailAddress> cc; // Bcc recipients are never written into the message
    QString subject;        // with the tracking token already in it, when tokens are on
    QString bodyText;
    QString bodyHtml; // empty: text/plain only; otherwise multipart/alternative
    QList<OutgoingAttachment> attachments;
    QString messageId; // without angle brackets
    QString inReplyTo; // without angle brackets; empty: not a reply
    QStringList references;
    QDateTime date;
};

// Builds outgoing messages with GMime: RFC 2047 encoded headers, RFC 2231 encoded file names, parts
// encoded for a 7-bit transport (quoted-printable or base64 as GMime finds best), CRLF line ends.
class MessageBuilder final
{
public:
    static Result<QByteArray> build(const MessageParts &parts);
    // "syncdesk.<activity>.<random>@<domain of from>": unique, and says where it came from.
    static QString newMessageId(qint64 activityId, const QString &fromAddress);
    // The MIME type of a file by its name and first bytes ("application/octet-stream" when unknown).
    static QString contentTypeFor(const QString &fileName, const QByteArray &data);
};

} // namespace SyncDesk
