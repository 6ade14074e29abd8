#include "mailboxstatus.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

QString runStateName(MailboxRunState state)
{
    switch (state) {
    case MailboxRunState::Never:
        return u"never"_s;
    case MailboxRunState::Ok:
        return u"ok"_s;
    case MailboxRunState::Syncing:
        return u"syncing"_s;
    case MailboxRunState::Failing:
        return u"failing"_s;
    case MailboxRunState::Disabled:
        return u"disabled"_s;
    }
    return u"never"_s;
}

bool MailboxStatus::isOverdue(const QDateTime &now, int graceSeconds) const
{
    const MailboxRunState state = runState(now);
    if (state == MailboxRunState::Disabled || state == MailboxRunState::Syncing) {
        return false;
    }
    return this->state.nextDueAt.isValid() && this->state.nextDueAt.secsTo(now) > graceSeconds;
}

MailboxRunState MailboxStatus::runState(const QDateTime &now) const
{
    if (!mailbox.enabled) {
        return MailboxRunState::Disabled;
    }
    if (!state.leaseOwner.isEmpty() && state.leaseUntil.isValid() && state.leaseUntil > now) {
        return MailboxRunState::Syncing;
    }
    if (!state.lastSyncAt.isValid()) {
        return MailboxRunState::Never;
    }
    if (state.consecutiveFailures > 0) {
        return MailboxRunState::Failing;
    }
    // Failures are cleared when an operator enables a mailbox again; one that has never succeeded is
    // then waiting for its first sync, not "ok".
    if (!state.lastSuccessAt.isValid()) {
        return MailboxRunState::Never;
    }
    return MailboxRunState::Ok;
}

} // namespace SyncDesk
