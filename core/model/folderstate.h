#pragma once

#include <QDateTime>
#include <QString>

namespace SyncDesk {

// What we know of one folder of a mailbox after the last committed batch.
struct FolderState
{
    qint64 mailboxId = 0;
    QString folder;
    quint32 uidValidity = 0; // 0: never synced
    quint32 uidNext = 0;     // the next UID we have not seen; fetch from here
    quint64 highestModSeq = 0;
    QDateTime updatedAt;

    friend bool operator==(const FolderState &, const FolderState &) = default;
};

} // namespace SyncDesk
