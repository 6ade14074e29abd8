#pragma once

#include "auditrotation.h"
#include "clock.h"
#include "engineshares.h"
#include "model/mailbox.h"
#include "model/serverprofile.h"
#include "passwordproblems.h"
#include "scheduleplanner.h"
#include "schedulersettings.h"
#include "store/store.h"
#include "storehealth.h"
#include "sync/syncoutcome.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace SyncDesk {

class EngineMetrics;
class PushManager;
struct PushTarget;
class Store;
class WorkerPool;

// Runs the schedule: the SchedulePlanner decides, this class carries the decisions out. It loads the
// mailboxes and their state from the store (again whenever the configuration changes, from any process),
// claims each mailbox with a lease before it runs, so that processes sharing a database never sync the
// same mailbox at once, hands the job to the worker pool, and writes each outcome — state, next due time,
// run history, disabling and its alert — in one transaction. Every second it reads requests from other
// processes and publishes its view (workers, queue, connections per profile, overdue mailboxes and why).
class MailboxScheduler final : public QObject
{
    Q_OBJECT
public:
    MailboxScheduler(Store &store, WorkerPool &pool, const Clock &clock, const SchedulerSettings &settings,
                     const QString &nodeId, QObject *parent = nullptr);
    ~MailboxScheduler() override;

    // Continuous mode: the schedule, immediate requests and requests from other processes.
    void start();
    // Syncs these mailboxes now, once each (within the caps), then emits onceFinished.
    void runOnce(const QList<qint64> &mailboxIds);
    // To the front of the queue; coalesced when already queued, one follow-up when running.
    void requestSync(const QList<qint64> &mailboxIds, SyncTrigger trigger);
    // Audits this mailbox now (continuous mode, before the scheduled audits), then fetches what it finds
    // missing with one sync and audits again, so the mailbox's last audit says what is left.
    void auditAndRepair(qint64 mailboxId);
    // The engine's push connections (mailboxscheduler_push.cpp): kept to the mailboxes that should be on push
    // after every reload and heartbeat; their news request syncs.
    void setPushManager(PushManager *push);
    // Where runs, heartbeats, takeovers and store errors are counted for /metrics.
    void setMetrics(std::shared_ptr<EngineMetrics> metrics) { m_metrics = std::move(metrics); }
    // Stops dispatching, lets running syncs finish (up to stopGraceMs), cancels the rest, then stopped().
    void stop();

    // One scheduling pass; runs on the timers, public for tests.
    void tick();

    int runningCount() const { return int(m_running.size()); }
    // The live engines that share the schedule, this one included (1 when alone or not yet known).
    int sharingEngines() const { return int(std::max<qsizetype>(1, m_shares.engines().size())); }
    SchedulerSnapshot snapshot() const;
    bool isStopping() const { return m_stopping; }
    // Whether syncs are paused because this engine's store fails (a full disk, an I/O error, a lock).
    const StoreHealth &storeHealth() const { return m_storeHealth; }

Q_SIGNALS:
    void syncStarted(qint64 mailboxId);
    void syncFinished(const SyncDesk::SyncOutcome &outcome);
    void onceFinished(const QList<SyncDesk::SyncOutcome> &outcomes);
    void stopped();

private:
    enum class Mode { Idle, Continuous, Once };
    struct Running
    {
        StartDecision decision;
        QDateTime startedAt;
        qint64 leaseEpoch = 0;
    };

