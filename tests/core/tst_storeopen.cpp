// Opening a store: files that cannot be a store (a directory, another kind of file, no folder, a file
// that is read-only) are Store errors with their hints, and a store whose schema is current opens without
// waiting for any writer. (A lock held by another writer is store-locked: tst_store, on both backends.)

#include "store/schemamigration.h"
#include "store/store.h"
#include "storefixtures.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace SyncDesk;
using namespace Qt::StringLiterals;
using namespace SyncDesk::Testing::StoreFixtures;

namespace {

// Another process writing to the same file (here another connection), with its write lock taken.
class OtherWriter
{
public:
    OtherWriter(const QString &name, const QString &path)
        : m_db(QSqlDatabase::addDatabase(u"QSQLITE"_s, name))
        , m_name(name)
    {
        m_db.setDatabaseName(path);
    }
    ~OtherWriter()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    OtherWriter(const OtherWriter &) = delete;
    OtherWriter &operator=(const OtherWriter &) = delete;

    // BEGIN IMMEDIATE, then `statement` if there is one; the error's text, empty when it worked.
    QString lock(const QString &statement = {})
    {
        if (!m_db.isOpen() && !m_db.open()) {
            return m_db.lastError().text();
        }
        QSqlQuery query(m_db);
        if (!query.exec(u"BEGIN IMMEDIATE"_s) || (!statement.isEmpty() && !query.exec(statement))) {
            return query.lastError().text();
        }
        return {};
    }
    bool release()
    {
        QSqlQuery query(m_db);
        return query.exec(u"ROLLBACK"_s);
    }

private:
    QSqlDatabase m_db;
    QString m_name;
};

} // namespace

class TestStoreOpen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readOnlyDatabaseIsStoreError();
    void currentStoreOpensWhileAnotherConnectionWrites();
    void unusableFilesAreStoreErrors();
};

void TestStoreOpen::readOnlyDatabaseIsStoreError()
{
    if (::geteuid() == 0) {
        // Root ignores file permissions, so the check runs again in a child process as the unprivileged "nobody"
        // user (setpriv from util-linux), which sees the read-only file the way a service account would.
        const QString setpriv = QStandardPaths::findExecutable(u"setpriv"_s);
        if (setpriv.isEmpty()) {
            QSKIP("running as root without setpriv (util-linux) to drop to an unprivileged user");
        }
        QProcess child;
        child.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"TMPDIR"_s, u"/tmp"_s);
        env.insert(u"HOME"_s, u"/tmp"_s);
        child.setProcessEnvironment(env);
        child.start(setpriv, {u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s,
                              QCoreApplication::applicationFilePath(), u"readOnlyDatabaseIsStoreError"_s});
        QVERIFY(child.waitForFinished(60000));
        const QString output = QString::fromLocal8Bit(child.readAll());
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(output));
        QVERIFY2(output.contains(u"PASS   : TestStoreOpen::readOnlyDatabaseIsStoreError()"_s), qPrintable(output));
        return;
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folderPath = dir.filePath(u"ro"_s);
    const QString path = folderPath + u"/readonly.db"_s;
    qint64 id = 0;
    {
        auto store = Store::open(StoreConfig::sqlite(path));
        QVERIFY(store.ok());
        id = addMailbox(**store, u"ro@example.test"_s);
        QVERIFY(id > 0);
    }
    const QFileDevice::Permissions readOnly = QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    QVERIFY(QFile::setPermissions(path, readOnly));
    QVERIFY(QFile::setPermissions(folderPath,
                                  readOnly | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther));
    auto restore = qScopeGuard([&] {
        QFile::setPermissions(folderPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    });

    // Either the open already fails, or the first write does; both as Store errors.
    auto store = Store::open(StoreConfig::sqlite(path));
    if (!store.ok()) {
        QCOMPARE(store.error().errorClass, ErrorClass::Store);
        QCOMPARE(store.error().hintId, u"store-readonly"_s);
        QVERIFY(store.error().message.contains(path));
        return;
    }
    const Status written = (*store)->setMailboxEnabled(id, false, u"admin"_s, QDateTime::currentDateTimeUtc());
    QVERIFY(!written.ok());
    QCOMPARE(written.error().errorClass, ErrorClass::Store);
    QCOMPARE(written.error().hintId, u"store-readonly"_s);
}

