#include "nodecli.h"

#include "config/configimporter.h"
#include "config/configparser.h"
#include "config/keychain.h"
#include "diagnostics/alertmanager.h"
#include "diagnostics/hintcatalog.h"
#include "logging/logger.h"
#include "logging/logpersister.h"
#include "model/jsonexport.h"
#include "scheduler/schedulersettings.h"
#include "scheduler/syncengine.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSocketNotifier>
#include <QStandardPaths>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

int s_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(s_signalFds[0], &byte, 1);
}

QString defaultDatabasePath()
{
    const QString fromEnvironment = qEnvironmentVariable("SYNCDESK_DB");
    if (!fromEnvironment.isEmpty()) {
        return fromEnvironment;
    }
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/syncdesk.db"_s;
}

} // namespace

NodeCli::NodeCli()
    : m_out(stdout)
    , m_err(stderr)
{}

NodeCli::~NodeCli()
{
    if (m_signalNotifier) {
        ::close(s_signalFds[0]);
        ::close(s_signalFds[1]);
    }
}

int NodeCli::usage(const QString &message)
{
    m_err << "syncdesk-node: " << message << "\n"
          << "Run 'syncdesk-node --help' for the commands.\n";
    m_err.flush();
    return UsageError;
}

int NodeCli::storeFailure(const SyncError &error)
{
    m_err << "syncdesk-node: " << error.toString() << "\n";
    const Hint hint = HintCatalog::instance().hint(error.hintId);
    if (hint.isValid()) {
        m_err << "  hint [" << hint.id << "]: " << hint.title << "\n";
        for (const QString &step : hint.remedy) {
            m_err << "    - " << step << "\n";
        }
    }
    m_err.flush();
    return StoreError;
}

int NodeCli::passwordCommand(const QStringList &positional)
{
    if (positional.size() != 2 || (positional.at(0) != u"set"_s && positional.at(0) != u"delete"_s) ||
        positional.at(1).trimmed().isEmpty()) {
        return usage(u"usage: syncdesk-node password set|delete ENTRY"_s);
    }
    const QString entry = positional.at(1).trimmed();
    auto keychainFailure = [this](const SyncError &error) {
        m_err << "syncdesk-node: " << error.toString() << "\n";
        if (!error.detail.isEmpty()) {
            m_err << "  detail: " << error.detail << "\n";
        }
        m_err.flush();
        return int(UsageError);
    };
    if (positional.at(0) == u"delete"_s) {
        if (Status removed = Keychain::remove(entry); !removed) {
            return keychainFailure(removed.error());
        }
        m_out << "Removed the keychain entry " << entry << ".\n";
        m_out.flush();
        return Success;
    }
    // The password comes from standard input: typed without echo on a terminal, or piped by a script.
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (terminal && ::tcgetattr(STDIN_FILENO, &saved) == 0) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        m_err << "Password for " << entry << ": ";
        m_err.flush();
    }
    std::string line;
    std::getline(std::cin, line);
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        m_err << "\n";
        m_err.flush();
    }
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) {
        line.pop_back();
    }
    if (line.empty()) {
        return usage(u"no password on standard input"_s);
    }
    QString password = QString::fromStdString(line);
    std::fill(line.begin(), line.end(), '\0');
    const Status written = Keychain::write(entry, password);
    password.fill(u'\0');
    if (!written) {
        return keychainFailure(written.error());
    }
    m_out << "Stored the password in the system keychain as " << entry << " (service " << Keychain::kService
          << "); a mailbox uses it with \"password_keychain\": \"" << entry << "\".\n";
    m_out.flush();
    return Success;
}

