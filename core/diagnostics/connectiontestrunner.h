#pragma once

#include "connectiontest.h"

#include <QObject>
#include <QThread>

namespace SyncDesk {

// Runs a ConnectionTest in a thread of its own, for a caller whose thread must never wait on the network (the
// console's window). Its signals arrive in the caller's thread. cancel() stops the test at once; destroying the
// runner cancels a test still running and returns without waiting for the server.
class ConnectionTestRunner final : public QObject
{
    Q_OBJECT
public:
    ConnectionTestRunner(const Mailbox &mailbox, const ServerProfile &profile, const ConnectionTestOptions &options,
                         QObject *parent = nullptr);
    ~ConnectionTestRunner() override;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void stepStarted(const SyncDesk::ConnectionStep &step);
    void stepFinished(const SyncDesk::ConnectionStep &step);
    void finished(const SyncDesk::ConnectionTestReport &report);

private:
    QThread m_thread;
    ConnectionTest *m_test = nullptr; // lives in m_thread
    bool m_running = false;
};

} // namespace SyncDesk
