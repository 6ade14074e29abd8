// The help of syncdesk-node: the list of commands (--help, help) and each command's own page (help COMMAND,
// COMMAND --help) with its usage, what it does and its options, wrapped to the terminal.

#include "cli/manpage.h"
#include "nodecli.h"

#include <QCoreApplication>

#include <sys/ioctl.h>
#include <unistd.h>
#include <vector>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

// The texts are marked with QT_TRANSLATE_NOOP and translated where they are printed (tr() must not run
// before the translator is installed). A command's first word and the bare option names are not translated.
struct OptionHelp
{
    const char *name; // the option, with its value placeholder when it has one
    const char *text;
};

struct CommandHelp
{
    const char *command; // the first word: "help COMMAND" shows every entry of it
    const char *synopsis;
    const char *summary;
    std::vector<OptionHelp> options;
};

const OptionHelp kJson{"--json", QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "print JSON instead of a table")};

const std::vector<CommandHelp> &commands()
{
    static const std::vector<CommandHelp> list{
        {"config",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "config import FILE.json"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "Import server profiles, mailboxes, the CRM section and settings; "
                           "re-importing updates what changed and never duplicates. Nothing is written unless the "
                           "whole file is valid."),
         {}},
        {"sync",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "sync --once [--mailbox ADDRESS]..."),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "Sync every enabled mailbox (or the ones named) now in this "
                           "process, then exit. On a terminal it shows its progress. Exit code 1 when a mailbox, "
                           "or its outgoing or appointments, contacts and tasks direction, failed."),
         {{"--once", QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "sync here and now, then exit")},
          {QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--mailbox ADDRESS"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "only this mailbox (may be repeated)")}}},
        {"sync",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "sync --mailbox ADDRESS..."),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "Ask the running engine (a node or the console) to sync these "
                                                "mailboxes now."),
         {}},
        {"status",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "status [--state STATE] [--profile NAME] [--mailbox ADDRESS]... [--owner OWNER] [--json]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "Every mailbox's state, interval, last success, next sync, consecutive failures and last "
                           "error with its hint. The filters combine; the table says how many of all mailboxes it "
                           "shows."),
         {{QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--state STATE"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                             "ok, failing, disabled, overdue, syncing or never (may be repeated)")},
          {QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--profile NAME"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "only the mailboxes of this server profile")},
          {QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--mailbox ADDRESS"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "only this mailbox (may be repeated)")},
          {QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--owner OWNER"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                             "only the mailboxes of this owner: systemuser:ID, queue:ID or just the ID")},
          kJson}},
        {"export",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "export activities --jsonl [--mailbox ADDRESS]... [--output FILE]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "The stored email activities, one JSON object per line."),
         {{"--jsonl", QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "one JSON object per line (required)")},
          {QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--mailbox ADDRESS"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "only this mailbox's (may be repeated)")},
          {QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--output FILE"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                             "write to FILE (created readable by you only) instead of standard output")}}},
        {"mailbox",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "mailbox enable|disable ADDRESS"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "Enable a mailbox (resetting its failure counters; it is "
                                                "due at once) or disable it."),
         {}},
        {"mailbox",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "mailbox verbose ADDRESS on|off"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "Log the protocol traffic of one mailbox (credentials "
                                                "hidden), switched at run time."),
         {}},
        {"test-mailbox",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "test-mailbox ADDRESS [--enable | --list-folders] [--json]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "Test DNS, TCP, TLS, login and INBOX (and "
                           "SMTP) step by step, each with its result, time and detail, then the failure's hint."),
         {{"--enable", QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "enable the mailbox when every step passes")},
          {"--list-folders",
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "after the login, list the server's folders instead of checking "
                                                  "INBOX and SMTP")},
          kJson}},
        {"alerts",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "alerts [--all] [--json]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "The open alerts, newest first (with --all, closed ones too)."),
         {{"--all", QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "closed alerts too")}, kJson}},
        {"alerts",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "alerts ack ID"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "Acknowledge an alert."),
         {}},
        {"alerts",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "alerts reenable ID"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "Re-enable the mailboxes a server profile incident disabled."),
         {}},
        {"failures",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "failures [--mailbox ADDRESS] [--json]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "Messages that could not be decoded or stored."),
         {{QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--mailbox ADDRESS"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "only this mailbox's")},
          kJson}},
        {"failures",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "failures retry [--mailbox ADDRESS]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "Fetch those messages again on the next sync."),
         {{QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--mailbox ADDRESS"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "only this mailbox's")}}},
        {"verify",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "verify [--mailbox ADDRESS]... [--repair] [--json]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "Audit: compare the server's messages "
                           "with what the store accounts for. Exit code 1 when something is missing."),
         {{QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--mailbox ADDRESS"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "only this mailbox (may be repeated)")},
          {"--repair", QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "fetch the missing messages again, then audit again")},
          kJson}},
        {"diagnostics",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "diagnostics ADDRESS [--output FILE]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "A diagnostic bundle of one mailbox: status, runs, "
                                                "alerts, failures and log, without passwords or message contents."),
         {{QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--output FILE"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "write to FILE instead of standard output")}}},
        {"password",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "password set ENTRY"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "Store a password in the system keychain, read from standard input, "
                                                "for mailboxes configured with \"password_keychain\": \"ENTRY\"."),
         {}},
        {"password",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "password delete ENTRY"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "Remove it from the keychain."),
         {}},
        {"scheduler",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "scheduler [--json]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "The running engines: workers, queue, connections per profile, "
                                                "overdue mailboxes."),
         {kJson}},
        {"nodes",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "nodes [--json]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "Every engine on the store: id, host, pid, version, started, heartbeat, "
                           "alive, stopped or dead, workers, mailboxes it holds."),
         {kJson}},
        {"runs",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "runs [--mailbox ADDRESS] [--since ISO-8601] [--limit N] [--json]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "Sync runs, newest first: "
                                                "engine, lease epoch, start, end, result, items."),
         {{QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--mailbox ADDRESS"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "only this mailbox's")},
          {"--since ISO-8601",
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "only runs started at or after this time (2026-12-05T09:00:00Z)")},
          {QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--limit N"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "at most N runs (default 100)")},
          kJson}},
        {"store",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "store copy --to postgresql://USER@HOST:PORT/DBNAME [--json]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "Copy this SQLite database "
                           "(everything) into an empty PostgreSQL database and verify every table's row count; stop "
                           "the nodes first."),
         {{QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--to URL|PATH"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "the empty database to copy into")},
          kJson}},
        {"run",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "run [--workers N]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "The scheduler, until SIGINT or SIGTERM."),
         {{QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--workers N"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "worker threads (default: one per core, at least 2)")}}},
        {"maintenance",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "maintenance [--dry-run] [--json]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "Prune the log, runs, closed alerts, completed track "
                           "requests and dead nodes older than their retention window now (a running engine does "
                           "it hourly)."),
         {{"--dry-run", QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "count what would be pruned, delete nothing")}, kJson}},
        {"crm",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "crm import FILE.csv --type account|contact|lead [--skip-invalid]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "Add or update CRM records "
                                                "from a CSV file with a header row."),
         {{QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--type TYPE"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "the record type")},
          {"--skip-invalid", QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "import the valid rows, list the invalid ones")}}},
        {"crm",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "crm list [--type TYPE] [--json]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "The CRM records mail is matched against."),
         {{QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--type TYPE"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "only records of this type")},
          kJson}},
        {"email",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "email send --from ADDRESS --to ADDR[,ADDR...] [--cc ...] [--bcc ...] --subject TEXT "
                           "(--body TEXT | --body-file FILE) [--html-file FILE] [--attach FILE]... "
                           "[--regarding TYPE:ID] [--reply-to ACTIVITY] [--owner systemuser:ID] [--draft] [--json]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "Create an outgoing email activity and print its id. It is Pending Send and its mailbox "
                           "sends it at once (or at its next sync), through the profile's SMTP server, with a copy in "
                           "Sent; with --draft it waits as a Draft. The owner (the mailbox's own, or --owner) must be "
                           "allowed to send from the mailbox: their own, or a queue they are a member of."),
         {{QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--from ADDRESS"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "the mailbox the email leaves through")},
          {QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--to, --cc, --bcc ADDR"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "recipients, separated by commas, \"Name <addr>\" allowed")},
          {QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--attach FILE"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "attach a file (may be repeated; its type from its name and bytes)")},
          {QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--reply-to ACTIVITY"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "answer a tracked email: In-Reply-To, References and its regarding")},
          {"--draft", QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "save as a draft; email send-draft ID sends it")},
          kJson}},
        {"email",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "email list [--mailbox ADDRESS] [--status STATUS] [--json]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "Outgoing email, newest first, with its status: draft, pending-send, sending, sent, "
                           "failed, cancelled."),
         {{QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--status STATUS"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "only email in this status")},
          kJson}},
        {"email",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "email show ID [--json]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "One outgoing email: its status, attempts, the server's reply, refused recipients, the "
                           "last error with its hint, and its copy in Sent."),
         {kJson}},
        {"email",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "email send-draft ID | email cancel ID | email retry ID"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "Send a draft; cancel a draft, pending or failed email; send a failed or cancelled email "
                           "again (its attempts start again). An email being sent cannot be cancelled."),
         {}},
        {"appointments",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "appointments list [--owner ID] [--json] | appointments show ID [--json]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "The CRM's appointments (soonest first), or one with every field and the calendars it "
                           "is in."),
         {kJson}},
        {"appointments",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "appointments add FIELD=VALUE... | appointments set ID FIELD=VALUE... | appointments "
                           "delete ID"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "Create (owner=, subject=, start= and end= at least), change or delete an appointment; "
                           "the calendars of the mailboxes that hold it sync at once. Fields: subject, start, end, "
                           "all_day, time_zone, location, organizer, attendees, description, recurrence, regarding, "
                           "owner. Times: 2026-03-10T09:00 in time_zone, or with Z or an offset, or a date."),
         {kJson}},
        {"tasks",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "tasks list|show|add|set|delete (as appointments)"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "The CRM's tasks. Fields: subject, start, due, all_day, time_zone, status (not-started, "
                           "in-progress, completed, cancelled), percent_complete, priority (0-9), description, "
                           "regarding, owner."),
         {kJson}},
        {"conflicts",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "conflicts [--mailbox ADDRESS] [--json]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "Fields of appointments, contacts and tasks that both the CRM and a calendar or address "
                           "book changed, newest first: both values and which one the mailbox's conflict rule kept."),
         {{QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--mailbox ADDRESS"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "only this mailbox's")},
          kJson}},
        {"oauth",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "oauth login ADDRESS"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "Sign a mailbox of an OAuth 2.0 profile in (the device authorization grant): prints a URL "
                           "and a code to enter there on any device, waits for the approval, keeps the refresh token "
                           "on this node and enables the mailbox again if a refused sign-in had disabled it."),
         {}},
        {"oauth",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "oauth status [ADDRESS] [--json]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "Each OAuth mailbox's sign-in: signed-in or needs-sign-in, when it signed in, the last "
                           "refresh and when the access token expires."),
         {kJson}},
        {"oauth",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "oauth logout ADDRESS"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "Forget a mailbox's tokens on this node."),
         {}},
        {"track",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "track --appointment UID [--regarding TYPE:ID]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "Track an appointment (and set what it is regarding): the mailboxes that hold it or whose "
                           "owner owns it sync their calendars at once; if that fails, the schedule completes it."),
         {}},
        {"track",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "track --mailbox ADDRESS --message-id ID [--regarding TYPE:ID] [--no-sync]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "Track a message "
                                                "(and set what it is regarding), syncing its mailbox now."),
         {{QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--mailbox ADDRESS"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "the mailbox the message is in")},
          {QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--message-id ID"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "its Message-ID")},
          {QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--regarding TYPE:ID"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "the record it is regarding (account:contoso)")},
          {"--no-sync",
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "record the request only; the next sync completes it")}}},
        {"track",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "track list [--mailbox ADDRESS] [--json]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "Track requests: pending, done, or failed with the "
                                                "reason."),
         {{QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--mailbox ADDRESS"),
           QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "only this mailbox's")},
          kJson}},
        {"help",
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "help [COMMAND]"),
         QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                           "This list, or one command's usage and options (also: COMMAND --help)."),
         {}},
    };
    return list;
}

