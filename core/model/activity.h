#pragma once

#include "emailaddress.h"
#include "recordref.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace SyncDesk {

// A sender or recipient matched to a CRM record.
struct ActivityParty
{
    QString role; // "from", "to", "cc"
    QString address;
    RecordRef record;

    friend bool operator==(const ActivityParty &, const ActivityParty &) = default;
};

struct AttachmentInfo
{
    QString fileName;
    QString contentType;
    qint64 size = 0; // decoded size in bytes

    friend bool operator==(const AttachmentInfo &, const AttachmentInfo &) = default;
};

// An email activity record in the CRM store: one tracked message.
struct Activity
{
    qint64 id = 0;
    qint64 mailboxId = 0;
    QString mailboxAddress;
    QString folder;
    quint32 uidValidity = 0;
    quint32 uid = 0;
    QString messageId; // without angle brackets; may be empty
    QString dedupeKey; // messageId, or "sha256:" and a digest of the whole message when there is none
    // Without a Message-ID: the key versions before the ledger gave it ("sha1:" and a digest of the header
    // block), to find their rows again in the same folder. Not stored.
    QString legacyDedupeKey;
    QString subject; // decoded
    EmailAddress from;
    QList<EmailAddress> to;
    QList<EmailAddress> cc;
    QDateTime date; // UTC; invalid when the message has no usable Date header
    QString bodyText;
    QList<AttachmentInfo> attachments;
    QString inReplyTo;
    QStringList references;
    qint64 size = 0;      // raw size in bytes
    QStringList warnings; // what could not be decoded
    std::optional<RecordRef> regarding;
    QString correlation; // how it was correlated: "in-reply-to", "references", "tracking-token", "conversation",
                         // "folder", "track-request", "party-list", or "none"
    QList<ActivityParty> parties;
    QStringList withheldFields; // fields the owner may not sync ("body", "attachments", "cc"): stored as withheld
    QString conversation;       // normalized subject, for conversation correlation
    // "incoming", or "outgoing": sent by SyncDesk, or found in the mailbox sent by its owner (From is the mailbox).
    QString direction = QStringLiteral("incoming");
    QDateTime createdAt;

    friend bool operator==(const Activity &, const Activity &) = default;
};

} // namespace SyncDesk
