#include "outgoingsweep.h"

#include "model/alert.h"
#include "outgoing/outgoingdirection.h"
#include "store/store.h"

#include <QHash>

namespace SyncDesk {

using namespace Qt::StringLiterals;

SyncDesk::Result<OutgoingSweep::Result> OutgoingSweep::run(Store &store, const QDateTime &now, int stuckMinutes)
{
    auto statuses = store.mailboxStatuses();
    if (!statuses) {
        return statuses.error();
    }
    auto directions = OutgoingDirection::evaluateAll(store, *statuses, now, stuckMinutes);
    if (!directions) {
        return directions.error();
    }
    auto alerts = store.alerts(false);
    if (!alerts) {
        return alerts.error();
    }
    QHash<QString, Alert> open;
    for (const Alert &alert : std::as_const(*alerts)) {
        if (alert.kind == u"outgoing-stuck"_s) {
            open.insert(alert.causeKey, alert);
        }
    }
    Result result;
    for (const MailboxStatus &status : std::as_const(*statuses)) {
        const OutgoingDirection direction = directions->value(status.mailbox.id);
        const QString key = u"outgoing-stuck:%1"_s.arg(status.mailbox.id);
        if (direction.summary.pending == 0) {
            if (open.contains(key)) {
                if (Status closed = store.closeAlerts(key, now); !closed) {
                    return closed.error();
                }
                ++result.closed;
            }
            continue;
        }
        // Only where no run tries: the runs raise their own when attempts fail.
        if (direction.state != OutgoingDirection::State::Stuck || direction.sendable || open.contains(key)) {
            continue;
        }
        Alert alert;
        alert.causeKey = key;
        alert.kind = u"outgoing-stuck"_s;
        alert.severity = u"warning"_s;
        alert.mailboxId = status.mailbox.id;
        alert.profileId = status.mailbox.profileId;
        alert.hintId = u"outgoing-stuck"_s;
        //: %n emails, %1 the mailbox, %2 minutes, %3 why nothing sends them
        alert.message =
            tr("%n email(s) from %1 have waited in Pending Send for %2 min: %3", nullptr, direction.summary.pending)
                .arg(status.mailbox.address)
                .arg(direction.summary.oldestPending.secsTo(now) / 60)
                .arg(direction.reason);
        alert.raisedAt = now;
        if (auto raised = store.raiseAlert(alert); !raised) {
            return raised.error();
        }
        ++result.raised;
    }
    return result;
}

} // namespace SyncDesk
