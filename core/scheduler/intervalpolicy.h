#pragma once

#include "model/mailboxstate.h"

#include <QtGlobal>

namespace SyncDesk {

// The knobs of the adaptive schedule. Seconds are real seconds; `scale` multiplies every duration
// (1 in production; the demo runs a minute in a second with 1/60).
struct IntervalSettings
{
    int baseSeconds = 300;        // a normal mailbox
    int minSeconds = 120;         // the busiest mailbox, never less
    int maxSeconds = 720;         // the quietest mailbox and the longest backoff
    int guaranteeSeconds = 720;   // a healthy mailbox starts a sync at least this often
    int guardSeconds = 30;        // quiet intervals stay this far below the guarantee, for start delays
    double busyItemsPerSync = 5;  // a mailbox that gets this many new items in a normal interval is busy
    int quietAfterSeconds = 3600; // no new item for this long: the interval starts growing
    int quietRampSeconds = 7200;  // ... and reaches the maximum after this much longer
    int averageSeconds = 1800;    // time constant of the moving average of new items per minute
    int backoffStartSeconds = 60; // first retry after a transient failure, doubling from there
    double jitter = 0.2;          // backoff delays vary by up to ±20 % so that failures do not synchronise
    double scale = 1.0;

    friend bool operator==(const IntervalSettings &, const IntervalSettings &) = default;
};

// What the policy knows of a mailbox's activity.
struct ActivityStats
{
    double itemsPerMinute = 0; // moving average of the rate of new items, decaying with time
    qint64 lastNewItemMs = 0;  // start of the last sync that found new items (0: none yet)
    qint64 firstSyncMs = 0;    // start of the first successful sync (0: never synced)
    qint64 lastSuccessMs = 0;  // start of the last successful sync
};

struct IntervalDecision
{
    qint64 ms = 300000;
    IntervalReason reason = IntervalReason::Normal;
};

// The adaptive interval, as documented in the README ("How often a mailbox syncs"). r is the moving
// average of new items per minute, each sync's rate (new items / minutes since the previous successful
// sync) weighted by 1 − e^(−elapsed / averageSeconds), so that the average means the same whatever the
// interval was. The first sync's backlog does not count.
//   busy:   r × base ≥ busyItemsPerSync  →  busyItemsPerSync / r (the time to get that many), at least min
//   quiet:  idle time t (since the last new item, or the first sync) beyond quietAfter
//           →  base + (cap − base) × min(1, (t − quietAfter) / quietRamp)
//   normal: base
// where cap = min(max, guarantee − guard), so that a quiet mailbox still starts within the guarantee.
// Failures back off: backoffStart × 2^(failures−1), up to max, ±jitter, and never less than a
// throttling server's suggested delay.
class IntervalPolicy final
{
public:
    explicit IntervalPolicy(const IntervalSettings &settings = {});

    const IntervalSettings &settings() const { return m_settings; }

    IntervalDecision healthy(const ActivityStats &stats, qint64 nowMs) const;
    // random01 in [0, 1): the jitter's draw.
    IntervalDecision backoff(int consecutiveFailures, qint64 retryAfterMs, double random01) const;
    // Folds one successful sync's new items into the moving average.
    ActivityStats afterSuccess(ActivityStats stats, int newItems, qint64 startedMs) const;

    qint64 scaledMs(double seconds) const;
    qint64 longestHealthyMs() const; // cap of the quiet interval

private:
    IntervalSettings m_settings;
};

} // namespace SyncDesk
