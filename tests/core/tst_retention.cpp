// Retention on a real SQLite store with a simulated clock: nothing younger than its window is pruned, what is
// older is (in batches), what is still needed stays (open alerts, incidents that still disable mailboxes,
// pending track requests, the latest run of each mailbox, nodes holding a lease), a dry run deletes nothing,
// the engine's runner yields to the event loop between batches, and under a steady load of 120 simulated days
// the row counts and the file stop growing.

#include "scheduler/clock.h"
#include "scheduler/maintenancerunner.h"
#include "store/crmstore.h"
#include "store/diagnosticsstore.h"
#include "store/retentionstore.h"
#include "store/store.h"
#include "teststore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace SyncDesk;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kStart(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
constexpr qint64 kDaySecs = 24 * 3600;

QDateTime daysAgo(const QDateTime &now, int days, int plusMinutes = 0)
{
    return now.addSecs(-qint64(days) * kDaySecs + plusMinutes * 60);
}

LogRecord logRecord(const QDateTime &at, LogLevel level, const QString &message)
{
    LogRecord record;
    record.at = at;
    record.level = level;
    record.category = u"sync"_s;
    record.message = message;
    return record;
}

SyncRun run(qint64 mailboxId, const QDateTime &at)
{
    SyncRun r;
    r.mailboxId = mailboxId;
    r.startedAt = at;
    r.finishedAt = at.addSecs(3);
    r.success = true;
    r.itemsSeen = 4;
    r.node = u"test:1"_s;
    return r;
}

NodeStatus node(const QString &id, const QDateTime &heartbeat)
{
    NodeStatus n;
    n.nodeId = id;
    n.host = u"test"_s;
    n.pid = 1;
    n.startedAt = heartbeat.addSecs(-3600);
    n.heartbeatAt = heartbeat;
    return n;
}

} // namespace

class TestRetention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void nothingYoungerThanItsWindowIsPruned();
    void storedSettingsChangeTheWindows();
    void prunesInSmallBatches();
    void runnerYieldsBetweenBatches();
    void steadyLoadStopsGrowing();

private:
    qint64 addMailbox(const QString &address);
    Result<qint64> closedAlert(const QString &causeKey, const QDateTime &raised, const QDateTime &closed);
    QStringList logMessages();
    QList<qint64> runIds(qint64 mailboxId);
    QStringList alertKeys();
    QStringList nodeIds();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    qint64 m_profileId = 0;
};

void TestRetention::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    SYNCDESK_NEW_STORE(storeConfig, m_dir->path(), u"retention.db"_s);
    auto opened = Store::open(storeConfig);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().toString()));
    m_store = std::move(opened).value();
    ServerProfile profile;
    profile.name = u"Test"_s;
    profile.incoming.host = u"imap.example.test"_s;
    profile.incoming.port = 993;
    auto profileId = m_store->upsertProfile(profile);
    QVERIFY(profileId.ok());
    m_profileId = *profileId;
}

void TestRetention::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

qint64 TestRetention::addMailbox(const QString &address)
{
    Mailbox mailbox;
    mailbox.address = address;
    mailbox.profileId = m_profileId;
    mailbox.username = address;
    mailbox.passwordSource = u"env:TEST_PW"_s;
    auto id = m_store->upsertMailbox(mailbox);
    return id ? *id : 0;
}

Result<qint64> TestRetention::closedAlert(const QString &causeKey, const QDateTime &raised, const QDateTime &closed)
{
    Alert alert;
    alert.causeKey = causeKey;
    alert.kind = u"first-failure"_s;
    alert.severity = u"warning"_s;
    alert.message = causeKey;
    alert.raisedAt = raised;
    auto id = m_store->raiseAlert(alert);
    if (!id) {
        return id.error();
    }
    if (closed.isValid()) {
        if (Status done = m_store->closeAlerts(causeKey, closed); !done) {
            return done.error();
        }
    }
    return *id;
}

QStringList TestRetention::logMessages()
{
    QStringList messages;
    auto records = m_store->logRecordsAfter(0, 100000);
    for (const LogRecord &record : records ? *records : QList<LogRecord>()) {
        messages.append(record.message);
    }
    messages.sort();
    return messages;
}

