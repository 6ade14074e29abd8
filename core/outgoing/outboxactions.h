#pragma once

#include "diagnostics/result.h"
#include "outgoingemail.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

namespace SyncDesk {

class Store;

// What an operator does to an outgoing email, from the CLI (email send-draft|cancel|retry) or the console's
// Outbox: the statuses each action applies to, the move itself (one conditional statement, so that it never
// races the engine that sends) and, when the email is to be sent again, the mailbox's immediate sync.
class OutboxActions final
{
    Q_DECLARE_TR_FUNCTIONS(OutboxActions)

public:
    enum class Action { SendDraft, Cancel, Retry };
    static std::optional<Action> fromName(const QString &name); // "send-draft", "cancel", "retry"
    static QString name(Action action);
    // Whether the action applies to an email in this status (for the console's buttons).
    static bool appliesTo(Action action, OutgoingStatus status);

    struct Outcome
    {
        bool exists = true; // false: there is no outgoing email with that id
        bool changed = false;
        OutgoingStatus status = OutgoingStatus::Draft; // the email's status now
        QString message; // what happened, or why nothing did ("email 7 is Sent: 'cancel' does not apply to it")
    };

    explicit OutboxActions(Store &store);
    // The store's failures are errors; an email that does not exist, or an action that does not apply to the
    // email's status, is an Outcome with changed false and the reason.
    Result<Outcome> apply(qint64 activityId, Action action, const QDateTime &now);

private:
    Store &m_store;
};

} // namespace SyncDesk
