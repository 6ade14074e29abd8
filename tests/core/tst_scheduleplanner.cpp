// The scheduling decisions over simulated days: adaptive intervals, backoff, disabling, immediate
// requests, caps, and the 12-minute guarantee. Runs the real SchedulePlanner against a simulated clock.

#include "scheduler/intervalpolicy.h"
#include "scheduler/scheduleplanner.h"
#include "schedulesimulation.h"

#include <QHash>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <map>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
const qint64 kStart = QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();

PlannerSettings settings(int capacity = 50)
{
    PlannerSettings planner;
    planner.capacity = capacity;
    planner.seed = 42;
    return planner;
}

PlannerMailbox mailbox(qint64 id, qint64 profile = 1, qint64 dueMs = 0)
{
    PlannerMailbox entry;
    entry.id = id;
    entry.profileId = profile;
    entry.dueMs = dueMs;
    return entry;
}

RunResult failed(const StartDecision &, RunResult result, ErrorClass errorClass, qint64 retryAfterMs = 0)
{
    result.success = false;
    result.errorClass = errorClass;
    result.retryAfterMs = retryAfterMs;
    return result;
}

} // namespace

class TestSchedulePlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void intervalsConvergeToTwoFiveAndTwelveMinutes();
    void quietMeansLongerThanNormal();
    void profileBoundsOverrideGlobalOnes();
    void backoffSequenceThenDisabledAfterTenFailures();
    void throttledWaitsAtLeastTheServersDelay();
    void permanentFailuresDisableAtOnce_data();
    void permanentFailuresDisableAtOnce();
    void enablingResetsCounters();
    void immediateRequestOvertakesDueWork();
    void requestsAreCoalescedAndFollowUpOnce();
    void failedImmediateRequestKeepsTheRegularSchedule();
    void requestNotClaimedStaysARequest();
    void mailboxesAwayWaitForTheirHomeButRequestsDoNot();
    void capsAreNeverExceededAndNoMailboxRunsTwice();
    void noHealthyMailboxWaitsMoreThanTwelveMinutes();
    void mostOverdueFirstWhenDemandExceedsCapacity();
    void overdueMailboxesSayWhy();
    void urgencyOrdersDueMailboxes();
    void serverOutageSendsOneProbeAndReleasesEveryoneOnRecovery();
    void outageFoundByAnotherEngineIsAdopted();
    void unknownAndDisabledMailboxesAreNotStarted();
    void serverLoginDelayIsTheLeastInterval();
    void runStoppedAtItsTimeLimitIsDueAtOnce();
};

void TestSchedulePlanner::intervalsConvergeToTwoFiveAndTwelveMinutes()
{
    SchedulePlanner planner(settings());
    planner.setProfile({1, 10, {}, {}, {}});
    planner.upsertMailbox(mailbox(1)); // busy: 200 new messages an hour
    planner.upsertMailbox(mailbox(2)); // normal: a message every 30 minutes
    planner.upsertMailbox(mailbox(3)); // quiet: nothing after the first pull
    QHash<qint64, qint64> lastRun{{1, kStart}, {2, kStart}, {3, kStart}};
    const QHash<qint64, double> perHour{{1, 200.0}, {2, 2.0}, {3, 0.0}};
    QHash<qint64, double> pending{{1, 200}, {2, 200}, {3, 200}}; // backlog pulled by the first sync
    QHash<qint64, FinishReport> last;

    ScheduleSimulation simulation(planner, kStart);
    simulation.setRunModel([&](const StartDecision &decision, RunResult &result) {
        const qint64 id = decision.mailboxId;
        pending[id] += perHour.value(id) * double(result.startedMs - lastRun.value(id)) / double(kHour);
        lastRun[id] = result.startedMs;
        result.newItems = int(pending.value(id));
        pending[id] -= result.newItems;
        result.finishedMs = result.startedMs + 800;
    });
    simulation.onFinish([&](const StartDecision &decision, const RunResult &, const FinishReport &report) {
        last[decision.mailboxId] = report;
    });
    simulation.runUntil(kStart + 8 * kHour);

    QCOMPARE(last.value(1).interval.reason, IntervalReason::Busy);
    QCOMPARE(last.value(1).interval.ms, 2 * kMinute);
    QCOMPARE(last.value(2).interval.reason, IntervalReason::Normal);
    QCOMPARE(last.value(2).interval.ms, 5 * kMinute);
    QCOMPARE(last.value(3).interval.reason, IntervalReason::Quiet);
    // Twelve minutes minus the guard that keeps a quiet mailbox within the guarantee.
    QCOMPARE(last.value(3).interval.ms, 11 * kMinute + 30 * kSecond);
    // The first pull's backlog did not count as activity.
    QVERIFY(last.value(3).stats.itemsPerMinute == 0.0);
    // The busy one's rate was measured, not its items per sync (which fall as the interval shrinks).
    QVERIFY(last.value(1).stats.itemsPerMinute > 3.0 && last.value(1).stats.itemsPerMinute < 3.7);
}

