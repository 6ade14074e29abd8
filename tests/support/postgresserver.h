#pragma once

#include <QProcess>
#include <QString>

namespace SyncDesk::Testing {

// A private PostgreSQL 15 cluster for tests and benchmarks: initdb in a directory of its own under /tmp, a
// free loopback port, trust authentication for loopback only, fsync off. PostgreSQL refuses to run as root
// (and CI runs as root), so as root the cluster belongs to and runs as "nobody". Started and stopped by its
// owner; the cluster and its directory are gone when it is destroyed.
class PostgresServer final
{
public:
    PostgresServer();
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    // Whether PostgreSQL 15 and Qt's QPSQL driver are installed (scripts/test.sh installs both).
    static bool isAvailable(QString *why = nullptr);

    // initdb, start, and wait until it takes connections; false with the reason on failure.
    bool start(QString *error = nullptr);
    void stop();
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    qint64 processId() const { return m_process.processId(); } // the postmaster

    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 port() const { return m_port; }
    QString user() const { return QStringLiteral("syncdesk"); }
    // A new, empty database; false with the reason when it cannot be created.
    bool createDatabase(const QString &name, QString *error = nullptr);
    // postgresql://syncdesk@127.0.0.1:PORT/NAME
    QString url(const QString &database) const;

private:
    bool runAsOwner(const QString &program, const QStringList &arguments, QString *output);
    bool waitUntilReady(QString *error);

    QString m_directory;
    quint16 m_port = 0;
    QProcess m_process;
};

} // namespace SyncDesk::Testing
