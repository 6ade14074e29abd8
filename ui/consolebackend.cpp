#include "consolebackend.h"

#include "scheduler/syncengine.h"
#include "store/storepoller.h"

#include <QFile>
#include <QFileInfo>

namespace SyncDesk {

using namespace Qt::StringLiterals;

ConsoleBackend::ConsoleBackend(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_pollerThread.setObjectName(u"syncdesk-poller"_s);
    m_engineThread.setObjectName(u"syncdesk-engine"_s);
}

ConsoleBackend::~ConsoleBackend()
{
    if (m_engine) {
        SyncEngine *engine = m_engine;
        QMetaObject::invokeMethod(
            engine, [engine] { delete engine; }, Qt::BlockingQueuedConnection);
        m_engine = nullptr;
    }
    m_engineThread.quit();
    m_engineThread.wait();
    if (m_poller) {
        StorePoller *poller = m_poller;
        QMetaObject::invokeMethod(
            poller, [poller] { delete poller; }, Qt::BlockingQueuedConnection);
        m_poller = nullptr;
    }
    m_pollerThread.quit();
    m_pollerThread.wait();
}

void ConsoleBackend::start()
{
    if (m_started) {
        return;
    }
    m_started = true;
    m_poller = new StorePoller(m_options.store, m_options.pollIntervalMs);
    m_poller->moveToThread(&m_pollerThread);
    connect(m_poller, &StorePoller::statusesChanged, this, &ConsoleBackend::statusesChanged);
    connect(m_poller, &StorePoller::logRecordsAdded, this, &ConsoleBackend::logRecordsAdded);
    connect(m_poller, &StorePoller::failed, this, &ConsoleBackend::storeFailed);
    connect(m_poller, &StorePoller::enginesChanged, this, &ConsoleBackend::enginesChanged);
    connect(m_poller, &StorePoller::detailsLoaded, this, &ConsoleBackend::detailsLoaded);
    connect(m_poller, &StorePoller::statisticsChanged, this, &ConsoleBackend::statisticsChanged);
    connect(m_poller, &StorePoller::configApplied, this, &ConsoleBackend::configApplied);
    connect(m_poller, &StorePoller::profilesChanged, this, &ConsoleBackend::profilesChanged);
    connect(m_poller, &StorePoller::crmLoaded, this, &ConsoleBackend::crmLoaded);
    connect(m_poller, &StorePoller::trackRequestAdded, this,
            [this](qint64 mailboxId, qint64 requestId, const QString &error) {
                // The request is in the store before the sync that completes it is asked for.
                if (requestId > 0) {
                    requestSync({mailboxId});
                }
                Q_EMIT trackRequestAdded(mailboxId, requestId, error);
            });
    connect(m_poller, &StorePoller::alertsChanged, this, &ConsoleBackend::alertsChanged);
    connect(m_poller, &StorePoller::itemFailuresChanged, this, &ConsoleBackend::itemFailuresChanged);
    connect(m_poller, &StorePoller::actionDone, this, &ConsoleBackend::actionDone);
    connect(m_poller, &StorePoller::bulkProgress, this, &ConsoleBackend::bulkProgress);
    connect(m_poller, &StorePoller::bulkFinished, this, &ConsoleBackend::bulkFinished);
    connect(m_poller, &StorePoller::outboxLoaded, this, &ConsoleBackend::outboxLoaded);
    connect(m_poller, &StorePoller::outgoingChanged, this, &ConsoleBackend::outgoingChanged);
    connect(m_poller, &StorePoller::emailComposed, this, &ConsoleBackend::emailComposed);
    connect(m_poller, &StorePoller::actRecordsLoaded, this, &ConsoleBackend::actRecordsLoaded);
    connect(m_poller, &StorePoller::actRecordEdited, this, [this](int kind, qint64 id, const QString &error) {
        Q_EMIT actRecordEdited(static_cast<ActKind>(kind), id, error);
    });
    // The requests are in the store already; an engine in this console takes them at once.
    connect(m_poller, &StorePoller::actSyncsRequested, this, [this](const QList<qint64> &ids) {
        if (m_engine && !ids.isEmpty()) {
            requestSync(ids);
        }
    });
    m_pollerThread.start();
    StorePoller *poller = m_poller;
    QMetaObject::invokeMethod(
        poller,
        [poller, reportOutgoing = m_reportOutgoing, outbox = m_outboxFilter] {
            poller->setReportOutgoing(reportOutgoing);
            if (outbox) {
                poller->watchOutbox(*outbox);
            }
            poller->start();
        },
        Qt::QueuedConnection);

    if (!m_options.runEngine) {
        return;
    }
    EngineSettings settings;
    settings.store = m_options.store;
    settings.scheduler = m_options.scheduler;
    m_engine = new SyncEngine(settings);
    m_engine->moveToThread(&m_engineThread);
    connect(m_engine, &SyncEngine::syncStarted, m_poller, &StorePoller::pollNow);
    connect(m_engine, &SyncEngine::syncFinished, m_poller, &StorePoller::pollNow);
    connect(m_engine, &SyncEngine::stopped, this, [this] {
        SyncEngine *engine = std::exchange(m_engine, nullptr);
        connect(&m_engineThread, &QThread::finished, engine, &QObject::deleteLater);
        m_engineThread.quit();
        m_engineThread.wait();
        stopPoller();
    });
    m_engineThread.start();
    SyncEngine *engine = m_engine;
    QMetaObject::invokeMethod(
        engine,
        [this, engine] {
            if (Status started = engine->start(); !started) {
                Q_EMIT engineFailed(started.error());
            }
        },
        Qt::QueuedConnection);
}

int ConsoleBackend::liveEngines(const StoreConfig &config)
{
    auto store = Store::open(config);
    if (!store) {
        return 0;
    }
    auto nodes = (*store)->nodes();
    if (!nodes) {
        return 0;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return int(
        std::count_if(nodes->cbegin(), nodes->cend(), [&](const NodeStatus &node) { return node.isAlive(now); }));
}

void ConsoleBackend::auditAndRepair(qint64 mailboxId)
{
    if (m_shuttingDown || !m_engine) {
        return;
    }
    SyncEngine *engine = m_engine;
    QMetaObject::invokeMethod(
        engine, [engine, mailboxId] { engine->auditAndRepair(mailboxId); }, Qt::QueuedConnection);
}

void ConsoleBackend::requestSync(const QList<qint64> &mailboxIds)
{
    if (mailboxIds.isEmpty() || m_shuttingDown) {
        return;
    }
    if (m_engine) {
        SyncEngine *engine = m_engine;
        QMetaObject::invokeMethod(
            engine, [engine, mailboxIds] { engine->requestSync(mailboxIds); }, Qt::QueuedConnection);
        return;
    }
    if (m_poller) {
        StorePoller *poller = m_poller;
        QMetaObject::invokeMethod(
            poller, [poller, mailboxIds] { poller->requestSync(mailboxIds, u"console"_s); }, Qt::QueuedConnection);
    }
}

void ConsoleBackend::setMailboxesEnabled(const QList<qint64> &mailboxIds, bool enabled)
{
    if (mailboxIds.isEmpty() || m_shuttingDown || !m_poller) {
        return;
    }
    // Through the store, so that whichever engine runs on it (here or in a syncdesk-node) follows.
    StorePoller *poller = m_poller;
    QMetaObject::invokeMethod(
        poller, [poller, mailboxIds, enabled] { poller->setMailboxesEnabled(mailboxIds, enabled); },
        Qt::QueuedConnection);
}

void ConsoleBackend::loadDetails(qint64 mailboxId)
{
    if (m_poller && !m_shuttingDown) {
        StorePoller *poller = m_poller;
        QMetaObject::invokeMethod(
            poller, [poller, mailboxId] { poller->loadDetails(mailboxId); }, Qt::QueuedConnection);
    }
}

void ConsoleBackend::importConfigFile(const QString &path)
{
    if (!m_poller || m_shuttingDown) {
        return;
    }
    StorePoller *poller = m_poller;
    // Read in the poller's thread too: the UI thread never touches the disk.
    QMetaObject::invokeMethod(
        poller,
        [poller, path] {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                Q_EMIT poller->configApplied(path, {tr("%1: cannot read the file: %2").arg(path, file.errorString())},
                                             {}, {});
                return;
            }
            poller->applyConfig(file.readAll(), QFileInfo(path).absolutePath(), path);
        },
        Qt::QueuedConnection);
}

void ConsoleBackend::applyConfig(const QByteArray &json, const QString &baseDir, const QString &origin,
                                 const QHash<QString, QString> &secrets)
{
    if (!m_poller || m_shuttingDown) {
        return;
    }
    StorePoller *poller = m_poller;
    QMetaObject::invokeMethod(
        poller, [poller, json, baseDir, origin, secrets] { poller->applyConfig(json, baseDir, origin, secrets); },
        Qt::QueuedConnection);
}

void ConsoleBackend::loadCrm()
{
    if (m_poller && !m_shuttingDown) {
        StorePoller *poller = m_poller;
        QMetaObject::invokeMethod(
            poller,
            [poller] {
                poller->loadCrm();
                poller->loadActRecords();
            },
            Qt::QueuedConnection);
    }
}

void ConsoleBackend::trackMessage(qint64 mailboxId, const QString &messageId, const QString &regarding)
{
    if (m_poller && !m_shuttingDown) {
        StorePoller *poller = m_poller;
        QMetaObject::invokeMethod(
            poller,
            [poller, mailboxId, messageId, regarding] { poller->addTrackRequest(mailboxId, messageId, regarding); },
            Qt::QueuedConnection);
    }
}

void ConsoleBackend::loadActRecords()
{
    onPoller([](StorePoller *poller) { poller->loadActRecords(); });
}

void ConsoleBackend::editActRecord(ActKind kind, qint64 id, const QStringList &assignments)
{
    onPoller([kind, id, assignments](StorePoller *poller) { poller->editActRecord(int(kind), id, assignments); });
}

void ConsoleBackend::removeActRecords(ActKind kind, const QList<qint64> &ids)
{
    onPoller([kind, ids](StorePoller *poller) { poller->removeActRecords(int(kind), ids); });
}

void ConsoleBackend::trackAppointment(const QString &uid, const QString &regarding)
{
    onPoller([uid, regarding](StorePoller *poller) { poller->trackAppointment(uid, regarding); });
}

void ConsoleBackend::onPoller(std::function<void(StorePoller *)> call)
{
    if (!m_poller || m_shuttingDown) {
        return;
    }
    StorePoller *poller = m_poller;
    QMetaObject::invokeMethod(
        poller, [poller, call = std::move(call)] { call(poller); }, Qt::QueuedConnection);
}

void ConsoleBackend::setShowClosedAlerts(bool show)
{
    onPoller([show](StorePoller *poller) { poller->setShowClosedAlerts(show); });
}

void ConsoleBackend::acknowledgeAlert(qint64 alertId)
{
    onPoller([alertId](StorePoller *poller) { poller->acknowledgeAlert(alertId); });
}

void ConsoleBackend::reenableIncident(qint64 alertId)
{
    onPoller([alertId](StorePoller *poller) { poller->reenableIncident(alertId); });
}

void ConsoleBackend::retryItemFailures(const QList<qint64> &mailboxIds)
{
    onPoller([mailboxIds](StorePoller *poller) { poller->retryItemFailures(mailboxIds); });
}

void ConsoleBackend::retryItemFailureIds(const QList<qint64> &failureIds)
{
    onPoller([failureIds](StorePoller *poller) { poller->retryItemFailureIds(failureIds); });
}

std::shared_ptr<std::atomic_bool> ConsoleBackend::runBulk(const BulkOperation &operation)
{
    onPoller([operation](StorePoller *poller) { poller->runBulk(operation); });
    return operation.cancelled;
}

void ConsoleBackend::setMailboxVerbose(qint64 mailboxId, bool verbose)
{
    onPoller([mailboxId, verbose](StorePoller *poller) { poller->setMailboxVerbose(mailboxId, verbose); });
}

void ConsoleBackend::keepSignIn(qint64 mailboxId, const OAuthTokenResponse &token)
{
    onPoller([mailboxId, token](StorePoller *poller) { poller->keepSignIn(mailboxId, token); });
}

void ConsoleBackend::exportDiagnostics(const QString &address, const QString &path)
{
    onPoller([address, path](StorePoller *poller) { poller->exportDiagnostics(address, path); });
}

void ConsoleBackend::watchOutbox(const OutboxStore::Filter &filter)
{
    m_outboxFilter = filter; // for a poller not started yet
    onPoller([filter](StorePoller *poller) { poller->watchOutbox(filter); });
}

void ConsoleBackend::unwatchOutbox()
{
    m_outboxFilter.reset();
    onPoller([](StorePoller *poller) { poller->unwatchOutbox(); });
}

void ConsoleBackend::setReportOutgoing(bool report)
{
    m_reportOutgoing = report; // for a poller not started yet
    onPoller([report](StorePoller *poller) { poller->setReportOutgoing(report); });
}

void ConsoleBackend::composeEmail(const OutgoingDraft &draft)
{
    onPoller([draft](StorePoller *poller) { poller->composeEmail(draft); });
}

void ConsoleBackend::outboxAction(const QList<qint64> &activityIds, const QString &action)
{
    onPoller([activityIds, action](StorePoller *poller) { poller->outboxAction(activityIds, action); });
}

void ConsoleBackend::shutdown()
{
    if (m_shuttingDown) {
        return;
    }
    m_shuttingDown = true;
    if (m_engine) {
        SyncEngine *engine = m_engine;
        QMetaObject::invokeMethod(
            engine, [engine] { engine->stop(); }, Qt::QueuedConnection);
        return; // continues when the engine reports stopped
    }
    stopPoller();
}

void ConsoleBackend::stopPoller()
{
    if (m_poller) {
        StorePoller *poller = std::exchange(m_poller, nullptr);
        connect(&m_pollerThread, &QThread::finished, poller, &QObject::deleteLater);
        m_pollerThread.quit();
        m_pollerThread.wait();
    }
    if (!m_done) {
        m_done = true;
        Q_EMIT shutDown();
    }
}

} // namespace SyncDesk
