#pragma once

#include "clock.h"
#include "intervalpolicy.h"
#include "schedulersettings.h"
#include "sync/syncoutcome.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>

namespace SyncDesk {

class Store;
class WorkerPool;

// Owns time: decides which mailbox syncs when, hands jobs to the worker pool within the caps, and
// writes each outcome (state, next due time, run history) to the store. A mailbox is claimed with a
// lease in the store before it runs, so several processes sharing a database never sync the same
// mailbox at once, and never twice at once here.
class MailboxScheduler final : public QObject
{
    Q_OBJECT
public:
    MailboxScheduler(Store &store, WorkerPool &pool, const Clock &clock, const SchedulerSettings &settings,
                     const QString &nodeId, QObject *parent = nullptr);
    ~MailboxScheduler() override;

    // Continuous mode: due mailboxes and requests stored by other processes are picked up as they come.
    void start();
    // Syncs these mailboxes now, once each, then emits onceFinished.
    void runOnce(const QList<qint64> &mailboxIds);
    // To the front of the queue. A mailbox already queued is not queued twice; one that is running
    // gets one follow-up run.
    void requestSync(const QList<qint64> &mailboxIds, SyncTrigger trigger);
    // Stops dispatching, lets running syncs finish (up to stopGraceMs), cancels the rest, then stopped().
    void stop();

    // One scheduling pass; runs on the poll timer, public for tests.
    void tick();

    int runningCount() const { return int(m_running.size()); }
    int queuedCount() const { return int(m_queue.size()); }
    bool isStopping() const { return m_stopping; }

Q_SIGNALS:
    void syncStarted(qint64 mailboxId);
    void syncFinished(const SyncDesk::SyncOutcome &outcome);
    void onceFinished(const QList<SyncDesk::SyncOutcome> &outcomes);
    void stopped();

private:
    struct Queued
    {
        qint64 mailboxId = 0;
        SyncTrigger trigger = SyncTrigger::Scheduled;
    };
    struct Running
    {
        qint64 profileId = 0;
        SyncTrigger trigger = SyncTrigger::Scheduled;
    };

    void enqueue(qint64 mailboxId, SyncTrigger trigger, bool front);
    void dispatchQueue();
    void onJobFinished(const SyncOutcome &outcome);
    void applyOutcome(const SyncOutcome &outcome);
    void completeOnce(const SyncOutcome &outcome);
    void renewLeases();
    void finishStop();
    bool isQueued(qint64 mailboxId) const;

    Store &m_store;
    WorkerPool &m_pool;
    const Clock &m_clock;
    SchedulerSettings m_settings;
    IntervalPolicy m_policy;
    QString m_nodeId;
    std::deque<Queued> m_queue;
    QHash<qint64, Running> m_running;
    QHash<qint64, int> m_connections; // per profile id
    QSet<qint64> m_followUps;
    bool m_continuous = false;
    bool m_stopping = false;
    QSet<qint64> m_onceWaiting;
    QList<SyncOutcome> m_onceOutcomes;
    QTimer m_pollTimer{this};  // a child, so that moveToThread() moves it too
    QTimer m_leaseTimer{this}; // a child, so that moveToThread() moves it too
    QTimer m_graceTimer{this}; // a child, so that moveToThread() moves it too
};

} // namespace SyncDesk
