#include "scheduleplanner.h"

#include "scheduleplanner_p.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace SyncDesk {

using namespace Qt::StringLiterals;

QString overdueCauseName(OverdueCause cause)
{
    switch (cause) {
    case OverdueCause::None:
        return {};
    case OverdueCause::WorkersBusy:
        return u"workers-busy"_s;
    case OverdueCause::ConnectionCap:
        return u"connection-cap"_s;
    case OverdueCause::ServerFailing:
        return u"server-failing"_s;
    case OverdueCause::ClaimedElsewhere:
        return u"claimed-elsewhere"_s;
    case OverdueCause::NoEngine:
        return u"no-engine"_s;
    }
    return {};
}

OverdueCause overdueCauseFromName(const QString &name)
{
    for (OverdueCause cause : {OverdueCause::WorkersBusy, OverdueCause::ConnectionCap, OverdueCause::ServerFailing,
                               OverdueCause::ClaimedElsewhere, OverdueCause::NoEngine}) {
        if (name == overdueCauseName(cause)) {
            return cause;
        }
    }
    return OverdueCause::None;
}

QString disableReasonName(DisableReason reason)
{
    switch (reason) {
    case DisableReason::None:
        return {};
    case DisableReason::Admin:
        return u"admin"_s;
    case DisableReason::PermanentFailure:
        return u"permanent-failure"_s;
    case DisableReason::RepeatedFailures:
        return u"repeated-failures"_s;
    }
    return {};
}

DisableReason disableReasonFromName(const QString &name)
{
    for (DisableReason reason :
         {DisableReason::Admin, DisableReason::PermanentFailure, DisableReason::RepeatedFailures}) {
        if (name == disableReasonName(reason)) {
            return reason;
        }
    }
    return DisableReason::None;
}

namespace {

bool disablesAtOnce(ErrorClass errorClass)
{
    // Retrying cannot fix these; it can lock an account.
    return errorClass == ErrorClass::Auth || errorClass == ErrorClass::Config || errorClass == ErrorClass::Permission;
}

bool isImmediate(SyncTrigger trigger)
{
    return trigger == SyncTrigger::Manual;
}

IntervalSettings merged(const IntervalSettings &global, const PlannerProfile &profile)
{
    IntervalSettings settings = global;
    if (profile.minSeconds) {
        settings.minSeconds = *profile.minSeconds;
    }
    if (profile.baseSeconds) {
        settings.baseSeconds = *profile.baseSeconds;
    }
    if (profile.maxSeconds) {
        settings.maxSeconds = *profile.maxSeconds;
    }
    return settings;
}

} // namespace

SchedulePlanner::SchedulePlanner(const PlannerSettings &settings)
    : m_settings(settings)
    , m_globalPolicy(settings.intervals)
    , m_random(settings.seed != 0 ? settings.seed : std::random_device{}())
{}

SchedulePlanner::~SchedulePlanner() = default;

void SchedulePlanner::setCapacity(int capacity)
{
    m_settings.capacity = std::max(1, capacity);
}

double SchedulePlanner::random01()
{
    return std::uniform_real_distribution<double>(0.0, 1.0)(m_random);
}

SchedulePlanner::Profile &SchedulePlanner::profile(qint64 profileId)
{
    auto it = m_profiles.find(profileId);
    if (it == m_profiles.end()) {
        auto created = std::make_unique<Profile>();
        created->id = profileId;
        created->policy = m_globalPolicy;
        it = m_profiles.emplace(profileId, std::move(created)).first;
    }
    return *it->second;
}

void SchedulePlanner::updateSettings(const PlannerSettings &settings)
{
    const quint32 seed = m_settings.seed;
    m_settings = settings;
    m_settings.seed = seed;
    m_settings.capacity = std::max(1, settings.capacity);
    m_globalPolicy = IntervalPolicy(settings.intervals);
    for (auto &[id, owner] : m_profiles) {
        owner->policy = IntervalPolicy(merged(m_settings.intervals, owner->config));
    }
}

