#include "metricsreport.h"

#include "act/actstatus.h"
#include "outgoing/outgoingdirection.h"
#include "promtext.h"
#include "store/actstore.h"
#include "store/store.h"

#include <map>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

// Mailboxes by direction and state, overdue, outgoing pending and its oldest: false when the store failed.
bool renderStore(PromText &out, Store &store, const QDateTime &now)
{
    auto statuses = store.mailboxStatuses();
    auto profiles = store.profiles();
    auto scheduler = store.setting(u"scheduler"_s);
    if (!statuses || !profiles || !scheduler) {
        return false;
    }
    auto outgoing = OutgoingDirection::evaluateAll(store, *statuses, now);
    auto actStates = ActStore(store).states();
    if (!outgoing || !actStates) {
        return false;
    }
    const QJsonValue graceValue = scheduler->value(u"overdue_grace_seconds"_s);
    const int grace = graceValue.isDouble() ? graceValue.toInt() : 60;
    QHash<qint64, ServerProfile> profileById;
    for (const ServerProfile &profile : std::as_const(*profiles)) {
        profileById.insert(profile.id, profile);
    }

    std::map<std::pair<QString, QString>, int> byState;
    // Every state a direction can be in is written, zeros included, so that a graph does not lose a line.
    for (const char *state : {"ok", "failing", "disabled", "syncing", "never"}) {
        byState[{u"incoming"_s, QString::fromLatin1(state)}] = 0;
    }
    for (const char *state : {"off", "not-configured", "idle", "ok", "pending", "failing", "stuck"}) {
        byState[{u"outgoing"_s, QString::fromLatin1(state)}] = 0;
    }
    for (const char *state : {"not-configured", "never", "requested", "ok", "failing", "disabled"}) {
        byState[{u"act"_s, QString::fromLatin1(state)}] = 0;
    }
    int overdue = 0;
    int pending = 0;
    QDateTime oldestPending;
    for (const MailboxStatus &status : std::as_const(*statuses)) {
        ++byState[{u"incoming"_s, runStateName(status.runState(now))}];
        if (status.isOverdue(now, grace)) {
            ++overdue;
        }
        const OutgoingDirection direction = outgoing->value(status.mailbox.id);
        if (status.mailbox.outgoing) {
            ++byState[{u"outgoing"_s, outgoingStateName(direction.state)}];
        }
        pending += direction.summary.pending;
        if (direction.summary.oldestPending.isValid() &&
            (!oldestPending.isValid() || direction.summary.oldestPending < oldestPending)) {
            oldestPending = direction.summary.oldestPending;
        }
        if (status.mailbox.act) {
            ActStore::State state = actStates->value(status.mailbox.id);
            state.mailboxId = status.mailbox.id;
            const auto profile = profileById.constFind(status.mailbox.profileId);
            const ActStatus act = ActStatus::evaluate(
                status.mailbox, profile == profileById.cend() ? std::nullopt : std::optional(*profile), state);
            ++byState[{u"act"_s, status.mailbox.enabled ? act.state : u"disabled"_s}];
        }
    }
    out.family("syncdesk_mailboxes", "gauge",
               "Mailboxes by direction and state, in the whole store (every node sharing it reports the same).");
    for (const auto &[key, count] : byState) {
        out.sample("syncdesk_mailboxes", {{u"direction"_s, key.first}, {u"state"_s, key.second}}, count);
    }
    out.family("syncdesk_mailboxes_overdue", "gauge",
               "Enabled mailboxes past their due time by more than the grace period, in the whole store.");
    out.sample("syncdesk_mailboxes_overdue", overdue);
    out.family("syncdesk_outgoing_pending", "gauge", "Emails waiting to be sent (pending-send or sending).");
    out.sample("syncdesk_outgoing_pending", pending);
    out.family("syncdesk_outgoing_oldest_pending_age_seconds", "gauge",
               "Age of the oldest email waiting to be sent; 0 when none waits.");
    out.sample("syncdesk_outgoing_oldest_pending_age_seconds",
               oldestPending.isValid() ? double(std::max<qint64>(0, oldestPending.msecsTo(now))) / 1000.0 : 0.0);
    return true;
}