void TestSchedulePlanner::quietMeansLongerThanNormal()
{
    // Just past the quiet threshold the ramp has barely started: with a small scale (the demo's, the
    // tests') it rounds to the normal interval, which must then not be called quiet (CI saw "quiet,
    // 500 ms" with a 500 ms normal interval).
    IntervalSettings intervals;
    intervals.scale = 1.0 / 600.0;
    const IntervalPolicy policy(intervals);
    const qint64 base = policy.scaledMs(intervals.baseSeconds);
    const qint64 quietAfter = policy.scaledMs(intervals.quietAfterSeconds);
    ActivityStats stats;
    stats.firstSyncMs = kStart;
    stats.lastSuccessMs = kStart;
    int quiet = 0;
    for (qint64 idle = quietAfter - 5; idle < quietAfter + 2 * policy.scaledMs(intervals.quietRampSeconds); ++idle) {
        const IntervalDecision decision = policy.healthy(stats, kStart + idle);
        if (decision.reason == IntervalReason::Quiet) {
            ++quiet;
            QVERIFY2(decision.ms > base, qPrintable(u"idle %1 ms: quiet with %2 ms"_s.arg(idle).arg(decision.ms)));
        } else {
            QCOMPARE(decision.ms, base);
        }
        QVERIFY(decision.ms <= policy.longestHealthyMs());
    }
    QVERIFY(quiet > 0);
}

void TestSchedulePlanner::profileBoundsOverrideGlobalOnes()
{
    SchedulePlanner planner(settings());
    planner.setProfile({1, 10, 300, 300, 600}); // this server may not be polled more often than every 5 minutes
    planner.upsertMailbox(mailbox(1));
    FinishReport last;
    ScheduleSimulation simulation(planner, kStart);
    simulation.setRunModel([](const StartDecision &, RunResult &result) { result.newItems = 500; });
    simulation.onFinish([&](const StartDecision &, const RunResult &, const FinishReport &report) { last = report; });
    simulation.runUntil(kStart + 3 * kHour);
    QCOMPARE(last.interval.ms, 5 * kMinute);
}

void TestSchedulePlanner::backoffSequenceThenDisabledAfterTenFailures()
{
    SchedulePlanner planner(settings());
    planner.setProfile({1, 10, {}, {}, {}});
    planner.upsertMailbox(mailbox(1));
    QList<qint64> delays;
    QList<FinishReport> reports;
    ScheduleSimulation simulation(planner, kStart);
    simulation.setRunModel([](const StartDecision &decision, RunResult &result) {
        result = failed(decision, result, ErrorClass::Network);
        result.finishedMs = result.startedMs;
    });
    simulation.onFinish([&](const StartDecision &, const RunResult &result, const FinishReport &report) {
        delays.append(report.nextDueMs - result.finishedMs);
        reports.append(report);
    });
    simulation.runUntil(kStart + 24 * kHour);

    QCOMPARE(reports.size(), 10); // then no more runs: disabled
    const qint64 expected[] = {1, 2, 4, 8, 12, 12, 12, 12, 12};
    for (int i = 0; i < 9; ++i) {
        const double nominal = double(expected[i] * kMinute);
        QVERIFY2(delays.at(i) >= qint64(nominal * 0.8) &&
                     delays.at(i) <= qint64(std::min(nominal * 1.2, 12.0 * kMinute)),
                 qPrintable(u"failure %1: %2 ms"_s.arg(i + 1).arg(delays.at(i))));
        QCOMPARE(reports.at(i).interval.reason, IntervalReason::Backoff);
        QCOMPARE(reports.at(i).disabled, DisableReason::None);
        QCOMPARE(reports.at(i).consecutiveFailures, i + 1);
    }
    // Jitter: the delays are not exactly the nominal ones.
    QVERIFY(delays.at(0) != kMinute || delays.at(1) != 2 * kMinute || delays.at(2) != 4 * kMinute);
    QCOMPARE(reports.at(9).disabled, DisableReason::RepeatedFailures);
    QCOMPARE(planner.mailbox(1)->enabled, false);
}

void TestSchedulePlanner::throttledWaitsAtLeastTheServersDelay()
{
    SchedulePlanner planner(settings());
    planner.setProfile({1, 10, {}, {}, {}});
    planner.upsertMailbox(mailbox(1));
    QList<qint64> delays;
    ScheduleSimulation simulation(planner, kStart);
    simulation.setRunModel([](const StartDecision &decision, RunResult &result) {
        result = failed(decision, result, ErrorClass::Throttled, 25 * kMinute); // more than the maximum interval
    });
    simulation.onFinish([&](const StartDecision &, const RunResult &result, const FinishReport &report) {
        delays.append(report.nextDueMs - result.finishedMs);
    });
    simulation.runUntil(kStart + 2 * kHour);
    QVERIFY(!delays.isEmpty());
    for (qint64 delay : delays) {
        QVERIFY(delay >= 25 * kMinute);
    }
}

void TestSchedulePlanner::permanentFailuresDisableAtOnce_data()
{
    QTest::addColumn<ErrorClass>("errorClass");
    QTest::addColumn<bool>("disabled");
    QTest::newRow("Auth") << ErrorClass::Auth << true;
    QTest::newRow("Config") << ErrorClass::Config << true;
    QTest::newRow("Permission") << ErrorClass::Permission << true;
    QTest::newRow("Network") << ErrorClass::Network << false;
    QTest::newRow("Timeout") << ErrorClass::Timeout << false;
    QTest::newRow("Throttled") << ErrorClass::Throttled << false;
    QTest::newRow("ServerNo") << ErrorClass::ServerNo << false;
}

