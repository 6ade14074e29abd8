// SqliteStatements, the store's hot path through SQLite's own interface: a value bound there is stored
// exactly as Qt's driver stores it (type and bytes), the first row is read and the statement reset so that
// the transaction can commit, and failures carry SQLite's extended result code for the store's classes.

#include "store/sqldialect.h"
#include "store/sqlitestatements.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace SyncDesk;
using namespace Qt::StringLiterals;

class TestSqliteStatements : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void valuesAreStoredAsQtsDriverStoresThem();
    void firstRowIsReadAndTheStatementReset();
    void failuresCarrySqlitesCode();
    void manyTextsStayBoundUntilTheStep();

private:
    sqlite3 *handle() const;
    // typeof() and hex() of column `c` of every row of `table`, in rowid order.
    QStringList stored(const QString &table) const;

    QTemporaryDir m_dir;
    int m_files = 0;
    QSqlDatabase m_db;
};

void TestSqliteStatements::init()
{
    QVERIFY(m_dir.isValid());
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"statements"_s);
    m_db.setDatabaseName(m_dir.filePath(u"s%1.db"_s.arg(++m_files))); // a new file for each test
    QVERIFY(m_db.open());
    QSqlQuery query(m_db);
    QVERIFY(query.exec(u"CREATE TABLE by_qt (c)"_s));
    QVERIFY(query.exec(u"CREATE TABLE direct (c)"_s));
    QVERIFY(query.exec(u"CREATE TABLE keyed (k TEXT NOT NULL UNIQUE)"_s));
}

void TestSqliteStatements::cleanup()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"statements"_s);
}

sqlite3 *TestSqliteStatements::handle() const
{
    const QVariant value = m_db.driver()->handle();
    return qstrcmp(value.typeName(), "sqlite3*") == 0 ? *static_cast<sqlite3 *const *>(value.constData()) : nullptr;
}

QStringList TestSqliteStatements::stored(const QString &table) const
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT typeof(c) || ' ' || COALESCE(hex(c), 'null') FROM "_s + table + u" ORDER BY rowid"_s)) {
        return {query.lastError().text()};
    }
    QStringList rows;
    while (query.next()) {
        rows.append(query.value(0).toString());
    }
    return rows;
}

void TestSqliteStatements::valuesAreStoredAsQtsDriverStoresThem()
{
    // What the store binds (see Store::boundValue: a null QString is '', a null QVariant of any type NULL).
    const QVariantList values = {
        QVariant(QMetaType::fromType<QString>()),
        QVariant(QMetaType::fromType<qint64>()),
        QVariant(),
        QString(),
        u""_s,
        u"plain"_s,
        u"Grüße, 東京, 🙂"_s,
        QString(u"before"_s + QChar(0) + u"after"_s),
        0,
        -1,
        std::numeric_limits<int>::max(),
        std::numeric_limits<uint>::max(),
        std::numeric_limits<qint64>::min(),
        std::numeric_limits<qint64>::max(),
        QVariant(quint32(4000000000u)),
        1.5,
        QDateTime::fromString(u"2026-12-07T10:00:00Z"_s, Qt::ISODate).toMSecsSinceEpoch(),
        QByteArray("\x00\x01\xff", 3),
        QByteArray(),
        // An unpaired surrogate, as a hostile server's modified UTF-7 folder name can decode to: the same
        // bytes as through Qt's driver, so that the folder matches its state and ledger rows.
        QString(u"INBOX/"_s + QChar(0xD83D)),
        QString(QChar(0xDC00) + u"x"_s),
    };
    SqliteStatements statements(handle());
    QSqlQuery byQt(m_db);
    QVERIFY(byQt.prepare(u"INSERT INTO by_qt (c) VALUES (?)"_s));
    for (const QVariant &value : values) {
        byQt.bindValue(0, value.typeId() == QMetaType::QString && !value.isNull() && value.toString().isNull()
                              ? QVariant(u""_s)
                              : value);
        QVERIFY2(byQt.exec(), qPrintable(byQt.lastError().text()));
        std::optional<QVariantList> row;
        const auto failed = statements.firstRow(u"INSERT INTO direct (c) VALUES (?)"_s, {value}, row);
        QVERIFY2(!failed, qPrintable(failed ? failed->message : QString()));
        QVERIFY(!row);
    }
    const QStringList expected = stored(u"by_qt"_s);
    QCOMPARE(expected.size(), values.size());
    QCOMPARE(stored(u"direct"_s), expected);
    QCOMPARE(expected.at(3), u"text "_s); // a null QString: '' and not NULL
    QCOMPARE(expected.at(0), u"null "_s);
    QCOMPARE(expected.at(18), u"null "_s); // a null QByteArray

    // What the store does not bind on this path is refused, not stored some other way.
    std::optional<QVariantList> refused;
    const auto failed =
        statements.firstRow(u"INSERT INTO direct (c) VALUES (?)"_s, {QDateTime::currentDateTimeUtc()}, refused);
    QVERIFY(failed);
    QCOMPARE(failed->code, SQLITE_MISUSE);
    QCOMPARE(stored(u"direct"_s).size(), values.size());

    // Read back: integers as integers, text as text (with its NUL), NULL as a null QVariant.
    std::optional<QVariantList> row;
    QVERIFY(!statements.firstRow(u"SELECT c FROM direct WHERE rowid = ?"_s, {8}, row));
    QVERIFY(row);
    QCOMPARE(row->at(0).toString(), values.at(7).toString());
    QVERIFY(!statements.firstRow(u"SELECT c FROM direct WHERE rowid = ?"_s, {13}, row));
    QCOMPARE(row->at(0).toLongLong(), std::numeric_limits<qint64>::min());
    QVERIFY(!statements.firstRow(u"SELECT c FROM direct WHERE rowid = ?"_s, {1}, row));
    QVERIFY(row && row->at(0).isNull());
    QVERIFY(!statements.firstRow(u"SELECT c FROM direct WHERE rowid = ?"_s, {1000}, row));
    QVERIFY(!row);
}

