#pragma once

// SchedulePlanner's inner types, shared by its source files (scheduleplanner.cpp: the decisions;
// scheduleplanner_view.cpp: what it tells about them). Not for use outside the planner.

#include "scheduleplanner.h"

#include <vector>

namespace SyncDesk {

// A min-heap of entries, on their due time (waiting) or on their priority (ready).
struct SchedulePlanner::Heap
{
    std::vector<Entry *> items;
    bool byPriority = false;
    qint64 keyOf(const Entry *entry) const;
    Entry *top() const { return items.front(); }
    bool empty() const { return items.empty(); }
};

struct SchedulePlanner::Profile
{
    PlannerProfile config;
    qint64 id = 0;
    int maxConnections = 10;
    IntervalPolicy policy;
    int running = 0;
    Heap waiting{{}, false}; // not due yet, on due time
    Heap ready{{}, true};    // due, on priority: min(due + slack, last start + guarantee)
    double averageDurationMs = 0;
    bool hasDuration = false;
    // Outage detection: connection failures in a row, and the mailboxes they came from.
    int failuresInRow = 0;
    qint64 failingMailboxes[2] = {0, 0};
    bool outage = false;
};

struct SchedulePlanner::Entry
{
    qint64 id = 0;
    Profile *profile = nullptr;
    qint64 dueMs = 0;
    qint64 regularDueMs = 0; // while an immediate request waits or runs: its place in the schedule
    qint64 lastStartMs = 0;
    qint64 intervalMs = 0;
    qint64 minIntervalMs = 0; // the server's least time between two logins (POP3 LOGIN-DELAY)
    ActivityStats stats;
    qint64 priorityMs = 0; // while ready: the order among due mailboxes
    Heap *heap = nullptr;  // the heap it is in, if any
    int heapIndex = -1;
    int failures = 0;
    IntervalReason reason = IntervalReason::Normal;
    SyncTrigger trigger = SyncTrigger::Scheduled;
    // A request that could not start (not claimed, the server's login delay): its retry is still the request.
    SyncTrigger retryTrigger = SyncTrigger::Scheduled;
    OverdueCause blocked = OverdueCause::None;
    bool enabled = true;
    bool away = false; // another engine's to schedule (setAway)
    bool running = false;
    bool queuedImmediate = false;
    bool followUp = false;
};

} // namespace SyncDesk
