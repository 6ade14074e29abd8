#include "mailboxscheduler.h"

#include "diagnostics/hintcatalog.h"
#include "logging/logger.h"
#include "store/store.h"
#include "workerpool.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {
const QString kCategory = u"scheduler"_s;
}

MailboxScheduler::MailboxScheduler(Store &store, WorkerPool &pool, const Clock &clock,
                                   const SchedulerSettings &settings, const QString &nodeId, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_pool(pool)
    , m_clock(clock)
    , m_settings(settings)
    , m_policy(settings.intervals)
    , m_nodeId(nodeId)
{
    connect(&m_pool, &WorkerPool::jobFinished, this, &MailboxScheduler::onJobFinished);
    m_pollTimer.setInterval(qMax(10, settings.pollIntervalMs));
    connect(&m_pollTimer, &QTimer::timeout, this, &MailboxScheduler::tick);
    m_leaseTimer.setInterval(qMax(1, settings.leaseSeconds / 3) * 1000);
    connect(&m_leaseTimer, &QTimer::timeout, this, &MailboxScheduler::renewLeases);
    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, [this] {
        Log::warning(kCategory, {},
                     u"%1 sync(s) still running after %2 s; cancelling them"_s.arg(m_running.size())
                         .arg(m_settings.stopGraceMs / 1000));
        m_pool.cancelAll();
    });
}

MailboxScheduler::~MailboxScheduler() = default;

void MailboxScheduler::start()
{
    m_continuous = true;
    if (Status released = m_store.releaseAllLeases(m_nodeId); !released) {
        Log::warning(kCategory, {}, released.error().toString());
    }
    m_pollTimer.start();
    m_leaseTimer.start();
    tick();
}

void MailboxScheduler::runOnce(const QList<qint64> &mailboxIds)
{
    for (qint64 id : mailboxIds) {
        m_onceWaiting.insert(id);
        enqueue(id, SyncTrigger::Once, false);
    }
    m_pollTimer.start();
    m_leaseTimer.start();
    if (m_onceWaiting.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT onceFinished({}); }, Qt::QueuedConnection);
        return;
    }
    dispatchQueue();
}

bool MailboxScheduler::isQueued(qint64 mailboxId) const
{
    return std::any_of(m_queue.begin(), m_queue.end(), [&](const Queued &q) { return q.mailboxId == mailboxId; });
}

void MailboxScheduler::enqueue(qint64 mailboxId, SyncTrigger trigger, bool front)
{
    if (m_stopping) {
        return;
    }
    if (m_running.contains(mailboxId)) {
        if (front) {
            m_followUps.insert(mailboxId);
        }
        return;
    }
    auto it = std::find_if(m_queue.begin(), m_queue.end(), [&](const Queued &q) { return q.mailboxId == mailboxId; });
    if (it != m_queue.end()) {
        if (!front) {
            return;
        }
        // Already waiting: an immediate request moves it to the front, once.
        Queued existing = *it;
        m_queue.erase(it);
        existing.trigger = trigger == SyncTrigger::Scheduled ? existing.trigger : trigger;
        m_queue.push_front(existing);
        return;
    }
    if (front) {
        m_queue.push_front({mailboxId, trigger});
    } else {
        m_queue.push_back({mailboxId, trigger});
    }
}

void MailboxScheduler::requestSync(const QList<qint64> &mailboxIds, SyncTrigger trigger)
{
    for (auto it = mailboxIds.crbegin(); it != mailboxIds.crend(); ++it) {
        enqueue(*it, trigger, true);
    }
    dispatchQueue();
}

void MailboxScheduler::tick()
{
    if (m_stopping) {
        return;
    }
    if (m_continuous) {
        auto requests = m_store.takeSyncRequests();
        if (!requests) {
            Log::error(kCategory, {}, requests.error().toString());
        } else {
            for (auto it = requests->crbegin(); it != requests->crend(); ++it) {
                enqueue(it->mailboxId, SyncTrigger::Manual, true);
            }
        }
        auto due = m_store.dueMailboxes(m_clock.now());
        if (!due) {
            Log::error(kCategory, {}, due.error().toString());
        } else {
            for (qint64 id : due.value()) {
                enqueue(id, SyncTrigger::Scheduled, false);
            }
        }
    }
    dispatchQueue();
}

