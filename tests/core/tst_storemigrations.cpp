// Store schema migrations on real SQLite files: fresh databases, a version-1 file made from a committed
// SQL fixture and migrated forward, databases newer than this build, and the store operations the
// migrations exist for (run history, log, sync requests, batches with deduplication, leases).

#include "store/diagnosticsstore.h"
#include "store/schemamigration.h"
#include "store/store.h"
#include "storefixtures.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QPair>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace SyncDesk;
using namespace Qt::StringLiterals;
using namespace SyncDesk::Testing::StoreFixtures;

namespace {

const QString kFixture = QStringLiteral(SYNCDESK_SOURCE_DIR "/tests/core/data/schema_v1.sql");

// Runs SQL on its own connection, outside any Store. Returns the rows, or one row "ERROR: ..." on failure.
QList<QStringList> rawSql(const QString &path, const QStringList &statements)
{
    static int counter = 0;
    const QString name = u"tst-storemigrations-raw-%1"_s.arg(++counter);
    QList<QStringList> rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open()) {
            rows.append({u"ERROR: "_s + db.lastError().text()});
        } else {
            for (const QString &statement : statements) {
                QSqlQuery query(db);
                if (!query.exec(statement)) {
                    rows = {{u"ERROR: "_s + query.lastError().text() + u" in: "_s + statement.left(80)}};
                    break;
                }
                while (query.next()) {
                    QStringList row;
                    for (int i = 0; i < query.record().count(); ++i) {
                        row.append(query.value(i).isNull() ? u"NULL"_s : query.value(i).toString());
                    }
                    rows.append(row);
                }
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

QList<QStringList> rawSql(const QString &path, const QString &statement)
{
    return rawSql(path, QStringList{statement});
}

// The fixture's statements: each ends with ';' at the end of its last line; "--" lines are comments.
QStringList fixtureStatements(QString *text = nullptr)
{
    QFile file(kFixture);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return {};
    }
    const QString content = QString::fromUtf8(file.readAll());
    if (text) {
        *text = content;
    }
    QStringList statements;
    QString current;
    for (const QString &line : content.split(u'\n')) {
        if (line.startsWith(u"--"_s) || (current.isEmpty() && line.trimmed().isEmpty())) {
            continue;
        }
        current += (current.isEmpty() ? QString() : u"\n"_s) + line;
        if (line.trimmed().endsWith(u';')) {
            current.chop(current.size() - current.lastIndexOf(u';'));
            statements.append(current);
            current.clear();
        }
    }
    return statements;
}

// Creates a version-1 database from the fixture; returns an empty string on success or the error.
QString createFromFixture(const QString &path)
{
    const QStringList statements = fixtureStatements();
    if (statements.size() < 10) {
        return u"cannot read the fixture %1"_s.arg(kFixture);
    }
    const QList<QStringList> result = rawSql(path, statements);
    if (!result.isEmpty()) {
        return result.constFirst().join(u' ');
    }
    return {};
}

QString why(const SyncError &error)
{
    return error.toString();
}

} // namespace

class TestStoreMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshDatabaseReachesLatestVersion();
    void fixtureHoldsTheVersionOneStatements();
    void versionOneFileMigratesWithDataIntact();
    void migratedDatabaseUsesVersionTwoFeatures();
    void openAtVersionOneStaysThere();
    void newerSchemaVersionIsRefused();
    void leasesHeldDuringTheUpgradeStillCountAgainstTheCap();
    void enginesOfTheOldVersionKeepTheirShareOfTheSchedule();
    void itemFailuresOfTheOldVersionKeepTheirRows();
};

