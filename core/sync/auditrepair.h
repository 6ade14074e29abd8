#pragma once

#include "diagnostics/result.h"
#include "model/auditreport.h"

namespace SyncDesk {

class Store;

// What an audit found missing becomes work for the next sync: each missing IMAP message an item failure to
// retry (state "retry", hint sync-gap), each missing POP3 message forgotten as seen. The sync after it fetches
// them again; the ledger keeps a message from being stored twice. Used by `verify --repair` and by the
// console's "Audit & repair" (through the engine).
Status markMissingForRepair(Store &store, const AuditReport &report);

} // namespace SyncDesk
