#include "storecopy.h"

#include "store.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

// Bookkeeping of the schema itself, made by the target's own migrations: never copied.
const QSet<QString> kNotCopied = {u"schema_version"_s, u"meta"_s, u"store_probe"_s};

QString quoted(const QString &identifier)
{
    return u'"' + QString(identifier).replace(u'"', u"\"\""_s) + u'"';
}

SyncError copyError(const QString &hint, const QString &message, const QString &detail = {})
{
    return SyncError::make(ErrorClass::Store, hint, message, detail);
}

} // namespace

// Store's private exec and boundValue are friends of this class: the copy is the one place that reads and
// writes every table generically, by the columns the migrations made.
class StoreCopyAccess
{
public:
    static Result<QSqlQuery> exec(Store &store, const QString &sql, const QVariantList &values = {})
    {
        return store.exec(sql, values);
    }
    static Result<QSqlQuery *> execCached(Store &store, const QString &sql, const QVariantList &values)
    {
        return store.execCached(sql, values);
    }

    static Result<QStringList> tables(Store &store)
    {
        auto query =
            exec(store, store.isPostgres() ? u"SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                             "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"_s
                                           : u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                             "'sqlite_%' ORDER BY name"_s);
        if (!query) {
            return query.error();
        }
        QStringList names;
        while (query->next()) {
            if (const QString name = query->value(0).toString(); !kNotCopied.contains(name)) {
                names.append(name);
            }
        }
        return names;
    }

    static Result<QStringList> columns(Store &store, const QString &table)
    {
        auto query = store.isPostgres()
                         ? exec(store,
                                u"SELECT column_name FROM information_schema.columns WHERE table_schema = "
                                "current_schema() AND table_name = ? ORDER BY ordinal_position"_s,
                                {table})
                         : exec(store, u"SELECT name FROM pragma_table_info(?) ORDER BY cid"_s, {table});
        if (!query) {
            return query.error();
        }
        QStringList names;
        while (query->next()) {
            names.append(query->value(0).toString());
        }
        return names;
    }

    static Result<qint64> count(Store &store, const QString &table)
    {
        auto query = exec(store, u"SELECT COUNT(*) FROM "_s + quoted(table));
        if (!query) {
            return query.error();
        }
        return query->next() ? query->value(0).toLongLong() : qint64(0);
    }

    // Rows of the source into the target, in batches of one multi-row INSERT each.
    static Status copyTable(Store &source, Store &target, const QString &table, const QStringList &columns,
                            qint64 total, const StoreCopy::Progress &progress)
    {
        QStringList columnList;
        for (const QString &column : columns) {
            columnList.append(quoted(column));
        }
        const QString names = columnList.join(u", "_s);
        auto rows = exec(source, u"SELECT %1 FROM %2 ORDER BY rowid"_s.arg(names, quoted(table)));
        if (!rows) {
            return rows.error();
        }
        // Both backends bind at most 32,766 (SQLite) or 65,535 (PostgreSQL) values in one statement; rows of
        // activities carry their bodies, so a batch stays at a few hundred rows.
        const int perStatement = int(std::clamp<qsizetype>(30000 / std::max<qsizetype>(1, columns.size()), 1, 250));
        const QString placeholders = u'(' + QStringList(columns.size(), u"?"_s).join(u", "_s) + u')';
        auto insertSql = [&](int rowCount) -> QString {
            return u"INSERT INTO %1 (%2) VALUES "_s.arg(quoted(table), names) +
                   QStringList(rowCount, placeholders).join(u", "_s);
        };
        const QString fullBatch = insertSql(perStatement);
        QVariantList values;
        values.reserve(perStatement * columns.size());
        int pending = 0;
        qint64 done = 0;
        auto flush = [&]() -> Status {
            if (pending == 0) {
                return {};
            }
            if (pending == perStatement) {
                if (auto inserted = execCached(target, fullBatch, values); !inserted) {
                    return inserted.error();
                }
            } else if (auto inserted = exec(target, insertSql(pending), values); !inserted) {
                return inserted.error();
            }
            done += pending;
            pending = 0;
            values.clear();
            if (progress) {
                progress(table, done, total);
            }
            return {};
        };
        while (rows->next()) {
            for (int i = 0; i < columns.size(); ++i) {
                values.append(rows->value(i));
            }
            if (++pending == perStatement) {
                if (Status flushed = flush(); !flushed) {
                    return flushed;
                }
            }
        }
        if (Status flushed = flush(); !flushed) {
            return flushed;
        }
        if (progress && total == 0) {
            progress(table, 0, 0);
        }
        if (target.isPostgres() && columns.contains(u"id"_s)) {
            // Ids were copied as they were; the identity continues after the highest one.
            auto moved = exec(target,
                              u"SELECT setval(pg_get_serial_sequence(?, 'id'), COALESCE((SELECT MAX(id) "
                              "FROM %1), 0) + 1, false)"_s.arg(quoted(table)),
                              {table});
            if (!moved) {
                return moved.error();
            }
        }
        return {};
    }
};

