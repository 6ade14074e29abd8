// The store poller's bulk operations: enable, disable, resync or move many mailboxes in batches, with
// progress after each batch and a cancellation looked at between batches.

#include "diagnostics/alertmanager.h"
#include "logging/logger.h"
#include "logging/logpersister.h"
#include "storepoller.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

QString bulkKindVerb(BulkOperation::Kind kind)
{
    switch (kind) {
    case BulkOperation::Kind::Enable:
        return u"Enable"_s;
    case BulkOperation::Kind::Disable:
        return u"Disable"_s;
    case BulkOperation::Kind::Resync:
        return u"Resync"_s;
    case BulkOperation::Kind::MoveToProfile:
        return u"Move"_s;
    }
    return {};
}

Status StorePoller::applyToMailbox(const BulkOperation &operation, qint64 id, const QDateTime &now)
{
    switch (operation.kind) {
    case BulkOperation::Kind::Enable:
        if (Status set = m_store->setMailboxEnabled(id, true, u"admin"_s, now); !set) {
            return set;
        }
        return AlertManager::mailboxEnabled(*m_store, id, now);
    case BulkOperation::Kind::Disable:
        return m_store->setMailboxEnabled(id, false, u"admin"_s, now);
    case BulkOperation::Kind::Resync:
        return m_store->requestSync(id, u"console"_s, now);
    case BulkOperation::Kind::MoveToProfile:
        return m_store->moveMailboxToProfile(id, operation.profileId, now);
    }
    return {};
}

void StorePoller::runBulk(const BulkOperation &operation)
{
    BulkResult result;
    result.total = int(operation.mailboxIds.size());
    if (!m_store) {
        pollNow();
    }
    if (!m_store) {
        result.error = tr("the database cannot be opened");
        Q_EMIT bulkFinished(result);
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qsizetype start = 0; start < operation.mailboxIds.size(); start += operation.batchSize) {
        if (operation.cancelled->load()) {
            result.cancelled = true;
            break;
        }
        const QList<qint64> batch = operation.mailboxIds.mid(start, operation.batchSize);
        Status status = m_store->transaction([&]() -> Status {
            for (qint64 id : batch) {
                if (Status applied = applyToMailbox(operation, id, now); !applied) {
                    return applied;
                }
            }
            return {};
        });
        if (!status) {
            result.error = status.error().toString();
            break;
        }
        result.done += int(batch.size());
        Q_EMIT bulkProgress(result.done, result.total);
    }
    Log::info(u"console"_s, {},
              u"%1 of %2 mailbox(es): %3%4"_s.arg(result.done)
                  .arg(result.total)
                  .arg(bulkKindVerb(operation.kind).toLower())
                  .arg(result.cancelled         ? u" (cancelled)"_s
                       : result.error.isEmpty() ? QString()
                                                : u" (failed: "_s + result.error + u')'));
    LogPersister(*m_store).flush();
    m_dataVersion = -1; // our own write does not move data_version: read again now
    pollNow();
    Q_EMIT bulkFinished(result);
}

} // namespace SyncDesk
