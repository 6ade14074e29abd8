#include "mailboxscheduler.h"

#include "diagnostics/alertmanager.h"
#include "diagnostics/gapalert.h"
#include "diagnostics/hintcatalog.h"
#include "logging/logger.h"
#include "metrics/enginemetrics.h"
#include "store/diagnosticsstore.h"
#include "store/store.h"
#include "syncengine.h"
#include "workerpool.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSysInfo>

#include <limits>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

const QString kCategory = u"scheduler"_s;

PlannerSettings plannerSettings(const SchedulerSettings &settings, int threads)
{
    PlannerSettings planner;
    planner.intervals = settings.intervals;
    planner.capacity = qMax(1, threads * qMax(1, settings.sessionsPerWorker));
    planner.maxTransientFailures = settings.maxTransientFailures;
    planner.overdueGraceSeconds = settings.overdueGraceSeconds;
    planner.seed = settings.seed;
    return planner;
}

qint64 msOf(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

} // namespace

MailboxScheduler::MailboxScheduler(Store &store, WorkerPool &pool, const Clock &clock,
                                   const SchedulerSettings &settings, const QString &nodeId, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_pool(pool)
    , m_clock(clock)
    , m_localSettings(settings)
    , m_settings(settings)
    , m_nodeId(nodeId)
    , m_planner(std::make_unique<SchedulePlanner>(plannerSettings(settings, pool.threadCount())))
    , m_storeHealth(store, nodeId)
    , m_passwordProblems(store, nodeId)
{
    connect(&m_pool, &WorkerPool::jobFinished, this, &MailboxScheduler::onJobFinished);
    m_pollTimer.setInterval(qMax(10, settings.pollIntervalMs));
    connect(&m_pollTimer, &QTimer::timeout, this, &MailboxScheduler::poll);
    m_requestTimer.setInterval(qBound(10, settings.pollIntervalMs / 4, 250));
    connect(&m_requestTimer, &QTimer::timeout, this, &MailboxScheduler::takeRequests);
    m_wakeupTimer.setSingleShot(true);
    m_tickTimer.setSingleShot(true);
    m_tickTimer.setInterval(0);
    connect(&m_tickTimer, &QTimer::timeout, this, &MailboxScheduler::tick);
    connect(&m_wakeupTimer, &QTimer::timeout, this, &MailboxScheduler::tick);
    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, [this] {
        Log::warning(kCategory, {},
                     u"%1 sync(s) still running after %2 s; cancelling them"_s.arg(m_running.size())
                         .arg(QString::number(m_settings.stopGraceMs / 1000.0)));
        m_pool.cancelAll();
    });
}

MailboxScheduler::~MailboxScheduler() = default;

bool MailboxScheduler::reload(const QSet<qint64> &only)
{
    auto version = m_store.configVersion();
    auto stored = m_store.setting(u"scheduler"_s);
    auto profiles = m_store.profiles();
    auto statuses = m_store.mailboxStatuses();
    for (const SyncError *error : {version ? nullptr : &version.error(), stored ? nullptr : &stored.error(),
                                   profiles ? nullptr : &profiles.error(), statuses ? nullptr : &statuses.error()}) {
        if (error) {
            Log::error(kCategory, {}, u"cannot read the schedule: "_s + error->toString());
            return false;
        }
    }
    m_configVersion = *version;
    m_settings = m_localSettings.withStored(*stored);
    m_planner->updateSettings(plannerSettings(m_settings, m_pool.threadCount()));

    m_profiles.clear();
    for (const ServerProfile &profile : *profiles) {
        m_profiles.insert(profile.id, profile);
        PlannerProfile limits;
        limits.id = profile.id;
        limits.maxConnections = profile.maxConcurrentConnections;
        limits.minSeconds = profile.minIntervalSeconds;
        limits.baseSeconds = profile.baseIntervalSeconds;
        limits.maxSeconds = profile.maxIntervalSeconds;
        m_planner->setProfile(limits);
    }
    QSet<qint64> seen;
    for (const MailboxStatus &status : *statuses) {
        const Mailbox &mailbox = status.mailbox;
        const bool wanted = only.isEmpty() ? true : only.contains(mailbox.id);
        if (!wanted || (m_mode == Mode::Once && !mailbox.enabled)) {
            continue;
        }
        seen.insert(mailbox.id);
        m_mailboxes.insert(mailbox.id, mailbox);
        m_planner->upsertMailbox(plannerEntry(mailbox, status.state));
    }
    QSet<QString> verbose;
    for (const Mailbox &mailbox : std::as_const(m_mailboxes)) {
        if (mailbox.verboseLog && seen.contains(mailbox.id)) {
            verbose.insert(mailbox.address);
        }
    }
    Logger::instance().setVerboseMailboxes(verbose);
    const QList<qint64> known = m_mailboxes.keys();
    for (qint64 id : known) {
        if (!seen.contains(id)) {
            m_mailboxes.remove(id);
            m_planner->removeMailbox(id);
        }
    }
    applyHomes();
    updatePush();
    if (m_mode == Mode::Continuous && only.isEmpty()) {
        if (const qint64 interval = qint64(m_settings.auditIntervalSeconds) * 1000; interval != m_audits.intervalMs()) {
            m_audits = AuditRotation(interval); // the configuration changed it: due times follow from the last audits
        }
        // Audited once they synced successfully at least once.
        QHash<qint64, QDateTime> lastAudits;
        for (const MailboxStatus &status : *statuses) {
            if (seen.contains(status.mailbox.id) && status.state.lastSuccessAt.isValid()) {
                lastAudits.insert(status.mailbox.id, status.state.lastAuditAt);
            }
        }
        m_audits.forget(QSet<qint64>(lastAudits.keyBegin(), lastAudits.keyEnd()));
        m_audits.load(lastAudits, nowMs());
    }
    return true;
}

