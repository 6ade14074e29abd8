#include "gapalert.h"

#include "logging/logger.h"
#include "model/alert.h"
#include "store/store.h"

#include <QCoreApplication>

namespace SyncDesk::GapAlert {

using namespace Qt::StringLiterals;

void update(Store &store, const AuditReport &report)
{
    const QString causeKey = u"sync-gap:%1"_s.arg(report.mailboxId);
    if (report.missing() == 0) {
        if (Status closed = store.closeAlerts(causeKey, report.checkedAt); !closed) {
            Log::error(u"audit"_s, report.address, closed.error().toString());
        }
        return;
    }
    Alert alert;
    alert.causeKey = causeKey;
    alert.kind = u"sync-gap"_s;
    alert.severity = u"warning"_s;
    alert.mailboxId = report.mailboxId;
    alert.mailboxAddress = report.address;
    alert.hintId = u"sync-gap"_s;
    alert.message =
        QCoreApplication::translate(
            "GapAlert", "%1: the audit found %n message(s) on the server that the store does not account for", nullptr,
            int(report.missing()))
            .arg(report.address);
    alert.raisedAt = report.checkedAt;
    alert.updatedAt = report.checkedAt;
    if (auto raised = store.raiseAlert(alert); !raised) {
        Log::error(u"audit"_s, report.address, raised.error().toString());
    }
    Log::warning(u"audit"_s, report.address,
                 u"%1 message(s) on the server are missing from the store; 'syncdesk-node verify --repair --mailbox "
                 "%2' fetches them again [hint: sync-gap]"_s.arg(report.missing())
                     .arg(report.address));
}

} // namespace SyncDesk::GapAlert
