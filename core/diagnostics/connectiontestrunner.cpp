#include "connectiontestrunner.h"

namespace SyncDesk {

ConnectionTestRunner::ConnectionTestRunner(const Mailbox &mailbox, const ServerProfile &profile,
                                           const ConnectionTestOptions &options, QObject *parent)
    : QObject(parent)
    , m_test(new ConnectionTest(mailbox, profile, options))
{
    m_thread.setObjectName(QStringLiteral("connection-test"));
    m_test->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_test, &QObject::deleteLater);
    connect(m_test, &ConnectionTest::stepStarted, this, &ConnectionTestRunner::stepStarted);
    connect(m_test, &ConnectionTest::stepFinished, this, &ConnectionTestRunner::stepFinished);
    connect(m_test, &ConnectionTest::finished, this, [this](const ConnectionTestReport &report) {
        m_running = false;
        Q_EMIT finished(report);
    });
}

ConnectionTestRunner::~ConnectionTestRunner()
{
    if (!m_thread.isRunning()) {
        delete m_test; // never started: its thread never ran an event
        return;
    }
    m_test->disconnect(this);
    if (m_running) {
        // Cancelled in its own thread, which ends right after (the test never blocks it).
        QMetaObject::invokeMethod(m_test, &ConnectionTest::cancel, Qt::QueuedConnection);
    }
    m_thread.quit();
    m_thread.wait(); // the test was deleted with the thread's end (deleteLater)
}

void ConnectionTestRunner::start()
{
    if (m_running || m_thread.isRunning()) {
        return;
    }
    m_running = true;
    m_thread.start();
    QMetaObject::invokeMethod(m_test, &ConnectionTest::start, Qt::QueuedConnection);
}

void ConnectionTestRunner::cancel()
{
    if (m_running) {
        QMetaObject::invokeMethod(m_test, &ConnectionTest::cancel, Qt::QueuedConnection);
    }
}

} // namespace SyncDesk
