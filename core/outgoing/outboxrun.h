#pragma once

#include "diagnostics/result.h"
#include "diagnostics/syncerror.h"
#include "oauth/mailboxlogin.h"
#include "outgoingemail.h"
#include "protocol/bytestream.h"
#include "sync/syncjob.h"

#include <QElapsedTimer>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace SyncDesk {

namespace Imap {
class Session;
}
namespace Smtp {
class Session;
struct Delivery;
} // namespace Smtp
class Store;

// What one run of a mailbox's outgoing direction did.
struct OutboxResult
{
    int sent = 0;      // accepted by the server
    int failed = 0;    // failed for good (permanent reply, or the retry window is over)
    int retrying = 0;  // a transient failure: pending-send again, later
    int copies = 0;    // copies appended to Sent
    int recovered = 0; // left in sending by a stopped run, found in Sent: marked sent
    int resent = 0;    // left in sending and not found in Sent: sent again (the documented rule)
    QStringList notices;
    std::optional<SyncError> error;       // the direction's own failure (SMTP connect or login, the store)
    std::optional<SyncError> lastFailure; // the last email's failure

    bool didWork() const { return sent + failed + retrying + copies + recovered + resent > 0 || error.has_value(); }
};

// How long a transient failure waits before the next attempt, and how many attempts an email gets.
struct SendRetryPolicy
{
    int maxAttempts = 10;               // then Failed (config: outgoing.max_attempts)
    qint64 firstDelayMs = 30 * 1000;    // doubled after each attempt ...
    qint64 maxDelayMs = 10 * 60 * 1000; // ... up to this: 10 attempts take about an hour
    int emailsPerRun = 1000;            // sent over one connection per run (oldest first); the next run takes the rest

    qint64 delayAfter(int attempts) const;
};

// One run of a mailbox's outgoing direction, in a worker thread (before its incoming sync):
//  1. email a stopped run left in sending is looked up by its Message-ID in Sent: found, it is sent;
//     otherwise it is sent again (the rule: at least once; a duplicate is possible only when a run stopped
//     between the server's acceptance and the store's record of it, and each is logged as send-interrupted);
//  2. due pending-send email is sent over one SMTP connection, one transaction each, with per-recipient
//     results; transient failures wait (SendRetryPolicy), permanent ones fail at once;
//  3. a copy of each sent email is appended to Sent (\Seen) over IMAP, and the activity points at it.
class OutboxRun final : public QObject
{
    Q_OBJECT
public:
    OutboxRun(const SyncJob &job, Store &store, ByteStreamFactory streams, QObject *parent = nullptr);
    ~OutboxRun() override;

    // Whether a job's mailbox has outgoing work now (its direction on, the profile able to send).
    static Result<bool> hasWork(Store &store, const SyncJob &job);

    void start();
    void cancel();

Q_SIGNALS:
    void finished(const SyncDesk::OutboxResult &result);

private:
    void recoverInterrupted();
    void sendDue();
    void sendNext();
    void onSent(const OutgoingEmail &email, const Result<Smtp::Delivery> &delivery);
    void closeSmtpThen(std::function<void()> next);
    void appendCopies();
    void appendNext();
    // IMAP: connected, logged in, the Sent folder found and examined; then `next` (or finish on failure).
    void withSentFolder(std::function<void()> next);
    // A copy not made because the connection failed: left for later, and the run goes on while the session works.
    void copyWaits(const OutgoingEmail &email, const SyncError &error);
    // The UID of the message with this Message-ID in Sent, none when the server says there is none, or the
    // error when it could not be asked (a dropped connection, a refused search): not knowing is not "not there".
    void findInSent(const QString &messageId, std::function<void(const Result<std::optional<quint32>> &)> done);
    void stored(const Status &status); // keeps the first store failure as the run's error
    void recordFailure(const OutgoingEmail &email, const SyncError &error);
    void finish(std::optional<SyncError> error = std::nullopt);
    bool stopped() const { return m_finished || m_cancelled; }

    SyncJob m_job;
    Store &m_store;
    ByteStreamFactory m_streams;
    SendRetryPolicy m_policy;
    std::optional<MailboxLogin> m_login;
    OutboxResult m_result;
    std::unique_ptr<Smtp::Session> m_smtp;
    std::unique_ptr<Imap::Session> m_imap;
    QString m_sentFolder;
    quint32 m_sentUidValidity = 0;
    bool m_sentReady = false;
    QList<OutgoingEmail> m_interrupted;
    QList<qint64> m_toSend; // ids: each email (and its message) is read only when its turn comes
    QList<qint64> m_toCopy; // ids, read one at a time as for m_toSend
    bool m_finished = false;
    bool m_cancelled = false;
};

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::OutboxResult)