void TestSchedulePlanner::permanentFailuresDisableAtOnce()
{
    QFETCH(ErrorClass, errorClass);
    QFETCH(bool, disabled);
    SchedulePlanner planner(settings());
    planner.setProfile({1, 10, {}, {}, {}});
    planner.upsertMailbox(mailbox(1));
    const QList<StartDecision> starts = planner.takeStarts(kStart);
    QCOMPARE(starts.size(), 1);
    RunResult result;
    result.startedMs = kStart;
    result.finishedMs = kStart + 500;
    result = failed(starts.at(0), result, errorClass);
    const FinishReport report = planner.finish(1, result, kStart + 500);
    QCOMPARE(report.disabled, disabled ? DisableReason::PermanentFailure : DisableReason::None);
    QCOMPARE(planner.mailbox(1)->enabled, !disabled);
    QCOMPARE(planner.takeStarts(kStart + 24 * kHour).isEmpty(), disabled);
}

void TestSchedulePlanner::enablingResetsCounters()
{
    SchedulePlanner planner(settings());
    planner.setProfile({1, 10, {}, {}, {}});
    planner.upsertMailbox(mailbox(1));
    planner.takeStarts(kStart);
    RunResult result;
    result.startedMs = kStart;
    result.finishedMs = kStart;
    result = failed({}, result, ErrorClass::Auth);
    planner.finish(1, result, kStart);
    QCOMPARE(planner.requestImmediate(1, SyncTrigger::Manual), SchedulePlanner::Request::Disabled);
    planner.setEnabled(1, true, kStart + kHour);
    QCOMPARE(planner.mailbox(1)->consecutiveFailures, 0);
    QCOMPARE(planner.mailbox(1)->dueMs, kStart + kHour);
    QCOMPARE(planner.takeStarts(kStart + kHour).size(), 1);
}

void TestSchedulePlanner::immediateRequestOvertakesDueWork()
{
    SchedulePlanner planner(settings());
    planner.setProfile({1, 1, {}, {}, {}}); // one connection: strictly one at a time
    for (qint64 id = 1; id <= 5; ++id) {
        planner.upsertMailbox(mailbox(id, 1, kStart - id * kMinute)); // all overdue, 5 the most
    }
    planner.upsertMailbox(mailbox(9, 1, kStart + kHour)); // not due for an hour
    QCOMPARE(planner.requestImmediate(9, SyncTrigger::Manual), SchedulePlanner::Request::Queued);
    QList<qint64> order;
    ScheduleSimulation simulation(planner, kStart);
    simulation.onStart([&](const StartDecision &decision, qint64) { order.append(decision.mailboxId); });
    simulation.runUntil(kStart + 10 * kSecond);
    QCOMPARE(order.value(0), qint64(9));
    // Then the due work, most overdue first.
    QCOMPARE(order.mid(1, 5), (QList<qint64>{5, 4, 3, 2, 1}));
}

void TestSchedulePlanner::requestsAreCoalescedAndFollowUpOnce()
{
    SchedulePlanner planner(settings());
    planner.setProfile({1, 10, {}, {}, {}});
    planner.upsertMailbox(mailbox(1, 1, kStart + kHour));
    QCOMPARE(planner.requestImmediate(1, SyncTrigger::Manual), SchedulePlanner::Request::Queued);
    QCOMPARE(planner.requestImmediate(1, SyncTrigger::Manual), SchedulePlanner::Request::Coalesced);
    QList<StartDecision> starts = planner.takeStarts(kStart);
    QCOMPARE(starts.size(), 1);
    QCOMPARE(starts.at(0).trigger, SyncTrigger::Manual);
    QVERIFY(planner.takeStarts(kStart).isEmpty()); // the coalesced request did not queue a second run
    // While it runs, three requests make one follow-up.
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(planner.requestImmediate(1, SyncTrigger::Manual), SchedulePlanner::Request::FollowUp);
    }
    RunResult result;
    result.startedMs = kStart;
    result.finishedMs = kStart + kSecond;
    result.success = true;
    const FinishReport report = planner.finish(1, result, kStart + kSecond);
    QVERIFY(report.followUpQueued);
    starts = planner.takeStarts(kStart + kSecond);
    QCOMPARE(starts.size(), 1);
    result.startedMs = result.finishedMs = kStart + kSecond;
    QVERIFY(!planner.finish(1, result, kStart + 2 * kSecond).followUpQueued);
    QVERIFY(planner.takeStarts(kStart + 2 * kSecond).isEmpty());
}

