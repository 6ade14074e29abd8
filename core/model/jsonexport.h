#pragma once

#include "activity.h"
#include "mailboxstatus.h"

#include <QDateTime>
#include <QJsonObject>

namespace SyncDesk {

// The JSON shapes of `syncdesk-node status --json` and `export activities --jsonl`, documented in the
// README. Times are ISO 8601 UTC ("2026-11-24T10:15:00Z") or null.
class JsonExport final
{
public:
    static QJsonObject mailboxStatus(const MailboxStatus &status, const QDateTime &now);
    static QJsonObject activity(const Activity &activity);
    static QJsonValue time(const QDateTime &time);
};

} // namespace SyncDesk
