#pragma once

#include "mailbox.h"
#include "mailboxstate.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>

namespace SyncDesk {

enum class MailboxRunState { Never, Ok, Syncing, Failing, Disabled };

QString runStateName(MailboxRunState state); // "never", "ok", "syncing", "failing", "disabled"

// A mailbox with its state, as the console table and `syncdesk-node status` show it.
struct MailboxStatus
{
    Mailbox mailbox;
    MailboxState state;

    // Derived at a point in time: a lease that ran out means the node that held it is gone.
    MailboxRunState runState(const QDateTime &now) const;
    // Enabled, not running, and its due time passed by more than the grace period.
    bool isOverdue(const QDateTime &now, int graceSeconds) const;

    friend bool operator==(const MailboxStatus &, const MailboxStatus &) = default;
};

using MailboxStatusList = QList<MailboxStatus>;

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::MailboxStatus)
Q_DECLARE_METATYPE(SyncDesk::MailboxStatusList)
