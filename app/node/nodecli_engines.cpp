// The commands about the engines sharing a store: nodes (who is there, alive or dead, what they hold) and
// runs (which engine synced which mailbox, under which lease epoch).

#include "model/jsonexport.h"
#include "nodecli.h"
#include "scheduler/schedulersettings.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

// Alive, stopped, or dead: silent for two heartbeats (the others have taken its leases over).
QString engineState(const NodeStatus &node, const QDateTime &now, int deadAfter)
{
    if (node.stopped) {
        return u"stopped"_s;
    }
    return node.heartbeatAt.isValid() && node.heartbeatAt.secsTo(now) <= deadAfter ? u"alive"_s : u"dead"_s;
}

QString padded(const QString &text, int width)
{
    return text.size() >= width ? text + u' ' : text.leftJustified(width);
}

} // namespace

int NodeCli::nodesCommand()
{
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    auto nodes = (*store)->nodes();
    if (!nodes) {
        return storeFailure(nodes.error());
    }
    auto stored = (*store)->setting(u"scheduler"_s);
    if (!stored) {
        return storeFailure(stored.error());
    }
    const int deadAfter = 2 * SchedulerSettings().withStored(*stored).heartbeatSeconds;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto held = (*store)->leasesHeld(now);
    if (!held) {
        return storeFailure(held.error());
    }
    QJsonArray list;
    for (const NodeStatus &node : std::as_const(*nodes)) {
        list.append(QJsonObject{{u"id"_s, node.nodeId},
                                {u"host"_s, node.host},
                                {u"pid"_s, node.pid},
                                {u"version"_s, node.version},
                                {u"started_at"_s, JsonExport::time(node.startedAt)},
                                {u"heartbeat_at"_s, JsonExport::time(node.heartbeatAt)},
                                {u"state"_s, engineState(node, now, deadAfter)},
                                {u"workers_busy"_s, node.workersBusy},
                                {u"workers_total"_s, node.workersTotal},
                                {u"running"_s, node.running},
                                {u"runs_schedule"_s, node.runsSchedule},
                                {u"mailboxes_held"_s, held->value(node.nodeId)}});
    }
    if (m_parser.isSet(u"json"_s)) {
        m_out << QString::fromUtf8(QJsonDocument(QJsonObject{{u"nodes"_s, list}}).toJson(QJsonDocument::Indented));
        m_out.flush();
        return Success;
    }
    if (list.isEmpty()) {
        m_out << "No engine has run on " << m_storeConfig.describe() << ".\n";
        m_out.flush();
        return Success;
    }
    m_out << padded(u"ENGINE"_s, 34) << padded(u"HOST"_s, 16) << padded(u"PID"_s, 8) << padded(u"VERSION"_s, 9)
          << padded(u"STARTED"_s, 14) << padded(u"HEARTBEAT"_s, 14) << padded(u"STATE"_s, 9) << padded(u"WORKERS"_s, 9)
          << "MAILBOXES\n";
    for (const NodeStatus &node : std::as_const(*nodes)) {
        m_out << padded(node.nodeId, 34) << padded(node.host, 16) << padded(QString::number(node.pid), 8)
              << padded(node.version.isEmpty() ? u"-"_s : node.version, 9) << padded(ago(node.startedAt, now), 14)
              << padded(ago(node.heartbeatAt, now), 14) << padded(engineState(node, now, deadAfter), 9)
              << padded(u"%1/%2"_s.arg(node.workersBusy).arg(node.workersTotal), 9) << held->value(node.nodeId) << "\n";
    }
    m_out.flush();
    return Success;
}

