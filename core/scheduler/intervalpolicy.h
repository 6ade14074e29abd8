#pragma once

#include "model/mailboxstate.h"
#include "sync/syncoutcome.h"

namespace SyncDesk {

struct IntervalSettings
{
    int baseSeconds = 300;        // normal interval
    int minSeconds = 120;         // busy mailboxes, never less
    int maxSeconds = 720;         // quiet mailboxes and backoff, never more: the 12-minute guarantee
    int backoffStartSeconds = 60; // first retry after a transient failure
    // Multiplies every interval: 1 in production; the demo runs a minute in a second (1/60).
    double scale = 1.0;
};

struct IntervalDecision
{
    int seconds = 300; // already scaled
    IntervalReason reason = IntervalReason::Normal;
};

// Decides how long a mailbox waits before its next sync. This version: the base interval after a
// success, exponential backoff from backoffStartSeconds up to maxSeconds after failures, and at least
// the delay a throttling server asked for.
class IntervalPolicy final
{
public:
    explicit IntervalPolicy(const IntervalSettings &settings = {});

    IntervalDecision afterRun(const MailboxState &stateAfterRun, const SyncOutcome &outcome) const;
    const IntervalSettings &settings() const { return m_settings; }
    int scaled(int seconds) const;

private:
    IntervalSettings m_settings;
};

} // namespace SyncDesk
