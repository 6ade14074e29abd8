#pragma once

#include "scheduler/scheduleplanner.h"
#include "sync/syncoutcome.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <array>
#include <map>
#include <tuple>

namespace SyncDesk {

// What one engine counted since its process started, for /metrics: syncs by direction, result and error class,
// their durations, items stored and failed, leases, store errors, and its scheduler's latest view (workers,
// queue, connections per profile, heartbeat). Written by the engine's thread, read by the metrics server's:
// every member function is thread-safe.
class EngineMetrics final
{
public:
    // The upper bounds of the sync duration histogram, in seconds (+Inf is implied).
    static constexpr std::array<double, 11> kDurationBuckets{0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300};

    struct Histogram
    {
        std::array<quint64, kDurationBuckets.size()> buckets{}; // cumulative at read time, per bucket while written
        quint64 count = 0;
        double sum = 0;
    };
    struct ProfileLoad
    {
        QString name;
        int running = 0;
        int maxConnections = 0;
    };
    // The key of syncs_total: direction ("incoming", "outgoing", "act"), result ("ok", "failed", "cancelled"),
    // error class ("none" or errorClassName in lower case).
    struct SyncKey
    {
        QString direction;
        QString result;
        QString errorClass;
        friend bool operator<(const SyncKey &a, const SyncKey &b)
        {
            return std::tie(a.direction, a.result, a.errorClass) < std::tie(b.direction, b.result, b.errorClass);
        }
    };
    struct Snapshot
    {
        std::map<SyncKey, quint64> syncs;
        std::map<QString, Histogram> durations; // by direction; buckets cumulative
        std::map<QString, quint64> itemsStored; // by direction
        quint64 itemFailures = 0;
        quint64 leaseTakeovers = 0;
        quint64 leasesLost = 0;
        quint64 storeErrors = 0;
        bool schedulerRunning = false;
        int workers = 0;
        int workersBusy = 0;
        int queued = 0;
        QList<ProfileLoad> profiles;
        QDateTime lastHeartbeat; // the heartbeat reached the store; invalid until the first one
        QDateTime lastPass;      // the scheduler's loop turned, whatever the store did
        int heartbeatSeconds = 5;

        // The scheduler's loop turned within three heartbeats (the watchdog's test: a database outage pauses
        // syncs but is not a hang).
        bool schedulerAlive(const QDateTime &now) const
        {
            return lastPass.isValid() && lastPass.msecsTo(now) <= 3000LL * heartbeatSeconds;
        }
    };

    // A finished run: each of its directions that ran counts once. This engine's own problems (its store
    // failed, it cannot read the password, its lease passed to another engine) and audits are not counted.
    void recordSync(const SyncOutcome &outcome);
    void recordLeaseTakeovers(int count);
    void recordLeaseLost();
    void recordStoreError();
    // The scheduler's view at its heartbeat (it writes one at least every heartbeatSeconds).
    void recordHeartbeat(const SchedulerSnapshot &view, const QList<ProfileLoad> &profiles, int workers,
                         int workersBusy, const QDateTime &at, int heartbeatSeconds);
    void setSchedulerRunning(bool running);
    // A turn of the scheduler's loop (every heartbeat, even when the store fails).
    void recordSchedulerPass(const QDateTime &at, int heartbeatSeconds);

    Snapshot snapshot() const;

private:
    // seconds: nullopt when the direction has no duration of its own.
    void count(const QString &direction, const std::optional<SyncError> &error, std::optional<double> seconds);

    mutable QMutex m_mutex;
    Snapshot m_data;
};

} // namespace SyncDesk
