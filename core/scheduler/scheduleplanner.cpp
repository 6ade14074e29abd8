#include "scheduleplanner.h"

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

struct SchedulePlanner::Profile
{
    PlannerProfile config;
    qint64 id = 0;
    int maxConnections = 10;
    IntervalPolicy policy;
    int running = 0;
    std::vector<Entry *> heap; // min-heap on dueMs
    double averageDurationMs = 0;
    bool hasDuration = false;
};

struct SchedulePlanner::Entry
{
    qint64 id = 0;
    Profile *profile = nullptr;
    qint64 dueMs = 0;
    qint64 regularDueMs = 0; // while an immediate request waits or runs: its place in the schedule
    qint64 lastStartMs = 0;
    qint64 intervalMs = 0;
    ActivityStats stats;
    int heapIndex = -1;
    int failures = 0;
    IntervalReason reason = IntervalReason::Normal;
    SyncTrigger trigger = SyncTrigger::Scheduled;
    OverdueCause blocked = OverdueCause::None;
    bool enabled = true;
    bool running = false;
    bool queuedImmediate = false;
    bool followUp = false;
};

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

void SchedulePlanner::siftUp(Profile &owner, int index)
{
    std::vector<Entry *> &heap = owner.heap;
    Entry *moving = heap[size_t(index)];
    while (index > 0) {
        const int parent = (index - 1) / 2;
        if (heap[size_t(parent)]->dueMs <= moving->dueMs) {
            break;
        }
        heap[size_t(index)] = heap[size_t(parent)];
        heap[size_t(index)]->heapIndex = index;
        index = parent;
    }
    heap[size_t(index)] = moving;
    moving->heapIndex = index;
}

void SchedulePlanner::siftDown(Profile &owner, int index)
{
    std::vector<Entry *> &heap = owner.heap;
    const int count = int(heap.size());
    Entry *moving = heap[size_t(index)];
    while (true) {
        const int left = 2 * index + 1;
        if (left >= count) {
            break;
        }
        const int right = left + 1;
        const int child = right < count && heap[size_t(right)]->dueMs < heap[size_t(left)]->dueMs ? right : left;
        if (moving->dueMs <= heap[size_t(child)]->dueMs) {
            break;
        }
        heap[size_t(index)] = heap[size_t(child)];
        heap[size_t(index)]->heapIndex = index;
        index = child;
    }
    heap[size_t(index)] = moving;
    moving->heapIndex = index;
}

void SchedulePlanner::push(Entry &entry)
{
    if (entry.heapIndex >= 0 || entry.running || entry.queuedImmediate || !entry.enabled) {
        return;
    }
    Profile &owner = *entry.profile;
    owner.heap.push_back(&entry);
    entry.heapIndex = int(owner.heap.size()) - 1;
    siftUp(owner, entry.heapIndex);
}

