#pragma once

#include "diagnostics/result.h"
#include "outgoing/outgoingemail.h"

#include <QDateTime>
#include <QHash>
#include <QList>

#include <functional>
#include <optional>

namespace SyncDesk {

class Store;

// The outbox: outgoing email activities and their sending state (tables activities and outgoing_emails).
// Works on a Store's connection, in that Store's thread. Every change of status is one conditional
// statement, so that two engines (or a CLI and an engine) never both move the same email.
class OutboxStore final
{
public:
    explicit OutboxStore(Store &store);

    // Makes the message once the activity's id is known (the tracking token and the Message-ID name it):
    // sets email.activity.messageId and subject, returns the message's bytes.
    using Builder = std::function<Result<QByteArray>(OutgoingEmail &email)>;
    // Adds the activity (direction outgoing, not in a folder yet) and its outgoing row, in one transaction.
    Result<qint64> create(OutgoingEmail email, const Builder &build);

    Result<std::optional<OutgoingEmail>> email(qint64 activityId);
    struct Filter
    {
        std::optional<qint64> mailboxId;
        std::optional<OutgoingStatus> status;
        QList<OutgoingStatus> statuses; // any of these (empty: any status)
        int limit = 1000;
        bool withMessage = true; // false: without the message's bytes and the HTML body (for a listing)
    };
    // Newest first.
    Result<QList<OutgoingEmail>> emails(const Filter &filter);

    // Moves an email from one of `from` to `to`; false when it was in none of them (nothing changed). Back
    // to pending-send (retry, send-draft), attempts, error and backoff start again.
    Result<bool> transition(qint64 activityId, const QList<OutgoingStatus> &from, OutgoingStatus to,
                            const QDateTime &now);

    // Whether the mailbox has email to send now (pending-send and due, or left in sending by a crash).
    Result<bool> hasWork(qint64 mailboxId, const QDateTime &now);
    // Email left in sending: a run that stopped during a send (the mailbox's lease makes it the only run).
    Result<QList<OutgoingEmail>> interrupted(qint64 mailboxId);
    // Sent email whose copy in Sent is not made yet (a run stopped between sending and appending).
    Result<QList<qint64>> copiesPending(qint64 mailboxId);
    // The ids of up to `limit` due pending-send emails of the mailbox, oldest first (nothing changes). Ids only:
    // a long queue of large emails is never in memory at once.
    Result<QList<qint64>> due(qint64 mailboxId, const QDateTime &now, int limit);
    // Takes one pending-send email into sending, counting an attempt, just before it is sent: a stopped run
    // leaves at most the one it was sending in sending. False when it is no longer pending (cancelled).
    Result<bool> claim(OutgoingEmail &email, const QDateTime &now);

    Status markSent(qint64 activityId, const QString &serverReply, const QList<RefusedRecipient> &refused,
                    const QDateTime &now);
    // The copy in Sent: its state, and where it is (the activity moves there: folder, UIDVALIDITY, UID).
    Status markSentCopy(qint64 activityId, const QString &state, const QString &folder = {}, quint32 uidValidity = 0,
                        quint32 uid = 0);
    // A failed attempt: pending-send again at retryAt, or failed (retryAt empty).
    Status markAttemptFailed(qint64 activityId, const SyncError &error, const std::optional<QDateTime> &retryAt,
                             const QDateTime &now);
    // Left in sending by a stopped run and not found in Sent: pending-send again, the interruption counted.
    Status requeueInterrupted(qint64 activityId, const QDateTime &now);

    struct Summary
    {
        int drafts = 0;
        int pending = 0; // pending-send and sending
        int failed = 0;
        QDateTime oldestPending; // created_at of the oldest pending-send or sending email
        QDateTime lastSent;
        QDateTime lastAttempt;
        int failuresInRow = 0; // attempts of the oldest email still waiting after a failure
        QString lastErrorClass;
        QString lastErrorMessage;
        QString lastErrorHint;
    };
    Result<Summary> summary(qint64 mailboxId);
    // Every mailbox's summary in two statements (mailboxes without outgoing email are left out).
    Result<QHash<qint64, Summary>> summaries();

private:
    Result<QHash<qint64, Summary>> summaries(std::optional<qint64> mailboxId);

    Store &m_store;
};

} // namespace SyncDesk
