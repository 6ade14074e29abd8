#include "storepoller.h"

#include "store.h"

#include <QJsonValue>

namespace SyncDesk {

using namespace Qt::StringLiterals;

StorePoller::StorePoller(const StoreConfig &config, int intervalMs, int initialLogRecords)
    : m_config(config)
    , m_initialLogRecords(initialLogRecords)
{
    qRegisterMetaType<SyncDesk::MailboxStatusList>();
    qRegisterMetaType<QList<SyncDesk::LogRecord>>();
    qRegisterMetaType<SyncDesk::SyncError>();
    qRegisterMetaType<QList<SyncDesk::NodeStatus>>();
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
        auto nodes = m_store->nodes();
        auto scheduler = m_store->setting(u"scheduler"_s);
        if (nodes && scheduler) {
            const QJsonValue grace = scheduler->value(u"overdue_grace_seconds"_s);
            Q_EMIT enginesChanged(*nodes, grace.isDouble() ? grace.toInt() : 60);
        }
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

void StorePoller::setMailboxesEnabled(const QList<qint64> &mailboxIds, bool enabled)
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
            if (Status set = m_store->setMailboxEnabled(id, enabled, u"admin"_s, now); !set) {
                return set;
            }
            if (enabled) {
                if (Status closed = m_store->closeAlerts(u"mailbox-disabled:%1"_s.arg(id), now); !closed) {
                    return closed;
                }
            }
        }
        return {};
    });
    if (!status) {
        Q_EMIT failed(status.error());
        return;
    }
    m_dataVersion = -1; // our own write does not move data_version: read again now
    pollNow();
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