// A text of the tables above (or a bare option name, returned as it is), in the user's language.
QString translated(const char *text)
{
    return QCoreApplication::translate("SyncDesk::NodeCli", text);
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
    QString text = tr("Commands (syncdesk-node help COMMAND for one command's options):") + u'\n';
    for (const CommandHelp &entry : commands()) {
        text += wrapped(translated(entry.synopsis), 2, width, 6);
        text += wrapped(translated(entry.summary), 8, width);
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
        usage += wrapped(u"syncdesk-node "_s + translated(entry.synopsis), 2, width, 8);
        usage += wrapped(translated(entry.summary), 6, width);
        for (const OptionHelp &option : entry.options) {
            const bool known = std::any_of(options.cbegin(), options.cend(), [&](const OptionHelp &seen) {
                return qstrcmp(seen.name, option.name) == 0;
            });
            if (!known) {
                options.push_back(option);
            }
        }
    }
    QString text = tr("Usage:") + u'\n' + usage;
    options.push_back({QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "--db PATH|URL"),
                       QT_TRANSLATE_NOOP("SyncDesk::NodeCli",
                                         "the database: a SQLite file, or postgresql://USER@HOST:PORT/DBNAME "
                                         "(default: $SYNCDESK_DB, or syncdesk.db in the application data folder)")});
    options.push_back(
        {"--verbose", QT_TRANSLATE_NOOP("SyncDesk::NodeCli", "print the log, debug records too, on standard error")});
    text += u'\n' + tr("Options:") + u'\n';
    int column = 0;
    for (const OptionHelp &option : options) {
        column = std::max(column, int(translated(option.name).size()));
    }
    column = std::min(column + 4, 24);
    for (const OptionHelp &option : options) {
        const QString name = u"  "_s + translated(option.name);
        QString body = wrapped(translated(option.text), column, width);
        if (name.size() + 2 <= column) {
            body.replace(0, name.size(), name); // the name on the first line of its text
            text += body;
        } else {
            text += name + u'\n' + body;
        }
    }
    return text;
}

