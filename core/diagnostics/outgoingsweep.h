#pragma once

#include "diagnostics/result.h"

#include <QCoreApplication>
#include <QDateTime>

namespace SyncDesk {

class Store;

// Email can wait in Pending Send where no run ever tries to send it: the mailbox's outgoing direction is off,
// the mailbox is disabled, or its server profile has no SMTP server. No run then raises anything, so the engine
// sweeps the outbox now and then: each such mailbox whose oldest waiting email is older than stuckMinutes gets
// an "outgoing-stuck:ID" alert saying why (hint outgoing-stuck), raised once, not again on every sweep; it
// closes when nothing waits any more. (Email stuck because its attempts fail is the runs' own alert; email
// stuck because no engine runs is for status and the console to show — no engine is there to raise it.)
class OutgoingSweep final
{
    Q_DECLARE_TR_FUNCTIONS(OutgoingSweep)

public:
    struct Result
    {
        int raised = 0;
        int closed = 0;
    };
    static SyncDesk::Result<Result> run(Store &store, const QDateTime &now, int stuckMinutes = 15);
};

} // namespace SyncDesk
