#pragma once

#include "diagnostics/syncerror.h"
#include "pop3response.h"

namespace SyncDesk::Pop3 {

// Turns a -ERR into a classified error: RFC 2449/3206 response codes first ([AUTH], [SYS/TEMP],
// [IN-USE], [LOGIN-DELAY]), then throttling texts carrying a suggested delay, then the command.
SyncError errorFromResponse(const Response &response, const QByteArray &commandName);

// The stage a command belongs to: USER and PASS are Login, UIDL is Folder, RETR is Fetch, ...
ErrorStage stageOfCommand(const QByteArray &commandName);

} // namespace SyncDesk::Pop3