QList<qint64> TestRetention::runIds(qint64 mailboxId)
{
    QList<qint64> ids;
    auto runs = m_store->recentRuns(mailboxId, 100000);
    for (const SyncRun &r : runs ? *runs : QList<SyncRun>()) {
        ids.append(r.id);
    }
    return ids;
}

QStringList TestRetention::alertKeys()
{
    QStringList keys;
    auto alerts = m_store->alerts(true);
    for (const Alert &alert : alerts ? *alerts : QList<Alert>()) {
        keys.append(alert.causeKey);
    }
    keys.sort();
    return keys;
}

QStringList TestRetention::nodeIds()
{
    QStringList ids;
    auto nodes = m_store->nodes();
    for (const NodeStatus &n : nodes ? *nodes : QList<NodeStatus>()) {
        ids.append(n.nodeId);
    }
    return ids;
}

void TestRetention::nothingYoungerThanItsWindowIsPruned()
{
    const QDateTime now = kStart.addDays(400);
    const qint64 busy = addMailbox(u"busy@example.test"_s);
    const qint64 quiet = addMailbox(u"quiet@example.test"_s);
    const qint64 stuck = addMailbox(u"stuck@example.test"_s);
    const qint64 back = addMailbox(u"back@example.test"_s);
    QVERIFY(busy > 0 && quiet > 0 && stuck > 0 && back > 0);

    // The log: debug records keep 7 days, the others 30. A minute either side of each window.
    QVERIFY(m_store
                ->appendLog({logRecord(daysAgo(now, 7, +1), LogLevel::Debug, u"debug young"_s),
                             logRecord(daysAgo(now, 7, -1), LogLevel::Debug, u"debug old"_s),
                             logRecord(daysAgo(now, 7, -1), LogLevel::Info, u"info 7 days"_s),
                             logRecord(daysAgo(now, 30, +1), LogLevel::Info, u"info young"_s),
                             logRecord(daysAgo(now, 30, -1), LogLevel::Info, u"info old"_s),
                             logRecord(daysAgo(now, 30, -1), LogLevel::Warning, u"warning old"_s),
                             logRecord(daysAgo(now, 300), LogLevel::Error, u"error old"_s)})
                .ok());

    // Runs keep 30 days, and the latest run of each mailbox whatever its age.
    QVERIFY(m_store->recordRun(run(busy, daysAgo(now, 30, -1))).ok());
    QVERIFY(m_store->recordRun(run(busy, daysAgo(now, 30, +1))).ok());
    QVERIFY(m_store->recordRun(run(quiet, daysAgo(now, 200))).ok());
    QVERIFY(m_store->recordRun(run(quiet, daysAgo(now, 100))).ok());
    const QList<qint64> busyRuns = runIds(busy);
    const QList<qint64> quietRuns = runIds(quiet);
    QCOMPARE(busyRuns.size(), 2);
    QCOMPARE(quietRuns.size(), 2);

    // Alerts: closed ones keep 90 days after they closed; open ones stay.
    QVERIFY(closedAlert(u"closed-young"_s, daysAgo(now, 120), daysAgo(now, 90, +1)).ok());
    QVERIFY(closedAlert(u"closed-old"_s, daysAgo(now, 120), daysAgo(now, 90, -1)).ok());
    QVERIFY(closedAlert(u"open-ancient"_s, daysAgo(now, 390), {}).ok());
    // A profile incident closed long ago that still disables a mailbox stays (`alerts reenable` needs it);
    // one whose mailbox runs again goes, with its members.
    DiagnosticsStore diagnostics(*m_store);
    auto stillDisabling = closedAlert(u"profile-outage:1"_s, daysAgo(now, 200), {});
    auto resolved = closedAlert(u"profile-outage:2"_s, daysAgo(now, 200), {});
    QVERIFY(stillDisabling.ok() && resolved.ok());
    QVERIFY(diagnostics.addIncidentMember(*stillDisabling, stuck, u"Auth"_s, u"auth-failed"_s, daysAgo(now, 200)).ok());
    QVERIFY(diagnostics.markIncidentMemberDisabled(*stillDisabling, stuck, daysAgo(now, 200)).ok());
    QVERIFY(m_store->setMailboxEnabled(stuck, false, u"repeated-failures"_s, daysAgo(now, 200)).ok());
    QVERIFY(diagnostics.addIncidentMember(*resolved, back, u"Auth"_s, u"auth-failed"_s, daysAgo(now, 200)).ok());
    QVERIFY(diagnostics.markIncidentMemberDisabled(*resolved, back, daysAgo(now, 200)).ok());
    QVERIFY(m_store->closeAlerts(u"profile-outage:1"_s, daysAgo(now, 150)).ok());
    QVERIFY(m_store->closeAlerts(u"profile-outage:2"_s, daysAgo(now, 150)).ok());

    // Track requests: completed ones keep 30 days; pending ones stay.
    CrmStore crm(*m_store);
    auto addRequest = [&](const QString &messageId, const QDateTime &requested) {
        TrackRequest request;
        request.mailboxId = busy;
        request.messageId = messageId;
        request.requestedAt = requested;
        auto id = crm.addTrackRequest(request);
        return id ? *id : 0;
    };
    const qint64 doneYoung = addRequest(u"young@x"_s, daysAgo(now, 31));
    const qint64 doneOld = addRequest(u"old@x"_s, daysAgo(now, 31));
    const qint64 pending = addRequest(u"pending@x"_s, daysAgo(now, 390));
    QVERIFY(doneYoung > 0 && doneOld > 0 && pending > 0);
    QVERIFY(crm.completeTrackRequest(doneYoung, u"done"_s, {}, 0, daysAgo(now, 30, +1)).ok());
    QVERIFY(crm.completeTrackRequest(doneOld, u"failed"_s, u"no such message"_s, 0, daysAgo(now, 30, -1)).ok());

    // Nodes: 7 days after their last heartbeat, unless they still hold a lease.
    QVERIFY(m_store->publishNode(node(u"live:1"_s, now)).ok());
    QVERIFY(m_store->publishNode(node(u"quiet:2"_s, daysAgo(now, 7, +1))).ok());
    QVERIFY(m_store->publishNode(node(u"dead:3"_s, daysAgo(now, 7, -1))).ok());
    QVERIFY(m_store->publishNode(node(u"leaseholder:4"_s, daysAgo(now, 100))).ok());
    auto claimed = m_store->claimMailbox(busy, m_profileId, 10, u"leaseholder:4"_s, daysAgo(now, 100),
                                         daysAgo(now, 100).addSecs(300));
    QVERIFY(claimed.ok() && *claimed == Store::Claim::Claimed);

    RetentionStore retention(*m_store);
    const RetentionSettings settings;

    // A dry run counts what would go and deletes nothing.
    auto dry = retention.prune(settings, now, true);
    QVERIFY2(dry.ok(), dry.ok() ? "" : qPrintable(dry.error().toString()));
    QHash<RetentionKind, qint64> expected{{RetentionKind::DebugLog, 1},      {RetentionKind::Log, 3},
                                          {RetentionKind::Runs, 2},          {RetentionKind::ClosedAlerts, 2},
                                          {RetentionKind::TrackRequests, 1}, {RetentionKind::DeadNodes, 1}};
    QCOMPARE(dry->kinds.size(), 6);
    for (const RetentionCount &count : dry->kinds) {
        QCOMPARE(count.prunable, expected.value(count.kind));
        QCOMPARE(count.pruned, qint64(0));
    }
    QCOMPARE(dry->totalPruned(), qint64(0));
    QCOMPARE(logMessages().size(), 7);
    QCOMPARE(alertKeys().size(), 5);

    auto report = retention.prune(settings, now);
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().toString()));
    for (const RetentionCount &count : report->kinds) {
        QCOMPARE(count.pruned, expected.value(count.kind));
        QCOMPARE(count.cutoff, now.addDays(-RetentionStore::days(count.kind, settings)));
    }
    QCOMPARE(logMessages(), (QStringList{u"debug young"_s, u"info 7 days"_s, u"info young"_s}));
    QCOMPARE(runIds(busy), QList<qint64>{busyRuns.constFirst()});   // the younger one
    QCOMPARE(runIds(quiet), QList<qint64>{quietRuns.constFirst()}); // older than 30 days, but its latest
    QCOMPARE(alertKeys(), (QStringList{u"closed-young"_s, u"open-ancient"_s, u"profile-outage:1"_s}));
    auto members = diagnostics.incidentMembers(*stillDisabling);
    QVERIFY(members.ok());
    QCOMPARE(members->size(), 1);
    QVERIFY(members->constFirst().stillDisabled);
    auto requests = crm.trackRequests();
    QVERIFY(requests.ok());
    QList<qint64> requestIds;
    for (const TrackRequest &request : *requests) {
        requestIds.append(request.id);
    }
    QCOMPARE(requestIds, (QList<qint64>{pending, doneYoung}));
    QCOMPARE(nodeIds(), (QStringList{u"leaseholder:4"_s, u"live:1"_s, u"quiet:2"_s}));

    // Remaining counts are per kind; a second pass finds nothing more.
    QHash<RetentionKind, qint64> remaining{{RetentionKind::DebugLog, 1},      {RetentionKind::Log, 2},
                                           {RetentionKind::Runs, 2},          {RetentionKind::ClosedAlerts, 2},
                                           {RetentionKind::TrackRequests, 1}, {RetentionKind::DeadNodes, 3}};
    for (const RetentionCount &count : report->kinds) {
        QCOMPARE(count.remaining, remaining.value(count.kind));
    }
    auto again = retention.prune(settings, now);
    QVERIFY(again.ok());
    QCOMPARE(again->totalPruned(), qint64(0));

    // The lease released, the old node goes too.
    QVERIFY(m_store->releaseAllLeases(u"leaseholder:4"_s).ok());
    auto released = retention.prune(settings, now);
    QVERIFY(released.ok());
    QCOMPARE(released->totalPruned(), qint64(1));
    QCOMPARE(nodeIds(), (QStringList{u"live:1"_s, u"quiet:2"_s}));
}

