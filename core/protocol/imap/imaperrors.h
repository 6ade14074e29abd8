#pragma once

#include "diagnostics/syncerror.h"
#include "imapresponse.h"

namespace SyncDesk::Imap {

// Turns a NO, BAD or BYE from the server into a classified error: response codes first (RFC 5530),
// then well-known texts (throttling messages carrying a suggested delay).
SyncError errorFromResponse(const Response &response, const QByteArray &commandName);

// The stage a command belongs to: LOGIN is Login, SELECT is Folder, UID FETCH is Fetch, ...
ErrorStage stageOfCommand(const QByteArray &commandName);

// "Suggested Backoff Time: 3000 milliseconds" and similar: the delay in ms, or 0.
qint64 suggestedBackoffMs(const QByteArray &text);

} // namespace SyncDesk::Imap
