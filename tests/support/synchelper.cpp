#include "synchelper.h"

#include "config/configimporter.h"
#include "config/configparser.h"
#include "logging/logger.h"
#include "scheduler/syncengine.h"
#include "store/store.h"

#include <QEventLoop>
#include <QTimer>

namespace SyncDesk::Testing {

using namespace Qt::StringLiterals;

QString SyncHelper::importConfig(const StoreConfig &storeConfig, const QString &configPath)
{
    const ConfigParser::Outcome parsed = ConfigParser::parseFile(configPath);
    if (const auto *issues = std::get_if<QList<ConfigIssue>>(&parsed)) {
        QStringList lines;
        for (const ConfigIssue &issue : *issues) {
            lines.append(issue.toString());
        }
        return lines.join(u'\n');
    }
    auto store = Store::open(storeConfig);
    if (!store) {
        return store.error().toString();
    }
    const ConfigImporter::Outcome imported = ConfigImporter::import(**store, std::get<ConfigFile>(parsed));
    if (const auto *issues = std::get_if<QList<ConfigIssue>>(&imported)) {
        return issues->constFirst().toString();
    }
    if (const auto *error = std::get_if<SyncError>(&imported)) {
        return error->toString();
    }
    return {};
}

qint64 SyncHelper::mailboxId(const StoreConfig &storeConfig, const QString &address)
{
    auto store = Store::open(storeConfig);
    if (!store) {
        return 0;
    }
    auto mailbox = (*store)->mailboxByAddress(address);
    return mailbox && mailbox->has_value() ? (*mailbox)->id : 0;
}

QList<SyncOutcome> SyncHelper::syncOnce(const StoreConfig &storeConfig, const QStringList &addresses, int timeoutMs)
{
    QList<qint64> ids;
    for (const QString &address : addresses) {
        ids.append(mailboxId(storeConfig, address));
    }
    if (qEnvironmentVariableIsSet("SYNCDESK_TEST_VERBOSE")) {
        Logger::instance().setMinimumLevel(LogLevel::Debug);
        Logger::instance().setEchoLevel(LogLevel::Debug);
    }
    EngineSettings settings;
    settings.store = storeConfig;
    settings.scheduler.workerThreads = 2;
    settings.scheduler.tuning.connectTimeoutMs = 10000;
    settings.scheduler.tuning.commandTimeoutMs = 20000;
    SyncEngine engine(settings);
    QList<SyncOutcome> result;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&engine, &SyncEngine::onceFinished, &loop, [&](const QList<SyncOutcome> &outcomes) {
        result = outcomes;
        engine.stop();
    });
    QObject::connect(&engine, &SyncEngine::stopped, &loop, &QEventLoop::quit);
    if (!engine.runOnce(ids)) {
        return {};
    }
    timeout.start(timeoutMs);
    loop.exec();
    return result;
}

} // namespace SyncDesk::Testing
