#pragma once

#include <QHash>
#include <QString>
#include <QVariant>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace SyncDesk {

// Prepared statements of one SQLite connection, run through SQLite's own interface beside Qt's driver on
// the same connection (and inside its transactions). For the statements of a full pull's hot path: Qt's
// driver copies every bound value into its own list and binds text as UTF-16, which SQLite converts back
// to UTF-8 to store it. Finalized when this goes, which must be before the connection closes.
class SqliteStatements
{
public:
    explicit SqliteStatements(sqlite3 *db);
    ~SqliteStatements();
    SqliteStatements(const SqliteStatements &) = delete;
    SqliteStatements &operator=(const SqliteStatements &) = delete;

    struct Failure
    {
        int code = 0; // SQLite's extended result code
        QString message;
    };

    // Binds `values` to the statement of `sql` (prepared on its first use) and steps it once: `row` holds
    // the first row it returns, or nothing. The statement is reset before this returns.
    // Values bind as Qt's driver binds them: a null QVariant or byte array as NULL, a null QString as ''
    // (see Store::boundValue), integers and booleans as integers, byte arrays as blobs, text as UTF-8 (or
    // UTF-16 when it holds an unpaired surrogate). Other types are refused (SQLITE_MISUSE).
    std::optional<Failure> firstRow(const QString &sql, const QVariantList &values, std::optional<QVariantList> &row);

private:
    Failure failure() const;

    sqlite3 *m_db;
    QHash<QString, sqlite3_stmt *> m_statements;
};

} // namespace SyncDesk
