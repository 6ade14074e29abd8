// MailboxScheduler: requests for an immediate sync made by other processes — the console's Resync, the
// CLI's sync --mailbox, track requests, retries of item failures — reach whichever engine has room first.
// On PostgreSQL every engine LISTENs on a connection of its own and takes requests as soon as one commits;
// on SQLite (one host) engines poll the table every 250 ms. Either way an engine takes at most as many as
// it can start, and engines taking at once get different ones, so an idle engine is not kept waiting
// behind a busy one.

#include "logging/logger.h"
#include "mailboxscheduler.h"
#include "store/store.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {
const QString kCategory = u"scheduler"_s;
} // namespace

void MailboxScheduler::startListening()
{
    if (!m_store.isPostgres()) {
        return;
    }
    auto opened = Store::open(m_store.config());
    if (!opened) {
        Log::warning(kCategory, {},
                     u"cannot listen for sync requests (%1); polling for them every %2 ms instead"_s
                         .arg(opened.error().toString())
                         .arg(m_requestTimer.interval()));
        return;
    }
    m_listenStore = std::move(opened).value();
    auto listening = m_listenStore->listenForSyncRequests(this, [this] {
        if (!m_takePending) {
            m_takePending = true; // one take for a burst of notifications
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_takePending = false;
                    takeRequests();
                },
                Qt::QueuedConnection);
        }
    });
    if (!listening || !*listening) {
        Log::warning(kCategory, {},
                     u"cannot listen for sync requests (%1); polling for them every %2 ms instead"_s
                         .arg(listening ? u"the driver has no notifications"_s : listening.error().toString())
                         .arg(m_requestTimer.interval()));
        m_listenStore.reset();
        return;
    }
    m_lastListenCheck = m_clock.now();
}

void MailboxScheduler::keepListening()
{
    if (!m_listenStore || m_lastListenCheck.secsTo(m_clock.now()) < m_settings.heartbeatSeconds) {
        return;
    }
    m_lastListenCheck = m_clock.now();
    if (Status kept = m_listenStore->keepListening(); !kept) {
        Log::warning(kCategory, {},
                     u"listening for sync requests failed (%1); polling meanwhile"_s.arg(kept.error().toString()));
    }
}

void MailboxScheduler::takeRequests()
{
    if (m_mode != Mode::Continuous || m_stopping) {
        return;
    }
    if (!m_storeHealth.mayStart(m_clock.now())) {
        return; // they wait in the store for an engine whose store works
    }
    const int room = m_planner->settings().capacity - int(m_running.size());
    if (room <= 0) {
        return; // another engine, or this one when a run ends
    }
    auto requests = m_store.takeSyncRequests(room);
    if (!requests) {
        Log::error(kCategory, {}, requests.error().toString());
        return;
    }
    if (requests->isEmpty()) {
        return;
    }
    QList<qint64> ids;
    for (const SyncRequest &request : std::as_const(*requests)) {
        ids.append(request.mailboxId);
    }
    requestSync(ids, SyncTrigger::Manual);
}

} // namespace SyncDesk