Result<QStringList> StoreCopy::tablesInOrder(Store &source)
{
    auto tables = StoreCopyAccess::tables(source);
    if (!tables) {
        return tables.error();
    }
    // Parents first: a table comes after every table its foreign keys refer to (names break ties, so the
    // order is the same on every run).
    QHash<QString, QSet<QString>> parents;
    for (const QString &table : std::as_const(*tables)) {
        auto keys = StoreCopyAccess::exec(source, u"SELECT \"table\" FROM pragma_foreign_key_list(?)"_s, {table});
        if (!keys) {
            return keys.error();
        }
        while (keys->next()) {
            if (const QString parent = keys->value(0).toString(); parent != table && tables->contains(parent)) {
                parents[table].insert(parent);
            }
        }
    }
    QStringList ordered;
    QStringList left = *tables;
    while (!left.isEmpty()) {
        const auto ready = std::find_if(left.cbegin(), left.cend(), [&](const QString &table) {
            const QSet<QString> need = parents.value(table);
            return std::all_of(need.cbegin(), need.cend(),
                               [&](const QString &parent) { return ordered.contains(parent); });
        });
        if (ready == left.cend()) {
            return copyError(u"store-error"_s,
                             QCoreApplication::translate("StoreCopy", "the tables' foreign keys form a cycle: %1")
                                 .arg(left.join(u", "_s)));
        }
        ordered.append(*ready);
        left.removeAt(ready - left.cbegin());
    }
    return ordered;
}

Result<QList<StoreCopy::Table>> StoreCopy::copy(Store &source, Store &target, const Progress &progress)
{
    if (source.isPostgres()) {
        //: "store copy" is a command of the node's command line
        return copyError(
            u"store-copy-target"_s,
            QCoreApplication::translate("StoreCopy", "store copy reads a SQLite database; this one is PostgreSQL"),
            //: pg_dump and pg_restore are PostgreSQL's programs
            QCoreApplication::translate("StoreCopy", "to copy a PostgreSQL database use pg_dump and pg_restore"));
    }
    if (!target.isPostgres() && target.config().sqlitePath == source.config().sqlitePath) {
        return copyError(u"store-copy-target"_s,
                         QCoreApplication::translate("StoreCopy", "the target is the source database itself"));
    }
    auto sourceVersion = source.schemaVersion();
    auto targetVersion = target.schemaVersion();
    if (!sourceVersion || !targetVersion) {
        return !sourceVersion ? sourceVersion.error() : targetVersion.error();
    }
    if (*sourceVersion != *targetVersion) {
        return copyError(u"store-copy-target"_s,
                         //: %1 and %2 are schema version numbers
                         QCoreApplication::translate(
                             "StoreCopy", "the schema versions differ: the source is at %1, the target at %2")
                             .arg(*sourceVersion)
                             .arg(*targetVersion));
    }
    auto ordered = tablesInOrder(source);
    if (!ordered) {
        return ordered.error();
    }
    auto targetTables = StoreCopyAccess::tables(target);
    if (!targetTables) {
        return targetTables.error();
    }
    QList<Table> tables;
    QHash<QString, QStringList> columns;
    QStringList notEmpty;
    for (const QString &name : std::as_const(*ordered)) {
        if (!targetTables->contains(name)) {
            return copyError(u"store-copy-target"_s,
                             QCoreApplication::translate("StoreCopy", "the target has no table %1").arg(name));
        }
        auto sourceColumns = StoreCopyAccess::columns(source, name);
        auto targetColumns = StoreCopyAccess::columns(target, name);
        if (!sourceColumns || !targetColumns) {
            return !sourceColumns ? sourceColumns.error() : targetColumns.error();
        }
        for (const QString &column : std::as_const(*sourceColumns)) {
            if (!targetColumns->contains(column)) {
                return copyError(u"store-copy-target"_s,
                                 QCoreApplication::translate("StoreCopy", "the target's table %1 has no column %2")
                                     .arg(name, column));
            }
        }
        columns.insert(name, *sourceColumns);
        auto rows = StoreCopyAccess::count(target, name);
        if (!rows) {
            return rows.error();
        }
        if (*rows > 0) {
            const int count = int(*rows);
            //: %1 is the name of a table
            notEmpty.append(QCoreApplication::translate("StoreCopy", "%1 (%n row(s))", nullptr, count).arg(name));
        }
        tables.append({name, 0, 0});
    }
    if (!notEmpty.isEmpty()) {
        return copyError(u"store-copy-target"_s,
                         QCoreApplication::translate("StoreCopy", "the target database is not empty"),
                         //: %1 lists tables with their numbers of rows: "alerts (3 rows), log_records (120 rows)"
                         QCoreApplication::translate("StoreCopy", "rows in %1").arg(notEmpty.join(u", "_s)));
    }

    // The source's write lock for the whole copy (nothing changes under it); the target writes everything
    // or nothing.
    Status copied = source.transaction([&]() -> Status {
        return target.transaction([&]() -> Status {
            for (Table &table : tables) {
                auto rows = StoreCopyAccess::count(source, table.name);
                if (!rows) {
                    return rows.error();
                }
                table.sourceRows = *rows;
                if (Status status = StoreCopyAccess::copyTable(source, target, table.name, columns.value(table.name),
                                                               table.sourceRows, progress);
                    !status) {
                    return status;
                }
            }
            return {};
        });
    });
    if (!copied) {
        return copied.error();
    }
    QStringList differ;
    for (Table &table : tables) {
        auto rows = StoreCopyAccess::count(target, table.name);
        if (!rows) {
            return rows.error();
        }
        table.targetRows = *rows;
        if (table.targetRows != table.sourceRows) {
            //: %1 is the name of a table, %2 and %3 numbers of rows
            differ.append(QCoreApplication::translate("StoreCopy", "%1: %2 in the source, %3 in the target")
                              .arg(table.name)
                              .arg(table.sourceRows)
                              .arg(table.targetRows));
        }
    }
    if (!differ.isEmpty()) {
        return copyError(u"store-error"_s,
                         QCoreApplication::translate("StoreCopy", "the copy's row counts differ from the source's"),
                         differ.join(u"; "_s));
    }
    return tables;
}

} // namespace SyncDesk
