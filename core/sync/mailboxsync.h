#pragma once

#include "itemfailures.h"
#include "oauth/mailboxlogin.h"
#include "protocol/bytestream.h"
#include "syncjob.h"
#include "syncoutcome.h"
#include "tracking/synctracker.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>
#include <optional>

namespace SyncDesk {

class Store;

// One sync run of one mailbox: connect, log in, fetch what is new, decode, store, report. Lives in a
// worker thread and is driven by its event loop; emits finished() exactly once.
// Subclassed per incoming protocol.
class MailboxSync : public QObject
{
    Q_OBJECT
public:
    static std::unique_ptr<MailboxSync> create(const SyncJob &job, Store &store, const ByteStreamFactory &streams);

    ~MailboxSync() override = default;

    virtual void start() = 0;
    // Stops as soon as possible; what was committed stays, the batch in progress is not written.
    virtual void cancel() = 0;

    const SyncJob &job() const { return m_job; }

Q_SIGNALS:
    void finished(const SyncDesk::SyncOutcome &outcome);

protected:
    MailboxSync(const SyncJob &job, Store &store, const ByteStreamFactory &streams);

    // Emits finished() once; later calls are ignored.
    void finish(std::optional<SyncError> error = std::nullopt);
    // What every protocol does first: the tracker with the owner's permissions, the password, and the
    // mailbox's item failures (those marked for retry are fetched again). On an error the run has finished
    // with it and nullopt comes back.
    std::optional<ItemFailureList> prepareRun();
    // TLS settings of the incoming endpoint.
    TlsSettings incomingTls() const;
    // Whether the run has reached its time limit (SyncTuning::maxRunMs); checked between batches, and
    // only once the run has fetched something, so that every run makes progress. The first time it says
    // so, it notes it in the outcome.
    // answered: messages were fetched that are not counted yet (an IMAP batch waiting for its decode).
    bool runTimeUp(bool answered = false);
    // The largest message kept (the profile's max_message_bytes within the response budget).
    qint64 messageLimit() const { return m_job.tuning.messageLimit(m_job.profile); }

    bool m_timeUp = false; // runTimeUp() said so: nothing more is fetched

    std::unique_ptr<SyncTracker> m_tracker;
    std::unique_ptr<ItemFailures> m_failures;
    // How the incoming session logs in (the password is read in prepareRun, wiped once used).
    std::optional<MailboxLogin> m_login;

    SyncJob m_job;
    Store &m_store;
    ByteStreamFactory m_streams;
    SyncOutcome m_outcome;
    bool m_finished = false;
    QElapsedTimer m_runClock; // since the run was created
};

} // namespace SyncDesk
