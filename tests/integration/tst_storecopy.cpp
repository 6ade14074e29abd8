// syncdesk-node store copy (issue 13, item 8): a SQLite installation moved into an empty PostgreSQL
// database (and into a new SQLite file) through the real binary: every table's rows equal on both sides,
// ids kept and continued, and every refusal (a target with rows, a running engine, a missing source, a copy
// that fails half-way) leaves the target as it was.

#include "model/alert.h"
#include "model/itemfailure.h"
#include "model/nodestatus.h"
#include "model/syncrun.h"
#include "model/trackrequest.h"
#include "noderunner.h"
#include "store/crmstore.h"
#include "store/diagnosticsstore.h"
#include "store/store.h"
#include "store/storecopy.h"
#include "storefixtures.h"
#include "teststore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

// Every row of every table, each as its values in text (bytes in hex), sorted: the same on both backends
// when the copy is faithful.
QMap<QString, QStringList> tableContents(const StoreConfig &config)
{
    const QString connection = u"tst_storecopy-%1"_s.arg(quintptr(&config));
    QMap<QString, QStringList> contents;
    {
        QSqlDatabase db = TestStore::rawConnection(config, connection);
        QSqlQuery tables(db);
        tables.exec(config.isPostgres() ? u"SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                          "current_schema() AND table_type = 'BASE TABLE'"_s
                                        : u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                          "'sqlite_%'"_s);
        QStringList names;
        while (tables.next()) {
            names.append(tables.value(0).toString());
        }
        for (const QString &name : std::as_const(names)) {
            if (name == u"schema_version"_s || name == u"meta"_s) {
                continue; // each side's own migrations wrote them
            }
            QSqlQuery rows(db);
            rows.exec(u"SELECT * FROM "_s + name);
            QStringList lines;
            while (rows.next()) {
                QStringList values;
                const QSqlRecord record = rows.record();
                QStringList columns;
                for (int i = 0; i < record.count(); ++i) {
                    columns.append(record.fieldName(i));
                }
                // Columns by name: their order may differ where later migrations added them.
                QStringList sorted = columns;
                sorted.sort();
                for (const QString &column : std::as_const(sorted)) {
                    const QVariant value = rows.value(column);
                    values.append(column + u'=' +
                                  (value.isNull() ? u"NULL"_s
                                   : value.typeId() == QMetaType::QByteArray
                                       ? QString::fromLatin1(value.toByteArray().toHex())
                                       : value.toString()));
                }
                lines.append(values.join(u'|'));
            }
            lines.sort();
            contents.insert(name, lines);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return contents;
}

qint64 totalRows(const QMap<QString, QStringList> &contents)
{
    qint64 rows = 0;
    for (const QStringList &lines : contents) {
        rows += lines.size();
    }
    return rows;
}

} // namespace

class TestStoreCopy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void copiesEverythingAndVerifies_data();
    void copiesEverythingAndVerifies();
    void refusesATargetWithRows();
    void aFailedCopyLeavesTheTargetEmpty();
    void refusesWhileAnEngineRuns();
    void refusesAMissingSourceAndBadTargets();

private:
    // A SQLite installation with a row in every table that a real one fills.
    void fillSource();
    std::optional<StoreConfig> newPostgres(const QString &name);
    NodeRun copyTo(const QString &target, bool json = true);

    std::unique_ptr<QTemporaryDir> m_dir;
    StoreConfig m_source;
};

void TestStoreCopy::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_source = StoreConfig::sqlite(m_dir->filePath(u"source.db"_s));
}

void TestStoreCopy::cleanup()
{
    m_dir.reset();
}

std::optional<StoreConfig> TestStoreCopy::newPostgres(const QString &name)
{
    QString why;
    auto config = TestStore::postgresConfig(name, &why);
    if (!config) {
        if (qEnvironmentVariableIsSet("CI")) {
            qWarning("%s", qPrintable(why));
        }
        return std::nullopt;
    }
    return config;
}

NodeRun TestStoreCopy::copyTo(const QString &target, bool json)
{
    QStringList arguments{u"store"_s, u"copy"_s, u"--to"_s, target};
    if (json) {
        arguments.append(u"--json"_s);
    }
    return runNode(QStringLiteral(SYNCDESK_NODE_BINARY), m_source.sqlitePath, arguments);
}