int NodeCli::run(const QStringList &arguments)
{
    m_parser.setApplicationDescription(
        u"SyncDesk headless node: imports configuration, syncs mailboxes on their schedule and reports status."_s);
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOptions({
        {u"db"_s,
         u"The database: a SQLite file, or postgresql://USER@HOST:PORT/DBNAME[?sslmode=…] shared by several nodes "
         "(default: $SYNCDESK_DB or %1)."_s.arg(defaultDatabasePath()),
         u"PATH|URL"_s},
        {u"once"_s, u"sync: sync now in this process and exit."_s},
        {u"mailbox"_s,
         u"sync, export, track, failures, verify: only this mailbox (sync, export, verify: may be repeated)."_s,
         u"ADDRESS"_s},
        {u"json"_s, u"status, scheduler, nodes, runs, store copy, crm list, track list, test-mailbox, alerts, "
                    u"failures, verify, maintenance: "
                    "print JSON."_s},
        {u"jsonl"_s, u"export: print one JSON object per line."_s},
        {u"output"_s, u"export, diagnostics: write to FILE instead of standard output."_s, u"FILE"_s},
        {u"workers"_s, u"run: worker threads (default: one per core, at least 2)."_s, u"N"_s},
        {u"type"_s, u"crm: the record type (account, contact, lead, ...)."_s, u"TYPE"_s},
        {u"skip-invalid"_s, u"crm import: import the valid rows, list the invalid ones."_s},
        {u"message-id"_s, u"track: the Message-ID of the message to track."_s, u"ID"_s},
        {u"regarding"_s, u"track: the record it is regarding, TYPE:ID (account:contoso)."_s, u"TYPE:ID"_s},
        {u"no-sync"_s, u"track: record the request only; the next sync completes it."_s},
        {u"enable"_s, u"test-mailbox: enable the mailbox when every step passes."_s},
        {u"all"_s, u"alerts: closed alerts too."_s},
        {u"repair"_s, u"verify: fetch the missing messages again, then audit again."_s},
        {u"dry-run"_s, u"maintenance: count what would be pruned, delete nothing."_s},
        {u"since"_s, u"runs: only runs started at or after this time (2026-12-05T09:00:00Z)."_s, u"ISO-8601"_s},
        {u"limit"_s, u"runs: at most N runs (default 100)."_s, u"N"_s},
        {u"to"_s, u"store copy: the empty database to copy into (postgresql://… or a new SQLite file)."_s,
         u"URL|PATH"_s},
        {u"state"_s,
         u"status: only mailboxes in this state: ok, failing, disabled, overdue, syncing, never "
         "(may be repeated)."_s,
         u"STATE"_s},
        {u"profile"_s, u"status: only the mailboxes of this server profile."_s, u"NAME"_s},
        {u"owner"_s, u"status: only the mailboxes of this owner (systemuser:ID, queue:ID or ID)."_s, u"OWNER"_s},
        {u"verbose"_s, u"Print the log, including debug records, on standard error."_s},
    });
    m_parser.addPositionalArgument(u"command"_s, u"One of the commands below."_s, u"COMMAND [ARGS]"_s);
    if (!m_parser.parse(arguments)) {
        return usage(m_parser.errorText());
    }
    const bool helpCommand =
        !m_parser.positionalArguments().isEmpty() && m_parser.positionalArguments().constFirst() == u"help"_s;
    if (m_parser.isSet(u"help"_s) || helpCommand) {
        // "help COMMAND" and "COMMAND --help": that command's page; otherwise the options and every command.
        const QStringList words = m_parser.positionalArguments().mid(helpCommand ? 1 : 0);
        if (words.size() > 1 && helpCommand) {
            return usage(u"usage: syncdesk-node help [COMMAND]"_s);
        }
        if (words.isEmpty()) {
            m_out << m_parser.helpText() << "\n" << commandList();
        } else if (isCommand(words.constFirst())) {
            m_out << commandHelp(words.constFirst());
        } else {
            return usage(u"unknown command '%1'"_s.arg(words.constFirst()));
        }
        m_out.flush();
        return Success;
    }
    if (m_parser.isSet(u"version"_s)) {
        m_out << "syncdesk-node " << QCoreApplication::applicationVersion() << "\n";
        m_out.flush();
        return Success;
    }
    {
        auto location =
            StoreConfig::fromLocation(m_parser.isSet(u"db"_s) ? m_parser.value(u"db"_s) : defaultDatabasePath());
        if (!location) {
            return usage(location.error().message + u": "_s + location.error().detail);
        }
        m_storeConfig = *location;
    }
    if (m_parser.isSet(u"verbose"_s)) {
        Logger::instance().setMinimumLevel(LogLevel::Debug);
        Logger::instance().setEchoLevel(LogLevel::Debug);
    }

    const QStringList positional = m_parser.positionalArguments();
    if (positional.isEmpty()) {
        return usage(u"no command given"_s);
    }
    const QString command = positional.constFirst();
    // Commands that only read never create a database (or its folders): a missing one is store-missing.
    const QString sub = positional.value(1);
    m_storeConfig.mustExist =
        QStringList{u"status"_s, u"scheduler"_s, u"nodes"_s, u"runs"_s, u"export"_s, u"diagnostics"_s}.contains(
            command) ||
        ((command == u"alerts"_s || command == u"failures"_s) && sub.isEmpty()) ||
        ((command == u"crm"_s || command == u"track"_s) && sub == u"list"_s);
    auto allowOnly = [&](const QStringList &allowed) -> bool {
        for (const QString &option :
             {u"once"_s, u"mailbox"_s, u"json"_s, u"jsonl"_s, u"output"_s, u"workers"_s, u"type"_s, u"skip-invalid"_s,
              u"message-id"_s, u"regarding"_s, u"no-sync"_s, u"enable"_s, u"all"_s, u"repair"_s, u"dry-run"_s, u"to"_s,
              u"state"_s, u"profile"_s, u"owner"_s}) {
            if (m_parser.isSet(option) && !allowed.contains(option)) {
                usage(u"--%1 is not an option of '%2'"_s.arg(option, command));
                return false;
            }
        }
        return true;
    };
    if (command == u"config"_s) {
        return allowOnly({}) ? importConfig(positional.mid(1)) : UsageError;
    }
    if (command == u"sync"_s) {
        if (positional.size() > 1) {
            return usage(u"'sync' takes no arguments; name mailboxes with --mailbox"_s);
        }
        return allowOnly({u"once"_s, u"mailbox"_s}) ? sync() : UsageError;
    }
    if (command == u"status"_s) {
        if (positional.size() > 1) {
            return usage(u"'status' takes no arguments"_s);
        }
        return allowOnly({u"json"_s, u"state"_s, u"profile"_s, u"mailbox"_s, u"owner"_s}) ? status() : UsageError;
    }
    if (command == u"export"_s) {
        return allowOnly({u"jsonl"_s, u"mailbox"_s, u"output"_s}) ? exportActivities(positional.mid(1)) : UsageError;
    }
    if (command == u"run"_s) {
        if (positional.size() > 1) {
            return usage(u"'run' takes no arguments"_s);
        }
        return allowOnly({u"workers"_s}) ? runEngine() : UsageError;
    }
    if (command == u"mailbox"_s) {
        return allowOnly({}) ? mailboxCommand(positional.mid(1)) : UsageError;
    }
    if (command == u"scheduler"_s) {
        if (positional.size() > 1) {
            return usage(u"'scheduler' takes no arguments"_s);
        }
        return allowOnly({u"json"_s}) ? scheduler() : UsageError;
    }
    if (command == u"crm"_s) {
        return allowOnly({u"type"_s, u"skip-invalid"_s, u"json"_s}) ? crmCommand(positional.mid(1)) : UsageError;
    }
    if (command == u"track"_s) {
        return allowOnly({u"mailbox"_s, u"message-id"_s, u"regarding"_s, u"no-sync"_s, u"json"_s})
                   ? trackCommand(positional.mid(1))
                   : UsageError;
    }
    if (command == u"test-mailbox"_s) {
        return allowOnly({u"enable"_s, u"json"_s}) ? testMailbox(positional.mid(1)) : UsageError;
    }
    if (command == u"alerts"_s) {
        return allowOnly({u"all"_s, u"json"_s}) ? alertsCommand(positional.mid(1)) : UsageError;
    }
    if (command == u"failures"_s) {
        return allowOnly({u"mailbox"_s, u"json"_s}) ? failuresCommand(positional.mid(1)) : UsageError;
    }
    if (command == u"verify"_s) {
        return allowOnly({u"mailbox"_s, u"json"_s, u"repair"_s}) ? verifyCommand(positional.mid(1)) : UsageError;
    }
    if (command == u"password"_s) {
        return allowOnly({}) ? passwordCommand(positional.mid(1)) : UsageError;
    }
    if (command == u"diagnostics"_s) {
        return allowOnly({u"output"_s}) ? diagnosticsCommand(positional.mid(1)) : UsageError;
    }
    if (command == u"nodes"_s) {
        return positional.size() == 1 ? nodesCommand() : usage(u"nodes takes no arguments"_s);
    }
    if (command == u"runs"_s) {
        return positional.size() == 1 ? runsCommand() : usage(u"runs takes no arguments (use --mailbox, --since)"_s);
    }
    if (command == u"store"_s) {
        return allowOnly({u"to"_s, u"json"_s}) ? storeCommand(positional.mid(1)) : UsageError;
    }
    if (command == u"maintenance"_s) {
        return allowOnly({u"dry-run"_s, u"json"_s}) ? maintenanceCommand(positional.mid(1)) : UsageError;
    }
    return usage(u"unknown command '%1'"_s.arg(command));
}

