#include "systemdservice.h"

#include <QLibrary>

#include <cstdio>
#include <sys/stat.h>
#include <sys/uio.h>
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>
#include <unistd.h>
#include <vector>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

// libsystemd is opened when the service first needs it, not linked: every command of the node would
// otherwise load it (and what it loads: libgcrypt, liblz4, liblzma, libzstd, libcap) at start, a few
// milliseconds of each short command for what only `run` under systemd uses. Without the library
// (a system without systemd) every call does nothing, as outside systemd.
struct Systemd
{
    decltype(&::sd_notify) notify = nullptr;
    decltype(&::sd_journal_sendv) journalSendv = nullptr;
    decltype(&::sd_watchdog_enabled) watchdogEnabled = nullptr;
};

const Systemd &systemd()
{
    static const Systemd loaded = [] {
        Systemd functions;
        QLibrary library(u"systemd"_s, 0);
        if (!library.load()) {
            // Under systemd that means no readiness (a Type=notify unit would be stopped as never ready) and
            // no watchdog pings: said once on stderr, which the journal keeps even without libsystemd.
            if (!qEnvironmentVariableIsEmpty("NOTIFY_SOCKET")) {
                const QByteArray text = "syncdesk-node: " + library.errorString().toLocal8Bit() +
                                        ": readiness and the watchdog are not reported to systemd\n";
                std::fputs(text.constData(), stderr);
            }
            return functions;
        }
        functions.notify = reinterpret_cast<decltype(&::sd_notify)>(library.resolve("sd_notify"));
        functions.journalSendv = reinterpret_cast<decltype(&::sd_journal_sendv)>(library.resolve("sd_journal_sendv"));
        functions.watchdogEnabled =
            reinterpret_cast<decltype(&::sd_watchdog_enabled)>(library.resolve("sd_watchdog_enabled"));
        return functions; // the library stays loaded: QLibrary does not unload on destruction
    }();
    return loaded;
}

void notify(const char *state)
{
    if (auto *function = systemd().notify) {
        function(0, state);
    }
}

} // namespace

SystemdService::SystemdService(QObject *parent)
    : QObject(parent)
{
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        // A stalled scheduler (no heartbeat) stops the pings: systemd restarts the service.
        if (!m_alive || m_alive()) {
            notify("WATCHDOG=1");
        }
    });
}

bool SystemdService::notifying()
{
    return !qEnvironmentVariableIsEmpty("NOTIFY_SOCKET");
}

bool SystemdService::stderrIsJournal()
{
    if (!systemd().journalSendv) {
        return false; // without libsystemd the records go to stderr, which systemd passes to the journal anyway
    }
    const QByteArray forced = qgetenv("SYNCDESK_LOG");
    if (forced == "journal") {
        return true;
    }
    if (forced == "stderr") {
        return false;
    }
    // systemd.exec(5): JOURNAL_STREAM is "DEVICE:INODE" of the stream it connected; compare with stderr's own,
    // so that a child whose stderr was redirected elsewhere does not take the journal for granted.
    const QByteArray stream = qgetenv("JOURNAL_STREAM");
    const qsizetype colon = stream.indexOf(':');
    struct stat info = {};
    if (colon <= 0 || ::fstat(STDERR_FILENO, &info) != 0) {
        return false;
    }
    bool deviceOk = false;
    bool inodeOk = false;
    const qulonglong device = stream.left(colon).toULongLong(&deviceOk);
    const qulonglong inode = stream.mid(colon + 1).toULongLong(&inodeOk);
    return deviceOk && inodeOk && device == qulonglong(info.st_dev) && inode == qulonglong(info.st_ino);
}

QList<QByteArray> SystemdService::journalFields(const LogRecord &record)
{
    // syslog priorities (sd-journal(3), PRIORITY=): error 3, warning 4, info 6, debug 7.
    int priority = 6;
    switch (record.level) {
    case LogLevel::Debug:
        priority = 7;
        break;
    case LogLevel::Info:
        priority = 6;
        break;
    case LogLevel::Warning:
        priority = 4;
        break;
    case LogLevel::Error:
        priority = 3;
        break;
    }
    QList<QByteArray> fields{"MESSAGE=" + record.message.toUtf8(), "PRIORITY=" + QByteArray::number(priority),
                             "SYSLOG_IDENTIFIER=syncdesk-node"};
    const auto add = [&fields](const char *name, const QString &value) {
        if (!value.isEmpty()) {
            fields.append(QByteArray(name) + '=' + value.toUtf8());
        }
    };
    add("CATEGORY", record.category);
    add("MAILBOX", record.mailbox);
    add("ERROR_CLASS", record.errorClass);
    add("HINT", record.hintId);
    return fields;
}

void SystemdService::sendToJournal(const LogRecord &record)
{
    const QList<QByteArray> fields = journalFields(record);
    std::vector<iovec> vector;
    vector.reserve(std::size_t(fields.size()));
    for (const QByteArray &field : fields) {
        vector.push_back({const_cast<char *>(field.constData()), std::size_t(field.size())});
    }
    if (auto *send = systemd().journalSendv) {
        send(vector.data(), int(vector.size()));
    }
}

void SystemdService::ready(const QString &status)
{
    notify(QByteArray("READY=1\nSTATUS=" + status.toUtf8()).constData());
}

void SystemdService::stopping()
{
    m_watchdog.stop();
    notify("STOPPING=1\nSTATUS=finishing running syncs");
}

void SystemdService::setStatus(const QString &status)
{
    notify(QByteArray("STATUS=" + status.toUtf8()).constData());
}

void SystemdService::startWatchdog(std::function<bool()> alive)
{
    uint64_t usec = 0;
    auto *enabled = systemd().watchdogEnabled;
    if (!enabled || enabled(0, &usec) <= 0 || usec == 0) {
        return;
    }
    m_alive = std::move(alive);
    m_watchdog.start(int(std::max<uint64_t>(usec / 2000, 100)));
}

} // namespace SyncDesk