void TestStoreCopy::fillSource()
{
    auto opened = Store::open(m_source);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    Store &store = **opened;
    const QDateTime now = StoreFixtures::utc(2026, 12, 5, 9, 0);
    const qint64 ana = StoreFixtures::addMailbox(store, u"ana@contoso.test"_s);
    const qint64 ben = StoreFixtures::addMailbox(store, u"ben@contoso.test"_s);
    QVERIFY(ana > 0 && ben > 0);
    QVERIFY(store.setMailboxEnabled(ben, false, u"admin"_s, now));

    // Activities with what makes text hard: non-Latin scripts, quotes, long bodies; the ledger beside them.
    QList<Activity> batch;
    for (quint32 uid = 1; uid <= 300; ++uid) {
        Activity activity = StoreFixtures::activity(ana, u"INBOX"_s, 7, uid, u"m%1@contoso.test"_s.arg(uid),
                                                    u"Grüße «%1» 'quoted' \"twice\" 日本語"_s.arg(uid));
        activity.bodyText = QString(2000, u'x') + u" end of %1"_s.arg(uid);
        batch.append(activity);
    }
    auto written =
        store.writeBatch(StoreFixtures::folder(ana, u"INBOX"_s, 7, 301, 42), batch, {{1, 300, Disposition::Stored}});
    QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
    QCOMPARE(written->inserted, 300);
    QVERIFY(store.writePop3Batch(ben, {{"uidl-1", 1}, {"uidl-2", 2}},
                                 {StoreFixtures::activity(ben, u"INBOX"_s, 0, 1, u"pop@contoso.test"_s)}));

    CrmStore crm(store);
    CrmRecord account;
    account.type = u"account"_s;
    account.key = u"contoso"_s;
    account.name = u"Contoso Ltd"_s;
    account.email = u"info@contoso.test"_s;
    account.extra = QJsonObject{{u"industry"_s, u"retail"_s}};
    QVERIFY(crm.upsertRecords({account}));
    TrackRequest track;
    track.mailboxId = ana;
    track.messageId = u"m1@contoso.test"_s;
    track.regarding = RecordRef{u"account"_s, u"contoso"_s};
    track.requestedAt = now;
    QVERIFY(crm.addTrackRequest(track));

    Alert alert;
    alert.causeKey = u"mailbox-failing:%1"_s.arg(ana);
    alert.kind = u"first-failure"_s;
    alert.severity = u"warning"_s;
    alert.mailboxId = ana;
    alert.message = u"login refused"_s;
    alert.raisedAt = now;
    alert.updatedAt = now;
    QVERIFY(store.raiseAlert(alert));
    DiagnosticsStore diagnostics(store);
    ItemFailure failure;
    failure.mailboxId = ana;
    failure.folder = u"INBOX"_s;
    failure.uidValidity = 7;
    failure.uid = 301;
    failure.hintId = u"message-parse"_s;
    failure.reason = u"not a message"_s;
    QVERIFY(diagnostics.recordItemFailure(failure));

    SyncRun run;
    run.mailboxId = ana;
    run.startedAt = now;
    run.finishedAt = now.addSecs(3);
    run.success = true;
    run.itemsNew = 300;
    run.itemsSeen = 300;
    run.node = u"old-host:12:ab"_s;
    run.leaseEpoch = 4;
    QVERIFY(store.recordRun(run));
    QVERIFY(store.appendLog({{0, now, LogLevel::Warning, u"sync"_s, u"ana@contoso.test"_s, u"a warning"_s},
                             {0, now, LogLevel::Info, u"node"_s, {}, u"started"_s}}));
    QVERIFY(store.requestSync(ana, u"console"_s, now));
    QVERIFY(store.setSetting(u"retention"_s, QJsonObject{{u"log_days"_s, 14}}));
    NodeStatus node;
    node.nodeId = u"old-host:12:ab"_s;
    node.host = u"old-host"_s;
    node.pid = 12;
    node.startedAt = now.addDays(-1);
    node.heartbeatAt = now;
    node.stopped = true;
    QVERIFY(store.publishNode(node));
}