void TestStoreMigrations::freshDatabaseReachesLatestVersion()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"fresh.db"_s);
    {
        auto store = Store::open(StoreConfig::sqlite(path));
        QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(why(store.error())));
        auto version = (*store)->schemaVersion();
        QVERIFY(version.ok());
        QCOMPARE(*version, latestSchemaVersion());
        QCOMPARE(latestSchemaVersion(), schemaMigrations().constLast().version);
        QCOMPARE(latestSchemaVersion(), 18);
    }
    // Every step is recorded once, in order; opening again applies nothing twice.
    {
        auto again = Store::open(StoreConfig::sqlite(path));
        QVERIFY(again.ok());
    }
    QList<QStringList> versions;
    for (const SchemaMigration &migration : schemaMigrations()) {
        versions.append({QString::number(migration.version), migration.description});
    }
    QCOMPARE(rawSql(path, u"SELECT version, description FROM schema_version ORDER BY version"_s), versions);
    const QList<QStringList> tables =
        rawSql(path, u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s);
    QCOMPARE(tables, (QList<QStringList>{{u"act_collections"_s},
                                         {u"act_conflicts"_s},
                                         {u"act_links"_s},
                                         {u"act_records"_s},
                                         {u"act_state"_s},
                                         {u"activities"_s},
                                         {u"activity_aliases"_s},
                                         {u"alert_mailboxes"_s},
                                         {u"alerts"_s},
                                         {u"crm_records"_s},
                                         {u"folder_ledger"_s},
                                         {u"folder_state"_s},
                                         {u"item_failures"_s},
                                         {u"log_records"_s},
                                         {u"mailbox_state"_s},
                                         {u"mailboxes"_s},
                                         {u"meta"_s},
                                         {u"nodes"_s},
                                         {u"outgoing_emails"_s},
                                         {u"pop3_seen"_s},
                                         {u"push_state"_s},
                                         {u"schema_version"_s},
                                         {u"server_profiles"_s},
                                         {u"settings"_s},
                                         {u"store_probe"_s},
                                         {u"sync_requests"_s},
                                         {u"sync_runs"_s},
                                         {u"track_requests"_s}}));
}

void TestStoreMigrations::fixtureHoldsTheVersionOneStatements()
{
    QString text;
    const QStringList statements = fixtureStatements(&text);
    QVERIFY2(!statements.isEmpty(), qPrintable(kFixture));
    // Each version-1 statement of the code appears verbatim in the fixture.
    QCOMPARE(schemaMigrations().constFirst().version, 1);
    for (const QString &statement : schemaMigrations().constFirst().statements) {
        QVERIFY2(statements.contains(statement), qPrintable(u"missing from the fixture: "_s + statement.left(60)));
    }

    // And the schema it makes is the one Store::openAtVersion(…, 1) makes.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fromFixture = dir.filePath(u"fixture.db"_s);
    const QString fromStore = dir.filePath(u"store.db"_s);
    QCOMPARE(createFromFixture(fromFixture), QString());
    {
        auto store = Store::openAtVersion(StoreConfig::sqlite(fromStore), 1);
        QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(why(store.error())));
    }
    const QString schema = u"SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"_s;
    auto normalized = [](QList<QStringList> rows) {
        for (QStringList &row : rows) {
            row.last() = row.last().simplified();
        }
        return rows;
    };
    const QList<QStringList> expected = normalized(rawSql(fromStore, schema));
    QVERIFY(expected.size() >= 7);
    QCOMPARE(normalized(rawSql(fromFixture, schema)), expected);
    QCOMPARE(rawSql(fromFixture, u"SELECT version FROM schema_version"_s), QList<QStringList>{{u"1"_s}});
}

