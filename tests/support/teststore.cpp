#include "teststore.h"

#include "postgresserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <memory>

namespace SyncDesk::Testing::TestStore {

using namespace Qt::StringLiterals;

namespace {

QMutex s_mutex;
std::unique_ptr<PostgresServer> s_server;
QString s_startError;
int s_databases = 0;

void stopServer()
{
    QMutexLocker locker(&s_mutex);
    s_server.reset();
}

PostgresServer *server(QString *why)
{
    if (!s_server && s_startError.isEmpty()) {
        if (!PostgresServer::isAvailable(&s_startError)) {
            if (why) {
                *why = s_startError;
            }
            return nullptr;
        }
        auto started = std::make_unique<PostgresServer>();
        if (!started->start(&s_startError)) {
            if (why) {
                *why = s_startError;
            }
            return nullptr;
        }
        s_server = std::move(started);
        qAddPostRoutine(stopServer);
    }
    if (!s_server && why) {
        *why = s_startError;
    }
    return s_server.get();
}

} // namespace

bool isPostgres()
{
    return qEnvironmentVariable("SYNCDESK_TEST_BACKEND").compare(u"postgresql"_s, Qt::CaseInsensitive) == 0;
}

QString backendName()
{
    return isPostgres() ? u"PostgreSQL"_s : u"SQLite"_s;
}

std::optional<StoreConfig> config(const QString &directory, const QString &name, QString *why)
{
    if (!isPostgres()) {
        return StoreConfig::sqlite(QDir(directory).filePath(name));
    }
    return postgresConfig(name, why);
}

std::optional<StoreConfig> postgresConfig(const QString &name, QString *why)
{
    QMutexLocker locker(&s_mutex);
    PostgresServer *cluster = server(why);
    if (!cluster) {
        return std::nullopt;
    }
    QString base = name.section(u'.', 0, 0).toLower();
    for (QChar &c : base) {
        if (!c.isLetterOrNumber() || c.unicode() > 127) {
            c = u'_';
        }
    }
    const QString database = u"t%1_%2"_s.arg(++s_databases).arg(base.left(40));
    QString error;
    if (!cluster->createDatabase(database, &error)) {
        if (why) {
            *why = error;
        }
        return std::nullopt;
    }
    auto parsed = StoreConfig::fromLocation(cluster->url(database));
    if (!parsed) {
        if (why) {
            *why = parsed.error().message;
        }
        return std::nullopt;
    }
    return *parsed;
}

QSqlDatabase rawConnection(const StoreConfig &config, const QString &name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(config.isPostgres() ? u"QPSQL"_s : u"QSQLITE"_s, name);
    if (config.isPostgres()) {
        db.setHostName(config.host);
        db.setPort(config.port);
        db.setUserName(config.user);
        db.setDatabaseName(config.database);
    } else {
        db.setDatabaseName(config.sqlitePath);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s); // engines write meanwhile: wait, as sqlite3 would
    }
    db.open();
    return db;
}

QList<QStringList> rawSql(const StoreConfig &config, const QString &sql, QString *error)
{
    static QAtomicInt counter;
    const QString connection = u"teststore-raw-%1"_s.arg(counter.fetchAndAddRelaxed(1));
    QList<QStringList> rows;
    {
        QSqlDatabase db = rawConnection(config, connection);
        if (!db.isOpen()) {
            if (error) {
                *error = db.lastError().text();
            }
        } else {
            QSqlQuery query(db);
            if (!config.isPostgres()) {
                query.exec(u"PRAGMA foreign_keys=ON"_s);
            }
            if (!query.exec(sql)) {
                if (error) {
                    *error = query.lastError().text();
                }
            } else {
                while (query.next()) {
                    QStringList row;
                    for (int i = 0; i < query.record().count(); ++i) {
                        row.append(query.value(i).toString());
                    }
                    rows.append(row);
                }
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return rows;
}

QString location(const StoreConfig &config)
{
    return config.isPostgres() ? config.describe() : config.sqlitePath;
}

} // namespace SyncDesk::Testing::TestStore