    bool reload(const QSet<qint64> &only = {});
    void poll();
    void dispatch(const QList<StartDecision> &starts);
    void onJobFinished(const SyncOutcome &outcome);
    // A finished run waiting to be recorded: what the planner made of it and when it finished.
    struct Finished
    {
        SyncOutcome outcome;
        Running running;
        FinishReport report;
        QDateTime at;
    };
    // mailboxscheduler_persist.cpp: recording finished runs, alone or every one of a pass together.
    void persist(const Finished &finished);
    void persistFinished();
    Status recordOutcome(const Finished &finished, bool *wasFailing); // in the caller's transaction
    void reportOutcome(const Finished &finished, const Status &recorded);
    // What follows a run once it is recorded: the audit schedule, then afterJob.
    void afterPersist(const SyncOutcome &outcome);
    void publish(bool stopped = false);
    // Writes this engine's row (its heartbeat); returns the planner's view it published.
    SchedulerSnapshot heartbeat(bool stopped);
    void publishOverdueCauses(const SchedulerSnapshot &view, bool stopped);
    void armWakeup();
    void renewLeases();
    // mailboxscheduler_requests.cpp: requests from other processes (Resync, sync --mailbox, track), taken
    // when this engine has room for them: at once when PostgreSQL notifies, every 250 ms otherwise.
    void startListening();
    void takeRequests();
    void keepListening();
    // mailboxscheduler_outages.cpp: profile incidents opened and closed by any engine, once a heartbeat.
    void followOutages();
    void sweepOutgoing(); // mailboxscheduler_outages.cpp
    // mailboxscheduler_shares.cpp: which mailboxes this engine schedules among the live engines (their
    // home; every poll), and the sweep for what a home left overdue (once a heartbeat).
    void followEngines();
    void shareWith(const QStringList &engines);
    void applyHomes();
    void sweepOverdue(const QDateTime &now);
    // A mailbox the sweep took: after its claim it is away again unless it is at home here.
    void sendAdoptedHome(qint64 mailboxId);
    qint64 sweepGraceMs() const;
    void completeOnce(const SyncOutcome &outcome);
    // mailboxscheduler_audits.cpp: the engine's own audits, one at a time, only when no sync is due or
    // queued; an audit asked for (auditAndRepair) goes first.
    void startAudit();
    void finishAudit(const SyncOutcome &outcome);
    void afterRepairSync(const SyncOutcome &outcome);
    // A run stopped by this engine's problem (its store fails, it cannot read the password): nothing counted
    // against the mailbox, nothing disabled; a store failure pauses syncs (continuous mode).
    void onStoreFailure(const SyncOutcome &outcome);
    // The run's lease passed to another engine (it was silent too long, or paused): nothing of it counts.
    void onLeaseLost(const SyncOutcome &outcome);
    // What the store says about a mailbox's schedule, for the planner (another engine may have synced it).
    PlannerMailbox plannerEntry(const Mailbox &mailbox, const MailboxState &state) const;
    ClaimOptions claimOptions(bool onlyWhenDue) const;
    void logWaitForLease(qint64 mailboxId, const MailboxState &state);
    // Every finished run ends here: signals, a run-once's bookkeeping, the stop or the next pass.
    void afterJob(const SyncOutcome &outcome);
    // Starts the next scheduling pass claimSpacingMs() after the last one, unless one is already set.
    void scheduleNextPass();
    QList<PushTarget> pushTargets() const;
    void updatePush();
    void stopPush();
    void finishStop();
    qint64 nowMs() const { return m_clock.now().toMSecsSinceEpoch(); }

    Store &m_store;
    WorkerPool &m_pool;
    const Clock &m_clock;
    SchedulerSettings m_localSettings; // as the process was started; stored settings go over them
    SchedulerSettings m_settings;
    QString m_nodeId;
    std::unique_ptr<SchedulePlanner> m_planner;
    QHash<qint64, Mailbox> m_mailboxes;
    QHash<qint64, ServerProfile> m_profiles;
    QHash<qint64, Running> m_running;
    std::shared_ptr<EngineMetrics> m_metrics; // may be null (tests)
    // Each sending mailbox's Sent folder as a run found it ("": none), so that it is looked up once.
    QHash<qint64, QString> m_sentFolders;
    AuditRotation m_audits;
    StoreHealth m_storeHealth;
    PasswordProblems m_passwordProblems;
    qint64 m_auditing = 0; // the mailbox being audited, 0 when none
    qint64 m_auditEpoch = 0;
    struct AuditRequest
    {
        qint64 mailboxId = 0;
        bool repair = false; // fetch what it finds missing (false: the audit after a repair)
    };
    QList<AuditRequest> m_auditRequests; // asked for, in order
    bool m_auditRepairs = false;         // the running audit was asked for with repair
    QSet<qint64> m_repairSyncs;          // synced to repair: audited again when that sync ends
    QDateTime m_lastHeartbeat;           // the last time this engine's row was written
    QSet<qint64> m_waitLogged;           // run-once: mailboxes whose wait for another engine's lease was said
    Mode m_mode = Mode::Idle;
    bool m_stopping = false;
    qint64 m_configVersion = -1;
    QDateTime m_startedAt;
    QDateTime m_lastLeaseRenewal;
    QDateTime m_lastOutgoingSweep;
    QHash<qint64, QString> m_publishedOverdue;
    QSet<qint64> m_onceWaiting;
    QList<SyncOutcome> m_onceOutcomes;
    std::unique_ptr<Store> m_listenStore; // PostgreSQL: a connection that only LISTENs
    bool m_takePending = false;           // a notification's take is queued
    QDateTime m_lastListenCheck;
    QDateTime m_lastOutageCheck;
    QHash<qint64, qint64> m_knownIncidents; // profile id → its open incident, as last read
    PushManager *m_push = nullptr;
    EngineShares m_shares;  // the live engines that run the schedule, and whose each mailbox is
    QSet<qint64> m_adopted; // away mailboxes the sweep took, until their claim
    QDateTime m_lastShareCheck;
    QTimer m_requestTimer{this};
    QTimer m_pollTimer{this};
    QTimer m_wakeupTimer{this};
    QTimer m_tickTimer{this};   // after a run: one pass for the runs that finish until it fires
    QList<Finished> m_finished; // recorded together at the start of the next pass
    QElapsedTimer m_lastTick;
    static constexpr qint64 kClaimSpacingMs = 50;
    // Between two scheduling passes under load: kClaimSpacingMs per engine sharing the schedule (each has
    // 1/n of the due mailboxes, so a pass claims as many at once as one engine alone would), at most 200 ms.
    qint64 claimSpacingMs() const { return std::min<qint64>(200, kClaimSpacingMs * sharingEngines()); }
    QTimer m_graceTimer{this};
};

} // namespace SyncDesk