PlannerMailbox MailboxScheduler::plannerEntry(const Mailbox &mailbox, const MailboxState &state) const
{
    PlannerMailbox entry;
    entry.id = mailbox.id;
    entry.profileId = mailbox.profileId;
    entry.enabled = mailbox.enabled;
    entry.lastStartMs = msOf(state.lastSyncAt);
    entry.dueMs = m_mode == Mode::Once ? 0 : msOf(state.nextDueAt);
    entry.intervalMs = state.intervalMs;
    entry.reason = state.intervalReason;
    entry.stats.itemsPerMinute = state.itemsPerMinute;
    entry.stats.lastSuccessMs = msOf(state.lastSuccessAt);
    entry.stats.lastNewItemMs = msOf(state.lastNewItemAt);
    entry.stats.firstSyncMs = msOf(state.firstSyncAt);
    entry.consecutiveFailures = state.consecutiveFailures;
    return entry;
}

ClaimOptions MailboxScheduler::claimOptions(bool onlyWhenDue) const
{
    ClaimOptions options;
    options.onlyWhenDue = onlyWhenDue;
    options.timing.deadAfterSeconds = 2 * qMax(1, m_settings.heartbeatSeconds);
    return options;
}

void MailboxScheduler::logWaitForLease(qint64 mailboxId, const MailboxState &state)
{
    if (m_mode != Mode::Once || state.leaseOwner.isEmpty() || m_waitLogged.contains(mailboxId)) {
        return;
    }
    m_waitLogged.insert(mailboxId);
    // A run-once waits for another engine's run; it says for whom and how long at most.
    Log::info(kCategory, m_mailboxes.value(mailboxId).address,
              u"waiting: engine %1 holds the mailbox until %2 (sooner if it finishes, or at once if it stops "
              "beating)"_s.arg(state.leaseOwner, state.leaseUntil.toString(Qt::ISODate)));
}

void MailboxScheduler::start()
{
    m_mode = Mode::Continuous;
    m_audits = AuditRotation(qint64(m_settings.auditIntervalSeconds) * 1000);
    m_startedAt = m_clock.now();
    m_lastLeaseRenewal = m_startedAt;
    if (Status released = m_store.releaseAllLeases(m_nodeId); !released) {
        Log::warning(kCategory, {}, released.error().toString());
    }
    reload();
    followOutages(); // an outage other engines are in already
    publish();
    followEngines(); // the share of the schedule that is this engine's
    startListening();
    m_pollTimer.start();
    m_requestTimer.start();
    tick();
}

