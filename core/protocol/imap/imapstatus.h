#pragma once

#include "imapcommand.h"
#include "imapresponse.h"

#include <QString>

#include <optional>

namespace SyncDesk::Imap {

// What "* STATUS name (MESSAGES n UIDNEXT n UIDVALIDITY n HIGHESTMODSEQ n)" says of a folder; zero for
// the items the server did not send.
struct FolderStatus
{
    QString folder; // decoded from modified UTF-7
    quint32 messages = 0;
    quint32 uidNext = 0;
    quint32 uidValidity = 0;
    quint64 highestModSeq = 0;
    bool hasMessages = false;

    friend bool operator==(const FolderStatus &, const FolderStatus &) = default;
};

// Reads a STATUS response (plain or from LIST-STATUS); nullopt when it is not one or is malformed.
std::optional<FolderStatus> parseStatus(const Response &response,
                                        MailboxEncoding encoding = MailboxEncoding::ModifiedUtf7);

} // namespace SyncDesk::Imap
