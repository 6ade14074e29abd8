// The engine's audits: the scheduled rotation (each mailbox about once a day, one at a time, when no sync
// waits), and an audit asked for from the console ("Audit & repair"), which goes first and, when it finds
// messages missing, fetches them again with one sync and audits once more.

#include "diagnostics/gapalert.h"
#include "logging/logger.h"
#include "mailboxscheduler.h"
#include "store/store.h"
#include "sync/auditrepair.h"
#include "workerpool.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

void MailboxScheduler::auditAndRepair(qint64 mailboxId)
{
    if (!m_mailboxes.contains(mailboxId) || m_mode != Mode::Continuous || m_stopping) {
        return;
    }
    for (const AuditRequest &request : std::as_const(m_auditRequests)) {
        if (request.mailboxId == mailboxId && request.repair) {
            return; // asked for already
        }
    }
    m_auditRequests.append({mailboxId, true});
    Log::info(u"audit"_s, m_mailboxes.value(mailboxId).address, u"audit and repair requested"_s);
    startAudit();
}

void MailboxScheduler::startAudit()
{
    if (m_mode != Mode::Continuous || m_stopping || m_auditing != 0) {
        return;
    }
    const SchedulerSnapshot view = m_planner->snapshot(nowMs());
    std::optional<qint64> id;
    bool repair = false;
    qsizetype requestIndex = -1;
    for (qsizetype i = 0; i < m_auditRequests.size(); ++i) {
        const AuditRequest &request = m_auditRequests.at(i);
        if (!m_mailboxes.contains(request.mailboxId)) {
            m_auditRequests.removeAt(i--);
            continue;
        }
        if (!m_running.contains(request.mailboxId)) {
            id = request.mailboxId;
            repair = request.repair;
            requestIndex = i;
            break;
        }
    }
    if (id) {
        if (view.running >= view.capacity) {
            return; // a worker first
        }
    } else {
        if (!m_audits.enabled() || view.queued > 0 || view.overdue > 0 || view.running >= view.capacity) {
            return; // syncs first
        }
        QSet<qint64> candidates;
        for (const Mailbox &mailbox : std::as_const(m_mailboxes)) {
            if (mailbox.enabled && !m_running.contains(mailbox.id) && m_shares.isHome(mailbox.id)) {
                candidates.insert(mailbox.id); // each engine audits its own share
            }
        }
        id = m_audits.next(candidates, nowMs());
        if (!id) {
            return;
        }
    }
    const Mailbox mailbox = m_mailboxes.value(*id);
    const auto profile = m_profiles.constFind(mailbox.profileId);
    if (profile == m_profiles.constEnd()) {
        if (requestIndex >= 0) {
            m_auditRequests.removeAt(requestIndex);
        }
        return;
    }
    const QDateTime now = m_clock.now();
    ClaimDetails details;
    auto claimed = m_store.claimMailbox(mailbox.id, profile->id, profile->maxConcurrentConnections, m_nodeId, now,
                                        now.addSecs(m_settings.leaseSeconds), claimOptions(false), &details);
    if (!claimed || claimed.value() != Store::Claim::Claimed) {
        if (requestIndex < 0) {
            m_audits.finished(mailbox.id, now.toMSecsSinceEpoch(), false); // busy elsewhere: later
        }
        return; // an audit asked for stays asked for: tried again on the next pass
    }
    if (requestIndex >= 0) {
        m_auditRequests.removeAt(requestIndex);
    }
    SyncJob job;
    job.mailbox = mailbox;
    job.profile = *profile;
    job.trigger = requestIndex >= 0 ? SyncTrigger::Manual : SyncTrigger::Scheduled;
    job.tuning = m_settings.tuning;
    job.audit = true;
    job.leaseNode = m_nodeId;
    job.leaseEpoch = details.state.leaseEpoch;
    m_auditing = mailbox.id;
    m_auditEpoch = job.leaseEpoch;
    m_auditRepairs = repair;
    Log::debug(u"audit"_s, mailbox.address, u"audit started: the server's messages against the ledger"_s);
    m_pool.dispatch(job);
}

void MailboxScheduler::finishAudit(const SyncOutcome &outcome)
{
    if (outcome.mailboxId != m_auditing) {
        return;
    }
    m_auditing = 0;
    const bool repair = std::exchange(m_auditRepairs, false);
    if (Status released = m_store.releaseMailbox(outcome.mailboxId, m_nodeId, std::exchange(m_auditEpoch, 0));
        !released) {
        Log::warning(u"scheduler"_s, outcome.address, released.error().toString());
    }
    m_audits.finished(outcome.mailboxId, nowMs(), outcome.succeeded());
    if (!outcome.succeeded()) {
        Log::info(u"audit"_s, outcome.address,
                  u"audit not finished (%1); tried again in an hour"_s.arg(outcome.error->toString()));
    } else if (outcome.audit) {
        GapAlert::update(m_store, *outcome.audit);
        if (outcome.audit->missing() == 0) {
            Log::info(u"audit"_s, outcome.address, u"audit: nothing missing (%1 ms)"_s.arg(outcome.audit->elapsedMs));
        } else if (repair) {
            if (Status marked = markMissingForRepair(m_store, *outcome.audit); !marked) {
                Log::warning(u"audit"_s, outcome.address,
                             u"the repair could not be prepared: %1"_s.arg(marked.error().toString()));
            } else {
                m_repairSyncs.insert(outcome.mailboxId);
                requestSync({outcome.mailboxId}, SyncTrigger::Manual);
            }
        }
    }
    if (m_stopping) {
        if (m_running.isEmpty()) {
            finishStop();
        }
        return;
    }
    tick();
}

void MailboxScheduler::afterRepairSync(const SyncOutcome &outcome)
{
    if (!m_repairSyncs.remove(outcome.mailboxId)) {
        return;
    }
    if (!outcome.succeeded()) {
        Log::warning(u"audit"_s, outcome.address,
                     u"the repair's sync failed; the missing messages stay item failures to retry"_s);
        return;
    }
    // Audited again, so that the mailbox's last audit says what is left (nothing, normally).
    m_auditRequests.append({outcome.mailboxId, false});
}

} // namespace SyncDesk