void SchedulePlanner::setProfile(const PlannerProfile &settings)
{
    Profile &target = profile(settings.id);
    target.config = settings;
    target.maxConnections = std::max(1, settings.maxConnections);
    target.policy = IntervalPolicy(merged(m_settings.intervals, settings));
}

const IntervalPolicy &SchedulePlanner::policyOf(qint64 profileId) const
{
    auto it = m_profiles.find(profileId);
    return it == m_profiles.end() ? m_globalPolicy : it->second->policy;
}

qint64 SchedulePlanner::Heap::keyOf(const Entry *entry) const
{
    return byPriority ? entry->priorityMs : entry->dueMs;
}

void SchedulePlanner::siftUp(Heap &heap, int index)
{
    std::vector<Entry *> &items = heap.items;
    Entry *moving = items[size_t(index)];
    const qint64 key = heap.keyOf(moving);
    while (index > 0) {
        const int parent = (index - 1) / 2;
        if (heap.keyOf(items[size_t(parent)]) <= key) {
            break;
        }
        items[size_t(index)] = items[size_t(parent)];
        items[size_t(index)]->heapIndex = index;
        index = parent;
    }
    items[size_t(index)] = moving;
    moving->heapIndex = index;
}

void SchedulePlanner::siftDown(Heap &heap, int index)
{
    std::vector<Entry *> &items = heap.items;
    const int count = int(items.size());
    Entry *moving = items[size_t(index)];
    const qint64 key = heap.keyOf(moving);
    while (true) {
        const int left = 2 * index + 1;
        if (left >= count) {
            break;
        }
        const int right = left + 1;
        const int child =
            right < count && heap.keyOf(items[size_t(right)]) < heap.keyOf(items[size_t(left)]) ? right : left;
        if (key <= heap.keyOf(items[size_t(child)])) {
            break;
        }
        items[size_t(index)] = items[size_t(child)];
        items[size_t(index)]->heapIndex = index;
        index = child;
    }
    items[size_t(index)] = moving;
    moving->heapIndex = index;
}

void SchedulePlanner::insert(Heap &heap, Entry &entry)
{
    heap.items.push_back(&entry);
    entry.heap = &heap;
    entry.heapIndex = int(heap.items.size()) - 1;
    siftUp(heap, entry.heapIndex);
}

void SchedulePlanner::push(Entry &entry)
{
    if (entry.heap || entry.running || entry.queuedImmediate || !entry.enabled) {
        return;
    }
    if (entry.away && !isImmediate(entry.retryTrigger)) {
        return; // its home engine schedules it; a request that must be retried is kept
    }
    insert(entry.profile->waiting, entry);
}

void SchedulePlanner::remove(Entry &entry)
{
    if (!entry.heap) {
        return;
    }
    Heap &heap = *entry.heap;
    const int index = entry.heapIndex;
    Entry *last = heap.items.back();
    heap.items.pop_back();
    entry.heap = nullptr;
    entry.heapIndex = -1;
    if (last != &entry) {
        heap.items[size_t(index)] = last;
        last->heapIndex = index;
        siftDown(heap, index);
        siftUp(heap, last->heapIndex);
    }
}

void SchedulePlanner::promoteDue(Profile &owner, qint64 nowMs)
{
    const qint64 slack = m_globalPolicy.scaledMs(m_settings.readySlackSeconds);
    const qint64 guarantee = owner.policy.scaledMs(owner.policy.settings().guaranteeSeconds);
    while (!owner.waiting.empty() && owner.waiting.top()->dueMs <= nowMs) {
        Entry &entry = *owner.waiting.top();
        remove(entry);
        // Among due mailboxes, the one closest to breaking the guarantee goes first; otherwise the most overdue.
        entry.priorityMs = entry.dueMs + slack;
        if (entry.lastStartMs > 0 && entry.failures == 0) {
            entry.priorityMs = std::min(entry.priorityMs, entry.lastStartMs + guarantee);
        }
        insert(owner.ready, entry);
    }
}