void TestSchedulePlanner::failedImmediateRequestKeepsTheRegularSchedule()
{
    SchedulePlanner planner(settings());
    planner.setProfile({1, 10, {}, {}, {}});
    const qint64 regularDue = kStart + 4 * kMinute;
    planner.upsertMailbox(mailbox(1, 1, regularDue));
    planner.requestImmediate(1, SyncTrigger::Manual);
    QCOMPARE(planner.takeStarts(kStart).size(), 1);
    RunResult result;
    result.startedMs = kStart;
    result.finishedMs = kStart + 2 * kSecond;
    result = failed({}, result, ErrorClass::Network);
    const FinishReport report = planner.finish(1, result, kStart + 2 * kSecond);
    QCOMPARE(report.nextDueMs, regularDue); // not pushed into backoff: the regular sync retries it
    QCOMPARE(planner.takeStarts(regularDue).size(), 1);
}

void TestSchedulePlanner::requestNotClaimedStaysARequest()
{
    // A request whose claim fails (another engine runs the mailbox, the profile's connections are all in
    // use elsewhere, the store failed) is retried as the request it is: a scheduled retry would find the
    // mailbox not due in the store (the other engine just synced it) and the request would be dropped.
    SchedulePlanner planner(settings());
    planner.setProfile({1, 10, {}, {}, {}});
    const qint64 regularDue = kStart + 4 * kMinute;
    planner.upsertMailbox(mailbox(1, 1, regularDue));
    for (OverdueCause cause : {OverdueCause::ClaimedElsewhere, OverdueCause::ConnectionCap, OverdueCause::None}) {
        QCOMPARE(planner.requestImmediate(1, SyncTrigger::Manual), SchedulePlanner::Request::Queued);
        QList<StartDecision> starts = planner.takeStarts(kStart);
        QCOMPARE(starts.size(), 1);
        planner.releaseStart(1, kStart + kSecond, cause);
        QVERIFY(planner.takeStarts(kStart + kSecond / 2).isEmpty()); // not before the retry
        starts = planner.takeStarts(kStart + kSecond);
        QCOMPARE(starts.size(), 1);
        QCOMPARE(starts.at(0).trigger, SyncTrigger::Manual);
        RunResult result;
        result.startedMs = kStart + kSecond;
        result.finishedMs = kStart + 2 * kSecond;
        result.success = true;
        planner.finish(1, result, kStart + 2 * kSecond);
    }
    // Once it ran, the schedule is scheduled again.
    const auto next = planner.mailbox(1);
    QVERIFY(next);
    const QList<StartDecision> later = planner.takeStarts(next->dueMs);
    QCOMPARE(later.size(), 1);
    QCOMPARE(later.at(0).trigger, SyncTrigger::Scheduled);
}

