#pragma once

#include "diagnostics/result.h"
#include "model/crmrecord.h"
#include "model/recordref.h"
#include "model/trackrequest.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace SyncDesk {

class Store;

// An activity already tracked, as correlation finds it.
struct TrackedActivity
{
    qint64 activityId = 0;
    qint64 mailboxId = 0;
    QString messageId;
    std::optional<RecordRef> regarding;
};

// The CRM side of the store: records, lookups for correlation, track requests. Works on a Store's
// connection, in that Store's thread.
class CrmStore final
{
public:
    explicit CrmStore(Store &store);

    struct UpsertCounts
    {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
    };
    // Adds or updates records, matched by type and key; one transaction. A record with an owner but no
    // business unit takes its owner's (a system user of the same batch or of the store), as in CRM suites.
    Result<UpsertCounts> upsertRecords(const CrmRecordList &records);
    Result<CrmRecordList> records(const QString &type = {});
    Result<std::optional<CrmRecord>> record(const QString &type, const QString &key);
    Result<CrmRecordList> recordsByEmail(const QString &address);

    Result<std::optional<TrackedActivity>> activityByMessageId(const QString &messageId);
    Result<std::optional<TrackedActivity>> activityById(qint64 activityId);
    // This mailbox's activity for a Message-ID, if it tracks the message.
    Result<std::optional<TrackedActivity>> activityInMailbox(qint64 mailboxId, const QString &messageId);
    Status setRegarding(qint64 activityId, const RecordRef &regarding, const QString &correlation);
    // The latest tracked activity with a regarding record in a conversation (normalized subject).
    Result<std::optional<TrackedActivity>> latestInConversation(const QString &conversation, const QDateTime &since);
    // The same for many conversations in one statement (a batch's replies): the latest of each that has one.
    Result<QHash<QString, TrackedActivity>> latestInConversations(const QStringList &conversations,
                                                                  const QDateTime &since);

    Result<qint64> addTrackRequest(const TrackRequest &request);
    Result<QList<TrackRequest>> pendingTrackRequests(qint64 mailboxId);
    Result<QList<TrackRequest>> trackRequests(std::optional<qint64> mailboxId = std::nullopt, int limit = 200);
    Status completeTrackRequest(qint64 requestId, const QString &state, const QString &reason, qint64 activityId,
                                const QDateTime &now);

    // Adds to a mailbox's counts of what security permissions kept back.
    Status addWithheld(qint64 mailboxId, qint64 items, qint64 fields);

private:
    Store &m_store;
};

} // namespace SyncDesk
