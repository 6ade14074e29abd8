#pragma once

#include "diagnostics/errorclass.h"

#include <QDateTime>
#include <QString>

namespace SyncDesk {

enum class SyncTrigger { Scheduled, Manual, Once, Push };

QString syncTriggerName(SyncTrigger trigger);

// One finished sync run of one mailbox, kept as history.
struct SyncRun
{
    qint64 id = 0;
    qint64 mailboxId = 0;
    QDateTime startedAt;
    QDateTime finishedAt;
    SyncTrigger trigger = SyncTrigger::Scheduled;
    bool success = false;
    int itemsNew = 0;  // activities created
    int itemsSeen = 0; // messages fetched and decoded
    ErrorClass errorClass = ErrorClass::None;
    QString errorMessage;
    QString node;
    qint64 leaseEpoch = 0; // the lease the run held (0: not recorded)
    qint64 intervalMs = 0; // the interval the scheduler chose after this run (0: not recorded)
    QString intervalReason;

    qint64 durationMs() const { return startedAt.msecsTo(finishedAt); }
    friend bool operator==(const SyncRun &, const SyncRun &) = default;
};

} // namespace SyncDesk
