#include "storepoller.h"

#include "actstore.h"
#include "config/configimporter.h"
#include "config/configparser.h"
#include "config/keychain.h"
#include "config/privatefiles.h"
#include "crmstore.h"
#include "diagnostics/alertmanager.h"
#include "diagnostics/diagnosticbundle.h"
#include "logging/logger.h"
#include "logging/logpersister.h"
#include "oauth/oauthtokenbroker.h"
#include "pushstore.h"
#include "store.h"
#include "store/diagnosticsstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonValue>

namespace SyncDesk {

using namespace Qt::StringLiterals;

StorePoller::StorePoller(const StoreConfig &config, int intervalMs, int initialLogRecords)
    : m_config(config)
    , m_initialLogRecords(initialLogRecords)
{
    qRegisterMetaType<SyncDesk::MailboxStatusList>();
    qRegisterMetaType<QList<SyncDesk::LogRecord>>();
    qRegisterMetaType<SyncDesk::SyncError>();
    qRegisterMetaType<QList<SyncDesk::NodeStatus>>();
    qRegisterMetaType<SyncDesk::MailboxDetails>();
    qRegisterMetaType<SyncDesk::RunStatistics>();
    qRegisterMetaType<QList<SyncDesk::ServerProfile>>();
    qRegisterMetaType<SyncDesk::CrmRecordList>();
    qRegisterMetaType<QList<SyncDesk::TrackRequest>>();
    qRegisterMetaType<QList<SyncDesk::Alert>>();
    qRegisterMetaType<SyncDesk::ItemFailureList>();
    qRegisterMetaType<QList<SyncDesk::OutgoingEmail>>();
    qRegisterMetaType<QHash<qint64, SyncDesk::OutgoingDirection>>();
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StorePoller::pollNow);
}

StorePoller::~StorePoller()
{
    stop();
}

void StorePoller::start()
{
    m_timer.start();
    pollNow();
}

void StorePoller::stop()
{
    m_timer.stop();
    m_store.reset();
}

void StorePoller::pollNow()
{
    if (!m_store) {
        auto opened = Store::open(m_config);
        if (!opened) {
            if (!m_reportedFailure) {
                m_reportedFailure = true;
                Q_EMIT failed(opened.error());
            }
            return;
        }
        m_store = std::move(opened).value();
        m_reportedFailure = false;
    }
    auto version = m_store->dataVersion();
    if (!version) {
        Q_EMIT failed(version.error());
        m_store.reset();
        return;
    }
    // data_version only moves when another connection commits; the first look always reads.
    if (*version != m_dataVersion || m_dataVersion < 0) {
        auto statuses = m_store->mailboxStatuses();
        if (!statuses) {
            Q_EMIT failed(statuses.error());
            return;
        }
        m_dataVersion = *version;
        Q_EMIT statusesChanged(*statuses);
        pollOutbox(*statuses);
        if (auto profiles = m_store->profiles()) {
            Q_EMIT profilesChanged(*profiles);
        }
        auto nodes = m_store->nodes();
        auto scheduler = m_store->setting(u"scheduler"_s);
        if (nodes && scheduler) {
            const QJsonValue grace = scheduler->value(u"overdue_grace_seconds"_s);
            Q_EMIT enginesChanged(*nodes, grace.isDouble() ? grace.toInt() : 60);
        }
        pollDiagnostics();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (!m_lastStatistics.isValid() || m_lastStatistics.msecsTo(now) >= 5000) {
            m_lastStatistics = now;
            auto hour = m_store->runStatistics(now.addSecs(-3600));
            auto five = m_store->runStatistics(now.addSecs(-300));
            if (hour && five) {
                Q_EMIT statisticsChanged(*hour, *five);
            }
        }
    }
    if (m_lastLogId < 0) {
        auto last = m_store->lastLogId();
        if (!last) {
            Q_EMIT failed(last.error());
            return;
        }
        m_lastLogId = qMax<qint64>(0, *last - m_initialLogRecords);
    }
    while (true) {
        auto records = m_store->logRecordsAfter(m_lastLogId, 5000);
        if (!records) {
            Q_EMIT failed(records.error());
            return;
        }
        if (records->isEmpty()) {
            break;
        }
        m_lastLogId = records->constLast().id;
        Q_EMIT logRecordsAdded(*records);
        if (records->size() < 5000) {
            break;
        }
    }
}

