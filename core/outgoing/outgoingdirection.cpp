#include "outgoingdirection.h"

#include "model/jsonexport.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QSet>

namespace SyncDesk {

using namespace Qt::StringLiterals;

QString outgoingStateName(OutgoingDirection::State state)
{
    switch (state) {
    case OutgoingDirection::State::Off:
        return u"off"_s;
    case OutgoingDirection::State::NotConfigured:
        return u"not-configured"_s;
    case OutgoingDirection::State::Idle:
        return u"idle"_s;
    case OutgoingDirection::State::Ok:
        return u"ok"_s;
    case OutgoingDirection::State::Pending:
        return u"pending"_s;
    case OutgoingDirection::State::Failing:
        return u"failing"_s;
    case OutgoingDirection::State::Stuck:
        return u"stuck"_s;
    }
    return u"idle"_s;
}

Result<QHash<qint64, OutgoingDirection>> OutgoingDirection::evaluateAll(Store &store,
                                                                        const QList<MailboxStatus> &statuses,
                                                                        const QDateTime &now, int stuckMinutes)
{
    auto summaries = OutboxStore(store).summaries();
    if (!summaries) {
        return summaries.error();
    }
    auto profiles = store.profiles();
    if (!profiles) {
        return profiles.error();
    }
    QSet<qint64> sending;
    for (const ServerProfile &profile : std::as_const(*profiles)) {
        if (profile.outgoing) {
            sending.insert(profile.id);
        }
    }
    QHash<qint64, OutgoingDirection> directions;
    directions.reserve(statuses.size());
    for (const MailboxStatus &status : statuses) {
        directions.insert(status.mailbox.id, evaluate(status.mailbox, sending.contains(status.mailbox.profileId),
                                                      summaries->value(status.mailbox.id), now, stuckMinutes));
    }
    return directions;
}

OutgoingDirection OutgoingDirection::evaluate(const Mailbox &mailbox, bool profileCanSend,
                                              const OutboxStore::Summary &summary, const QDateTime &now,
                                              int stuckMinutes)
{
    OutgoingDirection direction;
    direction.summary = summary;
    const bool stuck = summary.pending > 0 && summary.oldestPending.isValid() &&
                       summary.oldestPending.secsTo(now) > qint64(stuckMinutes) * 60;
    if (!mailbox.outgoing || !mailbox.enabled) {
        direction.state = stuck ? State::Stuck : State::Off;
        direction.sendable = false;
        direction.reason =
            !mailbox.outgoing ? tr("the mailbox's outgoing direction is off") : tr("the mailbox is disabled");
        return direction;
    }
    if (!profileCanSend) {
        direction.state = stuck ? State::Stuck : State::NotConfigured;
        direction.sendable = false;
        direction.reason = tr("its server profile has no SMTP server");
        return direction;
    }
    if (!summary.lastErrorClass.isEmpty()) {
        direction.state = stuck ? State::Stuck : State::Failing;
        direction.reason = summary.pending > 0 ? tr("the last attempts failed and are retried")
                                               : tr("an email failed for good; retry it once the cause is fixed");
        return direction;
    }
    if (stuck) {
        direction.state = State::Stuck;
        direction.reason = !summary.lastAttempt.isValid() || summary.lastAttempt < summary.oldestPending
                               ? tr("nothing has tried to send it: is an engine running?")
                               : tr("it is waiting for its next attempt");
        return direction;
    }
    direction.state = summary.pending > 0 ? State::Pending : summary.lastSent.isValid() ? State::Ok : State::Idle;
    return direction;
}

QString OutgoingDirection::overallState(const QString &incomingState) const
{
    if (incomingState == u"disabled"_s || incomingState == u"failing"_s) {
        return incomingState;
    }
    if (state == State::Failing || state == State::Stuck) {
        return u"failing"_s;
    }
    return incomingState;
}

QJsonObject OutgoingDirection::toJson(const QDateTime &now) const
{
    QJsonValue lastError = QJsonValue::Null;
    if (!summary.lastErrorClass.isEmpty()) {
        lastError = QJsonObject{{u"class"_s, summary.lastErrorClass},
                                {u"message"_s, summary.lastErrorMessage},
                                {u"hint_id"_s, summary.lastErrorHint}};
    }
    return QJsonObject{
        {u"state"_s, outgoingStateName(state)},
        {u"reason"_s, reason.isEmpty() ? QJsonValue() : QJsonValue(reason)},
        {u"last_success_at"_s, JsonExport::time(summary.lastSent)},
        {u"last_attempt_at"_s, JsonExport::time(summary.lastAttempt)},
        {u"consecutive_failures"_s, summary.failuresInRow},
        {u"pending"_s, summary.pending},
        {u"oldest_pending_seconds"_s, summary.pending > 0 && summary.oldestPending.isValid()
                                          ? QJsonValue(summary.oldestPending.secsTo(now))
                                          : QJsonValue()},
        {u"failed"_s, summary.failed},
        {u"drafts"_s, summary.drafts},
        {u"last_error"_s, lastError},
    };
}

} // namespace SyncDesk
