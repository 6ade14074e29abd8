// Push against polling (issue 17): 100 mailboxes on a private Dovecot, messages delivered over LMTP to random
// mailboxes at random times (a Poisson stream), and the delay from delivery to the stored activity — with every
// mailbox on push (IMAP IDLE), then with every mailbox polled every 2 minutes, side by side.
//
//   bench_push [SECONDS_PER_MODE (default 180)] [MESSAGES_PER_MINUTE (default 60)] [SEED]
//
// Prints a table and, as its last line, RESULT {json}.

#include "dovecotserver.h"
#include "mailfactory.h"
#include "scheduler/syncengine.h"
#include "store/pushstore.h"
#include "store/store.h"
#include "synchelper.h"
#include "testconfig.h"
#include "teststore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int kMailboxes = 100;

QString user(int i)
{
    return u"u%1"_s.arg(i, 3, 10, QChar(u'0'));
}

struct Figures
{
    QString mode;
    int delivered = 0;
    int stored = 0;
    double p50 = 0;
    double p95 = 0;
    double max = 0;
    double mean = 0;
    int syncs = 0;
};

double percentile(QList<double> values, double p)
{
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const qsizetype index = qMin(values.size() - 1, qsizetype(std::ceil(p * double(values.size())) - 1));
    return values.at(qMax<qsizetype>(0, index));
}

