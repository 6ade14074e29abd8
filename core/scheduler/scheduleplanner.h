#pragma once

#include "diagnostics/errorclass.h"
#include "intervalpolicy.h"
#include "model/syncrun.h"

#include <QHash>
#include <QList>
#include <QString>

#include <deque>
#include <memory>
#include <optional>
#include <random>
#include <unordered_map>
#include <vector>

namespace SyncDesk {

// Why a due mailbox has not started.
enum class OverdueCause : quint8 {
    None,
    WorkersBusy,      // every session slot of this engine is taken
    ConnectionCap,    // the server profile's max_concurrent_connections is reached
    ServerFailing,    // most mailboxes of the profile are failing
    ClaimedElsewhere, // another process holds its lease
    NoEngine,         // nothing runs the schedule (reported by readers, not by the planner)
};
QString overdueCauseName(OverdueCause cause); // "workers-busy", "connection-cap", ...
OverdueCause overdueCauseFromName(const QString &name);

enum class DisableReason : quint8 { None, Admin, PermanentFailure, RepeatedFailures };
QString disableReasonName(DisableReason reason); // "admin", "permanent-failure", "repeated-failures"
DisableReason disableReasonFromName(const QString &name);

struct PlannerSettings
{
    IntervalSettings intervals;
    int capacity = 50;             // syncs this engine runs at once (worker threads × sessions each)
    int maxTransientFailures = 10; // consecutive transient failures before a mailbox is disabled
    int overdueGraceSeconds = 60;  // a due time passed by more than this is overdue (scaled)
    // Connection failures (Network, Timeout) in a row, over at least two mailboxes of one profile, that
    // mean its server is down: then one probe at a time instead of every mailbox, until one succeeds.
    int outageFailures = 5;
    // Among due mailboxes the order is min(due + this, last start + guarantee): the most overdue first,
    // except that one about to break the 12-minute guarantee goes ahead of those with time to spare.
    int readySlackSeconds = 60;
    double healthyJitter = 0.1; // a healthy mailbox's next sync comes up to 10 % early, at random
    quint32 seed = 0;           // of the backoff jitter; 0 draws one
};

struct PlannerProfile
{
    qint64 id = 0;
    int maxConnections = 10;
    // Per-profile bounds; unset values come from the global settings.
    std::optional<int> minSeconds;
    std::optional<int> baseSeconds;
    std::optional<int> maxSeconds;
};

// A mailbox as the store describes it to the planner.
struct PlannerMailbox
{
    qint64 id = 0;
    qint64 profileId = 0;
    bool enabled = true;
    qint64 lastStartMs = 0;
    qint64 dueMs = 0; // 0: due now
    qint64 intervalMs = 0;
    IntervalReason reason = IntervalReason::Normal;
    ActivityStats stats;
    int consecutiveFailures = 0;
};

struct StartDecision
{
    qint64 mailboxId = 0;
    qint64 profileId = 0;
    SyncTrigger trigger = SyncTrigger::Scheduled;
    qint64 dueMs = 0; // when it was due (or requested)
};

struct RunResult
{
    qint64 startedMs = 0;
    qint64 finishedMs = 0;
    int newItems = 0;
    bool success = false;
    bool cancelled = false;
    ErrorClass errorClass = ErrorClass::None;
    qint64 retryAfterMs = 0;
    qint64 serverMinIntervalMs = 0; // the least time between two logins the server allows (0: none said)
    bool incomplete = false;        // stopped at the run's time limit: due again at once, to continue
    // The installation is at fault, not the mailbox (hint module-missing): backed off, never disabled, so that
    // the mailboxes sync again by themselves once it is repaired.
    bool installationFault = false;
};

// What a finished run changed, for the store and for alerts.
struct FinishReport
{
    qint64 mailboxId = 0;
    IntervalDecision interval;
    qint64 nextDueMs = 0;
    int consecutiveFailures = 0;
    ActivityStats stats;
    DisableReason disabled = DisableReason::None; // disabled by this run
    bool recovered = false;                       // succeeded after failing
    bool followUpQueued = false;                  // a request came while it ran: it runs again at once
    bool outageStarted = false;                   // this run tripped its profile's outage
    bool outageEnded = false;                     // this run was the probe that found the server back
};

struct ProfileSnapshot
{
    qint64 id = 0;
    int running = 0;
    int maxConnections = 0;
    int enabled = 0;
    int failing = 0;
    int overdue = 0;
    bool outage = false; // its server is down: one probe at a time
    // Connections that would let every mailbox of the profile start on time at its present interval (with
    // headroom for bursts), and the bare minimum for the 12-minute guarantee alone (from the average sync
    // duration seen on this profile).
    int neededForIntervals = 0;
    int neededForGuarantee = 0;
};

struct SchedulerSnapshot
{
    int running = 0;
    int capacity = 0;
    int queued = 0; // immediate requests waiting plus due mailboxes waiting
    int overdue = 0;
    QList<ProfileSnapshot> profiles;
    QHash<qint64, OverdueCause> overdueMailboxes;
};

// The scheduling decisions, in memory and driven by the caller's clock: which mailbox starts when,
// within the engine's capacity and each profile's connection cap; the next interval after each run;
// backoff and disabling after failures. Pure: no threads, no timers, no store, so that tests and the
// simulation benchmark run days of schedule in milliseconds on the same code the engine uses.
//
// Mailboxes wait in two min-heaps per server profile: not yet due, on their due time; due, on their
// priority, min(due + readySlack, last start + guarantee). A decision takes immediate requests first
// (oldest first), then, among the profiles with a free connection, the due mailbox of lowest priority
// value: the most overdue, which keeps the lag fair when demand exceeds capacity, except that a mailbox
// close to breaking the 12-minute guarantee overtakes one that only wants to be fresh.
// One decision costs O(profiles + log mailboxes).
//
// When a profile's server is down (connection failures in a row over several mailboxes), its mailboxes
// are not all sent to fail and time out: one probe at a time goes, the others wait (overdue, cause
// "server-failing") without counting failures, and when a probe succeeds they all become due at once.
class SchedulePlanner final
{
public:
    explicit SchedulePlanner(const PlannerSettings &settings);
    ~SchedulePlanner();
    SchedulePlanner(const SchedulePlanner &) = delete;
    SchedulePlanner &operator=(const SchedulePlanner &) = delete;

