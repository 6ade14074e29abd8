#pragma once

#include "diagnostics/syncerror.h"
#include "smtpreply.h"

namespace SyncDesk::Smtp {

// Turns an SMTP failure reply into a classified error at the Send stage: enhanced status codes and reply
// codes (RFC 3463, RFC 4954: 535 bad credentials, 538/530 encryption required, 454 temporary), then
// throttling texts.
SyncError errorFromReply(const Reply &reply, const QByteArray &commandName);

} // namespace SyncDesk::Smtp