Result<std::unique_ptr<Store>> NodeCli::openStore()
{
    return Store::open(m_storeConfig);
}

int NodeCli::importConfig(const QStringList &positional)
{
    if (positional.size() != 2 || positional.at(0) != u"import"_s) {
        return usage(u"usage: syncdesk-node config import FILE.json"_s);
    }
    const QString path = positional.at(1);
    const ConfigParser::Outcome parsed = ConfigParser::parseFile(path);
    if (const auto *issues = std::get_if<QList<ConfigIssue>>(&parsed)) {
        m_err << "syncdesk-node: " << path << " was not imported; nothing was changed:\n";
        for (const ConfigIssue &issue : *issues) {
            m_err << "  " << issue.toString() << "\n";
        }
        m_err.flush();
        return UsageError;
    }
    const ConfigFile &file = std::get<ConfigFile>(parsed);
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    const ConfigImporter::Outcome imported = ConfigImporter::import(**store, file);
    if (const auto *issues = std::get_if<QList<ConfigIssue>>(&imported)) {
        m_err << "syncdesk-node: " << path << " was not imported; nothing was changed:\n";
        for (const ConfigIssue &issue : *issues) {
            m_err << "  " << issue.toString() << "\n";
        }
        m_err.flush();
        return UsageError;
    }
    if (const auto *error = std::get_if<SyncError>(&imported)) {
        return storeFailure(*error);
    }
    const ImportSummary &summary = std::get<ImportSummary>(imported);
    for (const ConfigIssue &warning : file.warnings + summary.warnings) {
        m_err << "warning: " << warning.toString() << "\n";
    }
    m_out << "Imported " << path << " into " << m_storeConfig.describe() << ":\n"
          << "  server profiles: " << summary.profilesCreated << " new, " << summary.profilesUpdated << " updated, "
          << summary.profilesUnchanged << " unchanged\n"
          << "  mailboxes:       " << summary.mailboxesCreated << " new, " << summary.mailboxesUpdated << " updated, "
          << summary.mailboxesUnchanged << " unchanged\n";
    if (summary.schedulerUpdated) {
        m_out << "  scheduler settings updated; running engines use them within a second\n";
    }
    if (summary.retentionUpdated) {
        m_out << "  retention settings updated; running engines use them from their next pass\n";
    }
    m_out.flush();
    m_err.flush();
    Log::info(u"config"_s, {},
              u"imported %1: %2 new and %3 updated mailboxes"_s.arg(path)
                  .arg(summary.mailboxesCreated)
                  .arg(summary.mailboxesUpdated));
    LogPersister(**store).flush();
    return Success;
}

