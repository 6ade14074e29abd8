#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace SyncDesk::Testing {

// A private session D-Bus with an unlocked GNOME Keyring on it (the Secret Service QtKeychain talks to), in a
// temporary folder of its own: the keychain a desktop session would have, without touching the user's. start()
// sets DBUS_SESSION_BUS_ADDRESS in this process (before anything used D-Bus), so that this process and the
// programs it starts use it; the destructor stops both daemons.
class SecretService final
{
public:
    SecretService();
    ~SecretService();
    SecretService(const SecretService &) = delete;
    SecretService &operator=(const SecretService &) = delete;

    // Whether dbus-daemon and gnome-keyring-daemon are installed.
    static bool isAvailable();
    bool start(QString *error = nullptr);
    void stop();
    QString busAddress() const { return m_address; }

private:
    QTemporaryDir m_dir;
    QProcess m_bus;
    qint64 m_keyringPid = 0;
    QString m_address;
};

} // namespace SyncDesk::Testing