void SchedulePlanner::upsertMailbox(const PlannerMailbox &mailbox)
{
    Entry &entry = m_entries[mailbox.id];
    const bool isNew = entry.profile == nullptr;
    Profile &owner = profile(mailbox.profileId);
    if (entry.running) {
        // Running: its outcome will set the schedule. Only a move to another profile is noted.
        if (entry.profile != &owner) {
            entry.profile->running--;
            owner.running++;
            entry.profile = &owner;
        }
        entry.enabled = mailbox.enabled;
        return;
    }
    remove(entry);
    if (!isNew && entry.queuedImmediate && !mailbox.enabled) {
        entry.queuedImmediate = false;
    }
    entry.id = mailbox.id;
    entry.profile = &owner;
    entry.enabled = mailbox.enabled;
    if (isNew || !entry.queuedImmediate) {
        entry.dueMs = mailbox.dueMs;
    }
    entry.lastStartMs = mailbox.lastStartMs;
    entry.intervalMs = mailbox.intervalMs;
    entry.reason = mailbox.reason;
    if (mailbox.reason == IntervalReason::ServerMinimum) {
        entry.minIntervalMs = mailbox.intervalMs; // remembered across restarts through the stored interval
    }
    entry.stats = mailbox.stats;
    entry.failures = mailbox.consecutiveFailures;
    push(entry);
}

void SchedulePlanner::refreshHistory(const PlannerMailbox &mailbox)
{
    const auto it = m_entries.find(mailbox.id);
    if (it == m_entries.end() || !it->second.running) {
        upsertMailbox(mailbox);
        return;
    }
    Entry &entry = it->second;
    entry.lastStartMs = mailbox.lastStartMs;
    entry.intervalMs = mailbox.intervalMs;
    entry.reason = mailbox.reason;
    if (mailbox.reason == IntervalReason::ServerMinimum) {
        entry.minIntervalMs = mailbox.intervalMs;
    }
    entry.stats = mailbox.stats;
    entry.failures = mailbox.consecutiveFailures;
}

void SchedulePlanner::removeMailbox(qint64 mailboxId)
{
    auto it = m_entries.find(mailboxId);
    if (it == m_entries.end()) {
        return;
    }
    Entry &entry = it->second;
    remove(entry);
    if (entry.running) {
        entry.profile->running--;
        m_running--;
    }
    m_immediate.erase(std::remove(m_immediate.begin(), m_immediate.end(), mailboxId), m_immediate.end());
    m_entries.erase(it);
}

void SchedulePlanner::setEnabled(qint64 mailboxId, bool enabled, qint64 nowMs)
{
    auto it = m_entries.find(mailboxId);
    if (it == m_entries.end()) {
        return;
    }
    Entry &entry = it->second;
    if (!enabled) {
        entry.enabled = false;
        entry.queuedImmediate = false;
        entry.followUp = false;
        remove(entry);
        return;
    }
    if (entry.enabled) {
        return;
    }
    entry.enabled = true;
    entry.failures = 0;
    entry.dueMs = nowMs;
    entry.intervalMs = entry.profile->policy.scaledMs(entry.profile->policy.settings().baseSeconds);
    entry.reason = IntervalReason::Normal;
    push(entry);
}

void SchedulePlanner::setAway(qint64 mailboxId, bool away)
{
    auto it = m_entries.find(mailboxId);
    if (it == m_entries.end() || it->second.away == away) {
        return;
    }
    Entry &entry = it->second;
    entry.away = away;
    if (away) {
        if (!isImmediate(entry.retryTrigger)) {
            remove(entry);
        }
    } else {
        push(entry);
    }
}

bool SchedulePlanner::isAway(qint64 mailboxId) const
{
    auto it = m_entries.find(mailboxId);
    return it != m_entries.end() && it->second.away;
}

