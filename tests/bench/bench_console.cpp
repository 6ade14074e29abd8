// Console responsiveness benchmark: the real mailbox table (MailboxTableModel behind a
// QSortFilterProxyModel in a QTableView, as the main window has it) and the real LogViewer, offscreen,
// fed the way the store poller feeds them — from another thread, through queued signals:
//   * 10,000 mailboxes; 1,000 state changes a second, in 10 batches a second, each batch the full status
//     list with ~100 changed rows (MailboxTableModel::setStatuses diffs it by id);
//   * 1,000,000 log records through LogViewer::appendRecords, in the same 10 batches a second;
//   * the clock tick the main window runs every second (MailboxTableModel::setNow).
// Meanwhile a 1 ms timer measures how late the event loop runs it. Then: a text filter over the records
// in view and over 1,000,000 records in memory, and a search through 1,000,000 records in a SQLite store
// in the background. Prints a table and, as its last line, RESULT {json}.
//
// Options: --seconds N (20), --log-records N (1000000), --mailboxes N (10000), --no-store.

#include "log/logfilterproxy.h"
#include "log/logrecordmodel.h"
#include "log/logviewer.h"
#include "models/mailboxtablemodel.h"
#include "store/store.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <numeric>
#include <vector>

using namespace SyncDesk;
using namespace Qt::StringLiterals;

namespace {

struct Options
{
    int seconds = 20;
    qint64 logRecords = 1000000;
    int mailboxes = 10000;
    bool store = true;
};

constexpr int kBatchesPerSecond = 10;
constexpr int kChangesPerSecond = 1000;

double percentile(std::vector<double> values, double p)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

double mean(const std::vector<double> &values)
{
    return values.empty() ? 0 : std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
}

double maximum(const std::vector<double> &values)
{
    return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
}

// VmRSS (now) or VmHWM (peak) from /proc/self/status, in MB.
double memoryMb(const char *field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(field)) {
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toDouble() / 1024.0;
        }
    }
    return 0;
}

QString address(int i)
{
    return u"user%1@contoso%2.com"_s.arg(i, 5, 10, QLatin1Char('0')).arg(i % 7);
}

// A deterministic, realistic log: what the sync engine writes.
LogRecord logRecord(qint64 id, int mailboxes)
{
    static const QString categories[] = {u"sync"_s, u"imap"_s, u"scheduler"_s, u"store"_s};
    LogRecord record;
    record.id = id;
    record.at = QDateTime::currentDateTimeUtc();
    const quint64 h = quint64(id) * 0x9E3779B97F4A7C15ull;
    const int mailbox = int((h >> 20) % quint64(mailboxes));
    const int kind = int((h >> 8) % 1000);
    record.mailbox = address(mailbox);
    record.category = categories[(h >> 40) % 4];
    if (kind == 0) {
        record.level = LogLevel::Error;
        record.message =
            u"Timeout while waiting for the server greeting from imap.contoso%1.com:993"_s.arg(mailbox % 7);
    } else if (kind < 20) {
        record.level = LogLevel::Error;
        record.message = u"LOGIN failed: [AUTHENTICATIONFAILED] Authentication failed (attempt %1)"_s.arg(kind);
    } else if (kind < 80) {
        record.level = LogLevel::Warning;
        record.message = u"Server throttled the connection; retrying in %1 s"_s.arg(kind);
    } else if (kind < 300) {
        record.level = LogLevel::Debug;
        record.message =
            u"UID FETCH %1:%2 BODY.PEEK[] completed in %3 ms"_s.arg(id % 9000).arg(id % 9000 + 49).arg(kind);
    } else {
        record.level = LogLevel::Info;
        record.message =
            u"Fetched %1 new messages from INBOX in %2 ms; %3 activities tracked"_s.arg(kind % 13).arg(kind).arg(kind %
                                                                                                                 5);
    }
    return record;
}

