#pragma once

#include "diagnostics/syncerror.h"

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

} // namespace SyncDesk