IntervalReason SchedulePlanner::intervalReason(qint64 mailboxId) const
{
    auto it = m_entries.find(mailboxId);
    return it != m_entries.end() ? it->second.reason : IntervalReason::Normal;
}

SchedulePlanner::Request SchedulePlanner::requestImmediate(qint64 mailboxId, SyncTrigger trigger)
{
    auto it = m_entries.find(mailboxId);
    if (it == m_entries.end()) {
        return Request::Unknown;
    }
    Entry &entry = it->second;
    if (!entry.enabled) {
        return Request::Disabled;
    }
    if (entry.running) {
        entry.followUp = true; // one more run when this one ends, however many requests come
        return Request::FollowUp;
    }
    if (entry.queuedImmediate) {
        return Request::Coalesced;
    }
    remove(entry);
    entry.regularDueMs = entry.dueMs;
    entry.queuedImmediate = true;
    entry.trigger = trigger;
    m_immediate.push_back(mailboxId);
    return Request::Queued;
}

void SchedulePlanner::start(Entry &entry, SyncTrigger trigger, qint64 dueMs, QList<StartDecision> &starts)
{
    entry.running = true;
    entry.trigger = trigger;
    entry.retryTrigger = SyncTrigger::Scheduled;
    entry.blocked = OverdueCause::None;
    entry.profile->running++;
    m_running++;
    m_decisions++;
    starts.append({entry.id, entry.profile->id, trigger, dueMs});
}

QList<StartDecision> SchedulePlanner::takeStarts(qint64 nowMs)
{
    QList<StartDecision> starts;
    int free = m_settings.capacity - m_running;
    // Immediate requests first, oldest first, within the caps.
    for (auto it = m_immediate.begin(); it != m_immediate.end() && free > 0;) {
        auto found = m_entries.find(*it);
        if (found == m_entries.end() || !found->second.enabled || !found->second.queuedImmediate) {
            it = m_immediate.erase(it);
            continue;
        }
        Entry &entry = found->second;
        if (entry.minIntervalMs > 0 && nowMs < entry.lastStartMs + entry.minIntervalMs) {
            // The server allows no login yet: the request waits in the schedule for the first moment it does.
            it = m_immediate.erase(it);
            entry.queuedImmediate = false;
            entry.retryTrigger = entry.trigger;
            entry.dueMs = entry.lastStartMs + entry.minIntervalMs;
            if (entry.regularDueMs > 0) {
                entry.dueMs = std::min(entry.dueMs, entry.regularDueMs);
            }
            entry.regularDueMs = 0;
            push(entry);
            continue;
        }
        if (entry.profile->running >= limitOf(*entry.profile)) {
            entry.blocked = entry.profile->outage ? OverdueCause::ServerFailing : OverdueCause::ConnectionCap;
            ++it;
            continue;
        }
        it = m_immediate.erase(it);
        entry.queuedImmediate = false;
        start(entry, entry.trigger, nowMs, starts);
        --free;
    }
    // Then, among the profiles with a free connection, the most urgent due mailbox, again and again.
    std::vector<Profile *> candidates;
    candidates.reserve(m_profiles.size());
    for (auto &[id, owner] : m_profiles) {
        promoteDue(*owner, nowMs);
        if (!owner->ready.empty()) {
            candidates.push_back(owner.get());
        }
    }
    while (free > 0) {
        Profile *best = nullptr;
        for (Profile *owner : candidates) {
            if (owner->running >= limitOf(*owner) || owner->ready.empty()) {
                continue;
            }
            const qint64 key = owner->ready.top()->priorityMs;
            if (!best || key < best->ready.top()->priorityMs ||
                (key == best->ready.top()->priorityMs && owner->id < best->id)) {
                best = owner;
            }
        }
        if (!best) {
            break;
        }
        Entry &entry = *best->ready.top();
        const qint64 due = entry.dueMs;
        remove(entry);
        start(entry, entry.retryTrigger, due, starts);
        --free;
    }
    return starts;
}

