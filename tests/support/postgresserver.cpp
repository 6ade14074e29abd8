#include "postgresserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QUuid>

#include <csignal>
#include <pwd.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace SyncDesk::Testing {

using namespace Qt::StringLiterals;

namespace {

const QString kBin = u"/usr/lib/postgresql/15/bin/"_s;

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : quint16(0);
}

bool asRoot()
{
    return ::geteuid() == 0;
}

} // namespace

PostgresServer::PostgresServer()
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

PostgresServer::~PostgresServer()
{
    stop();
    if (!m_directory.isEmpty()) {
        QDir(m_directory).removeRecursively();
    }
}

bool PostgresServer::isAvailable(QString *why)
{
    if (!QFile::exists(kBin + u"initdb"_s) || !QFile::exists(kBin + u"postgres"_s)) {
        if (why) {
            *why = u"PostgreSQL 15 is not installed (Debian's postgresql-15)"_s;
        }
        return false;
    }
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
        if (why) {
            *why = u"Qt's QPSQL driver is not installed (Debian's libqt6sql6-psql)"_s;
        }
        return false;
    }
    return true;
}

bool PostgresServer::runAsOwner(const QString &program, const QStringList &arguments, QString *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_directory);
    if (asRoot()) {
        process.start(u"setpriv"_s,
                      QStringList{u"--reuid=nobody"_s, u"--regid=nogroup"_s, u"--clear-groups"_s, u"--"_s, program} +
                          arguments);
    } else {
        process.start(program, arguments);
    }
    const bool finished = process.waitForFinished(120000);
    if (output) {
        *output = QString::fromLocal8Bit(process.readAll());
    }
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool PostgresServer::start(QString *error)
{
    auto fail = [error](const QString &why) {
        if (error) {
            *error = why;
        }
        return false;
    };
    QString why;
    if (!isAvailable(&why)) {
        return fail(why);
    }
    m_directory = QDir::tempPath() + u"/syncdesk-postgres-"_s + QUuid::createUuid().toString(QUuid::Id128);
    if (!QDir().mkpath(m_directory + u"/socket"_s)) {
        return fail(u"cannot create "_s + m_directory);
    }
    if (asRoot()) {
        const passwd *nobody = ::getpwnam("nobody");
        if (!nobody) {
            return fail(u"running as root, but there is no user \"nobody\" to run PostgreSQL as"_s);
        }
        for (const QString &path : QStringList{m_directory, m_directory + u"/socket"_s}) {
            if (::chown(QFile::encodeName(path).constData(), nobody->pw_uid, nobody->pw_gid) != 0) {
                return fail(u"cannot give %1 to nobody"_s.arg(path));
            }
        }
    }
    QString output;
    if (!runAsOwner(kBin + u"initdb"_s,
                    {u"-D"_s, m_directory + u"/data"_s, u"-U"_s, user(), u"--auth=trust"_s, u"-E"_s, u"UTF8"_s,
                     u"--locale=C"_s, u"--no-sync"_s},
                    &output)) {
        return fail(u"initdb failed: "_s + output.right(2000));
    }
    m_port = freePort();
    const QStringList arguments{
        u"-D"_s, m_directory + u"/data"_s,        u"-p"_s, QString::number(m_port), u"-k"_s, m_directory + u"/socket"_s,
        u"-c"_s, u"listen_addresses=127.0.0.1"_s, u"-c"_s, u"fsync=off"_s,          u"-c"_s, u"full_page_writes=off"_s,
        u"-c"_s, u"synchronous_commit=off"_s};
    m_process.setWorkingDirectory(m_directory);
    // A test that crashes or is killed takes its cluster with it (SIGINT: a fast shutdown). Changing the
    // user clears the parent-death signal, so as root setpriv sets it again after the change.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGINT); });
    if (asRoot()) {
        m_process.start(u"setpriv"_s, QStringList{u"--reuid=nobody"_s, u"--regid=nogroup"_s, u"--clear-groups"_s,
                                                  u"--pdeathsig=INT"_s, u"--"_s, kBin + u"postgres"_s} +
                                          arguments);
    } else {
        m_process.start(kBin + u"postgres"_s, arguments);
    }
    if (!m_process.waitForStarted(10000)) {
        return fail(u"postgres did not start: "_s + m_process.errorString());
    }
    return waitUntilReady(error);
}

bool PostgresServer::waitUntilReady(QString *error)
{
    const QDeadlineTimer deadline(30000);
    const QString connection = u"syncdesk-postgres-ready-"_s + QString::number(m_port);
    bool ready = false;
    QString last;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
        db.setHostName(host());
        db.setPort(m_port);
        db.setUserName(user());
        db.setDatabaseName(u"postgres"_s);
        db.setConnectOptions(u"connect_timeout=2"_s);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            if (db.open()) {
                ready = true;
                db.close();
                break;
            }
            last = db.lastError().text();
            m_process.waitForReadyRead(100); // notices an early exit, and gives the server time to start
        }
    }
    QSqlDatabase::removeDatabase(connection);
    if (!ready && error) {
        *error = u"PostgreSQL did not take connections on port %1: %2 %3"_s.arg(m_port).arg(
            last, QString::fromLocal8Bit(m_process.readAll()).right(2000));
    }
    return ready;
}

bool PostgresServer::createDatabase(const QString &name, QString *error)
{
    const QString connection = u"syncdesk-postgres-admin-"_s + QString::number(m_port);
    bool created = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
        db.setHostName(host());
        db.setPort(m_port);
        db.setUserName(user());
        db.setDatabaseName(u"postgres"_s);
        if (db.open()) {
            QSqlQuery query(db);
            created = query.exec(u"CREATE DATABASE \"%1\""_s.arg(name));
            if (!created && error) {
                *error = query.lastError().text();
            }
            db.close();
        } else if (error) {
            *error = db.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return created;
}

QString PostgresServer::url(const QString &database) const
{
    return u"postgresql://%1@%2:%3/%4"_s.arg(user(), host()).arg(m_port).arg(database);
}

void PostgresServer::stop()
{
    if (m_process.state() == QProcess::NotRunning) {
        return;
    }
    // SIGINT: PostgreSQL's fast shutdown (SIGTERM would wait for every client to leave).
    ::kill(pid_t(m_process.processId()), SIGINT);
    if (!m_process.waitForFinished(20000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

} // namespace SyncDesk::Testing
