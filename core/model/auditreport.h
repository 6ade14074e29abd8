#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace SyncDesk {

// What the audit (`verify`) found in one folder (or a POP3 maildrop): the server's messages compared with
// the folder's ledger. A message below the folder's position that the ledger does not account for is
// missing; so is one the ledger says was stored whose activity no longer exists.
struct FolderAudit
{
    QString folder;          // the IMAP folder, or "POP3" for a maildrop
    quint32 uidValidity = 0; // IMAP
    quint32 position = 0;    // IMAP: UIDs below it were passed by the sync
    int onServer = 0;        // messages on the server now
    int checked = 0;         // of those, the ones the ledger must account for (below the position)
    int accounted = 0;       // ... and does
    int beforeLedger = 0;    // of the accounted, passed by a version without a ledger (their activity is gone
                             // or they were never tracked: that version did not record which)
    int pending = 0;         // new since the last sync: the next one fetches them
    bool renumbered = false; // UIDVALIDITY changed since the last sync: the next sync fetches the folder again
    QList<quint32> missingUids;
    QStringList missingUidls; // POP3
    QString error;            // the folder could not be checked (it still counts as checked by nobody)

    int missing() const { return int(missingUids.size() + missingUidls.size()); }
    friend bool operator==(const FolderAudit &, const FolderAudit &) = default;
};

struct AuditReport
{
    qint64 mailboxId = 0;
    QString address;
    QDateTime checkedAt;
    qint64 elapsedMs = 0;
    QList<FolderAudit> folders;
    int repaired = 0; // missing messages fetched again by --repair

    int missing() const
    {
        int total = 0;
        for (const FolderAudit &folder : folders) {
            total += folder.missing();
        }
        return total;
    }
    QJsonObject toJson() const;
};

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::AuditReport)
