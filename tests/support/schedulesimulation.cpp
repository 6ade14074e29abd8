#include "schedulesimulation.h"

#include <QElapsedTimer>

#include <limits>

namespace SyncDesk::Testing {

ScheduleSimulation::ScheduleSimulation(SchedulePlanner &planner, qint64 startMs)
    : m_planner(planner)
    , m_now(startMs)
{}

void ScheduleSimulation::at(qint64 atMs, std::function<void()> action)
{
    m_events.push({atMs, m_sequence++, std::move(action)});
}

void ScheduleSimulation::runUntil(qint64 endMs)
{
    QElapsedTimer timer;
    while (true) {
        timer.start();
        const QList<StartDecision> starts = m_planner.takeStarts(m_now);
        m_plannerNs += timer.nsecsElapsed();
        for (const StartDecision &decision : starts) {
            RunResult result;
            result.startedMs = m_now;
            result.finishedMs = m_now + 1000;
            result.success = true;
            if (m_model) {
                m_model(decision, result);
            }
            result.finishedMs = std::max(result.finishedMs, m_now);
            ++m_started;
            if (m_onStart) {
                m_onStart(decision, m_now);
            }
            m_running.push({result.finishedMs, m_sequence++, decision, result});
        }
        qint64 next = std::numeric_limits<qint64>::max();
        if (!m_running.empty()) {
            next = std::min(next, m_running.top().finishMs);
        }
        if (!m_events.empty()) {
            next = std::min(next, m_events.top().atMs);
        }
        const qint64 wakeup = m_planner.nextWakeupMs();
        if (wakeup > m_now) {
            next = std::min(next, wakeup);
        }
        if (next > endMs) {
            m_now = endMs;
            return;
        }
        m_now = std::max(m_now, next);
        while (!m_running.empty() && m_running.top().finishMs <= m_now) {
            const Running done = m_running.top();
            m_running.pop();
            timer.start();
            const FinishReport report = m_planner.finish(done.decision.mailboxId, done.result, m_now);
            m_plannerNs += timer.nsecsElapsed();
            if (m_onFinish) {
                m_onFinish(done.decision, done.result, report);
            }
        }
        while (!m_events.empty() && m_events.top().atMs <= m_now) {
            const Event event = m_events.top();
            m_events.pop();
            event.action();
        }
    }
}

} // namespace SyncDesk::Testing
