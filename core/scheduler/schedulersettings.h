#pragma once

#include "intervalpolicy.h"
#include "sync/syncjob.h"

#include <QThread>

namespace SyncDesk {

struct SchedulerSettings
{
    int workerThreads = qMax(2, QThread::idealThreadCount());
    int sessionsPerWorker = 25; // concurrent syncs one worker thread drives
    IntervalSettings intervals;
    SyncTuning tuning;
    int leaseSeconds = 300;    // how long a claim on a mailbox lasts without renewal (crash recovery)
    int pollIntervalMs = 1000; // how often due mailboxes and requests from other processes are checked
    int stopGraceMs = 15000;   // on shutdown, running syncs get this long to finish before they are cancelled
};

} // namespace SyncDesk
