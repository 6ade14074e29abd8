// How the IMAP session logs in, chosen by what the server announces, against real Dovecot servers whose
// auth_mechanisms differ: SASL PLAIN, SASL LOGIN (Dovecot then announces LOGINDISABLED, which forbids
// only the LOGIN command), the LOGIN command when the client uses no SASL mechanism, and a refusal
// without sending the password when nothing usable is offered. A wrong password on each path is
// Auth/auth-failed.

#include "dovecotserver.h"
#include "protocol/imap/imapsession.h"
#include "protocol/socketstream.h"

#include <QSignalSpy>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

struct LoginResult
{
    bool finished = false;
    Status status;
    QByteArray method;
    QList<QByteArray> capabilities;
};

// Opens a session to the server's plain IMAP port, logs in and logs out, driving the event loop until done.
LoginResult login(const DovecotServer &server, const QString &password, const QList<QByteArray> &mechanisms)
{
    Imap::SessionOptions options;
    options.saslMechanisms = mechanisms;
    options.connectTimeoutMs = 10000;
    options.commandTimeoutMs = 10000;
    Imap::Session session(SocketStream::factory()(TlsSettings{}), options);
    LoginResult result;
    bool loggedOut = false;
    session.open(server.host(), server.imapPort(), Security::None, [&](Status opened) {
        if (!opened) {
            result.finished = true;
            result.status = opened;
            return;
        }
        result.capabilities = session.capabilities();
        session.login(u"alice"_s, password, [&](Status status) {
            result.status = status;
            result.method = session.authenticationMethod();
            result.finished = true;
            session.logout([&] { loggedOut = true; });
        });
    });
    // The caller checks `finished`; these wait on the condition, not for a fixed time.
    (void)QTest::qWaitFor([&] { return result.finished; }, 20000);
    if (result.finished && result.status) {
        (void)QTest::qWaitFor([&] { return loggedOut; }, 10000);
    }
    return result;
}

} // namespace

class TestImapAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mechanismFollowsCapabilities_data();
    void mechanismFollowsCapabilities();
};

void TestImapAuth::initTestCase()
{
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
}

void TestImapAuth::mechanismFollowsCapabilities_data()
{
    QTest::addColumn<QString>("mechanisms");
    QTest::addColumn<QList<QByteArray>>("clientMechanisms");
    QTest::addColumn<QByteArray>("announced");
    QTest::addColumn<QByteArray>("expectedMethod");
    QTest::addColumn<QString>("loggedMethod");
    const QList<QByteArray> both{"PLAIN", "LOGIN"};
    QTest::newRow("PLAIN and LOGIN offered: SASL PLAIN") << u"plain login"_s << both << QByteArray("AUTH=PLAIN")
                                                         << QByteArray("AUTHENTICATE PLAIN") << u"method=PLAIN"_s;
    QTest::newRow("only LOGIN offered: SASL LOGIN despite LOGINDISABLED")
        << u"login"_s << both << QByteArray("AUTH=LOGIN") << QByteArray("AUTHENTICATE LOGIN") << u"method=LOGIN"_s;
    QTest::newRow("client without SASL: LOGIN command")
        << u"plain login"_s << QList<QByteArray>{} << QByteArray("AUTH=PLAIN") << QByteArray("LOGIN")
        << u"method=PLAIN"_s;
    QTest::newRow("nothing usable offered: refused, password kept")
        << u"cram-md5"_s << both << QByteArray("LOGINDISABLED") << QByteArray() << QString();
}

void TestImapAuth::mechanismFollowsCapabilities()
{
    QFETCH(QString, mechanisms);
    QFETCH(QList<QByteArray>, clientMechanisms);
    QFETCH(QByteArray, announced);
    QFETCH(QByteArray, expectedMethod);
    QFETCH(QString, loggedMethod);
    DovecotServer::Options options;
    options.authMechanisms = mechanisms;
    DovecotServer server(options);
    server.setUser(u"alice"_s, u"secret-alice"_s);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));

    const LoginResult good = login(server, u"secret-alice"_s, clientMechanisms);
    QVERIFY(good.finished);
    QVERIFY2(good.capabilities.contains(announced), good.capabilities.join(' ').constData());
    if (expectedMethod.isEmpty()) {
        QVERIFY(!good.status.ok());
        QCOMPARE(errorClassName(good.status.error().errorClass), u"Auth"_s);
        QCOMPARE(good.status.error().hintId, u"login-disabled"_s);
        QVERIFY(good.method.isEmpty());
        QVERIFY2(!server.log().contains(u"user=<alice>"_s), qPrintable(server.log()));
        return;
    }
    QVERIFY2(good.status.ok(), qPrintable(good.status.ok() ? QString() : good.status.error().toString()));
    QCOMPARE(good.method, expectedMethod);
    // Dovecot names the SASL mechanism it saw (the LOGIN command goes through its PLAIN mechanism).
    QTRY_VERIFY2_WITH_TIMEOUT(server.log().contains(u"user=<alice>, method="_s), qPrintable(server.log()), 5000);
    QVERIFY2(server.log().contains(loggedMethod), qPrintable(server.log()));

    const LoginResult bad = login(server, u"wrong"_s, clientMechanisms);
    QVERIFY(bad.finished);
    QVERIFY(!bad.status.ok());
    QCOMPARE(errorClassName(bad.status.error().errorClass), u"Auth"_s);
    QCOMPARE(bad.status.error().hintId, u"auth-failed"_s);
    QCOMPARE(bad.method, expectedMethod);
}

QTEST_GUILESS_MAIN(TestImapAuth)
#include "tst_imapauth.moc"