int NodeCli::runsCommand()
{
    QDateTime since;
    if (m_parser.isSet(u"since"_s)) {
        since = QDateTime::fromString(m_parser.value(u"since"_s), Qt::ISODateWithMs);
        if (!since.isValid()) {
            return usage(u"--since %1 is not an ISO-8601 time (for example 2026-12-05T09:00:00Z)"_s.arg(
                m_parser.value(u"since"_s)));
        }
    }
    int limit = 100;
    if (m_parser.isSet(u"limit"_s)) {
        bool ok = false;
        limit = m_parser.value(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > 1000000) {
            return usage(u"--limit takes a number from 1 to 1000000"_s);
        }
    }
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    std::optional<qint64> mailboxId;
    if (m_parser.isSet(u"mailbox"_s)) {
        auto mailbox = mailboxNamed(**store, m_parser.value(u"mailbox"_s));
        if (!mailbox) {
            return usage(mailbox.error().message);
        }
        mailboxId = mailbox->id;
    }
    auto mailboxes = (*store)->mailboxes();
    if (!mailboxes) {
        return storeFailure(mailboxes.error());
    }
    QHash<qint64, QString> addresses;
    for (const Mailbox &mailbox : std::as_const(*mailboxes)) {
        addresses.insert(mailbox.id, mailbox.address);
    }
    auto runs = (*store)->runs(mailboxId, since, limit);
    if (!runs) {
        return storeFailure(runs.error());
    }
    if (m_parser.isSet(u"json"_s)) {
        QJsonArray list;
        for (const SyncRun &run : std::as_const(*runs)) {
            list.append(QJsonObject{
                {u"mailbox"_s, addresses.value(run.mailboxId)},
                {u"engine"_s, run.node},
                {u"lease_epoch"_s, run.leaseEpoch > 0 ? QJsonValue(run.leaseEpoch) : QJsonValue()},
                {u"started_at"_s, JsonExport::time(run.startedAt)},
                {u"finished_at"_s, JsonExport::time(run.finishedAt)},
                {u"trigger"_s, syncTriggerName(run.trigger)},
                {u"result"_s, run.success ? u"ok"_s : u"failed"_s},
                {u"items_new"_s, run.itemsNew},
                {u"items_seen"_s, run.itemsSeen},
                {u"error_class"_s, run.success ? QJsonValue() : QJsonValue(errorClassName(run.errorClass))},
                {u"error"_s, run.success ? QJsonValue() : QJsonValue(run.errorMessage)},
            });
        }
        m_out << QString::fromUtf8(QJsonDocument(QJsonObject{{u"runs"_s, list}}).toJson(QJsonDocument::Indented));
        m_out.flush();
        return Success;
    }
    if (runs->isEmpty()) {
        m_out << "No sync runs" << (since.isValid() ? u" since "_s + since.toString(Qt::ISODate) : QString()) << ".\n";
        m_out.flush();
        return Success;
    }
    m_out << padded(u"STARTED"_s, 21) << padded(u"MAILBOX"_s, 28) << padded(u"ENGINE"_s, 34) << padded(u"EPOCH"_s, 7)
          << padded(u"RESULT"_s, 8) << padded(u"NEW"_s, 6) << padded(u"SEEN"_s, 7) << "SECONDS\n";
    for (const SyncRun &run : std::as_const(*runs)) {
        const double seconds = run.startedAt.msecsTo(run.finishedAt) / 1000.0;
        m_out << padded(run.startedAt.toUTC().toString(Qt::ISODate), 21) << padded(addresses.value(run.mailboxId), 28)
              << padded(run.node, 34) << padded(run.leaseEpoch > 0 ? QString::number(run.leaseEpoch) : u"-"_s, 7)
              << padded(run.success ? u"ok"_s : u"failed"_s, 8) << padded(QString::number(run.itemsNew), 6)
              << padded(QString::number(run.itemsSeen), 7) << QString::number(seconds, 'f', 1);
        if (!run.success && !run.errorMessage.isEmpty()) {
            m_out << "  " << errorClassName(run.errorClass) << ": " << run.errorMessage.left(120);
        }
        m_out << "\n";
    }
    m_out.flush();
    return Success;
}

} // namespace SyncDesk
