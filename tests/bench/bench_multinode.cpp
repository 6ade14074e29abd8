// Several engines on one store (issue 13, item 10): 100,000 mailboxes on the real store (SQLite, and a
// private PostgreSQL 15) shared by 1, 2 and 4 engine processes, each running the real MailboxScheduler —
// planner, claims with lease epochs, heartbeats, persisting every outcome — with simulated syncs (a timer of
// 1 to 3 s instead of a mail server) in real time. Due times are spread as in a steady state (10% busy
// mailboxes every 2 minutes, 60% every 5, 30% quiet every 12), so the window carries the load a day has in
// every minute of it. With several engines one is killed with SIGKILL two thirds in.
//
// It prints, per backend and engine count: completed syncs, the store's time per claim and per completed
// sync (measured inside the engines: every statement they ran, heartbeats and publishing included, divided
// by the syncs they completed), statements per second, the longest gap between two syncs of a mailbox (the
// seeded last sync counts), how late due mailboxes started, the work share per engine, double syncs
// (overlapping runs, or two starts of one mailbox within 60 s), and the takeover time of the killed engine's
// mailboxes. As a comparison in the same run, the same numbers for one engine are the baseline the others
// are read against. Last line: RESULT {json}.
//
//   bench_multinode [--mailboxes 100000] [--seconds 90] [--engines 1,2,4] [--backends sqlite,postgresql]

#include "postgresserver.h"
#include "scheduler/clock.h"
#include "scheduler/engineshares.h"
#include "scheduler/mailboxscheduler.h"
#include "scheduler/schedulersettings.h"
#include "scheduler/workerpool.h"
#include "store/store.h"
#include "teststore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPair>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr int kProfiles = 10;
constexpr int kHeartbeatSeconds = 5;

std::atomic<bool> s_stop{false};

void onTerm(int)
{
    s_stop = true;
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// CPU seconds of a process and its children, reaped (cutime, cstime) and live: the PostgreSQL server.
double processTreeCpuSeconds(qint64 pid)
{
    if (pid <= 0) {
        return 0;
    }
    const double tick = double(::sysconf(_SC_CLK_TCK));
    auto fields = [](const QString &path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return QStringList();
        }
        const QString text = QString::fromLatin1(file.readAll());
        return text.mid(text.lastIndexOf(u')') + 2).split(u' '); // from field 3 (state) on
    };
    double seconds = 0;
    const QStringList own = fields(u"/proc/%1/stat"_s.arg(pid));
    if (own.size() > 14) { // utime, stime, cutime, cstime are fields 14 to 17 (11 to 14 here)
        seconds +=
            (own.at(11).toDouble() + own.at(12).toDouble() + own.at(13).toDouble() + own.at(14).toDouble()) / tick;
    }
    for (const QString &entry : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
        const QStringList child = fields(u"/proc/"_s + entry + u"/stat"_s);
        if (child.size() > 12 && child.at(1).toLongLong() == pid) {
            seconds += (child.at(11).toDouble() + child.at(12).toDouble()) / tick;
        }
    }
    return seconds;
}

// The machine's busy and total CPU time so far (/proc/stat), in clock ticks.
QPair<double, double> machineCpuTicks()
{
    QFile file(u"/proc/stat"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        return {0, 0};
    }
    const QStringList values = QString::fromLatin1(file.readLine()).simplified().split(u' ');
    double total = 0;
    double idle = 0;
    for (qsizetype i = 1; i < values.size(); ++i) {
        total += values.at(i).toDouble();
        if (i == 4 || i == 5) { // idle, iowait
            idle += values.at(i).toDouble();
        }
    }
    return {total - idle, total};
}

// ---- an engine process ------------------------------------------------------------------------------