void StorePoller::setMailboxesEnabled(const QList<qint64> &mailboxIds, bool enabled)
{
    if (!m_store) {
        pollNow();
    }
    if (!m_store) {
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Status status = m_store->transaction([&]() -> Status {
        for (qint64 id : mailboxIds) {
            if (Status set = m_store->setMailboxEnabled(id, enabled, u"admin"_s, now); !set) {
                return set;
            }
            if (enabled) {
                if (Status closed = AlertManager::mailboxEnabled(*m_store, id, now); !closed) {
                    return closed;
                }
            }
        }
        return {};
    });
    if (!status) {
        Q_EMIT failed(status.error());
        return;
    }
    m_dataVersion = -1; // our own write does not move data_version: read again now
    pollNow();
}

void StorePoller::loadDetails(qint64 mailboxId)
{
    if (!m_store) {
        pollNow();
    }
    if (!m_store) {
        return;
    }
    MailboxDetails details;
    auto statuses = m_store->mailboxStatuses();
    if (!statuses) {
        Q_EMIT failed(statuses.error());
        return;
    }
    const auto found = std::find_if(statuses->cbegin(), statuses->cend(),
                                    [&](const MailboxStatus &status) { return status.mailbox.id == mailboxId; });
    if (found == statuses->cend()) {
        return; // deleted meanwhile
    }
    details.status = *found;
    auto profile = m_store->profile(found->mailbox.profileId);
    auto runs = m_store->recentRuns(mailboxId, 5000, QDateTime::currentDateTimeUtc().addDays(-1));
    auto alerts = m_store->alerts(false);
    if (!profile || !runs || !alerts) {
        Q_EMIT failed(!profile ? profile.error() : !runs ? runs.error() : alerts.error());
        return;
    }
    if (profile->has_value()) {
        details.profile = **profile;
    }
    details.runs = *runs;
    auto activities = m_store->recentActivities(mailboxId, 50);
    auto requests = CrmStore(*m_store).trackRequests(mailboxId, 20);
    if (!activities || !requests) {
        Q_EMIT failed(!activities ? activities.error() : requests.error());
        return;
    }
    details.activities = *activities;
    details.trackRequests = *requests;
    auto directions = OutgoingDirection::evaluateAll(*m_store, {*found}, QDateTime::currentDateTimeUtc());
    OutboxStore::Filter latest;
    latest.mailboxId = mailboxId;
    latest.limit = 10;
    latest.withMessage = false;
    auto outbox = OutboxStore(*m_store).emails(latest);
    if (!directions || !outbox) {
        Q_EMIT failed(!directions ? directions.error() : outbox.error());
        return;
    }
    details.outgoing = directions->value(mailboxId);
    details.outbox = *outbox;
    ActStore act(*m_store);
    auto actState = act.state(mailboxId);
    auto conflicts = act.conflicts(mailboxId, 10);
    auto collections = act.collections(mailboxId);
    if (!actState || !conflicts || !collections) {
        Q_EMIT failed(!actState ? actState.error() : !conflicts ? conflicts.error() : collections.error());
        return;
    }
    details.act =
        ActStatus::evaluate(found->mailbox, profile->has_value() ? std::optional(**profile) : std::nullopt, *actState);
    details.actConflicts = *conflicts;
    details.actCollections = *collections;
    if (auto pushes = PushStore(*m_store).all(); pushes && pushes->contains(mailboxId)) {
        auto nodes = m_store->nodes();
        const PushStore::Row row = pushes->value(mailboxId);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (nodes && std::any_of(nodes->cbegin(), nodes->cend(), [&](const NodeStatus &node) {
                return node.nodeId == row.node && node.isAlive(now);
            })) {
            details.push = row.status;
            details.pushNode = row.node;
        }
    }
    if (details.profile.oauth) {
        if (const auto tokens = OAuthTokenBroker::instance().store()) {
            if (auto record = tokens->load(found->mailbox.address); record && record->has_value()) {
                details.signIn = **record;
            }
        }
    }
    for (const Alert &alert : *alerts) {
        if (alert.mailboxId == mailboxId || (alert.mailboxId == 0 && alert.profileId == found->mailbox.profileId)) {
            details.alerts.append(alert);
        }
    }
    Q_EMIT detailsLoaded(details);
}

void StorePoller::applyConfig(const QByteArray &json, const QString &baseDir, const QString &origin,
                              const QHash<QString, QString> &secrets)
{
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        if (it.key().startsWith(u"keychain:"_s)) {
            if (Status written = Keychain::write(it.key().mid(9), it.value()); !written) {
                Q_EMIT configApplied(origin, {written.error().toString()}, {}, {});
                return;
            }
            continue;
        }
        (void)PrivateFiles::makeFolders(QFileInfo(it.key()).absolutePath());
        QFile file(it.key());
        // Created 0600 (an existing one made so) before the password goes in.
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
            !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
            file.write(it.value().toUtf8() + '\n') < 0) {
            //: %1 is a file, %2 the system's reason
            Q_EMIT configApplied(
                origin, {tr("cannot write the password file %1: %2").arg(it.key(), file.errorString())}, {}, {});
            return;
        }
    }
    if (!m_store) {
        pollNow();
    }
    if (!m_store) {
        Q_EMIT configApplied(origin, {tr("the database cannot be opened")}, {}, {});
        return;
    }
    const ConfigParser::Outcome parsed = ConfigParser::parse(json, baseDir);
    QStringList issues;
    if (const auto *list = std::get_if<QList<ConfigIssue>>(&parsed)) {
        for (const ConfigIssue &issue : *list) {
            issues.append(issue.toString());
        }
        Q_EMIT configApplied(origin, issues, {}, {});
        return;
    }
    const ConfigFile &file = std::get<ConfigFile>(parsed);
    const ConfigImporter::Outcome imported = ConfigImporter::import(*m_store, file);
    if (const auto *list = std::get_if<QList<ConfigIssue>>(&imported)) {
        for (const ConfigIssue &issue : *list) {
            issues.append(issue.toString());
        }
        Q_EMIT configApplied(origin, issues, {}, {});
        return;
    }
    if (const auto *error = std::get_if<SyncError>(&imported)) {
        Q_EMIT configApplied(origin, {error->toString()}, {}, {});
        return;
    }
    const ImportSummary &summary = std::get<ImportSummary>(imported);
    QStringList warnings;
    for (const ConfigIssue &warning : file.warnings + summary.warnings) {
        warnings.append(warning.toString());
    }
    //: numbers of server profiles and of mailboxes that the configuration added, changed and left as they were
    const QString text =
        tr("Server profiles: %1 new, %2 updated, %3 unchanged. Mailboxes: %4 new, %5 updated, %6 unchanged.")
            .arg(summary.profilesCreated)
            .arg(summary.profilesUpdated)
            .arg(summary.profilesUnchanged)
            .arg(summary.mailboxesCreated)
            .arg(summary.mailboxesUpdated)
            .arg(summary.mailboxesUnchanged);
    m_dataVersion = -1; // our own write: read again now
    pollNow();
    Q_EMIT configApplied(origin, {}, text, warnings);
}