void MailboxScheduler::runOnce(const QList<qint64> &mailboxIds)
{
    m_mode = Mode::Once;
    m_startedAt = m_clock.now();
    m_lastLeaseRenewal = m_startedAt;
    const QSet<qint64> wanted(mailboxIds.cbegin(), mailboxIds.cend());
    reload(wanted);
    for (qint64 id : wanted) {
        if (m_planner->contains(id)) {
            m_onceWaiting.insert(id);
        }
    }
    m_pollTimer.start();
    if (m_onceWaiting.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT onceFinished({}); }, Qt::QueuedConnection);
        return;
    }
    heartbeat(false); // before its first claim: killed, it is seen dead and its leases go to the others
    tick();
}

void MailboxScheduler::requestSync(const QList<qint64> &mailboxIds, SyncTrigger trigger)
{
    for (qint64 id : mailboxIds) {
        switch (m_planner->requestImmediate(id, trigger)) {
        case SchedulePlanner::Request::Disabled:
            Log::info(kCategory, m_mailboxes.value(id).address, u"not synced: the mailbox is disabled"_s);
            break;
        case SchedulePlanner::Request::Unknown:
            Log::warning(kCategory, {}, u"sync requested for an unknown mailbox (id %1)"_s.arg(id));
            break;
        case SchedulePlanner::Request::FollowUp:
            Log::debug(kCategory, m_mailboxes.value(id).address, u"running: it syncs again when this run ends"_s);
            break;
        case SchedulePlanner::Request::Queued:
        case SchedulePlanner::Request::Coalesced:
            break;
        }
    }
    tick();
}

void MailboxScheduler::poll()
{
    if (m_stopping) {
        return;
    }
    if (m_mode == Mode::Continuous) {
        auto version = m_store.configVersion();
        if (version && *version != m_configVersion) {
            reload();
        }
        keepListening();
        followOutages();
        sweepOutgoing();
        publish();
        followEngines();
    } else if (m_mode == Mode::Once && m_lastHeartbeat.secsTo(m_clock.now()) >= 1) {
        heartbeat(false); // a run-once is an engine too: others see it live, or dead when it is killed
    }
    if (m_lastLeaseRenewal.secsTo(m_clock.now()) >= qMax(1, m_settings.leaseSeconds / 3)) {
        renewLeases();
    }
    tick();
}

void MailboxScheduler::tick()
{
    persistFinished(); // before anything is claimed again
    if (m_stopping || m_mode == Mode::Idle) {
        return;
    }
    if (m_mode == Mode::Continuous && !m_storeHealth.mayStart(m_clock.now())) {
        return; // the poll timer ticks again; a probe runs when it is due
    }
    m_lastTick.start();
    dispatch(m_planner->takeStarts(nowMs()));
    startAudit();
    armWakeup();
}

void MailboxScheduler::armWakeup()
{
    const qint64 next = m_planner->nextWakeupMs();
    if (next == std::numeric_limits<qint64>::max()) {
        m_wakeupTimer.stop();
        return;
    }
    // The poll timer ticks anyway; the wake-up only makes a due time precise — to claimSpacingMs(): with
    // 100,000 mailboxes one falls due every few milliseconds, and those due together are claimed together.
    const qint64 spacing = claimSpacingMs();
    const qint64 since = m_lastTick.isValid() ? m_lastTick.elapsed() : spacing;
    const qint64 delay =
        std::clamp<qint64>(std::max(next - nowMs(), spacing - since), 0, qint64(m_settings.pollIntervalMs));
    m_wakeupTimer.start(int(delay));
}