void TestStoreMigrations::versionOneFileMigratesWithDataIntact()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"legacy.db"_s);
    QCOMPARE(createFromFixture(path), QString());

    auto opened = Store::open(StoreConfig::sqlite(path));
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
    Store &store = **opened;
    auto version = store.schemaVersion();
    QVERIFY(version.ok());
    QCOMPARE(*version, latestSchemaVersion());
    QCOMPARE(rawSql(path, u"SELECT version FROM schema_version ORDER BY version"_s), (QList<QStringList>{{u"1"_s},
                                                                                                         {u"2"_s},
                                                                                                         {u"3"_s},
                                                                                                         {u"4"_s},
                                                                                                         {u"5"_s},
                                                                                                         {u"6"_s},
                                                                                                         {u"7"_s},
                                                                                                         {u"8"_s},
                                                                                                         {u"9"_s},
                                                                                                         {u"10"_s},
                                                                                                         {u"11"_s},
                                                                                                         {u"12"_s},
                                                                                                         {u"13"_s},
                                                                                                         {u"14"_s},
                                                                                                         {u"15"_s},
                                                                                                         {u"16"_s},
                                                                                                         {u"17"_s},
                                                                                                         {u"18"_s}}));

    auto profiles = store.profiles();
    QVERIFY(profiles.ok());
    QCOMPARE(profiles->size(), 1);
    const ServerProfile &profile = profiles->at(0);
    QCOMPARE(profile.id, qint64(1));
    QCOMPARE(profile.name, u"Legacy"_s);
    QCOMPARE(profile.incoming.protocol, MailProtocol::Imap);
    QCOMPARE(profile.incoming.host, u"imap.legacy.test"_s);
    QCOMPARE(profile.incoming.port, quint16(10993));
    QCOMPARE(profile.incoming.security, Security::StartTls);
    QCOMPARE(profile.incoming.caFile, u"/etc/ssl/legacy-ca.pem"_s);
    QVERIFY(profile.outgoing.has_value());
    QCOMPARE(profile.outgoing->protocol, MailProtocol::Smtp);
    QCOMPARE(profile.outgoing->host, u"smtp.legacy.test"_s);
    QCOMPARE(profile.outgoing->port, quint16(465));
    QCOMPARE(profile.outgoing->security, Security::Tls);
    QCOMPARE(profile.maxConcurrentConnections, 4);

    auto mailboxes = store.mailboxes();
    QVERIFY(mailboxes.ok());
    QCOMPARE(mailboxes->size(), 1);
    Mailbox expectedMailbox;
    expectedMailbox.id = 1;
    expectedMailbox.address = u"old@legacy.test"_s;
    expectedMailbox.profileId = 1;
    expectedMailbox.profileName = u"Legacy"_s;
    expectedMailbox.username = u"old-user"_s;
    expectedMailbox.passwordSource = u"env:OLD_PW"_s;
    expectedMailbox.enabled = true;
    expectedMailbox.folders = {u"INBOX"_s, u"Archiv/2023"_s};
    QCOMPARE(mailboxes->at(0).folders, expectedMailbox.folders);
    QVERIFY(mailboxes->at(0) == expectedMailbox);

    auto state = store.mailboxState(1);
    QVERIFY(state.ok());
    QCOMPARE(state->mailboxId, qint64(1));
    QCOMPARE(state->intervalMs, qint64(600000)); // migrated from interval_seconds by version 3
    QCOMPARE(state->intervalReason, IntervalReason::Busy);
    QCOMPARE(state->lastSyncAt, utc(2024, 3, 5, 14, 0));
    QCOMPARE(state->lastSuccessAt, utc(2024, 3, 5, 13, 0));
    QCOMPARE(state->nextDueAt, utc(2024, 3, 5, 14, 10));
    QCOMPARE(state->consecutiveFailures, 2);
    QCOMPARE(state->lastErrorClass, ErrorClass::Network);
    QCOMPARE(state->lastErrorMessage, u"connection refused"_s);
    QCOMPARE(state->lastErrorDetail, u"imap.legacy.test:10993"_s);
    QCOMPARE(state->lastErrorHintId, u"network-refused"_s);
    QCOMPARE(state->itemsLastSync, 7);
    QCOMPARE(state->leaseOwner, QString());
    QVERIFY(!state->leaseUntil.isValid());

    auto folderState = store.folderState(1, u"INBOX"_s);
    QVERIFY(folderState.ok());
    QCOMPARE(folderState->uidValidity, quint32(1700000000));
    QCOMPARE(folderState->uidNext, quint32(43));
    QCOMPARE(folderState->highestModSeq, quint64(0));
    QCOMPARE(folderState->updatedAt, utc(2024, 3, 5, 14, 0));

    const QList<Activity> stored = activities(store);
    QCOMPARE(stored.size(), 2);
    Activity first;
    first.id = 1;
    first.mailboxId = 1;
    first.mailboxAddress = u"old@legacy.test"_s;
    first.folder = u"INBOX"_s;
    first.uidValidity = 1700000000;
    first.uid = 41;
    first.messageId = u"first@legacy.test"_s;
    first.dedupeKey = u"first@legacy.test"_s;
    first.subject = u"Grüße; aus Köln"_s;
    first.from = {u"Jörg Müller"_s, u"joerg@legacy.test"_s};
    first.to = {{u"Old"_s, u"old@legacy.test"_s}};
    first.date = utc(2024, 3, 5, 12, 0);
    first.bodyText = u"Hallo, it's me"_s;
    first.regarding = RecordRef{u"account"_s, u"ACC-1"_s};
    first.correlation = u"from-address"_s;
    first.createdAt = utc(2024, 3, 5, 12, 0, 1);
    // The columns version 2 added read as their defaults.
    QCOMPARE(stored.at(0).subject, first.subject);
    QCOMPARE(stored.at(0).from.name, first.from.name);
    QCOMPARE(stored.at(0).date, first.date);
    QCOMPARE(stored.at(0).inReplyTo, QString());
    QCOMPARE(stored.at(0).references, QStringList());
    QVERIFY(stored.at(0).attachments.isEmpty());
    QCOMPARE(stored.at(0).size, qint64(0));
    QCOMPARE(stored.at(0).warnings, QStringList());
    QVERIFY(stored.at(0) == first);

    const Activity &second = stored.at(1);
    QCOMPARE(second.id, qint64(2));
    QCOMPARE(second.uid, quint32(42));
    QCOMPARE(second.messageId, QString());
    QCOMPARE(second.dedupeKey, u"sha1:3f786850e387550fdab836ed7e6dc881de23001b"_s);
    QCOMPARE(second.from.address, u"anon@legacy.test"_s);
    QVERIFY(second.to.isEmpty());
    QCOMPARE(second.cc.size(), 1);
    QCOMPARE(second.cc.at(0).address, u"cc@legacy.test"_s);
    QVERIFY(!second.date.isValid());
    QVERIFY(!second.regarding.has_value());
    QCOMPARE(second.createdAt, utc(2024, 3, 5, 12, 0, 2));
}