void SchedulePlanner::releaseStart(qint64 mailboxId, qint64 retryAtMs, OverdueCause cause)
{
    auto it = m_entries.find(mailboxId);
    if (it == m_entries.end() || !it->second.running) {
        return;
    }
    Entry &entry = it->second;
    entry.running = false;
    entry.profile->running--;
    m_running--;
    entry.blocked = cause;
    entry.dueMs =
        isImmediate(entry.trigger) && entry.regularDueMs > 0 ? std::min(entry.regularDueMs, retryAtMs) : retryAtMs;
    if (isImmediate(entry.trigger)) {
        entry.retryTrigger = entry.trigger; // retried as the request it is
    }
    push(entry);
}

FinishReport SchedulePlanner::finish(qint64 mailboxId, const RunResult &result, qint64 nowMs)
{
    FinishReport report;
    report.mailboxId = mailboxId;
    auto it = m_entries.find(mailboxId);
    if (it == m_entries.end() || !it->second.running) {
        return report;
    }
    Entry &entry = it->second;
    Profile &owner = *entry.profile;
    entry.running = false;
    owner.running--;
    m_running--;

    if (result.cancelled) {
        // Nothing learnt: due again where it was.
        entry.dueMs = isImmediate(entry.trigger) && entry.regularDueMs > 0 ? entry.regularDueMs : nowMs;
        push(entry);
        report.interval = {entry.intervalMs, entry.reason};
        report.nextDueMs = entry.dueMs;
        report.consecutiveFailures = entry.failures;
        report.stats = entry.stats;
        return report;
    }

    const double duration = double(std::max<qint64>(0, result.finishedMs - result.startedMs));
    owner.averageDurationMs = owner.hasDuration ? 0.2 * duration + 0.8 * owner.averageDurationMs : duration;
    owner.hasDuration = true;
    entry.lastStartMs = result.startedMs;
    if (result.serverMinIntervalMs > 0) {
        entry.minIntervalMs = result.serverMinIntervalMs;
    } else if (result.success) {
        entry.minIntervalMs = 0; // logged in, and the server asked for no delay
    }

    // The server's health, from the runs of all its mailboxes.
    const bool connectionFailure =
        !result.success && (result.errorClass == ErrorClass::Network || result.errorClass == ErrorClass::Timeout);
    if (result.success) {
        owner.failuresInRow = 0;
        owner.failingMailboxes[0] = owner.failingMailboxes[1] = 0;
        if (owner.outage) {
            endOutage(owner, nowMs);
            report.outageEnded = true;
        }
    } else if (connectionFailure) {
        ++owner.failuresInRow;
        if (owner.failingMailboxes[0] != entry.id) {
            owner.failingMailboxes[1] = owner.failingMailboxes[0];
            owner.failingMailboxes[0] = entry.id;
        }
        if (!owner.outage && owner.failuresInRow >= std::max(2, m_settings.outageFailures) &&
            owner.failingMailboxes[1] != 0) {
            owner.outage = true;
            report.outageStarted = true;
        }
    }

    if (result.success) {
        report.recovered = entry.failures > 0;
        entry.failures = 0;
        entry.stats = owner.policy.afterSuccess(entry.stats, result.newItems, result.startedMs);
        report.interval = owner.policy.healthy(entry.stats, nowMs);
        // Up to healthyJitter earlier, never later (the guarantee), never below the minimum: mailboxes
        // that synced together (after an outage or a restart) drift apart instead of coming back together.
        const qint64 shortest = owner.policy.scaledMs(owner.policy.settings().minSeconds);
        const qint64 earlier = std::llround(double(report.interval.ms) * m_settings.healthyJitter * random01());
        qint64 wait = std::max(std::min(shortest, report.interval.ms), report.interval.ms - earlier);
        if (entry.minIntervalMs > wait) {
            // The server's minimum wins over the schedule, the guarantee included: sooner would be refused.
            wait = entry.minIntervalMs;
            report.interval = {entry.minIntervalMs, IntervalReason::ServerMinimum};
        }
        // From the start of this run: the guarantee is about the time between two starts.
        entry.dueMs = std::max(result.startedMs + wait, nowMs);
        if (result.incomplete) {
            // A long first pull continues at once, in turn with the other due mailboxes (by due time),
            // unless the server allows no login that soon.
            entry.dueMs = std::max(nowMs, entry.lastStartMs + entry.minIntervalMs);
        }
    } else {
        entry.failures++;
        if (result.installationFault) {
            // Not this mailbox's failure: it waits at the longest backoff until the installation is repaired.
        } else if (disablesAtOnce(result.errorClass)) {
            report.disabled = DisableReason::PermanentFailure;
        } else if (entry.failures >= std::max(1, m_settings.maxTransientFailures)) {
            report.disabled = DisableReason::RepeatedFailures;
        }
        if (owner.outage && connectionFailure && report.disabled == DisableReason::RepeatedFailures) {
            // The server is down, not this mailbox: a probe's failures do not disable it.
            report.disabled = DisableReason::None;
            entry.failures = std::max(1, m_settings.maxTransientFailures - 1);
        }
        report.interval =
            owner.policy.backoff(entry.failures, std::max(result.retryAfterMs, entry.minIntervalMs), random01());
        const bool keepSchedule = isImmediate(entry.trigger) && entry.regularDueMs > 0 && result.retryAfterMs == 0;
        // A failed immediate request leaves the mailbox on its regular schedule, which retries it.
        entry.dueMs = keepSchedule ? std::max(entry.regularDueMs, nowMs) : nowMs + report.interval.ms;
    }
    entry.intervalMs = report.interval.ms;
    entry.reason = report.interval.reason;
    entry.regularDueMs = 0;
    if (report.disabled != DisableReason::None) {
        entry.enabled = false;
        entry.followUp = false;
    }
    report.nextDueMs = entry.dueMs;
    report.consecutiveFailures = entry.failures;
    report.stats = entry.stats;
    if (entry.enabled) {
        push(entry);
        if (entry.followUp) {
            entry.followUp = false;
            report.followUpQueued = requestImmediate(mailboxId, SyncTrigger::Manual) == Request::Queued;
        }
    }
    return report;
}

