// SchedulePlanner: what it tells about its decisions — the next wake-up, one mailbox's entry, and the
// snapshot the engine publishes (queues, overdue mailboxes and why, connections needed per profile).

#include "scheduleplanner.h"
#include "scheduleplanner_p.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace SyncDesk {

qint64 SchedulePlanner::nextWakeupMs() const
{
    if (m_running >= m_settings.capacity) {
        return std::numeric_limits<qint64>::max(); // a finishing run frees a slot and wakes the caller
    }
    for (qint64 id : m_immediate) {
        auto it = m_entries.find(id);
        if (it != m_entries.end() && it->second.profile->running < limitOf(*it->second.profile)) {
            return 0;
        }
    }
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const auto &[id, owner] : m_profiles) {
        if (owner->running >= limitOf(*owner)) {
            continue;
        }
        if (!owner->ready.empty()) {
            return 0;
        }
        if (!owner->waiting.empty()) {
            earliest = std::min(earliest, owner->waiting.top()->dueMs);
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
    // Away and waiting for nothing here: counted for its profile's load, not as queued or overdue.
    const auto parked = [](const Entry &entry) {
        return entry.away && !entry.heap && !entry.queuedImmediate && !entry.running;
    };

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
        tally.snapshot.outage = owner->outage;
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
        if (parked(entry)) {
            continue; // another engine's to schedule
        }
        const qint64 due = entry.queuedImmediate ? entry.regularDueMs : entry.dueMs;
        if (!entry.running && (entry.queuedImmediate || due <= nowMs)) {
            snapshot.queued += entry.queuedImmediate ? 0 : 1;
        }
    }
    for (const auto &[id, entry] : m_entries) {
        if (!entry.enabled || entry.running || parked(entry)) {
            continue;
        }
        const qint64 due = entry.queuedImmediate ? entry.regularDueMs : entry.dueMs;
        if (due >= nowMs - grace) {
            continue;
        }
        const Profile &owner = *entry.profile;
        const Tally &tally = tallies[owner.id];
        OverdueCause cause = entry.blocked;
        if (owner.outage) {
            cause = OverdueCause::ServerFailing;
        } else if (cause == OverdueCause::None || cause == OverdueCause::ConnectionCap) {
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
        // Connections busy on average at the present intervals, with 15 % headroom for bursts.
        tally.snapshot.neededForIntervals = int(std::ceil(1.15 * tally.perSecond * duration / 1000.0));
        tally.snapshot.neededForGuarantee = int(std::ceil(double(tally.snapshot.enabled) * duration / guaranteeMs));
        snapshot.profiles.append(tally.snapshot);
    }
    return snapshot;
}

} // namespace SyncDesk