void TestStoreMigrations::migratedDatabaseUsesVersionTwoFeatures()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"legacy.db"_s);
    QCOMPARE(createFromFixture(path), QString());
    auto opened = Store::open(StoreConfig::sqlite(path));
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(why(opened.error())));
    Store &store = **opened;

    // Run history, newest first.
    SyncRun ok;
    ok.mailboxId = 1;
    ok.startedAt = utc(2024, 3, 6, 9, 0);
    ok.finishedAt = utc(2024, 3, 6, 9, 0, 4);
    ok.trigger = SyncTrigger::Manual;
    ok.success = true;
    ok.itemsNew = 3;
    ok.itemsSeen = 5;
    ok.node = u"node-a"_s;
    SyncRun failed;
    failed.mailboxId = 1;
    failed.startedAt = utc(2024, 3, 6, 9, 5);
    failed.finishedAt = utc(2024, 3, 6, 9, 5, 1);
    failed.trigger = SyncTrigger::Scheduled;
    failed.errorClass = ErrorClass::Auth;
    failed.errorMessage = u"the server rejected the credentials"_s;
    failed.node = u"node-b"_s;
    QVERIFY(store.recordRun(ok).ok());
    QVERIFY(store.recordRun(failed).ok());
    auto runs = store.recentRuns(1, 10);
    QVERIFY(runs.ok());
    QCOMPARE(runs->size(), 2);
    QVERIFY(runs->at(0).id > runs->at(1).id);
    failed.id = runs->at(0).id;
    ok.id = runs->at(1).id;
    QVERIFY(runs->at(0) == failed);
    QVERIFY(runs->at(1) == ok);
    QCOMPARE(runs->at(1).durationMs(), qint64(4000));
    auto limited = store.recentRuns(1, 1);
    QVERIFY(limited.ok());
    QCOMPARE(limited->size(), 1);
    QCOMPARE(limited->at(0).id, failed.id);

    // Structured log.
    QList<LogRecord> records;
    for (int i = 0; i < 3; ++i) {
        LogRecord record;
        record.at = utc(2024, 3, 6, 10, i);
        record.level = i == 2 ? LogLevel::Error : LogLevel::Info;
        record.category = u"sync"_s;
        record.mailbox = u"old@legacy.test"_s;
        record.message = u"message %1"_s.arg(i);
        records.append(record);
    }
    QVERIFY(store.appendLog(records).ok());
    auto all = store.logRecordsAfter(0, 100);
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 3);
    for (int i = 0; i < 3; ++i) {
        LogRecord expected = records.at(i);
        expected.id = all->at(i).id;
        QVERIFY(expected.id > 0);
        QVERIFY(all->at(i) == expected);
    }
    auto after = store.logRecordsAfter(all->at(0).id, 1);
    QVERIFY(after.ok());
    QCOMPARE(after->size(), 1);
    QCOMPARE(after->at(0).message, u"message 1"_s);
    auto lastId = store.lastLogId();
    QVERIFY(lastId.ok());
    QCOMPARE(*lastId, all->at(2).id);

    // Sync requests are handed out once.
    QVERIFY(store.requestSync(1, u"console"_s, utc(2024, 3, 6, 11, 0)).ok());
    QVERIFY(store.requestSync(1, u"cli"_s, utc(2024, 3, 6, 11, 1)).ok());
    auto requests = store.takeSyncRequests();
    QVERIFY(requests.ok());
    QCOMPARE(requests->size(), 2);
    QCOMPARE(requests->at(0).mailboxId, qint64(1));
    QCOMPARE(requests->at(0).reason, u"console"_s);
    QCOMPARE(requests->at(0).requestedAt, utc(2024, 3, 6, 11, 0));
    QCOMPARE(requests->at(1).reason, u"cli"_s);
    auto none = store.takeSyncRequests();
    QVERIFY(none.ok());
    QVERIFY(none->isEmpty());

    // A batch with the message details version 2 added.
    Activity detailed = activity(1, u"INBOX"_s, 1700000000, 43, u"third@legacy.test"_s, u"Rechnung"_s);
    detailed.inReplyTo = u"first@legacy.test"_s;
    detailed.references = {u"root@legacy.test"_s, u"first@legacy.test"_s};
    detailed.attachments = {{u"Rechnung März.pdf"_s, u"application/pdf"_s, 48213}, {u"logo.png"_s, u"image/png"_s, 8}};
    detailed.size = 70123;
    detailed.warnings = {u"a header contains unencoded 8-bit characters"_s};
    detailed.date = utc(2024, 3, 6, 8, 0);
    auto batch = store.writeBatch(folder(1, u"INBOX"_s, 1700000000, 44, 9000), {detailed});
    QVERIFY2(batch.ok(), batch.ok() ? "" : qPrintable(why(batch.error())));
    QCOMPARE(batchText(*batch), batchText(1, 0, 0));
    const QList<Activity> stored = activities(store, 1);
    QCOMPARE(stored.size(), 3);
    const Activity &third = stored.at(2);
    QCOMPARE(third.messageId, detailed.messageId);
    QCOMPARE(third.inReplyTo, detailed.inReplyTo);
    QCOMPARE(third.references, detailed.references);
    QCOMPARE(third.attachments, detailed.attachments);
    QCOMPARE(third.size, detailed.size);
    QCOMPARE(third.warnings, detailed.warnings);
    QCOMPARE(third.date, detailed.date);
    auto folderState = store.folderState(1, u"INBOX"_s);
    QVERIFY(folderState.ok());
    QCOMPARE(folderState->uidNext, quint32(44));
    QCOMPARE(folderState->highestModSeq, quint64(9000));
}

