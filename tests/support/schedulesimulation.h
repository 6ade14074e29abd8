#pragma once

#include "scheduler/scheduleplanner.h"

#include <queue>

#include <functional>
#include <vector>

namespace SyncDesk::Testing {

// Runs a SchedulePlanner against simulated time: starts what it decides, lets each run take the
// simulated time the caller's model says, reports each finish, and jumps straight to the next event.
// A day of schedule for thousands of mailboxes takes seconds or less.
class ScheduleSimulation final
{
public:
    // Decides how a started run goes: fills success, newItems, errorClass, retryAfterMs and finishedMs
    // (startedMs is set already).
    using RunModel = std::function<void(const StartDecision &decision, RunResult &result)>;
    using StartObserver = std::function<void(const StartDecision &decision, qint64 nowMs)>;
    using FinishObserver =
        std::function<void(const StartDecision &decision, const RunResult &result, const FinishReport &report)>;

    ScheduleSimulation(SchedulePlanner &planner, qint64 startMs);

    void setRunModel(RunModel model) { m_model = std::move(model); }
    void onStart(StartObserver observer) { m_onStart = std::move(observer); }
    void onFinish(FinishObserver observer) { m_onFinish = std::move(observer); }
    // Runs `action` when simulated time reaches `atMs` (requests, configuration changes, ...).
    void at(qint64 atMs, std::function<void()> action);

    void runUntil(qint64 endMs);
    qint64 now() const { return m_now; }
    qint64 runsStarted() const { return m_started; }
    // Wall-clock nanoseconds spent inside the planner (takeStarts and finish), for the benchmark.
    qint64 plannerNanoseconds() const { return m_plannerNs; }

private:
    struct Running
    {
        qint64 finishMs;
        qint64 sequence;
        StartDecision decision;
        RunResult result;
        bool operator>(const Running &other) const
        {
            return finishMs != other.finishMs ? finishMs > other.finishMs : sequence > other.sequence;
        }
    };
    struct Event
    {
        qint64 atMs;
        qint64 sequence;
        std::function<void()> action;
        bool operator>(const Event &other) const
        {
            return atMs != other.atMs ? atMs > other.atMs : sequence > other.sequence;
        }
    };

    SchedulePlanner &m_planner;
    qint64 m_now;
    qint64 m_sequence = 0;
    qint64 m_started = 0;
    qint64 m_plannerNs = 0;
    RunModel m_model;
    StartObserver m_onStart;
    FinishObserver m_onFinish;
    std::priority_queue<Running, std::vector<Running>, std::greater<>> m_running;
    std::priority_queue<Event, std::vector<Event>, std::greater<>> m_events;
};

} // namespace SyncDesk::Testing
