#pragma once

#include "model/auditreport.h"

namespace SyncDesk {

class Store;

// The alert of an audit: one open "sync-gap" alert per mailbox while its last audit found messages missing,
// closed by the next audit that finds none. Shared by `syncdesk-node verify` and the engine's own audits.
namespace GapAlert {

void update(Store &store, const AuditReport &report);

} // namespace GapAlert

} // namespace SyncDesk
