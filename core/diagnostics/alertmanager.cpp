#include "alertmanager.h"

#include "model/alert.h"
#include "store/diagnosticsstore.h"
#include "store/outboxstore.h"
#include "store/store.h"

#include <QCoreApplication>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QString failingKey(qint64 mailboxId)
{
    return u"mailbox-failing:%1"_s.arg(mailboxId);
}

QString disabledKey(qint64 mailboxId)
{
    return u"mailbox-disabled:%1"_s.arg(mailboxId);
}

QString recoveredKey(qint64 mailboxId)
{
    return u"mailbox-recovered:%1"_s.arg(mailboxId);
}

QString incidentKey(qint64 profileId)
{
    return u"profile-outage:%1"_s.arg(profileId);
}

QString errorText(const RunAlertInput &input)
{
    if (!input.error) {
        return QCoreApplication::translate("AlertManager", "unknown error");
    }
    // An alert is read by people: the error's class in their language (its id stays in the alert's fields).
    const SyncError &error = *input.error;
    QString text = errorClassTitle(error.errorClass) + u": "_s + error.message;
    if (!error.detail.isEmpty() && !error.message.contains(error.detail)) {
        text += u" ("_s + error.detail + u')';
    }
    return text;
}

QString incidentMessage(const QString &profile, int failing, int population, const QString &latest)
{
    return QCoreApplication::translate("AlertManager",
                                       "%1 of %n mailbox(es) of server profile %2 are failing: the server, not the "
                                       "mailboxes, is the likely cause (latest: %3)",
                                       nullptr, population)
        .arg(failing)
        .arg(profile, latest);
}

} // namespace

AlertManager::AlertManager(Store &store, qint64 windowMs)
    : m_store(store)
    , m_windowMs(windowMs)
{}

bool AlertManager::isProfileIncident(int failingMailboxes, int population)
{
    return failingMailboxes >= 2 && failingMailboxes * 2 > population;
}

Status AlertManager::mailboxEnabled(Store &store, qint64 mailboxId, const QDateTime &now)
{
    if (Status closed = store.closeAlerts(disabledKey(mailboxId), now); !closed) {
        return closed;
    }
    return store.closeAlerts(failingKey(mailboxId), now);
}

Status AlertManager::raise(const QString &causeKey, const QString &kind, const QString &severity,
                           const RunAlertInput &input, bool aboutMailbox, const QString &hintId, const QString &message)
{
    Alert alert;
    alert.causeKey = causeKey;
    alert.kind = kind;
    alert.severity = severity;
    alert.mailboxId = aboutMailbox ? input.mailboxId : 0;
    alert.profileId = input.profileId;
    alert.hintId = hintId;
    alert.message = message;
    alert.raisedAt = input.now;
    auto raised = m_store.raiseAlert(alert);
    if (!raised) {
        return raised.error();
    }
    return {};
}

Status AlertManager::onRunFinished(const RunAlertInput &input)
{
    if (input.cancelled) {
        return {};
    }
    DiagnosticsStore diagnostics(m_store);
    for (const QString &folder : input.renumberedFolders) {
        if (Status raised = raise(u"uidvalidity-reset:%1:%2"_s.arg(input.mailboxId).arg(folder), u"uidvalidity-reset"_s,
                                  u"information"_s, input, true, u"uidvalidity-reset"_s,
                                  QCoreApplication::translate("AlertManager",
                                                              "folder \"%1\" of %2 was renumbered by the server; it "
                                                              "was fetched again and matched by Message-ID, nothing "
                                                              "was duplicated")
                                      .arg(folder, input.address));
            !raised) {
            return raised;
        }
    }
    if (input.hasOutgoing()) {
        if (Status outgoing = onOutgoing(input); !outgoing) {
            return outgoing;
        }
    }
    if (input.actRan) {
        if (Status act = onAct(input); !act) {
            return act;
        }
    }
    return input.succeeded ? onSuccess(input) : onFailure(input);
}

