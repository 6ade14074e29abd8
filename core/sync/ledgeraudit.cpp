#include "ledgeraudit.h"

#include <algorithm>

namespace SyncDesk::LedgerAudit {

void compareFolder(const QList<quint32> &serverUids, quint32 position, const LedgerEntries &ledger,
                   const QSet<quint32> &stored, FolderAudit &audit)
{
    QList<quint32> uids = serverUids;
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    audit.onServer = int(uids.size());
    audit.position = position;
    // Both in UID order: one walk over the UIDs and the ranges together.
    qsizetype range = 0;
    for (quint32 uid : std::as_const(uids)) {
        if (uid >= position) {
            ++audit.pending;
            continue;
        }
        ++audit.checked;
        while (range < ledger.size() && ledger.at(range).last < uid) {
            ++range;
        }
        const bool inRange = range < ledger.size() && ledger.at(range).contains(uid);
        if (!inRange) {
            audit.missingUids.append(uid);
            continue;
        }
        switch (ledger.at(range).disposition) {
        case Disposition::Stored:
            if (!stored.contains(uid)) {
                audit.missingUids.append(uid); // its activity was deleted, or lost with a restored backup
                continue;
            }
            break;
        case Disposition::BeforeLedger:
            if (!stored.contains(uid)) {
                ++audit.beforeLedger;
            }
            break;
        case Disposition::Expunged:
            // Gone when asked for, yet here now: not accounted for.
            audit.missingUids.append(uid);
            continue;
        case Disposition::NotTracked:
        case Disposition::Withheld:
        case Disposition::Failed:
        case Disposition::SkippedByDate:
            break;
        }
        ++audit.accounted;
    }
}

void compareMaildrop(const QList<QByteArray> &serverUidls, const QHash<QByteArray, Pop3Seen> &seen, FolderAudit &audit)
{
    audit.onServer = int(serverUidls.size());
    for (const QByteArray &uidl : serverUidls) {
        const auto found = seen.constFind(uidl);
        if (found == seen.constEnd()) {
            ++audit.pending;
            continue;
        }
        ++audit.checked;
        if ((found->disposition == Disposition::Stored && !found->activityExists) ||
            found->disposition == Disposition::Expunged) {
            audit.missingUidls.append(QString::fromLatin1(uidl));
            continue;
        }
        if (found->disposition == Disposition::BeforeLedger && !found->activityExists) {
            ++audit.beforeLedger;
        }
        ++audit.accounted;
    }
}

} // namespace SyncDesk::LedgerAudit
