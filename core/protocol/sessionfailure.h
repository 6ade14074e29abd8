#pragma once

#include "diagnostics/syncerror.h"

#include <QCoreApplication>

#include <functional>
#include <utility>

namespace SyncDesk {

// What every protocol session does when it fails for good: each pending command's callback, then the open
// callback, gets the error; the closing callback (LOGOUT, QUIT) is called without one, since the session is
// gone either way. The callbacks were taken out of the session first, so that one of them may delete it.
template <typename PendingCommands, typename OpenDone, typename CloseDone>
void notifySessionFailure(const PendingCommands &pending, const OpenDone &openDone, const CloseDone &closeDone,
                          const SyncError &error)
{
    for (const auto &command : pending) {
        if (command->done) {
            command->done(error);
        }
    }
    if (openDone) {
        openDone(error);
    }
    if (closeDone) {
        closeDone();
    }
}

// When a session ends without a failure (closed after LOGOUT or QUIT): commands the server never answered
// (it closed the connection, or answered LOGOUT first), taken out of `inFlight` then `queued`, and an open()
// still under way complete as cancelled; then the closing callback and `alsoDone`. Every callback runs once.
template <typename Commands, typename OpenDone>
void completeAsCancelled(Commands &inFlight, Commands &queued, OpenDone &openDone, std::function<void()> &closeDone,
                         std::function<void()> alsoDone, const char *protocol)
{
    Commands pending;
    pending.swap(inFlight);
    for (auto &command : queued) {
        pending.push_back(command);
    }
    queued.clear();
    auto open = std::exchange(openDone, nullptr);
    auto close = std::exchange(closeDone, nullptr);
    std::function<void()> closed;
    if (close || alsoDone) {
        closed = [close = std::move(close), alsoDone = std::move(alsoDone)] {
            if (close) {
                close();
            }
            if (alsoDone) {
                alsoDone();
            }
        };
    }
    //: %1 is the protocol: IMAP or POP3
    notifySessionFailure(
        pending, open, closed,
        SyncError::make(ErrorClass::Cancelled, QStringLiteral("cancelled"),
                        QCoreApplication::translate("SessionFailure", "the %1 session ended before the server answered")
                            .arg(QLatin1StringView(protocol))));
}

} // namespace SyncDesk
