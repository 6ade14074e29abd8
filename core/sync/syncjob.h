#pragma once

#include "model/mailbox.h"
#include "model/serverprofile.h"
#include "model/syncrun.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace SyncDesk {

struct DecodedMessage;

// Limits and sizes of one sync run.
struct SyncTuning
{
    int connectTimeoutMs = 30000;
    int commandTimeoutMs = 60000;
    int batchMessages = 200;              // messages per UID FETCH and per store transaction
    qint64 batchBytes = 16 * 1024 * 1024; // ... or fewer when they are large
    int pipelineDepth = 2;                // UID FETCH commands in flight at once
    // A message larger than this is not kept: it is listed as an item failure and the sync goes on (one huge
    // message must not stop every sync of the mailbox). The profile's max_message_bytes overrides it. Also the
    // protocol parsers' literal limit: a larger body is read past as it arrives, whatever size was declared.
    qint64 maxMessageBytes = 50LL * 1024 * 1024;
    // The bytes of server answers one session holds at once: message bodies fetched and not yet written,
    // and the response being read (config: scheduler.response_budget_mib). Sizes the server declares are
    // never trusted for this: a body that would take the session past it is dropped and fetched again on
    // its own; a single response larger than it ends the session (class Parse, response-too-large).
    qint64 responseBudgetBytes = 64LL * 1024 * 1024;

    // The message limit that applies to a job of `profile`: its own, and never more than the budget allows.
    qint64 messageLimit(const ServerProfile &profile) const
    {
        const qint64 limit = profile.maxMessageBytes.value_or(maxMessageBytes);
        return qMin(limit, qMax<qint64>(responseBudgetBytes - 64 * 1024, 64 * 1024));
    }
    // A run that has lasted this long fetches nothing more: it writes what is in flight, logs out and
    // reports itself incomplete, and the next run, due at once, continues where it stopped. 0: no limit.
    qint64 maxRunMs = 600 * 1000; // config: scheduler.max_run_seconds
    // Attempts an outgoing email gets for transient failures before it is Failed (about an hour for 10;
    // config: scheduler.send_max_attempts).
    int sendMaxAttempts = 10;
    // Tests only: decodes each fetched message instead of MimeDecoder::decode (a slow one, one that blocks).
    DecodedMessage (*decoder)(const QByteArray &raw) = nullptr;
};

// Everything a worker needs to sync one mailbox once.
struct SyncJob
{
    Mailbox mailbox;
    ServerProfile profile;
    SyncTrigger trigger = SyncTrigger::Scheduled;
    SyncTuning tuning;
    bool audit = false; // compare the server with the ledger (`verify`) instead of syncing
    // The lease the scheduler claimed for this run: its batch writes are fenced by it (0: not fenced).
    QString leaseNode;
    qint64 leaseEpoch = 0;
    // The mailbox's Sent folder as an earlier run found it (by its \Sent mark), synced with the incoming folders
    // when the mailbox sends (Mailbox::outgoing and an SMTP endpoint); "" when it has none; unset: look it up.
    // The profile's sent_folder, when set, is used instead.
    std::optional<QString> sentFolder;
};

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::SyncJob)
