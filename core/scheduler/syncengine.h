#pragma once

#include "clock.h"
#include "diagnostics/result.h"
#include "protocol/bytestream.h"
#include "schedulersettings.h"
#include "store/storeconfig.h"
#include "sync/syncoutcome.h"

#include <QList>
#include <QObject>

#include <memory>
#include <optional>

namespace SyncDesk {

class EngineMetrics;
class LogPersister;
class MailboxScheduler;
class PushManager;
class MaintenanceRunner;
class Store;
class WorkerPool;

struct EngineSettings
{
    StoreConfig store;
    SchedulerSettings scheduler;
    QString nodeId; // empty: host name and process id
};

// The sync engine as the console and syncdesk-node use it: its own store connection, the worker
// pool, the scheduler and log persistence. Lives in one thread (the node's main thread, or a thread of
// its own in the console); every method must be called in that thread.
class SyncEngine final : public QObject
{
    Q_OBJECT
public:
    explicit SyncEngine(const EngineSettings &settings, ByteStreamFactory streams = {},
                        std::shared_ptr<Clock> clock = {}, QObject *parent = nullptr);
    ~SyncEngine() override;

    // The pid namespace of this process ("pid:[4026531836]"), empty where /proc does not tell.
    static QString pidNamespace();
    static QString defaultNodeId();

    // Before start() or runOnce(): the engine uses this connection (of the engine's thread) instead of opening
    // one of its own; the caller keeps it open until the engine is destroyed. `sync --once` lends the one its
    // command already has (each connection is opened and its schema read once more otherwise).
    void borrowStore(Store *store) { m_borrowed = store; }
    // Continuous operation until stop().
    Status start();
    // Syncs these mailboxes once, then onceFinished.
    Status runOnce(const QList<qint64> &mailboxIds);
    void requestSync(const QList<qint64> &mailboxIds);
    // Audits the mailbox now and fetches what it finds missing (MailboxScheduler::auditAndRepair).
    void auditAndRepair(qint64 mailboxId);
    // Graceful: running syncs finish (or are cancelled after the grace period), then stopped().
    void stop();

    const QString &nodeId() const { return m_nodeId; }
    // What this engine counted for /metrics (MetricsServer reads it from its own thread).
    const std::shared_ptr<EngineMetrics> &metrics() const { return m_metrics; }
    int runningCount() const;
    // Set while syncs are paused because this engine's store fails (see StoreHealth).
    std::optional<SyncError> storeFailure() const;

Q_SIGNALS:
    void syncStarted(qint64 mailboxId);
    void syncFinished(const SyncDesk::SyncOutcome &outcome);
    void onceFinished(const QList<SyncDesk::SyncOutcome> &outcomes);
    void stopped();

private:
    void releaseLeasesOfDeadProcesses();
    // workerThreads: the pool's size, when the engine starts now (a run-once needs no more than its mailboxes).
    Status ensureStarted(std::optional<int> workerThreads = std::nullopt);

    EngineSettings m_settings;
    ByteStreamFactory m_streams;
    std::shared_ptr<Clock> m_clock;
    QString m_nodeId;
    std::shared_ptr<EngineMetrics> m_metrics;
    std::unique_ptr<Store> m_ownStore;
    Store *m_borrowed = nullptr;
    Store *m_store = nullptr; // the one in use: m_ownStore's or the borrowed one
    std::unique_ptr<WorkerPool> m_pool;
    std::unique_ptr<PushManager> m_push; // continuous mode only; before the scheduler, which refers to it
    std::unique_ptr<MailboxScheduler> m_scheduler;
    std::unique_ptr<MaintenanceRunner> m_maintenance; // continuous mode only
    std::unique_ptr<LogPersister> m_logPersister;
};

} // namespace SyncDesk
