#pragma once

#include "config/configfile.h"
#include "store/storeconfig.h"
#include "sync/syncoutcome.h"

#include <QList>
#include <QString>

namespace SyncDesk::Testing {

// Small conveniences over the real engine for tests: import a configuration file, run a sync of some
// mailboxes to completion (waiting on the engine's signal, with a timeout).
class SyncHelper final
{
public:
    // Imports a configuration file; returns an empty string on success, else what went wrong.
    static QString importConfig(const StoreConfig &store, const QString &configPath);
    // Syncs the mailboxes (by address) once with a real SyncEngine; empty list on timeout.
    static QList<SyncOutcome> syncOnce(const StoreConfig &store, const QStringList &addresses, int timeoutMs = 60000);
    static qint64 mailboxId(const StoreConfig &store, const QString &address);
};

} // namespace SyncDesk::Testing