void MailboxScheduler::dispatch(const QList<StartDecision> &starts)
{
    if (starts.isEmpty()) {
        return;
    }
    // The mailboxes the sweep took here are away again once claimed (or not), unless at home here.
    const auto adoptedGoHome = qScopeGuard([&] {
        for (const StartDecision &decision : starts) {
            sendAdoptedHome(decision.mailboxId);
        }
    });
    const QDateTime now = m_clock.now();
    // What this engine leaves to others first; then one claim in the store for all the rest.
    QList<StartDecision> claiming;
    QList<ClaimRequest> requests;
    for (const StartDecision &decision : starts) {
        const auto mailbox = m_mailboxes.constFind(decision.mailboxId);
        const auto profile =
            mailbox == m_mailboxes.constEnd() ? m_profiles.constEnd() : m_profiles.constFind(mailbox->profileId);
        if (mailbox == m_mailboxes.constEnd() || profile == m_profiles.constEnd()) {
            m_planner->releaseStart(decision.mailboxId, now.toMSecsSinceEpoch() + m_settings.pollIntervalMs,
                                    OverdueCause::None);
            continue;
        }
        if (const QDateTime left = m_passwordProblems.leftUntil(decision.mailboxId); left.isValid() && left > now) {
            // This engine cannot read its password: left to engines that can, until then.
            m_planner->releaseStart(decision.mailboxId, left.toMSecsSinceEpoch(), OverdueCause::None);
            continue;
        }
        // A scheduled start takes the mailbox only if the store still finds it due: another engine may have
        // synced it since this one planned it. Requests and a run-once take it whenever it is free.
        const bool scheduled = m_mode == Mode::Continuous && decision.trigger == SyncTrigger::Scheduled;
        // The profile's cap, or 1 while its server is down: one probe among all engines.
        requests.append(ClaimRequest{
            decision.mailboxId, profile->id,
            std::min(profile->maxConcurrentConnections, m_planner->connectionLimit(profile->id)), scheduled});
        claiming.append(decision);
    }
    if (requests.isEmpty()) {
        return;
    }
    const qint64 retryMs = now.toMSecsSinceEpoch() + qMax(1000, m_settings.pollIntervalMs);
    auto claims = m_store.claimMailboxes(requests, m_nodeId, now, now.addSecs(m_settings.leaseSeconds),
                                         claimOptions(false).timing);
    if (!claims) {
        Log::error(kCategory,
                   requests.size() == 1 ? m_mailboxes.value(requests.constFirst().mailboxId).address : QString(),
                   claims.error().toString());
        if (m_mode == Mode::Continuous && StoreHealth::isStoreFailure(claims.error())) {
            m_storeHealth.failed(claims.error(), now);
        }
        for (const StartDecision &decision : std::as_const(claiming)) {
            m_planner->releaseStart(decision.mailboxId, retryMs, OverdueCause::None);
        }
        return;
    }
    for (qsizetype i = 0; i < claiming.size(); ++i) {
        const StartDecision &decision = claiming.at(i);
        const Store::ClaimOutcome &claim = claims->at(i);
        const Mailbox &mailbox = m_mailboxes[decision.mailboxId];
        switch (claim.claim) {
        case Store::Claim::Claimed:
            break;
        case Store::Claim::NotDue:
            // Synced elsewhere: its schedule is the store's now.
            m_planner->releaseStart(decision.mailboxId, msOf(claim.state.nextDueAt), OverdueCause::None);
            m_planner->upsertMailbox(plannerEntry(mailbox, claim.state));
            continue;
        case Store::Claim::Gone:
            // Deleted meanwhile: the next reload of the configuration drops it.
            m_planner->releaseStart(decision.mailboxId, retryMs, OverdueCause::None);
            continue;
        case Store::Claim::HeldElsewhere:
        case Store::Claim::ProfileFull:
            if (claim.claim == Store::Claim::HeldElsewhere) {
                logWaitForLease(decision.mailboxId, claim.state);
            }
            // Another process syncs it, or holds the profile's connections, right now; try again shortly
            // (a run-once waits for it). A request is tried again as often as requests are read: it starts
            // within a second of being made, which usually means just after the other engine's run.
            m_planner->releaseStart(decision.mailboxId,
                                    decision.trigger == SyncTrigger::Manual || decision.trigger == SyncTrigger::Push
                                        ? now.toMSecsSinceEpoch() + m_requestTimer.interval()
                                        : retryMs,
                                    claim.claim == Store::Claim::ProfileFull ? OverdueCause::ConnectionCap
                                                                             : OverdueCause::ClaimedElsewhere);
            continue;
        }
        // What other engines learnt about the mailbox (failures, activity) is what this run continues from.
        m_planner->refreshHistory(plannerEntry(mailbox, claim.state));
        SyncJob job;
        job.mailbox = mailbox;
        job.profile = m_profiles.value(mailbox.profileId);
        job.trigger = m_mode == Mode::Once ? SyncTrigger::Once : decision.trigger;
        job.tuning = m_settings.tuning;
        job.leaseNode = m_nodeId;
        job.leaseEpoch = claim.state.leaseEpoch;
        if (const auto sent = m_sentFolders.constFind(mailbox.id); sent != m_sentFolders.cend()) {
            job.sentFolder = *sent;
        }
        StartDecision recorded = decision;
        recorded.trigger = job.trigger;
        m_running.insert(decision.mailboxId, {recorded, m_clock.now(), job.leaseEpoch});
        // A mailbox never synced, or one synced on request, has no due time worth naming.
        const qint64 lateMs = now.toMSecsSinceEpoch() - decision.dueMs;
        Log::debug(kCategory, mailbox.address,
                   decision.dueMs > 0 && m_mode != Mode::Once && lateMs >= 0 && lateMs < 24LL * 3600 * 1000
                       ? u"sync started (%1, %2 ms after it was due)"_s.arg(syncTriggerName(job.trigger)).arg(lateMs)
                       : u"sync started (%1)"_s.arg(syncTriggerName(job.trigger)));
        m_pool.dispatch(job);
        Q_EMIT syncStarted(decision.mailboxId);
    }
}

