#pragma once

#include "clock.h"
#include "store/retentionstore.h"

#include <QObject>
#include <QTimer>

namespace SyncDesk {

class Store;

// The engine's retention passes (RetentionStore), off the sync path: once shortly after start, then every
// interval. A pass reads the stored "retention" settings again (so an imported configuration applies without
// a restart) and deletes one small batch per event-loop turn, pausing between batches, so that the scheduler
// (which shares the store connection and the thread) keeps dispatching and recording runs, and syncs writing
// from worker threads wait at most one batch for the database lock.
class MaintenanceRunner final : public QObject
{
    Q_OBJECT
public:
    struct Timing
    {
        int firstDelayMs = 60 * 1000;
        int intervalMs = 3600 * 1000;
        int pauseMs = 25; // between batches
    };

    MaintenanceRunner(Store &store, const Clock &clock, const Timing &timing, QObject *parent = nullptr);
    MaintenanceRunner(Store &store, const Clock &clock, QObject *parent = nullptr);
    ~MaintenanceRunner() override;

    void start();
    void stop(); // a pass in progress ends after its current batch
    // Starts a pass now unless one is running (tests, or an on-demand request).
    void runPass();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void batchFinished(SyncDesk::RetentionKind kind, int deleted);
    void passFinished(const SyncDesk::RetentionReport &report);
    void passFailed(const SyncDesk::SyncError &error);

private:
    void step();
    void fail(const SyncError &error);
    void finish();

    Store &m_store;
    const Clock &m_clock;
    Timing m_timing;
    RetentionSettings m_settings;
    RetentionReport m_report;
    QList<RetentionKind> m_pending; // kinds still to prune in this pass
    bool m_running = false;
    bool m_stopped = false;
    QTimer m_intervalTimer{this};
    QTimer m_stepTimer{this};
};

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::RetentionKind)
Q_DECLARE_METATYPE(SyncDesk::RetentionReport)
