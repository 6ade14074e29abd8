#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QMetaType>
#include <QString>

namespace SyncDesk {

// What a running engine publishes about itself every second: its scheduler's view.
struct NodeStatus
{
    QString nodeId;
    QString host;
    qint64 pid = 0;
    QDateTime startedAt;
    QDateTime heartbeatAt;
    int workersTotal = 0;
    int workersBusy = 0;
    int capacity = 0; // syncs it runs at once
    int running = 0;
    int queued = 0;
    int overdue = 0;
    QJsonArray profiles; // [{"profile", "running", "max_connections", "overdue", "needed_connections"}]
    bool stopped = false;
    QString pidNamespace;     // of its process ("pid:[4026531836]"): a pid means something only within it
    QString version;          // of SyncDesk
    bool runsSchedule = true; // false: a run-once (sync --once), which syncs only what it was given

    // Alive when it beat recently and did not say it stopped.
    bool isAlive(const QDateTime &now) const
    {
        return !stopped && heartbeatAt.isValid() && heartbeatAt.secsTo(now) < 15;
    }
};

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::NodeStatus)
