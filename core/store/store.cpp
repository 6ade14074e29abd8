// Store: opening the database, migrations, running statements, classifying errors, transactions. The
// rows of each concern are in storemailboxes.cpp, storeschedule.cpp, storeactivities.cpp and storehistory.cpp.

#include "store.h"

#include "config/privatefiles.h"
#include "ledgerstore.h"
#include "schemamigration.h"
#include "storerows.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSysInfo>

#include <algorithm>

namespace SyncDesk {

using namespace Qt::StringLiterals;
using namespace StoreRows;

namespace {

QAtomicInteger<quint64> s_connectionCounter;

} // namespace

Store::Store(const StoreConfig &config)
    : m_config(config)
    , m_connectionName(u"syncdesk-store-"_s + QString::number(++s_connectionCounter))
{}

Store::~Store()
{
    m_cachedQueries.clear(); // before the connection goes
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen()) {
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Store>> Store::open(const StoreConfig &config)
{
    return openAtVersion(config, latestSchemaVersion());
}

Result<std::unique_ptr<Store>> Store::openAtVersion(const StoreConfig &config, int version)
{
    std::unique_ptr<Store> store(new Store(config));
    if (Status opened = store->openConnection(); !opened) {
        return opened.error();
    }
    if (Status migrated = store->migrate(version); !migrated) {
        return migrated.error();
    }
    return store;
}

Status Store::openConnection()
{
    if (m_config.sqlitePath.isEmpty()) {
        return SyncError::make(ErrorClass::Config, u"store-error"_s, u"no database path given"_s);
    }
    const QFileInfo info(m_config.sqlitePath);
    // A new database is created 0600 in folders created 0700: SQLite gives its -wal and -shm files the
    // database's mode, so mail and the log are never readable by others, whatever the umask.
    if (!info.exists()) {
        if (Status created = PrivateFiles::createFile(m_config.sqlitePath); !created) {
            return SyncError::make(ErrorClass::Store, u"store-readonly"_s, created.error().message);
        }
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    if (!db.isValid()) {
        return SyncError::make(ErrorClass::Store, u"store-error"_s,
                               u"the Qt SQLite driver (QSQLITE) is not installed"_s);
    }
    db.setDatabaseName(m_config.sqlitePath);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(m_config.busyTimeoutMs));
    if (!db.open()) {
        return errorFrom(db.lastError(), u"open database %1"_s.arg(m_config.sqlitePath));
    }
    // WAL lets readers (the console) work while a writer commits; NORMAL is durable across crashes
    // of the process, and still consistent after a power loss.
    for (const QString &pragma :
         {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s, u"PRAGMA foreign_keys=ON"_s}) {
        if (auto result = exec(pragma); !result) {
            return result.error();
        }
    }
    return {};
}

Status Store::migrate(int targetVersion)
{
    auto created = exec(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                        "description TEXT NOT NULL, applied_at INTEGER NOT NULL)"_s);
    if (!created) {
        return created.error();
    }
    for (const SchemaMigration &migration : schemaMigrations()) {
        if (migration.version > targetVersion) {
            break;
        }
        // Each step in its own write transaction; the version is checked again inside it, so two
        // processes opening a new file at the same time do not both apply a step.
        Status applied = transaction([&]() -> Status {
            auto current = schemaVersion();
            if (!current) {
                return current.error();
            }
            if (*current >= migration.version) {
                return {};
            }
            for (const QString &statement : migration.statements) {
                if (auto result = exec(statement); !result) {
                    return result.error();
                }
            }
            auto recorded = exec(u"INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)"_s,
                                 {migration.version, migration.description, QDateTime::currentMSecsSinceEpoch()});
            if (!recorded) {
                return recorded.error();
            }
            return {};
        });
        if (!applied) {
            SyncError error = applied.error();
            error.message = u"schema migration to version %1 failed: %2"_s.arg(migration.version).arg(error.message);
            return error;
        }
    }
    auto current = schemaVersion();
    if (!current) {
        return current.error();
    }
    if (*current > latestSchemaVersion()) {
        return SyncError::make(ErrorClass::Store, u"store-error"_s,
                               u"the database %1 has schema version %2, newer than this SyncDesk knows (%3); "
                               "use a newer SyncDesk"_s.arg(m_config.sqlitePath)
                                   .arg(*current)
                                   .arg(latestSchemaVersion()));
    }
    return {};
}

Result<int> Store::schemaVersion()
{
    auto query = exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_version"_s);
    if (!query) {
        return query.error();
    }
    return query->next() ? query->value(0).toInt() : 0;
}

Result<qint64> Store::dataVersion()
{
    auto query = exec(u"PRAGMA data_version"_s);
    if (!query) {
        return query.error();
    }
    return query->next() ? query->value(0).toLongLong() : qint64(0);
}

Result<QSqlQuery> Store::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        return errorFrom(query, u"prepare"_s);
    }
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // A null QString binds as SQL NULL; only an explicitly null QVariant should.
        if (value.typeId() == QMetaType::QString && !value.isNull() && value.toString().isNull()) {
            query.bindValue(int(i), QStringLiteral(""));
        } else {
            query.bindValue(int(i), value);
        }
    }
    if (!query.exec()) {
        return errorFrom(query, u"execute"_s);
    }
    return query;
}

