#pragma once

#include "ledger.h"

#include <QByteArray>
#include <QSet>

namespace SyncDesk {

// One POP3 message the store has seen: its UIDL (the server's unique id) and the number SyncDesk gave
// the activity made of it (POP3 has no UIDs; activities of a POP3 mailbox are numbered 1, 2, 3, ... in
// folder "INBOX" with UIDVALIDITY 0, which no IMAP server uses).
struct Pop3SeenMessage
{
    QByteArray uidl;
    quint32 localUid = 0;
    Disposition disposition = Disposition::Stored; // the ledger's word for it
};

// What the store knows of one mailbox's POP3 maildrop.
struct Pop3Maildrop
{
    QSet<QByteArray> seenUidls;
    quint32 nextLocalUid = 1;
};

} // namespace SyncDesk