void MailboxScheduler::onJobFinished(const SyncOutcome &outcome)
{
    if (outcome.sentFolder) {
        m_sentFolders.insert(outcome.mailboxId, *outcome.sentFolder);
    }
    if (outcome.audit) {
        finishAudit(outcome);
        return;
    }
    auto found = m_running.find(outcome.mailboxId);
    if (found == m_running.end()) {
        return;
    }
    const Running running = found.value();
    m_running.erase(found);
    if (outcome.error && outcome.error->hintId == u"lease-lost"_s) {
        onLeaseLost(outcome);
        return;
    }
    const bool passwordProblem = outcome.error && PasswordProblems::isPasswordProblem(*outcome.error);
    if (passwordProblem && m_mode == Mode::Continuous) {
        // This engine's problem: left to engines that can read it (a run-once reports it instead).
        m_passwordProblems.failed(outcome.mailboxId, m_mailboxes.value(outcome.mailboxId).address, *outcome.error,
                                  m_clock.now());
    }
    if (outcome.error && (StoreHealth::isStoreFailure(*outcome.error) || passwordProblem)) {
        onStoreFailure(outcome);
        return;
    }
    if (outcome.succeeded()) {
        m_passwordProblems.succeeded(outcome.mailboxId, m_clock.now());
    }
    RunResult result;
    result.startedMs = running.startedAt.toMSecsSinceEpoch();
    result.finishedMs = nowMs();
    result.newItems = outcome.itemsNew;
    result.success = outcome.succeeded();
    result.cancelled = outcome.cancelled();
    result.errorClass = outcome.error ? outcome.error->errorClass : ErrorClass::None;
    result.retryAfterMs = outcome.error ? outcome.error->retryAfterMs : 0;
    result.serverMinIntervalMs = qint64(outcome.serverMinIntervalSeconds) * 1000;
    result.incomplete = outcome.incomplete;
    result.installationFault = outcome.error && outcome.error->hintId == u"module-missing"_s;
    Finished finished{outcome, running, m_planner->finish(outcome.mailboxId, result, result.finishedMs), m_clock.now()};
    if (m_mode != Mode::Continuous || m_stopping) {
        persist(finished);
        afterPersist(outcome);
        return;
    }
    // Recorded with the others that finish until the next pass, which records them first: nothing of this
    // mailbox is claimed again before its outcome is in the store (its lease is released with it).
    m_finished.append(std::move(finished));
    scheduleNextPass();
}

void MailboxScheduler::afterPersist(const SyncOutcome &outcome)
{
    if (outcome.succeeded() && m_mode == Mode::Continuous && m_audits.dueMs(outcome.mailboxId) == 0) {
        m_audits.load({{outcome.mailboxId, QDateTime()}}, nowMs()); // synced: from now on it is audited too
    }
    afterJob(outcome);
}

void MailboxScheduler::afterJob(const SyncOutcome &outcome)
{
    if (m_metrics) {
        m_metrics->recordSync(outcome);
    }
    Q_EMIT syncFinished(outcome);
    completeOnce(outcome);
    afterRepairSync(outcome);
    if (m_stopping) {
        if (m_running.isEmpty() && m_auditing == 0) {
            finishStop();
        }
        return;
    }
    scheduleNextPass();
}

void MailboxScheduler::scheduleNextPass()
{
    // The next starts wait for the runs that finish meanwhile: one claim in the store takes them all. Under
    // load, passes are at least claimSpacingMs() apart (a claim costs a few statements whatever its size:
    // bench_multinode on PostgreSQL, 320 syncs a second, claimed 1.7 at a time without the wait).
    if (!m_tickTimer.isActive()) {
        const qint64 spacing = claimSpacingMs();
        const qint64 since = m_lastTick.isValid() ? m_lastTick.elapsed() : spacing;
        m_tickTimer.start(int(std::clamp<qint64>(spacing - since, 0, spacing)));
    }
}

