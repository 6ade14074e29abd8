#include "secretservice.h"

#include <QDir>
#include <QStandardPaths>

#include <csignal>

namespace SyncDesk::Testing {

using namespace Qt::StringLiterals;

SecretService::SecretService() = default;

SecretService::~SecretService()
{
    stop();
}

bool SecretService::isAvailable()
{
    return !QStandardPaths::findExecutable(u"dbus-daemon"_s).isEmpty() &&
           !QStandardPaths::findExecutable(u"gnome-keyring-daemon"_s).isEmpty();
}

bool SecretService::start(QString *error)
{
    auto fail = [error](const QString &message) {
        if (error) {
            *error = message;
        }
        return false;
    };
    if (!isAvailable()) {
        return fail(u"dbus-daemon or gnome-keyring-daemon is not installed"_s);
    }
    if (!m_dir.isValid()) {
        return fail(u"no temporary folder"_s);
    }
    const QString home = m_dir.filePath(u"home"_s);
    const QString runtime = m_dir.filePath(u"run"_s);
    QDir().mkpath(home + u"/.local/share"_s);
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    // The bus prints its address on the first line of its output and keeps running in the foreground.
    m_bus.start(u"dbus-daemon"_s, {u"--session"_s, u"--nofork"_s, u"--print-address=1"_s});
    if (!m_bus.waitForStarted(10000) || !m_bus.waitForReadyRead(10000)) {
        return fail(u"dbus-daemon did not start: "_s + m_bus.errorString());
    }
    m_address = QString::fromUtf8(m_bus.readLine()).trimmed();
    if (m_address.isEmpty()) {
        return fail(u"dbus-daemon printed no address"_s);
    }

    // gnome-keyring-daemon --unlock reads the new login keyring's password from its standard input, creates
    // and unlocks it, and forks into the background (printing its environment), staying on our bus.
    QProcess keyring;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, m_address);
    environment.insert(u"HOME"_s, home);
    environment.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
    environment.insert(u"XDG_RUNTIME_DIR"_s, runtime);
    keyring.setProcessEnvironment(environment);
    keyring.start(u"gnome-keyring-daemon"_s, {u"--unlock"_s, u"--components=secrets"_s});
    if (!keyring.waitForStarted(10000)) {
        return fail(u"gnome-keyring-daemon did not start: "_s + keyring.errorString());
    }
    keyring.write("syncdesk-test-keyring");
    keyring.closeWriteChannel();
    if (!keyring.waitForFinished(15000) || keyring.exitCode() != 0) {
        return fail(u"gnome-keyring-daemon --unlock failed: "_s + QString::fromUtf8(keyring.readAllStandardError()));
    }
    const QString output = QString::fromUtf8(keyring.readAllStandardOutput());
    for (const QString &line : output.split(u'\n')) {
        if (line.startsWith(u"GNOME_KEYRING_PID="_s)) {
            m_keyringPid = line.mid(18).toLongLong();
        }
    }
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
    return true;
}

void SecretService::stop()
{
    if (m_keyringPid > 0) {
        ::kill(pid_t(m_keyringPid), SIGTERM);
        m_keyringPid = 0;
    }
    if (m_bus.state() != QProcess::NotRunning) {
        m_bus.terminate();
        if (!m_bus.waitForFinished(5000)) {
            m_bus.kill();
            m_bus.waitForFinished(5000);
        }
    }
}

} // namespace SyncDesk::Testing
