#pragma once

#include "diagnostics/result.h"

#include <QList>
#include <QString>

#include <functional>

namespace SyncDesk {

class Store;

// Moves an installation up: every row of a SQLite store (configuration, schedule and state, the ledger,
// activities, CRM records, the log, alerts, runs, nodes) copied into an empty store at the same schema
// version — a PostgreSQL database, or another SQLite file — in one transaction on each side, ids kept, then
// the rows of every table counted again on both sides.
class StoreCopy final
{
public:
    struct Table
    {
        QString name;
        qint64 sourceRows = 0;
        qint64 targetRows = 0; // counted after the commit
    };
    // Called per table as rows go over (done == total once a table is finished).
    using Progress = std::function<void(const QString &table, qint64 done, qint64 total)>;

    // Refuses a source that is not SQLite, a target that is not empty (hint store-copy-target) and a
    // source or target whose schema version differs. On any failure the target is left as it was.
    static Result<QList<Table>> copy(Store &source, Store &target, const Progress &progress = {});

    // The tables copied, parents before the tables that refer to them (from the source's foreign keys).
    static Result<QStringList> tablesInOrder(Store &source);
};

} // namespace SyncDesk
