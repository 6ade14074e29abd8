#pragma once

#include "act/actrecords.h"
#include "diagnostics/result.h"
#include "model/mailbox.h"
#include "model/mailboxstatus.h"
#include "model/serverprofile.h"
#include "store/storeconfig.h"
#include "sync/syncoutcome.h"

#include <QCommandLineParser>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTextStream>

#include <memory>

class QSocketNotifier;

namespace SyncDesk {

class OAuthTokenStore;
class Store;
struct ConnectionTestReport;
class SyncEngine;

// The commands of syncdesk-node. Exit codes: 0 success, 1 a mailbox (or its outgoing or ACT direction) failed to
// sync, 2 bad usage or configuration, 3 the database could not be used.
class NodeCli final : public QObject
{
    Q_OBJECT
public:
    enum ExitCode { Success = 0, SyncFailed = 1, UsageError = 2, StoreError = 3 };

    NodeCli();
    ~NodeCli() override;

    // Parses the arguments and runs the command; returns the exit code for main(). Long-running
    // commands (run, sync --once) spin the application's event loop.
    int run(const QStringList &arguments);

Q_SIGNALS:
    // SIGTERM or SIGINT arrived: running syncs finish, then the process exits.
    void stopRequested();

private:
    int importConfig(const QStringList &positional);
    int sync();
    // `store`: the command's own connection, if it has one open already (one is opened otherwise); it reads
    // which mailboxes are enabled before the run and after it.
    int syncOnce(const QList<qint64> &mailboxIds, std::unique_ptr<Store> store = {});
    int status();
    // Each mailbox on push (by a live engine) as status --json shows it.
    QHash<qint64, QJsonObject> pushStates(Store &store, const QDateTime &now);
    int exportActivities(const QStringList &positional);
    int runEngine();
    // nodecli_help.cpp: syncdesk-node(1) from the options and the command list.
    QString manPage();
    int mailboxCommand(const QStringList &positional);
    int scheduler();
    int crmCommand(const QStringList &positional);
    int trackCommand(const QStringList &positional);
    int trackList();
    // nodecli_diagnostics.cpp
    int testMailbox(const QStringList &positional);
    void printFolders(const ConnectionTestReport &report);
    int passwordCommand(const QStringList &positional);
    int alertsCommand(const QStringList &positional);
    int failuresCommand(const QStringList &positional);
    int mailboxVerbose(const QStringList &positional);
    int diagnosticsCommand(const QStringList &positional);
    int verifyCommand(const QStringList &positional);
    // nodecli_maintenance.cpp
    int maintenanceCommand(const QStringList &positional);
    // Audits the mailboxes one after the other in this thread (read-only IMAP/POP3 sessions).
    QList<SyncOutcome> runAudits(Store &store, const QList<qint64> &mailboxIds);
    Result<Mailbox> mailboxNamed(Store &store, const QString &address);
    Result<int> overdueGrace(Store &store);
    bool engineRunning(Store &store);
    // Applies status' --state, --profile, --mailbox and --owner; a usage problem, or empty.
    QString narrowStatuses(Store &store, MailboxStatusList &statuses, const QDateTime &now, int grace);
    // "3 min ago", "in 40 s", "never": a time relative to now, for the text output. Without withAgo, a past time
    // is only the span ("3 min"), as in "overdue 3 min".
    static QString ago(const QDateTime &time, const QDateTime &now, bool withAgo = true);
    // nodecli_engines.cpp
    int nodesCommand();
    int runsCommand();
    // nodecli_help.cpp: every command in a list, and one command's own page.
    static bool isCommand(const QString &command);
    static QString commandList();
    static QString commandHelp(const QString &command);
    // nodecli_act.cpp
    int actRecordsCommand(ActKind kind, const QStringList &positional);
    int trackAppointment();
    int actConflictsCommand(const QStringList &positional);
    // nodecli_oauth.cpp
    int oauthCommand(const QStringList &positional);
    int oauthLogin(const QString &address);
    int oauthLogout(const QString &address);
    int oauthStatus(const QString &address);
    Result<std::pair<Mailbox, ServerProfile>> oauthMailbox(Store &store, const QString &address);
    std::shared_ptr<OAuthTokenStore> tokenStore() const;
    // nodecli_email.cpp
    int emailCommand(const QStringList &positional);
    int emailSend();
    int emailList();
    int emailShow(qint64 id);
    int emailChange(const QString &action, qint64 id);
    // A refused email command: its message and hint; exit 2 (3 when the store failed).
    int emailRefused(const SyncError &error);
    // nodecli_store.cpp
    int storeCommand(const QStringList &positional);

    Result<std::unique_ptr<Store>> openStore();
    Result<QList<qint64>> resolveMailboxes(Store &store, bool skipDisabled);
    void installSignalHandlers();
    int usage(const QString &message);
    int storeFailure(const SyncError &error);
    // The hint's title and steps on standard error (nothing for an unknown id).
    void printHint(const QString &hintId);
    void printFailure(const QString &subject, const SyncError &error);
    // The outgoing and ACT directions' failures of a run (stopped ones aside); true when there was one.
    bool printDirectionFailures(const SyncOutcome &outcome);
    // sync --once: which of these mailboxes are enabled, and afterwards which of them this run disabled.
    QSet<qint64> enabledMailboxes(Store *store, const QList<qint64> &mailboxIds);
    void reportDisabledByThisRun(Store *store, const QSet<qint64> &enabledBefore);

    QCommandLineParser m_parser;
    QList<QCommandLineOption> m_options; // as --help lists them (and the manual page)
    StoreConfig m_storeConfig;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<QSocketNotifier> m_signalNotifier;
    bool m_stopRequested = false;
};

} // namespace SyncDesk
