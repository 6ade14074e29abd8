#include "syncworker.h"

#include "act/actsync.h"
#include "logging/logger.h"
#include "outgoing/outboxrun.h"
#include "store/store.h"
#include "sync/mailboxsync.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

SyncWorker::SyncWorker(const StoreConfig &storeConfig, ByteStreamFactory streams)
    : m_storeConfig(storeConfig)
    , m_streams(std::move(streams))
{}

SyncWorker::~SyncWorker()
{
    shutdown();
}

Status SyncWorker::openStore()
{
    if (m_store) {
        return {};
    }
    auto opened = Store::open(m_storeConfig);
    if (!opened) {
        return opened.error();
    }
    m_store = std::move(opened).value();
    return {};
}

void SyncWorker::startJob(const SyncJob &job)
{
    SyncOutcome refused;
    refused.mailboxId = job.mailbox.id;
    refused.address = job.mailbox.address;
    refused.trigger = job.trigger;
    refused.startedAt = refused.finishedAt = QDateTime::currentDateTimeUtc();
    if (m_active.contains(job.mailbox.id) || m_outboxes.contains(job.mailbox.id) || m_acts.contains(job.mailbox.id)) {
        refused.error = SyncError::make(ErrorClass::Internal, u"internal-error"_s,
                                        tr("the mailbox is already being synced by this worker"));
        Q_EMIT jobFinished(refused);
        return;
    }
    if (Status opened = openStore(); !opened) {
        refused.error = opened.error();
        Q_EMIT jobFinished(refused);
        return;
    }
    if (job.leaseEpoch > 0) {
        m_store->setLeaseFence(job.mailbox.id, job.leaseNode, job.leaseEpoch);
    }
    auto outgoing = OutboxRun::hasWork(*m_store, job);
    if (outgoing && *outgoing) {
        auto *run = new OutboxRun(job, *m_store, m_streams, this);
        m_outboxes.insert(job.mailbox.id, run);
        connect(run, &OutboxRun::finished, this,
                [this, job, run](const OutboxResult &result) { onOutboxFinished(job, run, result); });
        run->start();
        return;
    }
    startIncoming(job);
}

void SyncWorker::onOutboxFinished(const SyncJob &job, OutboxRun *run, const OutboxResult &result)
{
    m_outboxes.remove(job.mailbox.id);
    run->disconnect(this);
    run->deleteLater();
    SyncOutcome partial;
    partial.emailsSent = result.sent + result.recovered;
    partial.emailsFailed = result.failed;
    partial.emailsRetrying = result.retrying;
    partial.outgoingError = result.error;
    partial.emailFailure = result.lastFailure;
    partial.notices = result.notices;
    if (result.resent > 0) {
        partial.notices.append(tr("%n email(s) interrupted by a stopped run and not found in Sent are sent again",
                                  nullptr, result.resent));
    }
    if (result.error && result.error->errorClass == ErrorClass::Cancelled) {
        partial.mailboxId = job.mailbox.id;
        partial.address = job.mailbox.address;
        partial.trigger = job.trigger;
        partial.startedAt = partial.finishedAt = QDateTime::currentDateTimeUtc();
        partial.error = result.error;
        if (m_store) {
            m_store->clearLeaseFence(job.mailbox.id);
        }
        Q_EMIT jobFinished(partial);
        return;
    }
    m_outgoingResults.insert(job.mailbox.id, partial);
    startIncoming(job);
}

void SyncWorker::startIncoming(const SyncJob &job)
{
    m_jobs.insert(job.mailbox.id, job);
    std::unique_ptr<MailboxSync> sync = MailboxSync::create(job, *m_store, m_streams);
    MailboxSync *raw = sync.release();
    raw->setParent(this);
    m_active.insert(job.mailbox.id, raw);
    connect(raw, &MailboxSync::finished, this, [this, raw](const SyncOutcome &outcome) { onFinished(raw, outcome); });
    raw->start();
}

