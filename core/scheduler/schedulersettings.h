#pragma once

#include "intervalpolicy.h"
#include "pushmanager.h"
#include "sync/syncjob.h"

#include <QJsonObject>
#include <QThread>

namespace SyncDesk {

struct SchedulerSettings
{
    int workerThreads = qMax(2, QThread::idealThreadCount());
    int sessionsPerWorker = 25; // concurrent syncs one worker thread drives
    IntervalSettings intervals;
    int maxTransientFailures = 10; // consecutive transient failures before a mailbox is disabled
    int overdueGraceSeconds = 60;  // a due time passed by more than this is reported overdue
    SyncTuning tuning;
    int leaseSeconds = 300; // how long a claim on a mailbox lasts without renewal (crash recovery)
    // An engine writes its heartbeat row at least this often; one silent for two heartbeats is dead, and
    // its leases go to the others at once (config: scheduler.heartbeat_seconds).
    int heartbeatSeconds = 5;
    int pollIntervalMs = 1000; // how often requests and configuration changes from other processes are read
    // On shutdown, running syncs get this long to finish a batch before they are cancelled: a stop takes under
    // 2 s, and a batch being written is one transaction, committed or not, never half-written.
    int stopGraceMs = 1000;
    quint32 seed = 0; // of the backoff jitter; 0 draws one
    // How often a running engine audits each mailbox by itself (verify, read-only); 0: never.
    int auditIntervalSeconds = 24 * 3600;
    // Retention passes of a running engine (see RetentionSettings for what they keep): the first this long
    // after start, then every interval; an interval of 0: never (syncdesk-node maintenance still works).
    int maintenanceDelaySeconds = 60;
    int maintenanceIntervalSeconds = 3600;
    // The IMAP IDLE connections of mailboxes on push (config: scheduler.push_renew_seconds).
    PushSettings push;

    // The global "scheduler" settings stored in the database (from the configuration file) over these.
    SchedulerSettings withStored(const QJsonObject &stored) const
    {
        SchedulerSettings result = *this;
        auto number = [&](const char *key, auto &target) {
            const QJsonValue value = stored.value(QLatin1StringView(key));
            if (value.isDouble()) {
                target = static_cast<std::remove_reference_t<decltype(target)>>(value.toDouble());
            }
        };
        number("base_interval_seconds", result.intervals.baseSeconds);
        number("min_interval_seconds", result.intervals.minSeconds);
        number("max_interval_seconds", result.intervals.maxSeconds);
        number("busy_items_per_sync", result.intervals.busyItemsPerSync);
        if (stored.value(QLatin1StringView("quiet_after_minutes")).isDouble()) {
            result.intervals.quietAfterSeconds = stored.value(QLatin1StringView("quiet_after_minutes")).toInt() * 60;
        }
        number("max_transient_failures", result.maxTransientFailures);
        number("overdue_grace_seconds", result.overdueGraceSeconds);
        number("heartbeat_seconds", result.heartbeatSeconds);
        number("send_max_attempts", result.tuning.sendMaxAttempts);
        number("push_renew_seconds", result.push.renewSeconds);
        if (stored.value(QLatin1StringView("max_run_seconds")).isDouble()) {
            result.tuning.maxRunMs = qint64(stored.value(QLatin1StringView("max_run_seconds")).toInt()) * 1000;
        }
        if (stored.value(QLatin1StringView("response_budget_mib")).isDouble()) {
            result.tuning.responseBudgetBytes =
                qint64(stored.value(QLatin1StringView("response_budget_mib")).toInt()) * 1024 * 1024;
        }
        if (stored.value(QLatin1StringView("audit_interval_hours")).isDouble()) {
            result.auditIntervalSeconds = stored.value(QLatin1StringView("audit_interval_hours")).toInt() * 3600;
        }
        return result;
    }
};

} // namespace SyncDesk
