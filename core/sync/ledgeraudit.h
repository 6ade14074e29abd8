#pragma once

#include "model/auditreport.h"
#include "model/ledger.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>

namespace SyncDesk {

// The audit's comparison, pure: the server's messages against the ledger and the activities that exist.
namespace LedgerAudit {

// IMAP: the folder's UIDs on the server now (any order), its position, its ledger ranges and the UIDs an
// existing activity accounts for. Fills the counts and missing UIDs of `audit`.
void compareFolder(const QList<quint32> &serverUids, quint32 position, const LedgerEntries &ledger,
                   const QSet<quint32> &stored, FolderAudit &audit);

struct Pop3Seen
{
    Disposition disposition = Disposition::Stored;
    bool activityExists = false;
};
// POP3: the maildrop's UIDLs against the UIDLs seen (a UIDL never seen is new, not missing).
void compareMaildrop(const QList<QByteArray> &serverUidls, const QHash<QByteArray, Pop3Seen> &seen, FolderAudit &audit);

} // namespace LedgerAudit

} // namespace SyncDesk
