#pragma once

#include "model/alert.h"
#include "model/itemfailure.h"
#include "model/syncrun.h"

#include <QJsonObject>

namespace SyncDesk {

// The JSON shapes of `syncdesk-node alerts --json`, `failures --json` and of the diagnostic bundle, documented
// in the README. Times are ISO 8601 UTC or null.
class DiagnosticsJson final
{
public:
    static QJsonObject alert(const Alert &alert);
    static QJsonObject itemFailure(const ItemFailure &failure);
    static QJsonObject syncRun(const SyncRun &run);
};

} // namespace SyncDesk
