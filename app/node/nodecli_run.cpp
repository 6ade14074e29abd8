// `syncdesk-node run`: the engine until SIGTERM or SIGINT, with its HTTP endpoint (/metrics, /healthz, /readyz)
// when asked for, and what systemd expects of a Type=notify service (readiness, watchdog, status, journal).

#include "logging/logger.h"
#include "logging/logpersister.h"
#include "metrics/enginemetrics.h"
#include "metrics/listenaddress.h"
#include "metrics/metricsserver.h"
#include "nodecli.h"
#include "scheduler/syncengine.h"
#include "store/store.h"
#include "systemdservice.h"

#include <QCoreApplication>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

// Where /metrics is served: --http, else the configuration's metrics.listen; nullopt for neither. The error is a
// usage message.
std::optional<ListenAddress> metricsAddress(const QString &option, Store *store, QString *error)
{
    QString text = option;
    if (text.isEmpty() && store) {
        if (auto settings = store->setting(u"metrics"_s)) {
            text = settings->value(u"listen"_s).toString();
        }
    }
    if (text.isEmpty()) {
        return std::nullopt;
    }
    auto address = ListenAddress::parse(text);
    if (!address) {
        *error = address.error().message;
        return std::nullopt;
    }
    return *address;
}

} // namespace

int NodeCli::runEngine()
{
    Logger::instance().setEchoLevel(m_parser.isSet(u"verbose"_s) ? LogLevel::Debug : LogLevel::Info);
    if (SystemdService::stderrIsJournal()) {
        // Under systemd: one journal entry per record, with its mailbox, category, error class and hint as fields.
        Logger::instance().setEchoSink(&SystemdService::sendToJournal);
    }
    EngineSettings settings;
    settings.store = m_storeConfig;
    if (m_parser.isSet(u"workers"_s)) {
        bool ok = false;
        const int workers = m_parser.value(u"workers"_s).toInt(&ok);
        if (!ok || workers < 1 || workers > 64) {
            return usage(tr("--workers expects a number from 1 to 64"));
        }
        settings.scheduler.workerThreads = workers;
    }
    std::optional<ListenAddress> http;
    {
        auto store = openStore();
        if (!store) {
            return storeFailure(store.error());
        }
        QString problem;
        http = metricsAddress(m_parser.value(u"http"_s), store->get(), &problem);
        if (!problem.isEmpty()) {
            return usage(problem);
        }
    }
    m_engine = std::make_unique<SyncEngine>(settings);
    SystemdService systemd;
    connect(m_engine.get(), &SyncEngine::stopped, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    installSignalHandlers();
    if (Status started = m_engine->start(); !started) {
        return storeFailure(started.error());
    }
    std::unique_ptr<MetricsServer> metrics;
    if (http) {
        metrics =
            std::make_unique<MetricsServer>(m_storeConfig, m_engine->metrics(), QCoreApplication::applicationVersion());
        if (Status listening = metrics->listen(*http); !listening) {
            m_err << "syncdesk-node: " << listening.error().message << "\n"
                  << "  " << tr("hint:") << ' ' << listening.error().detail << "\n";
            m_engine->stop();
            QCoreApplication::exec(); // let the engine finish what it started
            m_engine.reset();
            return UsageError;
        }
        ListenAddress bound = *http;
        bound.port = metrics->port();
        Log::info(u"node"_s, {}, u"metrics on http://%1/metrics (also /healthz, /readyz)"_s.arg(bound.toString()));
    }
    const std::shared_ptr<EngineMetrics> counted = m_engine->metrics();
    systemd.ready(u"syncing"_s);
    // The scheduler's loop, not its heartbeat in the store: a database outage pauses syncs (and /readyz says
    // so), it is not a hang to be killed for.
    systemd.startWatchdog([counted] { return counted->snapshot().schedulerAlive(QDateTime::currentDateTimeUtc()); });
    connect(m_engine.get(), &SyncEngine::syncFinished, &systemd, [this, &systemd] {
        //: The one-line status systemctl status shows: workers running a sync
        systemd.setStatus(tr("%n sync(s) running", nullptr, m_engine ? m_engine->runningCount() : 0));
    });
    connect(this, &NodeCli::stopRequested, &systemd, &SystemdService::stopping);
    QCoreApplication::exec();
    metrics.reset();
    m_engine.reset();
    Log::info(u"node"_s, {}, u"stopped cleanly"_s);
    // The engine's persister is gone with it; the last records go through a fresh connection.
    if (auto store = openStore()) {
        LogPersister(**store).flush();
    }
    return Success;
}

} // namespace SyncDesk
