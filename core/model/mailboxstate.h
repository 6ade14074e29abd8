#pragma once

#include "diagnostics/errorclass.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace SyncDesk {

// Why a mailbox has the interval it has.
// ServerMinimum: the server allows a login only this often (POP3 LOGIN-DELAY), longer than the
// interval SyncDesk would choose.
enum class IntervalReason { Normal, Busy, Quiet, Backoff, Immediate, ServerMinimum };

// "normal", "busy", "quiet", "backoff", "immediate", "server-minimum"
QString intervalReasonName(IntervalReason reason);
IntervalReason intervalReasonFromName(const QString &name);
// The same for people, in the user's language ("normal", "backing off after failures", ...).
QString intervalReasonTitle(IntervalReason reason);

// The scheduler's record of one mailbox, the single source of truth the console and the node read.
struct MailboxState
{
    qint64 mailboxId = 0;
    qint64 intervalMs = 300000;
    IntervalReason intervalReason = IntervalReason::Normal;
    QDateTime lastSyncAt;    // start of the last finished run, whatever its result
    QDateTime lastSuccessAt; // start of the last successful run
    QDateTime nextDueAt;     // invalid: due now (never synced)
    int consecutiveFailures = 0;
    ErrorClass lastErrorClass = ErrorClass::None;
    QString lastErrorMessage;
    QString lastErrorDetail;
    QString lastErrorHintId;
    ErrorStage lastErrorStage = ErrorStage::Unknown;
    int itemsLastSync = 0;
    QString leaseOwner; // the node running a sync of this mailbox right now, empty when none
    QDateTime leaseUntil;
    qint64 leaseEpoch = 0; // incremented by every claim (fencing: a run's writes carry the epoch it claimed)
    // Inputs of the adaptive interval.
    double itemsPerMinute = 0; // moving average of new items per minute
    QDateTime lastNewItemAt;
    QDateTime firstSyncAt;
    // Why the running engine could not start it although it is due ("connection-cap", ...), else empty.
    QString overdueCause;
    // What security permissions kept back, in total: messages not tracked or not linked, field values.
    qint64 itemsWithheld = 0;
    qint64 fieldsWithheld = 0;
    // The last audit (verify): when, and how many messages on the server the store did not account for.
    QDateTime lastAuditAt; // invalid: never audited
    int lastAuditMissing = -1;

    bool hasError() const { return lastErrorClass != ErrorClass::None; }
    double intervalSeconds() const { return double(intervalMs) / 1000.0; }
    friend bool operator==(const MailboxState &, const MailboxState &) = default;
};

} // namespace SyncDesk