void TestStoreMigrations::openAtVersionOneStaysThere()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"v1.db"_s);
    {
        auto store = Store::openAtVersion(StoreConfig::sqlite(path), 1);
        QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(why(store.error())));
        auto version = (*store)->schemaVersion();
        QVERIFY(version.ok());
        QCOMPARE(*version, 1);
        // The version-1 tables are there (the Store itself always writes the latest schema, so the row
        // goes in with plain SQL); version-2 ones do not exist yet.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v1-raw"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        {
            QSqlQuery insert(db);
            QVERIFY(insert.exec(
                u"INSERT INTO server_profiles (name, incoming_protocol, incoming_host, incoming_port, "
                "incoming_security, created_at, updated_at) VALUES ('p', 'imap', 'h', 993, 'tls', 0, 0)"_s));
            QVERIFY(insert.exec(u"INSERT INTO mailboxes (address, profile_id, username, password_source, created_at, "
                                "updated_at) VALUES ('v1@example.test', 1, 'v1', 'env:X', 0, 0)"_s));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"v1-raw"_s);
        SyncRun run;
        run.mailboxId = 1;
        run.startedAt = run.finishedAt = utc(2024, 1, 1, 0, 0);
        const Status recorded = (*store)->recordRun(run);
        QVERIFY(!recorded.ok());
        QCOMPARE(recorded.error().errorClass, ErrorClass::Store);
    }
    QCOMPARE(rawSql(path, u"SELECT COUNT(*) FROM sqlite_master WHERE name = 'sync_runs'"_s),
             QList<QStringList>{{u"0"_s}});
    // Opened normally later, it moves on to the latest version and keeps its rows.
    auto store = Store::open(StoreConfig::sqlite(path));
    QVERIFY(store.ok());
    auto version = (*store)->schemaVersion();
    QVERIFY(version.ok());
    QCOMPARE(*version, latestSchemaVersion());
    auto mailbox = (*store)->mailboxByAddress(u"v1@example.test"_s);
    QVERIFY(mailbox.ok());
    QVERIFY(mailbox->has_value());
}

