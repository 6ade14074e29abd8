// MailboxScheduler: a server outage seen by every engine. Whichever engine finds a profile's server down
// opens the profile's incident in the store (AlertManager); every engine follows the open incidents once
// a heartbeat. An incident opened elsewhere makes this engine probe the profile with one connection too —
// and as a claim counts every engine's leases against that limit of one, there is one probe among all
// engines. An incident closed elsewhere (a probe got through, most mailboxes sync again) releases what
// this engine held back at once, most overdue first.

#include "diagnostics/outgoingsweep.h"
#include "logging/logger.h"
#include "mailboxscheduler.h"
#include "store/diagnosticsstore.h"
#include "store/store.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {
const QString kCategory = u"scheduler"_s;
} // namespace

void MailboxScheduler::sweepOutgoing()
{
    // Once a minute: email no run will send (OutgoingSweep says which) raises its alert.
    if (m_mode != Mode::Continuous ||
        (m_lastOutgoingSweep.isValid() && m_lastOutgoingSweep.secsTo(m_clock.now()) < 60)) {
        return;
    }
    m_lastOutgoingSweep = m_clock.now();
    auto swept = OutgoingSweep::run(m_store, m_clock.now());
    if (!swept) {
        Log::warning(kCategory, {}, u"cannot sweep the outbox: "_s + swept.error().toString());
    } else if (swept->raised > 0) {
        Log::warning(
            kCategory, {},
            u"%1 mailbox(es) have email waiting that nothing will send [hint: outgoing-stuck]"_s.arg(swept->raised));
    }
}

void MailboxScheduler::followOutages()
{
    if (m_mode != Mode::Continuous ||
        (m_lastOutageCheck.isValid() && m_lastOutageCheck.secsTo(m_clock.now()) < m_settings.heartbeatSeconds)) {
        return;
    }
    m_lastOutageCheck = m_clock.now();
    auto open = DiagnosticsStore(m_store).openIncidents();
    if (!open) {
        Log::warning(kCategory, {}, u"cannot read the open incidents: "_s + open.error().toString());
        return;
    }
    const qint64 now = nowMs();
    bool released = false;
    for (auto it = open->cbegin(); it != open->cend(); ++it) {
        if (m_knownIncidents.value(it.key()) == it.value()) {
            continue;
        }
        m_knownIncidents.insert(it.key(), it.value());
        if (m_planner->adoptOutage(it.key(), true, now)) {
            Log::warning(kCategory, {},
                         u"server profile %1 is failing (incident %2): probing it with one mailbox at a time "
                         "across all engines [hint: profile-outage]"_s.arg(m_profiles.value(it.key()).name)
                             .arg(it.value()));
        }
    }
    for (auto it = m_knownIncidents.begin(); it != m_knownIncidents.end();) {
        if (open->contains(it.key())) {
            ++it;
            continue;
        }
        if (m_planner->adoptOutage(it.key(), false, now)) {
            released = true;
            Log::info(kCategory, {},
                      u"server profile %1 answers again (incident %2 closed): its waiting mailboxes sync now"_s
                          .arg(m_profiles.value(it.key()).name)
                          .arg(it.value()));
        }
        it = m_knownIncidents.erase(it);
    }
    if (released) {
        tick();
    }
}

} // namespace SyncDesk