void TestRetention::storedSettingsChangeTheWindows()
{
    const QDateTime now = kStart.addDays(100);
    QVERIFY(m_store
                ->appendLog({logRecord(daysAgo(now, 2), LogLevel::Debug, u"two days"_s),
                             logRecord(daysAgo(now, 10), LogLevel::Info, u"ten days"_s)})
                .ok());
    RetentionStore retention(*m_store);
    auto defaults = retention.settings();
    QVERIFY(defaults.ok());
    auto report = retention.prune(*defaults, now);
    QVERIFY(report.ok());
    QCOMPARE(report->totalPruned(), qint64(0));

    QVERIFY(m_store->setSetting(u"retention"_s, QJsonObject{{u"debug_log_days"_s, 1}, {u"log_days"_s, 9}}).ok());
    auto stored = retention.settings();
    QVERIFY(stored.ok());
    QCOMPARE(stored->debugLogDays, 1);
    QCOMPARE(stored->logDays, 9);
    QCOMPARE(stored->runsDays, 30);
    report = retention.prune(*stored, now);
    QVERIFY(report.ok());
    QCOMPARE(report->totalPruned(), qint64(2));
    QVERIFY(logMessages().isEmpty());
}

void TestRetention::prunesInSmallBatches()
{
    const QDateTime now = kStart.addDays(100);
    QList<LogRecord> records;
    for (int i = 0; i < 1234; ++i) {
        records.append(logRecord(daysAgo(now, 8).addSecs(i), LogLevel::Debug, u"old %1"_s.arg(i)));
    }
    records.append(logRecord(daysAgo(now, 1), LogLevel::Debug, u"young"_s));
    QVERIFY(m_store->appendLog(records).ok());

    RetentionStore retention(*m_store);
    const QDateTime cutoff = RetentionStore::cutoff(RetentionKind::DebugLog, RetentionSettings(), now);
    auto one = retention.pruneBatch(RetentionKind::DebugLog, cutoff, 100);
    QVERIFY(one.ok());
    QCOMPARE(*one, 100);
    auto left = retention.prunableCount(RetentionKind::DebugLog, cutoff);
    QVERIFY(left.ok());
    QCOMPARE(*left, qint64(1134));

    RetentionSettings settings;
    settings.batchRows = 500;
    auto report = retention.prune(settings, now);
    QVERIFY(report.ok());
    const RetentionCount &debug = report->kinds.constFirst();
    QCOMPARE(debug.kind, RetentionKind::DebugLog);
    QCOMPARE(debug.pruned, qint64(1134));
    QCOMPARE(debug.batches, 3); // 500 + 500 + 134
    QCOMPARE(debug.remaining, qint64(1));
    QCOMPARE(logMessages(), QStringList{u"young"_s});
}

