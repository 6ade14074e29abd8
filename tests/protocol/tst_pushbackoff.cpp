// A push (IMAP IDLE) connection against a scripted server that accepts IDLE and then closes the connection, again
// and again (a load balancer with a short idle timeout, a server that restarts its IDLE workers): the engine must
// not log in about once a second for ever. Reconnections back off while connections die young, and only an IDLE
// held for a while makes the next failure start from the shortest wait again.

#include "fakeserver.h"
#include "protocol/socketstream.h"
#include "scheduler/pushconnection.h"

#include <QElapsedTimer>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString kOpen = u"S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN LITERAL+ IDLE] fake ready\n"
                      "C: A0001 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==\n"
                      "S: A0001 OK [CAPABILITY IMAP4rev1 LITERAL+ IDLE] Logged in\n"
                      "C: A0002 EXAMINE \"INBOX\"\n"
                      "S: * 3 EXISTS\nS: * OK [UIDVALIDITY 5] ok\nS: * OK [UIDNEXT 4] ok\n"
                      "S: A0002 OK [READ-ONLY] done\n"
                      "C: A0003 IDLE\nS: + idling\n"_s;

} // namespace

class TestPushBackoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idleAcceptedThenClosedBacksOff();
    void anIdleHeldLongResetsTheWait();

private:
    std::unique_ptr<PushConnection> start(FakeServer &server, const PushSettings &settings);
};

std::unique_ptr<PushConnection> TestPushBackoff::start(FakeServer &server, const PushSettings &settings)
{
    qputenv("SYNCDESK_TEST_PUSH_PASSWORD", "secret");
    PushTarget target;
    target.mailbox.id = 1;
    target.mailbox.address = u"alice@example.test"_s;
    target.mailbox.username = u"alice"_s;
    target.mailbox.passwordSource = u"env:SYNCDESK_TEST_PUSH_PASSWORD"_s;
    target.profile.incoming.protocol = MailProtocol::Imap;
    target.profile.incoming.host = u"127.0.0.1"_s;
    target.profile.incoming.port = server.port();
    target.profile.incoming.security = Security::None;
    target.reason = u"configured"_s;
    auto connection = std::make_unique<PushConnection>(target, SocketStream::factory(), settings);
    connection->start();
    return connection;
}

void TestPushBackoff::idleAcceptedThenClosedBacksOff()
{
    FakeServer server;
    QVERIFY(server.listen());
    for (int i = 0; i < 6; ++i) {
        server.addScenario(kOpen + u"X: close\n"_s);
    }
    PushSettings settings;
    settings.backoffMinMs = 100;
    settings.backoffMaxMs = 60000;
    settings.connectTimeoutMs = 5000;
    settings.commandTimeoutMs = 5000;
    QElapsedTimer clock;
    clock.start();
    auto connection = start(server, settings);
    // Waits of 100, 200, 400, 800 and 1600 ms (±10 %) before connections 2 to 6: at least 2.79 s in all. With the
    // wait reset by every accepted IDLE, the six took well under a second.
    QTRY_VERIFY_WITH_TIMEOUT(server.connectionCount() >= 6, 20000);
    const qint64 took = clock.elapsed();
    QVERIFY2(took >= 2700, qPrintable(u"6 connections in %1 ms"_s.arg(took)));
    QVERIFY(server.failures().isEmpty());
    connection.reset();
}

void TestPushBackoff::anIdleHeldLongResetsTheWait()
{
    FakeServer server;
    QVERIFY(server.listen());
    for (int i = 0; i < 4; ++i) {
        server.addScenario(kOpen + u"X: close\n"_s);
    }
    server.addScenario(kOpen + u"X: wait 1500\nX: close\n"_s); // held longer than stableAfterMs
    server.addScenario(kOpen + u"X: close\n"_s);
    PushSettings settings;
    settings.backoffMinMs = 100;
    settings.backoffMaxMs = 60000;
    settings.stableAfterMs = 500;
    settings.connectTimeoutMs = 5000;
    settings.commandTimeoutMs = 5000;
    auto connection = start(server, settings);
    QTRY_VERIFY_WITH_TIMEOUT(server.completedScenarios() >= 5, 20000);
    QElapsedTimer clock;
    clock.start();
    // After four short-lived connections the next wait would be 1600 ms; the fifth held its IDLE for 1500 ms, so
    // the wait starts again from 100 ms.
    QTRY_VERIFY_WITH_TIMEOUT(server.connectionCount() >= 6, 20000);
    QVERIFY2(clock.elapsed() < 1300, qPrintable(u"reconnected after %1 ms"_s.arg(clock.elapsed())));
    QVERIFY(server.failures().isEmpty());
    connection.reset();
}

QTEST_GUILESS_MAIN(TestPushBackoff)
#include "tst_pushbackoff.moc"