void MailboxScheduler::dispatchQueue()
{
    if (m_stopping) {
        return;
    }
    const int capacity = m_pool.threadCount() * qMax(1, m_settings.sessionsPerWorker);
    QHash<qint64, ServerProfile> profiles;
    for (auto it = m_queue.begin(); it != m_queue.end() && int(m_running.size()) < capacity;) {
        const Queued queued = *it;
        if (m_running.contains(queued.mailboxId)) {
            ++it;
            continue;
        }
        auto mailbox = m_store.mailbox(queued.mailboxId);
        if (!mailbox) {
            Log::error(kCategory, {}, mailbox.error().toString());
            return; // the store is failing: try again on the next tick
        }
        if (!mailbox->has_value() || !(*mailbox)->enabled) {
            // Deleted or disabled since it was queued: a disabled mailbox is not synced, whoever asks.
            it = m_queue.erase(it);
            if (mailbox->has_value()) {
                Log::info(kCategory, (*mailbox)->address, u"not synced: the mailbox is disabled"_s);
            }
            SyncOutcome skipped;
            skipped.mailboxId = queued.mailboxId;
            skipped.address = mailbox->has_value() ? (*mailbox)->address : QString();
            skipped.trigger = queued.trigger;
            skipped.startedAt = skipped.finishedAt = QDateTime::currentDateTimeUtc();
            skipped.error = SyncError::make(ErrorClass::Config, u"mailbox-disabled"_s,
                                            mailbox->has_value() ? u"the mailbox is disabled"_s
                                                                 : u"the mailbox no longer exists"_s);
            completeOnce(skipped);
            continue;
        }
        const Mailbox &box = **mailbox;
        if (!profiles.contains(box.profileId)) {
            auto profile = m_store.profile(box.profileId);
            if (!profile || !profile->has_value()) {
                Log::error(kCategory, box.address, u"the mailbox's server profile cannot be read"_s);
                it = m_queue.erase(it);
                continue;
            }
            profiles.insert(box.profileId, **profile);
        }
        const ServerProfile &profile = profiles.value(box.profileId);
        if (m_connections.value(profile.id) >= qMax(1, profile.maxConcurrentConnections)) {
            ++it; // the profile's connection cap is reached; it waits
            continue;
        }
        const QDateTime now = m_clock.now();
        auto claimed = m_store.claimMailbox(box.id, m_nodeId, now, now.addSecs(m_settings.leaseSeconds));
        if (!claimed) {
            Log::error(kCategory, box.address, claimed.error().toString());
            return;
        }
        if (!claimed.value()) {
            // Another process syncs it right now. A run-once waits for it; the schedule leaves it to them.
            if (queued.trigger == SyncTrigger::Once) {
                ++it;
            } else {
                it = m_queue.erase(it);
            }
            continue;
        }
        it = m_queue.erase(it);
        SyncJob job;
        job.mailbox = box;
        job.profile = profile;
        job.trigger = queued.trigger;
        job.tuning = m_settings.tuning;
        m_running.insert(box.id, {profile.id, queued.trigger});
        ++m_connections[profile.id];
        Log::debug(kCategory, box.address, u"sync started (%1)"_s.arg(syncTriggerName(queued.trigger)));
        m_pool.dispatch(job);
        Q_EMIT syncStarted(box.id);
    }
}

void MailboxScheduler::onJobFinished(const SyncOutcome &outcome)
{
    auto running = m_running.constFind(outcome.mailboxId);
    if (running == m_running.constEnd()) {
        return;
    }
    const qint64 profileId = running->profileId;
    m_running.erase(running);
    if (--m_connections[profileId] <= 0) {
        m_connections.remove(profileId);
    }
    applyOutcome(outcome);
    Q_EMIT syncFinished(outcome);

    completeOnce(outcome);
    if (m_stopping) {
        if (m_running.isEmpty()) {
            finishStop();
        }
        return;
    }
    if (m_followUps.remove(outcome.mailboxId)) {
        enqueue(outcome.mailboxId, SyncTrigger::Manual, true);
    }
    dispatchQueue();
}

void MailboxScheduler::completeOnce(const SyncOutcome &outcome)
{
    if (!m_onceWaiting.remove(outcome.mailboxId)) {
        return;
    }
    m_onceOutcomes.append(outcome);
    if (m_onceWaiting.isEmpty()) {
        m_pollTimer.stop();
        m_leaseTimer.stop();
        const QList<SyncOutcome> outcomes = std::exchange(m_onceOutcomes, {});
        QMetaObject::invokeMethod(
            this, [this, outcomes] { Q_EMIT onceFinished(outcomes); }, Qt::QueuedConnection);
    }
}

