// The reporting commands of syncdesk-node: status, export activities and scheduler, and what they
// share (times relative to now, the overdue grace, whether an engine runs).

#include "act/actstatus.h"
#include "diagnostics/hintcatalog.h"
#include "model/alert.h"
#include "model/jsonexport.h"
#include "nodecli.h"
#include "outgoing/outgoingdirection.h"
#include "scheduler/schedulersettings.h"
#include "store/actstore.h"
#include "store/outboxstore.h"
#include "store/pushstore.h"
#include "store/store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

// Problems of one engine rather than of a mailbox (StoreHealth, PasswordProblems), from their open alerts:
// per mailbox id (0: the engine's own, such as its store failing).
QHash<qint64, QJsonArray> engineProblems(Store &store)
{
    QHash<qint64, QJsonArray> problems;
    auto alerts = store.alerts(false);
    if (!alerts) {
        return problems;
    }
    for (const Alert &alert : *alerts) {
        QString node;
        if (alert.kind == u"password-unavailable"_s) {
            // "password-unavailable:NODE:MAILBOX"; a node id may hold colons itself.
            node = alert.causeKey.section(u':', 1, -2);
        } else if (alert.kind == u"store-failing"_s) {
            node = alert.causeKey.section(u':', 1);
        } else {
            continue;
        }
        problems[alert.mailboxId].append(QJsonObject{{u"node"_s, node},
                                                     {u"hint"_s, alert.hintId},
                                                     {u"message"_s, alert.message},
                                                     {u"since"_s, JsonExport::time(alert.raisedAt)}});
    }
    return problems;
}

} // namespace

QString NodeCli::narrowStatuses(Store &store, MailboxStatusList &statuses, const QDateTime &now, int grace)
{
    // --state: any of those named; --profile, --mailbox, --owner: each narrows further.
    static const QStringList kStates{u"ok"_s, u"failing"_s, u"disabled"_s, u"overdue"_s, u"syncing"_s, u"never"_s};
    QStringList states;
    for (const QString &value : m_parser.values(u"state"_s)) {
        for (const QString &state : value.split(u',', Qt::SkipEmptyParts)) {
            if (!kStates.contains(state.trimmed().toLower())) {
                //: %1: what was given, %2: the states --state takes (not translated)
                return tr("--state '%1' is not a state; use one of %2").arg(state, kStates.join(u", "_s));
            }
            states.append(state.trimmed().toLower());
        }
    }
    QString profile;
    if (m_parser.isSet(u"profile"_s)) {
        auto profiles = store.profiles();
        if (!profiles) {
            return profiles.error().toString();
        }
        QStringList names;
        for (const ServerProfile &candidate : *profiles) {
            names.append(candidate.name);
            if (candidate.name.compare(m_parser.value(u"profile"_s), Qt::CaseInsensitive) == 0) {
                profile = candidate.name;
            }
        }
        if (profile.isEmpty()) {
            //: %1: the profile given, %2: the database, %3: the profiles there are
            return tr("no server profile %1 in %2 (there are: %3)")
                .arg(m_parser.value(u"profile"_s), m_storeConfig.describe(), names.join(u", "_s));
        }
    }
    QStringList addresses;
    for (const QString &address : m_parser.values(u"mailbox"_s)) {
        const auto found = std::find_if(statuses.cbegin(), statuses.cend(), [&](const MailboxStatus &status) {
            return status.mailbox.address.compare(address, Qt::CaseInsensitive) == 0;
        });
        if (found == statuses.cend()) {
            return tr("no mailbox %1 in %2").arg(address, m_storeConfig.describe());
        }
        addresses.append(found->mailbox.address);
    }
    const QString owner = m_parser.value(u"owner"_s);
    statuses.removeIf([&](const MailboxStatus &status) {
        if (!states.isEmpty()) {
            const bool overdue = status.isOverdue(now, grace);
            const QString state = runStateName(status.runState(now));
            if (!states.contains(state) && !(overdue && states.contains(u"overdue"_s))) {
                return true;
            }
        }
        if (!profile.isEmpty() && status.mailbox.profileName != profile) {
            return true;
        }
        if (!addresses.isEmpty() && !addresses.contains(status.mailbox.address)) {
            return true;
        }
        if (!owner.isEmpty()) {
            const bool typed = owner.contains(u':');
            if (typed ? status.mailbox.owner().compare(owner, Qt::CaseInsensitive) != 0
                      : status.mailbox.ownerKey.compare(owner, Qt::CaseInsensitive) != 0) {
                return true;
            }
        }
        return false;
    });
    return {};
}