void StorePoller::requestSync(const QList<qint64> &mailboxIds, const QString &reason)
{
    if (!m_store) {
        pollNow();
    }
    if (!m_store) {
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Status status = m_store->transaction([&]() -> Status {
        for (qint64 id : mailboxIds) {
            if (Status requested = m_store->requestSync(id, reason, now); !requested) {
                return requested;
            }
        }
        return {};
    });
    if (!status) {
        Q_EMIT failed(status.error());
    }
}

void StorePoller::loadCrm()
{
    if (!m_store) {
        pollNow();
    }
    if (!m_store) {
        return;
    }
    CrmStore crm(*m_store);
    auto records = crm.records();
    auto requests = crm.trackRequests(std::nullopt, 500);
    if (!records || !requests) {
        Q_EMIT failed(!records ? records.error() : requests.error());
        return;
    }
    Q_EMIT crmLoaded(*records, *requests);
}

void StorePoller::addTrackRequest(qint64 mailboxId, const QString &messageId, const QString &regarding)
{
    if (!m_store) {
        pollNow();
    }
    if (!m_store) {
        Q_EMIT trackRequestAdded(mailboxId, 0, tr("the database cannot be opened"));
        return;
    }
    TrackRequest request;
    request.mailboxId = mailboxId;
    request.messageId = TrackRequest::normalizeMessageId(messageId);
    if (request.messageId.isEmpty()) {
        //: Message-ID is the name of a mail header
        Q_EMIT trackRequestAdded(mailboxId, 0, tr("\"%1\" is not a Message-ID").arg(messageId.left(80)));
        return;
    }
    CrmStore crm(*m_store);
    if (!regarding.isEmpty()) {
        const RecordRef reference{regarding.section(u':', 0, 0), regarding.section(u':', 1)};
        auto record = crm.record(reference.type, reference.id);
        if (!record) {
            Q_EMIT trackRequestAdded(mailboxId, 0, record.error().toString());
            return;
        }
        if (!record->has_value()) {
            //: %1 is a record reference, type:id
            Q_EMIT trackRequestAdded(mailboxId, 0, tr("%1 is not a CRM record").arg(regarding));
            return;
        }
        request.regarding = reference;
    }
    auto id = crm.addTrackRequest(request);
    if (!id) {
        Q_EMIT trackRequestAdded(mailboxId, 0, id.error().toString());
        return;
    }
    Log::info(u"tracking"_s, {}, u"track request #%1 for <%2> from the console"_s.arg(*id).arg(request.messageId));
    Q_EMIT trackRequestAdded(mailboxId, *id, QString());
}

} // namespace SyncDesk

