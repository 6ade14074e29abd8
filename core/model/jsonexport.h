#pragma once

#include "activity.h"
#include "crmrecord.h"
#include "mailboxstatus.h"
#include "trackrequest.h"

#include <QDateTime>
#include <QJsonObject>

namespace SyncDesk {

// The JSON shapes of `syncdesk-node status --json` and `export activities --jsonl`, documented in the
// README. Times are ISO 8601 UTC ("2026-11-24T10:15:00Z") or null.
class JsonExport final
{
public:
    // graceSeconds: how late a due mailbox may be before it is overdue; engineRunning: whether any engine
    // runs on the store (when none does, an overdue mailbox's cause is "no-engine").
    static QJsonObject mailboxStatus(const MailboxStatus &status, const QDateTime &now, int graceSeconds = 60,
                                     bool engineRunning = true);
    static QJsonValue seconds(qint64 ms); // a whole number when it is one
    static QJsonObject activity(const Activity &activity);
    static QJsonObject crmRecord(const CrmRecord &record);
    static QJsonObject trackRequest(const TrackRequest &request);
    static QJsonValue time(const QDateTime &time);
};

} // namespace SyncDesk
