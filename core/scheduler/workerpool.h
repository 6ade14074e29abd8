#pragma once

#include "protocol/bytestream.h"
#include "store/storeconfig.h"
#include "sync/syncjob.h"
#include "sync/syncoutcome.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>

class QThread;
class QTimer;

namespace SyncDesk {

class SyncWorker;

// A fixed set of worker threads, each with a SyncWorker driving many sessions. Jobs go to the worker
// with the fewest running. Lives in the scheduler's thread; outcomes come back there as signals.
class WorkerPool final : public QObject
{
    Q_OBJECT
public:
    WorkerPool(int threads, const StoreConfig &storeConfig, const ByteStreamFactory &streams,
               QObject *parent = nullptr);
    // For bench_multinode: no threads, no mail server. Each job fills its outcome from `run`, which
    // returns how long (in real milliseconds) the run takes; it then ends with that outcome. `slots` counts
    // as threads do for the engine's capacity.
    using SimulatedRun = std::function<qint64(const SyncJob &job, SyncOutcome &outcome)>;
    WorkerPool(int slots, SimulatedRun run, QObject *parent = nullptr);
    ~WorkerPool() override; // cancels what runs and joins the threads

    void dispatch(const SyncJob &job);
    // Has the first `workers` workers (those dispatch() picks first) open their store connections now, in
    // their threads, while the scheduler claims: a run-once does not wait for it after its claim. A
    // connection that cannot open is tried again, and reported, by the job.
    void warmUp(int workers);
    void cancelAll();
    // Cancels the mailbox's run (its lease was lost): it ends as cancelled, writing nothing more.
    void cancel(qint64 mailboxId);
    int threadCount() const { return m_simulatedRun ? m_simulatedSlots : int(m_workers.size()); }
    int runningJobs() const;
    // Threads with at least one job.
    int busyThreads() const;

Q_SIGNALS:
    void jobFinished(const SyncDesk::SyncOutcome &outcome);

private:
    struct Worker
    {
        QThread *thread = nullptr;
        SyncWorker *worker = nullptr;
        int running = 0;
    };
    void finishSimulated(qint64 mailboxId, bool cancelled);

    QList<Worker> m_workers;
    QHash<qint64, int> m_workerOfMailbox;
    SimulatedRun m_simulatedRun;
    int m_simulatedSlots = 0;
    struct SimulatedJob
    {
        QTimer *timer = nullptr;
        SyncOutcome outcome;
    };
    QHash<qint64, SimulatedJob> m_simulated;
};

} // namespace SyncDesk