int engineMain(const QString &location, int slots)
{
    std::signal(SIGTERM, onTerm);
    auto config = StoreConfig::fromLocation(location);
    if (!config) {
        return 2;
    }
    auto store = Store::open(*config);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().toString()));
        return 3;
    }
    SystemClock clock;
    QRandomGenerator random(quint32(::getpid()));
    int completed = 0;
    // A sync takes 1 to 3 s; a busy mailbox (its address says so) brings new mail every time.
    WorkerPool pool(slots, [&](const SyncJob &job, SyncOutcome &outcome) -> qint64 {
        const qint64 duration = 1000 + random.bounded(2000);
        outcome.startedAt = clock.now();
        outcome.finishedAt = outcome.startedAt.addMSecs(duration);
        outcome.itemsNew = job.mailbox.address.startsWith(u"busy"_s) ? 5 : 0;
        outcome.itemsSeen = outcome.itemsNew;
        return duration;
    });
    SchedulerSettings settings;
    settings.heartbeatSeconds = kHeartbeatSeconds;
    settings.auditIntervalSeconds = 0;
    settings.leaseSeconds = 300;
    const QString nodeId = u"%1:%2:%3"_s.arg(QSysInfo::machineHostName())
                               .arg(::getpid())
                               .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    MailboxScheduler scheduler(**store, pool, clock, settings, nodeId);
    QObject::connect(&scheduler, &MailboxScheduler::syncFinished, [&](const SyncOutcome &outcome) {
        if (outcome.succeeded()) {
            ++completed;
        }
    });
    scheduler.start();
    // The figures count from here: loading 100,000 mailboxes at start is a one-off.
    const Store::Statistics base = Store::statistics();
    const int baseCompleted = completed;
    const double baseCpu = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, [&] {
        if (s_stop) {
            watch.stop();
            scheduler.stop();
        }
    });
    watch.start(50);
    QObject::connect(&scheduler, &MailboxScheduler::stopped, [&] {
        const Store::Statistics now = Store::statistics();
        const QJsonObject stats{{u"node"_s, nodeId},
                                {u"completed"_s, completed - baseCompleted},
                                {u"statements"_s, now.statements - base.statements},
                                {u"statement_ns"_s, now.nanoseconds - base.nanoseconds},
                                {u"claims"_s, now.claims - base.claims},
                                {u"claim_ns"_s, now.claimNanoseconds - base.claimNanoseconds},
                                {u"claim_batches"_s, now.claimBatches - base.claimBatches},
                                {u"cpu_s"_s, cpuSeconds() - baseCpu},
                                {u"wall_s"_s, wall.elapsed() / 1000.0}};
        std::printf("STATS %s\n", QJsonDocument(stats).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
        QCoreApplication::quit();
    });
    return QCoreApplication::exec();
}

// ---- the driver --------------------------------------------------------------------------------------

struct Seeded
{
    qint64 intervalMs = 0;
    qint64 lastMs = 0;
    qint64 dueMs = 0;
};

QString sqlList(const QStringList &rows)
{
    return rows.join(u", "_s);
}