MailboxStatusList makeStatuses(int count)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    MailboxStatusList statuses;
    statuses.reserve(count);
    for (int i = 0; i < count; ++i) {
        MailboxStatus status;
        status.mailbox.id = i + 1;
        status.mailbox.address = address(i);
        status.mailbox.profileId = i % 5 + 1;
        status.mailbox.profileName = u"Contoso %1"_s.arg(i % 5);
        status.mailbox.username = status.mailbox.address;
        status.state.mailboxId = i + 1;
        status.state.intervalMs = 300000;
        status.state.lastSyncAt = status.state.lastSuccessAt = now.addSecs(-(i % 300));
        status.state.nextDueAt = now.addSecs(300 - i % 300);
        status.state.itemsLastSync = i % 4;
        if (i % 50 == 0) {
            status.state.consecutiveFailures = 2;
            status.state.lastErrorClass = ErrorClass::Auth;
            status.state.lastErrorMessage = u"Authentication failed"_s;
            status.state.lastErrorHintId = u"auth-failed"_s;
        }
        statuses.append(status);
    }
    return statuses;
}

// Plays the store poller: in its own thread, 10 times a second, the full status list with ~100 changed
// rows and the next batch of log records.
class Feeder final : public QObject
{
    Q_OBJECT
public:
    Feeder(const Options &options)
        : m_options(options)
        , m_statuses(makeStatuses(options.mailboxes))
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1000 / kBatchesPerSecond);
        connect(&m_timer, &QTimer::timeout, this, &Feeder::tick);
    }
    void start()
    {
        m_clock.start();
        tick();
        m_timer.start();
    }
    MailboxStatusList initial() const { return m_statuses; }

Q_SIGNALS:
    void statuses(const SyncDesk::MailboxStatusList &statuses);
    void logRecords(const QList<SyncDesk::LogRecord> &records);
    void finished();

private:
    void tick()
    {
        const int ticks = m_options.seconds * kBatchesPerSecond;
        if (m_tick >= ticks) {
            m_timer.stop();
            Q_EMIT finished();
            return;
        }
        ++m_tick;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < kChangesPerSecond / kBatchesPerSecond; ++i) {
            MailboxStatus &status = m_statuses[m_next];
            m_next = (m_next + 37) % int(m_statuses.size());
            status.state.lastSyncAt = status.state.lastSuccessAt = now;
            status.state.nextDueAt = now.addSecs(300);
            status.state.itemsLastSync = (status.state.itemsLastSync + 1) % 9;
            status.state.leaseOwner = m_tick % 2 ? u"node-1"_s : QString();
        }
        Q_EMIT statuses(m_statuses);
        const qint64 target = m_options.logRecords * m_tick / ticks;
        QList<LogRecord> batch;
        batch.reserve(target - m_nextId + 1);
        for (; m_nextId <= target; ++m_nextId) {
            batch.append(logRecord(m_nextId, m_options.mailboxes));
        }
        Q_EMIT logRecords(batch);
    }

    Options m_options;
    MailboxStatusList m_statuses;
    QTimer m_timer{this};
    QElapsedTimer m_clock;
    int m_tick = 0;
    int m_next = 0;
    qint64 m_nextId = 1;
};

// How late a 1 ms timer fires, over and over: the event loop's latency.
class LatencyProbe final : public QObject
{
public:
    LatencyProbe()
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const double late = double(m_clock.nsecsElapsed()) / 1e6 - 1.0;
            m_samples.push_back(std::max(0.0, late));
            m_clock.start();
            m_timer.start();
        });
    }
    void start()
    {
        m_samples.clear();
        m_clock.start();
        m_timer.start();
    }
    std::vector<double> take()
    {
        std::vector<double> samples;
        samples.swap(m_samples);
        return samples;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::vector<double> m_samples;
};