void TestRetention::runnerYieldsBetweenBatches()
{
    const QDateTime now = kStart.addDays(100);
    QList<LogRecord> records;
    for (int i = 0; i < 1200; ++i) {
        records.append(logRecord(daysAgo(now, 40).addSecs(i), LogLevel::Info, u"old %1"_s.arg(i)));
    }
    QVERIFY(m_store->appendLog(records).ok());

    ManualClock clock(now);
    MaintenanceRunner::Timing timing;
    timing.firstDelayMs = 0;
    timing.pauseMs = 1;
    MaintenanceRunner runner(*m_store, clock, timing);
    QSignalSpy finished(&runner, &MaintenanceRunner::passFinished);
    QSignalSpy failed(&runner, &MaintenanceRunner::passFailed);

    // Something queued after the first batch runs before the second: the pass never holds the thread.
    bool turned = false;
    int batches = 0;
    bool turnedBeforeSecond = false;
    connect(&runner, &MaintenanceRunner::batchFinished, this, [&](RetentionKind kind, int) {
        if (kind != RetentionKind::Log) {
            return;
        }
        ++batches;
        if (batches == 1) {
            QTimer::singleShot(0, this, [&] { turned = true; });
        } else if (batches == 2) {
            turnedBeforeSecond = turned;
        }
    });
    runner.start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(batches, 3); // 500 + 500 + 200
    QVERIFY(turnedBeforeSecond);
    const auto report = finished.constFirst().constFirst().value<RetentionReport>();
    QCOMPARE(report.now, now);
    QCOMPARE(report.totalPruned(), qint64(1200));
    QCOMPARE(report.kinds.at(1).remaining, qint64(0));
    QVERIFY(!runner.isRunning());
}

