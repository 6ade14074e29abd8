#pragma once

#include <QDebug>
#include <QList>
#include <QString>

#include <optional>

namespace SyncDesk {

// What happened to a message the sync passed: the folder ledger's word for each UID (or POP3 UIDL).
enum class Disposition {
    Stored,        // an activity holds it (or an activity of the same message, found by its Message-ID or digest)
    NotTracked,    // the mailbox's tracking option left it out
    Withheld,      // the owner's security permissions left it out
    Failed,        // listed among the item failures, with its reason
    SkippedByDate, // older than the mailbox's process_from
    Expunged,      // listed by the server, then gone when asked for again
    BeforeLedger,  // passed by a version of SyncDesk that kept no ledger
};

QString dispositionName(Disposition disposition);
std::optional<Disposition> dispositionFromName(const QString &name);

// One UID span [first, last] of a folder with one disposition. Within a span only the UIDs that exist on
// the server matter: UIDs are never reused, so a span may cover numbers the server never showed.
struct LedgerRange
{
    quint32 first = 0;
    quint32 last = 0;
    Disposition disposition = Disposition::Stored;

    bool contains(quint32 uid) const { return uid >= first && uid <= last; }
    friend bool operator==(const LedgerRange &, const LedgerRange &) = default;
};

using LedgerEntries = QList<LedgerRange>;

inline QDebug operator<<(QDebug debug, const LedgerRange &range)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "LedgerRange(" << range.first << ".." << range.last << ' ' << dispositionName(range.disposition)
                    << ')';
    return debug;
}

} // namespace SyncDesk
