#include "maintenancerunner.h"

#include "logging/logger.h"
#include "store/store.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

const QString kCategory = u"maintenance"_s;

} // namespace

MaintenanceRunner::MaintenanceRunner(Store &store, const Clock &clock, QObject *parent)
    : MaintenanceRunner(store, clock, Timing{}, parent)
{}

MaintenanceRunner::MaintenanceRunner(Store &store, const Clock &clock, const Timing &timing, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_timing(timing)
{
    qRegisterMetaType<SyncDesk::RetentionKind>();
    qRegisterMetaType<SyncDesk::RetentionReport>();
    m_intervalTimer.setSingleShot(true);
    connect(&m_intervalTimer, &QTimer::timeout, this, &MaintenanceRunner::runPass);
    m_stepTimer.setSingleShot(true);
    connect(&m_stepTimer, &QTimer::timeout, this, &MaintenanceRunner::step);
}

MaintenanceRunner::~MaintenanceRunner() = default;

void MaintenanceRunner::start()
{
    m_stopped = false;
    m_intervalTimer.start(qMax(0, m_timing.firstDelayMs));
}

void MaintenanceRunner::stop()
{
    m_stopped = true;
    m_intervalTimer.stop();
    m_stepTimer.stop();
    m_running = false;
    m_pending.clear();
}

void MaintenanceRunner::runPass()
{
    if (m_running || m_stopped) {
        return;
    }
    RetentionStore retention(m_store);
    auto settings = retention.settings();
    if (!settings) {
        fail(settings.error());
        return;
    }
    auto size = retention.databaseSize();
    if (!size) {
        fail(size.error());
        return;
    }
    m_settings = *settings;
    m_report = {};
    m_report.now = m_clock.now().toUTC();
    m_report.before = *size;
    m_pending = RetentionStore::kinds();
    for (RetentionKind kind : std::as_const(m_pending)) {
        RetentionCount count;
        count.kind = kind;
        count.days = RetentionStore::days(kind, m_settings);
        count.cutoff = RetentionStore::cutoff(kind, m_settings, m_report.now);
        m_report.kinds.append(count);
    }
    m_running = true;
    m_stepTimer.start(0);
}

void MaintenanceRunner::step()
{
    if (!m_running) {
        return;
    }
    if (m_pending.isEmpty()) {
        finish();
        return;
    }
    const RetentionKind kind = m_pending.constFirst();
    RetentionCount &count = m_report.kinds[m_report.kinds.size() - m_pending.size()];
    RetentionStore retention(m_store);
    auto deleted = retention.pruneBatch(kind, count.cutoff, m_settings.batchRows);
    if (!deleted) {
        fail(deleted.error());
        return;
    }
    ++count.batches;
    count.pruned += *deleted;
    Q_EMIT batchFinished(kind, *deleted);
    if (*deleted < m_settings.batchRows) {
        m_pending.removeFirst(); // none left of this kind
    }
    if (!m_running) {
        return; // stopped from a slot
    }
    // The next batch after a pause: timers, queued outcomes and the scheduler's own writes go first.
    m_stepTimer.start(m_pending.isEmpty() ? 0 : qMax(0, m_timing.pauseMs));
}

void MaintenanceRunner::finish()
{
    RetentionStore retention(m_store);
    for (RetentionCount &count : m_report.kinds) {
        if (auto remaining = retention.rowCount(count.kind); remaining) {
            count.remaining = *remaining;
        }
    }
    if (auto size = retention.databaseSize(); size) {
        m_report.after = *size;
    }
    m_running = false;
    if (const qint64 pruned = m_report.totalPruned(); pruned > 0) {
        QStringList parts;
        for (const RetentionCount &count : std::as_const(m_report.kinds)) {
            if (count.pruned > 0) {
                parts.append(u"%1 %2 (older than %3 days)"_s.arg(count.pruned)
                                 .arg(RetentionStore::description(count.kind))
                                 .arg(count.days));
            }
        }
        Log::info(kCategory, {}, u"retention: pruned "_s + parts.join(u", "_s));
    }
    if (!m_stopped) {
        m_intervalTimer.start(qMax(0, m_timing.intervalMs));
    }
    Q_EMIT passFinished(m_report);
}

void MaintenanceRunner::fail(const SyncError &error)
{
    m_running = false;
    m_pending.clear();
    Log::warning(kCategory, {}, u"retention pass stopped; it runs again later: "_s + error.toString());
    if (!m_stopped) {
        m_intervalTimer.start(qMax(0, m_timing.intervalMs));
    }
    Q_EMIT passFailed(error);
}

} // namespace SyncDesk
