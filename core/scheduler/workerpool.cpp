#include "workerpool.h"

#include "syncworker.h"

#include <QThread>
#include <QTimer>

#include <algorithm>

namespace SyncDesk {

using namespace Qt::StringLiterals;

WorkerPool::WorkerPool(int threads, const StoreConfig &storeConfig, const ByteStreamFactory &streams, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<SyncDesk::SyncJob>();
    qRegisterMetaType<SyncDesk::SyncOutcome>();
    const int count = qBound(1, threads, 64);
    for (int i = 0; i < count; ++i) {
        Worker slot;
        slot.thread = new QThread(this);
        slot.thread->setObjectName(u"syncdesk-worker-%1"_s.arg(i + 1));
        slot.worker = new SyncWorker(storeConfig, streams);
        slot.worker->moveToThread(slot.thread);
        connect(slot.thread, &QThread::finished, slot.worker, &QObject::deleteLater);
        connect(slot.worker, &SyncWorker::jobFinished, this, [this, i](const SyncOutcome &outcome) {
            m_workers[i].running = qMax(0, m_workers[i].running - 1);
            m_workerOfMailbox.remove(outcome.mailboxId);
            Q_EMIT jobFinished(outcome);
        });
        slot.thread->start();
        m_workers.append(slot);
    }
}

WorkerPool::WorkerPool(int slots, SimulatedRun run, QObject *parent)
    : QObject(parent)
    , m_simulatedRun(std::move(run))
    , m_simulatedSlots(qBound(1, slots, 1000))
{
    qRegisterMetaType<SyncDesk::SyncOutcome>();
}

void WorkerPool::finishSimulated(qint64 mailboxId, bool cancelled)
{
    auto found = m_simulated.find(mailboxId);
    if (found == m_simulated.end()) {
        return;
    }
    SimulatedJob job = found.value();
    m_simulated.erase(found);
    job.timer->deleteLater();
    if (cancelled) {
        //: The message of a sync that was cancelled
        const QString message = tr("cancelled");
        job.outcome.error = SyncError::make(ErrorClass::Cancelled, {}, message);
    }
    Q_EMIT jobFinished(job.outcome);
}

WorkerPool::~WorkerPool()
{
    for (Worker &slot : m_workers) {
        SyncWorker *worker = slot.worker;
        // Cancel and close the store connection in the worker's own thread, then stop it.
        QMetaObject::invokeMethod(
            worker, [worker] { worker->shutdown(); }, Qt::BlockingQueuedConnection);
        worker->disconnect(this);
        slot.thread->quit();
        slot.thread->wait();
    }
}

void WorkerPool::dispatch(const SyncJob &job)
{
    if (m_simulatedRun) {
        SimulatedJob simulated;
        simulated.outcome.mailboxId = job.mailbox.id;
        simulated.outcome.address = job.mailbox.address;
        simulated.outcome.trigger = job.trigger;
        const qint64 waitMs = m_simulatedRun(job, simulated.outcome);
        simulated.timer = new QTimer(this);
        simulated.timer->setSingleShot(true);
        const qint64 mailboxId = job.mailbox.id;
        connect(simulated.timer, &QTimer::timeout, this, [this, mailboxId] { finishSimulated(mailboxId, false); });
        simulated.timer->start(int(std::clamp<qint64>(waitMs, 0, qint64(24) * 3600 * 1000)));
        m_simulated.insert(mailboxId, simulated);
        return;
    }
    int best = 0;
    for (int i = 1; i < m_workers.size(); ++i) {
        if (m_workers.at(i).running < m_workers.at(best).running) {
            best = i;
        }
    }
    ++m_workers[best].running;
    m_workerOfMailbox.insert(job.mailbox.id, best);
    SyncWorker *worker = m_workers.at(best).worker;
    QMetaObject::invokeMethod(
        worker, [worker, job] { worker->startJob(job); }, Qt::QueuedConnection);
}

void WorkerPool::warmUp(int workers)
{
    for (qsizetype i = 0; i < std::min<qsizetype>(workers, m_workers.size()); ++i) {
        SyncWorker *worker = m_workers.at(i).worker;
        QMetaObject::invokeMethod(
            worker, [worker] { (void)worker->openStore(); }, Qt::QueuedConnection);
    }
}

void WorkerPool::cancel(qint64 mailboxId)
{
    if (m_simulatedRun) {
        finishSimulated(mailboxId, true);
        return;
    }
    const auto found = m_workerOfMailbox.constFind(mailboxId);
    if (found == m_workerOfMailbox.cend()) {
        return;
    }
    SyncWorker *worker = m_workers.at(*found).worker;
    QMetaObject::invokeMethod(
        worker, [worker, mailboxId] { worker->cancel(mailboxId); }, Qt::QueuedConnection);
}

void WorkerPool::cancelAll()
{
    for (qint64 mailboxId : m_simulated.keys()) {
        finishSimulated(mailboxId, true);
    }
    for (const Worker &slot : std::as_const(m_workers)) {
        SyncWorker *worker = slot.worker;
        QMetaObject::invokeMethod(
            worker, [worker] { worker->cancelAll(); }, Qt::QueuedConnection);
    }
}

int WorkerPool::runningJobs() const
{
    int total = int(m_simulated.size());
    for (const Worker &slot : m_workers) {
        total += slot.running;
    }
    return total;
}

int WorkerPool::busyThreads() const
{
    if (m_simulatedRun) {
        return qMin(m_simulatedSlots, int(m_simulated.size()));
    }
    return int(std::count_if(m_workers.begin(), m_workers.end(), [](const Worker &slot) { return slot.running > 0; }));
}

} // namespace SyncDesk
