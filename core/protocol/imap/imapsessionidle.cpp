// IDLE (RFC 2177) of Imap::Session: the push connections wait for the server's news with it.
#include "imapsession.h"

namespace SyncDesk::Imap {

using namespace Qt::StringLiterals;

void Session::idle(UntaggedHandler onUntagged, std::function<void()> started, Done done, qint64 maxIdleMs)
{
    if (!hasCapability("IDLE")) {
        done(SyncError::make(ErrorClass::ServerNo, u"push-unsupported"_s, tr("the server does not offer IDLE")));
        return;
    }
    Command command("IDLE");
    command.continuation("DONE"); // sent by stopIdle(), not when the server accepts
    execute(command, std::move(onUntagged), [this, done = std::move(done)](const Result<Response> &result) {
        m_idling = false;
        done(result);
    });
    // The command just queued (or sent) is the last one: mark it as an IDLE.
    std::shared_ptr<Pending> pending = !m_queued.empty()    ? m_queued.back()
                                       : m_inFlight.empty() ? nullptr
                                                            : m_inFlight.back();
    if (pending && pending->command.name() == "IDLE") {
        pending->idleMs = qMax<qint64>(1000, maxIdleMs);
        pending->idleStarted = std::move(started);
    }
}

void Session::stopIdle()
{
    if (!m_idling || !m_awaitingContinuation) {
        return;
    }
    std::shared_ptr<Pending> pending = m_awaitingContinuation;
    m_idling = false;
    m_awaitingContinuation.reset();
    if (m_tracing) {
        trace("C:", "DONE");
    }
    sendChunk(*pending);
    pending->deadlineMs = m_clock.elapsed() + m_options.commandTimeoutMs;
    armCommandDeadline();
    pump();
}

} // namespace SyncDesk::Imap
