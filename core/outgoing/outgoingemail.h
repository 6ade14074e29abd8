#pragma once

#include "model/activity.h"
#include "model/emailaddress.h"
#include "model/recordref.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace SyncDesk {

// The life of an outgoing email activity, as the CRM suites name it:
//   draft -> pending-send -> sending -> sent
//                                    \-> failed (permanent reply, or transient ones past the retry window)
// A draft or pending email can be cancelled; a failed or cancelled one retried (back to pending-send).
enum class OutgoingStatus { Draft, PendingSend, Sending, Sent, Failed, Cancelled };

QString outgoingStatusName(OutgoingStatus status); // "draft", "pending-send", "sending", "sent", "failed", "cancelled"
std::optional<OutgoingStatus> outgoingStatusFromName(const QString &name); // also "pending" for pending-send
QString outgoingStatusTitle(OutgoingStatus status);                        // "Pending Send", translated

// All attachments of one email together, as the CLI and Compose accept them (most servers refuse far less).
constexpr qint64 kMaxOutgoingAttachmentBytes = 50LL * 1024 * 1024;

struct OutgoingAttachment
{
    QString fileName;
    QString contentType;
    QByteArray data;
};

// A recipient the server refused while others were accepted: the email is sent, without them.
struct RefusedRecipient
{
    QString address;
    QString reply; // "550 5.1.1 <x@y>: Recipient address rejected"

    friend bool operator==(const RefusedRecipient &, const RefusedRecipient &) = default;
};

// What `email send` (or the console's Compose) asks for, before the message is built.
struct OutgoingDraft
{
    QString fromAddress; // a mailbox's address
    QList<EmailAddress> to;
    QList<EmailAddress> cc;
    QList<EmailAddress> bcc;
    QString subject;
    QString bodyText;
    QString bodyHtml; // empty: text/plain only
    QList<OutgoingAttachment> attachments;
    std::optional<RecordRef> regarding;
    qint64 replyToActivityId = 0; // a tracked incoming email this answers: In-Reply-To and References
    bool draft = false;
};

// An outgoing email activity: the activity row (direction outgoing) and its sending state.
struct OutgoingEmail
{
    Activity activity; // id, mailbox, subject, from, to, cc, body, regarding, message id, attachments
    OutgoingStatus status = OutgoingStatus::Draft;
    QString owner; // "systemuser:ana" or "queue:support": who sends
    QList<EmailAddress> bcc;
    QString bodyHtml;
    QByteArray rawMessage; // the message exactly as it is sent, fixed before the first attempt
    int attempts = 0;
    QDateTime nextAttemptAt; // pending-send: not before this time (backoff); invalid: at once
    QDateTime lastAttemptAt;
    QDateTime firstAttemptAt;
    QDateTime sentAt;
    QDateTime createdAt;
    QDateTime updatedAt;
    QString errorClass; // the last failure's class and hint, and its words
    QString errorMessage;
    QString errorHint;
    QString serverReply; // the server's reply to the end of DATA, when sent
    QList<RefusedRecipient> refused;
    // The copy in Sent: "" (not yet), "appended" (APPEND succeeded, folder and UID in the activity),
    // "found" (already there: a send interrupted by a crash, found by its Message-ID), or "failed: why".
    QString sentCopy;
    // Times a run stopped while sending it and it was not found in Sent, so it was sent again (the rule that
    // makes a duplicate possible; each one is counted here).
    int interruptions = 0;
};

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::OutgoingEmail)
