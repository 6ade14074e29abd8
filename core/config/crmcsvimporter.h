#pragma once

#include "diagnostics/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <variant>

namespace SyncDesk {

class Store;

struct CsvImportSummary
{
    int rows = 0;
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int skipped = 0;      // invalid rows left out (with skipInvalid)
    QStringList problems; // "line 7, column email: ..."; the rows skipped, or why nothing was imported
};

// Nothing was imported, and why, line by line.
struct CsvRejected
{
    QStringList problems;
    bool rowsOnly = false; // only rows are wrong (not the file, its type or header): skipInvalid imports the rest
};

// Imports accounts, contacts or leads from a CSV file with a header row naming the columns (id, name,
// email, owner, business_unit, and account for contacts, company for leads; case and spaces do not
// matter). Records are matched by id, so importing the same file again updates them. Every problem is
// reported with its line; unless skipInvalid, one invalid row means nothing is imported.
class CrmCsvImporter final
{
public:
    // Nothing imported: the problems per line, or a store error.
    using Outcome = std::variant<CsvImportSummary, CsvRejected, SyncError>;

    static const QStringList &importableTypes(); // account, contact, lead
    static Outcome import(Store &store, const QByteArray &data, const QString &type, bool skipInvalid);
};

} // namespace SyncDesk
