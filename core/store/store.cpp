// Store: opening the database, migrations, running statements, classifying errors, transactions. The
// rows of each concern are in storemailboxes.cpp, storeschedule.cpp, storeactivities.cpp and storehistory.cpp.

#include "store.h"

#include "config/passwordsource.h"
#include "config/privatefiles.h"
#include "ledgerstore.h"
#include "schemamigration.h"
#include "sqldialect.h"
#include "sqlitestatements.h"
#include "storerows.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSysInfo>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <sqlite3.h>
#include <thread>

namespace SyncDesk {

using namespace Qt::StringLiterals;
using namespace StoreRows;

namespace {

QAtomicInteger<quint64> s_connectionCounter;

// Serializes schema changes of every process on a PostgreSQL database (pg_advisory_lock's key).
constexpr qint64 kMigrationLockKey = 0x53796e634465736b; // "SyncDesk"

// A PostgreSQL password named by the URL's password_source, read once per process: every worker thread
// opens a connection of its own, and a keychain is asked only once.
Result<QString> postgresPassword(const QString &source)
{
    static QMutex mutex;
    static QHash<QString, QString> cache;
    QMutexLocker locker(&mutex);
    if (auto it = cache.constFind(source); it != cache.cend()) {
        return *it;
    }
    auto password = PasswordSource::parse(source).resolve();
    if (password) {
        cache.insert(source, *password);
    }
    return password;
}

// The SQLite connection under Qt's driver; null for PostgreSQL or a closed connection.
sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    if (!db.isValid() || !db.driver()) {
        return nullptr;
    }
    const QVariant handle = db.driver()->handle();
    return qstrcmp(handle.typeName(), "sqlite3*") == 0 ? *static_cast<sqlite3 *const *>(handle.constData()) : nullptr;
}

} // namespace

Store::Store(const StoreConfig &config)
    : m_config(config)
    , m_connectionName(u"syncdesk-store-"_s + QString::number(++s_connectionCounter))
{}

Store::~Store()
{
    m_cachedQueries.clear(); // before the connection goes
    m_sqliteStatements.reset();
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
    return m_config.isPostgres() ? openPostgres() : openSqlite();
}

namespace {

// SQLite's busy handler for the store's connections. SQLite's own (sqlite3_busy_timeout) sleeps 1, 2, 5, 10,
// 15 ms… between attempts, while a writer here holds the lock well under a millisecond: engines sharing a
// file waited most of their store time for a lock long free (bench_multinode, four engines: 1.1 ms a
// BEGIN IMMEDIATE). This one tries again after 100 µs for the first 2 ms, then every 500 µs up to 20 ms,
// then every 2 ms, until the store's busy timeout.
int sqliteBusy(void *context, int attempt)
{
    thread_local QElapsedTimer waiting; // a connection is used by one thread at a time
    if (attempt == 0) {
        waiting.start();
    }
    if (waiting.elapsed() >= *static_cast<const int *>(context)) {
        return 0; // SQLITE_BUSY: store-locked
    }
    const auto pause = attempt < 20   ? std::chrono::microseconds(100)
                       : attempt < 56 ? std::chrono::microseconds(500)
                                      : std::chrono::microseconds(2000);
    std::this_thread::sleep_for(pause);
    return 1;
}

} // namespace