void TestStoreCopy::copiesEverythingAndVerifies_data()
{
    QTest::addColumn<bool>("postgres");
    QTest::newRow("into PostgreSQL") << true;
    QTest::newRow("into a new SQLite file") << false;
}

void TestStoreCopy::copiesEverythingAndVerifies()
{
    QFETCH(bool, postgres);
    fillSource();
    if (QTest::currentTestFailed()) {
        return;
    }
    std::optional<StoreConfig> target =
        postgres ? newPostgres(u"copy"_s) : StoreConfig::sqlite(m_dir->filePath(u"copy.db"_s));
    if (!target) {
        if (qEnvironmentVariableIsSet("CI")) {
            QFAIL("PostgreSQL 15 is missing: scripts/test.sh installs it (a missing install step)");
        }
        QSKIP("PostgreSQL 15 is not installed: run scripts/test.sh");
    }
    const NodeRun copied = copyTo(TestStore::location(*target));
    QVERIFY2(copied.exitCode == 0, qPrintable(copied.err + copied.out));
    QVERIFY2(copied.err.contains(u"activities: 301 of 301 rows"_s), qPrintable(copied.err));

    const QMap<QString, QStringList> before = tableContents(m_source);
    const QMap<QString, QStringList> after = tableContents(*target);
    const QJsonObject report = QJsonDocument::fromJson(copied.out.toUtf8()).object();
    QCOMPARE(report.value(u"verified"_s).toBool(), true);
    QCOMPARE(report.value(u"rows"_s).toInteger(), totalRows(before) - before.value(u"store_probe"_s).size());
    QVERIFY(totalRows(before) >= 320);
    for (const QJsonValue &table : report.value(u"tables"_s).toArray()) {
        const QString name = table[u"table"_s].toString();
        QCOMPARE(table[u"target_rows"_s].toInteger(), qint64(before.value(name).size()));
    }
    // Every table, row for row, value for value (the probe table is the store's own scratch space).
    QCOMPARE(after.keys(), before.keys());
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (it.key() == u"store_probe"_s) {
            continue;
        }
        QVERIFY2(after.value(it.key()) == it.value(),
                 qPrintable(u"%1 differs: %2 rows in the source, %3 in the copy; first source row: %4"_s.arg(it.key())
                                .arg(it.value().size())
                                .arg(after.value(it.key()).size())
                                .arg(it.value().value(0).left(300))));
    }

    // The copy is a working store: new rows continue after the copied ids, the data reads back.
    auto store = Store::open(*target);
    QVERIFY(store);
    const qint64 carol = StoreFixtures::addMailbox(**store, u"carol@contoso.test"_s);
    QVERIFY(carol > 2);
    auto more = (*store)->writeBatch(StoreFixtures::folder(carol, u"INBOX"_s, 1, 2),
                                     {StoreFixtures::activity(carol, u"INBOX"_s, 1, 1, u"new@contoso.test"_s)});
    QVERIFY2(more, qPrintable(more ? QString() : more.error().toString()));
    QCOMPARE(more->inserted, 1);
    QVERIFY(more->ids.constFirst() > 301);
    auto ben = (*store)->mailboxByAddress(u"ben@contoso.test"_s);
    QVERIFY(ben && *ben && !(*ben)->enabled);
    auto ana = (*store)->mailboxByAddress(u"ana@contoso.test"_s);
    QVERIFY(ana && *ana);
    const QList<Activity> activities = StoreFixtures::activities(**store, (*ana)->id);
    QCOMPARE(activities.size(), 300);
    QCOMPARE(activities.constFirst().subject, u"Grüße «1» 'quoted' \"twice\" 日本語"_s);
}

void TestStoreCopy::refusesATargetWithRows()
{
    fillSource();
    auto target = newPostgres(u"twice"_s);
    if (!target) {
        if (qEnvironmentVariableIsSet("CI")) {
            QFAIL("PostgreSQL 15 is missing: scripts/test.sh installs it (a missing install step)");
        }
        QSKIP("PostgreSQL 15 is not installed: run scripts/test.sh");
    }
    QCOMPARE(copyTo(TestStore::location(*target)).exitCode, 0);
    const QMap<QString, QStringList> once = tableContents(*target);
    const NodeRun again = copyTo(TestStore::location(*target), false);
    QCOMPARE(again.exitCode, 3);
    QVERIFY2(again.err.contains(u"the target database is not empty"_s) && again.err.contains(u"mailboxes (2 rows)"_s),
             qPrintable(again.err));
    QVERIFY2(again.err.contains(u"hint [store-copy-target]: "_s), qPrintable(again.err));
    QCOMPARE(tableContents(*target), once);
}

