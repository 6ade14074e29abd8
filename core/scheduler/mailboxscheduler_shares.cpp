// MailboxScheduler: several engines on one store share the schedule. Each engine schedules its share of the
// mailboxes (their "home" is this engine, EngineShares over the live engines that run the schedule) and
// leaves the others away: it neither plans nor claims them, so each due mailbox costs the store one claim,
// not one per engine (bench_multinode: four engines claimed every due mailbox four times before). Requests
// still go to whichever engine has room. A home is a preference, never a lock — the claim in the store
// still decides — and what a home leaves undone is taken by the others:
//  * an engine that stops (or is silent for a heartbeat: engines beat every second) is dropped from the live
//    list within a second, and its mailboxes go home elsewhere, their schedule read again from the store;
//  * once a heartbeat every engine sweeps the store for mailboxes overdue by more than the sweep's grace
//    (their home is alive but did not start them: it cannot read the password, its profile is full on its
//    side, it is overloaded) and claims them as its own, once.

#include "logging/logger.h"
#include "mailboxscheduler.h"
#include "metrics/enginemetrics.h"
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
    if (m_mode != Mode::Continuous) {
        return;
    }
    // Every poll (a second): engines beat every poll, and one silent for a heartbeat is no one's home any
    // more — its share is due elsewhere at once, while its leases wait for two heartbeats (they may still
    // be written to). Claims stay safe whichever engine tries.
    const QDateTime now = m_clock.now();
    LeaseTiming timing;
    timing.deadAfterSeconds = qMax(1, m_settings.heartbeatSeconds);
    auto engines = m_store.schedulingEngines(now, timing);
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
        shareWith(live);
    }
    if (!m_lastShareCheck.isValid() || m_lastShareCheck.secsTo(now) >= m_settings.heartbeatSeconds) {
        m_lastShareCheck = now;
        sweepOverdue(now);
    }
}

void MailboxScheduler::shareWith(const QStringList &engines)
{
    const EngineShares before = m_shares;
    m_shares.setEngines(engines, m_nodeId);
    // An engine that joins only takes mailboxes; one that leaves gives its share to the others, which
    // another engine scheduled until now: their schedule is read from the store.
    QList<qint64> comingHome;
    qint64 home = 0;
    for (auto it = m_mailboxes.cbegin(); it != m_mailboxes.cend(); ++it) {
        const bool isHome = m_shares.isHome(it.key());
        home += isHome ? 1 : 0;
        if (isHome && !before.engines().isEmpty() && !before.isHome(it.key())) {
            comingHome.append(it.key());
        }
    }
    if (!comingHome.isEmpty()) {
        auto states = m_store.mailboxStates(comingHome);
        if (!states) {
            Log::warning(kCategory, {},
                         u"cannot read the schedule of the mailboxes coming to this engine: "_s +
                             states.error().toString());
        } else {
            for (qint64 id : std::as_const(comingHome)) {
                if (const auto state = states->constFind(id); state != states->constEnd()) {
                    m_planner->upsertMailbox(plannerEntry(m_mailboxes.value(id), *state));
                }
            }
        }
    }
    applyHomes();
    Log::info(kCategory, {},
              u"%1 engine(s) run the schedule; this one schedules %2 of the %3 mailboxes (%4 came from other "
              "engines; the others' are taken here on request, or when left overdue for %5 s)"_s.arg(engines.size())
                  .arg(home)
                  .arg(m_mailboxes.size())
                  .arg(comingHome.size())
                  .arg(sweepGraceMs() / 1000));
    tick();
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
        if (m_metrics) {
            m_metrics->recordLeaseTakeovers(taken);
        }
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