void SyncWorker::onFinished(MailboxSync *sync, const SyncOutcome &incoming)
{
    m_active.remove(incoming.mailboxId);
    if (m_store) {
        m_store->clearLeaseFence(incoming.mailboxId);
    }
    sync->disconnect(this);
    sync->deleteLater();
    SyncOutcome outcome = incoming;
    if (const auto outgoing = m_outgoingResults.take(incoming.mailboxId);
        outgoing.outgoingError || outgoing.emailsSent || outgoing.emailsFailed || outgoing.emailsRetrying ||
        !outgoing.notices.isEmpty()) {
        outcome.emailsSent = outgoing.emailsSent;
        outcome.emailsFailed = outgoing.emailsFailed;
        outcome.emailsRetrying = outgoing.emailsRetrying;
        outcome.outgoingError = outgoing.outgoingError;
        outcome.emailFailure = outgoing.emailFailure;
        outcome.notices = outgoing.notices + outcome.notices;
    }
    const SyncJob job = m_jobs.take(incoming.mailboxId);
    if (job.mailbox.act && job.mailbox.act->syncsAnything() && job.profile.act && !job.audit && !outcome.cancelled()) {
        startAct(job, outcome);
        return;
    }
    Q_EMIT jobFinished(outcome);
}

void SyncWorker::startAct(const SyncJob &job, const SyncOutcome &outcome)
{
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    auto result = std::make_shared<ActResult>();
    QThread *thread = QThread::create([config = m_storeConfig, job, cancelled, result]() {
        auto store = Store::open(config);
        if (!store) {
            result->error = store.error();
            return;
        }
        if (job.leaseEpoch > 0) {
            (*store)->setLeaseFence(job.mailbox.id, job.leaseNode, job.leaseEpoch);
        }
        ActSync sync(**store, job.mailbox, job.profile, job.tuning.commandTimeoutMs, cancelled);
        sync.setTimeLimit(job.tuning.maxRunMs);
        *result = sync.run();
    });
    m_acts.insert(job.mailbox.id, {thread, cancelled});
    connect(thread, &QThread::finished, this, [this, thread, outcome, result, id = job.mailbox.id]() {
        m_acts.remove(id);
        thread->deleteLater();
        SyncOutcome merged = outcome;
        merged.actRan = true;
        merged.actToServer = result->toServer;
        merged.actFromServer = result->fromServer;
        merged.actConflicts = result->conflicts;
        merged.actRequests = result->requests;
        merged.actElapsedMs = result->elapsedMs;
        merged.actError = result->error;
        // Stopped at the time limit: the scheduler continues it soon, as for mail.
        merged.incomplete = merged.incomplete || result->incomplete;
        merged.notices += result->notices;
        merged.finishedAt = QDateTime::currentDateTimeUtc();
        const QString address = outcome.address;
        for (const QString &notice : std::as_const(result->notices)) {
            Log::info(u"act"_s, address, notice);
        }
        if (result->error) {
            Log::warning(u"act"_s, address,
                         u"appointments, contacts and tasks: %1 [hint: %2]"_s.arg(result->error->toString(),
                                                                                  result->error->hintId));
        } else {
            Log::info(u"act"_s, address,
                      u"appointments, contacts and tasks: %1 written to the server, %2 taken from it, %3 conflicts, "
                      "%4 requests in %5 ms"_s.arg(result->toServer)
                          .arg(result->fromServer)
                          .arg(result->conflicts)
                          .arg(result->requests)
                          .arg(result->elapsedMs));
        }
        Q_EMIT jobFinished(merged);
    });
    thread->start();
}

void SyncWorker::cancel(qint64 mailboxId)
{
    if (OutboxRun *run = m_outboxes.value(mailboxId)) {
        run->cancel();
    }
    if (MailboxSync *sync = m_active.value(mailboxId)) {
        sync->cancel();
    }
    if (const auto act = m_acts.constFind(mailboxId); act != m_acts.cend()) {
        *act->cancelled = true;
    }
}

void SyncWorker::cancelAll()
{
    const QList<OutboxRun *> outboxes = m_outboxes.values();
    for (OutboxRun *run : outboxes) {
        run->cancel();
    }
    const QList<MailboxSync *> active = m_active.values();
    for (MailboxSync *sync : active) {
        sync->cancel();
    }
    for (const ActThread &act : std::as_const(m_acts)) {
        *act.cancelled = true;
    }
}

void SyncWorker::shutdown()
{
    cancelAll();
    qDeleteAll(m_active);
    m_active.clear();
    qDeleteAll(m_outboxes);
    m_outboxes.clear();
    for (const ActThread &act : std::as_const(m_acts)) {
        act.thread->disconnect(this);
        act.thread->wait();
        delete act.thread;
    }
    m_acts.clear();
    m_jobs.clear();
    m_store.reset();
}

} // namespace SyncDesk
