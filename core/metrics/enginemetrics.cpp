#include "enginemetrics.h"

#include "scheduler/passwordproblems.h"
#include "scheduler/storehealth.h"

#include <QMutexLocker>

namespace SyncDesk {

using namespace Qt::StringLiterals;

void EngineMetrics::count(const QString &direction, const std::optional<SyncError> &error,
                          std::optional<double> seconds)
{
    SyncKey key{direction, u"ok"_s, u"none"_s};
    if (error) {
        key.result = error->errorClass == ErrorClass::Cancelled ? u"cancelled"_s : u"failed"_s;
        key.errorClass = errorClassName(error->errorClass).toLower();
    }
    ++m_data.syncs[key];
    if (!seconds) {
        return;
    }
    Histogram &histogram = m_data.durations[direction];
    for (std::size_t i = 0; i < kDurationBuckets.size(); ++i) {
        if (*seconds <= kDurationBuckets[i]) {
            ++histogram.buckets[i];
            break;
        }
    }
    ++histogram.count;
    histogram.sum += *seconds;
}

void EngineMetrics::recordSync(const SyncOutcome &outcome)
{
    const qint64 ms = outcome.startedAt.isValid() && outcome.finishedAt.isValid()
                          ? std::max<qint64>(0, outcome.startedAt.msecsTo(outcome.finishedAt))
                          : 0;
    QMutexLocker locker(&m_mutex);
    if (outcome.audit ||
        (outcome.error && (outcome.error->hintId == u"lease-lost"_s || StoreHealth::isStoreFailure(*outcome.error) ||
                           PasswordProblems::isPasswordProblem(*outcome.error)))) {
        return;
    }
    // The run's whole time (it includes the outgoing direction, which runs first, and ACT, which runs after).
    count(u"incoming"_s, outcome.error, double(ms) / 1000.0);
    m_data.itemsStored[u"incoming"_s] += quint64(std::max(0, outcome.itemsNew));
    m_data.itemFailures += quint64(std::max(0, outcome.itemsFailed));
    if (outcome.emailsSent > 0 || outcome.emailsFailed > 0 || outcome.emailsRetrying > 0 || outcome.outgoingError) {
        std::optional<SyncError> outgoing = outcome.outgoingError;
        if (!outgoing && (outcome.emailsFailed > 0 || outcome.emailsRetrying > 0)) {
            outgoing = outcome.emailFailure;
        }
        count(u"outgoing"_s, outgoing, std::nullopt);
        m_data.itemsStored[u"outgoing"_s] += quint64(std::max(0, outcome.emailsSent));
    }
    if (outcome.actRan) {
        count(u"act"_s, outcome.actError, double(outcome.actElapsedMs) / 1000.0);
        m_data.itemsStored[u"act"_s] += quint64(std::max(0, outcome.actToServer + outcome.actFromServer));
    }
}

void EngineMetrics::recordLeaseTakeovers(int count)
{
    QMutexLocker locker(&m_mutex);
    m_data.leaseTakeovers += quint64(std::max(0, count));
}

void EngineMetrics::recordLeaseLost()
{
    QMutexLocker locker(&m_mutex);
    ++m_data.leasesLost;
}

void EngineMetrics::recordStoreError()
{
    QMutexLocker locker(&m_mutex);
    ++m_data.storeErrors;
}

void EngineMetrics::recordHeartbeat(const SchedulerSnapshot &view, const QList<ProfileLoad> &profiles, int workers,
                                    int workersBusy, const QDateTime &at, int heartbeatSeconds)
{
    QMutexLocker locker(&m_mutex);
    m_data.queued = view.queued;
    m_data.profiles = profiles;
    m_data.workers = workers;
    m_data.workersBusy = workersBusy;
    m_data.lastHeartbeat = at;
    m_data.heartbeatSeconds = std::max(1, heartbeatSeconds);
}

void EngineMetrics::recordSchedulerPass(const QDateTime &at, int heartbeatSeconds)
{
    QMutexLocker locker(&m_mutex);
    m_data.lastPass = at;
    m_data.heartbeatSeconds = std::max(1, heartbeatSeconds);
}

void EngineMetrics::setSchedulerRunning(bool running)
{
    QMutexLocker locker(&m_mutex);
    m_data.schedulerRunning = running;
}

EngineMetrics::Snapshot EngineMetrics::snapshot() const
{
    QMutexLocker locker(&m_mutex);
    Snapshot copy = m_data;
    locker.unlock();
    for (auto &[direction, histogram] : copy.durations) {
        quint64 total = 0;
        for (quint64 &bucket : histogram.buckets) {
            total += bucket;
            bucket = total;
        }
    }
    return copy;
}

} // namespace SyncDesk
