// The help of syncdesk-node: the list of commands (--help, help) and each command's own page (help COMMAND,
// COMMAND --help) with its usage, what it does and its options, wrapped to the terminal.

#include "nodecli.h"

#include <QCoreApplication>

#include <sys/ioctl.h>
#include <unistd.h>
#include <vector>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

struct OptionHelp
{
    const char *name;
    const char *text;
};

struct CommandHelp
{
    const char *command; // the first word: "help COMMAND" shows every entry of it
    const char *synopsis;
    const char *summary;
    std::vector<OptionHelp> options;
};

const OptionHelp kJson{"--json", "print JSON instead of a table"};

const std::vector<CommandHelp> &commands()
{
    static const std::vector<CommandHelp> list{
        {"config",
         "config import FILE.json",
         "Import server profiles, mailboxes, the CRM section and settings; "
         "re-importing updates what changed and never duplicates. Nothing is written unless the whole file is valid.",
         {}},
        {"sync",
         "sync --once [--mailbox ADDRESS]...",
         "Sync every enabled mailbox (or the ones named) now in this "
         "process, then exit. On a terminal it shows its progress. Exit code 1 when a mailbox failed.",
         {{"--once", "sync here and now, then exit"}, {"--mailbox ADDRESS", "only this mailbox (may be repeated)"}}},
        {"sync",
         "sync --mailbox ADDRESS...",
         "Ask the running engine (a node or the console) to sync these "
         "mailboxes now.",
         {}},
        {"status",
         "status [--state STATE] [--profile NAME] [--mailbox ADDRESS]... [--owner OWNER] [--json]",
         "Every mailbox's state, interval, last success, next sync, consecutive failures and last error with "
         "its hint. The filters combine; the table says how many of all mailboxes it shows.",
         {{"--state STATE", "ok, failing, disabled, overdue, syncing or never (may be repeated)"},
          {"--profile NAME", "only the mailboxes of this server profile"},
          {"--mailbox ADDRESS", "only this mailbox (may be repeated)"},
          {"--owner OWNER", "only the mailboxes of this owner: systemuser:ID, queue:ID or just the ID"},
          kJson}},
        {"export",
         "export activities --jsonl [--mailbox ADDRESS]... [--output FILE]",
         "The stored email activities, one JSON object per line.",
         {{"--jsonl", "one JSON object per line (required)"},
          {"--mailbox ADDRESS", "only this mailbox's (may be repeated)"},
          {"--output FILE", "write to FILE (created readable by you only) instead of standard output"}}},
        {"mailbox",
         "mailbox enable|disable ADDRESS",
         "Enable a mailbox (resetting its failure counters; it is "
         "due at once) or disable it.",
         {}},
        {"mailbox",
         "mailbox verbose ADDRESS on|off",
         "Log the protocol traffic of one mailbox (credentials "
         "hidden), switched at run time.",
         {}},
        {"test-mailbox",
         "test-mailbox ADDRESS [--enable] [--json]",
         "Test DNS, TCP, TLS, login and INBOX (and "
         "SMTP) step by step, each with its result, time and detail, then the failure's hint.",
         {{"--enable", "enable the mailbox when every step passes"}, kJson}},
        {"alerts",
         "alerts [--all] [--json]",
         "The open alerts, newest first (with --all, closed ones too).",
         {{"--all", "closed alerts too"}, kJson}},
        {"alerts", "alerts ack ID", "Acknowledge an alert.", {}},
        {"alerts", "alerts reenable ID", "Re-enable the mailboxes a server profile incident disabled.", {}},
        {"failures",
         "failures [--mailbox ADDRESS] [--json]",
         "Messages that could not be decoded or stored.",
         {{"--mailbox ADDRESS", "only this mailbox's"}, kJson}},
        {"failures",
         "failures retry [--mailbox ADDRESS]",
         "Fetch those messages again on the next sync.",
         {{"--mailbox ADDRESS", "only this mailbox's"}}},
        {"verify",
         "verify [--mailbox ADDRESS]... [--repair] [--json]",
         "Audit: compare the server's messages "
         "with what the store accounts for. Exit code 1 when something is missing.",
         {{"--mailbox ADDRESS", "only this mailbox (may be repeated)"},
          {"--repair", "fetch the missing messages again, then audit again"},
          kJson}},
        {"diagnostics",
         "diagnostics ADDRESS [--output FILE]",
         "A diagnostic bundle of one mailbox: status, runs, "
         "alerts, failures and log, without passwords or message contents.",
         {{"--output FILE", "write to FILE instead of standard output"}}},
        {"password",
         "password set ENTRY",
         "Store a password in the system keychain, read from standard input, "
         "for mailboxes configured with \"password_keychain\": \"ENTRY\".",
         {}},
        {"password", "password delete ENTRY", "Remove it from the keychain.", {}},
        {"scheduler",
         "scheduler [--json]",
         "The running engines: workers, queue, connections per profile, "
         "overdue mailboxes.",
         {kJson}},
        {"nodes",
         "nodes [--json]",
         "Every engine on the store: id, host, pid, version, started, heartbeat, "
         "alive, stopped or dead, workers, mailboxes it holds.",
         {kJson}},
        {"runs",
         "runs [--mailbox ADDRESS] [--since ISO-8601] [--limit N] [--json]",
         "Sync runs, newest first: "
         "engine, lease epoch, start, end, result, items.",
         {{"--mailbox ADDRESS", "only this mailbox's"},
          {"--since ISO-8601", "only runs started at or after this time (2026-12-05T09:00:00Z)"},
          {"--limit N", "at most N runs (default 100)"},
          kJson}},
        {"store",
         "store copy --to postgresql://USER@HOST:PORT/DBNAME [--json]",
         "Copy this SQLite database "
         "(everything) into an empty PostgreSQL database and verify every table's row count; stop the nodes "
         "first.",
         {{"--to URL|PATH", "the empty database to copy into"}, kJson}},
        {"run",
         "run [--workers N]",
         "The scheduler, until SIGINT or SIGTERM.",
         {{"--workers N", "worker threads (default: one per core, at least 2)"}}},
        {"maintenance",
         "maintenance [--dry-run] [--json]",
         "Prune the log, runs, closed alerts, completed track "
         "requests and dead nodes older than their retention window now (a running engine does it hourly).",
         {{"--dry-run", "count what would be pruned, delete nothing"}, kJson}},
        {"crm",
         "crm import FILE.csv --type account|contact|lead [--skip-invalid]",
         "Add or update CRM records "
         "from a CSV file with a header row.",
         {{"--type TYPE", "the record type"}, {"--skip-invalid", "import the valid rows, list the invalid ones"}}},
        {"crm",
         "crm list [--type TYPE] [--json]",
         "The CRM records mail is matched against.",
         {{"--type TYPE", "only records of this type"}, kJson}},
        {"track",
         "track --mailbox ADDRESS --message-id ID [--regarding TYPE:ID] [--no-sync]",
         "Track a message "
         "(and set what it is regarding), syncing its mailbox now.",
         {{"--mailbox ADDRESS", "the mailbox the message is in"},
          {"--message-id ID", "its Message-ID"},
          {"--regarding TYPE:ID", "the record it is regarding (account:contoso)"},
          {"--no-sync", "record the request only; the next sync completes it"}}},
        {"track",
         "track list [--mailbox ADDRESS] [--json]",
         "Track requests: pending, done, or failed with the "
         "reason.",
         {{"--mailbox ADDRESS", "only this mailbox's"}, kJson}},
        {"help", "help [COMMAND]", "This list, or one command's usage and options (also: COMMAND --help).", {}},
    };
    return list;
}

