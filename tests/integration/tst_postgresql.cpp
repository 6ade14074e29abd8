// The private PostgreSQL 15 the multi-node tests use (issue 13): it starts on a free loopback port, as an
// unprivileged user even when the tests run as root, takes connections through Qt's QPSQL driver, and is
// gone after stop().

#include "postgresserver.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestPostgresql : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void privateClusterStartsServesAndStops();
};

void TestPostgresql::privateClusterStartsServesAndStops()
{
    QString why;
    if (!PostgresServer::isAvailable(&why)) {
        // scripts/test.sh installs both: under CI a missing one is a missing install step, not a skip.
        if (qEnvironmentVariableIsSet("CI")) {
            QFAIL(qPrintable(why));
        }
        QSKIP(qPrintable(why + u": run scripts/test.sh, which installs it"_s));
    }
    PostgresServer server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    QVERIFY(server.port() > 0);
    QVERIFY2(server.createDatabase(u"syncdesk_test"_s, &error), qPrintable(error));
    QCOMPARE(server.url(u"syncdesk_test"_s), u"postgresql://syncdesk@127.0.0.1:%1/syncdesk_test"_s.arg(server.port()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, u"tst_postgresql"_s);
        db.setHostName(server.host());
        db.setPort(server.port());
        db.setUserName(server.user());
        db.setDatabaseName(u"syncdesk_test"_s);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery query(db);
        QVERIFY(query.exec(u"SHOW server_version"_s) && query.next());
        QVERIFY2(query.value(0).toString().startsWith(u"15."_s), qPrintable(query.value(0).toString()));
        QVERIFY2(query.exec(u"CREATE TABLE t (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL)"_s),
                 qPrintable(query.lastError().text()));
        QVERIFY(query.exec(u"INSERT INTO t (name) VALUES ('a'), ('b') RETURNING id"_s));
        int returned = 0;
        while (query.next()) {
            ++returned;
        }
        QCOMPARE(returned, 2);
        QVERIFY(query.exec(u"SELECT count(*) FROM t"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 2);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"tst_postgresql"_s);
    const quint16 port = server.port();
    server.stop();
    QVERIFY(!server.isRunning());
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, port);
    QVERIFY(!socket.waitForConnected(2000)); // nothing listens any more
}

QTEST_GUILESS_MAIN(TestPostgresql)
#include "tst_postgresql.moc"