Result<QList<qint64>> NodeCli::resolveMailboxes(Store &store, bool skipDisabled)
{
    QList<qint64> ids;
    const QStringList addresses = m_parser.values(u"mailbox"_s);
    if (addresses.isEmpty()) {
        auto all = store.mailboxes();
        if (!all) {
            return all.error();
        }
        for (const Mailbox &mailbox : *all) {
            if (mailbox.enabled || !skipDisabled) {
                ids.append(mailbox.id);
            }
        }
        return ids;
    }
    for (const QString &address : addresses) {
        auto mailbox = store.mailboxByAddress(address);
        if (!mailbox) {
            return mailbox.error();
        }
        if (!mailbox->has_value()) {
            return SyncError::make(ErrorClass::Config, u"config-invalid"_s,
                                   u"no mailbox %1 in %2"_s.arg(address, m_storeConfig.describe()));
        }
        if (!(*mailbox)->enabled && skipDisabled) {
            return SyncError::make(ErrorClass::Config, u"mailbox-disabled"_s,
                                   u"the mailbox %1 is disabled; enable it before syncing it"_s.arg(address));
        }
        ids.append((*mailbox)->id);
    }
    return ids;
}

int NodeCli::sync()
{
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    auto ids = resolveMailboxes(**store, true);
    if (!ids) {
        if (ids.error().errorClass == ErrorClass::Store) {
            return storeFailure(ids.error());
        }
        return usage(ids.error().message);
    }
    if (!m_parser.isSet(u"once"_s)) {
        if (!m_parser.isSet(u"mailbox"_s)) {
            return usage(u"use 'sync --once' to sync here and now, or 'sync --mailbox ADDRESS' to ask the running "
                         "engine"_s);
        }
        for (qint64 id : *ids) {
            if (Status requested = (*store)->requestSync(id, u"cli"_s, QDateTime::currentDateTimeUtc()); !requested) {
                return storeFailure(requested.error());
            }
        }
        m_out << "Requested an immediate sync of " << ids->size()
              << " mailbox(es); the running syncdesk-node or console picks it up within a second.\n";
        m_out.flush();
        return Success;
    }
    if (ids->isEmpty()) {
        m_out << "No enabled mailboxes to sync in " << m_storeConfig.describe() << ".\n";
        m_out.flush();
        return Success;
    }
    store->reset();
    return syncOnce(*ids);
}

