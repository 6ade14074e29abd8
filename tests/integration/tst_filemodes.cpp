// What SyncDesk writes holds mail and passwords: the database and its -wal and -shm files, exports and
// diagnostic bundles are created 0600 and new folders 0700, whatever the umask. The test runs the real
// syncdesk-node with umask 000 (the worst an administrator could have) and checks the modes.

#include "noderunner.h"
#include "testconfig.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

// The permission bits of a path, or -1 when it does not exist.
int modeOf(const QString &path)
{
    struct stat info
    {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        return -1;
    }
    return int(info.st_mode & 0777);
}

QString octal(int mode)
{
    return mode < 0 ? u"missing"_s : u"0"_s + QString::number(mode, 8);
}

} // namespace

class TestFileModes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void databaseAndItsFoldersArePrivate();
    void exportsAndBundlesArePrivate();

private:
    NodeRun node(const QStringList &arguments);

    QTemporaryDir m_dir;
    QString m_db;
    mode_t m_umask = 022;
};

NodeRun TestFileModes::node(const QStringList &arguments)
{
    return runNode(QStringLiteral(SYNCDESK_NODE_BINARY), m_db, arguments);
}

void TestFileModes::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_umask = ::umask(0); // inherited by the node processes started below
    m_db = m_dir.filePath(u"state/syncdesk/node.db"_s);
    TestConfig config(m_dir.filePath(u"cfg"_s));
    config.addClosedPortProfile(u"Corp"_s, 1);
    config.addMailbox(u"ana@corp.test"_s, u"Corp"_s, u"ana"_s, u"ana-pw"_s);
    const NodeRun imported = node({u"config"_s, u"import"_s, config.write()});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.out + imported.err));
}

void TestFileModes::cleanupTestCase()
{
    ::umask(m_umask);
}

void TestFileModes::databaseAndItsFoldersArePrivate()
{
    QCOMPARE(octal(modeOf(m_dir.filePath(u"state"_s))), u"0700"_s);
    QCOMPARE(octal(modeOf(m_dir.filePath(u"state/syncdesk"_s))), u"0700"_s);
    QCOMPARE(octal(modeOf(m_db)), u"0600"_s);
    // While a connection is open, SQLite keeps the -wal and -shm files: they carry the database's mode.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"modes"_s);
        db.setDatabaseName(m_db);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"PRAGMA journal_mode=WAL"_s));
        QVERIFY(query.exec(u"CREATE TABLE IF NOT EXISTS mode_probe (x INTEGER)"_s));
        QVERIFY(query.exec(u"INSERT INTO mode_probe VALUES (1)"_s));
        QCOMPARE(octal(modeOf(m_db + u"-wal"_s)), u"0600"_s);
        QCOMPARE(octal(modeOf(m_db + u"-shm"_s)), u"0600"_s);
    }
    QSqlDatabase::removeDatabase(u"modes"_s);
}

void TestFileModes::exportsAndBundlesArePrivate()
{
    const QString exported = m_dir.filePath(u"export.jsonl"_s);
    const NodeRun exportRun = node({u"export"_s, u"activities"_s, u"--jsonl"_s, u"--output"_s, exported});
    QVERIFY2(exportRun.exitCode == 0, qPrintable(exportRun.out + exportRun.err));
    QCOMPARE(octal(modeOf(exported)), u"0600"_s);

    const QString bundle = m_dir.filePath(u"bundle.zip"_s);
    const NodeRun bundleRun = node({u"diagnostics"_s, u"ana@corp.test"_s, u"--output"_s, bundle});
    QVERIFY2(bundleRun.exitCode == 0, qPrintable(bundleRun.out + bundleRun.err));
    QCOMPARE(octal(modeOf(bundle)), u"0600"_s);
}

QTEST_GUILESS_MAIN(TestFileModes)
#include "tst_filemodes.moc"
