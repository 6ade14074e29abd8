#pragma once

#include "logging/logrecord.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

namespace SyncDesk {

// What `syncdesk-node run` does for systemd (libsystemd): readiness and stopping (Type=notify), the watchdog
// while the scheduler's heartbeat is fresh, a one-line status for `systemctl status`, and log records sent to
// the journal with fields (MAILBOX, CATEGORY, ERROR_CLASS, HINT) when stderr is the journal. Outside systemd
// every call does nothing.
class SystemdService final : public QObject
{
    Q_OBJECT
public:
    explicit SystemdService(QObject *parent = nullptr);

    // The service manager listens (NOTIFY_SOCKET is set).
    static bool notifying();
    // stderr is connected to the journal (JOURNAL_STREAM names it), or SYNCDESK_LOG=journal says so.
    static bool stderrIsJournal();
    // The journal fields of a record, in the order they are sent: MESSAGE, PRIORITY, SYSLOG_IDENTIFIER, then
    // CATEGORY, MAILBOX, ERROR_CLASS and HINT when the record has them (no field with an empty value).
    static QList<QByteArray> journalFields(const LogRecord &record);
    static void sendToJournal(const LogRecord &record);

    void ready(const QString &status);
    void stopping();
    void setStatus(const QString &status);
    // Pings the watchdog at half its period while alive() holds; nothing when the unit has no WatchdogSec.
    void startWatchdog(std::function<bool()> alive);

private:
    QTimer m_watchdog;
    std::function<bool()> m_alive;
};

} // namespace SyncDesk
