// The command line at scale, against the real syncdesk-node binary: status narrowed by state, profile, mailbox
// and owner; each command's own help; and commands that only read never create a database or directories
// (store-missing, exit 3), with a hint of their own for a directory or a file that is not a database.

#include "noderunner.h"
#include "store/store.h"
#include "synchelper.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestNodeCliScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void statusNarrowsByState_data();
    void statusNarrowsByState();
    void statusNarrowsByProfileMailboxAndOwner();
    void statusFiltersCombineAndRefuseWhatDoesNotExist();
    void eachCommandHasItsOwnHelp();
    void readingCommandsNeverCreateADatabase();
    void aDirectoryOrAnotherFileIsNotADatabase();
    void crmCsvImportSaysWhatCanBeDone();

private:
    NodeRun node(const QStringList &arguments, const QString &database = {});
    QStringList statusAddresses(const QStringList &filters);

    QTemporaryDir m_dir;
    QString m_db;
};

NodeRun TestNodeCliScale::node(const QStringList &arguments, const QString &database)
{
    return runNode(QStringLiteral(SYNCDESK_NODE_BINARY), database.isEmpty() ? m_db : database, arguments, {},
                   QProcessEnvironment::systemEnvironment(), 60000);
}

QStringList TestNodeCliScale::statusAddresses(const QStringList &filters)
{
    const NodeRun run = node(QStringList{u"status"_s, u"--json"_s} + filters);
    if (run.exitCode != 0) {
        qWarning("status %s: exit %d: %s", qPrintable(filters.join(u' ')), run.exitCode, qPrintable(run.err));
        return {u"<failed>"_s};
    }
    QStringList addresses;
    for (const QJsonValue &value : QJsonDocument::fromJson(run.out.toUtf8()).array()) {
        addresses.append(value.toObject().value(u"address"_s).toString());
    }
    addresses.sort();
    return addresses;
}

void TestNodeCliScale::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(QStringLiteral(SYNCDESK_NODE_BINARY)));
    m_db = m_dir.filePath(u"scale.db"_s);
    const StoreConfig store = StoreConfig::sqlite(m_db);
    QFile config(m_dir.filePath(u"config.json"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({
      "crm": {"business_units": [{"id": "sales"}],
              "system_users": [{"id": "ana", "business_unit": "sales"}, {"id": "bob", "business_unit": "sales"}]},
      "server_profiles": [
        {"name": "Main", "incoming": {"protocol": "imap", "host": "imap.example.test", "security": "tls"}},
        {"name": "Legacy", "incoming": {"protocol": "imap", "host": "old.example.test", "security": "starttls"}}
      ],
      "mailboxes": [
        {"address": "ok@example.test", "profile": "Main", "password_env": "PW", "owner": "systemuser:ana"},
        {"address": "failing@example.test", "profile": "Main", "password_env": "PW", "owner": "systemuser:bob"},
        {"address": "late@example.test", "profile": "Legacy", "password_env": "PW", "owner": "systemuser:ana"},
        {"address": "off@example.test", "profile": "Legacy", "password_env": "PW", "enabled": false},
        {"address": "new@example.test", "profile": "Main", "password_env": "PW"}
      ]
    })");
    config.close();
    const QString imported = SyncHelper::importConfig(store, config.fileName());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
    auto opened = Store::open(store);
    QVERIFY(opened);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto state = [&](const QString &address) {
        MailboxState mailboxState;
        mailboxState.mailboxId = SyncHelper::mailboxId(store, address);
        mailboxState.lastSyncAt = mailboxState.lastSuccessAt = now.addSecs(-120);
        mailboxState.nextDueAt = now.addSecs(180);
        return mailboxState;
    };
    QVERIFY((*opened)->saveMailboxState(state(u"ok@example.test"_s)));
    MailboxState failing = state(u"failing@example.test"_s);
    failing.consecutiveFailures = 2;
    failing.lastErrorClass = ErrorClass::Timeout;
    failing.lastErrorMessage = u"no answer"_s;
    failing.lastErrorHintId = u"timeout"_s;
    QVERIFY((*opened)->saveMailboxState(failing));
    MailboxState late = state(u"late@example.test"_s);
    late.nextDueAt = now.addSecs(-3600);
    QVERIFY((*opened)->saveMailboxState(late));
}

void TestNodeCliScale::statusNarrowsByState_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("ok") << u"ok"_s << QStringList{u"late@example.test"_s, u"ok@example.test"_s};
    QTest::newRow("failing") << u"failing"_s << QStringList{u"failing@example.test"_s};
    QTest::newRow("disabled") << u"disabled"_s << QStringList{u"off@example.test"_s};
    QTest::newRow("overdue") << u"overdue"_s << QStringList{u"late@example.test"_s};
    QTest::newRow("syncing") << u"syncing"_s << QStringList{};
    QTest::newRow("never") << u"never"_s << QStringList{u"new@example.test"_s};
}

