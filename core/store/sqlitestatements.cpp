#include "sqlitestatements.h"

#include <QByteArray>
#include <QStringEncoder>
#include <QVarLengthArray>

#include <sqlite3.h>

namespace SyncDesk {

SqliteStatements::SqliteStatements(sqlite3 *db)
    : m_db(db)
{}

SqliteStatements::~SqliteStatements()
{
    for (sqlite3_stmt *statement : std::as_const(m_statements)) {
        sqlite3_finalize(statement);
    }
}

SqliteStatements::Failure SqliteStatements::failure() const
{
    return {sqlite3_extended_errcode(m_db), QString::fromUtf8(sqlite3_errmsg(m_db))};
}

std::optional<SqliteStatements::Failure> SqliteStatements::firstRow(const QString &sql, const QVariantList &values,
                                                                    std::optional<QVariantList> &row)
{
    row.reset();
    sqlite3_stmt *statement = m_statements.value(sql);
    if (!statement) {
        const QByteArray text = sql.toUtf8();
        if (sqlite3_prepare_v3(m_db, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT, &statement,
                               nullptr) != SQLITE_OK) {
            return failure();
        }
        m_statements.insert(sql, statement);
    }
    // The UTF-8 of the text values, alive until the statement is reset (bound without SQLite's own copy).
    QVarLengthArray<QByteArray, 32> utf8Texts;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        const int index = int(i) + 1;
        int bound = SQLITE_OK;
        switch (value.typeId()) {
        case QMetaType::UnknownType:
            bound = sqlite3_bind_null(statement, index);
            break;
        case QMetaType::Bool:
            bound = value.isNull() ? sqlite3_bind_null(statement, index)
                                   : sqlite3_bind_int64(statement, index, value.toBool() ? 1 : 0);
            break;
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
            bound = value.isNull() ? sqlite3_bind_null(statement, index)
                                   : sqlite3_bind_int64(statement, index, value.toLongLong());
            break;
        case QMetaType::Double:
            bound = value.isNull() ? sqlite3_bind_null(statement, index)
                                   : sqlite3_bind_double(statement, index, value.toDouble());
            break;
        case QMetaType::QByteArray: {
            const QByteArray bytes = value.toByteArray();
            bound = bytes.isNull() ? sqlite3_bind_null(statement, index)
                                   : sqlite3_bind_blob64(statement, index, bytes.constData(),
                                                         sqlite3_uint64(bytes.size()), SQLITE_TRANSIENT);
            break;
        }
        case QMetaType::QString: {
            if (value.isNull()) {
                bound = sqlite3_bind_null(statement, index);
                break;
            }
            const QString text = value.toString();
            QStringEncoder toUtf8(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
            QByteArray utf8 = toUtf8.encode(text); // a null QString becomes '', never NULL
            if (toUtf8.hasError()) {
                // An unpaired surrogate (a hostile server's folder name can carry one): SQLite encodes it
                // from UTF-16 as Qt's driver has it do everywhere else, so the same text is the same bytes.
                bound = sqlite3_bind_text16(statement, index, text.utf16(), int(text.size() * 2), SQLITE_TRANSIENT);
                break;
            }
            utf8Texts.append(std::move(utf8));
            bound = sqlite3_bind_text64(statement, index, utf8Texts.last().constData(),
                                        sqlite3_uint64(utf8Texts.last().size()), SQLITE_STATIC, SQLITE_UTF8);
            break;
        }
        default:
            // Only what the store binds on this path; anything else goes through Qt's driver (execCached).
            sqlite3_reset(statement);
            sqlite3_clear_bindings(statement);
            return Failure{
                SQLITE_MISUSE,
                QStringLiteral("a value of type %1 cannot be bound here").arg(QString::fromLatin1(value.typeName()))};
        }
        if (bound != SQLITE_OK) {
            const Failure failed = failure();
            sqlite3_reset(statement);
            sqlite3_clear_bindings(statement);
            return failed;
        }
    }
    const int stepped = sqlite3_step(statement);
    if (stepped == SQLITE_ROW) {
        QVariantList columns;
        const int count = sqlite3_column_count(statement);
        columns.reserve(count);
        for (int c = 0; c < count; ++c) {
            switch (sqlite3_column_type(statement, c)) {
            case SQLITE_INTEGER:
                columns.append(QVariant(qint64(sqlite3_column_int64(statement, c))));
                break;
            case SQLITE_FLOAT:
                columns.append(QVariant(sqlite3_column_double(statement, c)));
                break;
            case SQLITE_BLOB:
                columns.append(QVariant(QByteArray(static_cast<const char *>(sqlite3_column_blob(statement, c)),
                                                   sqlite3_column_bytes(statement, c))));
                break;
            case SQLITE_NULL:
                columns.append(QVariant());
                break;
            default:
                columns.append(
                    QVariant(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, c)),
                                               sqlite3_column_bytes(statement, c))));
                break;
            }
        }
        row = std::move(columns);
    }
    std::optional<Failure> failed;
    if (stepped != SQLITE_ROW && stepped != SQLITE_DONE) {
        failed = failure();
    }
    // Reset at once: SQLite will not commit while a statement is still stepping.
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    return failed;
}

} // namespace SyncDesk