struct Figures
{
    std::vector<double> latency;
    std::vector<double> mailboxBatch;
    std::vector<double> logBatch;
    std::vector<double> clockTick;
    qint64 logRecordsApplied = 0;
    int inView = 0;
    double rssMainMb = 0;
    double filterInViewMs = 0;
    double regexInViewMs = 0;
    double filterAllMs = 0;
    double regexAllMs = 0;
    double filterMaxStallMs = 0;
    int filterMatches = 0;
    double storeWriteS = 0;
    double searchMs = 0;
    qint64 searchMatches = 0;
    double searchLatencyP99 = 0;
    double searchLatencyMax = 0;
};

// Steps of the benchmark, each started from the event loop when the previous one is done.
class Runner final : public QObject
{
public:
    explicit Runner(const Options &options)
        : m_options(options)
    {}

    void start()
    {
        m_mailboxModel = new MailboxTableModel(&m_window);
        auto *proxy = new QSortFilterProxyModel(&m_window);
        proxy->setSourceModel(m_mailboxModel);
        proxy->setSortRole(MailboxTableModel::SortRole);
        proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
        auto *mailboxView = new QTableView;
        mailboxView->setModel(proxy);
        mailboxView->setSortingEnabled(true);
        mailboxView->sortByColumn(MailboxTableModel::Address, Qt::AscendingOrder);
        mailboxView->setSelectionBehavior(QAbstractItemView::SelectRows);
        mailboxView->setAlternatingRowColors(true);
        mailboxView->setWordWrap(false);
        mailboxView->verticalHeader()->hide();
        mailboxView->horizontalHeader()->setStretchLastSection(true);
        m_viewer = new LogViewer;
        auto *splitter = new QSplitter(Qt::Vertical, &m_window);
        splitter->addWidget(mailboxView);
        splitter->addWidget(m_viewer);
        m_window.resize(1280, 800);
        splitter->resize(1280, 800);
        m_window.show();

        m_feeder = new Feeder(m_options);
        m_mailboxModel->setNow(QDateTime::currentDateTimeUtc());
        m_mailboxModel->setStatuses(m_feeder->initial());
        m_feeder->moveToThread(&m_feederThread);
        connect(m_feeder, &Feeder::statuses, this, [this](const MailboxStatusList &statuses) {
            QElapsedTimer timer;
            timer.start();
            m_mailboxModel->setStatuses(statuses);
            m_figures.mailboxBatch.push_back(double(timer.nsecsElapsed()) / 1e6);
        });
        connect(m_feeder, &Feeder::logRecords, this, [this](const QList<LogRecord> &records) {
            QElapsedTimer timer;
            timer.start();
            m_viewer->appendRecords(records);
            m_viewer->flushPendingAppends();
            m_figures.logBatch.push_back(double(timer.nsecsElapsed()) / 1e6);
            m_figures.logRecordsApplied += records.size();
        });
        connect(m_feeder, &Feeder::finished, this, [this] { QTimer::singleShot(200, this, [this] { afterLive(); }); });
        // The main window's clock: relative times move every second.
        m_clockTimer.setInterval(1000);
        connect(&m_clockTimer, &QTimer::timeout, this, [this] {
            QElapsedTimer timer;
            timer.start();
            m_mailboxModel->setNow(QDateTime::currentDateTimeUtc());
            m_figures.clockTick.push_back(double(timer.nsecsElapsed()) / 1e6);
        });
        m_feederThread.start();
        // Let the window settle, then go.
        QTimer::singleShot(500, this, [this] {
            m_probe.start();
            m_clockTimer.start();
            QMetaObject::invokeMethod(m_feeder, &Feeder::start, Qt::QueuedConnection);
        });
    }

