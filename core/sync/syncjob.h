#pragma once

#include "model/mailbox.h"
#include "model/serverprofile.h"
#include "model/syncrun.h"

#include <QMetaType>
#include <QString>

namespace SyncDesk {

// Limits and sizes of one sync run.
struct SyncTuning
{
    int connectTimeoutMs = 30000;
    int commandTimeoutMs = 60000;
    int batchMessages = 50;               // messages per UID FETCH and per store transaction
    qint64 batchBytes = 16 * 1024 * 1024; // ... or fewer when they are large
    int pipelineDepth = 2;                // UID FETCH commands in flight at once
    // A message larger than this is not downloaded: it is listed as an item failure and the sync goes on
    // (one huge message must not stop every sync of the mailbox). Also the protocol parsers' literal limit.
    qint64 maxMessageBytes = 256LL * 1024 * 1024;
    // A run that has lasted this long fetches nothing more: it writes what is in flight, logs out and
    // reports itself incomplete, and the next run, due at once, continues where it stopped. 0: no limit.
    qint64 maxRunMs = 600 * 1000; // config: scheduler.max_run_seconds
};

// Everything a worker needs to sync one mailbox once.
struct SyncJob
{
    Mailbox mailbox;
    ServerProfile profile;
    SyncTrigger trigger = SyncTrigger::Scheduled;
    SyncTuning tuning;
    bool audit = false; // compare the server with the ledger (`verify`) instead of syncing
};

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::SyncJob)