void TestStoreCopy::aFailedCopyLeavesTheTargetEmpty()
{
    fillSource();
    // A row whose mailbox is gone (written with the foreign keys off, as an old release could): PostgreSQL
    // refuses it, after hundreds of rows of other tables went in.
    {
        QSqlDatabase db = TestStore::rawConnection(m_source, u"orphan"_s);
        QSqlQuery query(db);
        QVERIFY(query.exec(u"PRAGMA foreign_keys=OFF"_s));
        QVERIFY2(
            query.exec(u"INSERT INTO sync_runs (mailbox_id, started_at, finished_at, trigger, success, items_new, "
                       "items_seen, error_class, error_message) VALUES (999, 1, 2, 'scheduled', 1, 0, 0, '', '')"_s),
            qPrintable(query.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"orphan"_s);
    auto target = newPostgres(u"failed"_s);
    if (!target) {
        if (qEnvironmentVariableIsSet("CI")) {
            QFAIL("PostgreSQL 15 is missing: scripts/test.sh installs it (a missing install step)");
        }
        QSKIP("PostgreSQL 15 is not installed: run scripts/test.sh");
    }
    const NodeRun copied = copyTo(TestStore::location(*target), false);
    QCOMPARE(copied.exitCode, 3);
    QVERIFY2(copied.err.contains(u"sync_runs"_s), qPrintable(copied.err));
    const QMap<QString, QStringList> contents = tableContents(*target);
    QVERIFY(!contents.isEmpty());
    QCOMPARE(totalRows(contents), 0);
}

void TestStoreCopy::refusesWhileAnEngineRuns()
{
    fillSource();
    {
        auto store = Store::open(m_source);
        QVERIFY(store);
        NodeStatus node;
        node.nodeId = u"live-host:34:cd"_s;
        node.host = u"live-host"_s;
        node.pid = 34;
        node.startedAt = QDateTime::currentDateTimeUtc();
        node.heartbeatAt = QDateTime::currentDateTimeUtc();
        QVERIFY((*store)->publishNode(node));
    }
    const QString target = m_dir->filePath(u"copy.db"_s);
    const NodeRun copied = copyTo(target, false);
    QCOMPARE(copied.exitCode, 2);
    QVERIFY2(copied.err.contains(u"an engine is running"_s) && copied.err.contains(u"stop every node"_s),
             qPrintable(copied.err));
    QVERIFY(!QFile::exists(target)); // not even created
}

void TestStoreCopy::refusesAMissingSourceAndBadTargets()
{
    const NodeRun missing = copyTo(m_dir->filePath(u"copy.db"_s), false);
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(u"there is no database at"_s), qPrintable(missing.err));
    QVERIFY(!QFile::exists(m_source.sqlitePath)); // a mistyped source is not created

    fillSource();
    const NodeRun itself = copyTo(m_source.sqlitePath, false);
    QCOMPARE(itself.exitCode, 2);
    QVERIFY2(itself.err.contains(u"the source database itself"_s), qPrintable(itself.err));

    const NodeRun password = copyTo(u"postgresql://syncdesk:secret@127.0.0.1:5432/syncdesk"_s, false);
    QCOMPARE(password.exitCode, 2);
    QVERIFY2(password.err.contains(u"--to:"_s) && !password.err.contains(u"secret"_s), qPrintable(password.err));

    const NodeRun noTarget =
        runNode(QStringLiteral(SYNCDESK_NODE_BINARY), m_source.sqlitePath, {u"store"_s, u"copy"_s});
    QCOMPARE(noTarget.exitCode, 2);
    QVERIFY2(noTarget.err.contains(u"store copy --to"_s), qPrintable(noTarget.err));
}

QTEST_GUILESS_MAIN(TestStoreCopy)
#include "tst_storecopy.moc"
