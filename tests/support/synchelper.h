#pragma once

#include "config/configfile.h"
#include "model/itemfailure.h"
#include "outgoing/outboxrun.h"
#include "scheduler/schedulersettings.h"
#include "store/storeconfig.h"
#include "sync/syncjob.h"
#include "sync/syncoutcome.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace SyncDesk::Testing {

// Small conveniences over the real engine for tests: import a configuration file, run a sync of some
// mailboxes to completion (waiting on the engine's signal, with a timeout).
class SyncHelper final
{
public:
    // Imports a configuration file; returns an empty string on success, else what went wrong.
    static QString importConfig(const StoreConfig &store, const QString &configPath);
    // Syncs the mailboxes (by address) once with a real SyncEngine; empty list on timeout. `adjust` may
    // change the engine's scheduler settings (limits, tuning) first.
    static QList<SyncOutcome> syncOnce(const StoreConfig &store, const QStringList &addresses, int timeoutMs = 60000,
                                       const std::function<void(SchedulerSettings &)> &adjust = {});
    static qint64 mailboxId(const StoreConfig &store, const QString &address);
    // A mailbox's item failures and stored activities, read through a connection of their own (empty, -1 when
    // the store cannot be read).
    static ItemFailureList itemFailures(const StoreConfig &store, qint64 mailboxId);
    static qint64 activityCount(const StoreConfig &store, qint64 mailboxId);

    // A mailbox on `incoming` stored in `store` (profile and mailbox rows), as a job ready to run. The
    // password is read from the environment variable SYNCDESK_TEST_PASSWORD_<n>, set here.
    static std::optional<SyncJob> makeJob(const StoreConfig &store, const Endpoint &incoming, const QString &username,
                                          const QString &password,
                                          const QStringList &folders = {QStringLiteral("INBOX")});
    // Runs one MailboxSync (the real class, over real sockets) in this thread until it finishes;
    // nullopt on timeout.
    static std::optional<SyncOutcome> runJob(const StoreConfig &store, const SyncJob &job, int timeoutMs = 30000);
    // Runs one OutboxRun (the job's outgoing direction, real sockets) in this thread until it finishes;
    // nullopt on timeout.
    static std::optional<OutboxResult> runOutbox(const StoreConfig &store, const SyncJob &job, int timeoutMs = 30000);
};

} // namespace SyncDesk::Testing