void TestSqliteStatements::manyTextsStayBoundUntilTheStep()
{
    // Texts are bound without SQLite's copy: each must stay intact until the statement has run, also when
    // there are more of them than fit the binder's inline storage, and large ones.
    QVariantList values;
    QStringList marks;
    QString expected;
    for (int i = 0; i < 70; ++i) {
        const QString text = i % 10 == 0 ? QString(20000, QChar(u'a' + i / 10)) : u"t%1\u00e9"_s.arg(i);
        values.append(text);
        marks.append(u"?"_s);
        expected += text;
    }
    SqliteStatements statements(handle());
    std::optional<QVariantList> row;
    const auto failed = statements.firstRow(u"SELECT "_s + marks.join(u" || "_s), values, row);
    QVERIFY2(!failed, qPrintable(failed ? failed->message : QString()));
    QVERIFY(row);
    QCOMPARE(row->at(0).toString(), expected);
}

void TestSqliteStatements::firstRowIsReadAndTheStatementReset()
{
    SqliteStatements statements(handle());
    QSqlQuery query(m_db);
    QVERIFY(query.exec(u"BEGIN IMMEDIATE"_s));
    for (int i = 0; i < 3; ++i) {
        std::optional<QVariantList> row;
        QVERIFY(
            !statements.firstRow(u"INSERT INTO keyed (k) VALUES (?) RETURNING rowid, k"_s, {u"key-%1"_s.arg(i)}, row));
        QVERIFY(row);
        QCOMPARE(row->at(0).toLongLong(), qint64(i + 1));
        QCOMPARE(row->at(1).toString(), u"key-%1"_s.arg(i));
    }
    // Only the first row is read, and the statement is reset: none of them is left stepping.
    std::optional<QVariantList> row;
    QVERIFY(!statements.firstRow(u"SELECT k FROM keyed ORDER BY rowid"_s, {}, row));
    QCOMPARE(row->at(0).toString(), u"key-0"_s);
    for (sqlite3_stmt *statement = sqlite3_next_stmt(handle(), nullptr); statement;
         statement = sqlite3_next_stmt(handle(), statement)) {
        QVERIFY2(!sqlite3_stmt_busy(statement), sqlite3_sql(statement));
    }
    QVERIFY2(query.exec(u"COMMIT"_s), qPrintable(query.lastError().text()));
    QVERIFY(query.exec(u"SELECT COUNT(*) FROM keyed"_s) && query.next());
    QCOMPARE(query.value(0).toInt(), 3);
}

void TestSqliteStatements::failuresCarrySqlitesCode()
{
    SqliteStatements statements(handle());
    std::optional<QVariantList> row;
    QVERIFY(!statements.firstRow(u"INSERT INTO keyed (k) VALUES (?)"_s, {u"once"_s}, row));
    auto failed = statements.firstRow(u"INSERT INTO keyed (k) VALUES (?)"_s, {u"once"_s}, row);
    QVERIFY(failed);
    QCOMPARE(failed->code, SQLITE_CONSTRAINT_UNIQUE);
    QVERIFY2(failed->message.contains(u"UNIQUE"_s), qPrintable(failed->message));
    // The same statement works again after its failure.
    QVERIFY(!statements.firstRow(u"INSERT INTO keyed (k) VALUES (?)"_s, {u"twice"_s}, row));

    failed = statements.firstRow(u"SELECT nothing FROM nowhere"_s, {}, row);
    QVERIFY(failed);
    QCOMPARE(failed->code & 0xff, SQLITE_ERROR);

    // Classified as the store classifies Qt's reports of SQLite's errors: a full disk is store-full.
    const QSqlError full(u"Unable to execute statement"_s, u"database or disk is full"_s, QSqlError::StatementError,
                         QString::number(SQLITE_FULL));
    QCOMPARE(SqlDialect::classify(StoreConfig::Backend::SQLite, full).hint, u"store-full"_s);
}

QTEST_GUILESS_MAIN(TestSqliteStatements)
#include "tst_sqlitestatements.moc"
