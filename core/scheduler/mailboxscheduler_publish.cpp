// MailboxScheduler: what the engine tells the other engines through the store — its heartbeat row with
// its scheduler's view, why its due mailboxes wait — and the renewal of the leases of what it runs.

#include "logging/logger.h"
#include "mailboxscheduler.h"
#include "metrics/enginemetrics.h"
#include "syncengine.h"
#include "workerpool.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSysInfo>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

const QString kCategory = u"scheduler"_s;

} // namespace

void MailboxScheduler::publish(bool stopped)
{
    updatePush(); // the busiest mailboxes change, and so do the engines' homes
    const SchedulerSnapshot view = heartbeat(stopped);
    publishOverdueCauses(view, stopped);
}

SchedulerSnapshot MailboxScheduler::heartbeat(bool stopped)
{
    const QDateTime now = m_clock.now();
    const SchedulerSnapshot view = m_planner->snapshot(now.toMSecsSinceEpoch());
    NodeStatus node;
    node.nodeId = m_nodeId;
    node.host = QSysInfo::machineHostName();
    node.pid = QCoreApplication::applicationPid();
    node.pidNamespace = SyncEngine::pidNamespace();
    node.startedAt = m_startedAt;
    node.heartbeatAt = now;
    node.workersTotal = m_pool.threadCount();
    node.workersBusy = m_pool.busyThreads();
    node.capacity = view.capacity;
    node.running = view.running;
    node.queued = view.queued;
    node.overdue = view.overdue;
    node.stopped = stopped;
    node.version = QCoreApplication::applicationVersion();
    node.runsSchedule = m_mode == Mode::Continuous; // a run-once takes no share of the schedule
    for (const ProfileSnapshot &profile : view.profiles) {
        node.profiles.append(QJsonObject{
            {u"profile"_s, m_profiles.value(profile.id).name},
            {u"running"_s, profile.running},
            {u"max_connections"_s, profile.maxConnections},
            {u"enabled_mailboxes"_s, profile.enabled},
            {u"failing_mailboxes"_s, profile.failing},
            {u"overdue"_s, profile.overdue},
            {u"needed_connections"_s, profile.neededForIntervals},
            {u"needed_connections_for_guarantee"_s, profile.neededForGuarantee},
        });
    }
    if (m_metrics) {
        m_metrics->recordSchedulerPass(now, m_settings.heartbeatSeconds); // the watchdog's sign of life
    }
    if (Status published = m_store.publishNode(node); !published) {
        Log::warning(kCategory, {}, published.error().toString());
    } else {
        m_lastHeartbeat = now;
        if (m_metrics) {
            // /readyz: fresh only while the heartbeat reaches the store.
            QList<EngineMetrics::ProfileLoad> loads;
            for (const ProfileSnapshot &profile : view.profiles) {
                loads.append({m_profiles.value(profile.id).name, profile.running, profile.maxConnections});
            }
            m_metrics->recordHeartbeat(view, loads, node.workersTotal, node.workersBusy, now,
                                       m_settings.heartbeatSeconds);
        }
    }
    return view;
}

void MailboxScheduler::publishOverdueCauses(const SchedulerSnapshot &view, bool stopped)
{
    // Only what changed goes to the store.
    QHash<qint64, QString> changes;
    QHash<qint64, QString> current;
    if (!stopped) {
        for (auto it = view.overdueMailboxes.cbegin(); it != view.overdueMailboxes.cend(); ++it) {
            current.insert(it.key(), overdueCauseName(it.value()));
        }
    }
    for (auto it = current.cbegin(); it != current.cend(); ++it) {
        if (m_publishedOverdue.value(it.key()) != it.value()) {
            changes.insert(it.key(), it.value());
        }
    }
    for (auto it = m_publishedOverdue.cbegin(); it != m_publishedOverdue.cend(); ++it) {
        if (!current.contains(it.key())) {
            changes.insert(it.key(), QString());
        }
    }
    if (Status saved = m_store.setOverdueCauses(changes); saved) {
        m_publishedOverdue = current;
    } else {
        Log::warning(kCategory, {}, saved.error().toString());
    }
}

void MailboxScheduler::renewLeases()
{
    m_lastLeaseRenewal = m_clock.now();
    const QDateTime until = m_lastLeaseRenewal.addSecs(m_settings.leaseSeconds);
    for (auto it = m_running.cbegin(); it != m_running.cend(); ++it) {
        auto renewed = m_store.renewLease(it.key(), m_nodeId, until, it->leaseEpoch);
        if (!renewed) {
            Log::warning(kCategory, {}, renewed.error().toString());
        } else if (!*renewed) {
            // Another engine took the mailbox (this one was silent too long): stop writing for it.
            Log::warning(kCategory, m_mailboxes.value(it.key()).address,
                         u"the lease passed to another engine while this one was silent; the run is cancelled"_s);
            m_pool.cancel(it.key());
        }
    }
    if (m_auditing != 0) {
        auto renewed = m_store.renewLease(m_auditing, m_nodeId, until, m_auditEpoch);
        if (!renewed) {
            Log::warning(kCategory, {}, renewed.error().toString());
        } else if (!*renewed) {
            m_pool.cancel(m_auditing);
        }
    }
}

} // namespace SyncDesk