void renderEngine(PromText &out, const EngineMetrics::Snapshot &engine, const QDateTime &now)
{
    out.family("syncdesk_syncs_total", "counter",
               "Sync runs of this process by direction, result (ok, failed, cancelled) and error class.");
    for (const auto &[key, count] : engine.syncs) {
        out.sample("syncdesk_syncs_total",
                   {{u"direction"_s, key.direction}, {u"result"_s, key.result}, {u"error_class"_s, key.errorClass}},
                   double(count));
    }
    out.family("syncdesk_sync_duration_seconds", "histogram", "Duration of the sync runs of this process.");
    for (const auto &[direction, histogram] : engine.durations) {
        QList<QPair<double, quint64>> buckets;
        for (std::size_t i = 0; i < EngineMetrics::kDurationBuckets.size(); ++i) {
            buckets.append({EngineMetrics::kDurationBuckets[i], histogram.buckets[i]});
        }
        out.histogram("syncdesk_sync_duration_seconds", {{u"direction"_s, direction}}, buckets, histogram.sum,
                      histogram.count);
    }
    out.family("syncdesk_items_stored_total", "counter",
               "Items this process stored: activities (incoming), emails sent (outgoing), records written either "
               "way (act).");
    for (const auto &[direction, count] : engine.itemsStored) {
        out.sample("syncdesk_items_stored_total", {{u"direction"_s, direction}}, double(count));
    }
    out.family("syncdesk_item_failures_total", "counter",
               "Messages this process could not decode or store (listed as item failures).");
    out.sample("syncdesk_item_failures_total", double(engine.itemFailures));
    out.family("syncdesk_queue_length", "gauge", "Mailboxes due or asked for and waiting for a worker.");
    out.sample("syncdesk_queue_length", engine.queued);
    out.family("syncdesk_workers", "gauge", "Worker threads of this engine.");
    out.sample("syncdesk_workers", engine.workers);
    out.family("syncdesk_workers_busy", "gauge", "Worker threads running a sync.");
    out.sample("syncdesk_workers_busy", engine.workersBusy);
    out.family("syncdesk_connections", "gauge", "Connections this engine holds open, by server profile.");
    for (const EngineMetrics::ProfileLoad &profile : engine.profiles) {
        out.sample("syncdesk_connections", {{u"profile"_s, profile.name}}, profile.running);
    }
    out.family("syncdesk_connections_max", "gauge", "The server profile's connection cap (max_connections).");
    for (const EngineMetrics::ProfileLoad &profile : engine.profiles) {
        out.sample("syncdesk_connections_max", {{u"profile"_s, profile.name}}, profile.maxConnections);
    }
    out.family("syncdesk_lease_takeovers_total", "counter",
               "Mailboxes this engine took over from another engine that left them overdue.");
    out.sample("syncdesk_lease_takeovers_total", double(engine.leaseTakeovers));
    out.family("syncdesk_leases_lost_total", "counter",
               "Runs of this engine whose lease passed to another engine before they finished.");
    out.sample("syncdesk_leases_lost_total", double(engine.leasesLost));
    out.family("syncdesk_store_errors_total", "counter",
               "Runs of this engine stopped because its store failed (nothing counted against the mailbox).");
    out.sample("syncdesk_store_errors_total", double(engine.storeErrors));
    out.family("syncdesk_heartbeat_age_seconds", "gauge",
               "Seconds since this engine's scheduler last wrote its heartbeat; -1 before the first.");
    out.sample("syncdesk_heartbeat_age_seconds",
               engine.lastHeartbeat.isValid() ? double(std::max<qint64>(0, engine.lastHeartbeat.msecsTo(now))) / 1000.0
                                              : -1.0);
}

} // namespace

QByteArray MetricsReport::render(const EngineMetrics::Snapshot &engine, Store *store, const QDateTime &now,
                                 const QString &version)
{
    PromText out;
    out.family("syncdesk_build_info", "gauge", "The version of this process; always 1.");
    out.sample("syncdesk_build_info", {{u"version"_s, version}}, 1);
    PromText storePart;
    const bool storeUp = store && renderStore(storePart, *store, now);
    out.family("syncdesk_store_up", "gauge", "1 when this scrape could read the store, 0 when it could not.");
    out.sample("syncdesk_store_up", storeUp ? 1 : 0);
    QByteArray text = out.text();
    if (storeUp) {
        text += storePart.text();
    }
    PromText enginePart;
    renderEngine(enginePart, engine, now);
    return text + enginePart.text();
}

} // namespace SyncDesk
