#include "passwordproblems.h"

#include "logging/logger.h"
#include "model/alert.h"
#include "store/store.h"

#include <QCoreApplication>

namespace SyncDesk {

using namespace Qt::StringLiterals;

PasswordProblems::PasswordProblems(Store &store, const QString &nodeId)
    : m_store(store)
    , m_nodeId(nodeId)
{}

bool PasswordProblems::isPasswordProblem(const SyncError &error)
{
    // The OAuth token file or keychain entry this engine cannot read or write is the same kind of problem.
    return error.hintId == u"password-unavailable"_s || error.hintId == u"oauth-token-store"_s;
}

QString PasswordProblems::causeKey(qint64 mailboxId) const
{
    return u"password-unavailable:%1:%2"_s.arg(m_nodeId).arg(mailboxId);
}

void PasswordProblems::failed(qint64 mailboxId, const QString &address, const SyncError &error, const QDateTime &now)
{
    Problem &problem = m_problems[mailboxId];
    ++problem.failures;
    const qint64 delayMs = qMin<qint64>(15 * 60 * 1000, qint64(60 * 1000) << qMin(problem.failures - 1, 4));
    problem.until = now.addMSecs(delayMs);
    Log::warning(u"sync"_s, address,
                 u"this engine (%1) cannot read the mailbox's password: %2; it leaves the mailbox to engines that "
                 "can and tries again in %3 s (the mailbox is not counted as failing) [hint: password-unavailable]"_s
                     .arg(m_nodeId, error.message)
                     .arg(delayMs / 1000));
    Alert alert;
    alert.causeKey = causeKey(mailboxId);
    alert.kind = u"password-unavailable"_s;
    alert.severity = u"warning"_s;
    alert.mailboxId = mailboxId;
    alert.hintId = error.hintId;
    alert.message = QCoreApplication::translate("PasswordProblems",
                                                "engine %1 cannot read the password of %2 (%3); other engines sync it")
                        .arg(m_nodeId, address, error.message);
    alert.raisedAt = now;
    if (auto raised = m_store.raiseAlert(alert); raised) {
        problem.alerted = true;
    } else {
        Log::warning(u"sync"_s, address, u"could not raise the alert: "_s + raised.error().toString());
    }
}

void PasswordProblems::succeeded(qint64 mailboxId, const QDateTime &now)
{
    const auto found = m_problems.constFind(mailboxId);
    if (found == m_problems.constEnd()) {
        return;
    }
    if (found->alerted) {
        if (Status closed = m_store.closeAlerts(causeKey(mailboxId), now); !closed) {
            return; // closed next time
        }
    }
    m_problems.remove(mailboxId);
}

QDateTime PasswordProblems::leftUntil(qint64 mailboxId) const
{
    const auto found = m_problems.constFind(mailboxId);
    return found == m_problems.constEnd() ? QDateTime() : found->until;
}

} // namespace SyncDesk