QString NodeCli::ago(const QDateTime &time, const QDateTime &now, bool withAgo)
{
    if (!time.isValid()) {
        //: A time that has not been: no sync yet, no heartbeat
        return tr("never");
    }
    const qint64 seconds = time.secsTo(now);
    if (seconds < 0) {
        const qint64 ahead = -seconds;
        if (ahead < 90) {
            //: A time %1 seconds from now
            return tr("in %1 s").arg(ahead);
        }
        //: A time %1 minutes from now
        return tr("in %1 min").arg((ahead + 30) / 60);
    }
    if (seconds < 5) {
        return tr("just now");
    }
    if (seconds < 90) {
        if (withAgo) {
            //: A time %1 seconds ago
            return tr("%1 s ago").arg(seconds);
        }
        //: A span of %1 seconds, as in "overdue %1 s"
        return tr("%1 s").arg(seconds);
    }
    const qint64 minutes = (seconds + 30) / 60;
    if (seconds < 7200) {
        if (withAgo) {
            //: A time %1 minutes ago
            return tr("%1 min ago").arg(minutes);
        }
        //: A span of %1 minutes, as in "overdue %1 min"
        return tr("%1 min").arg(minutes);
    }
    const qint64 hours = (seconds + 1800) / 3600;
    if (withAgo) {
        //: A time %1 hours ago
        return tr("%1 h ago").arg(hours);
    }
    //: A span of %1 hours, as in "overdue %1 h"
    return tr("%1 h").arg(hours);
}

namespace {

// "ok", "pending 3", "stuck 2", "failing 1": the state and the emails waiting.
QString outgoingCell(const OutgoingDirection &outgoing)
{
    const QString name = outgoingStateName(outgoing.state);
    return outgoing.summary.pending > 0 ? name + u' ' + QString::number(outgoing.summary.pending) : name;
}

} // namespace

QHash<qint64, QJsonObject> NodeCli::pushStates(Store &store, const QDateTime &now)
{
    QHash<qint64, QJsonObject> out;
    auto rows = PushStore(store).all();
    auto nodes = store.nodes();
    if (!rows || !nodes) {
        return out;
    }
    // Rows of an engine that stopped without removing them (killed) are old news.
    QSet<QString> live;
    for (const NodeStatus &node : std::as_const(*nodes)) {
        if (node.isAlive(now)) {
            live.insert(node.nodeId);
        }
    }
    for (const PushStore::Row &row : std::as_const(*rows)) {
        if (!live.contains(row.node)) {
            continue;
        }
        const PushStatus &push = row.status;
        out.insert(
            push.mailboxId,
            QJsonObject{{u"state"_s, pushStateName(push.state)},
                        {u"since"_s, push.since.toUTC().toString(Qt::ISODateWithMs)},
                        {u"reason"_s, push.reason},
                        {u"node"_s, row.node},
                        {u"events"_s, push.events},
                        {u"last_event_at"_s, push.lastEventAt.isValid()
                                                 ? QJsonValue(push.lastEventAt.toUTC().toString(Qt::ISODateWithMs))
                                                 : QJsonValue(QJsonValue::Null)},
                        {u"error"_s, push.error.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(push.error)}});
    }
    return out;
}

