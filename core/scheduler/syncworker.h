#pragma once

#include "protocol/bytestream.h"
#include "store/storeconfig.h"
#include "sync/syncjob.h"
#include "sync/syncoutcome.h"

#include <QHash>
#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace SyncDesk {

class MailboxSync;
class OutboxRun;
struct OutboxResult;
class Store;

// Runs sync jobs in the thread it lives in, many at a time: every session is asynchronous, so one
// thread drives them all with its event loop. Opens its own store connection in that thread. A job whose
// mailbox has outgoing email to send runs its outgoing direction (OutboxRun) first, then the incoming sync.
class SyncWorker final : public QObject
{
    Q_OBJECT
public:
    SyncWorker(const StoreConfig &storeConfig, ByteStreamFactory streams);
    ~SyncWorker() override;

    // Called in the worker's thread (through a queued invocation).
    void startJob(const SyncDesk::SyncJob &job);
    // Opens the worker's store connection unless it is open; a job opens it when this did not.
    Status openStore();
    void cancelAll();
    void cancel(qint64 mailboxId);
    // Cancels what runs and closes the store connection; must run in the worker's thread.
    void shutdown();

Q_SIGNALS:
    void jobFinished(const SyncDesk::SyncOutcome &outcome);

private:
    void startIncoming(const SyncJob &job);
    void onOutboxFinished(const SyncJob &job, OutboxRun *run, const OutboxResult &result);
    void onFinished(MailboxSync *sync, const SyncOutcome &outcome);
    // The ACT direction, blocking by nature (one DAV request after another), runs in a thread of its own with its
    // own store connection; its result joins the run's outcome.
    void startAct(const SyncJob &job, const SyncOutcome &outcome);

    StoreConfig m_storeConfig;
    ByteStreamFactory m_streams;
    std::unique_ptr<Store> m_store;
    QHash<qint64, MailboxSync *> m_active;
    QHash<qint64, OutboxRun *> m_outboxes;        // outgoing directions running, before their incoming sync
    QHash<qint64, SyncOutcome> m_outgoingResults; // what they did, merged into the run's outcome
    QHash<qint64, SyncJob> m_jobs;                // jobs running, by mailbox
    struct ActThread
    {
        QThread *thread = nullptr;
        std::shared_ptr<std::atomic_bool> cancelled;
    };
    QHash<qint64, ActThread> m_acts;
};

} // namespace SyncDesk
