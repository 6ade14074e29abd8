// The commands about the engines sharing a store: nodes (who is there, alive or dead, what they hold) and
// runs (which engine synced which mailbox, under which lease epoch).

#include "model/jsonexport.h"
#include "nodecli.h"
#include "scheduler/schedulersettings.h"
#include "store/store.h"

#include <QCoreApplication>
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

// The state above for people (the table of 'nodes'; --json has the id).
QString engineStateText(const QString &state)
{
    if (state == u"alive"_s) {
        //: The state of an engine in 'nodes': its heartbeat is recent
        return QCoreApplication::translate("SyncDesk::NodeCli", "alive");
    }
    if (state == u"stopped"_s) {
        //: The state of an engine in 'nodes': it stopped cleanly
        return QCoreApplication::translate("SyncDesk::NodeCli", "stopped");
    }
    //: The state of an engine in 'nodes': silent for two heartbeats
    return QCoreApplication::translate("SyncDesk::NodeCli", "dead");
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
        m_out << tr("No engine has run on %1.").arg(m_storeConfig.describe()) << "\n";
        m_out.flush();
        return Success;
    }
    //: Column header of 'nodes': the engine's id
    m_out << padded(tr("ENGINE"), 34)
          //: Column header of 'nodes': the engine's host
          << padded(tr("HOST"), 16)
          //: Column header of 'nodes': the engine's process id
          << padded(tr("PID"), 8)
          //: Column header of 'nodes': the engine's version
          << padded(tr("VERSION"), 9)
          //: Column header of 'nodes' and 'runs': when it started
          << padded(tr("STARTED"), 14)
          //: Column header of 'nodes': the engine's last heartbeat
          << padded(tr("HEARTBEAT"), 14)
          //: Column header of 'nodes': the engine's state (alive, stopped, dead)
          << padded(tr("STATE"), 9)
          //: Column header of 'nodes': busy/all workers
          << padded(tr("WORKERS"), 9)
          //: Column header of 'nodes': how many mailboxes the engine holds
          << tr("MAILBOXES") << "\n";
    for (const NodeStatus &node : std::as_const(*nodes)) {
        m_out << padded(node.nodeId, 34) << padded(node.host, 16) << padded(QString::number(node.pid), 8)
              << padded(node.version.isEmpty() ? u"-"_s : node.version, 9) << padded(ago(node.startedAt, now), 14)
              << padded(ago(node.heartbeatAt, now), 14) << padded(engineStateText(engineState(node, now, deadAfter)), 9)
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
            return usage(tr("--since %1 is not an ISO-8601 time (for example 2026-12-05T09:00:00Z)")
                             .arg(m_parser.value(u"since"_s)));
        }
    }
    int limit = 100;
    if (m_parser.isSet(u"limit"_s)) {
        bool ok = false;
        limit = m_parser.value(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > 1000000) {
            return usage(tr("--limit takes a number from 1 to 1000000"));
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
        //: %1: a time (ISO 8601)
        m_out << (since.isValid() ? tr("No sync runs since %1.").arg(since.toString(Qt::ISODate)) : tr("No sync runs."))
              << "\n";
        m_out.flush();
        return Success;
    }
    //: Column header of 'nodes' and 'runs': when it started
    m_out << padded(tr("STARTED"), 21)
          //: Column header of 'runs': the mailbox address
          << padded(tr("MAILBOX"), 28)
          //: Column header of 'runs': the engine's id
          << padded(tr("ENGINE"), 34)
          //: Column header of 'runs': the lease epoch
          << padded(tr("EPOCH"), 7)
          //: Column header of 'runs': ok or failed
          << padded(tr("RESULT"), 8)
          //: Column header of 'runs' and 'verify': new activities
          << padded(tr("NEW"), 6)
          //: Column header of 'runs': messages fetched
          << padded(tr("SEEN"), 7)
          //: Column header of 'runs': how long the run took
          << tr("SECONDS") << "\n";
    for (const SyncRun &run : std::as_const(*runs)) {
        const double seconds = run.startedAt.msecsTo(run.finishedAt) / 1000.0;
        //: The result of a run in 'runs' (at most 7 characters)
        QString result = tr("ok");
        if (!run.success) {
            //: The result of a run in 'runs' (at most 7 characters)
            result = tr("failed");
        }
        m_out << padded(run.startedAt.toUTC().toString(Qt::ISODate), 21) << padded(addresses.value(run.mailboxId), 28)
              << padded(run.node, 34) << padded(run.leaseEpoch > 0 ? QString::number(run.leaseEpoch) : u"-"_s, 7)
              << padded(result, 8) << padded(QString::number(run.itemsNew), 6)
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