    const PlannerSettings &settings() const { return m_settings; }
    void setCapacity(int capacity);
    // New global settings (intervals, failure limit, grace); the schedule of each mailbox is kept.
    void updateSettings(const PlannerSettings &settings);

    void setProfile(const PlannerProfile &profile);
    // Another engine's finding about a profile's server (its incident opened or closed in the store): down,
    // this engine probes it with one connection too; back, what the outage held back starts now, most
    // overdue first. False when the planner already thought so (or does not know the profile).
    bool adoptOutage(qint64 profileId, bool outage, qint64 nowMs);
    // The connections the profile may use now: its cap, or 1 (the probe) during an outage.
    int connectionLimit(qint64 profileId) const;
    // Adds a mailbox or updates it from the store; a running mailbox keeps running.
    void upsertMailbox(const PlannerMailbox &mailbox);
    void removeMailbox(qint64 mailboxId);
    // The history other engines wrote (interval, failures, activity), for a mailbox this engine now runs:
    // its outcome continues from there. For one not running, the same as upsertMailbox.
    void refreshHistory(const PlannerMailbox &mailbox);
    // Enabling resets the failure counter and makes the mailbox due now.
    void setEnabled(qint64 mailboxId, bool enabled, qint64 nowMs);
    // Several engines: a mailbox another engine schedules (its home) is away here — kept, but not started
    // on schedule and not counted as queued or overdue; a request for it still starts here. Back home, it
    // waits for its due time as the store last said (upsertMailbox). A new mailbox is home.
    void setAway(qint64 mailboxId, bool away);
    bool isAway(qint64 mailboxId) const;
    // Why the mailbox has its interval now (busy: it gets much new mail); Normal for one not known.
    IntervalReason intervalReason(qint64 mailboxId) const;

    enum class Request { Queued, Coalesced, FollowUp, Disabled, Unknown };
    Request requestImmediate(qint64 mailboxId, SyncTrigger trigger);

    // Starts what may start now; the mailboxes returned are running until finish() or releaseStart().
    QList<StartDecision> takeStarts(qint64 nowMs);
    // A start that could not happen (the lease is held elsewhere): waits again, due at retryAtMs.
    void releaseStart(qint64 mailboxId, qint64 retryAtMs, OverdueCause cause);
    FinishReport finish(qint64 mailboxId, const RunResult &result, qint64 nowMs);

    // When the next mailbox falls due: 0 when something could start now, max qint64 when nothing waits.
    qint64 nextWakeupMs() const;
    SchedulerSnapshot snapshot(qint64 nowMs) const;

    int size() const;
    int runningCount() const { return m_running; }
    bool contains(qint64 mailboxId) const;
    bool isRunning(qint64 mailboxId) const;
    std::optional<PlannerMailbox> mailbox(qint64 mailboxId) const;
    const IntervalPolicy &policyOf(qint64 profileId) const;

    // Decisions taken so far (each mailbox started counts as one), for the benchmark.
    qint64 decisions() const { return m_decisions; }

private:
    struct Profile;
    struct Entry;

    Profile &profile(qint64 profileId);
    void push(Entry &entry);
    void remove(Entry &entry);
    struct Heap;
    void siftUp(Heap &heap, int index);
    void siftDown(Heap &heap, int index);
    void insert(Heap &heap, Entry &entry);
    void promoteDue(Profile &profile, qint64 nowMs);
    void start(Entry &entry, SyncTrigger trigger, qint64 dueMs, QList<StartDecision> &starts);
    double random01();
    static int limitOf(const Profile &profile); // connections it may use now: 1 probe during an outage
    void endOutage(Profile &profile, qint64 nowMs);

    PlannerSettings m_settings;
    IntervalPolicy m_globalPolicy;
    std::unordered_map<qint64, std::unique_ptr<Profile>> m_profiles;
    std::unordered_map<qint64, Entry> m_entries;
    std::deque<qint64> m_immediate;
    int m_running = 0;
    qint64 m_decisions = 0;
    std::mt19937 m_random;
};

} // namespace SyncDesk
