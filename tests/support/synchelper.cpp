#include "synchelper.h"

#include "config/configimporter.h"
#include "config/configparser.h"
#include "logging/logger.h"
#include "protocol/socketstream.h"
#include "scheduler/syncengine.h"
#include "store/diagnosticsstore.h"
#include "store/store.h"
#include "sync/mailboxsync.h"

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

ItemFailureList SyncHelper::itemFailures(const StoreConfig &storeConfig, qint64 mailboxId)
{
    auto store = Store::open(storeConfig);
    if (!store) {
        return {};
    }
    auto failures = DiagnosticsStore(**store).itemFailures(mailboxId);
    return failures ? *failures : ItemFailureList{};
}

qint64 SyncHelper::activityCount(const StoreConfig &storeConfig, qint64 mailboxId)
{
    auto store = Store::open(storeConfig);
    if (!store) {
        return -1;
    }
    auto count = (*store)->activityCount(mailboxId);
    return count ? *count : -1;
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

std::optional<SyncJob> SyncHelper::makeJob(const StoreConfig &storeConfig, const Endpoint &incoming,
                                           const QString &username, const QString &password, const QStringList &folders)
{
    static int counter = 0;
    auto store = Store::open(storeConfig);
    if (!store) {
        return std::nullopt;
    }
    ++counter;
    ServerProfile profile;
    profile.name = u"profile-%1"_s.arg(counter);
    profile.incoming = incoming;
    auto profileId = (*store)->upsertProfile(profile);
    if (!profileId) {
        return std::nullopt;
    }
    profile.id = *profileId;
    const QByteArray variable = "SYNCDESK_TEST_PASSWORD_" + QByteArray::number(counter);
    qputenv(variable.constData(), password.toUtf8());
    Mailbox mailbox;
    mailbox.address = u"%1-%2@example.test"_s.arg(username).arg(counter);
    mailbox.profileId = profile.id;
    mailbox.profileName = profile.name;
    mailbox.username = username;
    mailbox.passwordSource = u"env:"_s + QString::fromLatin1(variable);
    mailbox.folders = folders;
    auto mailboxId = (*store)->upsertMailbox(mailbox);
    if (!mailboxId) {
        return std::nullopt;
    }
    mailbox.id = *mailboxId;
    SyncJob job;
    job.mailbox = mailbox;
    job.profile = profile;
    job.trigger = SyncTrigger::Manual;
    return job;
}

std::optional<SyncOutcome> SyncHelper::runJob(const StoreConfig &storeConfig, const SyncJob &job, int timeoutMs)
{
    if (qEnvironmentVariableIsSet("SYNCDESK_TEST_VERBOSE")) {
        Logger::instance().setMinimumLevel(LogLevel::Debug);
        Logger::instance().setEchoLevel(LogLevel::Debug);
    }
    auto store = Store::open(storeConfig);
    if (!store) {
        return std::nullopt;
    }
    std::unique_ptr<MailboxSync> sync = MailboxSync::create(job, **store, SocketStream::factory());
    std::optional<SyncOutcome> result;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(sync.get(), &MailboxSync::finished, &loop, [&](const SyncOutcome &outcome) {
        result = outcome;
        loop.quit();
    });
    timeout.start(timeoutMs);
    sync->start();
    if (!result) {
        loop.exec();
    }
    return result;
}

std::optional<OutboxResult> SyncHelper::runOutbox(const StoreConfig &storeConfig, const SyncJob &job, int timeoutMs)
{
    if (qEnvironmentVariableIsSet("SYNCDESK_TEST_VERBOSE")) {
        Logger::instance().setMinimumLevel(LogLevel::Debug);
        Logger::instance().setEchoLevel(LogLevel::Debug);
    }
    auto store = Store::open(storeConfig);
    if (!store) {
        return std::nullopt;
    }
    OutboxRun run(job, **store, SocketStream::factory());
    std::optional<OutboxResult> result;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&run, &OutboxRun::finished, &loop, [&](const OutboxResult &outcome) {
        result = outcome;
        loop.quit();
    });
    timeout.start(timeoutMs);
    run.start();
    if (!result) {
        loop.exec();
    }
    return result;
}

QList<SyncOutcome> SyncHelper::syncOnce(const StoreConfig &storeConfig, const QStringList &addresses, int timeoutMs,
                                        const std::function<void(SchedulerSettings &)> &adjust)
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
    if (adjust) {
        adjust(settings.scheduler);
    }
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
