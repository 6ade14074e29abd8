#pragma once

#include "diagnostics/syncerror.h"
#include "logging/logrecord.h"
#include "model/mailboxstatus.h"
#include "model/nodestatus.h"
#include "storeconfig.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

namespace SyncDesk {

class Store;

// Watches a store for a monitor (the console): reads mailbox statuses when another connection
// committed something (SQLite's data_version), and the log records added since the last look. Lives
// in a thread of its own so that the reader never waits on the disk. It works the same whether the
// engine runs in this process or in a syncdesk-node elsewhere.
class StorePoller final : public QObject
{
    Q_OBJECT
public:
    explicit StorePoller(const StoreConfig &config, int intervalMs = 1000, int initialLogRecords = 1000);
    ~StorePoller() override;

    // All of these run in the poller's thread (call them through QMetaObject::invokeMethod).
    void start();
    void stop();
    void pollNow();
    // Asks whichever engine runs on this store to sync these mailboxes now.
    void requestSync(const QList<qint64> &mailboxIds, const QString &reason);
    // Enables (resetting failure counters, closing their disabled alerts) or disables mailboxes, as an operator.
    void setMailboxesEnabled(const QList<qint64> &mailboxIds, bool enabled);

Q_SIGNALS:
    void statusesChanged(const SyncDesk::MailboxStatusList &statuses);
    void logRecordsAdded(const QList<SyncDesk::LogRecord> &records);
    // The engines running on the store (alive or not) and the overdue grace period in seconds.
    void enginesChanged(const QList<SyncDesk::NodeStatus> &nodes, int overdueGraceSeconds);
    void failed(const SyncDesk::SyncError &error);

private:
    StoreConfig m_config;
    int m_initialLogRecords;
    std::unique_ptr<Store> m_store;
    QTimer m_timer{this}; // a child, so that moveToThread() moves it too
    qint64 m_dataVersion = -1;
    qint64 m_lastLogId = -1;
    bool m_reportedFailure = false;
};

} // namespace SyncDesk