void TestRetention::steadyLoadStopsGrowing()
{
    // 120 simulated days of a steady load, a retention pass at the end of each day (default windows).
    constexpr int kDays = 120;
    constexpr int kLogPerDay = 400; // 200 debug, 150 information, 40 warnings, 10 errors
    constexpr int kMailboxes = 3;   // 24 runs a day each
    constexpr int kAlertsPerDay = 4;
    constexpr int kRequestsPerDay = 10;
    QList<qint64> mailboxes;
    for (int i = 0; i < kMailboxes; ++i) {
        mailboxes.append(addMailbox(u"user%1@example.test"_s.arg(i)));
        QVERIFY(mailboxes.constLast() > 0);
    }
    CrmStore crm(*m_store);
    RetentionStore retention(*m_store);
    const RetentionSettings settings;
    const QString filler = u"x"_s.repeated(80);

    struct Day
    {
        QHash<RetentionKind, qint64> rows;
        qint64 bytes = 0;
        qint64 freeBytes = 0;
    };
    QList<Day> days;
    for (int day = 0; day < kDays; ++day) {
        const QDateTime dayStart = kStart.addDays(day);
        QList<LogRecord> records;
        for (int i = 0; i < kLogPerDay; ++i) {
            const LogLevel level = i < 200   ? LogLevel::Debug
                                   : i < 350 ? LogLevel::Info
                                   : i < 390 ? LogLevel::Warning
                                             : LogLevel::Error;
            records.append(logRecord(dayStart.addSecs(qint64(i) * kDaySecs / kLogPerDay), level,
                                     u"day %1 record %2 %3"_s.arg(day).arg(i).arg(filler)));
        }
        QVERIFY(m_store->appendLog(records).ok());
        for (int hour = 0; hour < 24; ++hour) {
            for (qint64 mailbox : std::as_const(mailboxes)) {
                QVERIFY(m_store->recordRun(run(mailbox, dayStart.addSecs(hour * 3600 + 60))).ok());
            }
        }
        for (int i = 0; i < kAlertsPerDay; ++i) {
            QVERIFY(closedAlert(u"cause:%1:%2"_s.arg(day).arg(i), dayStart.addSecs(3600 * (i + 1)),
                                dayStart.addSecs(3600 * (i + 2)))
                        .ok());
        }
        for (int i = 0; i < kRequestsPerDay; ++i) {
            TrackRequest request;
            request.mailboxId = mailboxes.at(i % kMailboxes);
            request.messageId = u"m%1.%2@example.test"_s.arg(day).arg(i);
            request.requestedAt = dayStart.addSecs(600 * (i + 1));
            auto id = crm.addTrackRequest(request);
            QVERIFY(id.ok());
            QVERIFY(crm.completeTrackRequest(*id, u"done"_s, {}, 0, request.requestedAt.addSecs(60)).ok());
        }
        // A node that restarts every day under a new id: yesterday's stops beating.
        QVERIFY(m_store->publishNode(node(u"node:%1"_s.arg(day), dayStart.addSecs(23 * 3600))).ok());

        auto report = retention.prune(settings, dayStart.addDays(1));
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().toString()));
        Day figures;
        for (const RetentionCount &count : report->kinds) {
            figures.rows.insert(count.kind, count.remaining);
        }
        figures.bytes = report->after.bytes;
        figures.freeBytes = report->after.freeBytes;
        days.append(figures);
    }

    // Once the longest window (90 days of closed alerts) is full, each kind holds exactly its window's worth.
    const QHash<RetentionKind, qint64> steady{{RetentionKind::DebugLog, 7 * 200},
                                              {RetentionKind::Log, 30 * 200},
                                              {RetentionKind::Runs, 30 * 24 * kMailboxes},
                                              {RetentionKind::ClosedAlerts, 90 * kAlertsPerDay},
                                              {RetentionKind::TrackRequests, 30 * kRequestsPerDay},
                                              {RetentionKind::DeadNodes, 7}};
    for (int day = 90; day < kDays; ++day) {
        for (auto it = steady.cbegin(); it != steady.cend(); ++it) {
            QCOMPARE(days.at(day).rows.value(it.key()), it.value());
        }
    }
    // Before the windows filled, the counts grew.
    QVERIFY(days.at(20).rows.value(RetentionKind::Log) < days.at(29).rows.value(RetentionKind::Log));
    QVERIFY(days.at(60).rows.value(RetentionKind::ClosedAlerts) < days.at(89).rows.value(RetentionKind::ClosedAlerts));

    // The file: freed pages are reused, so it stops growing too. Without pruning it would have grown by about
    // the first 30 days' size again every 30 days.
    const qint64 at30 = days.at(29).bytes;
    const qint64 at60 = days.at(59).bytes;
    const qint64 at90 = days.at(89).bytes;
    const qint64 at120 = days.at(kDays - 1).bytes;
    qInfo("steady load: database bytes after day 10: %lld, 30: %lld, 60: %lld, 90: %lld, 120: %lld "
          "(free pages at day 120: %lld bytes)",
          days.at(9).bytes, at30, at60, at90, at120, days.at(kDays - 1).freeBytes);
    qInfo("steady load: rows at day 120: debug log %lld, log %lld, runs %lld, closed alerts %lld, "
          "track requests %lld, nodes %lld",
          days.last().rows.value(RetentionKind::DebugLog), days.last().rows.value(RetentionKind::Log),
          days.last().rows.value(RetentionKind::Runs), days.last().rows.value(RetentionKind::ClosedAlerts),
          days.last().rows.value(RetentionKind::TrackRequests), days.last().rows.value(RetentionKind::DeadNodes));
    QVERIFY(at30 > days.at(9).bytes); // it did grow while the windows filled
    // From day 60 to day 120 (twice the log's and the runs' window) it grows by less than 5 %; without
    // retention the log and the runs alone would have doubled it.
    QVERIFY2(at120 <= at60 + at60 / 20, qPrintable(u"%1 -> %2 bytes"_s.arg(at60).arg(at120)));
    QVERIFY2(at120 <= at90 + at90 / 50, qPrintable(u"%1 -> %2 bytes"_s.arg(at90).arg(at120)));
}

QTEST_GUILESS_MAIN(TestRetention)
#include "tst_retention.moc"