void TestNodeCliScale::statusNarrowsByState()
{
    QFETCH(QString, state);
    QFETCH(QStringList, expected);
    QCOMPARE(statusAddresses({u"--state"_s, state}), expected);
}

void TestNodeCliScale::statusNarrowsByProfileMailboxAndOwner()
{
    QCOMPARE(statusAddresses({u"--profile"_s, u"Legacy"_s}),
             (QStringList{u"late@example.test"_s, u"off@example.test"_s}));
    QCOMPARE(statusAddresses({u"--mailbox"_s, u"ok@example.test"_s, u"--mailbox"_s, u"OFF@example.test"_s}),
             (QStringList{u"off@example.test"_s, u"ok@example.test"_s}));
    QCOMPARE(statusAddresses({u"--owner"_s, u"systemuser:ana"_s}),
             (QStringList{u"late@example.test"_s, u"ok@example.test"_s}));
    QCOMPARE(statusAddresses({u"--owner"_s, u"bob"_s}), QStringList{u"failing@example.test"_s});
    // The text table says how many of how many it shows.
    const NodeRun run = node({u"status"_s, u"--profile"_s, u"Legacy"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(u"late@example.test"_s) && !run.out.contains(u"ok@example.test"_s), qPrintable(run.out));
    QVERIFY2(run.err.contains(u"2 of 5 mailboxes"_s), qPrintable(run.err));
}

void TestNodeCliScale::statusFiltersCombineAndRefuseWhatDoesNotExist()
{
    QCOMPARE(statusAddresses({u"--profile"_s, u"Main"_s, u"--state"_s, u"ok"_s}), QStringList{u"ok@example.test"_s});
    QCOMPARE(statusAddresses({u"--owner"_s, u"ana"_s, u"--state"_s, u"overdue"_s}),
             QStringList{u"late@example.test"_s});
    NodeRun run = node({u"status"_s, u"--state"_s, u"broken"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"ok, failing, disabled, overdue, syncing, never"_s), qPrintable(run.err));
    run = node({u"status"_s, u"--profile"_s, u"Nope"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"no server profile Nope"_s) && run.err.contains(u"Legacy"_s), qPrintable(run.err));
    run = node({u"status"_s, u"--mailbox"_s, u"nobody@example.test"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"no mailbox nobody@example.test"_s), qPrintable(run.err));
}

void TestNodeCliScale::eachCommandHasItsOwnHelp()
{
    const NodeRun help = node({u"help"_s, u"status"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(u"syncdesk-node status"_s), qPrintable(help.out));
    for (const QString &option : {u"--state"_s, u"--profile"_s, u"--mailbox"_s, u"--owner"_s, u"--json"_s}) {
        QVERIFY2(help.out.contains(option), qPrintable(option + u" missing in:\n"_s + help.out));
    }
    QVERIFY2(!help.out.contains(u"--repair"_s) && !help.out.contains(u"store copy"_s), qPrintable(help.out));
    // Formatted for a terminal: no line longer than 80 columns.
    for (const QString &line : help.out.split(u'\n')) {
        QVERIFY2(line.size() <= 80, qPrintable(line));
    }
    const NodeRun dashed = node({u"status"_s, u"--help"_s});
    QCOMPARE(dashed.exitCode, 0);
    QCOMPARE(dashed.out, help.out);
    const NodeRun sync = node({u"sync"_s, u"--help"_s});
    QVERIFY2(sync.out.contains(u"--once"_s) && !sync.out.contains(u"--owner"_s), qPrintable(sync.out));
    const NodeRun unknown = node({u"help"_s, u"frobnicate"_s});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains(u"unknown command 'frobnicate'"_s));
    const NodeRun all = node({u"help"_s});
    QCOMPARE(all.exitCode, 0);
    QVERIFY(all.out.contains(u"store copy"_s) && all.out.contains(u"status"_s));
}

void TestNodeCliScale::readingCommandsNeverCreateADatabase()
{
    const QString missing = m_dir.filePath(u"not/there/syncdesk.db"_s);
    for (const QStringList &command :
         {QStringList{u"status"_s}, QStringList{u"status"_s, u"--json"_s}, QStringList{u"alerts"_s},
          QStringList{u"failures"_s}, QStringList{u"nodes"_s}, QStringList{u"runs"_s}, QStringList{u"scheduler"_s},
          QStringList{u"crm"_s, u"list"_s}, QStringList{u"track"_s, u"list"_s},
          QStringList{u"export"_s, u"activities"_s, u"--jsonl"_s}}) {
        const NodeRun run = node(command, missing);
        QVERIFY2(run.exitCode == 3, qPrintable(command.join(u' ') + u": "_s + run.err));
        QVERIFY2(run.err.contains(u"store-missing"_s) && run.err.contains(missing), qPrintable(run.err));
        QVERIFY2(run.err.contains(u"config import"_s), qPrintable(run.err)); // the hint: how a database is made
        QVERIFY2(!QFileInfo::exists(m_dir.filePath(u"not"_s)), qPrintable(command.join(u' ')));
    }
}

void TestNodeCliScale::aDirectoryOrAnotherFileIsNotADatabase()
{
    QVERIFY(QDir(m_dir.path()).mkpath(u"adir"_s));
    NodeRun run = node({u"status"_s}, m_dir.filePath(u"adir"_s));
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(u"store-not-a-database"_s) && run.err.contains(u"directory"_s), qPrintable(run.err));
    QFile text(m_dir.filePath(u"notes.txt"_s));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("these are my notes, not a database\n");
    text.close();
    for (const QStringList &command : {QStringList{u"status"_s}, QStringList{u"config"_s, u"import"_s, u"x.json"_s}}) {
        run = node(command, text.fileName());
        QCOMPARE(run.exitCode, command.constFirst() == u"config"_s ? 2 : 3);
        if (command.constFirst() == u"status"_s) {
            QVERIFY2(run.err.contains(u"store-not-a-database"_s) && run.err.contains(u"not an SQLite database"_s),
                     qPrintable(run.err));
        }
    }
    QFile reread(text.fileName());
    QVERIFY(reread.open(QIODevice::ReadOnly));
    QCOMPARE(reread.readAll(), QByteArray("these are my notes, not a database\n")); // untouched
}

void TestNodeCliScale::crmCsvImportSaysWhatCanBeDone()
{
    auto write = [this](const QString &name, const QByteArray &csv) {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            file.write(csv);
        }
        return path;
    };
    // A wrong header: no row can be imported, so --skip-invalid is not offered.
    const QString header = write(u"header.csv"_s, "id,name,phone\na1,Alpha,123\n");
    NodeRun run = node({u"crm"_s, u"import"_s, header, u"--type"_s, u"account"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"unknown column \"phone\""_s), qPrintable(run.err));
    QVERIFY2(!run.err.contains(u"--skip-invalid"_s), qPrintable(run.err));
    // One bad row among good ones: nothing is imported, and --skip-invalid is offered.
    const QString rows = write(u"rows.csv"_s, "id,name\na1,Alpha\n,No id\n");
    run = node({u"crm"_s, u"import"_s, rows, u"--type"_s, u"account"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"line 3"_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"--skip-invalid"_s), qPrintable(run.err));
    run = node({u"crm"_s, u"import"_s, rows, u"--type"_s, u"account"_s, u"--skip-invalid"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(u"skipped: line 3"_s), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestNodeCliScale)
#include "tst_nodecliscale.moc"