void TestStoreMigrations::leasesHeldDuringTheUpgradeStillCountAgainstTheCap()
{
    // Version 12 names each lease's profile, and a claim counts only leases that name theirs: a lease
    // taken by an engine of version 11 just before the upgrade must be counted all the same.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"v11.db"_s);
    qint64 held = 0;
    qint64 other = 0;
    const QDateTime t0 = utc(2026, 12, 5, 8, 0);
    {
        auto store = Store::openAtVersion(StoreConfig::sqlite(path), 11);
        QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(why(store.error())));
    }
    // The rows as version 11 wrote them (today's store writes columns it did not have yet).
    rawSql(path, QStringList{
                     u"INSERT INTO server_profiles (name, incoming_protocol, incoming_host, incoming_port, "
                     "incoming_security, created_at, updated_at) VALUES ('Test', 'imap', 'imap.example.test', 993, "
                     "'tls', 0, 0)"_s,
                     u"INSERT INTO mailboxes (address, profile_id, username, password_source, created_at, "
                     "updated_at) VALUES ('held@example.test', 1, 'held', 'env:TEST_PW', 0, 0), "
                     "('other@example.test', 1, 'other', 'env:TEST_PW', 0, 0)"_s,
                     u"INSERT INTO mailbox_state (mailbox_id) SELECT id FROM mailboxes"_s,
                 });
    held =
        rawSql(path, u"SELECT id FROM mailboxes WHERE address = 'held@example.test'"_s).value(0).value(0).toLongLong();
    other =
        rawSql(path, u"SELECT id FROM mailboxes WHERE address = 'other@example.test'"_s).value(0).value(0).toLongLong();
    QVERIFY(held > 0 && other > 0);
    rawSql(path, u"UPDATE mailbox_state SET lease_owner = 'old-engine', lease_until = %1, lease_epoch = 1 "
                 "WHERE mailbox_id = %2"_s.arg(t0.addSecs(300).toMSecsSinceEpoch())
                     .arg(held));
    auto store = Store::open(StoreConfig::sqlite(path));
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(why(store.error())));
    QCOMPARE(*(*store)->schemaVersion(), latestSchemaVersion());
    const qint64 profileId = (*(*store)->mailbox(held))->profileId;
    QCOMPARE(rawSql(path, u"SELECT lease_profile FROM mailbox_state WHERE mailbox_id = %1"_s.arg(held)),
             QList<QStringList>{{QString::number(profileId)}});
    QCOMPARE(*(*store)->claimMailbox(other, profileId, 1, u"new-engine"_s, t0, t0.addSecs(60)),
             Store::Claim::ProfileFull);
    QCOMPARE(*(*store)->claimMailbox(other, profileId, 2, u"new-engine"_s, t0, t0.addSecs(60)), Store::Claim::Claimed);
}

void TestStoreMigrations::newerSchemaVersionIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"future.db"_s);
    {
        auto store = Store::open(StoreConfig::sqlite(path));
        QVERIFY(store.ok());
        QVERIFY(addMailbox(**store, u"future@example.test"_s) > 0);
    }
    const int future = latestSchemaVersion() + 1;
    QCOMPARE(rawSql(path, u"INSERT INTO schema_version (version, description, applied_at) VALUES (%1, 'from the "
                          "future', 0)"_s.arg(future)),
             QList<QStringList>{});

    auto refused = Store::open(StoreConfig::sqlite(path));
    QVERIFY(!refused.ok());
    const SyncError &error = refused.error();
    QCOMPARE(error.errorClass, ErrorClass::Store);
    QCOMPARE(error.hintId, u"store-error"_s);
    QVERIFY2(error.message.contains(u"schema version %1"_s.arg(future)), qPrintable(error.message));
    QVERIFY2(error.message.contains(u"newer than this SyncDesk knows (%1)"_s.arg(latestSchemaVersion())),
             qPrintable(error.message));
    QVERIFY(error.message.contains(path));

    auto refusedAtOne = Store::openAtVersion(StoreConfig::sqlite(path), 1);
    QVERIFY(!refusedAtOne.ok());
    QCOMPARE(refusedAtOne.error().errorClass, ErrorClass::Store);

    // Nothing was changed by the refused opens.
    QCOMPARE(rawSql(path, u"SELECT MAX(version), COUNT(*) FROM schema_version"_s),
             (QList<QStringList>{{QString::number(future), QString::number(future)}}));
    QCOMPARE(rawSql(path, u"SELECT address FROM mailboxes"_s), QList<QStringList>{{u"future@example.test"_s}});
}

