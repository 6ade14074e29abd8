#pragma once

#include "result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace SyncDesk {

class Store;

// What one finished sync run tells the alert rules.
struct RunAlertInput
{
    QDateTime now;
    qint64 mailboxId = 0;
    QString address;
    qint64 profileId = 0;
    QString profileName;
    bool succeeded = false;
    bool cancelled = false;
    std::optional<SyncError> error;
    bool wasFailing = false;           // the run before this one had failed
    QString disabledReason;            // this run disabled the mailbox: "permanent-failure" or "repeated-failures"
    int consecutiveFailures = 0;       // after this run
    bool plannerOutageStarted = false; // the scheduler saw its connections fail over and over across mailboxes
    QStringList renumberedFolders;     // folders whose UIDVALIDITY changed (information)
    // The outgoing direction, run before the incoming sync: emails sent, failed for good, waiting to retry;
    // the last email's failure and the direction's own.
    int emailsSent = 0;
    int emailsFailed = 0;
    int emailsRetrying = 0;
    std::optional<SyncError> emailFailure;
    std::optional<SyncError> outgoingError;
    // The ACT direction (appointments, contacts, tasks), run after the mail when the mailbox has it.
    bool actRan = false;
    int actConflicts = 0;
    std::optional<SyncError> actError;
    bool hasOutgoing() const
    {
        return emailsSent > 0 || emailsFailed > 0 || emailsRetrying > 0 || outgoingError.has_value();
    }
};

// Alerts are raised on transitions, never on every failing cycle. Per mailbox:
//   * first failure (a healthy mailbox fails): "mailbox-failing:ID", warning, the failure's hint;
//     later failures only count occurrences of that alert;
//   * disabled (a permanent failure, or too many in a row): "mailbox-disabled:ID", error — its hint is the
//     failure's own for a permanent failure, "mailbox-disabled" after repeated failures;
//   * recovered (a success after failing): the failing alert closes, "mailbox-recovered:ID" (information)
//     says so. A mailbox that fails again within an hour of recovering reopens its failing alert instead
//     of raising another one (a flapping mailbox is one alert, not two per cycle);
//   * a folder renumbered by the server: "uidvalidity-reset:ID:FOLDER", information.
// Per mailbox's outgoing direction (only for runs that sent or tried to):
//   * emails failed for good: "send-failed:ID", warning, the failure's hint; later failures count occurrences;
//   * email waiting in Pending Send for more than 15 minutes while its attempts fail: "outgoing-stuck:ID";
//   * both close when a later run sends without a failure.
// Per mailbox's ACT direction (only for runs that ran it):
//   * its failure: "act-failing:ID", warning, the failure's hint; later failures count occurrences; it closes when
//     the direction succeeds again;
//   * fields both sides changed: "act-conflicts:ID", information, counting the conflicts (act_conflicts has them).
// Per server profile: when more than half of its mailboxes (at least two) fail within an hour — since the
// previous incident of that profile ended — or the scheduler finds its server down, one profile incident
// "profile-outage:ID" (error) groups them: their own alerts close into it, later failures join it instead
// of raising alerts, and the mailboxes it disabled can be re-enabled in one action. It closes when a
// mailbox of the profile succeeds and at most half of the enabled ones are still failing;
// "profile-recovered:ID" (information) then lists the mailboxes still disabled by it.
//
// Everything is read from and written to the store (the scheduler calls this inside the transaction that
// records the run), so that several engines sharing a database agree; `now` comes from the caller, so the
// rules run under a simulated clock in tests.
class AlertManager final
{
public:
    explicit AlertManager(Store &store, qint64 windowMs = 3600 * 1000);

    Status onRunFinished(const RunAlertInput &input);
    // An operator enabled the mailbox: its disabled and failing alerts are resolved.
    static Status mailboxEnabled(Store &store, qint64 mailboxId, const QDateTime &now);

    // The profile-incident threshold: more than half of the mailboxes, and at least two.
    static bool isProfileIncident(int failingMailboxes, int population);

private:
    Status onOutgoing(const RunAlertInput &input);
    Status onAct(const RunAlertInput &input);
    Status onSuccess(const RunAlertInput &input);
    Status onFailure(const RunAlertInput &input);
    Status openIncident(const RunAlertInput &input, const QDateTime &since);
    Status raise(const QString &causeKey, const QString &kind, const QString &severity, const RunAlertInput &input,
                 bool aboutMailbox, const QString &hintId, const QString &message);

    Store &m_store;
    qint64 m_windowMs;
};

} // namespace SyncDesk