namespace SyncDesk {

void StorePoller::pollDiagnostics()
{
    if (!m_store) {
        return;
    }
    auto alerts = m_store->alerts(m_showClosedAlerts);
    if (!alerts) {
        Q_EMIT failed(alerts.error());
        return;
    }
    DiagnosticsStore diagnostics(*m_store);
    QList<Alert> list = std::move(alerts).value();
    if (list.size() > 2000) {
        list.resize(2000); // the newest; the CLI lists them all
    }
    for (Alert &alert : list) {
        if (alert.kind == u"profile-outage"_s) {
            if (auto members = diagnostics.incidentMembers(alert.id)) {
                alert.members = *members;
            }
        }
    }
    Q_EMIT alertsChanged(list);
    if (auto failures = diagnostics.itemFailures(std::nullopt, 5000)) {
        Q_EMIT itemFailuresChanged(*failures);
    } else {
        Q_EMIT failed(failures.error());
    }
}

void StorePoller::setShowClosedAlerts(bool show)
{
    m_showClosedAlerts = show;
    pollDiagnostics();
}

void StorePoller::writeThenPoll(const std::function<QString(QString &message)> &write)
{
    if (!m_store) {
        pollNow();
    }
    if (!m_store) {
        Q_EMIT actionDone({}, tr("the database cannot be opened"));
        return;
    }
    QString message;
    const QString error = write(message);
    LogPersister(*m_store).flush();
    m_dataVersion = -1; // our own write does not move data_version: read again now
    pollNow();
    Q_EMIT actionDone(error.isEmpty() ? message : QString(), error);
}

void StorePoller::acknowledgeAlert(qint64 alertId)
{
    writeThenPoll([this, alertId](QString &message) -> QString {
        auto acknowledged = DiagnosticsStore(*m_store).acknowledgeAlert(alertId, QDateTime::currentDateTimeUtc());
        if (!acknowledged) {
            return acknowledged.error().toString();
        }
        Log::info(u"console"_s, acknowledged->mailboxAddress, u"alert %1 acknowledged"_s.arg(alertId));
        //: %1 is the alert's number
        message = tr("Alert %1 acknowledged").arg(alertId);
        return {};
    });
}

void StorePoller::reenableIncident(qint64 alertId)
{
    writeThenPoll([this, alertId](QString &message) -> QString {
        auto enabled = DiagnosticsStore(*m_store).reenableIncident(alertId, QDateTime::currentDateTimeUtc());
        if (!enabled) {
            return enabled.error().toString();
        }
        Log::info(
            u"console"_s, {},
            u"Re-enabled %1 mailbox(es) disabled by incident %2; they sync now"_s.arg(enabled->size()).arg(alertId));
        const int count = int(enabled->size());
        //: %1 is the incident's number
        message = tr("Re-enabled %n mailbox(es) disabled by incident %1; they sync now", nullptr, count).arg(alertId);
        return {};
    });
}

void StorePoller::retryItemFailures(const QList<qint64> &mailboxIds)
{
    writeThenPoll([this, mailboxIds](QString &message) -> QString {
        DiagnosticsStore diagnostics(*m_store);
        QList<std::optional<qint64>> targets;
        if (mailboxIds.isEmpty()) {
            targets.append(std::nullopt);
        }
        for (qint64 id : mailboxIds) {
            targets.append(id);
        }
        int marked = 0;
        QSet<qint64> mailboxes;
        for (const std::optional<qint64> &target : targets) {
            auto failures = diagnostics.itemFailures(target, 100000);
            auto count = diagnostics.retryItemFailures(target);
            if (!failures || !count) {
                return (!failures ? failures.error() : count.error()).toString();
            }
            marked += *count;
            for (const ItemFailure &failure : std::as_const(*failures)) {
                mailboxes.insert(failure.mailboxId);
            }
        }
        return requestRetrySyncs(mailboxes, marked, message);
    });
}

void StorePoller::retryItemFailureIds(const QList<qint64> &failureIds)
{
    writeThenPoll([this, failureIds](QString &message) -> QString {
        DiagnosticsStore diagnostics(*m_store);
        auto failures = diagnostics.itemFailures(std::nullopt, 100000);
        auto count = diagnostics.retryItemFailureIds(failureIds);
        if (!failures || !count) {
            return (!failures ? failures.error() : count.error()).toString();
        }
        QSet<qint64> mailboxes;
        for (const ItemFailure &failure : std::as_const(*failures)) {
            if (failureIds.contains(failure.id)) {
                mailboxes.insert(failure.mailboxId);
            }
        }
        return requestRetrySyncs(mailboxes, *count, message);
    });
}

QString StorePoller::requestRetrySyncs(const QSet<qint64> &mailboxes, int marked, QString &message)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qint64 id : mailboxes) {
        if (Status requested = m_store->requestSync(id, u"retry-failures"_s, now); !requested) {
            return requested.error().toString();
        }
    }
    Log::info(u"console"_s, {}, u"%1 failed item(s) will be fetched again by the next sync"_s.arg(marked));
    message = tr("%n failed item(s) will be fetched again by the next sync", nullptr, marked);
    return {};
}

void StorePoller::setMailboxVerbose(qint64 mailboxId, bool verbose)
{
    writeThenPoll([this, mailboxId, verbose](QString &message) -> QString {
        if (Status set = DiagnosticsStore(*m_store).setMailboxVerbose(mailboxId, verbose); !set) {
            return set.error().toString();
        }
        message = verbose ? tr("Verbose log switched on") : tr("Verbose log switched off");
        return {};
    });
}

void StorePoller::exportDiagnostics(const QString &address, const QString &path)
{
    writeThenPoll([this, address, path](QString &message) -> QString {
        if (Status written = DiagnosticBundle::write(*m_store, address, path, QDateTime::currentDateTimeUtc());
            !written) {
            return written.error().toString();
        }
        //: %1 is a mailbox address, %2 a file
        message = tr("Diagnostic bundle of %1 written to %2").arg(address, path);
        return {};
    });
}

} // namespace SyncDesk
