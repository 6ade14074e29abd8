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
    struct Candidates
    {
        QList<const Mailbox *> configured;
        QList<const Mailbox *> busy;
    };
    QHash<qint64, Candidates> byProfile;
    for (const Mailbox &mailbox : m_mailboxes) {
        const auto profile = m_profiles.constFind(mailbox.profileId);
        if (!mailbox.enabled || profile == m_profiles.constEnd() || profile->incoming.protocol != MailProtocol::Imap ||
            m_planner->isAway(mailbox.id)) {
            continue;
        }
        if (mailbox.push) {
            byProfile[mailbox.profileId].configured.append(&mailbox);
        } else if (profile->maxPushConnections > 0 && m_planner->intervalReason(mailbox.id) == IntervalReason::Busy) {
            byProfile[mailbox.profileId].busy.append(&mailbox);
        }
    }
    auto byAddress = [](const Mailbox *a, const Mailbox *b) {
        return a->address < b->address;
    };
    QList<PushTarget> targets;
    for (auto it = byProfile.begin(); it != byProfile.end(); ++it) {
        const ServerProfile &profile = m_profiles[it.key()];
        std::sort(it->configured.begin(), it->configured.end(), byAddress);
        std::sort(it->busy.begin(), it->busy.end(), byAddress);
        // 0: every mailbox that asks for push has it, none is chosen; otherwise the cap holds for both.
        const int cap = profile.maxPushConnections > 0 ? profile.maxPushConnections : int(it->configured.size());
        int taken = 0;
        for (const Mailbox *mailbox : std::as_const(it->configured)) {
            if (taken++ < cap) {
                targets.append({*mailbox, profile, u"configured"_s});
            }
        }
        for (const Mailbox *mailbox : std::as_const(it->busy)) {
            if (taken++ < cap) {
                targets.append({*mailbox, profile, u"busy"_s});
            }
        }
    }
    return targets;
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