Status AlertManager::onOutgoing(const RunAlertInput &input)
{
    const QString failedKey = u"send-failed:%1"_s.arg(input.mailboxId);
    const QString stuckKey = u"outgoing-stuck:%1"_s.arg(input.mailboxId);
    if (input.emailsFailed > 0) {
        const SyncError failure = input.emailFailure.value_or(
            input.outgoingError.value_or(SyncError::make(ErrorClass::ServerNo, u"smtp-send-refused"_s, QString())));
        //: %n emails, %1 the mailbox, %2 why (the server's words)
        const QString message = QCoreApplication::translate("AlertManager", "%n email(s) from %1 could not be sent: %2",
                                                            nullptr, input.emailsFailed)
                                    .arg(input.address, failure.message);
        if (Status raised = raise(failedKey, u"send-failed"_s, u"warning"_s, input, true, failure.hintId, message);
            !raised) {
            return raised;
        }
    }
    if (input.emailsRetrying > 0 || input.outgoingError) {
        // Still failing: stuck once the oldest waiting email is older than 15 minutes.
        auto summary = OutboxStore(m_store).summary(input.mailboxId);
        if (!summary) {
            return summary.error();
        }
        if (summary->pending > 0 && summary->oldestPending.isValid() &&
            summary->oldestPending.secsTo(input.now) > 15 * 60) {
            const SyncError cause = input.outgoingError.value_or(
                input.emailFailure.value_or(SyncError::make(ErrorClass::Network, u"outgoing-stuck"_s, QString())));
            //: %n emails, %1 the mailbox, %2 how long in minutes, %3 the last failure
            const QString message =
                QCoreApplication::translate("AlertManager",
                                            "%n email(s) from %1 have waited in Pending Send for %2 min; the "
                                            "last attempt failed: %3",
                                            nullptr, summary->pending)
                    .arg(input.address)
                    .arg(summary->oldestPending.secsTo(input.now) / 60)
                    .arg(cause.message);
            if (Status raised =
                    raise(stuckKey, u"outgoing-stuck"_s, u"warning"_s, input, true, u"outgoing-stuck"_s, message);
                !raised) {
                return raised;
            }
        }
    }
    if (input.emailsSent > 0 && input.emailsFailed == 0 && !input.outgoingError) {
        for (const QString &key : {failedKey, stuckKey}) {
            if (Status closed = m_store.closeAlerts(key, input.now); !closed) {
                return closed;
            }
        }
    }
    return {};
}

Status AlertManager::onAct(const RunAlertInput &input)
{
    const QString failingKey = u"act-failing:%1"_s.arg(input.mailboxId);
    if (input.actError && input.actError->errorClass != ErrorClass::Cancelled) {
        //: %1: the mailbox, %2: why (a sentence)
        const QString message =
            QCoreApplication::translate("AlertManager", "the appointments, contacts and tasks of %1 do not sync: %2")
                .arg(input.address, input.actError->message);
        if (Status raised =
                raise(failingKey, u"act-failing"_s, u"warning"_s, input, true, input.actError->hintId, message);
            !raised) {
            return raised;
        }
    } else if (!input.actError) {
        if (Status closed = m_store.closeAlerts(failingKey, input.now); !closed) {
            return closed;
        }
    }
    if (input.actConflicts > 0) {
        //: %n: how many fields, %1: the mailbox
        const QString message =
            QCoreApplication::translate("AlertManager",
                                        "%n field(s) changed both in the CRM and in the calendar or address book of "
                                        "%1: the mailbox's conflict rule decided which value is used, and both values "
                                        "were recorded",
                                        nullptr, input.actConflicts)
                .arg(input.address);
        if (Status raised = raise(u"act-conflicts:%1"_s.arg(input.mailboxId), u"act-conflicts"_s, u"information"_s,
                                  input, true, {}, message);
            !raised) {
            return raised;
        }
    }
    return {};
}