QString NodeCli::manPage()
{
    ManPage page;
    page.name = u"syncdesk-node"_s;
    page.summary = tr("SyncDesk headless node: syncs mailboxes with the CRM store on their schedule");
    page.version = QCoreApplication::applicationVersion();
    page.synopsis = {u"[--db PATH|URL] COMMAND [OPTIONS]"_s, u"--help | help COMMAND"_s};
    page.description = m_parser.applicationDescription();
    page.options = m_options;
    ManPage::Section commandSection{tr("Commands"), {}};
    for (const CommandHelp &entry : commands()) {
        commandSection.entries.append({translated(entry.synopsis), translated(entry.summary)});
    }
    page.sections.append(commandSection);
    page.sections.append({tr("Exit status"),
                          {{u"0"_s, tr("success")},
                           {u"1"_s, tr("a mailbox, or one of its directions, failed to sync")},
                           {u"2"_s, tr("bad usage or configuration")},
                           {u"3"_s, tr("the database could not be used")}}});
    page.sections.append(
        {tr("Environment"),
         {{u"SYNCDESK_DB"_s, tr("the database when --db is not given")},
          {u"SYNCDESK_STATE_DIR"_s, tr("where OAuth tokens are kept (default: beside the database)")},
          {u"SYNCDESK_LANGUAGE"_s, tr("the language of messages (en, de; default: the system's)")},
          {u"NOTIFY_SOCKET, WATCHDOG_USEC"_s, tr("set by systemd: run reports readiness and pings the watchdog")}}});
    page.sections.append({tr("See also"), {{QString(), u"syncdesk(1), systemctl(1), journalctl(1)"_s}}});
    return page.render();
}

} // namespace SyncDesk
