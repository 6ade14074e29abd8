#include "workerpool.h"

#include "syncworker.h"

#include <QThread>

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

void WorkerPool::cancel(qint64 mailboxId)
{
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
    for (const Worker &slot : std::as_const(m_workers)) {
        SyncWorker *worker = slot.worker;
        QMetaObject::invokeMethod(
            worker, [worker] { worker->cancelAll(); }, Qt::QueuedConnection);
    }
}

int WorkerPool::runningJobs() const
{
    int total = 0;
    for (const Worker &slot : m_workers) {
        total += slot.running;
    }
    return total;
}

int WorkerPool::busyThreads() const
{
    return int(std::count_if(m_workers.begin(), m_workers.end(), [](const Worker &slot) { return slot.running > 0; }));
}

} // namespace SyncDesk