Status Store::openSqlite()
{
    if (m_config.sqlitePath.isEmpty()) {
        return SyncError::make(ErrorClass::Config, u"store-error"_s, tr("no database path given"));
    }
    const QFileInfo info(m_config.sqlitePath);
    if (info.isDir()) {
        return SyncError::make(ErrorClass::Store, u"store-not-a-database"_s,
                               tr("%1 is a directory, not a database file").arg(m_config.sqlitePath));
    }
    if (!info.exists() && m_config.mustExist) {
        return SyncError::make(ErrorClass::Store, u"store-missing"_s,
                               tr("there is no database at %1").arg(m_config.sqlitePath));
    }
    // A new database is created 0600 in folders created 0700: SQLite gives its -wal and -shm files the
    // database's mode, so mail and the log are never readable by others, whatever the umask.
    if (!info.exists()) {
        if (Status created = PrivateFiles::createFile(m_config.sqlitePath); !created) {
            return SyncError::make(ErrorClass::Store, u"store-readonly"_s, created.error().message);
        }
    }
    // SQLite sets aside 20 pages of memory for every page cache it makes (each connection's database, and the
    // temporary ones it makes for some statements) and writes into each of them at once: on this kind of
    // machine a page fault each, about 70 of the 900 of a re-sync of an unchanged mailbox, and 3-5 ms of its CPU.
    // Without it, a page's memory is taken when a page is read. Process-wide, so once, before SQLite's first
    // connection initialises it (later it is refused, and that is harmless).
    static const bool noBulkPageCache = sqlite3_config(SQLITE_CONFIG_PAGECACHE, nullptr, 0, 0) == SQLITE_OK;
    Q_UNUSED(noBulkPageCache)
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    if (!db.isValid()) {
        return SyncError::make(ErrorClass::Store, u"store-error"_s,
                               tr("the Qt SQLite driver (QSQLITE) is not installed"));
    }
    db.setDatabaseName(m_config.sqlitePath);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(m_config.busyTimeoutMs));
    if (!db.open()) {
        //: the start of an error's detail, followed by the driver's own text
        return errorFrom(db.lastError(), tr("open database %1").arg(m_config.sqlitePath));
    }
    if (sqlite3 *sqlite = sqliteHandle(db)) {
        sqlite3_busy_handler(sqlite, &sqliteBusy, &m_config.busyTimeoutMs);
    }
    // WAL lets readers (the console) work while a writer commits; NORMAL is durable across crashes
    // of the process, and still consistent after a power loss.
    // Reads through a memory map of up to 256 MiB (shared by every connection through the OS page cache)
    // instead of a read() per page missed in SQLite's own 2 MiB cache: at 100,000 mailboxes a claim probes
    // a few thousand rows (bench_multinode).
    // The write-ahead log is copied into the database (with an fsync of each) once it holds 8192 pages
    // (32 MiB) instead of SQLite's 1000: a full pull rewrites the same index pages in many batches, and
    // each checkpoint writes a page once however often it changed (about a tenth less CPU in bench_imapsync,
    // and fewer fsyncs holding up the sync); the log file keeps that size on disk between checkpoints.
    for (const QString &pragma :
         {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s, u"PRAGMA foreign_keys=ON"_s,
          u"PRAGMA mmap_size=268435456"_s, u"PRAGMA wal_autocheckpoint=8192"_s}) {
        if (auto result = exec(pragma); !result) {
            // The file is not read here by other means: closing any descriptor of a file a process has open
            // in SQLite drops that process's POSIX locks on it. SQLite itself says what it is not.
            if (result.error().detail.contains(u"not a database"_s) ||
                result.error().message.contains(u"not a database"_s)) {
                return SyncError::make(
                    ErrorClass::Store, u"store-not-a-database"_s,
                    tr("%1 is not an SQLite database (another kind of file)").arg(m_config.sqlitePath),
                    result.error().detail);
            }
            return result.error();
        }
    }
    return {};
}

Status Store::openPostgres()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isValid()) {
        db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
    }
    if (!db.isValid()) {
        return SyncError::make(ErrorClass::Store, u"store-error"_s,
                               tr("the Qt PostgreSQL driver (QPSQL) is not installed"),
                               //: libqt6sql6-psql is the name of a Debian package
                               tr("install Debian's libqt6sql6-psql"));
    }
    db.setHostName(m_config.host);
    db.setPort(m_config.port);
    db.setUserName(m_config.user);
    db.setDatabaseName(m_config.database);
    // Without a password libpq looks in PGPASSWORD, PGPASSFILE and ~/.pgpass by itself.
    if (!m_config.passwordSource.isEmpty()) {
        auto password = postgresPassword(m_config.passwordSource);
        if (!password) {
            return password.error();
        }
        db.setPassword(*password);
    }
    QStringList options;
    bool hasTimeout = false;
    for (auto it = m_config.options.cbegin(); it != m_config.options.cend(); ++it) {
        options.append(it.key() + u'=' + it.value());
        hasTimeout = hasTimeout || it.key() == u"connect_timeout"_s;
    }
    if (!hasTimeout) {
        options.append(u"connect_timeout=10"_s); // a server that does not answer is a failure, not a hang
    }
    if (!m_config.options.contains(u"application_name"_s)) {
        options.append(u"application_name=syncdesk"_s);
    }
    db.setConnectOptions(options.join(u';'));
    if (!db.open()) {
        //: the start of an error's detail, followed by the driver's own text
        return errorFrom(db.lastError(), tr("connect to %1").arg(m_config.describe()));
    }
    // UTC and a lock wait like SQLite's busy timeout: a lock held longer is store-locked, not a hang. A
    // session that sits inside a transaction (its node frozen: SIGSTOP, a suspended VM) is ended by the
    // server before the others' lock waits run out, so that one frozen node cannot stall every other.
    for (const QString &statement :
         {u"SET TIME ZONE 'UTC'"_s, u"SET lock_timeout = %1"_s.arg(m_config.busyTimeoutMs),
          u"SET idle_in_transaction_session_timeout = %1"_s.arg(qMax(1000, m_config.busyTimeoutMs * 2 / 3)),
          u"SET client_min_messages = warning"_s}) {
        if (auto result = exec(statement); !result) {
            return result.error();
        }
    }
    return {};
}