void TestSchedulePlanner::mailboxesAwayWaitForTheirHomeButRequestsDoNot()
{
    // With several engines each schedules its own share ("home"); the others' mailboxes are away here: not
    // started, not counted as queued or overdue. A request for one still starts here (whichever engine has
    // room), is retried as a request if another engine holds it, and its run does not bring it back.
    SchedulePlanner planner(settings());
    planner.setProfile({1, 10, {}, {}, {}});
    for (qint64 id = 1; id <= 4; ++id) {
        planner.upsertMailbox(mailbox(id, 1, kStart));
    }
    planner.setAway(2, true);
    planner.setAway(4, true);
    planner.upsertMailbox(mailbox(4, 1, kStart)); // what the store says keeps it away
    QList<qint64> started;
    for (const StartDecision &decision : planner.takeStarts(kStart)) {
        started.append(decision.mailboxId);
    }
    std::sort(started.begin(), started.end());
    QCOMPARE(started, (QList<qint64>{1, 3}));
    for (qint64 id : {1, 3}) {
        planner.releaseStart(id, kStart + 10 * kMinute, OverdueCause::None);
    }
    const SchedulerSnapshot later = planner.snapshot(kStart + 5 * kMinute);
    QCOMPARE(later.queued, 0);
    QCOMPARE(later.overdue, 0);
    QCOMPARE(planner.nextWakeupMs(), kStart + 10 * kMinute);

    QCOMPARE(planner.requestImmediate(2, SyncTrigger::Manual), SchedulePlanner::Request::Queued);
    QList<StartDecision> starts = planner.takeStarts(kStart + kSecond);
    QCOMPARE(starts.size(), 1);
    QCOMPARE(starts.at(0).mailboxId, qint64(2));
    planner.releaseStart(2, kStart + 2 * kSecond, OverdueCause::ClaimedElsewhere);
    starts = planner.takeStarts(kStart + 2 * kSecond);
    QCOMPARE(starts.size(), 1);
    QCOMPARE(starts.at(0).trigger, SyncTrigger::Manual);
    RunResult result;
    result.startedMs = kStart + 2 * kSecond;
    result.finishedMs = kStart + 3 * kSecond;
    result.success = true;
    const FinishReport report = planner.finish(2, result, kStart + 3 * kSecond);
    QVERIFY(report.nextDueMs > kStart + 3 * kSecond);
    const auto idsOf = [](const QList<StartDecision> &decisions) {
        QList<qint64> ids;
        for (const StartDecision &decision : decisions) {
            ids.append(decision.mailboxId);
        }
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    const qint64 allDue = std::max(report.nextDueMs, kStart + 10 * kMinute) + kMinute;
    QCOMPARE(idsOf(planner.takeStarts(allDue)), (QList<qint64>{1, 3})); // 2 went back to its home
    // Home again (its home engine left): scheduled from what the store says.
    planner.setAway(4, false);
    QCOMPARE(idsOf(planner.takeStarts(allDue)), QList<qint64>{4});
}

void TestSchedulePlanner::capsAreNeverExceededAndNoMailboxRunsTwice()
{
    SchedulePlanner planner(settings(8));
    const QHash<qint64, int> caps{{1, 2}, {2, 3}, {3, 5}};
    for (auto it = caps.cbegin(); it != caps.cend(); ++it) {
        planner.setProfile({it.key(), it.value(), {}, {}, {}});
    }
    QRandomGenerator random(7);
    for (qint64 id = 1; id <= 200; ++id) {
        planner.upsertMailbox(mailbox(id, 1 + id % 3, kStart + random.bounded(10 * kMinute)));
    }
    QHash<qint64, int> runningPerProfile;
    QSet<qint64> running;
    int highest = 0;
    int violations = 0;
    ScheduleSimulation simulation(planner, kStart);
    simulation.setRunModel([&](const StartDecision &, RunResult &result) {
        result.finishedMs = result.startedMs + 200 + random.bounded(20 * kSecond);
        result.success = random.bounded(10) != 0;
        result.errorClass = result.success ? ErrorClass::None : ErrorClass::Timeout;
        result.newItems = random.bounded(4);
    });
    simulation.onStart([&](const StartDecision &decision, qint64) {
        if (running.contains(decision.mailboxId)) {
            ++violations;
        }
        running.insert(decision.mailboxId);
        const int now = ++runningPerProfile[decision.profileId];
        if (now > caps.value(decision.profileId) || int(running.size()) > 8) {
            ++violations;
        }
        highest = std::max(highest, int(running.size()));
    });
    simulation.onFinish([&](const StartDecision &decision, const RunResult &, const FinishReport &) {
        running.remove(decision.mailboxId);
        --runningPerProfile[decision.profileId];
    });
    // Requests arrive at random, some for mailboxes that are running.
    for (int i = 0; i < 500; ++i) {
        const qint64 id = 1 + random.bounded(200);
        simulation.at(kStart + random.bounded(24 * kHour),
                      [&planner, id] { planner.requestImmediate(id, SyncTrigger::Manual); });
    }
    simulation.runUntil(kStart + 24 * kHour);
    QCOMPARE(violations, 0);
    QCOMPARE(highest, 8);
    QVERIFY(simulation.runsStarted() > 10000);
}

void TestSchedulePlanner::noHealthyMailboxWaitsMoreThanTwelveMinutes()
{
    SchedulePlanner planner(settings(100));
    for (qint64 profile = 1; profile <= 3; ++profile) {
        planner.setProfile({profile, 20, {}, {}, {}});
    }
    QRandomGenerator random(11);
    QHash<qint64, int> kind; // 0 busy, 1 normal, 2 quiet
    for (qint64 id = 1; id <= 600; ++id) {
        kind[id] = id % 10 == 0 ? 0 : (id % 10 < 7 ? 1 : 2);
        planner.upsertMailbox(mailbox(id, 1 + id % 3, kStart + random.bounded(5 * kMinute)));
    }
    QHash<qint64, qint64> lastStart;
    qint64 longestGap = 0;
    ScheduleSimulation simulation(planner, kStart);
    simulation.setRunModel([&](const StartDecision &decision, RunResult &result) {
        result.finishedMs = result.startedMs + 200 + random.bounded(2800);
        const int type = kind.value(decision.mailboxId);
        result.newItems = type == 0 ? 10 + random.bounded(20) : (type == 1 ? (random.bounded(4) == 0 ? 1 : 0) : 0);
    });
    simulation.onStart([&](const StartDecision &decision, qint64 now) {
        if (lastStart.contains(decision.mailboxId)) {
            longestGap = std::max(longestGap, now - lastStart.value(decision.mailboxId));
        }
        lastStart[decision.mailboxId] = now;
    });
    simulation.runUntil(kStart + 24 * kHour);
    QVERIFY2(longestGap <= 12 * kMinute, qPrintable(u"longest gap %1 ms"_s.arg(longestGap)));
    QVERIFY(longestGap > 11 * kMinute); // quiet mailboxes do get close to it
}

void TestSchedulePlanner::mostOverdueFirstWhenDemandExceedsCapacity()
{
    SchedulePlanner planner(settings(100));
    planner.setProfile({1, 2, {}, {}, {}}); // far too few connections for 400 mailboxes of 10 s syncs
    for (qint64 id = 1; id <= 400; ++id) {
        planner.upsertMailbox(mailbox(id, 1, kStart + (id % 50) * kSecond));
    }
    QHash<qint64, qint64> lags;
    ScheduleSimulation simulation(planner, kStart);
    simulation.setRunModel(
        [](const StartDecision &, RunResult &result) { result.finishedMs = result.startedMs + 10 * kSecond; });
    simulation.onStart([&](const StartDecision &decision, qint64 now) {
        lags[decision.mailboxId] = std::max(lags.value(decision.mailboxId), now - decision.dueMs);
    });
    simulation.runUntil(kStart + 6 * kHour);
    // Fair: the worst lag of any mailbox is close to the worst lag of all.
    qint64 smallest = std::numeric_limits<qint64>::max();
    qint64 largest = 0;
    for (qint64 lag : std::as_const(lags)) {
        smallest = std::min(smallest, lag);
        largest = std::max(largest, lag);
    }
    QVERIFY2(largest > 0 && double(smallest) / double(largest) > 0.8,
             qPrintable(u"worst lags from %1 to %2 ms"_s.arg(smallest).arg(largest)));
    // And the planner can say how many connections the profile would need.
    const SchedulerSnapshot snapshot = planner.snapshot(simulation.now());
    QCOMPARE(snapshot.profiles.size(), 1);
    QVERIFY2(snapshot.profiles.at(0).neededForGuarantee > 2,
             qPrintable(QString::number(snapshot.profiles.at(0).neededForGuarantee)));
    QVERIFY(snapshot.overdue > 0);
}

void TestSchedulePlanner::urgencyOrdersDueMailboxes()
{
    PlannerSettings strict = settings(1);
    strict.healthyJitter = 0;
    SchedulePlanner planner(strict);
    planner.setProfile({1, 10, {}, {}, {}});
    const qint64 t = kStart + kHour;
    auto add = [&](qint64 id, qint64 dueAgo, qint64 lastStartAgo) {
        PlannerMailbox entry = mailbox(id, 1, t - dueAgo);
        entry.lastStartMs = t - lastStartAgo;
        planner.upsertMailbox(entry);
    };
    add(1, 300 * kSecond, 600 * kSecond); // overdue 5 min, 7 min from its guarantee
    add(2, 30 * kSecond, 740 * kSecond);  // overdue 30 s, but 12 min since its last start: urgent
    add(3, 50 * kSecond, 350 * kSecond);  // overdue 50 s, plenty of time
    add(4, 20 * kSecond, 300 * kSecond);  // overdue 20 s, plenty of time
    QList<qint64> order;
    for (int i = 0; i < 4; ++i) {
        const QList<StartDecision> starts = planner.takeStarts(t + i);
        QCOMPARE(starts.size(), 1); // capacity 1: one at a time
        order.append(starts.at(0).mailboxId);
        RunResult result;
        result.startedMs = result.finishedMs = t + i;
        result.success = true;
        planner.finish(starts.at(0).mailboxId, result, t + i);
    }
    // The most overdue first, except the one about to break the guarantee, which overtakes 3 and 4.
    QCOMPARE(order, (QList<qint64>{1, 2, 3, 4}));
}

void TestSchedulePlanner::outageFoundByAnotherEngineIsAdopted()
{
    // Another engine found profile 1's server down (its incident opened in the store): this planner starts
    // one probe at a time there, none of its own failures needed; profile 2 is not affected. When the
    // incident closes, the mailboxes held back start at once.
    SchedulePlanner planner(settings(100));
    planner.setProfile({1, 10, {}, {}, {}});
    planner.setProfile({2, 10, {}, {}, {}});
    for (qint64 id = 1; id <= 20; ++id) {
        planner.upsertMailbox(mailbox(id, 1 + id % 2, kStart));
    }
    QCOMPARE(planner.connectionLimit(1), 10);
    QVERIFY(planner.adoptOutage(1, true, kStart));
    QVERIFY(!planner.adoptOutage(1, true, kStart));  // already known
    QVERIFY(!planner.adoptOutage(42, true, kStart)); // a profile this engine does not serve
    QCOMPARE(planner.connectionLimit(1), 1);
    QCOMPARE(planner.connectionLimit(2), 10);
    QList<StartDecision> starts = planner.takeStarts(kStart);
    QHash<qint64, int> perProfile;
    for (const StartDecision &start : starts) {
        perProfile[start.profileId] += 1;
    }
    QCOMPARE(perProfile.value(1), 1);
    QCOMPARE(perProfile.value(2), 10);
    QVERIFY(planner.snapshot(kStart).profiles.at(0).outage);
    QVERIFY(planner.adoptOutage(1, false, kStart + kSecond));
    QCOMPARE(planner.connectionLimit(1), 10);
    starts = planner.takeStarts(kStart + kSecond);
    perProfile.clear();
    for (const StartDecision &start : starts) {
        perProfile[start.profileId] += 1;
    }
    QCOMPARE(perProfile.value(1), 9); // the other nine of profile 1, at once
    QCOMPARE(perProfile.value(2), 0);
}

void TestSchedulePlanner::serverOutageSendsOneProbeAndReleasesEveryoneOnRecovery()
{
    SchedulePlanner planner(settings(100));
    planner.setProfile({1, 10, {}, {}, {}});
    planner.setProfile({2, 10, {}, {}, {}});
    for (qint64 id = 1; id <= 60; ++id) {
        planner.upsertMailbox(mailbox(id, 1 + id % 2, kStart + (id % 30) * kSecond));
    }
    const qint64 outageStart = kStart + kHour;
    const qint64 outageEnd = outageStart + 3 * kHour; // long enough to disable everyone without protection
    int runningOnProfile1 = 0;
    int peakDuringOutage = 0;
    int disabled = 0;
    int outagesStarted = 0;
    int outagesEnded = 0;
    qint64 recoveredAll = 0;
    QSet<qint64> synced;
    ScheduleSimulation simulation(planner, kStart);
    simulation.setRunModel([&](const StartDecision &decision, RunResult &result) {
        const bool down = decision.profileId == 1 && result.startedMs >= outageStart && result.startedMs < outageEnd;
        result.success = !down;
        result.errorClass = down ? ErrorClass::Timeout : ErrorClass::None;
        result.finishedMs = result.startedMs + (down ? 30 * kSecond : 2 * kSecond);
    });
    simulation.onStart([&](const StartDecision &decision, qint64 now) {
        if (decision.profileId == 1) {
            ++runningOnProfile1;
            if (now > outageStart + 10 * kMinute && now < outageEnd) {
                peakDuringOutage = std::max(peakDuringOutage, runningOnProfile1);
            }
        }
    });
    simulation.onFinish([&](const StartDecision &decision, const RunResult &result, const FinishReport &report) {
        if (decision.profileId == 1) {
            --runningOnProfile1;
        }
        disabled += report.disabled != DisableReason::None ? 1 : 0;
        outagesStarted += report.outageStarted ? 1 : 0;
        outagesEnded += report.outageEnded ? 1 : 0;
        if (decision.profileId == 1 && result.success && result.startedMs >= outageEnd) {
            synced.insert(decision.mailboxId);
            if (synced.size() == 30 && recoveredAll == 0) {
                recoveredAll = result.finishedMs;
            }
        }
    });
    simulation.at(outageStart + 30 * kMinute, [&] {
        const SchedulerSnapshot snapshot = planner.snapshot(simulation.now());
        QVERIFY(snapshot.profiles.at(0).outage);
        QVERIFY(!snapshot.profiles.at(1).outage);
        QVERIFY(snapshot.overdue > 20);
        for (auto it = snapshot.overdueMailboxes.cbegin(); it != snapshot.overdueMailboxes.cend(); ++it) {
            QCOMPARE(it.value(), OverdueCause::ServerFailing);
        }
    });
    simulation.runUntil(outageEnd + kHour);
    QCOMPARE(outagesStarted, 1);
    QCOMPARE(outagesEnded, 1);
    QCOMPARE(peakDuringOutage, 1); // one probe at a time while the server is down
    QCOMPARE(disabled, 0);         // the server's outage disabled nobody
    QVERIFY(recoveredAll > 0);
    // Every held mailbox synced soon after the server came back (within two backoff steps of the probe).
    QVERIFY2(recoveredAll - outageEnd < 15 * kMinute, qPrintable(QString::number((recoveredAll - outageEnd) / 1000)));
}

void TestSchedulePlanner::overdueMailboxesSayWhy()
{
    SchedulePlanner planner(settings(3));
    planner.setProfile({1, 1, {}, {}, {}});
    planner.setProfile({2, 10, {}, {}, {}});
    planner.setProfile({3, 10, {}, {}, {}});
    planner.upsertMailbox(mailbox(10, 1, kStart)); // will run and hold profile 1's only connection
    planner.upsertMailbox(mailbox(11, 1, kStart)); // waits behind it
    planner.upsertMailbox(mailbox(20, 2, kStart));
    planner.upsertMailbox(mailbox(21, 2, kStart));
    planner.upsertMailbox(mailbox(22, 2, kStart)); // the engine's 3 slots are taken before it
    const QList<StartDecision> starts = planner.takeStarts(kStart);
    QCOMPARE(starts.size(), 3);
    const SchedulerSnapshot snapshot = planner.snapshot(kStart + 5 * kMinute);
    QCOMPARE(snapshot.running, 3);
    QCOMPARE(snapshot.overdue, 2);
    QCOMPARE(snapshot.overdueMailboxes.value(11), OverdueCause::ConnectionCap);
    qint64 waiting = 0;
    for (qint64 id : {20, 21, 22}) {
        if (std::none_of(starts.cbegin(), starts.cend(),
                         [id](const StartDecision &start) { return start.mailboxId == id; })) {
            waiting = id;
        }
    }
    QVERIFY(waiting != 0);
    QCOMPARE(snapshot.overdueMailboxes.value(waiting), OverdueCause::WorkersBusy);

    // A profile whose mailboxes mostly fail: its waiting mailboxes are late because the server fails.
    SchedulePlanner failing(settings(10));
    failing.setProfile({3, 10, {}, {}, {}});
    for (qint64 id = 30; id < 34; ++id) {
        PlannerMailbox entry = mailbox(id, 3, kStart);
        entry.consecutiveFailures = id == 33 ? 0 : 3;
        failing.upsertMailbox(entry);
    }
    const SchedulerSnapshot late = failing.snapshot(kStart + 5 * kMinute);
    QCOMPARE(late.overdueMailboxes.value(33), OverdueCause::ServerFailing);
    QCOMPARE(overdueCauseName(OverdueCause::ConnectionCap), u"connection-cap"_s);
    QCOMPARE(overdueCauseFromName(u"server-failing"_s), OverdueCause::ServerFailing);
}

void TestSchedulePlanner::unknownAndDisabledMailboxesAreNotStarted()
{
    SchedulePlanner planner(settings());
    planner.setProfile({1, 10, {}, {}, {}});
    PlannerMailbox off = mailbox(1);
    off.enabled = false;
    planner.upsertMailbox(off);
    QCOMPARE(planner.requestImmediate(1, SyncTrigger::Manual), SchedulePlanner::Request::Disabled);
    QCOMPARE(planner.requestImmediate(99, SyncTrigger::Manual), SchedulePlanner::Request::Unknown);
    QVERIFY(planner.takeStarts(kStart).isEmpty());
    QCOMPARE(planner.nextWakeupMs(), std::numeric_limits<qint64>::max());
    planner.upsertMailbox(mailbox(2, 1, kStart + kMinute));
    QCOMPARE(planner.nextWakeupMs(), kStart + kMinute);
    planner.removeMailbox(2);
    QCOMPARE(planner.size(), 1);
    QVERIFY(planner.takeStarts(kStart + kHour).isEmpty());
}

QTEST_GUILESS_MAIN(TestSchedulePlanner)
void TestSchedulePlanner::serverLoginDelayIsTheLeastInterval()
{
    // A POP3 server announcing LOGIN-DELAY 900 refuses logins more often than every 15 minutes: that
    // becomes the mailbox's interval (beyond the 12-minute guarantee, which the server makes impossible),
    // an immediate request waits for the first moment allowed, and a failure backs off at least as long.
    SchedulePlanner planner(settings());
    planner.setProfile({1, 10, {}, {}, {}});
    planner.upsertMailbox(mailbox(1));
    QCOMPARE(planner.takeStarts(kStart).size(), 1);
    RunResult result;
    result.startedMs = kStart;
    result.finishedMs = kStart + kSecond;
    result.success = true;
    result.serverMinIntervalMs = 15 * kMinute;
    FinishReport report = planner.finish(1, result, kStart + kSecond);
    QCOMPARE(report.interval.reason, IntervalReason::ServerMinimum);
    QCOMPARE(report.interval.ms, 15 * kMinute);
    QCOMPARE(report.nextDueMs, kStart + 15 * kMinute);

    // Tracking something five minutes later: not at once, but as soon as the server allows.
    QCOMPARE(planner.requestImmediate(1, SyncTrigger::Manual), SchedulePlanner::Request::Queued);
    QVERIFY(planner.takeStarts(kStart + 5 * kMinute).isEmpty());
    QVERIFY(planner.takeStarts(kStart + 15 * kMinute - kSecond).isEmpty());
    QCOMPARE(planner.takeStarts(kStart + 15 * kMinute).size(), 1);

    // A transient failure waits at least the server's minimum, not the first one-minute backoff.
    result.startedMs = kStart + 15 * kMinute;
    result.finishedMs = result.startedMs + kSecond;
    result = failed({}, result, ErrorClass::Network);
    result.serverMinIntervalMs = 0; // failed before CAPA: the minimum learnt before still holds
    report = planner.finish(1, result, result.finishedMs);
    QVERIFY2(report.nextDueMs - result.finishedMs >= 15 * kMinute - kSecond,
             qPrintable(QString::number(report.nextDueMs - result.finishedMs)));

    // Remembered across a restart through the stored interval and its reason.
    SchedulePlanner restarted(settings());
    restarted.setProfile({1, 10, {}, {}, {}});
    PlannerMailbox stored = mailbox(1, 1, kStart + kHour);
    stored.lastStartMs = kStart + kHour - 15 * kMinute;
    stored.intervalMs = 15 * kMinute;
    stored.reason = IntervalReason::ServerMinimum;
    restarted.upsertMailbox(stored);
    QCOMPARE(restarted.requestImmediate(1, SyncTrigger::Manual), SchedulePlanner::Request::Queued);
    QVERIFY(restarted.takeStarts(kStart + kHour - kMinute).isEmpty());
    QCOMPARE(restarted.takeStarts(kStart + kHour).size(), 1);

    // A later login without LOGIN-DELAY lifts it.
    result.startedMs = kStart + kHour;
    result.finishedMs = result.startedMs + kSecond;
    result.success = true;
    result.errorClass = ErrorClass::None;
    report = restarted.finish(1, result, result.finishedMs);
    QVERIFY(report.interval.reason != IntervalReason::ServerMinimum);
    QVERIFY(report.interval.ms < 15 * kMinute);
}

void TestSchedulePlanner::runStoppedAtItsTimeLimitIsDueAtOnce()
{
    // A first pull stopped at the run's time limit succeeded as far as it went and continues at once,
    // not after a normal interval.
    SchedulePlanner planner(settings());
    planner.setProfile({1, 10, {}, {}, {}});
    planner.upsertMailbox(mailbox(1));
    QCOMPARE(planner.takeStarts(kStart).size(), 1);
    RunResult result;
    result.startedMs = kStart;
    result.finishedMs = kStart + 10 * kMinute;
    result.success = true;
    result.newItems = 5000;
    result.incomplete = true;
    const FinishReport report = planner.finish(1, result, result.finishedMs);
    QCOMPARE(report.nextDueMs, result.finishedMs);
    QCOMPARE(report.consecutiveFailures, 0);
    QCOMPARE(planner.takeStarts(result.finishedMs).size(), 1);
}

#include "tst_scheduleplanner.moc"
