#pragma once

#include "diagnostics/result.h"
#include "model/alert.h"
#include "model/itemfailure.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace SyncDesk {

class Store;

// A failing mailbox of a profile.
struct FailingMailbox
{
    qint64 mailboxId = 0;
    QString errorClass;
    QString hintId;
    bool disabledByFailures = false;
};

// How the mailboxes of one server profile fared lately: what the profile-incident rule needs.
struct ProfileHealth
{
    // Mailboxes that count: enabled, or disabled after failures (not those an operator or the
    // configuration switched off).
    int population = 0;
    // Of those, the ones whose last run failed and started at or after the `since` given.
    QList<FailingMailbox> failingSince;
    // Enabled mailboxes whose last run failed, whenever it was.
    int failingEnabled = 0;
};

// The diagnostics side of the store: alert acknowledgement and profile incidents with their mailboxes,
// item-level failures and their retry, the per-mailbox verbose log switch. Works on a Store's connection,
// in that Store's thread.
class DiagnosticsStore final
{
public:
    explicit DiagnosticsStore(Store &store);

    Status setMailboxVerbose(qint64 mailboxId, bool verbose);

    // Alerts.
    Result<std::optional<Alert>> alert(qint64 alertId, bool withMembers = true);
    Result<std::optional<Alert>> openAlert(const QString &causeKey);
    // The open alerts of two causes in one statement (every finished run asks): cause key → alert.
    Result<QHash<QString, Alert>> openAlerts(const QString &first, const QString &second);
    // Information alerts close when acknowledged (nothing is left to resolve); the others stay open,
    // acknowledged, until their cause is resolved.
    Result<Alert> acknowledgeAlert(qint64 alertId, const QDateTime &now);
    Status closeAlert(qint64 alertId, const QDateTime &now);
    // Opens again the alert of this cause that closed at or after `since` (counting an occurrence, with the
    // new message); false when there is none, or when one of that cause is open already.
    Result<bool> reopenAlert(const QString &causeKey, const QDateTime &since, const QString &message,
                             const QDateTime &now);
    Status updateAlertMessage(qint64 alertId, const QString &message, const QDateTime &now);
    // Puts a mailbox's alert under a profile incident and closes it there.
    Status groupIntoIncident(qint64 alertId, qint64 incidentId, const QDateTime &now);
    Status addIncidentMember(qint64 incidentId, qint64 mailboxId, const QString &errorClass, const QString &hintId,
                             const QDateTime &now);
    Status markIncidentMemberDisabled(qint64 incidentId, qint64 mailboxId, const QDateTime &now);
    Result<QList<AlertMember>> incidentMembers(qint64 incidentId);
    // The open incident a mailbox of this profile would join, if any.
    Result<std::optional<Alert>> openIncident(qint64 profileId);
    // Every open profile incident: profile id → the incident's alert id.
    Result<QHash<qint64, qint64>> openIncidents();
    // The latest time an incident of this profile closed (invalid when none did).
    Result<QDateTime> lastIncidentClosed(qint64 profileId);
    // Enables every mailbox the incident disabled that is still disabled by failures (not those an
    // operator disabled since), closing their disabled alerts; one transaction. Returns their ids.
    Result<QList<qint64>> reenableIncident(qint64 incidentId, const QDateTime &now);
    Result<ProfileHealth> profileHealth(qint64 profileId, const QDateTime &since);

    // Item failures.
    // Records a failure, or counts another attempt of one already recorded (same location).
    Status recordItemFailure(const ItemFailure &failure);
    // Says which message a recorded failure is (subject, sender, date, Message-ID) once its header is known:
    // a message too large to fetch is recorded first and described by a header-only fetch after.
    Status describeItemFailure(const ItemFailure &failure);
    // The location's failure is gone: the message was stored after all.
    Status resolveItemFailure(qint64 mailboxId, const QString &folder, quint32 uidValidity, quint32 uid,
                              const QString &pop3Uidl);
    Result<ItemFailureList> itemFailures(std::optional<qint64> mailboxId = std::nullopt, int limit = 1000);
    Result<int> itemFailureCount(qint64 mailboxId);
    // Marks the failures of a mailbox (or of every mailbox) to be tried again by the next sync. POP3 messages
    // are forgotten as seen, so that the next sync downloads them again. Returns how many were marked.
    Result<int> retryItemFailures(std::optional<qint64> mailboxId = std::nullopt);
    // These failures only (by id).
    Result<int> retryItemFailureIds(const QList<qint64> &failureIds);
    // IMAP: UIDs of a folder to fetch again (marked for retry, same UIDVALIDITY).
    // IMAP: the folders with items marked for retry (whatever their number).
    Result<QSet<QString>> foldersToRetry(qint64 mailboxId);
    Result<QList<quint32>> uidsToRetry(qint64 mailboxId, const QString &folder, quint32 uidValidity);
    // The sizes really sent of the messages dropped to keep a session within its budget (hint
    // message-over-budget), by UID: their retries are planned with them, so each fits the budget.
    Result<QHash<quint32, qint64>> overBudgetSizes(qint64 mailboxId, const QString &folder, quint32 uidValidity);
    // A folder renumbered by the server is fetched again from the start: its old failures go.
    Status dropStaleItemFailures(qint64 mailboxId, const QString &folder, quint32 uidValidity);

private:
    Result<int> markForRetry(const QString &which, const QVariantList &values);
    Store &m_store;
};

} // namespace SyncDesk
