#include "syncengine.h"

#include "logging/logger.h"
#include "logging/logpersister.h"
#include "mailboxscheduler.h"
#include "maintenancerunner.h"
#include "metrics/enginemetrics.h"
#include "protocol/socketstream.h"
#include "pushmanager.h"
#include "store/store.h"
#include "workerpool.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <QSysInfo>

#include <algorithm>
#include <cerrno>
#include <csignal>

namespace SyncDesk {

using namespace Qt::StringLiterals;

SyncEngine::SyncEngine(const EngineSettings &settings, ByteStreamFactory streams, std::shared_ptr<Clock> clock,
                       QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_streams(streams ? std::move(streams) : SocketStream::factory())
    , m_clock(clock ? std::move(clock) : std::make_shared<SystemClock>())
    , m_nodeId(settings.nodeId.isEmpty() ? defaultNodeId() : settings.nodeId)
    , m_metrics(std::make_shared<EngineMetrics>())
{
    qRegisterMetaType<SyncDesk::SyncOutcome>();
    qRegisterMetaType<QList<SyncDesk::SyncOutcome>>();
}

SyncEngine::~SyncEngine()
{
    // Order matters: the scheduler refers to the pool and the store; the pool joins its threads.
    m_maintenance.reset();
    m_scheduler.reset();
    m_push.reset();
    m_pool.reset();
    if (m_store) {
        (void)m_store->releaseAllLeases(m_nodeId);
    }
    m_logPersister.reset();
    m_store = nullptr;
    m_ownStore.reset();
}

void SyncEngine::releaseLeasesOfDeadProcesses()
{
    // A node killed on this host (kill -9, out of memory, power cut of a VM) leaves its leases behind; they
    // would keep its mailboxes from syncing until they expire. A node id is "host:pid": on the same host,
    // a pid that no longer runs cannot sync anything.
    auto owners = m_store->leaseOwners();
    if (!owners) {
        return;
    }
    const QString host = QSysInfo::machineHostName() + u':';
    QStringList deadHere; // owners whose pid is gone from this host
    for (const QString &owner : std::as_const(*owners)) {
        bool ok = false;
        const qint64 pid = owner.startsWith(host) ? owner.mid(host.size()).section(u':', 0, 0).toLongLong(&ok) : 0;
        if (!ok || pid <= 0 || owner == m_nodeId) {
            continue;
        }
        if (::kill(pid_t(pid), 0) == 0 || errno != ESRCH) {
            continue; // still running (or not ours to signal): its leases stand
        }
        deadHere.append(owner);
    }
    if (deadHere.isEmpty()) {
        return; // the usual start: the published engines (one a `sync --once`, kept for days) are not read
    }
    // Hosts that share a name (cloned machines, containers in their own pid namespaces) must not take each
    // other's live leases: the pid counts only when the node published from this pid namespace, or when its
    // heartbeat stopped long ago.
    QHash<QString, NodeStatus> published;
    if (auto nodes = m_store->nodes(deadHere); nodes) {
        for (const NodeStatus &node : std::as_const(*nodes)) {
            published.insert(node.nodeId, node);
        }
    } else {
        return; // not knowing their namespaces, the leases stay until they expire
    }
    const QString ourNamespace = pidNamespace();
    const QDateTime longAgo = QDateTime::currentDateTimeUtc().addSecs(-60);
    for (const QString &owner : std::as_const(deadHere)) {
        const auto node = published.constFind(owner);
        const bool sameNamespace =
            node != published.constEnd() && !ourNamespace.isEmpty() && node->pidNamespace == ourNamespace;
        const bool silent = node == published.constEnd() || !node->heartbeatAt.isValid() || node->heartbeatAt < longAgo;
        if (!sameNamespace && !silent) {
            continue;
        }
        if (Status released = m_store->releaseAllLeases(owner); released) {
            Log::info(u"scheduler"_s, {}, u"released the leases of %1, which no longer runs"_s.arg(owner));
        }
    }
}

QString SyncEngine::pidNamespace()
{
    return QFile::symLinkTarget(u"/proc/self/ns/pid"_s).section(u'/', -1);
}

QString SyncEngine::defaultNodeId()
{
    // host:pid:random — unique per process start even where two containers are both pid 1 on hosts of the
    // same name; the host name and pid stay readable for the administrator.
    static const QString id = QSysInfo::machineHostName() + u':' + QString::number(QCoreApplication::applicationPid()) +
                              u':' + QString::number(QRandomGenerator::system()->generate() & 0xffffff, 16);
    return id;
}

Status SyncEngine::ensureStarted(std::optional<int> workerThreads)
{
    if (m_scheduler) {
        return {};
    }
    if (m_borrowed) {
        m_store = m_borrowed;
    } else {
        auto store = Store::open(m_settings.store);
        if (!store) {
            return store.error();
        }
        m_ownStore = std::move(store).value();
        m_store = m_ownStore.get();
    }
    releaseLeasesOfDeadProcesses();
    m_logPersister = std::make_unique<LogPersister>(*m_store);
    m_logPersister->start();
    m_pool = std::make_unique<WorkerPool>(workerThreads.value_or(m_settings.scheduler.workerThreads), m_settings.store,
                                          m_streams);
    m_scheduler = std::make_unique<MailboxScheduler>(*m_store, *m_pool, *m_clock, m_settings.scheduler, m_nodeId);
    m_scheduler->setMetrics(m_metrics);
    connect(m_scheduler.get(), &MailboxScheduler::syncStarted, this, &SyncEngine::syncStarted);
    connect(m_scheduler.get(), &MailboxScheduler::syncFinished, this, &SyncEngine::syncFinished);
    connect(m_scheduler.get(), &MailboxScheduler::onceFinished, this, &SyncEngine::onceFinished);
    connect(m_scheduler.get(), &MailboxScheduler::stopped, this, [this] {
        m_metrics->setSchedulerRunning(false);
        m_logPersister->flush();
        Q_EMIT stopped();
    });
    return {};
}

Status SyncEngine::start()
{
    if (Status started = ensureStarted(); !started) {
        return started;
    }
    Log::info(u"scheduler"_s, {},
              u"engine started as %1 with %2 worker thread(s) on %3"_s.arg(m_nodeId)
                  .arg(m_pool->threadCount())
                  .arg(m_settings.store.describe()));
    // Push connections (IMAP IDLE) of a running engine; a run-once has none.
    m_push = std::make_unique<PushManager>(m_streams, m_settings.scheduler.push);
    m_scheduler->setPushManager(m_push.get());
    m_scheduler->start();
    m_metrics->setSchedulerRunning(true);
    // Retention passes (the log, runs, closed alerts, …) in this thread, a small batch at a time.
    MaintenanceRunner::Timing timing;
    timing.firstDelayMs = m_settings.scheduler.maintenanceDelaySeconds * 1000;
    timing.intervalMs = m_settings.scheduler.maintenanceIntervalSeconds * 1000;
    m_maintenance = std::make_unique<MaintenanceRunner>(*m_store, *m_clock, timing);
    if (m_settings.scheduler.maintenanceIntervalSeconds > 0) {
        m_maintenance->start();
    }
    return {};
}

Status SyncEngine::runOnce(const QList<qint64> &mailboxIds)
{
    // No more threads than mailboxes (a thread is a stack, a malloc arena and an event loop to start).
    const int threads = int(std::clamp<qsizetype>(mailboxIds.size(), 1, qMax(1, m_settings.scheduler.workerThreads)));
    if (Status started = ensureStarted(threads); !started) {
        return started;
    }
    // The worker the first job goes to opens its store connection while the scheduler claims. Only that one:
    // the others open theirs when a job reaches them (a profile's connection cap may keep them idle, and an
    // idle connection still counts against PostgreSQL's max_connections).
    m_pool->warmUp(1);
    m_scheduler->runOnce(mailboxIds);
    return {};
}

void SyncEngine::requestSync(const QList<qint64> &mailboxIds)
{
    if (m_scheduler) {
        m_scheduler->requestSync(mailboxIds, SyncTrigger::Manual);
    }
}

void SyncEngine::auditAndRepair(qint64 mailboxId)
{
    if (m_scheduler) {
        m_scheduler->auditAndRepair(mailboxId);
    }
}

void SyncEngine::stop()
{
    if (!m_scheduler) {
        QMetaObject::invokeMethod(this, &SyncEngine::stopped, Qt::QueuedConnection);
        return;
    }
    if (m_maintenance) {
        m_maintenance->stop();
    }
    m_metrics->setSchedulerRunning(false); // not ready any more: a load balancer stops sending work
    m_scheduler->stop();
}

std::optional<SyncError> SyncEngine::storeFailure() const
{
    return m_scheduler ? m_scheduler->storeHealth().error() : std::nullopt;
}

int SyncEngine::runningCount() const
{
    return m_scheduler ? m_scheduler->runningCount() : 0;
}

} // namespace SyncDesk
