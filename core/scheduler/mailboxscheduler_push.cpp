// MailboxScheduler's push connections: which mailboxes keep an IMAP IDLE connection (push: true first, then the
// busiest, within each profile's max_push_connections), syncs started by their news, and their state in the store.
#include "logging/logger.h"
#include "mailboxscheduler.h"
#include "pushmanager.h"
#include "store/pushstore.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

void MailboxScheduler::setPushManager(PushManager *push)
{
    m_push = push;
    connect(push, &PushManager::changed, this, [this](qint64 mailboxId) {
        if (!m_stopping) {
            requestSync({mailboxId}, SyncTrigger::Push);
        }
    });
    connect(push, &PushManager::statusChanged, this, [this](const PushStatus &status) {
        if (Status saved = PushStore(m_store).save(m_nodeId, status); !saved) {
            Log::warning(u"push"_s, status.address, saved.error().toString());
        }
    });
    connect(push, &PushManager::removed, this, [this](qint64 mailboxId) {
        if (Status removed = PushStore(m_store).remove(mailboxId, m_nodeId); !removed) {
            Log::warning(u"push"_s, {}, removed.error().toString());
        }
    });
}

QList<PushTarget> MailboxScheduler::pushTargets() const
{
    return choosePushTargets(m_mailboxes.values(), m_profiles.values(), [this](qint64 id) {
        return m_planner->isAway(id)                                   ? PushCandidacy::Away
               : m_planner->intervalReason(id) == IntervalReason::Busy ? PushCandidacy::Busy
                                                                       : PushCandidacy::Home;
    });
}

void MailboxScheduler::updatePush()
{
    if (!m_push || m_mode != Mode::Continuous || m_stopping) {
        return;
    }
    m_push->setTargets(pushTargets());
}

void MailboxScheduler::stopPush()
{
    if (!m_push) {
        return;
    }
    m_push->stopAll();
    if (Status removed = PushStore(m_store).removeNode(m_nodeId); !removed) {
        Log::warning(u"push"_s, {}, removed.error().toString());
    }
}

} // namespace SyncDesk