Status AlertManager::onSuccess(const RunAlertInput &input)
{
    DiagnosticsStore diagnostics(m_store);
    // The mailbox's failing alert and its profile's incident, in one statement: every success asks.
    auto alerts = diagnostics.openAlerts(failingKey(input.mailboxId), incidentKey(input.profileId));
    if (!alerts) {
        return alerts.error();
    }
    auto found = [&](const QString &key) {
        return alerts->contains(key) ? std::optional<Alert>(alerts->value(key)) : std::nullopt;
    };
    const std::optional<Alert> failing = found(failingKey(input.mailboxId));
    const std::optional<Alert> incident = found(incidentKey(input.profileId));
    if (failing.has_value()) {
        if (Status closed = diagnostics.closeAlert(failing->id, input.now); !closed) {
            return closed;
        }
    }
    if ((failing.has_value() || input.wasFailing) && !incident.has_value()) {
        if (Status raised = raise(recoveredKey(input.mailboxId), u"recovered"_s, u"information"_s, input, true, {},
                                  QCoreApplication::translate("AlertManager", "%1 syncs again").arg(input.address));
            !raised) {
            return raised;
        }
    }
    if (!incident.has_value()) {
        return {};
    }
    auto health = diagnostics.profileHealth(input.profileId, {});
    if (!health) {
        return health.error();
    }
    if (health->failingEnabled * 2 > health->population) {
        return {}; // one mailbox answered, most still fail: the incident goes on
    }
    const Alert &open = *incident;
    if (Status closed = diagnostics.closeAlert(open.id, input.now); !closed) {
        return closed;
    }
    auto members = diagnostics.incidentMembers(open.id);
    if (!members) {
        return members.error();
    }
    QStringList stillDisabled;
    for (const AlertMember &member : *members) {
        if (member.stillDisabled) {
            stillDisabled.append(member.address);
        }
    }
    const QString message =
        stillDisabled.isEmpty()
            ? QCoreApplication::translate("AlertManager", "server profile %1 works again (%2 synced)")
                  .arg(input.profileName, input.address)
            : QCoreApplication::translate("AlertManager",
                                          "server profile %1 works again (%2 synced); %n mailbox(es) it disabled are "
                                          "still disabled (%3): re-enable them from its incident, alert %4",
                                          nullptr, int(stillDisabled.size()))
                  .arg(input.profileName, input.address, stillDisabled.join(u", "_s), QString::number(open.id));
    return raise(u"profile-recovered:%1"_s.arg(input.profileId), u"profile-recovered"_s, u"information"_s, input, false,
                 u"profile-outage"_s, message);
}

Status AlertManager::onFailure(const RunAlertInput &input)
{
    DiagnosticsStore diagnostics(m_store);
    const QString errorClass = input.error ? errorClassName(input.error->errorClass) : QString();
    const QString hintId = input.error ? input.error->hintId : QString();
    const bool disabled = !input.disabledReason.isEmpty();

    // A recovery that did not last is over.
    auto recovered = diagnostics.openAlert(recoveredKey(input.mailboxId));
    if (!recovered) {
        return recovered.error();
    }
    if (recovered->has_value()) {
        if (Status closed = diagnostics.closeAlert((*recovered)->id, input.now); !closed) {
            return closed;
        }
    }

    auto incident = diagnostics.openIncident(input.profileId);
    if (!incident) {
        return incident.error();
    }
    if (incident->has_value()) {
        // Part of the profile's incident: it joins it instead of raising alerts of its own.
        const qint64 incidentId = (*incident)->id;
        if (Status added = diagnostics.addIncidentMember(incidentId, input.mailboxId, errorClass, hintId, input.now);
            !added) {
            return added;
        }
        if (disabled) {
            if (Status marked = diagnostics.markIncidentMemberDisabled(incidentId, input.mailboxId, input.now);
                !marked) {
                return marked;
            }
        }
        auto health = diagnostics.profileHealth(input.profileId, input.now.addMSecs(-m_windowMs));
        if (!health) {
            return health.error();
        }
        return diagnostics.updateAlertMessage(incidentId,
                                              incidentMessage(input.profileName, int(health->failingSince.size()),
                                                              health->population,
                                                              input.address + u": "_s + errorText(input)),
                                              input.now);
    }

    // A new incident: enough of the profile's mailboxes failed within the window (since the last incident).
    QDateTime since = input.now.addMSecs(-m_windowMs);
    auto lastClosed = diagnostics.lastIncidentClosed(input.profileId);
    if (!lastClosed) {
        return lastClosed.error();
    }
    if (lastClosed->isValid() && *lastClosed > since) {
        since = *lastClosed;
    }
    auto health = diagnostics.profileHealth(input.profileId, since);
    if (!health) {
        return health.error();
    }
    if (input.plannerOutageStarted || isProfileIncident(int(health->failingSince.size()), health->population)) {
        return openIncident(input, since);
    }

    if (disabled) {
        if (Status closed = m_store.closeAlerts(failingKey(input.mailboxId), input.now); !closed) {
            return closed;
        }
        const bool permanent = input.disabledReason == u"permanent-failure"_s;
        const QString message =
            permanent ? QCoreApplication::translate("AlertManager", "%1 was disabled: %2 (retrying cannot fix it)")
                            .arg(input.address, errorText(input))
                      : QCoreApplication::translate("AlertManager",
                                                    "%1 was disabled after %n failure(s) in a row; the last: %2",
                                                    nullptr, input.consecutiveFailures)
                            .arg(input.address, errorText(input));
        return raise(disabledKey(input.mailboxId), u"mailbox-disabled"_s, u"error"_s, input, true,
                     permanent && !hintId.isEmpty() ? hintId : u"mailbox-disabled"_s, message);
    }
    const QString message =
        QCoreApplication::translate("AlertManager", "%1 failed: %2").arg(input.address, errorText(input));
    auto open = diagnostics.openAlert(failingKey(input.mailboxId));
    if (!open) {
        return open.error();
    }
    if (open->has_value()) {
        // Still failing: the open alert counts it; no new alert.
        return raise(failingKey(input.mailboxId), u"first-failure"_s, u"warning"_s, input, true, hintId, message);
    }
    // A healthy mailbox failed (or one still failing when the profile incident that grouped it ended). If it
    // recovered less than a window ago, it is flapping: its last alert opens again instead of a new one.
    auto reopened =
        diagnostics.reopenAlert(failingKey(input.mailboxId), input.now.addMSecs(-m_windowMs), message, input.now);
    if (!reopened) {
        return reopened.error();
    }
    if (*reopened) {
        return {};
    }
    return raise(failingKey(input.mailboxId), u"first-failure"_s, u"warning"_s, input, true, hintId, message);
}

