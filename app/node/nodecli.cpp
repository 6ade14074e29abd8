#include "nodecli.h"

#include "config/configimporter.h"
#include "config/configparser.h"
#include "config/keychain.h"
#include "diagnostics/alertmanager.h"
#include "diagnostics/hintcatalog.h"
#include "logging/logger.h"
#include "logging/logpersister.h"
#include "model/jsonexport.h"
#include "oauth/oauthtokenbroker.h"
#include "oauth/oauthtokenstore.h"
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
    m_err << "syncdesk-node: " << message << "\n" << tr("Run 'syncdesk-node --help' for the commands.") << "\n";
    m_err.flush();
    return UsageError;
}

int NodeCli::storeFailure(const SyncError &error)
{
    m_err << "syncdesk-node: " << error.toString() << "\n";
    printHint(error.hintId);
    return StoreError;
}

void NodeCli::printHint(const QString &hintId)
{
    const Hint hint = HintCatalog::instance().hint(hintId);
    if (hint.isValid()) {
        //: %1: the hint's id (not translated), %2: its title
        m_err << "  " << tr("hint [%1]: %2").arg(hint.id, hint.title) << "\n";
        for (const QString &step : hint.remedy) {
            m_err << "    - " << step << "\n";
        }
    }
    m_err.flush();
}