void SchedulePlanner::remove(Entry &entry)
{
    if (entry.heapIndex < 0) {
        return;
    }
    Profile &owner = *entry.profile;
    const int index = entry.heapIndex;
    Entry *last = owner.heap.back();
    owner.heap.pop_back();
    entry.heapIndex = -1;
    if (last != &entry) {
        owner.heap[size_t(index)] = last;
        last->heapIndex = index;
        siftDown(owner, index);
        siftUp(owner, last->heapIndex);
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
    entry.stats = mailbox.stats;
    entry.failures = mailbox.consecutiveFailures;
    push(entry);
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
        if (entry.profile->running >= entry.profile->maxConnections) {
            entry.blocked = OverdueCause::ConnectionCap;
            ++it;
            continue;
        }
        it = m_immediate.erase(it);
        entry.queuedImmediate = false;
        start(entry, entry.trigger, nowMs, starts);
        --free;
    }
    // Then the most overdue mailbox among the profiles with a free connection, again and again.
    std::vector<Profile *> candidates;
    candidates.reserve(m_profiles.size());
    for (auto &[id, owner] : m_profiles) {
        if (!owner->heap.empty()) {
            candidates.push_back(owner.get());
        }
    }
    while (free > 0) {
        Profile *best = nullptr;
        for (Profile *owner : candidates) {
            if (owner->running >= owner->maxConnections || owner->heap.empty() || owner->heap.front()->dueMs > nowMs) {
                continue;
            }
            if (!best || owner->heap.front()->dueMs < best->heap.front()->dueMs ||
                (owner->heap.front()->dueMs == best->heap.front()->dueMs && owner->id < best->id)) {
                best = owner;
            }
        }
        if (!best) {
            break;
        }
        Entry &entry = *best->heap.front();
        const qint64 due = entry.dueMs;
        remove(entry);
        start(entry, SyncTrigger::Scheduled, due, starts);
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

    if (result.success) {
        report.recovered = entry.failures > 0;
        entry.failures = 0;
        entry.stats = owner.policy.afterSuccess(entry.stats, result.newItems, result.startedMs);
        report.interval = owner.policy.healthy(entry.stats, nowMs);
        // From the start of this run: the guarantee is about the time between two starts.
        entry.dueMs = std::max(result.startedMs + report.interval.ms, nowMs);
    } else {
        entry.failures++;
        if (disablesAtOnce(result.errorClass)) {
            report.disabled = DisableReason::PermanentFailure;
        } else if (entry.failures >= std::max(1, m_settings.maxTransientFailures)) {
            report.disabled = DisableReason::RepeatedFailures;
        }
        report.interval = owner.policy.backoff(entry.failures, result.retryAfterMs, random01());
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

qint64 SchedulePlanner::nextWakeupMs() const
{
    if (m_running >= m_settings.capacity) {
        return std::numeric_limits<qint64>::max(); // a finishing run frees a slot and wakes the caller
    }
    for (qint64 id : m_immediate) {
        auto it = m_entries.find(id);
        if (it != m_entries.end() && it->second.profile->running < it->second.profile->maxConnections) {
            return 0;
        }
    }
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const auto &[id, owner] : m_profiles) {
        if (!owner->heap.empty() && owner->running < owner->maxConnections) {
            earliest = std::min(earliest, owner->heap.front()->dueMs);
        }
    }
    return earliest;
}

int SchedulePlanner::size() const
{
    return int(m_entries.size());
}

bool SchedulePlanner::contains(qint64 mailboxId) const
{
    return m_entries.count(mailboxId) > 0;
}

bool SchedulePlanner::isRunning(qint64 mailboxId) const
{
    auto it = m_entries.find(mailboxId);
    return it != m_entries.end() && it->second.running;
}

std::optional<PlannerMailbox> SchedulePlanner::mailbox(qint64 mailboxId) const
{
    auto it = m_entries.find(mailboxId);
    if (it == m_entries.end()) {
        return std::nullopt;
    }
    const Entry &entry = it->second;
    PlannerMailbox mailbox;
    mailbox.id = entry.id;
    mailbox.profileId = entry.profile->id;
    mailbox.enabled = entry.enabled;
    mailbox.lastStartMs = entry.lastStartMs;
    mailbox.dueMs = entry.queuedImmediate ? entry.regularDueMs : entry.dueMs;
    mailbox.intervalMs = entry.intervalMs;
    mailbox.reason = entry.reason;
    mailbox.stats = entry.stats;
    mailbox.consecutiveFailures = entry.failures;
    return mailbox;
}

SchedulerSnapshot SchedulePlanner::snapshot(qint64 nowMs) const
{
    SchedulerSnapshot snapshot;
    snapshot.running = m_running;
    snapshot.capacity = m_settings.capacity;
    snapshot.queued = int(m_immediate.size());
    const qint64 grace = m_globalPolicy.scaledMs(m_settings.overdueGraceSeconds);
    const bool workersFull = m_running >= m_settings.capacity;

    struct Tally
    {
        ProfileSnapshot snapshot;
        double perSecond = 0; // Σ 1 / interval
    };
    std::unordered_map<qint64, Tally> tallies;
    for (const auto &[id, owner] : m_profiles) {
        Tally &tally = tallies[id];
        tally.snapshot.id = id;
        tally.snapshot.running = owner->running;
        tally.snapshot.maxConnections = owner->maxConnections;
    }
    for (const auto &[id, entry] : m_entries) {
        if (!entry.enabled) {
            continue;
        }
        Tally &tally = tallies[entry.profile->id];
        tally.snapshot.enabled++;
        if (entry.failures > 0) {
            tally.snapshot.failing++;
        }
        if (entry.intervalMs > 0) {
            tally.perSecond += 1000.0 / double(entry.intervalMs);
        }
        const qint64 due = entry.queuedImmediate ? entry.regularDueMs : entry.dueMs;
        if (!entry.running && (entry.queuedImmediate || due <= nowMs)) {
            snapshot.queued += entry.queuedImmediate ? 0 : 1;
        }
    }
    for (const auto &[id, entry] : m_entries) {
        if (!entry.enabled || entry.running) {
            continue;
        }
        const qint64 due = entry.queuedImmediate ? entry.regularDueMs : entry.dueMs;
        if (due >= nowMs - grace) {
            continue;
        }
        const Profile &owner = *entry.profile;
        const Tally &tally = tallies[owner.id];
        OverdueCause cause = entry.blocked;
        if (cause == OverdueCause::None || cause == OverdueCause::ConnectionCap) {
            if (owner.running >= owner.maxConnections) {
                cause = OverdueCause::ConnectionCap;
            } else if (workersFull) {
                cause = OverdueCause::WorkersBusy;
            } else if (tally.snapshot.failing * 2 > tally.snapshot.enabled) {
                cause = OverdueCause::ServerFailing;
            } else {
                cause = OverdueCause::WorkersBusy;
            }
        }
        snapshot.overdueMailboxes.insert(entry.id, cause);
        tallies[owner.id].snapshot.overdue++;
        snapshot.overdue++;
    }
    std::vector<qint64> ids;
    for (const auto &[id, tally] : tallies) {
        ids.push_back(id);
    }
    std::sort(ids.begin(), ids.end());
    for (qint64 id : ids) {
        Tally &tally = tallies[id];
        auto owner = m_profiles.find(id);
        const double duration = owner != m_profiles.end() ? owner->second->averageDurationMs : 0.0;
        const IntervalPolicy &policy = owner != m_profiles.end() ? owner->second->policy : m_globalPolicy;
        const double guaranteeMs = double(policy.scaledMs(policy.settings().guaranteeSeconds));
        tally.snapshot.neededForIntervals = int(std::ceil(tally.perSecond * duration / 1000.0));
        tally.snapshot.neededForGuarantee = int(std::ceil(double(tally.snapshot.enabled) * duration / guaranteeMs));
        snapshot.profiles.append(tally.snapshot);
    }
    return snapshot;
}

} // namespace SyncDesk