// Runs one mode: a fresh store and engine on the same Dovecot; returns the delays.
Figures runMode(DovecotServer &dovecot, const QString &directory, bool push, int seconds, int perMinute, quint32 seed)
{
    Figures figures;
    figures.mode = push ? u"push (IMAP IDLE)"_s : u"polling every 2 min"_s;
    const StoreConfig store = StoreConfig::sqlite(directory + (push ? u"/push.db"_s : u"/poll.db"_s));
    TestConfig config(directory + (push ? u"/push"_s : u"/poll"_s));
    config.addProfile(u"local"_s, dovecot, u"none"_s, 100);
    for (int i = 0; i < kMailboxes; ++i) {
        config.addMailbox(user(i) + u"@bench.test"_s, u"local"_s, user(i), u"pw"_s);
        if (push) {
            config.setMailboxKey(user(i) + u"@bench.test"_s, u"push"_s, true);
        }
    }
    const QString imported = SyncHelper::importConfig(store, config.write());
    if (!imported.isEmpty()) {
        qFatal("import: %s", qPrintable(imported));
    }
    EngineSettings settings;
    settings.store = store;
    settings.scheduler.workerThreads = 2;
    settings.scheduler.seed = seed;
    // Every mailbox every 2 minutes (what a busy mailbox gets today), push or not: push comes on top.
    settings.scheduler.intervals.minSeconds = 120;
    settings.scheduler.intervals.baseSeconds = 120;
    settings.scheduler.intervals.maxSeconds = 120;
    SyncEngine engine(settings);
    QObject::connect(&engine, &SyncEngine::syncFinished, &engine, [&figures] { ++figures.syncs; });
    if (!engine.start()) {
        qFatal("the engine did not start");
    }
    auto open = Store::open(store);
    if (!open) {
        qFatal("store: %s", qPrintable(open.error().toString()));
    }
    Store &reader = **open;
    auto pollUntil = [](const std::function<bool()> &condition, int timeoutMs) {
        QElapsedTimer clock;
        clock.start();
        while (!condition() && clock.elapsed() < timeoutMs) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
            QThread::msleep(20);
        }
        return condition();
    };
    // The first sync of every mailbox, and, with push, every connection idling.
    pollUntil(
        [&] {
            auto statuses = reader.mailboxStatuses();
            if (!statuses) {
                return false;
            }
            const bool synced = std::all_of(statuses->cbegin(), statuses->cend(),
                                            [](const MailboxStatus &s) { return s.state.lastSuccessAt.isValid(); });
            if (!synced || !push) {
                return synced;
            }
            auto rows = PushStore(reader).all();
            return rows && std::count_if(rows->cbegin(), rows->cend(), [](const PushStore::Row &row) {
                               return row.status.state == PushStatus::State::Idling;
                           }) == kMailboxes;
        },
        180000);
    figures.syncs = 0;

    // Deliveries: a Poisson stream in a thread of its own, each message's delivery time kept by Message-ID.
    QMutex mutex;
    QHash<QString, qint64> deliveredAt;
    QElapsedTimer clock;
    clock.start();
    QThread sender;
    QObject *worker = new QObject;
    worker->moveToThread(&sender);
    sender.start();
    QMetaObject::invokeMethod(worker, [&, seconds, perMinute, seed] {
        QRandomGenerator random(seed + (push ? 1 : 2));
        int n = 0;
        while (clock.elapsed() < qint64(seconds) * 1000) {
            // Exponential gaps: messages arrive at random times, perMinute on average.
            const double gap = -std::log(1.0 - random.generateDouble()) * 60000.0 / perMinute;
            QThread::msleep(ulong(gap));
            const int box = int(random.bounded(kMailboxes));
            MailFactory::Message message;
            message.fromAddress = u"customer@fabrikam.test"_s;
            message.to = {user(box) + u"@bench.test"_s};
            message.subject = u"Bench %1"_s.arg(n);
            message.body = u"Hello"_s;
            message.messageId = u"bench-%1-%2-%3@fabrikam.test"_s.arg(push ? u"push"_s : u"poll"_s).arg(seed).arg(n++);
            QString error;
            const qint64 at = clock.elapsed();
            if (dovecot.deliverLmtp(user(box), MailFactory::build(message), &error)) {
                QMutexLocker locker(&mutex);
                deliveredAt.insert(message.messageId, at);
            } else {
                std::fprintf(stderr, "delivery failed: %s\n", qPrintable(error));
            }
        }
    });
    // Watches the store every 50 ms for new activities.
    QList<double> delays;
    qint64 lastId = 0;
    auto watch = [&] {
        const QList<QStringList> rows =
            TestStore::rawSql(store, u"SELECT id, message_id FROM activities WHERE id > %1 ORDER BY id"_s.arg(lastId));
        const qint64 now = clock.elapsed();
        QMutexLocker locker(&mutex);
        for (const QStringList &row : rows) {
            lastId = qMax(lastId, row.value(0).toLongLong());
            const QString id = row.value(1);
            if (const auto it = deliveredAt.constFind(id); it != deliveredAt.constEnd()) {
                delays.append(double(now - *it) / 1000.0);
            }
        }
    };
    pollUntil(
        [&] {
            watch();
            return clock.elapsed() >= qint64(seconds) * 1000;
        },
        seconds * 1000 + 60000);
    sender.quit();
    sender.wait();
    delete worker;
    // Everything delivered must be stored: up to one more polling interval.
    pollUntil(
        [&] {
            watch();
            QMutexLocker locker(&mutex);
            return delays.size() >= deliveredAt.size();
        },
        180000);
    figures.delivered = int(deliveredAt.size());
    figures.stored = int(delays.size());
    figures.p50 = percentile(delays, 0.50);
    figures.p95 = percentile(delays, 0.95);
    figures.max = delays.isEmpty() ? 0 : *std::max_element(delays.cbegin(), delays.cend());
    figures.mean = delays.isEmpty() ? 0 : std::accumulate(delays.cbegin(), delays.cend(), 0.0) / double(delays.size());
    engine.stop();
    pollUntil([&] { return false; }, 2000);
    return figures;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int seconds = args.size() > 1 ? args.at(1).toInt() : 180;
    const int perMinute = args.size() > 2 ? args.at(2).toInt() : 60;
    const quint32 seed = args.size() > 3 ? args.at(3).toUInt() : QRandomGenerator::system()->generate() % 100000;
    std::printf("bench_push: %d mailboxes, %d s per mode, %d messages a minute on average, seed %u\n", kMailboxes,
                seconds, perMinute, seed);
    DovecotServer::Options options;
    options.lmtp = true;
    options.highPerformance = true;
    DovecotServer dovecot(options);
    for (int i = 0; i < kMailboxes; ++i) {
        dovecot.setUser(user(i), u"pw"_s);
    }
    QString error;
    if (!dovecot.start(&error)) {
        std::fprintf(stderr, "Dovecot: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir dir;
    QList<Figures> results;
    results.append(runMode(dovecot, dir.path(), true, seconds, perMinute, seed));
    results.append(runMode(dovecot, dir.path(), false, seconds, perMinute, seed));
    std::printf("\n%-22s %10s %8s %9s %9s %9s %9s %7s\n", "mode", "delivered", "stored", "p50 s", "p95 s", "max s",
                "mean s", "syncs");
    QJsonObject json{{u"seed"_s, double(seed)}, {u"seconds"_s, seconds}, {u"per_minute"_s, perMinute}};
    for (const Figures &f : std::as_const(results)) {
        std::printf("%-22s %10d %8d %9.2f %9.2f %9.2f %9.2f %7d\n", qPrintable(f.mode), f.delivered, f.stored, f.p50,
                    f.p95, f.max, f.mean, f.syncs);
        json.insert(f.mode.startsWith(u"push"_s) ? u"push"_s : u"polling"_s, QJsonObject{{u"delivered"_s, f.delivered},
                                                                                         {u"stored"_s, f.stored},
                                                                                         {u"p50_s"_s, f.p50},
                                                                                         {u"p95_s"_s, f.p95},
                                                                                         {u"max_s"_s, f.max},
                                                                                         {u"syncs"_s, f.syncs}});
    }
    std::printf("RESULT %s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return results.constFirst().stored == results.constFirst().delivered &&
                   results.constLast().stored == results.constLast().delivered
               ? 0
               : 2;
}