int terminalWidth()
{
    winsize size{};
    if (::isatty(STDOUT_FILENO) == 1 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 40) {
        return std::min<int>(size.ws_col, 100);
    }
    return 80;
}

// Words of `text` in lines of at most `width` columns: the first line starts with `indent` spaces, the
// others with `hanging` (-1: as the first).
QString wrapped(const QString &text, int indent, int width, int hanging = -1)
{
    QString result;
    QString line;
    QString pad(indent, u' ');
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && pad.size() + line.size() + 1 + word.size() > width) {
            result += pad + line + u'\n';
            line.clear();
            pad = QString(hanging < 0 ? indent : hanging, u' ');
        }
        line += (line.isEmpty() ? QString() : u" "_s) + word;
    }
    if (!line.isEmpty()) {
        result += pad + line + u'\n';
    }
    return result;
}

} // namespace

bool NodeCli::isCommand(const QString &command)
{
    for (const CommandHelp &entry : commands()) {
        if (command == QLatin1StringView(entry.command)) {
            return true;
        }
    }
    return false;
}

QString NodeCli::commandList()
{
    const int width = terminalWidth();
    QString text = u"Commands (syncdesk-node help COMMAND for one command's options):\n"_s;
    for (const CommandHelp &entry : commands()) {
        text += wrapped(QString::fromUtf8(entry.synopsis), 2, width, 6);
        text += wrapped(QString::fromUtf8(entry.summary), 8, width);
    }
    return text;
}

QString NodeCli::commandHelp(const QString &command)
{
    const int width = terminalWidth();
    QString usage;
    std::vector<OptionHelp> options;
    for (const CommandHelp &entry : commands()) {
        if (command != QLatin1StringView(entry.command)) {
            continue;
        }
        usage += wrapped(u"syncdesk-node "_s + QString::fromUtf8(entry.synopsis), 2, width, 8);
        usage += wrapped(QString::fromUtf8(entry.summary), 6, width);
        for (const OptionHelp &option : entry.options) {
            const bool known = std::any_of(options.cbegin(), options.cend(), [&](const OptionHelp &seen) {
                return qstrcmp(seen.name, option.name) == 0;
            });
            if (!known) {
                options.push_back(option);
            }
        }
    }
    QString text = u"Usage:\n"_s + usage;
    options.push_back({"--db PATH|URL", "the database: a SQLite file, or postgresql://USER@HOST:PORT/DBNAME "
                                        "(default: $SYNCDESK_DB, or syncdesk.db in the application data folder)"});
    options.push_back({"--verbose", "print the log, debug records too, on standard error"});
    text += u"\nOptions:\n"_s;
    int column = 0;
    for (const OptionHelp &option : options) {
        column = std::max(column, int(qstrlen(option.name)));
    }
    column = std::min(column + 4, 24);
    for (const OptionHelp &option : options) {
        const QString name = u"  "_s + QString::fromUtf8(option.name);
        QString body = wrapped(QString::fromUtf8(option.text), column, width);
        if (name.size() + 2 <= column) {
            body.replace(0, name.size(), name); // the name on the first line of its text
            text += body;
        } else {
            text += name + u'\n' + body;
        }
    }
    return text;
}

} // namespace SyncDesk
