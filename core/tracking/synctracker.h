#pragma once

#include "diagnostics/result.h"
#include "model/activity.h"
#include "model/mailbox.h"
#include "model/trackrequest.h"
#include "protocol/mime/decodedmessage.h"
#include "store/crmstore.h"
#include "trackingengine.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace SyncDesk {

class Store;
struct BatchResult;

// Tracking for one sync of one mailbox, shared by the IMAP and POP3 syncs: loads the owner's
// permissions and the tracking settings, decides message by message (TrackingEngine), settles the
// mailbox's pending track requests, and counts what permissions withheld. Lives in the sync's thread
// and uses its store.
class SyncTracker final
{
public:
    SyncTracker(Store &store, const Mailbox &mailbox);
    ~SyncTracker();

    // Before anything is fetched. Fails (Config) when the mailbox's owner is not a CRM record.
    // Requests for messages this mailbox already tracks are settled here: their regarding is set.
    Status prepare();

    // What the owner's permissions allow, for the log.
    QString describeSecurity() const;
    // The IMAP keyword written on tracked messages; empty when write-back is off.
    QByteArray keyword() const;
    // Message-IDs of the requests still pending (to be searched in every folder).
    QStringList pendingMessageIds() const;
    bool hasPendingRequests() const { return !m_pending.isEmpty(); }

    // Decides for one message and completes the activity (regarding, correlation, parties, withheld
    // fields). Returns whether it is tracked: an untracked message is not stored.
    Result<bool> apply(const DecodedMessage &message, const QString &folder, Activity &activity);
    // Before the apply() calls of a batch: the lookups they share, made at once (TrackingEngine::prepareBatch).
    Status prepareBatch(const QList<DecodedMessage> &messages);

    // After a batch was written: completes the requests it held, adds the withheld counts.
    Status afterWrite(const QList<Activity> &written, const BatchResult &result);

    // At the end of the sync. complete: every folder was searched; requests still pending then fail
    // (their message is in no synced folder). Otherwise they stay pending for the next sync.
    Status finish(bool complete, const QStringList &folders);

    // Whether the last message apply() left out was withheld by the owner's permissions (rather than left
    // out by the tracking option).
    bool lastWithheld() const { return m_lastWithheld; }
    int tracked() const { return m_tracked; }
    int skipped() const { return m_skipped; }
    qint64 itemsWithheld() const { return m_itemsWithheldTotal; }
    qint64 fieldsWithheld() const { return m_fieldsWithheldTotal; }
    int requestsCompleted() const { return m_requestsCompleted; }

private:
    struct Matched
    {
        TrackRequest request;
        QString reason;
    };
    Status flushWithheld();
    Status fenced(const std::function<Status()> &write);

    Store &m_store;
    CrmStore m_crm;
    Mailbox m_mailbox;
    std::optional<SecurityContext> m_security;
    std::unique_ptr<TrackingEngine> m_engine;
    QHash<QString, TrackRequest> m_pending; // by Message-ID
    QHash<QString, Matched> m_matched;      // requests whose message is in the batch being written
    int m_tracked = 0;
    bool m_lastWithheld = false;
    int m_skipped = 0;
    int m_requestsCompleted = 0;
    qint64 m_itemsWithheld = 0; // not yet written
    qint64 m_fieldsWithheld = 0;
    qint64 m_itemsWithheldTotal = 0;
    qint64 m_fieldsWithheldTotal = 0;
};

} // namespace SyncDesk
