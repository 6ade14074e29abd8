#include "storepoller.h"

#include "store.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

StorePoller::StorePoller(const StoreConfig &config, int intervalMs, int initialLogRecords)
    : m_config(config)
    , m_initialLogRecords(initialLogRecords)
{
    qRegisterMetaType<SyncDesk::MailboxStatusList>();
    qRegisterMetaType<QList<SyncDesk::LogRecord>>();
    qRegisterMetaType<SyncDesk::SyncError>();
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StorePoller::pollNow);
}

StorePoller::~StorePoller()
{
    stop();
}

void StorePoller::start()
{
    m_timer.start();
    pollNow();
}

void StorePoller::stop()
{
    m_timer.stop();
    m_store.reset();
}

void StorePoller::pollNow()
{
    if (!m_store) {
        auto opened = Store::open(m_config);
        if (!opened) {
            if (!m_reportedFailure) {
                m_reportedFailure = true;
                Q_EMIT failed(opened.error());
            }
            return;
        }
        m_store = std::move(opened).value();
        m_reportedFailure = false;
    }
    auto version = m_store->dataVersion();
    if (!version) {
        Q_EMIT failed(version.error());
        m_store.reset();
        return;
    }
    // data_version only moves when another connection commits; the first look always reads.
    if (*version != m_dataVersion || m_dataVersion < 0) {
        auto statuses = m_store->mailboxStatuses();
        if (!statuses) {
            Q_EMIT failed(statuses.error());
            return;
        }
        m_dataVersion = *version;
        Q_EMIT statusesChanged(*statuses);
    }
    if (m_lastLogId < 0) {
        auto last = m_store->lastLogId();
        if (!last) {
            Q_EMIT failed(last.error());
            return;
        }
        m_lastLogId = qMax<qint64>(0, *last - m_initialLogRecords);
    }
    while (true) {
        auto records = m_store->logRecordsAfter(m_lastLogId, 5000);
        if (!records) {
            Q_EMIT failed(records.error());
            return;
        }
        if (records->isEmpty()) {
            break;
        }
        m_lastLogId = records->constLast().id;
        Q_EMIT logRecordsAdded(*records);
        if (records->size() < 5000) {
            break;
        }
    }
}

void StorePoller::requestSync(const QList<qint64> &mailboxIds, const QString &reason)
{
    if (!m_store) {
        pollNow();
    }
    if (!m_store) {
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Status status = m_store->transaction([&]() -> Status {
        for (qint64 id : mailboxIds) {
            if (Status requested = m_store->requestSync(id, reason, now); !requested) {
                return requested;
            }
        }
        return {};
    });
    if (!status) {
        Q_EMIT failed(status.error());
    }
}

} // namespace SyncDesk