void MailboxScheduler::onLeaseLost(const SyncOutcome &outcome)
{
    // Another engine holds the mailbox now and its run counts: this one's result is not recorded, no
    // failure is counted, and the schedule is whatever the store says when this engine next looks.
    RunResult result;
    result.finishedMs = nowMs();
    result.cancelled = true;
    m_planner->finish(outcome.mailboxId, result, result.finishedMs);
    if (m_metrics) {
        m_metrics->recordLeaseLost();
    }
    Log::warning(u"sync"_s, m_mailboxes.value(outcome.mailboxId).address,
                 u"run abandoned: %1"_s.arg(outcome.error ? outcome.error->message : u"the lease was lost"_s));
    afterJob(outcome);
}

void MailboxScheduler::onStoreFailure(const SyncOutcome &outcome)
{
    // Nothing learnt about the mailbox: due again where it was, no failure counted, its state left as it
    // was (the store could not take it anyway). The lease is released if the store allows it, else it expires.
    RunResult result;
    result.finishedMs = nowMs();
    result.cancelled = true;
    m_planner->finish(outcome.mailboxId, result, result.finishedMs);
    (void)m_store.releaseMailbox(outcome.mailboxId, m_nodeId);
    if (StoreHealth::isStoreFailure(*outcome.error)) {
        if (m_metrics) {
            m_metrics->recordStoreError();
        }
        Log::warning(u"sync"_s, m_mailboxes.value(outcome.mailboxId).address,
                     u"sync stopped by a failure of the store, not of the mailbox (%1); it resumes when the store "
                     "works"_s.arg(outcome.error->message));
        if (m_mode == Mode::Continuous) {
            m_storeHealth.failed(*outcome.error, m_clock.now());
        }
    }
    afterJob(outcome);
}

SchedulerSnapshot MailboxScheduler::snapshot() const
{
    return m_planner->snapshot(nowMs());
}

void MailboxScheduler::completeOnce(const SyncOutcome &outcome)
{
    if (m_mode != Mode::Once || !m_onceWaiting.remove(outcome.mailboxId)) {
        return;
    }
    m_onceOutcomes.append(outcome);
    if (m_planner->mailbox(outcome.mailboxId) && !m_planner->isRunning(outcome.mailboxId)) {
        // A run-once syncs each mailbox once: whatever the planner scheduled next (at once, for a run that
        // stopped at its time limit) is not for now.
        m_planner->removeMailbox(outcome.mailboxId);
    }
    if (m_onceWaiting.isEmpty()) {
        m_pollTimer.stop();
        m_wakeupTimer.stop();
        if (m_lastHeartbeat.isValid()) {
            heartbeat(true); // this run-once is done: not an engine any more
        }
        const QList<SyncOutcome> outcomes = std::exchange(m_onceOutcomes, {});
        QMetaObject::invokeMethod(
            this, [this, outcomes] { Q_EMIT onceFinished(outcomes); }, Qt::QueuedConnection);
    }
}

void MailboxScheduler::stop()
{
    if (m_stopping) {
        return;
    }
    persistFinished(); // what finished is recorded first; from now on each run is recorded as it ends
    m_stopping = true;
    m_pollTimer.stop();
    m_requestTimer.stop();
    m_wakeupTimer.stop();
    m_tickTimer.stop();
    m_listenStore.reset();
    stopPush();
    if (m_running.isEmpty() && m_auditing == 0) {
        QMetaObject::invokeMethod(this, &MailboxScheduler::finishStop, Qt::QueuedConnection);
        return;
    }
    Log::info(
        kCategory, {},
        u"stopping: waiting up to %1 s for %2 running sync(s)"_s.arg(QString::number(m_settings.stopGraceMs / 1000.0))
            .arg(m_running.size()));
    m_graceTimer.start(m_settings.stopGraceMs);
}

void MailboxScheduler::finishStop()
{
    m_graceTimer.stop();
    if (Status released = m_store.releaseAllLeases(m_nodeId); !released) {
        Log::warning(kCategory, {}, released.error().toString());
    }
    if (m_mode == Mode::Continuous) {
        publish(true);
    }
    Q_EMIT stopped();
}

} // namespace SyncDesk