QSet<qint64> NodeCli::enabledMailboxes(const QList<qint64> &mailboxIds)
{
    QSet<qint64> enabled;
    auto store = openStore();
    auto all = store ? (*store)->mailboxes() : Result<QList<Mailbox>>(store.error());
    if (all) {
        for (const Mailbox &mailbox : *all) {
            if (mailbox.enabled && mailboxIds.contains(mailbox.id)) {
                enabled.insert(mailbox.id);
            }
        }
    }
    return enabled;
}

void NodeCli::reportDisabledByThisRun(const QSet<qint64> &enabledBefore)
{
    auto store = openStore();
    auto all = store ? (*store)->mailboxes() : Result<QList<Mailbox>>(store.error());
    if (!all) {
        return;
    }
    for (const Mailbox &mailbox : *all) {
        if (enabledBefore.contains(mailbox.id) && !mailbox.enabled) {
            m_err << mailbox.address << ": disabled by this run (" << mailbox.disabledReason
                  << "); fix the cause, then 'syncdesk-node test-mailbox " << mailbox.address
                  << " --enable' or 'syncdesk-node mailbox enable " << mailbox.address << "'\n";
        }
    }
    m_err.flush();
}

void NodeCli::printFailure(const SyncOutcome &outcome)
{
    const SyncError &error = *outcome.error;
    m_err << outcome.address << ": " << errorClassName(error.errorClass) << ": " << error.message << "\n";
    if (!error.detail.isEmpty() && !error.message.contains(error.detail)) {
        m_err << "  detail: " << error.detail << "\n";
    }
    const Hint hint = HintCatalog::instance().hint(error.hintId);
    if (hint.isValid()) {
        m_err << "  hint [" << hint.id << "]: " << hint.title << "\n";
        for (const QString &step : hint.remedy) {
            m_err << "    - " << step << "\n";
        }
    }
}

