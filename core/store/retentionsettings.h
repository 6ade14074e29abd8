#pragma once

#include <QJsonObject>
#include <QLatin1StringView>

namespace SyncDesk {

// How long the store keeps what only grows: the log, run history, closed alerts, completed track requests
// and nodes that stopped publishing. Days; the configuration file's "retention" section goes over these
// defaults (each key from kMinDays to kMaxDays).
struct RetentionSettings
{
    static constexpr int kMinDays = 1;
    static constexpr int kMaxDays = 3650;

    int debugLogDays = 7;       // debug records of the log
    int logDays = 30;           // information, warning and error records
    int runsDays = 30;          // sync runs (the latest run of each mailbox is always kept)
    int closedAlertsDays = 90;  // after they closed
    int trackRequestsDays = 30; // after they completed (done or failed)
    int deadNodesDays = 7;      // after their last heartbeat
    int batchRows = 500;        // rows deleted per transaction

    // The "retention" settings stored in the database (from the configuration file) over these.
    RetentionSettings withStored(const QJsonObject &stored) const
    {
        RetentionSettings result = *this;
        auto days = [&](const char *key, int &target) {
            const QJsonValue value = stored.value(QLatin1StringView(key));
            if (value.isDouble()) {
                target = qBound(kMinDays, value.toInt(), kMaxDays);
            }
        };
        days("debug_log_days", result.debugLogDays);
        days("log_days", result.logDays);
        days("runs_days", result.runsDays);
        days("closed_alerts_days", result.closedAlertsDays);
        days("track_requests_days", result.trackRequestsDays);
        days("dead_nodes_days", result.deadNodesDays);
        return result;
    }
};

} // namespace SyncDesk