int SchedulePlanner::limitOf(const Profile &owner)
{
    return owner.outage ? 1 : owner.maxConnections;
}

void SchedulePlanner::endOutage(Profile &owner, qint64 nowMs)
{
    owner.outage = false;
    // Everyone the outage held back syncs now, most overdue first.
    std::vector<Entry *> waiting(owner.waiting.items.begin(), owner.waiting.items.end());
    waiting.insert(waiting.end(), owner.ready.items.begin(), owner.ready.items.end());
    for (Entry *other : waiting) {
        if (other->failures > 0 || other->dueMs < nowMs) {
            remove(*other);
            other->dueMs = std::min(other->dueMs, nowMs);
            push(*other);
        }
    }
}

bool SchedulePlanner::adoptOutage(qint64 profileId, bool outage, qint64 nowMs)
{
    const auto found = m_profiles.find(profileId);
    if (found == m_profiles.end() || found->second->outage == outage) {
        return false;
    }
    Profile &owner = *found->second;
    if (outage) {
        owner.outage = true;
    } else {
        endOutage(owner, nowMs);
    }
    owner.failuresInRow = 0;
    owner.failingMailboxes[0] = owner.failingMailboxes[1] = 0;
    return true;
}

int SchedulePlanner::connectionLimit(qint64 profileId) const
{
    const auto found = m_profiles.find(profileId);
    return found == m_profiles.end() ? 1 : limitOf(*found->second);
}

} // namespace SyncDesk
