// An IMAP session over an in-memory stream (no sockets): every callback handed to the session runs exactly
// once whatever the server does and however the session ends: also for commands still unanswered when
// LOGOUT ends it, and for open() when logout() comes before the greeting. Found by fuzz_sessions.

#include "memorybytestream.h"
#include "protocol/imap/imapsession.h"

#include <QCoreApplication>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestImapSessionCallbacks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { m_session.reset(); }
    void commandUnansweredWhenLogoutEndsCompletes();
    void logoutAnsweredFirstCompletesTheCommandsAhead();
    void logoutBeforeTheGreetingCompletesOpen();
    void logoutFromACancelledCommandCompletesEverything();

private:
    // Opens m_session (greeting with capabilities) over m_stream.
    void openSession();

    std::unique_ptr<Imap::Session> m_session;
    MemoryByteStream *m_stream = nullptr;
};

void TestImapSessionCallbacks::openSession()
{
    auto owned = std::make_unique<MemoryByteStream>();
    m_stream = owned.get();
    m_session = std::make_unique<Imap::Session>(std::move(owned), Imap::SessionOptions{});
    int opened = 0;
    m_session->open(u"imap.example.test"_s, 143, Security::None, [&opened](Status status) {
        QVERIFY(status.ok());
        ++opened;
    });
    QCoreApplication::processEvents();
    m_stream->deliver("* PREAUTH [CAPABILITY IMAP4rev1 LITERAL+] ready\r\n");
    QCOMPARE(opened, 1);
}

void TestImapSessionCallbacks::commandUnansweredWhenLogoutEndsCompletes()
{
    openSession();
    if (QTest::currentTestFailed()) {
        return;
    }
    MemoryByteStream *stream = m_stream;
    auto &session = m_session;
    QVERIFY(session->isUsable());
    int fetchDone = 0;
    int logoutDone = 0;
    session->execute(Imap::Command("NOOP"), nullptr, [&fetchDone](const Result<Imap::Response> &result) {
        QVERIFY(!result.ok());
        ++fetchDone;
    });
    session->logout([&logoutDone] { ++logoutDone; });
    // The server closes the connection without answering NOOP or LOGOUT.
    stream->serverCloses();
    QCoreApplication::processEvents();
    QCOMPARE(fetchDone, 1);
    QCOMPARE(logoutDone, 1);
}

void TestImapSessionCallbacks::logoutAnsweredFirstCompletesTheCommandsAhead()
{
    openSession();
    if (QTest::currentTestFailed()) {
        return;
    }
    MemoryByteStream *stream = m_stream;
    auto &session = m_session;
    int noopDone = 0;
    int logoutDone = 0;
    session->execute(Imap::Command("NOOP"), nullptr, [&noopDone](const Result<Imap::Response> &result) {
        QVERIFY(!result.ok());
        ++noopDone;
    });
    session->logout([&logoutDone] { ++logoutDone; });
    QVERIFY(stream->written().contains("A0002 LOGOUT"));
    stream->deliver("* BYE bye\r\nA0002 OK done\r\n"); // out of order: NOOP (A0001) never answered
    QCoreApplication::processEvents();
    QCOMPARE(noopDone, 1);
    QCOMPARE(logoutDone, 1);
}

void TestImapSessionCallbacks::logoutBeforeTheGreetingCompletesOpen()
{
    auto owned = std::make_unique<MemoryByteStream>();
    MemoryByteStream *stream = owned.get();
    Imap::Session session(std::move(owned), Imap::SessionOptions{});
    int opened = 0;
    int logoutDone = 0;
    session.open(u"imap.example.test"_s, 143, Security::None, [&opened](Status status) {
        QVERIFY(!status.ok());
        ++opened;
    });
    QCoreApplication::processEvents(); // connected, waiting for the greeting
    session.logout([&logoutDone] { ++logoutDone; });
    QCoreApplication::processEvents();
    QVERIFY(stream->isFinished());
    QCOMPARE(opened, 1);
    QCOMPARE(logoutDone, 1);
}

void TestImapSessionCallbacks::logoutFromACancelledCommandCompletesEverything()
{
    openSession();
    if (QTest::currentTestFailed()) {
        return;
    }
    MemoryByteStream *stream = m_stream;
    auto &session = m_session;
    int loginDone = 0;
    int noopDone = 0;
    int logoutDone = 0;
    // LOGIN is sent alone: the NOOP after it waits in the queue.
    Imap::Command login("LOGIN");
    login.astring("alice").astring("secret");
    session->execute(login, nullptr, [&loginDone](const Result<Imap::Response> &) { ++loginDone; });
    session->execute(Imap::Command("NOOP"), nullptr, [&](const Result<Imap::Response> &result) {
        QVERIFY(!result.ok());
        ++noopDone;
        session->logout([&logoutDone] { ++logoutDone; });
    });
    session->logout([&logoutDone] { ++logoutDone; });
    stream->serverCloses();
    QCoreApplication::processEvents();
    QCOMPARE(loginDone, 1);
    QCOMPARE(noopDone, 1);
    QCOMPARE(logoutDone, 2);
}

QTEST_GUILESS_MAIN(TestImapSessionCallbacks)
#include "tst_imapsessioncallbacks.moc"