Status AlertManager::openIncident(const RunAlertInput &input, const QDateTime &since)
{
    DiagnosticsStore diagnostics(m_store);
    auto health = diagnostics.profileHealth(input.profileId, since);
    if (!health) {
        return health.error();
    }
    const QString message = incidentMessage(input.profileName, int(qMax<qsizetype>(1, health->failingSince.size())),
                                            health->population, input.address + u": "_s + errorText(input));
    if (Status raised = raise(incidentKey(input.profileId), u"profile-outage"_s, u"error"_s, input, false,
                              u"profile-outage"_s, message);
        !raised) {
        return raised;
    }
    auto incident = diagnostics.openIncident(input.profileId);
    if (!incident) {
        return incident.error();
    }
    if (!incident->has_value()) {
        return SyncError::make(ErrorClass::Internal, u"internal-error"_s,
                               QCoreApplication::translate("AlertManager", "the profile incident was not recorded"));
    }
    const qint64 incidentId = (*incident)->id;
    QList<FailingMailbox> members = health->failingSince;
    if (std::none_of(members.cbegin(), members.cend(),
                     [&](const FailingMailbox &member) { return member.mailboxId == input.mailboxId; })) {
        members.append({input.mailboxId, input.error ? errorClassName(input.error->errorClass) : QString(),
                        input.error ? input.error->hintId : QString(), !input.disabledReason.isEmpty()});
    }
    for (const FailingMailbox &member : members) {
        const bool thisRun = member.mailboxId == input.mailboxId;
        const bool disabled = thisRun ? !input.disabledReason.isEmpty() : member.disabledByFailures;
        if (Status added = diagnostics.addIncidentMember(incidentId, member.mailboxId, member.errorClass, member.hintId,
                                                         input.now);
            !added) {
            return added;
        }
        if (disabled) {
            if (Status marked = diagnostics.markIncidentMemberDisabled(incidentId, member.mailboxId, input.now);
                !marked) {
                return marked;
            }
        }
        // Their own alerts are now told by the incident.
        for (const QString &key : {failingKey(member.mailboxId), disabledKey(member.mailboxId)}) {
            auto own = diagnostics.openAlert(key);
            if (!own) {
                return own.error();
            }
            if (own->has_value()) {
                if (Status grouped = diagnostics.groupIntoIncident((*own)->id, incidentId, input.now); !grouped) {
                    return grouped;
                }
            }
        }
    }
    return {};
}

} // namespace SyncDesk