void TestStoreMigrations::itemFailuresOfTheOldVersionKeepTheirRows()
{
    // Version 14 adds the sender and date of a failed message; failures recorded before know neither.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"v13.db"_s);
    {
        auto store = Store::openAtVersion(StoreConfig::sqlite(path), 13);
        QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(why(store.error())));
    }
    QCOMPARE(rawSql(path,
                    u"INSERT INTO server_profiles (id, name, incoming_protocol, incoming_host, incoming_port, "
                    "incoming_security, created_at, updated_at) VALUES (1, 'p', 'imap', 'h', 993, 'tls', 0, 0)"_s),
             QList<QStringList>());
    QCOMPARE(rawSql(path, u"INSERT INTO mailboxes (id, address, profile_id, username, password_source, created_at, "
                          "updated_at) VALUES (1, 'ana@contoso.com', 1, 'ana', '{}', 1, 1)"_s),
             QList<QStringList>());
    QCOMPARE(rawSql(path, u"INSERT INTO item_failures (mailbox_id, folder, uidvalidity, uid, subject, size_bytes, "
                          "error_class, hint_id, reason, first_failed_at, last_failed_at) VALUES (1, 'INBOX', 7, 42, "
                          "'Old one', 99, 'parse', 'message-parse', 'why', 1, 2)"_s),
             QList<QStringList>());
    auto store = Store::open(StoreConfig::sqlite(path));
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(why(store.error())));
    auto failures = DiagnosticsStore(**store).itemFailures();
    QVERIFY(failures.ok());
    QCOMPARE(failures->size(), 1);
    QCOMPARE(failures->at(0).subject, u"Old one"_s);
    QCOMPARE(failures->at(0).uid, 42u);
    QVERIFY(failures->at(0).sender.isEmpty());
    QVERIFY(!failures->at(0).messageDate.isValid());
}

void TestStoreMigrations::enginesOfTheOldVersionKeepTheirShareOfTheSchedule()
{
    // Version 13 says which engines run the schedule (a run-once does not); an engine row written before the
    // upgrade, by an engine still running version 12 code, counts as one that does.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"v12.db"_s);
    const QDateTime t0 = utc(2026, 12, 5, 8, 0);
    {
        auto store = Store::openAtVersion(StoreConfig::sqlite(path), 12);
        QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(why(store.error())));
    }
    QCOMPARE(rawSql(path, u"INSERT INTO nodes (node_id, host, pid, started_at, heartbeat_at, workers_total, "
                          "workers_busy, capacity, running, queued, overdue) VALUES ('old-engine', 'h', 1, %1, %1, "
                          "2, 0, 20, 0, 0, 0)"_s.arg(t0.toMSecsSinceEpoch())),
             QList<QStringList>());
    auto store = Store::open(StoreConfig::sqlite(path));
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(why(store.error())));
    NodeStatus once;
    once.nodeId = u"run-once"_s;
    once.heartbeatAt = t0;
    once.startedAt = t0;
    once.runsSchedule = false;
    QVERIFY((*store)->publishNode(once));
    LeaseTiming timing;
    timing.deadAfterSeconds = 10;
    const auto engines = (*store)->schedulingEngines(t0.addSecs(5), timing);
    QVERIFY2(engines.ok(), engines.ok() ? "" : qPrintable(why(engines.error())));
    QCOMPARE(*engines, QStringList{u"old-engine"_s});
    QCOMPARE(*(*store)->schedulingEngines(t0.addSecs(11), timing), QStringList()); // silent: dead
}

QTEST_GUILESS_MAIN(TestStoreMigrations)
#include "tst_storemigrations.moc"
