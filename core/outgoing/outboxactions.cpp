#include "outboxactions.h"

#include "store/outboxstore.h"
#include "store/store.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QList<OutgoingStatus> appliesFrom(OutboxActions::Action action)
{
    switch (action) {
    case OutboxActions::Action::SendDraft:
        return {OutgoingStatus::Draft};
    case OutboxActions::Action::Cancel:
        // Not Sending: the server may be accepting it right now; it cannot be called back.
        return {OutgoingStatus::Draft, OutgoingStatus::PendingSend, OutgoingStatus::Failed};
    case OutboxActions::Action::Retry:
        return {OutgoingStatus::Failed, OutgoingStatus::Cancelled};
    }
    return {};
}

} // namespace

std::optional<OutboxActions::Action> OutboxActions::fromName(const QString &name)
{
    if (name == u"send-draft"_s) {
        return Action::SendDraft;
    }
    if (name == u"cancel"_s) {
        return Action::Cancel;
    }
    if (name == u"retry"_s) {
        return Action::Retry;
    }
    return std::nullopt;
}

QString OutboxActions::name(Action action)
{
    switch (action) {
    case Action::SendDraft:
        return u"send-draft"_s;
    case Action::Cancel:
        return u"cancel"_s;
    case Action::Retry:
        return u"retry"_s;
    }
    return {};
}

bool OutboxActions::appliesTo(Action action, OutgoingStatus status)
{
    return appliesFrom(action).contains(status);
}

OutboxActions::OutboxActions(Store &store)
    : m_store(store)
{}

Result<OutboxActions::Outcome> OutboxActions::apply(qint64 activityId, Action action, const QDateTime &now)
{
    OutboxStore outbox(m_store);
    auto found = outbox.email(activityId);
    if (!found) {
        return found.error();
    }
    Outcome outcome;
    if (!found->has_value()) {
        outcome.exists = false;
        //: %1: an email's id
        outcome.message = tr("there is no outgoing email %1").arg(activityId);
        return outcome;
    }
    const OutgoingStatus before = (*found)->status;
    const OutgoingStatus to = action == Action::Cancel ? OutgoingStatus::Cancelled : OutgoingStatus::PendingSend;
    auto changed = outbox.transition(activityId, appliesFrom(action), to, now);
    if (!changed) {
        return changed.error();
    }
    if (!*changed) {
        // Re-read: the engine may have moved it between the two statements.
        auto again = outbox.email(activityId);
        outcome.status = again && again->has_value() ? (*again)->status : before;
        //: %1: an email's id, %2: its status (Sent, Sending, ...), %3: the action (cancel, retry, send-draft)
        outcome.message = tr("email %1 is %2: '%3' does not apply to it")
                              .arg(activityId)
                              .arg(outgoingStatusTitle(outcome.status), name(action));
        if (outcome.status == OutgoingStatus::Sending) {
            outcome.message += u"; "_s + tr("it is being sent right now and cannot be stopped");
        }
        return outcome;
    }
    outcome.changed = true;
    outcome.status = to;
    if (to == OutgoingStatus::PendingSend) {
        if (Status requested = m_store.requestSync((*found)->activity.mailboxId, u"outgoing"_s, now); !requested) {
            return requested.error();
        }
    }
    //: %1: an email's id, %2: its new status (Pending Send, Cancelled)
    outcome.message = tr("Email %1 is now %2.").arg(activityId).arg(outgoingStatusTitle(to));
    return outcome;
}

} // namespace SyncDesk
