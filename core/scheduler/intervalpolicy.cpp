#include "intervalpolicy.h"

#include <cmath>

namespace SyncDesk {

IntervalPolicy::IntervalPolicy(const IntervalSettings &settings)
    : m_settings(settings)
{}

int IntervalPolicy::scaled(int seconds) const
{
    return qMax(1, int(std::lround(seconds * m_settings.scale)));
}

IntervalDecision IntervalPolicy::afterRun(const MailboxState &stateAfterRun, const SyncOutcome &outcome) const
{
    if (outcome.succeeded()) {
        return {scaled(m_settings.baseSeconds), IntervalReason::Normal};
    }
    const int failures = qMax(1, stateAfterRun.consecutiveFailures);
    qint64 seconds = m_settings.backoffStartSeconds;
    for (int i = 1; i < failures && seconds < m_settings.maxSeconds; ++i) {
        seconds *= 2;
    }
    seconds = qMin<qint64>(seconds, m_settings.maxSeconds);
    int result = scaled(int(seconds));
    if (outcome.error && outcome.error->retryAfterMs > 0) {
        result = qMax(result, int((outcome.error->retryAfterMs + 999) / 1000));
    }
    return {result, IntervalReason::Backoff};
}

} // namespace SyncDesk
