#include "syncworker.h"

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

void SyncWorker::startJob(const SyncJob &job)
{
    SyncOutcome refused;
    refused.mailboxId = job.mailbox.id;
    refused.address = job.mailbox.address;
    refused.trigger = job.trigger;
    refused.startedAt = refused.finishedAt = QDateTime::currentDateTimeUtc();
    if (m_active.contains(job.mailbox.id)) {
        refused.error = SyncError::make(ErrorClass::Internal, u"internal-error"_s,
                                        tr("the mailbox is already being synced by this worker"));
        Q_EMIT jobFinished(refused);
        return;
    }
    if (!m_store) {
        auto opened = Store::open(m_storeConfig);
        if (!opened) {
            refused.error = opened.error();
            Q_EMIT jobFinished(refused);
            return;
        }
        m_store = std::move(opened).value();
    }
    if (job.leaseEpoch > 0) {
        m_store->setLeaseFence(job.mailbox.id, job.leaseNode, job.leaseEpoch);
    }
    std::unique_ptr<MailboxSync> sync = MailboxSync::create(job, *m_store, m_streams);
    MailboxSync *raw = sync.release();
    raw->setParent(this);
    m_active.insert(job.mailbox.id, raw);
    connect(raw, &MailboxSync::finished, this, [this, raw](const SyncOutcome &outcome) { onFinished(raw, outcome); });
    raw->start();
}

void SyncWorker::onFinished(MailboxSync *sync, const SyncOutcome &outcome)
{
    m_active.remove(outcome.mailboxId);
    if (m_store) {
        m_store->clearLeaseFence(outcome.mailboxId);
    }
    sync->disconnect(this);
    sync->deleteLater();
    Q_EMIT jobFinished(outcome);
}

void SyncWorker::cancel(qint64 mailboxId)
{
    if (MailboxSync *sync = m_active.value(mailboxId)) {
        sync->cancel();
    }
}

void SyncWorker::cancelAll()
{
    const QList<MailboxSync *> active = m_active.values();
    for (MailboxSync *sync : active) {
        sync->cancel();
    }
}

void SyncWorker::shutdown()
{
    cancelAll();
    qDeleteAll(m_active);
    m_active.clear();
    m_store.reset();
}

} // namespace SyncDesk
