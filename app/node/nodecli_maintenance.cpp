// syncdesk-node maintenance: one retention pass now (or, with --dry-run, what it would prune), per kind the
// window, the rows pruned and the rows left, and the database's size before and after.

#include "logging/logger.h"
#include "logging/logpersister.h"
#include "model/jsonexport.h"
#include "nodecli.h"
#include "store/retentionstore.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QJsonObject sizeJson(const DatabaseSize &size)
{
    return {{u"bytes"_s, size.bytes}, {u"free_bytes"_s, size.freeBytes}};
}

} // namespace

int NodeCli::maintenanceCommand(const QStringList &positional)
{
    if (!positional.isEmpty()) {
        return usage(tr("usage: syncdesk-node maintenance [--dry-run] [--json]"));
    }
    auto store = openStore();
    if (!store) {
        return storeFailure(store.error());
    }
    RetentionStore retention(**store);
    auto settings = retention.settings();
    if (!settings) {
        return storeFailure(settings.error());
    }
    const bool dryRun = m_parser.isSet(u"dry-run"_s);
    auto report = retention.prune(*settings, QDateTime::currentDateTimeUtc(), dryRun);
    if (!report) {
        return storeFailure(report.error());
    }
    if (!dryRun && report->totalPruned() > 0) {
        Log::info(u"maintenance"_s, {},
                  u"retention: pruned %1 rows on demand (syncdesk-node maintenance)"_s.arg(report->totalPruned()));
        LogPersister(**store).flush();
    }

    if (m_parser.isSet(u"json"_s)) {
        QJsonArray kinds;
        for (const RetentionCount &count : std::as_const(report->kinds)) {
            kinds.append(QJsonObject{{u"kind"_s, RetentionStore::kindName(count.kind)},
                                     {u"setting"_s, RetentionStore::settingKey(count.kind)},
                                     {u"window_days"_s, count.days},
                                     {u"cutoff"_s, JsonExport::time(count.cutoff)},
                                     {u"prunable"_s, count.prunable},
                                     {u"pruned"_s, count.pruned},
                                     {u"remaining"_s, count.remaining},
                                     {u"batches"_s, count.batches}});
        }
        const QJsonObject object{{u"dry_run"_s, dryRun},
                                 {u"at"_s, JsonExport::time(report->now)},
                                 {u"database"_s, m_storeConfig.describe()},
                                 {u"kinds"_s, kinds},
                                 {u"pruned"_s, report->totalPruned()},
                                 {u"size_before"_s, sizeJson(report->before)},
                                 {u"size_after"_s, sizeJson(report->after)}};
        m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
        m_out.flush();
        return Success;
    }

    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions); // 1,234,567
    //: %1: the database
    m_out << (dryRun ? tr("Retention (dry run: nothing deleted) on %1") : tr("Retention on %1"))
                 .arg(m_storeConfig.describe())
          << "\n";
    //: Column header of 'maintenance': how many rows were pruned
    QString pruned = tr("pruned");
    if (dryRun) {
        //: Column header of 'maintenance --dry-run': how many rows would be pruned
        pruned = tr("would prune");
    }
    m_out << QString(u"  %1 %2 %3 %4\n"_s)
                 //: Column header of 'maintenance': what is pruned (log records, runs, ...)
                 .arg(tr("kind"), -26)
                 //: Column header of 'maintenance': the retention window ("30 days")
                 .arg(tr("window"), -10)
                 .arg(pruned, 12)
                 //: Column header of 'maintenance': how many rows are left
                 .arg(tr("remaining"), 10);
    for (const RetentionCount &count : std::as_const(report->kinds)) {
        m_out << QString(u"  %1 %2 %3 %4\n"_s)
                     .arg(RetentionStore::description(count.kind), -26)
                     //: A retention window
                     .arg(tr("%n day(s)", nullptr, count.days), -10)
                     .arg(c.toString(dryRun ? count.prunable : count.pruned), 12)
                     .arg(c.toString(count.remaining), 10);
    }
    //: %1: the database's size before, %2: after, %3: the free space in it (all in bytes)
    m_out << "  "
          << tr("Database: %1 bytes before, %2 after (%3 bytes free, reused by later writes; the file does not "
                "shrink)")
                 .arg(c.toString(report->before.bytes), c.toString(report->after.bytes),
                      c.toString(report->after.freeBytes))
          << "\n";
    //: Keep "retention": it is the name of the configuration's section
    m_out << "  "
          << tr("Never pruned: open alerts, pending track requests, the latest run of each mailbox, live nodes "
                "and nodes holding a lease; windows are set in the configuration's \"retention\" section.")
          << "\n";
    m_out.flush();
    return Success;
}

} // namespace SyncDesk