Status Store::migrate(int targetVersion)
{
    // A store whose schema is current is read once, not locked: every command, worker and engine opens a
    // connection, and checking each step in a write transaction of its own (SQLite) made every open wait
    // for any writer (the console while a node writes a batch). A new file (no schema_version yet), an
    // older schema and a newer one go through migrateLocked(), which refuses the last.
    if (auto current = schemaVersion(); current && *current >= targetVersion && *current <= latestSchemaVersion()) {
        return {};
    }
    // On PostgreSQL several nodes may start at once: one migrates, the others wait for it. The lock is a
    // session's, which no idle timeout ends: taken only when the schema has to change, so that a node
    // frozen while it opens a connection (SIGSTOP, a suspended VM) cannot lock every other node out.
    if (m_config.isPostgres()) {
        if (auto locked = exec(u"SELECT pg_advisory_lock(%1)"_s.arg(kMigrationLockKey)); !locked) {
            return locked.error();
        }
    }
    Status status = migrateLocked(targetVersion);
    if (m_config.isPostgres()) {
        (void)exec(u"SELECT pg_advisory_unlock(%1)"_s.arg(kMigrationLockKey));
    }
    return status;
}

Status Store::migrateLocked(int targetVersion)
{
    auto created = exec(SqlDialect::schemaStatement(
        m_config.backend, u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                          "description TEXT NOT NULL, applied_at INTEGER NOT NULL)"_s));
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
            QStringList statements = migration.statements;
            statements += m_config.isPostgres() ? migration.postgresOnly : migration.sqliteOnly;
            for (const QString &statement : statements) {
                if (auto result = exec(SqlDialect::schemaStatement(m_config.backend, statement)); !result) {
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
            //: %1 is a schema version number, %2 the error
            error.message = tr("schema migration to version %1 failed: %2").arg(migration.version).arg(error.message);
            return error;
        }
    }
    auto current = schemaVersion();
    if (!current) {
        return current.error();
    }
    if (*current > latestSchemaVersion()) {
        return SyncError::make(ErrorClass::Store, u"store-error"_s,
                               tr("the database %1 has schema version %2, newer than this SyncDesk knows (%3); "
                                  "use a newer SyncDesk")
                                   .arg(m_config.describe())
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
    // PostgreSQL: the next transaction id moves with every write transaction on the server (our own too,
    // which costs one more read, never one less).
    auto query = exec(m_config.isPostgres() ? u"SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint"_s
                                            : u"PRAGMA data_version"_s);
    if (!query) {
        return query.error();
    }
    return query->next() ? query->value(0).toLongLong() : qint64(0);
}

QVariant Store::boundValue(const QVariant &value) const
{
    switch (value.typeId()) {
    case QMetaType::QString: {
        // A null QString binds as SQL NULL; only an explicitly null QVariant should.
        if (value.isNull()) {
            return value;
        }
        QString text = value.toString();
        if (text.isNull()) {
            return QStringLiteral("");
        }
        // PostgreSQL's text cannot hold U+0000 (hostile mail can): it is dropped there.
        if (m_config.isPostgres() && text.contains(QChar(0))) {
            text.remove(QChar(0));
            return text;
        }
        return value;
    }
    case QMetaType::Bool: // booleans are INTEGER 0/1 in the schema, on both backends
        return value.isNull() ? QVariant(QMetaType::fromType<int>()) : QVariant(value.toBool() ? 1 : 0);
    default:
        return value;
    }
}

namespace {

std::atomic<qint64> s_statements{0};
std::atomic<qint64> s_statementNs{0};
std::atomic<qint64> s_claims{0};
std::atomic<qint64> s_claimBatches{0};
std::atomic<qint64> s_claimNs{0};
std::atomic<qint64> s_transactions{0};

// SYNCDESK_SQL_PROFILE=1: every statement's text with its count and time, printed to stderr by time when
// the process ends (for finding what a workload spends its store time on; off by default, nothing kept).
struct SqlProfile
{
    struct Entry
    {
        qint64 count = 0;
        qint64 nanoseconds = 0;
    };
    QMutex mutex;
    QHash<QString, Entry> entries;

    static SqlProfile *instance()
    {
        static SqlProfile *const profile = qEnvironmentVariableIsSet("SYNCDESK_SQL_PROFILE") ? new SqlProfile : nullptr;
        return profile;
    }
    SqlProfile()
    {
        std::atexit([] { instance()->print(); });
    }
    void add(const QString &sql, qint64 ns)
    {
        const QMutexLocker lock(&mutex);
        Entry &entry = entries[sql];
        ++entry.count;
        entry.nanoseconds += ns;
    }
    void print()
    {
        const QMutexLocker lock(&mutex);
        QList<QPair<QString, Entry>> sorted;
        for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
            sorted.append({it.key(), it.value()});
        }
        std::sort(sorted.begin(), sorted.end(),
                  [](const auto &a, const auto &b) { return a.second.nanoseconds > b.second.nanoseconds; });
        std::fprintf(stderr, "SQL profile of pid %lld: count, ms total, us each, statement\n",
                     qint64(QCoreApplication::applicationPid()));
        for (const auto &[sql, entry] : std::as_const(sorted)) {
            std::fprintf(stderr, "%9lld %10.1f %8.1f  %s\n", entry.count, double(entry.nanoseconds) / 1e6,
                         double(entry.nanoseconds) / 1e3 / double(entry.count), qPrintable(sql.left(160).simplified()));
        }
    }
};

} // namespace

StoreTiming::StoreTiming(const QString &sql)
    : m_kind(Kind::Statement)
    , m_count(1)
    , m_sql(SqlProfile::instance() ? &sql : nullptr)
{
    m_timer.start();
}

StoreTiming::StoreTiming(Kind kind, qint64 count)
    : m_kind(kind)
    , m_count(count)
{
    m_timer.start();
}

StoreTiming::~StoreTiming()
{
    const qint64 elapsed = m_timer.nsecsElapsed();
    if (m_sql) {
        SqlProfile::instance()->add(*m_sql, elapsed);
    }
    if (m_kind == Kind::Statement) {
        s_statements.fetch_add(1, std::memory_order_relaxed);
        s_statementNs.fetch_add(elapsed, std::memory_order_relaxed);
    } else {
        s_claims.fetch_add(m_count, std::memory_order_relaxed);
        s_claimBatches.fetch_add(1, std::memory_order_relaxed);
        s_claimNs.fetch_add(elapsed, std::memory_order_relaxed);
    }
}

Store::Statistics Store::statistics()
{
    return {s_statements.load(std::memory_order_relaxed), s_statementNs.load(std::memory_order_relaxed),
            s_claims.load(std::memory_order_relaxed),     s_claimBatches.load(std::memory_order_relaxed),
            s_claimNs.load(std::memory_order_relaxed),    s_transactions.load(std::memory_order_relaxed)};
}

Result<QSqlQuery> Store::exec(const QString &sql, const QVariantList &values)
{
    const StoreTiming timing(sql);
    for (int attempt = 0;; ++attempt) {
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        // SQLite steps forward-only queries row by row. PostgreSQL's driver would use single-row mode, where
        // a second query on the connection abandons the first: there the result is read whole.
        query.setForwardOnly(!m_config.isPostgres());
        bool ok = false;
        if (values.isEmpty() && m_config.isPostgres()) {
            ok = query.exec(sql); // schema and transaction statements cannot be PREPAREd on PostgreSQL
        } else {
            if (!query.prepare(sql)) {
                return errorFrom(query, u"prepare"_s);
            }
            for (qsizetype i = 0; i < values.size(); ++i) {
                query.bindValue(int(i), boundValue(values.at(i)));
            }
            ok = query.exec();
        }
        if (ok) {
            return query;
        }
        SyncError error = errorFrom(query, u"execute"_s);
        if (attempt == 0 && reconnectAfter(query.lastError())) {
            continue;
        }
        return error;
    }
}

bool Store::reconnectAfter(const QSqlError &error)
{
    // Only PostgreSQL loses its session (a restarted or failed-over server, a dropped connection). Inside
    // a transaction the work so far is gone with it: the caller's transaction fails and is retried whole.
    if (!m_config.isPostgres() || m_transactionDepth > 0) {
        return false;
    }
    // After a failed ROLLBACK on a dead session the driver closes the connection and reports no error at all.
    const bool closed = !QSqlDatabase::database(m_connectionName, false).isOpen();
    if (!closed && !SqlDialect::classify(m_config.backend, error).connectionLost) {
        return false;
    }
    m_cachedQueries.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    return bool(openPostgres());
}

Result<QSqlQuery *> Store::execCached(const QString &sql, const QVariantList &values)
{
    const StoreTiming timing(sql);
    for (int attempt = 0;; ++attempt) {
        auto it = m_cachedQueries.find(sql);
        if (it == m_cachedQueries.end()) {
            QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
            query.setForwardOnly(!m_config.isPostgres());
            if (!query.prepare(sql)) {
                SyncError error = errorFrom(query, u"prepare"_s);
                if (attempt == 0 && reconnectAfter(query.lastError())) {
                    continue;
                }
                return error;
            }
            it = m_cachedQueries.insert(sql, query);
        }
        QSqlQuery &query = it.value();
        for (qsizetype i = 0; i < values.size(); ++i) {
            query.bindValue(int(i), boundValue(values.at(i)));
        }
        if (query.exec()) {
            return &query;
        }
        SyncError error = errorFrom(query, u"execute"_s);
        const QSqlError failure = query.lastError();
        m_cachedQueries.erase(it);
        // A lost PostgreSQL session outside a transaction: connected again and tried once more, as exec() does.
        if (attempt == 0 && reconnectAfter(failure)) {
            continue;
        }
        return error;
    }
}

Result<std::optional<QVariantList>> Store::execFirstRow(const QString &sql, const QVariantList &values)
{
    if (m_config.isPostgres()) {
        auto query = execCached(sql, values);
        if (!query) {
            return query.error();
        }
        std::optional<QVariantList> row;
        if ((*query)->next()) {
            QVariantList columns;
            const int count = (*query)->record().count();
            for (int c = 0; c < count; ++c) {
                columns.append((*query)->value(c));
            }
            row = std::move(columns);
        }
        (*query)->finish();
        return row;
    }
    const StoreTiming timing(sql);
    if (!m_sqliteStatements) {
        sqlite3 *db = sqliteHandle(QSqlDatabase::database(m_connectionName, false));
        if (!db) {
            return SyncError::make(ErrorClass::Store, u"store-error"_s, tr("the SQLite connection is not open"));
        }
        m_sqliteStatements = std::make_unique<SqliteStatements>(db);
    }
    std::optional<QVariantList> row;
    if (const auto failed = m_sqliteStatements->firstRow(sql, values, row)) {
        // Classified as Qt's driver reports SQLite's errors: by the extended result code.
        const QSqlError error(u"Unable to execute statement"_s, failed->message, QSqlError::StatementError,
                              QString::number(failed->code));
        return errorFrom(error, u"execute: "_s + sql.simplified().left(120));
    }
    return row;
}

SyncError Store::errorFrom(const QSqlQuery &query, const QString &what) const
{
    return errorFrom(query.lastError(), what + u": "_s + query.lastQuery().simplified().left(120));
}

SyncError Store::errorFrom(const QSqlError &error, const QString &what) const
{
    const SqlDialect::Classified classified = SqlDialect::classify(m_config.backend, error);
    //: %1 says what went wrong, %2 is the database (a file or a PostgreSQL URL)
    SyncError result =
        SyncError::make(ErrorClass::Store, classified.hint, tr("%1 (%2)").arg(classified.message, m_config.describe()),
                        what + u": "_s + error.text());
    result.stage = ErrorStage::Store;
    return result;
}

Status Store::probeWrite()
{
    if (Status written = transaction([this]() -> Status {
            auto inserted = exec(u"INSERT INTO store_probe (data) VALUES (?)"_s, {QByteArray(262144, '\0')});
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
    // SQLite: IMMEDIATE takes the write lock up front (waiting up to the busy timeout) so that a transaction
    // never fails half-way because another connection wrote first. PostgreSQL locks rows as they are
    // written; where a transaction reads before it writes, it locks what it read (FOR UPDATE).
    if (auto begun = exec(m_config.isPostgres() ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s); !begun) {
        return begun.error();
    }
    s_transactions.fetch_add(1, std::memory_order_relaxed);
    ++m_transactionDepth;
    Status status = body();
    if (status) {
        // COMMIT still counts as inside the transaction: a session lost before or during it is not reconnected
        // and sent COMMIT again (PostgreSQL would answer a new session's COMMIT with a warning and success, and
        // the work, gone with the old session, would be reported as stored). The transaction fails instead, and
        // its caller retries it whole. A session lost after the server committed is reported as failed too: the
        // retry must then find the work done (a batch of mail finds its messages in the ledger and does not store
        // them again; tst_exactlyonce).
        auto committed = exec(u"COMMIT"_s);
        --m_transactionDepth;
        if (!committed) {
            (void)exec(u"ROLLBACK"_s);
            return committed.error();
        }
        return {};
    }
    --m_transactionDepth;
    (void)exec(u"ROLLBACK"_s);
    return status;
}

} // namespace SyncDesk
