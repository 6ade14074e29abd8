#include "auditrepair.h"

#include "logging/logger.h"
#include "model/itemfailure.h"
#include "store/diagnosticsstore.h"
#include "store/ledgerstore.h"

#include <QDateTime>

namespace SyncDesk {

using namespace Qt::StringLiterals;

Status markMissingForRepair(Store &store, const AuditReport &report)
{
    DiagnosticsStore diagnostics(store);
    LedgerStore ledger(store);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const FolderAudit &folder : report.folders) {
        ItemFailure failure;
        failure.mailboxId = report.mailboxId;
        failure.errorClass = ErrorClass::Store;
        failure.hintId = u"sync-gap"_s;
        failure.stage = ErrorStage::Store;
        failure.reason = u"the audit found the message on the server but not in the store; fetched again by the "
                         "repair"_s;
        failure.state = u"retry"_s;
        failure.lastFailedAt = now;
        for (quint32 uid : folder.missingUids) {
            failure.folder = folder.folder;
            failure.uidValidity = folder.uidValidity;
            failure.uid = uid;
            if (Status recorded = diagnostics.recordItemFailure(failure); !recorded) {
                return recorded;
            }
        }
        if (!folder.missingUidls.isEmpty()) {
            // POP3: forgotten as seen, so that the next sync downloads them again.
            if (Status forgotten = ledger.forgetPop3(report.mailboxId, folder.missingUidls); !forgotten) {
                return forgotten;
            }
        }
    }
    Log::warning(u"audit"_s, report.address,
                 u"%1 missing message(s) will be fetched again [hint: sync-gap]"_s.arg(report.missing()));
    return {};
}

} // namespace SyncDesk