    const Figures &figures() const { return m_figures; }

private:
    void afterLive()
    {
        m_figures.latency = m_probe.take();
        m_clockTimer.stop();
        m_feederThread.quit();
        m_feederThread.wait();
        delete m_feeder;
        m_feeder = nullptr;
        m_figures.inView = m_viewer->liveModel()->rowCount();
        m_figures.rssMainMb = memoryMb("VmRSS:");
        m_probe.start();
        // A text filter over the records in view, then an expression.
        timeFilter(m_viewer, LogFilter(LogLevel::Debug, {}, u"timeout while"_s), [this](double ms) {
            m_figures.filterInViewMs = ms;
            timeFilter(m_viewer,
                       LogFilter(LogLevel::Debug, {}, u"time(out)? while .* contoso[0-3]"_s,
                                 LogFilter::TextMode::RegularExpression),
                       [this](double ms) {
                           m_figures.regexInViewMs = ms;
                           m_viewer->setFilter(LogFilter());
                           QTimer::singleShot(0, this, [this] { allInMemory(); });
                       });
        });
    }

    // The same filters over 1,000,000 records held in memory (a viewer with that capacity).
    void allInMemory()
    {
        m_big = new LogViewer;
        m_big->setCapacity(int(m_options.logRecords));
        m_big->resize(1280, 400);
        m_big->show();
        for (qint64 from = 1; from <= m_options.logRecords; from += 20000) {
            QList<LogRecord> batch;
            for (qint64 id = from; id < std::min(m_options.logRecords + 1, from + 20000); ++id) {
                batch.append(logRecord(id, m_options.mailboxes));
            }
            m_big->appendRecords(batch);
            m_big->flushPendingAppends();
        }
        QTimer::singleShot(100, this, [this] {
            m_probe.start();
            timeFilter(m_big, LogFilter(LogLevel::Debug, {}, u"timeout while"_s), [this](double ms) {
                m_figures.filterAllMs = ms;
                m_figures.filterMatches = m_big->proxy()->rowCount();
                timeFilter(m_big,
                           LogFilter(LogLevel::Debug, {}, u"time(out)? while .* contoso[0-3]"_s,
                                     LogFilter::TextMode::RegularExpression),
                           [this](double ms) {
                               m_figures.regexAllMs = ms;
                               m_figures.filterMaxStallMs = maximum(m_probe.take());
                               delete m_big;
                               m_big = nullptr;
                               QTimer::singleShot(0, this, [this] { searchStore(); });
                           });
            });
        });
    }

    void timeFilter(LogViewer *viewer, const LogFilter &filter, const std::function<void(double)> &done)
    {
        auto timer = std::make_shared<QElapsedTimer>();
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(viewer->proxy(), &LogFilterProxy::filteringFinished, this, [timer, connection, done] {
            disconnect(*connection);
            done(double(timer->nsecsElapsed()) / 1e6);
        });
        timer->start();
        viewer->setFilter(filter);
    }

    // A search through 1,000,000 records in a SQLite store, in the viewer's reader thread.
    void searchStore()
    {
        if (!m_options.store) {
            QApplication::quit();
            return;
        }
        QElapsedTimer writing;
        writing.start();
        auto opened = Store::open(StoreConfig::sqlite(m_dir.filePath(u"bench.db"_s)));
        if (!opened) {
            std::fprintf(stderr, "bench_console: %s\n", qPrintable(opened.error().toString()));
            QApplication::quit();
            return;
        }
        std::unique_ptr<Store> store = std::move(opened).value();
        for (qint64 from = 1; from <= m_options.logRecords; from += 20000) {
            QList<LogRecord> batch;
            for (qint64 id = from; id < std::min(m_options.logRecords + 1, from + 20000); ++id) {
                batch.append(logRecord(id, m_options.mailboxes));
                batch.last().id = 0;
            }
            if (!store->appendLog(batch)) {
                std::fprintf(stderr, "bench_console: cannot write the store\n");
                QApplication::quit();
                return;
            }
        }
        m_figures.storeWriteS = double(writing.elapsed()) / 1000.0;
        const StoreConfig config = store->config();
        store.reset();
        m_viewer->setStore(config);
        m_viewer->setFilter(LogFilter(LogLevel::Debug, {}, u"timeout while"_s));
        auto timer = std::make_shared<QElapsedTimer>();
        connect(m_viewer, &LogViewer::searchFinished, this, [this, timer](qint64 matches) {
            m_figures.searchMs = double(timer->nsecsElapsed()) / 1e6;
            m_figures.searchMatches = matches;
            const std::vector<double> latency = m_probe.take();
            m_figures.searchLatencyP99 = percentile(latency, 0.99);
            m_figures.searchLatencyMax = maximum(latency);
            QApplication::quit();
        });
        m_probe.start();
        timer->start();
        m_viewer->searchDatabase();
    }

