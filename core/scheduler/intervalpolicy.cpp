#include "intervalpolicy.h"

#include <algorithm>
#include <cmath>

namespace SyncDesk {

IntervalPolicy::IntervalPolicy(const IntervalSettings &settings)
    : m_settings(settings)
{}

qint64 IntervalPolicy::scaledMs(double seconds) const
{
    return std::max<qint64>(1, std::llround(seconds * 1000.0 * m_settings.scale));
}

qint64 IntervalPolicy::longestHealthyMs() const
{
    const int cap = std::min(m_settings.maxSeconds, m_settings.guaranteeSeconds - m_settings.guardSeconds);
    return scaledMs(std::max(cap, m_settings.minSeconds));
}

IntervalDecision IntervalPolicy::healthy(const ActivityStats &stats, qint64 nowMs) const
{
    const qint64 base = scaledMs(m_settings.baseSeconds);
    const qint64 shortest = scaledMs(m_settings.minSeconds);
    const qint64 longest = longestHealthyMs();
    // Items per minute of simulated (scaled) time.
    const double perMinute = stats.itemsPerMinute;
    const double inNormalInterval = perMinute * double(base) / 60000.0;
    if (m_settings.busyItemsPerSync > 0 && inNormalInterval >= m_settings.busyItemsPerSync) {
        const qint64 ms = std::llround(m_settings.busyItemsPerSync / perMinute * 60000.0);
        const qint64 bounded = std::clamp(ms, shortest, base);
        return {bounded, bounded < base ? IntervalReason::Busy : IntervalReason::Normal};
    }
    const qint64 since = stats.lastNewItemMs > 0 ? stats.lastNewItemMs : stats.firstSyncMs;
    if (since > 0) {
        const qint64 idle = nowMs - since;
        const qint64 quietAfter = scaledMs(m_settings.quietAfterSeconds);
        if (idle > quietAfter && longest > base) {
            const double ramp = double(std::max<qint64>(1, scaledMs(m_settings.quietRampSeconds)));
            const double fraction = std::min(1.0, double(idle - quietAfter) / ramp);
            const qint64 ms = std::min(base + std::llround(double(longest - base) * fraction), longest);
            if (ms > base) { // until the ramp has grown the interval, the mailbox is simply normal
                return {ms, IntervalReason::Quiet};
            }
        }
    }
    return {std::clamp(base, shortest, longest), IntervalReason::Normal};
}

IntervalDecision IntervalPolicy::backoff(int consecutiveFailures, qint64 retryAfterMs, double random01) const
{
    const qint64 longest = scaledMs(m_settings.maxSeconds);
    double ms = double(scaledMs(m_settings.backoffStartSeconds));
    for (int i = 1; i < consecutiveFailures && ms < double(longest); ++i) {
        ms *= 2;
    }
    ms = std::min(ms, double(longest));
    ms *= 1.0 + m_settings.jitter * (2.0 * std::clamp(random01, 0.0, 1.0) - 1.0);
    const qint64 delay = std::clamp<qint64>(std::llround(ms), 1, longest);
    // A throttling server's request wins over the maximum: coming back sooner would only be refused.
    return {std::max(delay, retryAfterMs), IntervalReason::Backoff};
}

ActivityStats IntervalPolicy::afterSuccess(ActivityStats stats, int newItems, qint64 startedMs) const
{
    const qint64 previous = stats.lastSuccessMs;
    stats.lastSuccessMs = startedMs;
    if (newItems > 0) {
        stats.lastNewItemMs = startedMs;
    }
    if (stats.firstSyncMs == 0 || previous <= 0 || startedMs <= previous) {
        // The first sync pulls the whole backlog: it says nothing about how busy the mailbox is.
        if (stats.firstSyncMs == 0) {
            stats.firstSyncMs = startedMs;
            stats.itemsPerMinute = 0;
        }
        return stats;
    }
    const double elapsedMs = double(startedMs - previous);
    const double rate = double(std::max(0, newItems)) / (elapsedMs / 60000.0);
    const double constant = double(scaledMs(std::max(1, m_settings.averageSeconds)));
    const double weight = 1.0 - std::exp(-elapsedMs / constant);
    stats.itemsPerMinute = weight * rate + (1.0 - weight) * stats.itemsPerMinute;
    return stats;
}

} // namespace SyncDesk
