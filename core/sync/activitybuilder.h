#pragma once

#include "model/activity.h"
#include "protocol/mime/decodedmessage.h"

namespace SyncDesk {

// Where a message was found, for the activity made of it.
struct MessageLocation
{
    qint64 mailboxId = 0;
    QString folder;
    quint32 uidValidity = 0;
    quint32 uid = 0;
    QDateTime receivedAt; // IMAP INTERNALDATE, used when the message has no Date header
    qint64 size = 0;
    QString mailboxAddress; // mail from this address is the owner's own: an outgoing activity
};

class ActivityBuilder final
{
public:
    static Activity build(const DecodedMessage &message, const MessageLocation &location);
};

} // namespace SyncDesk