// Every command, worker and engine opens a connection: one to a store whose schema is current reads the
// version and takes no write lock, so it opens at once while another process writes a long batch (the
// console while a node pulls a mailbox). A store that needs migrating still waits for the lock.
void TestStoreOpen::currentStoreOpensWhileAnotherConnectionWrites()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"busy.db"_s);
    StoreConfig config = StoreConfig::sqlite(path);
    config.busyTimeoutMs = 300;
    {
        auto created = Store::open(config);
        QVERIFY(created.ok());
        QVERIFY(addMailbox(**created, u"busy@example.test"_s) > 0);
    }
    OtherWriter other(u"long-writer"_s, path);
    const QString locked =
        other.lock(u"UPDATE mailboxes SET username = 'writing' WHERE address = 'busy@example.test'"_s);
    QVERIFY2(locked.isEmpty(), qPrintable(locked));

    // An open that waited for the lock would fail after the busy timeout as store-locked.
    auto store = Store::open(config);
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
    auto box = (*store)->mailboxByAddress(u"busy@example.test"_s);
    QVERIFY(box.ok() && box->has_value());
    QVERIFY((*box)->username != u"writing"_s); // the other writer's change is not committed

    // A store of an older schema has to change: that open waits for the lock and says so.
    const QString oldPath = dir.filePath(u"old.db"_s);
    StoreConfig oldConfig = StoreConfig::sqlite(oldPath);
    oldConfig.busyTimeoutMs = 300;
    QVERIFY(Store::openAtVersion(oldConfig, 1).ok());
    OtherWriter oldWriter(u"old-writer"_s, oldPath);
    const QString oldLocked = oldWriter.lock();
    QVERIFY2(oldLocked.isEmpty(), qPrintable(oldLocked));
    auto migrating = Store::open(oldConfig);
    QVERIFY(!migrating.ok());
    QCOMPARE(migrating.error().hintId, u"store-locked"_s);
    QVERIFY(oldWriter.release());
    migrating = Store::open(oldConfig);
    QVERIFY2(migrating.ok(), qPrintable(migrating.ok() ? QString() : migrating.error().message));
}

void TestStoreOpen::unusableFilesAreStoreErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    // Not an SQLite file.
    const QString garbage = dir.filePath(u"garbage.db"_s);
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (int i = 0; i < 100; ++i) {
        file.write("this is not an SQLite database, just some text\n");
    }
    file.close();
    auto notADatabase = Store::open(StoreConfig::sqlite(garbage));
    QVERIFY(!notADatabase.ok());
    QCOMPARE(notADatabase.error().errorClass, ErrorClass::Store);
    QVERIFY(notADatabase.error().message.contains(garbage));

    // A folder that cannot be created (a file is in the way).
    const QString blocker = dir.filePath(u"blocker"_s);
    QFile blockerFile(blocker);
    QVERIFY(blockerFile.open(QIODevice::WriteOnly));
    blockerFile.close();
    auto noFolder = Store::open(StoreConfig::sqlite(blocker + u"/sub/store.db"_s));
    QVERIFY(!noFolder.ok());
    QCOMPARE(noFolder.error().errorClass, ErrorClass::Store);
    QCOMPARE(noFolder.error().hintId, u"store-readonly"_s);

    // A folder where the database should be.
    QVERIFY(QDir(dir.path()).mkdir(u"folder.db"_s));
    auto folderInstead = Store::open(StoreConfig::sqlite(dir.filePath(u"folder.db"_s)));
    QVERIFY(!folderInstead.ok());
    QCOMPARE(folderInstead.error().errorClass, ErrorClass::Store);

    // No path at all is a configuration problem, not a store failure.
    auto noPath = Store::open(StoreConfig::sqlite(QString()));
    QVERIFY(!noPath.ok());
    QCOMPARE(noPath.error().errorClass, ErrorClass::Config);
}

QTEST_GUILESS_MAIN(TestStoreOpen)
#include "tst_storeopen.moc"