Result<QSqlQuery *> Store::execCached(const QString &sql, const QVariantList &values)
{
    auto it = m_cachedQueries.find(sql);
    if (it == m_cachedQueries.end()) {
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        query.setForwardOnly(true);
        if (!query.prepare(sql)) {
            return errorFrom(query, u"prepare"_s);
        }
        it = m_cachedQueries.insert(sql, query);
    }
    QSqlQuery &query = it.value();
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        if (value.typeId() == QMetaType::QString && !value.isNull() && value.toString().isNull()) {
            query.bindValue(int(i), QStringLiteral(""));
        } else {
            query.bindValue(int(i), value);
        }
    }
    if (!query.exec()) {
        SyncError error = errorFrom(query, u"execute"_s);
        m_cachedQueries.erase(it);
        return error;
    }
    return &query;
}

SyncError Store::errorFrom(const QSqlQuery &query, const QString &what) const
{
    return errorFrom(query.lastError(), what + u": "_s + query.lastQuery().simplified().left(120));
}

SyncError Store::errorFrom(const QSqlError &error, const QString &what) const
{
    // SQLite result codes: the primary code is the low byte of the extended one.
    const int code = error.nativeErrorCode().toInt() & 0xff;
    QString hint = u"store-error"_s;
    QString message = u"database error"_s;
    switch (code) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        hint = u"store-locked"_s;
        message = u"the database is locked by another process"_s;
        break;
    case 8: // SQLITE_READONLY
        hint = u"store-readonly"_s;
        message = u"the database is read-only"_s;
        break;
    case 13: // SQLITE_FULL
        hint = u"store-full"_s;
        message = u"the database's disk is full"_s;
        break;
    case 14: // SQLITE_CANTOPEN
        hint = u"store-readonly"_s;
        message = u"the database file cannot be opened"_s;
        break;
    case 3:  // SQLITE_PERM
    case 23: // SQLITE_AUTH
        hint = u"store-readonly"_s;
        message = u"the database refused access"_s;
        break;
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        message = u"the database file is damaged or is not a SyncDesk database"_s;
        break;
    case 10: // SQLITE_IOERR
        message = u"the disk holding the database reported an I/O error"_s;
        break;
    case 18:                       // SQLITE_TOOBIG
        hint = u"message-store"_s; // about the rows written, not the store: ItemFailures::isItemSpecific
        message = u"a value is too large for the database"_s;
        break;
    case 19: // SQLITE_CONSTRAINT
    case 20: // SQLITE_MISMATCH
        hint = u"message-store"_s;
        message = u"the database refused a row (a constraint or a trigger)"_s;
        break;
    default:
        break;
    }
    SyncError result = SyncError::make(ErrorClass::Store, hint, message + u" (" + m_config.sqlitePath + u')',
                                       what + u": "_s + error.text());
    result.stage = ErrorStage::Store;
    return result;
}

Status Store::probeWrite()
{
    if (Status written = transaction([this]() -> Status {
            auto inserted = exec(u"INSERT INTO store_probe (data) VALUES (zeroblob(262144))"_s);
            return inserted ? Status{} : Status(inserted.error());
        });
        !written) {
        return written;
    }
    auto removed = exec(u"DELETE FROM store_probe"_s);
    return removed ? Status{} : Status(removed.error());
}

Status Store::transaction(const std::function<Status()> &body)
{
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        Status status = body();
        --m_transactionDepth;
        return status;
    }
    // IMMEDIATE takes the write lock up front (waiting up to the busy timeout) so that a transaction
    // never fails half-way because another connection wrote first.
    if (auto begun = exec(u"BEGIN IMMEDIATE"_s); !begun) {
        return begun.error();
    }
    ++m_transactionDepth;
    Status status = body();
    --m_transactionDepth;
    if (status) {
        if (auto committed = exec(u"COMMIT"_s); !committed) {
            (void)exec(u"ROLLBACK"_s);
            return committed.error();
        }
        return {};
    }
    (void)exec(u"ROLLBACK"_s);
    return status;
}

} // namespace SyncDesk
