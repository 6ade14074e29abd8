// syncdesk-node store copy --to LOCATION: moves an installation from its SQLite file into an empty PostgreSQL
// database (or another SQLite file), verifying every table's row count.

#include "nodecli.h"
#include "store/store.h"
#include "store/storecopy.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <climits>

namespace SyncDesk {

using namespace Qt::StringLiterals;

int NodeCli::storeCommand(const QStringList &positional)
{
    if (positional.size() != 1 || positional.constFirst() != u"copy"_s || !m_parser.isSet(u"to"_s)) {
        return usage(tr("usage: syncdesk-node [--db SOURCE.db] store copy --to postgresql://USER@HOST:PORT/DBNAME "
                        "[--json]"));
    }
    auto target = StoreConfig::fromLocation(m_parser.value(u"to"_s));
    if (!target) {
        return usage(u"--to: "_s + target.error().message + u": "_s + target.error().detail);
    }
    if (m_storeConfig.isPostgres()) {
        return usage(tr("store copy reads a SQLite database (--db PATH); to copy a PostgreSQL database use pg_dump and "
                        "pg_restore"));
    }
    // Opening a store creates it: a mistyped source would be copied as an empty database.
    if (!QFileInfo::exists(m_storeConfig.sqlitePath)) {
        //: Keep SYNCDESK_DB: it is an environment variable
        return usage(tr("there is no database at %1 (--db or SYNCDESK_DB names the SQLite file to copy)")
                         .arg(m_storeConfig.sqlitePath));
    }
    if (!target->isPostgres() &&
        QFileInfo(target->sqlitePath).absoluteFilePath() == QFileInfo(m_storeConfig.sqlitePath).absoluteFilePath()) {
        return usage(tr("--to names the source database itself"));
    }
    auto source = openStore();
    if (!source) {
        return storeFailure(source.error());
    }
    if (engineRunning(**source)) {
        m_err << "syncdesk-node: "
              << tr("an engine is running on %1; stop every node and the console's engine before copying "
                    "(syncdesk-node nodes lists them), so that nothing changes during and after the copy.")
                     .arg(m_storeConfig.describe())
              << "\n";
        m_err.flush();
        return UsageError;
    }
    auto destination = Store::open(*target);
    if (!destination) {
        return storeFailure(destination.error());
    }

    const bool json = m_parser.isSet(u"json"_s);
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions);
    QElapsedTimer clock;
    clock.start();
    qint64 lastReport = -1;
    auto progress = [&](const QString &table, qint64 done, qint64 total) {
        // One line per table on standard error, and every few seconds for a big one.
        const bool finished = done == total;
        if (!finished && clock.elapsed() - lastReport < 2000) {
            return;
        }
        lastReport = clock.elapsed();
        // The numbers as formatted before translation (1,234,567); n chooses the plural form.
        //: %1: a table, %2 of its %3 rows are copied
        m_err << "  "
              << tr("%1: %2 of %3 row(s)", nullptr, int(qMin<qint64>(total, INT_MAX)))
                     .arg(table, c.toString(done), c.toString(total))
              << (finished ? "" : "…") << "\n";
        m_err.flush();
    };
    //: %1: the source database, %2: the target database
    m_err << tr("Copying %1 into %2 (one transaction)").arg(m_storeConfig.describe(), target->describe()) << "\n";
    m_err.flush();
    auto copied = StoreCopy::copy(**source, **destination, progress);
    if (!copied) {
        return storeFailure(copied.error());
    }
    qint64 rows = 0;
    for (const StoreCopy::Table &table : std::as_const(*copied)) {
        rows += table.targetRows;
    }
    const double seconds = clock.elapsed() / 1000.0;
    if (json) {
        QJsonArray tables;
        for (const StoreCopy::Table &table : std::as_const(*copied)) {
            tables.append(QJsonObject{
                {u"table"_s, table.name}, {u"source_rows"_s, table.sourceRows}, {u"target_rows"_s, table.targetRows}});
        }
        const QJsonObject object{{u"from"_s, m_storeConfig.describe()},
                                 {u"to"_s, target->describe()},
                                 {u"tables"_s, tables},
                                 {u"rows"_s, rows},
                                 {u"verified"_s, true},
                                 {u"seconds"_s, seconds}};
        m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
        m_out.flush();
        return Success;
    }
    m_out << QString(u"  %1 %2 %3\n"_s)
                 //: Column header of 'store copy': the table
                 .arg(tr("table"), -22)
                 //: Column header of 'store copy': the rows in the source database
                 .arg(tr("source"), 12)
                 //: Column header of 'store copy': the rows copied
                 .arg(tr("copied"), 12);
    for (const StoreCopy::Table &table : std::as_const(*copied)) {
        m_out << QString(u"  %1 %2 %3\n"_s)
                     .arg(table.name, -22)
                     .arg(c.toString(table.sourceRows), 12)
                     .arg(c.toString(table.targetRows), 12);
    }
    //: %1: how many rows, %2: seconds, %3: the target database
    m_out << tr("Copied %1 row(s) in %2 s; every table's count verified. Start the nodes with --db %3; the SQLite "
                "file was not changed.",
                nullptr, int(qMin<qint64>(rows, INT_MAX)))
                 .arg(c.toString(rows), QString::number(seconds, 'f', 1), target->describe())
          << "\n";
    m_out.flush();
    return Success;
}

} // namespace SyncDesk
