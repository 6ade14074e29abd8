// MailboxScheduler: several engines on one store share the schedule. Each engine schedules its share of the
// mailboxes (their "home" is this engine, EngineShares over the live engines that run the schedule) and
// leaves the others away: it neither plans nor claims them, so each due mailbox costs the store one claim,
// not one per engine (bench_multinode: four engines claimed every due mailbox four times before). Requests
// still go to whichever engine has room. A home is a preference, never a lock — the claim in the store
// still decides — and what a home leaves undone is taken by the others:
//  * an engine that stops beating is dropped from the live list within a heartbeat of being seen dead, and
//    its mailboxes go home elsewhere (read again from the store: another engine scheduled them until then);
//  * once a heartbeat every engine sweeps the store for mailboxes overdue by more than the sweep's grace
//    (their home is alive but did not start them: it cannot read the password, its profile is full on its
//    side, it is overloaded) and claims them as its own, once.

#include "logging/logger.h"
#include "mailboxscheduler.h"
#include "store/store.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {
const QString kCategory = u"scheduler"_s;
constexpr int kSweepLimit = 256; // overdue mailboxes taken in one sweep
} // namespace

qint64 MailboxScheduler::sweepGraceMs() const
{
    // Three heartbeats: longer than an engine takes to be seen dead (two), so that the sweep is for
    // mailboxes a live home leaves behind; at least 3 s, far within the 12-minute guarantee.
    return qMax<qint64>(3000, 3LL * m_settings.heartbeatSeconds * 1000);
}

void MailboxScheduler::followEngines()
{
    if (m_mode != Mode::Continuous ||
        (m_lastShareCheck.isValid() && m_lastShareCheck.secsTo(m_clock.now()) < m_settings.heartbeatSeconds)) {
        return;
    }
    const QDateTime now = m_clock.now();
    m_lastShareCheck = now;
    auto engines = m_store.schedulingEngines(now, claimOptions(false).timing);
    if (!engines) {
        Log::warning(kCategory, {}, u"cannot read which engines run the schedule: "_s + engines.error().toString());
        return;
    }
    QStringList live = *engines;
    if (!live.contains(m_nodeId)) {
        live.append(m_nodeId);
    }
    std::sort(live.begin(), live.end());
    if (live != m_shares.engines()) {
        const bool first = m_shares.engines().isEmpty();
        m_shares.setEngines(live, m_nodeId);
        // Mailboxes that come home here were scheduled by another engine: the store knows their schedule.
        if (first) {
            applyHomes();
        } else {
            reload(); // applies the homes
        }
        qint64 home = 0;
        for (auto it = m_mailboxes.cbegin(); it != m_mailboxes.cend(); ++it) {
            home += m_shares.isHome(it.key()) ? 1 : 0;
        }
        Log::info(kCategory, {},
                  u"%1 engine(s) run the schedule; this one schedules %2 of the %3 mailboxes (the others' are "
                  "taken here only on request or when left overdue for %4 s)"_s.arg(live.size())
                      .arg(home)
                      .arg(m_mailboxes.size())
                      .arg(sweepGraceMs() / 1000));
    }
    sweepOverdue(now);
}

void MailboxScheduler::applyHomes()
{
    if (m_mode != Mode::Continuous) {
        return;
    }
    for (auto it = m_mailboxes.cbegin(); it != m_mailboxes.cend(); ++it) {
        m_planner->setAway(it.key(), !m_shares.isHome(it.key()) && !m_adopted.contains(it.key()));
    }
}

void MailboxScheduler::sweepOverdue(const QDateTime &now)
{
    if (m_shares.engines().size() <= 1) {
        return; // alone: every mailbox is at home here
    }
    auto overdue =
        m_store.overdueMailboxes(now.addMSecs(-sweepGraceMs()), now, claimOptions(false).timing, kSweepLimit);
    if (!overdue) {
        Log::warning(kCategory, {}, u"cannot read the overdue mailboxes: "_s + overdue.error().toString());
        return;
    }
    int taken = 0;
    for (qint64 id : std::as_const(*overdue)) {
        if (!m_planner->isAway(id) || m_planner->isRunning(id) || m_adopted.contains(id)) {
            continue; // this engine's own (it is late itself), or already on its way
        }
        std::optional<PlannerMailbox> entry = m_planner->mailbox(id);
        if (!entry || !entry->enabled) {
            continue;
        }
        entry->dueMs = now.toMSecsSinceEpoch();
        m_adopted.insert(id);
        m_planner->upsertMailbox(*entry);
        m_planner->setAway(id, false);
        ++taken;
    }
    if (taken > 0) {
        Log::debug(kCategory, {},
                   u"%1 mailbox(es) overdue by more than %2 s at their home engine: claimed here"_s.arg(taken).arg(
                       sweepGraceMs() / 1000));
        tick();
    }
}

void MailboxScheduler::sendAdoptedHome(qint64 mailboxId)
{
    if (m_adopted.remove(mailboxId)) {
        m_planner->setAway(mailboxId, !m_shares.isHome(mailboxId));
    }
}

} // namespace SyncDesk