int NodeCli::run(const QStringList &arguments)
{
    m_parser.setApplicationDescription(
        tr("SyncDesk headless node: imports configuration, syncs mailboxes on their schedule and reports status."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    // Descriptions and value names are for people; option names, command names and the --state values are not
    // translated.
    m_options = {
        {u"db"_s,
         //: Keep postgresql://USER@HOST:PORT/DBNAME[?sslmode=…] and $SYNCDESK_DB as they are. %1: the default
         //: database file
         tr("The database: a SQLite file, or postgresql://USER@HOST:PORT/DBNAME[?sslmode=…] shared by several nodes "
            "(default: $SYNCDESK_DB or %1).")
             .arg(defaultDatabasePath()),
         //: Value name of --db in the help
         tr("PATH|URL", "value name")},
        //: The text before the colon names the commands the option belongs to: keep the command names.
        {u"once"_s, tr("sync: sync now in this process and exit.")},
        {u"mailbox"_s,
         //: Keep the command names (sync, export, track, failures, verify).
         tr("sync, export, track, failures, verify: only this mailbox (sync, export, verify: may be repeated)."),
         //: Value name of --mailbox in the help (a mailbox address)
         tr("ADDRESS", "value name")},
        {u"json"_s,
         //: Keep the command names.
         tr("status, scheduler, nodes, runs, store copy, crm list, track list, test-mailbox, alerts, "
            "failures, verify, maintenance: "
            "print JSON.")},
        {u"jsonl"_s, tr("export: print one JSON object per line.")},
        {u"output"_s,
         //: FILE: the value name of --output
         tr("export, diagnostics: write to FILE instead of standard output."),
         //: Value name of --output in the help (a file name)
         tr("FILE", "value name")},
        {u"workers"_s, tr("run: worker threads (default: one per core, at least 2)."),
         //: Value name of --workers in the help (a number)
         tr("N", "value name")},
        {u"http"_s,
         //: Keep /metrics, /healthz, /readyz and the example address as they are
         tr("run: serve /metrics, /healthz and /readyz on this address (127.0.0.1:9464); default: the "
            "configuration's metrics.listen, or none."),
         //: Value name of --http in the help
         tr("ADDRESS:PORT", "value name")},
        {u"type"_s,
         //: Keep the record types (account, contact, lead): they are the values --type takes
         tr("crm: the record type (account, contact, lead, ...)."),
         //: Value name of --type in the help (a CRM record type)
         tr("TYPE", "value name")},
        {u"skip-invalid"_s, tr("crm import: import the valid rows, list the invalid ones.")},
        {u"message-id"_s, tr("track: the Message-ID of the message to track."),
         //: Value name of --message-id in the help (a Message-ID)
         tr("ID", "value name")},
        {u"regarding"_s,
         //: TYPE:ID: the value name of --regarding; keep account:contoso (an example value)
         tr("track: the record it is regarding, TYPE:ID (account:contoso)."),
         //: Value name of --regarding in the help (a record type and id)
         tr("TYPE:ID", "value name")},
        {u"no-sync"_s, tr("track: record the request only; the next sync completes it.")},
        {u"appointment"_s, tr("track: the UID of an appointment to track; its mailboxes sync their calendars at once."),
         //: Value name of --appointment in the help (an iCalendar UID)
         tr("UID", "value name")},
        {u"enable"_s, tr("test-mailbox: enable the mailbox when every step passes.")},
        {u"list-folders"_s, tr("test-mailbox: log in and list the server's folders (to choose what to sync).")},
        {u"all"_s, tr("alerts: closed alerts too.")},
        {u"repair"_s, tr("verify: fetch the missing messages again, then audit again.")},
        {u"dry-run"_s, tr("maintenance: count what would be pruned, delete nothing.")},
        {u"since"_s, tr("runs: only runs started at or after this time (2026-12-05T09:00:00Z)."), u"ISO-8601"_s},
        {u"limit"_s, tr("runs: at most N runs (default 100)."), tr("N", "value name")},
        {u"from"_s, tr("email send: the mailbox the email leaves through."), tr("ADDRESS", "value name")},
        {u"cc"_s, tr("email send: Cc recipients, separated by commas (may be repeated)."), tr("ADDR", "value name")},
        {u"bcc"_s, tr("email send: Bcc recipients, separated by commas (may be repeated)."), tr("ADDR", "value name")},
        {u"subject"_s, tr("email send: the subject."), tr("TEXT", "value name")},
        {u"body"_s, tr("email send: the text of the email."), tr("TEXT", "value name")},
        {u"body-file"_s, tr("email send: read the text from FILE (- for standard input)."), tr("FILE", "value name")},
        {u"html-file"_s, tr("email send: an HTML version of the text, from FILE."), tr("FILE", "value name")},
        {u"attach"_s, tr("email send: attach FILE (may be repeated)."), tr("FILE", "value name")},
        {u"reply-to"_s, tr("email send: the activity this email answers (In-Reply-To, References, regarding)."),
         tr("ID", "value name")},
        {u"draft"_s, tr("email send: save as a draft, do not send.")},
        {u"status"_s,
         //: Keep the status names: they are the values --status takes
         tr("email list: only email in this status: draft, pending-send, sending, sent, failed, cancelled."),
         tr("STATUS", "value name")},
        {u"to"_s,
         tr("store copy: the empty database to copy into (postgresql://… or a new SQLite file). email send: the "
            "recipients, separated by commas (may be repeated)."),
         //: Value name of --to in the help
         tr("URL|PATH", "value name")},
        {u"state"_s,
         //: Keep the states (ok, failing, disabled, overdue, syncing, never): they are the values --state takes
         tr("status: only mailboxes in this state: ok, failing, disabled, overdue, syncing, never "
            "(may be repeated)."),
         //: Value name of --state in the help
         tr("STATE", "value name")},
        {u"profile"_s, tr("status: only the mailboxes of this server profile."),
         //: Value name of --profile in the help (a server profile's name)
         tr("NAME", "value name")},
        {u"owner"_s,
         //: Keep systemuser:ID and queue:ID as they are
         tr("status: only the mailboxes of this owner (systemuser:ID, queue:ID or ID)."),
         //: Value name of --owner in the help
         tr("OWNER", "value name")},
        {u"verbose"_s, tr("Print the log, including debug records, on standard error.")},
    };
    m_parser.addOptions(m_options);
    // The manual page (syncdesk-node(1)), built from these options and the command list at build time.
    QCommandLineOption man(u"man"_s, u"Print the manual page (roff)."_s);
    man.setFlags(QCommandLineOption::HiddenFromHelp);
    m_parser.addOption(man);
    m_parser.addPositionalArgument(u"command"_s, tr("One of the commands below."),
                                   //: The syntax of the command argument in the help's usage line
                                   tr("COMMAND [ARGS]"));
    if (!m_parser.parse(arguments)) {
        return usage(m_parser.errorText());
    }
    const bool helpCommand =
        !m_parser.positionalArguments().isEmpty() && m_parser.positionalArguments().constFirst() == u"help"_s;
    if (m_parser.isSet(u"man"_s)) {
        m_out << manPage();
        return Success;
    }
    if (m_parser.isSet(u"help"_s) || helpCommand) {
        // "help COMMAND" and "COMMAND --help": that command's page; otherwise the options and every command.
        const QStringList words = m_parser.positionalArguments().mid(helpCommand ? 1 : 0);
        if (words.size() > 1 && helpCommand) {
            return usage(tr("usage: syncdesk-node help [COMMAND]"));
        }
        if (words.isEmpty()) {
            m_out << m_parser.helpText() << "\n" << commandList();
        } else if (isCommand(words.constFirst())) {
            m_out << commandHelp(words.constFirst());
        } else {
            return usage(tr("unknown command '%1'").arg(words.constFirst()));
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
    // Every command that logs a mailbox in finds its OAuth tokens there (run, sync --once, test-mailbox, ...).
    OAuthTokenBroker::instance().setStore(tokenStore());
    if (m_parser.isSet(u"verbose"_s)) {
        Logger::instance().setMinimumLevel(LogLevel::Debug);
        Logger::instance().setEchoLevel(LogLevel::Debug);
    }

    const QStringList positional = m_parser.positionalArguments();
    if (positional.isEmpty()) {
        return usage(tr("no command given"));
    }
    const QString command = positional.constFirst();
    // Commands that only read never create a database (or its folders): a missing one is store-missing.
    const QString sub = positional.value(1);
    m_storeConfig.mustExist =
        QStringList{u"status"_s, u"scheduler"_s, u"nodes"_s, u"runs"_s, u"export"_s, u"diagnostics"_s}.contains(
            command) ||
        ((command == u"alerts"_s || command == u"failures"_s || command == u"conflicts"_s) && sub.isEmpty()) ||
        ((command == u"crm"_s || command == u"track"_s) && sub == u"list"_s) ||
        (command == u"email"_s && (sub == u"list"_s || sub == u"show"_s)) ||
        ((command == u"appointments"_s || command == u"tasks"_s) && (sub == u"list"_s || sub == u"show"_s));
    auto allowOnly = [&](const QStringList &allowed) -> bool {
        for (const QString &option :
             {u"once"_s,   u"mailbox"_s,      u"json"_s,       u"jsonl"_s,     u"output"_s,   u"workers"_s,
              u"type"_s,   u"skip-invalid"_s, u"message-id"_s, u"regarding"_s, u"no-sync"_s,  u"enable"_s,
              u"all"_s,    u"repair"_s,       u"dry-run"_s,    u"to"_s,        u"state"_s,    u"profile"_s,
              u"owner"_s,  u"list-folders"_s, u"from"_s,       u"cc"_s,        u"bcc"_s,      u"subject"_s,
              u"body"_s,   u"body-file"_s,    u"html-file"_s,  u"attach"_s,    u"reply-to"_s, u"draft"_s,
              u"status"_s, u"appointment"_s}) {
            if (m_parser.isSet(option) && !allowed.contains(option)) {
                //: %1: an option name, %2: a command name (neither is translated)
                usage(tr("--%1 is not an option of '%2'").arg(option, command));
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
            return usage(tr("'sync' takes no arguments; name mailboxes with --mailbox"));
        }
        return allowOnly({u"once"_s, u"mailbox"_s}) ? sync() : UsageError;
    }
    if (command == u"status"_s) {
        if (positional.size() > 1) {
            return usage(tr("'status' takes no arguments"));
        }
        return allowOnly({u"json"_s, u"state"_s, u"profile"_s, u"mailbox"_s, u"owner"_s}) ? status() : UsageError;
    }
    if (command == u"export"_s) {
        return allowOnly({u"jsonl"_s, u"mailbox"_s, u"output"_s}) ? exportActivities(positional.mid(1)) : UsageError;
    }
    if (command == u"run"_s) {
        if (positional.size() > 1) {
            return usage(tr("'run' takes no arguments"));
        }
        return allowOnly({u"workers"_s, u"http"_s}) ? runEngine() : UsageError;
    }
    if (command == u"mailbox"_s) {
        return allowOnly({}) ? mailboxCommand(positional.mid(1)) : UsageError;
    }
    if (command == u"scheduler"_s) {
        if (positional.size() > 1) {
            return usage(tr("'scheduler' takes no arguments"));
        }
        return allowOnly({u"json"_s}) ? scheduler() : UsageError;
    }
    if (command == u"crm"_s) {
        return allowOnly({u"type"_s, u"skip-invalid"_s, u"json"_s}) ? crmCommand(positional.mid(1)) : UsageError;
    }
    if (command == u"track"_s) {
        if (m_parser.isSet(u"appointment"_s)) {
            if (positional.size() > 1) {
                return usage(tr("usage: syncdesk-node track --appointment UID [--regarding TYPE:ID]"));
            }
            return allowOnly({u"appointment"_s, u"regarding"_s}) ? trackAppointment() : UsageError;
        }
        return allowOnly({u"mailbox"_s, u"message-id"_s, u"regarding"_s, u"no-sync"_s, u"json"_s})
                   ? trackCommand(positional.mid(1))
                   : UsageError;
    }
    if (command == u"test-mailbox"_s) {
        return allowOnly({u"enable"_s, u"json"_s, u"list-folders"_s}) ? testMailbox(positional.mid(1)) : UsageError;
    }
    if (command == u"alerts"_s) {
        return allowOnly({u"all"_s, u"json"_s}) ? alertsCommand(positional.mid(1)) : UsageError;
    }
    if (command == u"failures"_s) {
        return allowOnly({u"mailbox"_s, u"json"_s}) ? failuresCommand(positional.mid(1)) : UsageError;
    }
    if (command == u"conflicts"_s) {
        return allowOnly({u"mailbox"_s, u"json"_s}) ? actConflictsCommand(positional.mid(1)) : UsageError;
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
        return positional.size() == 1 ? nodesCommand() : usage(tr("nodes takes no arguments"));
    }
    if (command == u"runs"_s) {
        return positional.size() == 1 ? runsCommand() : usage(tr("runs takes no arguments (use --mailbox, --since)"));
    }
    if (command == u"store"_s) {
        return allowOnly({u"to"_s, u"json"_s}) ? storeCommand(positional.mid(1)) : UsageError;
    }
    if (command == u"email"_s) {
        const QStringList send{u"from"_s,     u"to"_s,        u"cc"_s,        u"bcc"_s,    u"subject"_s,
                               u"body"_s,     u"body-file"_s, u"html-file"_s, u"attach"_s, u"regarding"_s,
                               u"reply-to"_s, u"owner"_s,     u"draft"_s,     u"json"_s};
        const QStringList allowed = sub == u"send"_s   ? send
                                    : sub == u"list"_s ? QStringList{u"mailbox"_s, u"status"_s, u"json"_s}
                                    : sub == u"show"_s ? QStringList{u"json"_s}
                                                       : QStringList{};
        return allowOnly(allowed) ? emailCommand(positional.mid(1)) : UsageError;
    }
    if (command == u"appointments"_s || command == u"tasks"_s) {
        const QStringList allowed = sub == u"list"_s ? QStringList{u"owner"_s, u"json"_s}
                                    : sub == u"show"_s || sub == u"add"_s || sub == u"set"_s ? QStringList{u"json"_s}
                                                                                             : QStringList{};
        return allowOnly(allowed)
                   ? actRecordsCommand(command == u"appointments"_s ? ActKind::Appointment : ActKind::Task,
                                       positional.mid(1))
                   : UsageError;
    }
    if (command == u"oauth"_s) {
        return allowOnly(sub == u"status"_s ? QStringList{u"json"_s} : QStringList{}) ? oauthCommand(positional.mid(1))
                                                                                      : UsageError;
    }
    if (command == u"maintenance"_s) {
        return allowOnly({u"dry-run"_s, u"json"_s}) ? maintenanceCommand(positional.mid(1)) : UsageError;
    }
    return usage(tr("unknown command '%1'").arg(command));
}

Result<std::unique_ptr<Store>> NodeCli::openStore()
{
    return Store::open(m_storeConfig);
}

int NodeCli::importConfig(const QStringList &positional)
{
    if (positional.size() != 2 || positional.at(0) != u"import"_s) {
        return usage(tr("usage: syncdesk-node config import FILE.json"));
    }
    const QString path = positional.at(1);
    const ConfigParser::Outcome parsed = ConfigParser::parseFile(path);
    if (const auto *issues = std::get_if<QList<ConfigIssue>>(&parsed)) {
        m_err << "syncdesk-node: " << tr("%1 was not imported; nothing was changed:").arg(path) << "\n";
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
        m_err << "syncdesk-node: " << tr("%1 was not imported; nothing was changed:").arg(path) << "\n";
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
        m_err << tr("warning: %1").arg(warning.toString()) << "\n";
    }
    //: %1: the imported file, %2: the database
    m_out << tr("Imported %1 into %2:").arg(path, m_storeConfig.describe()) << "\n"
          << "  "
          << tr("server profiles: %1 new, %2 updated, %3 unchanged")
                 .arg(summary.profilesCreated)
                 .arg(summary.profilesUpdated)
                 .arg(summary.profilesUnchanged)
          << "\n"
          << "  "
          //: The spaces align the numbers with those of "server profiles: %1 new, ..." on the line above
          << tr("mailboxes:       %1 new, %2 updated, %3 unchanged")
                 .arg(summary.mailboxesCreated)
                 .arg(summary.mailboxesUpdated)
                 .arg(summary.mailboxesUnchanged)
          << "\n";
    if (summary.schedulerUpdated) {
        m_out << "  " << tr("scheduler settings updated; running engines use them within a second") << "\n";
    }
    if (summary.retentionUpdated) {
        m_out << "  " << tr("retention settings updated; running engines use them from their next pass") << "\n";
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
                                   //: %1: a mailbox address, %2: the database
                                   tr("no mailbox %1 in %2").arg(address, m_storeConfig.describe()));
        }
        if (!(*mailbox)->enabled && skipDisabled) {
            return SyncError::make(ErrorClass::Config, u"mailbox-disabled"_s,
                                   tr("the mailbox %1 is disabled; enable it before syncing it").arg(address));
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
            return usage(tr("use 'sync --once' to sync here and now, or 'sync --mailbox ADDRESS' to ask the running "
                            "engine"));
        }
        for (qint64 id : *ids) {
            if (Status requested = (*store)->requestSync(id, u"cli"_s, QDateTime::currentDateTimeUtc()); !requested) {
                return storeFailure(requested.error());
            }
        }
        m_out << tr("Requested an immediate sync of %n mailbox(es); the running syncdesk-node or console picks it up "
                    "within a second.",
                    nullptr, int(ids->size()))
              << "\n";
        m_out.flush();
        return Success;
    }
    if (ids->isEmpty()) {
        m_out << tr("No enabled mailboxes to sync in %1.").arg(m_storeConfig.describe()) << "\n";
        m_out.flush();
        return Success;
    }
    return syncOnce(*ids, std::move(store).value());
}

QSet<qint64> NodeCli::enabledMailboxes(Store *store, const QList<qint64> &mailboxIds)
{
    QSet<qint64> enabled;
    auto all = store ? store->mailboxes() : Result<QList<Mailbox>>(QList<Mailbox>());
    if (all) {
        for (const Mailbox &mailbox : *all) {
            if (mailbox.enabled && mailboxIds.contains(mailbox.id)) {
                enabled.insert(mailbox.id);
            }
        }
    }
    return enabled;
}

void NodeCli::reportDisabledByThisRun(Store *store, const QSet<qint64> &enabledBefore)
{
    auto all = store ? store->mailboxes() : Result<QList<Mailbox>>(QList<Mailbox>());
    if (!all) {
        return;
    }
    for (const Mailbox &mailbox : *all) {
        if (enabledBefore.contains(mailbox.id) && !mailbox.enabled) {
            //: %1: the mailbox address, %2: why it was disabled (an id such as permanent-failure)
            m_err
                << tr("%1: disabled by this run (%2); fix the cause, then 'syncdesk-node test-mailbox %1 --enable' or "
                      "'syncdesk-node mailbox enable %1'")
                       .arg(mailbox.address, mailbox.disabledReason)
                << "\n";
        }
    }
    m_err.flush();
}

void NodeCli::printFailure(const QString &subject, const SyncError &error)
{
    m_err << subject << ": " << errorClassName(error.errorClass) << ": " << error.message << "\n";
    if (!error.detail.isEmpty() && !error.message.contains(error.detail)) {
        m_err << "  " << tr("detail: %1").arg(error.detail) << "\n";
    }
    const Hint hint = HintCatalog::instance().hint(error.hintId);
    if (hint.isValid()) {
        m_err << "  " << tr("hint [%1]: %2").arg(hint.id, hint.title) << "\n";
        for (const QString &step : hint.remedy) {
            m_err << "    - " << step << "\n";
        }
    }
}

bool NodeCli::printDirectionFailures(const SyncOutcome &outcome)
{
    bool failed = false;
    // A stop asked for is reported by the exit code already.
    if (outcome.outgoingError && outcome.outgoingError->errorClass != ErrorClass::Cancelled) {
        //: %1 is the mailbox address
        printFailure(tr("%1, outgoing email").arg(outcome.address), *outcome.outgoingError);
        failed = true;
    }
    if (outcome.actError && outcome.actError->errorClass != ErrorClass::Cancelled) {
        //: %1 is the mailbox address
        printFailure(tr("%1, appointments, contacts and tasks").arg(outcome.address), *outcome.actError);
        failed = true;
    }
    return failed;
}

int NodeCli::syncOnce(const QList<qint64> &mailboxIds, std::unique_ptr<Store> store)
{
    if (!store) {
        if (auto opened = openStore()) {
            store = std::move(opened).value();
        }
    }
    EngineSettings settings;
    settings.store = m_storeConfig;
    m_engine = std::make_unique<SyncEngine>(settings);
    if (store) {
        m_engine->borrowStore(store.get()); // reset below, before the store
    }
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
            //: A rate: messages per second
            const QString rate = tr("%1 messages/s").arg(QLocale().toString(stored / seconds, 'f', 0));
            //: Progress of 'sync --once': %1 of %n mailboxes done
            m_err << "\r\033[K" << tr("%1/%n mailbox(es)", nullptr, int(total)).arg(done) << ", "
                  << tr("%Ln message(s) stored", nullptr, int(stored)) << ", " << rate;
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
                const QString address = outcome.address;
                const QString created = QString::number(outcome.itemsNew);
                const QString fetched = QString::number(outcome.itemsSeen);
                if (outcome.itemsFailed > 0) {
                    // The sync went on; the items are listed with their reasons.
                    //: %1: the mailbox address, %2: new activities, %3: messages fetched
                    m_out << tr("%1: ok, %2 new, %3 fetched, %n item(s) failed (syncdesk-node failures --mailbox %1)",
                                nullptr, outcome.itemsFailed)
                                 .arg(address, created, fetched);
                } else {
                    //: %1: the mailbox address, %2: new activities, %3: messages fetched
                    m_out << tr("%1: ok, %2 new, %3 fetched").arg(address, created, fetched);
                }
                m_out << "\n";
            } else {
                exitCode = SyncFailed;
                printFailure(outcome.address, *outcome.error);
            }
            // The incoming sync may have worked while another direction failed: said, and exit code 1.
            if (printDirectionFailures(outcome)) {
                exitCode = SyncFailed;
            }
        }
        m_out.flush();
        m_err.flush();
        m_engine->stop();
    });
    connect(m_engine.get(), &SyncEngine::stopped, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    installSignalHandlers();
    const QSet<qint64> enabledBefore = enabledMailboxes(store.get(), mailboxIds);
    if (Status started = m_engine->runOnce(mailboxIds); !started) {
        m_engine.reset(); // before the store it borrowed
        return storeFailure(started.error());
    }
    QCoreApplication::exec();
    m_engine.reset();
    reportDisabledByThisRun(store.get(), enabledBefore);
    if (m_stopRequested && exitCode == Success) {
        exitCode = SyncFailed;
    }
    return exitCode;
}

void NodeCli::installSignalHandlers()
{
    if (m_signalNotifier) {
        return;
    }
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalFds) != 0) {
        m_err << "syncdesk-node: " << tr("cannot install signal handlers") << "\n";
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
        Q_EMIT stopRequested();
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

} // namespace SyncDesk
