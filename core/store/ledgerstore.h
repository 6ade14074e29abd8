#pragma once

#include "diagnostics/result.h"
#include "model/ledger.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>

namespace SyncDesk {

class Store;

// The ledger side of the store: per folder (and UIDVALIDITY) the UID spans the sync passed and what became
// of each (stored, not tracked, withheld, item failure, …), kept compactly as ranges the way mbsync keeps
// its state; per POP3 maildrop the same per UIDL (in pop3_seen). The audit (`verify`) compares the
// server's messages with it. Works on a Store's connection, in that Store's thread; record() joins the
// caller's transaction when there is one.
class LedgerStore final
{
public:
    explicit LedgerStore(Store &store);

    // Records the spans: existing ranges they overlap are split, neighbours with the same disposition merged.
    Status record(qint64 mailboxId, const QString &folder, quint32 uidValidity, const LedgerEntries &entries);
    // The folder's ranges under this UIDVALIDITY, in UID order.
    Result<LedgerEntries> ranges(qint64 mailboxId, const QString &folder, quint32 uidValidity);
    // Drops what the ledger knew of the folder under other UIDVALIDITYs (the server renumbered it).
    Status dropOtherValidities(qint64 mailboxId, const QString &folder, quint32 uidValidity);
    // A message stored as a duplicate of an existing activity: the UID points at that activity.
    Status recordAlias(qint64 mailboxId, const QString &folder, quint32 uidValidity, quint32 uid, qint64 activityId);
    // UIDs of the folder that an existing activity accounts for: its own row, or an alias of a duplicate
    // whose activity still exists.
    Result<QSet<quint32>> storedUids(qint64 mailboxId, const QString &folder, quint32 uidValidity);
    // POP3: every UIDL seen, with its disposition and the local number of its activity.
    struct Pop3Entry
    {
        Disposition disposition = Disposition::Stored;
        quint32 localUid = 0;
    };
    Result<QHash<QByteArray, Pop3Entry>> pop3Ledger(qint64 mailboxId);

    // POP3: forgets UIDLs as seen, so that the next sync downloads those messages again (verify --repair).
    Status forgetPop3(qint64 mailboxId, const QStringList &uidls);
    // The last audit of a mailbox: when, and how many messages it found missing.
    Status recordAudit(qint64 mailboxId, const QDateTime &at, int missing);

private:
    Store &m_store;
};

} // namespace SyncDesk