int NodeCli::status()
{
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    auto statuses = (*store)->mailboxStatuses();
    if (!statuses) {
        return storeFailure(statuses.error());
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto grace = overdueGrace(**store);
    if (!grace) {
        return storeFailure(grace.error());
    }
    const bool engine = engineRunning(**store);
    MailboxStatusList shown = *statuses;
    const qsizetype total = shown.size();
    if (const QString problem = narrowStatuses(**store, shown, now, *grace); !problem.isEmpty()) {
        return usage(problem);
    }
    const bool narrowed = shown.size() != total || m_parser.isSet(u"state"_s) || m_parser.isSet(u"profile"_s) ||
                          m_parser.isSet(u"mailbox"_s) || m_parser.isSet(u"owner"_s);
    const QHash<qint64, QJsonArray> problems = engineProblems(**store);
    // The outgoing direction of each mailbox, beside the incoming one.
    auto directions = OutgoingDirection::evaluateAll(**store, shown, now);
    if (!directions) {
        return storeFailure(directions.error());
    }
    auto outgoingOf = [&](const MailboxStatus &status) {
        return directions->value(status.mailbox.id);
    };
    // The ACT direction (appointments, contacts, tasks), the third one.
    auto actStates = ActStore(**store).states();
    if (!actStates) {
        return storeFailure(actStates.error());
    }
    auto profiles = (*store)->profiles();
    if (!profiles) {
        return storeFailure(profiles.error());
    }
    auto actOf = [&](const MailboxStatus &status) {
        std::optional<ServerProfile> profile;
        for (const ServerProfile &p : std::as_const(*profiles)) {
            if (p.id == status.mailbox.profileId) {
                profile = p;
            }
        }
        ActStore::State state = actStates->value(status.mailbox.id);
        state.mailboxId = status.mailbox.id;
        return ActStatus::evaluate(status.mailbox, profile, state);
    };
    if (m_parser.isSet(u"json"_s)) {
        const QHash<qint64, QJsonObject> pushes = pushStates(**store, now);
        QJsonArray array;
        for (const MailboxStatus &status : std::as_const(shown)) {
            QJsonObject json = JsonExport::mailboxStatus(status, now, *grace, engine);
            // What an engine cannot do for this mailbox (its own problem, not the mailbox's): node, hint, message.
            json.insert(u"engine_problems"_s, problems.value(status.mailbox.id));
            // The keys above are the incoming direction's (as before outgoing email); "incoming" repeats its
            // state, "outgoing" is the other direction, and "overall_state" is the worse of the two.
            const OutgoingDirection outgoing = outgoingOf(status);
            const QString incomingState = json.value(u"state"_s).toString();
            json.insert(u"incoming"_s, QJsonObject{{u"state"_s, incomingState},
                                                   {u"last_success_at"_s, json.value(u"last_success_at"_s)},
                                                   {u"consecutive_failures"_s, json.value(u"consecutive_failures"_s)},
                                                   {u"last_error"_s, json.value(u"last_error"_s)}});
            json.insert(u"outgoing"_s, outgoing.toJson(now));
            json.insert(u"outgoing_enabled"_s, status.mailbox.outgoing);
            const ActStatus act = actOf(status);
            json.insert(u"act"_s, act.toJson());
            QString overall = outgoing.overallState(incomingState);
            if (act.failing() && overall != u"disabled"_s) {
                overall = u"failing"_s;
            }
            json.insert(u"overall_state"_s, overall);
            if (const auto push = pushes.constFind(status.mailbox.id); push != pushes.constEnd()) {
                json.insert(u"push"_s, *push);
            } else if (status.mailbox.push) {
                // Asked for, not held by any engine: its profile's max_push_connections is reached, the server has no
                // IDLE, or no engine runs. It is polled.
                json.insert(u"push"_s, QJsonObject{{u"state"_s, u"off"_s}, {u"reason"_s, u"configured"_s}});
            } else {
                json.insert(u"push"_s, QJsonValue::Null);
            }
            array.append(json);
        }
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        m_out.flush();
        return Success;
    }
    if (total == 0) {
        //: %1: the database
        m_out << tr("No mailboxes in %1. Import a configuration with 'syncdesk-node config import FILE.json'.")
                     .arg(m_storeConfig.describe())
              << "\n";
        m_out.flush();
        return Success;
    }
    if (narrowed) {
        //: %1 of all %n mailboxes are shown (the filters leave %1)
        m_err << tr("%1 of %n mailbox(es) shown.", nullptr, int(total)).arg(shown.size()) << "\n";
        m_err.flush();
    }
    // Qt::left first: lupdate drops a translator comment that follows it.
    m_out << Qt::left
          << qSetFieldWidth(34)
          //: Column header of 'status': the mailbox address
          << tr("ADDRESS")
          << qSetFieldWidth(10)
          //: Column header of 'status': the mailbox's state (ok, failing, ...)
          << tr("STATE")
          << qSetFieldWidth(20)
          //: Column header of 'status': the sync interval
          << tr("INTERVAL")
          << qSetFieldWidth(14)
          //: Column header of 'status': the last successful sync
          << tr("LAST OK")
          << qSetFieldWidth(30)
          //: Column header of 'status': the next sync
          << tr("NEXT")
          << qSetFieldWidth(6)
          //: Column header of 'status': consecutive failures (the column is 6 characters wide)
          << tr("FAIL")
          << qSetFieldWidth(16)
          //: Column header of 'status': the outgoing direction's state and how many emails wait
          << tr("OUTGOING")
          << qSetFieldWidth(0)
          //: Column header of 'status'
          << tr("LAST ERROR") << "\n";
    if (!engine) {
        m_err << tr("note: no engine runs on this database (start 'syncdesk-node run' or the console)") << "\n";
    }
    for (const QJsonArray &list : problems) {
        for (const QJsonValue &problem : list) {
            //: %1: an engine's problem, %2: its hint's id (not translated)
            m_err << tr("note: %1 [hint: %2]")
                         .arg(problem.toObject().value(u"message"_s).toString(),
                              problem.toObject().value(u"hint"_s).toString())
                  << "\n";
        }
    }
    for (const MailboxStatus &status : std::as_const(shown)) {
        const MailboxState &state = status.state;
        const QString error = state.hasError() ? errorClassName(state.lastErrorClass) + u": "_s +
                                                     HintCatalog::instance().summary(state.lastErrorHintId)
                                               : QString();
        //: The next sync: due now
        QString next = status.mailbox.enabled ? (state.nextDueAt.isValid() ? ago(state.nextDueAt, now) : tr("now"))
                                              : u"- ("_s + status.mailbox.disabledReason + u')';
        if (status.isOverdue(now, *grace)) {
            const QJsonObject json = JsonExport::mailboxStatus(status, now, *grace, engine);
            //: %1: for how long ("10 min"), %2: the cause (an id such as no-engine, not translated)
            next =
                tr("overdue %1 (%2)").arg(ago(state.nextDueAt, now, false), json.value(u"overdue_cause"_s).toString());
        }
        m_out << qSetFieldWidth(34) << status.mailbox.address << qSetFieldWidth(10)
              << runStateName(status.runState(now))
              << qSetFieldWidth(20)
              //: The sync interval: %1 minutes, %2: why (an id such as normal or backoff, not translated)
              << tr("%1 min %2")
                     .arg(QString::number(state.intervalSeconds() / 60.0, 'g', 3),
                          intervalReasonName(state.intervalReason))
              << qSetFieldWidth(14) << ago(state.lastSuccessAt, now) << qSetFieldWidth(30) << next << qSetFieldWidth(6)
              << state.consecutiveFailures << qSetFieldWidth(16) << outgoingCell(outgoingOf(status))
              << qSetFieldWidth(0) << error << "\n";
    }
    m_out.flush();
    return Success;
}

int NodeCli::exportActivities(const QStringList &positional)
{
    if (positional.size() != 1 || positional.at(0) != u"activities"_s) {
        return usage(tr("usage: syncdesk-node export activities --jsonl [--mailbox ADDRESS] [--output FILE]"));
    }
    if (!m_parser.isSet(u"jsonl"_s)) {
        return usage(tr("'export activities' needs --jsonl (one JSON object per line)"));
    }
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    auto ids = resolveMailboxes(**store, false);
    if (!ids) {
        return ids.error().errorClass == ErrorClass::Store ? storeFailure(ids.error()) : usage(ids.error().message);
    }
    QFile output;
    if (m_parser.isSet(u"output"_s)) {
        output.setFileName(m_parser.value(u"output"_s));
        // Mail: created 0600.
        if (!output.open(QIODevice::WriteOnly | QIODevice::Truncate,
                         QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            //: %1: a file, %2: why not
            return usage(tr("cannot write %1: %2").arg(output.fileName(), output.errorString()));
        }
    } else if (!output.open(stdout, QIODevice::WriteOnly)) {
        return usage(tr("cannot write to standard output"));
    }
    qint64 count = 0;
    auto write = [&](const Activity &activity) {
        output.write(QJsonDocument(JsonExport::activity(activity)).toJson(QJsonDocument::Compact));
        output.write("\n");
        ++count;
        return true;
    };
    if (m_parser.isSet(u"mailbox"_s)) {
        for (qint64 id : *ids) {
            if (Status exported = (*store)->forEachActivity(write, id); !exported) {
                return storeFailure(exported.error());
            }
        }
    } else if (Status exported = (*store)->forEachActivity(write); !exported) {
        return storeFailure(exported.error());
    }
    output.flush();
    if (m_parser.isSet(u"output"_s)) {
        //: plural: Exported %n activity to %1.
        m_err << tr("Exported %n activities to %1.", nullptr, int(count)).arg(output.fileName()) << "\n";
        m_err.flush();
    }
    return Success;
}

Result<int> NodeCli::overdueGrace(Store &store)
{
    auto stored = store.setting(u"scheduler"_s);
    if (!stored) {
        return stored.error();
    }
    return SchedulerSettings().withStored(*stored).overdueGraceSeconds;
}

bool NodeCli::engineRunning(Store &store)
{
    auto nodes = store.nodes();
    if (!nodes) {
        return false;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return std::any_of(nodes->cbegin(), nodes->cend(), [&](const NodeStatus &node) { return node.isAlive(now); });
}

int NodeCli::scheduler()
{
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    auto nodes = (*store)->nodes();
    auto statuses = (*store)->mailboxStatuses();
    auto profiles = (*store)->profiles();
    auto grace = overdueGrace(**store);
    for (const SyncError *error : {nodes ? nullptr : &nodes.error(), statuses ? nullptr : &statuses.error(),
                                   profiles ? nullptr : &profiles.error(), grace ? nullptr : &grace.error()}) {
        if (error) {
            return storeFailure(*error);
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray engines;
    int workersBusy = 0;
    int workersTotal = 0;
    int queued = 0;
    QHash<QString, QJsonObject> perProfile;
    for (const ServerProfile &profile : *profiles) {
        perProfile.insert(profile.name, QJsonObject{{u"profile"_s, profile.name},
                                                    {u"connections_in_use"_s, 0},
                                                    {u"max_connections"_s, profile.maxConcurrentConnections},
                                                    {u"needed_connections"_s, 0},
                                                    {u"needed_connections_for_guarantee"_s, 0},
                                                    {u"overdue"_s, 0}});
    }
    for (const NodeStatus &node : *nodes) {
        if (!node.isAlive(now)) {
            continue;
        }
        workersBusy += node.workersBusy;
        workersTotal += node.workersTotal;
        queued += node.queued;
        engines.append(QJsonObject{{u"node"_s, node.nodeId},
                                   {u"host"_s, node.host},
                                   {u"pid"_s, node.pid},
                                   {u"started_at"_s, JsonExport::time(node.startedAt)},
                                   {u"heartbeat_at"_s, JsonExport::time(node.heartbeatAt)},
                                   {u"workers_busy"_s, node.workersBusy},
                                   {u"workers_total"_s, node.workersTotal},
                                   {u"capacity"_s, node.capacity},
                                   {u"running"_s, node.running},
                                   {u"queue_length"_s, node.queued}});
        for (const QJsonValue &value : node.profiles) {
            const QJsonObject profile = value.toObject();
            QJsonObject &total = perProfile[profile.value(u"profile"_s).toString()];
            total.insert(u"connections_in_use"_s,
                         total.value(u"connections_in_use"_s).toInt() + profile.value(u"running"_s).toInt());
            total.insert(u"needed_connections"_s, qMax(total.value(u"needed_connections"_s).toInt(),
                                                       profile.value(u"needed_connections"_s).toInt()));
            total.insert(u"needed_connections_for_guarantee"_s,
                         qMax(total.value(u"needed_connections_for_guarantee"_s).toInt(),
                              profile.value(u"needed_connections_for_guarantee"_s).toInt()));
        }
    }
    int overdue = 0;
    for (const MailboxStatus &status : *statuses) {
        if (status.isOverdue(now, *grace)) {
            ++overdue;
            QJsonObject &total = perProfile[status.mailbox.profileName];
            total.insert(u"overdue"_s, total.value(u"overdue"_s).toInt() + 1);
        }
    }
    QJsonArray profileArray;
    QStringList names = perProfile.keys();
    names.sort();
    for (const QString &name : names) {
        profileArray.append(perProfile.value(name));
    }
    const QJsonObject view{{u"engine_running"_s, !engines.isEmpty()},
                           {u"engines"_s, engines},
                           {u"workers_busy"_s, workersBusy},
                           {u"workers_total"_s, workersTotal},
                           {u"queue_length"_s, queued},
                           {u"overdue"_s, overdue},
                           {u"profiles"_s, profileArray}};
    if (m_parser.isSet(u"json"_s)) {
        m_out << QString::fromUtf8(QJsonDocument(view).toJson(QJsonDocument::Indented));
        m_out.flush();
        return Success;
    }
    if (engines.isEmpty()) {
        //: %1: the database
        m_out << tr("No engine runs on %1 (start 'syncdesk-node run' or the console).").arg(m_storeConfig.describe())
              << "\n";
    }
    for (const QJsonValue &value : std::as_const(engines)) {
        const QJsonObject engine = value.toObject();
        //: %1: the engine's id, %2/%3: busy/all workers, %n: syncs running, %4: mailboxes waiting in its queue
        m_out << tr("engine %1: workers %2/%3 busy, %n sync(s) running, queue %4", nullptr,
                    engine.value(u"running"_s).toInt())
                     .arg(engine.value(u"node"_s).toString(), QString::number(engine.value(u"workers_busy"_s).toInt()),
                          QString::number(engine.value(u"workers_total"_s).toInt()),
                          QString::number(engine.value(u"queue_length"_s).toInt()))
              << "\n";
    }
    m_out << tr("overdue mailboxes: %1").arg(overdue) << "\n";
    for (const QJsonValue &value : std::as_const(profileArray)) {
        const QJsonObject profile = value.toObject();
        //: %1: a server profile, %2 of its %n connections are in use, %3: its overdue mailboxes
        m_out << "  "
              << tr("%1: %2/%n connection(s), %3 overdue", nullptr, profile.value(u"max_connections"_s).toInt())
                     .arg(profile.value(u"profile"_s).toString(),
                          QString::number(profile.value(u"connections_in_use"_s).toInt()),
                          QString::number(profile.value(u"overdue"_s).toInt()));
        const int needed = profile.value(u"needed_connections"_s).toInt();
        if (needed > profile.value(u"max_connections"_s).toInt()) {
            //: Follows "PROFILE: 2/4 connections, 3 overdue" after a dash
            m_out << " — " << tr("needs about %n connection(s) to keep every interval", nullptr, needed);
        }
        m_out << "\n";
    }
    m_out.flush();
    return Success;
}

} // namespace SyncDesk