    QTemporaryDir m_dir; // first: the viewer's reader closes its connection before the folder goes
    Options m_options;
    Figures m_figures;
    QWidget m_window;
    MailboxTableModel *m_mailboxModel = nullptr;
    LogViewer *m_viewer = nullptr;
    LogViewer *m_big = nullptr;
    Feeder *m_feeder = nullptr;
    QThread m_feederThread;
    QTimer m_clockTimer;
    LatencyProbe m_probe;
};

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    Options options;
    const QStringList args = QApplication::arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        const QString value = args.value(i + 1);
        if (arg == u"--seconds"_s) {
            options.seconds = qMax(1, value.toInt());
            ++i;
        } else if (arg == u"--log-records"_s) {
            options.logRecords = qMax<qint64>(1000, value.toLongLong());
            ++i;
        } else if (arg == u"--mailboxes"_s) {
            options.mailboxes = qMax(1, value.toInt());
            ++i;
        } else if (arg == u"--no-store"_s) {
            options.store = false;
        } else {
            std::fprintf(stderr, "usage: bench_console [--seconds N] [--log-records N] [--mailboxes N] [--no-store]\n");
            return 2;
        }
    }
    qRegisterMetaType<SyncDesk::MailboxStatusList>();
    qRegisterMetaType<QList<SyncDesk::LogRecord>>();

    Runner runner(options);
    runner.start();
    app.exec();
    const Figures &f = runner.figures();

    const double p50 = percentile(f.latency, 0.50);
    const double p99 = percentile(f.latency, 0.99);
    const double latencyMax = maximum(f.latency);
    const double peakMb = memoryMb("VmHWM:");
    const int batches = options.seconds * kBatchesPerSecond;
    const qint64 perBatch = options.logRecords / batches;
    std::printf("Console responsiveness, offscreen: %d mailboxes (%d state changes/s in %d batches/s, each the full "
                "status list), %lld log records in %d batches of ~%lld over %d s, clock tick every second\n\n",
                options.mailboxes, kChangesPerSecond, kBatchesPerSecond, qlonglong(options.logRecords), batches,
                qlonglong(perBatch), options.seconds);
    std::printf("%-66s %14s %10s\n", "figure", "value", "target");
    std::printf("%-66s %5.1f /%5.1f /%5.1f %8s\n", "event-loop latency p50 / p99 / max (ms)", p50, p99, latencyMax,
                "p99 <= 50");
    std::printf("%-66s %6.2f / %5.2f\n", "mailbox model batch: setStatuses, 10,000 rows (ms, mean / p99)",
                mean(f.mailboxBatch), percentile(f.mailboxBatch, 0.99));
    std::printf("%-66s %6.2f / %5.2f\n",
                qPrintable(u"log model batch: appendRecords, %L1 records (ms, mean / p99)"_s.arg(perBatch)),
                mean(f.logBatch), percentile(f.logBatch, 0.99));
    std::printf("%-66s %6.2f / %5.2f\n", "clock tick: setNow over every row (ms, mean / max)", mean(f.clockTick),
                maximum(f.clockTick));
    std::printf("%-66s %14d\n", "log records in view (memory bound)", f.inView);
    std::printf("%-66s %14.0f\n", qPrintable(u"text filter over the %L1 records in view (ms)"_s.arg(f.inView)),
                f.filterInViewMs);
    std::printf("%-66s %14.0f\n", qPrintable(u"regex filter over the %L1 records in view (ms)"_s.arg(f.inView)),
                f.regexInViewMs);
    std::printf("%-66s %14.0f %10s\n",
                qPrintable(u"text filter over %L1 records in memory (ms)"_s.arg(options.logRecords)), f.filterAllMs,
                "<= 200");
    std::printf("%-66s %14.0f\n", qPrintable(u"regex filter over %L1 records in memory (ms)"_s.arg(options.logRecords)),
                f.regexAllMs);
    std::printf("%-66s %14.1f\n", "longest event-loop stall while filtering (ms, sliced)", f.filterMaxStallMs);
    if (options.store) {
        std::printf("%-66s %14.0f\n",
                    qPrintable(u"database search through %L1 records, background (ms)"_s.arg(options.logRecords)),
                    f.searchMs);
        std::printf("%-66s %5.1f / %5.1f\n", "event-loop latency during that search p99 / max (ms)", f.searchLatencyP99,
                    f.searchLatencyMax);
    }
    std::printf(
        "%-66s %14.0f %10s\n",
        qPrintable(u"RSS with %L1 mailboxes and %L2 log records in view (MB)"_s.arg(options.mailboxes).arg(f.inView)),
        f.rssMainMb, "<= 300");
    std::printf("%-66s %14.0f\n", "peak RSS of the whole run, 1,000,000 records in memory included (MB)", peakMb);
    const bool met = p99 <= 50 && f.filterAllMs <= 200 && f.rssMainMb <= 300;
    std::printf("\ntargets (p99 latency <= 50 ms, text filter over %lld records <= 200 ms, RSS <= 300 MB): %s\n",
                qlonglong(options.logRecords), met ? "met" : "NOT met");

    const QJsonObject result{
        {u"benchmark"_s, u"console"_s},
        {u"mailboxes"_s, options.mailboxes},
        {u"mailbox_changes_per_s"_s, kChangesPerSecond},
        {u"batches_per_s"_s, kBatchesPerSecond},
        {u"log_records"_s, options.logRecords},
        {u"seconds"_s, options.seconds},
        {u"event_loop_latency_ms"_s, QJsonObject{{u"p50"_s, p50}, {u"p99"_s, p99}, {u"max"_s, latencyMax}}},
        {u"mailbox_batch_ms"_s,
         QJsonObject{{u"mean"_s, mean(f.mailboxBatch)}, {u"p99"_s, percentile(f.mailboxBatch, 0.99)}}},
        {u"log_batch_ms"_s, QJsonObject{{u"mean"_s, mean(f.logBatch)},
                                        {u"p99"_s, percentile(f.logBatch, 0.99)},
                                        {u"records_per_batch"_s, perBatch}}},
        {u"clock_tick_ms"_s, QJsonObject{{u"mean"_s, mean(f.clockTick)}, {u"max"_s, maximum(f.clockTick)}}},
        {u"log_records_in_view"_s, f.inView},
        {u"filter_in_view_ms"_s, f.filterInViewMs},
        {u"regex_filter_in_view_ms"_s, f.regexInViewMs},
        {u"filter_ms"_s, f.filterAllMs},
        {u"regex_filter_ms"_s, f.regexAllMs},
        {u"filter_max_stall_ms"_s, f.filterMaxStallMs},
        {u"store_search_ms"_s, options.store ? QJsonValue(f.searchMs) : QJsonValue()},
        {u"store_search_latency_p99_ms"_s, options.store ? QJsonValue(f.searchLatencyP99) : QJsonValue()},
        {u"rss_mb"_s, f.rssMainMb},
        {u"peak_rss_mb"_s, peakMb},
        {u"targets_met"_s, met},
    };
    std::printf("RESULT %s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}

#include "bench_console.moc"