// 100,000 mailboxes on 10 profiles (cap 400 connections each), due times spread over each one's interval.
bool seed(const StoreConfig &config, int mailboxes, qint64 t0, QHash<qint64, Seeded> &seeded, QString *error)
{
    {
        auto store = Store::open(config);
        if (!store) {
            *error = store.error().toString();
            return false;
        }
    }
    const QString name = u"bench-seed"_s;
    bool ok = true;
    {
        QSqlDatabase db = TestStore::rawConnection(config, name);
        QSqlQuery query(db);
        auto run = [&](const QString &sql) {
            if (ok && !query.exec(sql)) {
                *error = query.lastError().text() + u": "_s + sql.left(200);
                ok = false;
            }
        };
        run(u"BEGIN"_s);
        for (int p = 1; p <= kProfiles; ++p) {
            run(u"INSERT INTO server_profiles (id, name, incoming_protocol, incoming_host, incoming_port, "
                "incoming_security, max_concurrent_connections, created_at, updated_at) VALUES (%1, 'profile%1', "
                "'imap', 'imap%1.example.test', 993, 'tls', 400, %2, %2)"_s.arg(p)
                    .arg(t0));
        }
        QRandomGenerator random(20261205);
        QStringList boxes;
        QStringList states;
        auto flush = [&] {
            if (!boxes.isEmpty()) {
                run(u"INSERT INTO mailboxes (id, address, profile_id, username, password_source, created_at, "
                    "updated_at) VALUES "_s +
                    sqlList(boxes));
                run(u"INSERT INTO mailbox_state (mailbox_id, interval_seconds, interval_ms, interval_reason, "
                    "last_sync_at, last_success_at, next_due_at, first_sync_at, last_new_item_at, avg_new_items) "
                    "VALUES "_s +
                    sqlList(states));
            }
            boxes.clear();
            states.clear();
        };
        for (int i = 1; i <= mailboxes && ok; ++i) {
            const int kind = i % 10; // 0: busy, 1-6: normal, 7-9: quiet
            const qint64 interval = kind == 0 ? 2 * kMinute : kind <= 6 ? 5 * kMinute : 12 * kMinute;
            const QString reason = kind == 0 ? u"busy"_s : kind <= 6 ? u"normal"_s : u"quiet"_s;
            const qint64 due = t0 + qint64(random.bounded(int(interval)));
            const qint64 last = due - interval;
            const qint64 lastNew = kind == 0 ? last : kind <= 6 ? t0 - 20 * kMinute : t0 - 3 * 24 * 60 * kMinute;
            seeded.insert(i, {interval, last, due});
            boxes.append(u"(%1, '%2-%1@bench.test', %3, 'u%1', 'env:BENCH_PASSWORD', %4, %4)"_s.arg(i)
                             .arg(kind == 0   ? u"busy"_s
                                  : kind <= 6 ? u"normal"_s
                                              : u"quiet"_s)
                             .arg(1 + i % kProfiles)
                             .arg(t0));
            states.append(u"(%1, %2, %3, '%4', %5, %5, %6, %7, %8, %9)"_s.arg(i)
                              .arg(interval / 1000)
                              .arg(interval)
                              .arg(reason)
                              .arg(last)
                              .arg(due)
                              .arg(t0 - 7 * 24 * 60 * kMinute)
                              .arg(lastNew)
                              .arg(kind == 0 ? 2.5 : 0.0));
            if (boxes.size() == 500) {
                flush();
            }
        }
        flush();
        run(u"COMMIT"_s);
        if (config.isPostgres()) {
            run(u"SELECT setval(pg_get_serial_sequence('mailboxes', 'id'), %1)"_s.arg(mailboxes));
            run(u"ANALYZE"_s);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

struct Run
{
    qint64 mailbox = 0;
    qint64 started = 0;
    qint64 finished = 0;
    QString node;
};

QList<Run> runsOf(const StoreConfig &config)
{
    QList<Run> runs;
    const QString name = u"bench-runs"_s;
    {
        QSqlDatabase db = TestStore::rawConnection(config, name);
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.exec(u"SELECT mailbox_id, started_at, finished_at, node FROM sync_runs WHERE success = 1 "
                   "ORDER BY mailbox_id, started_at"_s);
        while (query.next()) {
            runs.append({query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toLongLong(),
                         query.value(3).toString()});
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return runs;
}

void waitMs(qint64 ms)
{
    QEventLoop loop;
    QTimer::singleShot(int(ms), &loop, &QEventLoop::quit);
    loop.exec();
}

qint64 percentile(std::vector<qint64> values, double p)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

QJsonObject runConfiguration(const QString &backend, const StoreConfig &config, int mailboxes, int engines, int seconds,
                             qint64 serverPid)
{
    QJsonObject result{{u"backend"_s, backend}, {u"engines"_s, engines}, {u"mailboxes"_s, mailboxes}};
    qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    QHash<qint64, Seeded> seeded;
    QString error;
    QElapsedTimer seeding;
    seeding.start();
    if (!seed(config, mailboxes, t0, seeded, &error)) {
        std::fprintf(stderr, "seeding failed: %s\n", qPrintable(error));
        result.insert(u"error"_s, error);
        return result;
    }
    // The window starts once the engines have loaded: every seeded time moves there.
    const qint64 shift = QDateTime::currentMSecsSinceEpoch() + 15000 - t0;
    t0 += shift;
    TestStore::rawSql(config, u"UPDATE mailbox_state SET last_sync_at = last_sync_at + %1, last_success_at = "
                              "last_success_at + %1, next_due_at = next_due_at + %1, first_sync_at = first_sync_at + "
                              "%1, last_new_item_at = last_new_item_at + %1"_s.arg(shift));
    for (Seeded &entry : seeded) {
        entry.lastMs += shift;
        entry.dueMs += shift;
    }
    std::fprintf(stderr, "  %s, %d engine(s): %d mailboxes seeded in %.1f s\n", qPrintable(backend), engines, mailboxes,
                 seeding.elapsed() / 1000.0);
    // Slots: the capacity to run the steady-state load (about 330 syncs a second of 2 s each) on one engine.
    const int slots = std::max(8, 60 / engines);
    std::vector<std::unique_ptr<QProcess>> nodes;
    for (int i = 0; i < engines; ++i) {
        auto process = std::make_unique<QProcess>();
        // With SYNCDESK_SQL_PROFILE set, each engine prints its statements' profile to this stderr on exit.
        if (qEnvironmentVariableIsSet("SYNCDESK_SQL_PROFILE")) {
            process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        } else {
            process->setProcessChannelMode(QProcess::SeparateChannels);
            process->setStandardErrorFile(QProcess::nullDevice());
        }
        process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        process->start(QCoreApplication::applicationFilePath(),
                       {u"--engine"_s, u"--db"_s, TestStore::location(config), u"--slots"_s, QString::number(slots)});
        process->waitForStarted();
        nodes.push_back(std::move(process));
    }
    // The window starts at t0 (the seeded due times); the engines load meanwhile.
    waitMs(std::max<qint64>(0, t0 - QDateTime::currentMSecsSinceEpoch()));
    const double serverCpuAtStart = processTreeCpuSeconds(serverPid);
    const QPair<double, double> machineAtStart = machineCpuTicks();
    const qint64 end = t0 + qint64(seconds) * 1000;
    qint64 killedAt = 0;
    QString killedId;
    QList<qint64> held;
    QStringList sharing; // the engines sharing the schedule when one is killed
    if (engines > 1) {
        waitMs(qint64(seconds) * 1000 * 2 / 3);
        QProcess *victim = nodes.front().get();
        for (const QStringList &row :
             TestStore::rawSql(config, u"SELECT node_id FROM nodes WHERE stopped = 0 AND runs_schedule = 1"_s)) {
            sharing.append(row.constFirst());
        }
        const auto ids = TestStore::rawSql(
            config, u"SELECT node_id FROM nodes WHERE pid = %1 AND stopped = 0"_s.arg(victim->processId()));
        killedId = ids.isEmpty() ? QString() : ids.constFirst().constFirst();
        ::kill(pid_t(victim->processId()), SIGKILL);
        killedAt = QDateTime::currentMSecsSinceEpoch();
        victim->waitForFinished(10000);
        for (const QStringList &row : TestStore::rawSql(
                 config,
                 u"SELECT mailbox_id FROM mailbox_state WHERE lease_owner = '%1' AND lease_until > %2"_s.arg(killedId)
                     .arg(killedAt))) {
            held.append(row.constFirst().toLongLong());
        }
    }
    waitMs(std::max<qint64>(0, end - QDateTime::currentMSecsSinceEpoch()));
    const double serverCpu = processTreeCpuSeconds(serverPid) - serverCpuAtStart;
    const QPair<double, double> machineAtEnd = machineCpuTicks();
    const double machineTotal = machineAtEnd.second - machineAtStart.second;
    result.insert(u"database_server_cpu_s"_s, serverCpu);
    result.insert(u"machine_busy"_s, machineTotal > 0 ? (machineAtEnd.first - machineAtStart.first) / machineTotal : 0);
    QJsonArray perEngine;
    qint64 statements = 0, statementNs = 0, claims = 0, claimNs = 0, claimBatches = 0, completed = 0;
    double cpu = 0;
    for (auto &node : nodes) {
        if (node->state() == QProcess::Running) {
            ::kill(pid_t(node->processId()), SIGTERM);
        }
    }
    for (auto &node : nodes) {
        node->waitForFinished(30000);
        const QString out = QString::fromUtf8(node->readAllStandardOutput());
        const qsizetype at = out.indexOf(u"STATS "_s);
        if (at < 0) {
            continue; // the killed one
        }
        const QJsonObject stats = QJsonDocument::fromJson(out.mid(at + 6).trimmed().toUtf8()).object();
        perEngine.append(stats);
        statements += stats.value(u"statements"_s).toInteger();
        statementNs += stats.value(u"statement_ns"_s).toInteger();
        claims += stats.value(u"claims"_s).toInteger();
        claimNs += stats.value(u"claim_ns"_s).toInteger();
        claimBatches += stats.value(u"claim_batches"_s).toInteger();
        completed += stats.value(u"completed"_s).toInteger();
        cpu += stats.value(u"cpu_s"_s).toDouble();
    }

    // From the runs: gaps, lateness, double syncs, shares, takeover.
    const QList<Run> runs = runsOf(config);
    QHash<QString, int> share;
    qint64 longestGap = 0;
    // Of the mailboxes outside the killed engine's share (their homes did not change): the steady state.
    qint64 longestOtherGap = 0;
    QSet<qint64> killedShare(held.cbegin(), held.cend());
    if (!killedId.isEmpty() && sharing.contains(killedId)) {
        EngineShares shares;
        shares.setEngines(sharing, killedId);
        for (auto it = seeded.cbegin(); it != seeded.cend(); ++it) {
            if (shares.isHome(it.key())) {
                killedShare.insert(it.key());
            }
        }
    }
    auto gap = [&](qint64 mailbox, qint64 ms) {
        longestGap = std::max(longestGap, ms);
        if (!killedShare.contains(mailbox)) {
            longestOtherGap = std::max(longestOtherGap, ms);
        }
    };
    int doubles = 0;
    std::vector<qint64> lateness;
    QHash<qint64, qint64> firstStart;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const Run &run = runs.at(i);
        share[run.node] += 1;
        const bool firstOfMailbox = i == 0 || runs.at(i - 1).mailbox != run.mailbox;
        const qint64 previous = firstOfMailbox ? seeded.value(run.mailbox).lastMs : runs.at(i - 1).started;
        gap(run.mailbox, run.started - previous);
        if (firstOfMailbox) {
            lateness.push_back(std::max<qint64>(0, run.started - seeded.value(run.mailbox).dueMs));
            firstStart.insert(run.mailbox, run.started);
        } else if (run.started < runs.at(i - 1).finished || run.started - runs.at(i - 1).started < kMinute) {
            ++doubles;
        }
    }
    // Mailboxes due in the window but never started count with the time they have waited at its end.
    int neverStarted = 0;
    for (auto it = seeded.cbegin(); it != seeded.cend(); ++it) {
        if (!firstStart.contains(it.key()) && it->dueMs < end - 30000) {
            ++neverStarted;
            gap(it.key(), end - it->lastMs);
        }
    }
    qint64 takeoverMs = -1;
    if (!held.isEmpty()) {
        takeoverMs = 0;
        for (qint64 id : std::as_const(held)) {
            qint64 resumed = -1;
            for (const Run &run : runs) {
                if (run.mailbox == id && run.started >= killedAt && run.node != killedId) {
                    resumed = run.started;
                    break;
                }
            }
            takeoverMs = resumed < 0 ? -1 : std::max(takeoverMs, resumed - killedAt);
            if (resumed < 0) {
                break;
            }
        }
    }
    QJsonObject shares;
    for (auto it = share.cbegin(); it != share.cend(); ++it) {
        shares.insert(it.key(), it.value());
    }
    const double windowSeconds = double(end - t0) / 1000.0;
    // Syncs from the store (the killed engine's too); the store's time from the engines that reported it.
    qint64 inWindow = 0;
    for (const Run &run : runs) {
        inWindow += run.started >= t0 && run.started < end ? 1 : 0;
    }
    result.insert(u"completed_syncs"_s, inWindow);
    result.insert(u"syncs_per_second"_s, inWindow / windowSeconds);
    result.insert(u"store_ms_per_claim"_s, claims > 0 ? claimNs / 1e6 / double(claims) : 0);
    result.insert(u"claims_per_batch"_s, claimBatches > 0 ? double(claims) / double(claimBatches) : 0);
    result.insert(u"store_ms_per_sync"_s, completed > 0 ? statementNs / 1e6 / double(completed) : 0);
    result.insert(u"statements_per_second"_s, statements / windowSeconds);
    result.insert(u"engine_cpu_s"_s, cpu);
    result.insert(u"longest_gap_s"_s, longestGap / 1000.0);
    result.insert(u"longest_gap_others_s"_s, longestOtherGap / 1000.0);
    result.insert(u"late_p50_ms"_s, percentile(lateness, 0.5));
    result.insert(u"late_p99_ms"_s, percentile(lateness, 0.99));
    result.insert(u"never_started"_s, neverStarted);
    result.insert(u"double_syncs"_s, doubles);
    result.insert(u"share"_s, shares);
    result.insert(u"killed_held"_s, qint64(held.size()));
    result.insert(u"takeover_ms"_s, takeoverMs);
    result.insert(u"engines_detail"_s, perEngine);
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{u"engine"_s, u"internal: run as an engine process"_s},
                       {u"db"_s, u"internal: the engine's store"_s, u"URL"_s},
                       {u"slots"_s, u"internal: the engine's worker slots"_s, u"N"_s, u"8"_s},
                       {u"mailboxes"_s, u"mailboxes (default 100000)"_s, u"N"_s, u"100000"_s},
                       {u"seconds"_s, u"length of each window (default 90)"_s, u"S"_s, u"90"_s},
                       {u"engines"_s, u"engine counts (default 1,2,4)"_s, u"LIST"_s, u"1,2,4"_s},
                       {u"backends"_s, u"sqlite,postgresql"_s, u"LIST"_s, u"sqlite,postgresql"_s}});
    parser.process(app);
    if (parser.isSet(u"engine"_s)) {
        return engineMain(parser.value(u"db"_s), parser.value(u"slots"_s).toInt());
    }
    const int mailboxes = parser.value(u"mailboxes"_s).toInt();
    const int seconds = parser.value(u"seconds"_s).toInt();
    QList<int> engineCounts;
    for (const QString &count : parser.value(u"engines"_s).split(u',')) {
        engineCounts.append(count.toInt());
    }
    QJsonArray results;
    // gap max: every mailbox; others: without the killed engine's share (their gap includes the takeover).
    std::printf("%-11s %7s %9s %8s %10s %6s %10s %10s %9s %9s %9s %7s %7s %10s  %s\n", "backend", "engines", "syncs",
                "syncs/s", "ms/claim", "batch", "ms/sync", "stmts/s", "gap max", "others", "late p99", "waiting",
                "double", "takeover", "share per engine");
    for (const QString &backend : parser.value(u"backends"_s).split(u',')) {
        std::unique_ptr<PostgresServer> server;
        if (backend == u"postgresql"_s) {
            QString why;
            if (!PostgresServer::isAvailable(&why)) {
                std::fprintf(stderr, "skipping PostgreSQL: %s\n", qPrintable(why));
                continue;
            }
            server = std::make_unique<PostgresServer>();
            if (!server->start(&why)) {
                std::fprintf(stderr, "skipping PostgreSQL: %s\n", qPrintable(why));
                continue;
            }
        }
        for (int engines : std::as_const(engineCounts)) {
            QTemporaryDir dir;
            StoreConfig config = StoreConfig::sqlite(dir.filePath(u"bench.db"_s));
            if (server) {
                const QString database = u"bench_%1"_s.arg(engines);
                server->createDatabase(database);
                config = *StoreConfig::fromLocation(server->url(database));
            }
            const QJsonObject result =
                runConfiguration(backend, config, mailboxes, engines, seconds, server ? server->processId() : 0);
            results.append(result);
            QStringList shares;
            for (const QJsonValue &value : result.value(u"share"_s).toObject()) {
                shares.append(QString::number(value.toInteger()));
            }
            const qint64 takeover = result.value(u"takeover_ms"_s).toInteger();
            std::printf(
                "%-11s %7d %9lld %8.0f %10.3f %6.1f %10.3f %10.0f %8.0fs %8.0fs %7lldms %7lld %7lld %10s  %s\n",
                qPrintable(backend), engines, result.value(u"completed_syncs"_s).toInteger(),
                result.value(u"syncs_per_second"_s).toDouble(), result.value(u"store_ms_per_claim"_s).toDouble(),
                result.value(u"claims_per_batch"_s).toDouble(), result.value(u"store_ms_per_sync"_s).toDouble(),
                result.value(u"statements_per_second"_s).toDouble(), result.value(u"longest_gap_s"_s).toDouble(),
                result.value(u"longest_gap_others_s"_s).toDouble(), result.value(u"late_p99_ms"_s).toInteger(),
                result.value(u"never_started"_s).toInteger(), result.value(u"double_syncs"_s).toInteger(),
                engines > 1 ? qPrintable(u"%1 ms"_s.arg(takeover)) : "-", qPrintable(shares.join(u'/')));
            std::printf("            engines' CPU %.1f s, the database server's %.1f s, the machine %.0f %% busy\n",
                        result.value(u"engine_cpu_s"_s).toDouble(), result.value(u"database_server_cpu_s"_s).toDouble(),
                        100.0 * result.value(u"machine_busy"_s).toDouble());
            std::fflush(stdout);
        }
    }
    std::printf("RESULT %s\n", QJsonDocument(QJsonObject{{u"bench"_s, u"multinode"_s}, {u"results"_s, results}})
                                   .toJson(QJsonDocument::Compact)
                                   .constData());
    return 0;
}
