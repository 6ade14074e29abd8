#pragma once

#include "model/activity.h"
#include "model/emailaddress.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace SyncDesk {

// What the MIME decoder made of one raw message. Always filled as far as the message allowed;
// `warnings` says what could not be decoded.
struct DecodedMessage
{
    bool parsed = false; // false: not a MIME message at all; bodyText holds the raw text
    bool empty = false;  // nothing but white space: no header and no body, nothing to store
    QString messageId;   // without angle brackets
    QString inReplyTo;
    QStringList references;
    QString subject;
    EmailAddress from;
    QList<EmailAddress> to;
    QList<EmailAddress> cc;
    QDateTime date; // UTC; invalid when the Date header is missing or unreadable
    QString bodyText;
    bool bodyFromHtml = false;  // no text/plain part: bodyText was made from the HTML part
    bool bodyTruncated = false; // bodyText was cut at MimeDecoder::Options::maxBodyChars (and a warning says so)
    QList<AttachmentInfo> attachments;
    QByteArray headerDigest;  // SHA-1 of the raw header block, hex (for the log and item failures)
    QByteArray contentDigest; // without a Message-ID only: SHA-256 of the whole raw message, hex, which identifies it
    QStringList warnings;
    // Non-empty: decoding failed altogether (out of memory, an exception): nothing to store; the message
    // becomes an item failure with this reason and is fetched again by the next sync.
    QString decodeFailure;
    // With decodeFailure: the MIME module could not be opened (the installation is at fault, not the message).
    // The run fails with the hint module-missing instead (BatchDecoder::installationFailure).
    bool moduleMissing = false;
};

} // namespace SyncDesk