void MailboxScheduler::applyOutcome(const SyncOutcome &outcome)
{
    const QDateTime now = m_clock.now();
    Status status = m_store.transaction([&]() -> Status {
        auto loaded = m_store.mailboxState(outcome.mailboxId);
        if (!loaded) {
            return loaded.error();
        }
        MailboxState state = loaded.value();
        if (!outcome.cancelled()) {
            state.lastSyncAt = outcome.startedAt;
            state.itemsLastSync = outcome.itemsNew;
            if (outcome.succeeded()) {
                state.lastSuccessAt = outcome.startedAt;
                state.consecutiveFailures = 0;
                state.lastErrorClass = ErrorClass::None;
                state.lastErrorMessage.clear();
                state.lastErrorDetail.clear();
                state.lastErrorHintId.clear();
            } else {
                ++state.consecutiveFailures;
                state.lastErrorClass = outcome.error->errorClass;
                state.lastErrorMessage = outcome.error->message;
                state.lastErrorDetail = outcome.error->detail;
                state.lastErrorHintId = outcome.error->hintId;
            }
            const IntervalDecision decision = m_policy.afterRun(state, outcome);
            state.intervalSeconds = decision.seconds;
            state.intervalReason = decision.reason;
            state.nextDueAt = now.addSecs(decision.seconds);
        }
        if (Status saved = m_store.saveMailboxState(state); !saved) {
            return saved;
        }
        SyncRun run;
        run.mailboxId = outcome.mailboxId;
        run.startedAt = outcome.startedAt;
        run.finishedAt = outcome.finishedAt;
        run.trigger = outcome.trigger;
        run.success = outcome.succeeded();
        run.itemsNew = outcome.itemsNew;
        run.itemsSeen = outcome.itemsSeen;
        run.errorClass = outcome.error ? outcome.error->errorClass : ErrorClass::None;
        run.errorMessage = outcome.error ? outcome.error->message : QString();
        run.node = m_nodeId;
        if (Status recorded = m_store.recordRun(run); !recorded) {
            return recorded;
        }
        return m_store.releaseMailbox(outcome.mailboxId, m_nodeId);
    });
    if (!status) {
        Log::error(kCategory, outcome.address, u"could not record the outcome: "_s + status.error().toString());
    }

    const qint64 ms = outcome.startedAt.msecsTo(outcome.finishedAt);
    if (outcome.succeeded()) {
        Log::info(u"sync"_s, outcome.address,
                  u"synced: %1 new, %2 fetched in %3 ms"_s.arg(outcome.itemsNew).arg(outcome.itemsSeen).arg(ms));
    } else if (outcome.cancelled()) {
        Log::info(u"sync"_s, outcome.address, u"sync cancelled after %1 ms; it resumes next time"_s.arg(ms));
    } else {
        const QString hint = HintCatalog::instance().summary(outcome.error->hintId);
        Log::error(
            u"sync"_s, outcome.address,
            u"sync failed: %1%2"_s.arg(outcome.error->toString(), hint.isEmpty() ? QString() : u" — hint: "_s + hint));
    }
}

void MailboxScheduler::renewLeases()
{
    const QDateTime until = m_clock.now().addSecs(m_settings.leaseSeconds);
    for (auto it = m_running.cbegin(); it != m_running.cend(); ++it) {
        if (Status renewed = m_store.renewLease(it.key(), m_nodeId, until); !renewed) {
            Log::warning(kCategory, {}, renewed.error().toString());
        }
    }
}

void MailboxScheduler::stop()
{
    if (m_stopping) {
        return;
    }
    m_stopping = true;
    m_pollTimer.stop();
    m_queue.clear();
    m_followUps.clear();
    if (m_running.isEmpty()) {
        QMetaObject::invokeMethod(this, &MailboxScheduler::finishStop, Qt::QueuedConnection);
        return;
    }
    Log::info(kCategory, {},
              u"stopping: waiting up to %1 s for %2 running sync(s)"_s.arg(m_settings.stopGraceMs / 1000)
                  .arg(m_running.size()));
    m_graceTimer.start(m_settings.stopGraceMs);
}

void MailboxScheduler::finishStop()
{
    m_graceTimer.stop();
    m_leaseTimer.stop();
    if (Status released = m_store.releaseAllLeases(m_nodeId); !released) {
        Log::warning(kCategory, {}, released.error().toString());
    }
    Q_EMIT stopped();
}

} // namespace SyncDesk