int NodeCli::syncOnce(const QList<qint64> &mailboxIds)
{
    EngineSettings settings;
    settings.store = m_storeConfig;
    m_engine = std::make_unique<SyncEngine>(settings);
    int exitCode = Success;
    // On a terminal, a line that follows the run: mailboxes done, messages stored, rate.
    const bool terminal = ::isatty(STDERR_FILENO) == 1 || qEnvironmentVariableIsSet("SYNCDESK_PROGRESS");
    QElapsedTimer clock;
    clock.start();
    int done = 0;
    qint64 stored = 0;
    if (terminal) {
        connect(m_engine.get(), &SyncEngine::syncFinished, this, [&, total = mailboxIds.size()](const SyncOutcome &o) {
            ++done;
            stored += o.itemsNew;
            const double seconds = std::max(0.001, clock.elapsed() / 1000.0);
            m_err << "\r\033[K" << done << "/" << total << " mailboxes, " << QLocale().toString(stored)
                  << " messages stored, " << QLocale().toString(stored / seconds, 'f', 0) << " messages/s";
            m_err.flush();
        });
    }
    connect(m_engine.get(), &SyncEngine::onceFinished, this, [&](const QList<SyncOutcome> &outcomes) {
        if (terminal && done > 0) {
            m_err << "\r\033[K";
            m_err.flush();
        }
        for (const SyncOutcome &outcome : outcomes) {
            if (outcome.succeeded()) {
                m_out << outcome.address << ": ok, " << outcome.itemsNew << " new, " << outcome.itemsSeen << " fetched";
                if (outcome.itemsFailed > 0) {
                    // The sync went on; the items are listed with their reasons.
                    m_out << ", " << outcome.itemsFailed << " item(s) failed (syncdesk-node failures --mailbox "
                          << outcome.address << ")";
                }
                m_out << "\n";
            } else {
                exitCode = SyncFailed;
                printFailure(outcome);
            }
        }
        m_out.flush();
        m_err.flush();
        m_engine->stop();
    });
    connect(m_engine.get(), &SyncEngine::stopped, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    installSignalHandlers();
    const QSet<qint64> enabledBefore = enabledMailboxes(mailboxIds);
    if (Status started = m_engine->runOnce(mailboxIds); !started) {
        return storeFailure(started.error());
    }
    QCoreApplication::exec();
    m_engine.reset();
    reportDisabledByThisRun(enabledBefore);
    if (m_stopRequested && exitCode == Success) {
        exitCode = SyncFailed;
    }
    return exitCode;
}

int NodeCli::mailboxCommand(const QStringList &positional)
{
    if (!positional.isEmpty() && positional.constFirst() == u"verbose"_s) {
        return mailboxVerbose(positional);
    }
    if (positional.size() != 2 || (positional.at(0) != u"enable"_s && positional.at(0) != u"disable"_s)) {
        return usage(u"usage: syncdesk-node mailbox enable|disable ADDRESS\n"
                     "       syncdesk-node mailbox verbose ADDRESS on|off"_s);
    }
    const bool enable = positional.at(0) == u"enable"_s;
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    auto mailbox = (*store)->mailboxByAddress(positional.at(1));
    if (!mailbox) {
        return storeFailure(mailbox.error());
    }
    if (!mailbox->has_value()) {
        return usage(u"no mailbox %1 in %2"_s.arg(positional.at(1), m_storeConfig.describe()));
    }
    const Mailbox &box = **mailbox;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (box.enabled == enable) {
        m_out << box.address << " is already " << (enable ? "enabled" : "disabled") << ".\n";
        m_out.flush();
        return Success;
    }
    Status changed = (*store)->transaction([&]() -> Status {
        if (Status set = (*store)->setMailboxEnabled(box.id, enable, u"admin"_s, now); !set) {
            return set;
        }
        // The alerts about its failing and disabling are resolved by enabling it.
        return enable ? AlertManager::mailboxEnabled(**store, box.id, now) : Status();
    });
    if (!changed) {
        return storeFailure(changed.error());
    }
    Log::info(u"node"_s, box.address,
              enable ? u"enabled by an operator; failure counters reset"_s : u"disabled by an operator"_s);
    LogPersister(**store).flush();
    if (enable) {
        m_out << box.address << " enabled; its failure counters are reset and it is due now"
              << (box.disabledReason.isEmpty() ? QString() : u" (it was disabled: "_s + box.disabledReason + u')')
              << ".\n";
    } else {
        m_out << box.address << " disabled; it is not synced until enabled again.\n";
    }
    m_out.flush();
    return Success;
}

void NodeCli::installSignalHandlers()
{
    if (m_signalNotifier) {
        return;
    }
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalFds) != 0) {
        m_err << "syncdesk-node: cannot install signal handlers\n";
        return;
    }
    m_signalNotifier = std::make_unique<QSocketNotifier>(s_signalFds[1], QSocketNotifier::Read);
    connect(m_signalNotifier.get(), &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(s_signalFds[1], &byte, 1);
        if (m_stopRequested) {
            return;
        }
        m_stopRequested = true;
        Log::info(u"node"_s, {}, u"stop requested; finishing running syncs"_s);
        if (m_engine) {
            m_engine->stop();
        } else {
            QCoreApplication::quit();
        }
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

int NodeCli::runEngine()
{
    Logger::instance().setEchoLevel(m_parser.isSet(u"verbose"_s) ? LogLevel::Debug : LogLevel::Info);
    EngineSettings settings;
    settings.store = m_storeConfig;
    if (m_parser.isSet(u"workers"_s)) {
        bool ok = false;
        const int workers = m_parser.value(u"workers"_s).toInt(&ok);
        if (!ok || workers < 1 || workers > 64) {
            return usage(u"--workers expects a number from 1 to 64"_s);
        }
        settings.scheduler.workerThreads = workers;
    }
    m_engine = std::make_unique<SyncEngine>(settings);
    connect(m_engine.get(), &SyncEngine::stopped, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    installSignalHandlers();
    if (Status started = m_engine->start(); !started) {
        return storeFailure(started.error());
    }
    QCoreApplication::exec();
    m_engine.reset();
    Log::info(u"node"_s, {}, u"stopped cleanly"_s);
    // The engine's persister is gone with it; the last records go through a fresh connection.
    if (auto store = openStore()) {
        LogPersister(**store).flush();
    }
    return Success;
}

} // namespace SyncDesk
