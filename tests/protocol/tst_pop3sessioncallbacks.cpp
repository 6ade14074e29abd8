// A POP3 session over an in-memory stream (no sockets): every callback handed to the session runs exactly
// once whatever the server does and however the session ends: also for commands still unanswered when QUIT
// ends it, for open() when quit() comes before the greeting, for a command answered with a continuation
// request. Found by fuzz_sessions.

#include "memorybytestream.h"
#include "protocol/pop3/pop3session.h"

#include <QCoreApplication>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestPop3SessionCallbacks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { m_session.reset(); }
    void commandUnansweredWhenQuitEndsCompletes();
    void quitBeforeTheGreetingCompletesOpen();
    void quitFromACancelledCommandCompletesEverything();
    void continuationAnswerCompletesTheCommand();

private:
    // Opens m_session (greeting and CAPA answered) over m_stream.
    void openSession();

    std::unique_ptr<Pop3::Session> m_session;
    MemoryByteStream *m_stream = nullptr;
};

void TestPop3SessionCallbacks::openSession()
{
    auto owned = std::make_unique<MemoryByteStream>();
    m_stream = owned.get();
    m_session = std::make_unique<Pop3::Session>(std::move(owned), Pop3::SessionOptions{});
    int opened = 0;
    m_session->open(u"pop.example.test"_s, 110, Security::None, [&opened](Status status) {
        QVERIFY(status.ok());
        ++opened;
    });
    QCoreApplication::processEvents();
    m_stream->deliver("+OK ready\r\n+OK\r\nUSER\r\nUIDL\r\n.\r\n");
    QCOMPARE(opened, 1);
}

void TestPop3SessionCallbacks::commandUnansweredWhenQuitEndsCompletes()
{
    openSession();
    if (QTest::currentTestFailed()) {
        return;
    }
    MemoryByteStream *stream = m_stream;
    auto &session = m_session;
    QVERIFY(session->isUsable());
    int statDone = 0;
    int quitDone = 0;
    session->execute("STAT", false, [&statDone](const Result<Pop3::Response> &result) {
        QVERIFY(!result.ok());
        ++statDone;
    });
    session->quit([&quitDone] { ++quitDone; });
    // The server closes the connection without answering STAT or QUIT.
    stream->serverCloses();
    QCoreApplication::processEvents();
    QCOMPARE(statDone, 1);
    QCOMPARE(quitDone, 1);
}

void TestPop3SessionCallbacks::quitBeforeTheGreetingCompletesOpen()
{
    auto owned = std::make_unique<MemoryByteStream>();
    MemoryByteStream *stream = owned.get();
    Pop3::Session session(std::move(owned), Pop3::SessionOptions{});
    int opened = 0;
    int quitDone = 0;
    session.open(u"pop.example.test"_s, 110, Security::None, [&opened](Status status) {
        QVERIFY(!status.ok());
        ++opened;
    });
    QCoreApplication::processEvents(); // connected, waiting for the greeting
    session.quit([&quitDone] { ++quitDone; });
    QCoreApplication::processEvents();
    QVERIFY(stream->isFinished());
    QCOMPARE(opened, 1);
    QCOMPARE(quitDone, 1);
}

void TestPop3SessionCallbacks::quitFromACancelledCommandCompletesEverything()
{
    openSession();
    if (QTest::currentTestFailed()) {
        return;
    }
    MemoryByteStream *stream = m_stream;
    auto &session = m_session;
    int statDone = 0;
    int listDone = 0;
    int quitDone = 0;
    session->execute("STAT", false, [&statDone](const Result<Pop3::Response> &) { ++statDone; });
    // Not sent yet (no PIPELINING): cancelled by quit(); its callback ends the session once more.
    session->execute("LIST", true, [&](const Result<Pop3::Response> &result) {
        QVERIFY(!result.ok());
        ++listDone;
        session->quit([&quitDone] { ++quitDone; });
    });
    session->quit([&quitDone] { ++quitDone; });
    stream->serverCloses();
    QCoreApplication::processEvents();
    QCOMPARE(statDone, 1);
    QCOMPARE(listDone, 1);
    QCOMPARE(quitDone, 2);
}

void TestPop3SessionCallbacks::continuationAnswerCompletesTheCommand()
{
    openSession();
    if (QTest::currentTestFailed()) {
        return;
    }
    MemoryByteStream *stream = m_stream;
    auto &session = m_session;
    int statDone = 0;
    int failures = 0;
    connect(session.get(), &Pop3::Session::failed, this, [&failures] { ++failures; });
    session->execute("STAT", false, [&statDone](const Result<Pop3::Response> &result) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().errorClass, ErrorClass::Protocol);
        ++statDone;
    });
    stream->deliver("+ 100\r\n"); // a SASL continuation nobody asked for
    QCOMPARE(statDone, 1);
    QCOMPARE(failures, 1);
}

QTEST_GUILESS_MAIN(TestPop3SessionCallbacks)
#include "tst_pop3sessioncallbacks.moc"
