#pragma once

#include "diagnostics/result.h"

#include <QDateTime>
#include <QHash>
#include <QString>

namespace SyncDesk {

class Store;

// Password sources this engine cannot resolve: an environment variable not set in this process, a keychain
// it cannot reach, a file it cannot read. That is this engine's problem, not the mailbox's: nothing is
// counted against the mailbox and it is not disabled; this engine leaves it to the engines that can (it
// tries again after 1 minute, doubling up to 15), and one alert per engine and mailbox, cause
// "password-unavailable:NODE:MAILBOX", names the engine. It closes when this engine reads the password
// again. Only a password the server refuses is the mailbox's failure.
class PasswordProblems final
{
public:
    PasswordProblems(Store &store, const QString &nodeId);

    static bool isPasswordProblem(const SyncError &error);

    void failed(qint64 mailboxId, const QString &address, const SyncError &error, const QDateTime &now);
    // This engine synced the mailbox (so it read its password): the alert closes.
    void succeeded(qint64 mailboxId, const QDateTime &now);
    // Until when this engine leaves the mailbox to others (invalid: it does not).
    QDateTime leftUntil(qint64 mailboxId) const;

private:
    struct Problem
    {
        int failures = 0;
        QDateTime until;
        bool alerted = false;
    };
    QString causeKey(qint64 mailboxId) const;

    Store &m_store;
    QString m_nodeId;
    QHash<qint64, Problem> m_problems;
};

} // namespace SyncDesk
