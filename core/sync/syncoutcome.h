#pragma once

#include "diagnostics/syncerror.h"
#include "model/auditreport.h"
#include "model/syncrun.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace SyncDesk {

// The result of one sync run of one mailbox, sent from the worker to the scheduler.
struct SyncOutcome
{
    qint64 mailboxId = 0;
    QString address;
    SyncTrigger trigger = SyncTrigger::Scheduled;
    QDateTime startedAt;
    QDateTime finishedAt;
    int itemsNew = 0;                 // activities created
    int itemsSeen = 0;                // messages fetched and decoded
    int duplicates = 0;               // fetched but already stored
    int foldersSelected = 0;          // folders opened with SELECT/EXAMINE (or POP3 maildrops listed)
    int foldersUnchanged = 0;         // folders whose STATUS showed nothing new: not selected, nothing fetched
    int itemsTracked = 0;             // fetched messages the tracking rules kept (new or already stored)
    int itemsSkipped = 0;             // fetched messages not tracked: not stored
    bool keywordRefused = false;      // the server would not keep the tracking keyword
    QStringList notices;              // information worth a log line (UIDVALIDITY reset, messages stored with warnings)
    QStringList renumberedFolders;    // folders whose UIDVALIDITY changed: fetched again (an information alert)
    int itemsFailed = 0;              // messages that could not be decoded or stored: listed as item failures
    bool incomplete = false;          // stopped at the run's time limit (SyncTuning::maxRunMs): due again at once
    int serverMinIntervalSeconds = 0; // the least time between two logins the server allows (POP3 LOGIN-DELAY)
    std::optional<SyncError> error;
    std::optional<AuditReport> audit; // an audit run (SyncJob::audit): what it found
    // The Sent folder this run looked up (SyncJob::sentFolder unset): its name, or "" when the server has none.
    std::optional<QString> sentFolder;
    // The outgoing direction, run before the incoming sync: emails sent, failed for good, waiting to retry,
    // and its own failure (it does not fail the run: the directions are separate).
    int emailsSent = 0;
    int emailsFailed = 0;
    int emailsRetrying = 0;
    std::optional<SyncError> emailFailure; // the last email's failure (failed for good or retrying)
    std::optional<SyncError> outgoingError;
    // The ACT direction (appointments, contacts, tasks), run after the incoming sync when the mailbox has it:
    // its own failure does not fail the run either.
    bool actRan = false;
    int actToServer = 0;
    int actFromServer = 0;
    int actConflicts = 0;
    int actRequests = 0;
    qint64 actElapsedMs = 0;
    std::optional<SyncError> actError;

    bool succeeded() const { return !error.has_value(); }
    bool cancelled() const { return error && error->errorClass == ErrorClass::Cancelled; }
};

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::SyncOutcome)
