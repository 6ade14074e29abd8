// Table-driven tests of the POP3 response parser: status lines, multi-line responses with
// dot-stuffing, bad input with the error each gives, limits, and input split at every position.

#include "protocol/pop3/pop3errors.h"
#include "protocol/pop3/pop3responseparser.h"

#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Pop3;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(SyncDesk::Pop3::Response)

namespace {

Response ok(const QByteArray &text, std::optional<QByteArray> body = std::nullopt, const QByteArray &code = {})
{
    Response response;
    response.status = Response::Status::Ok;
    response.text = text;
    response.body = std::move(body);
    response.code = code;
    return response;
}

Response err(const QByteArray &text, const QByteArray &code = {})
{
    Response response;
    response.status = Response::Status::Err;
    response.text = text;
    response.code = code;
    return response;
}

// Feeds the pieces one after another, taking responses as they complete, each expected to be multi-line
// or not as `multiLine` says (one entry per response).
QList<Response> feedPieces(const QList<QByteArray> &pieces, const QList<bool> &multiLine, bool *failed)
{
    ResponseParser parser;
    QList<Response> responses;
    *failed = false;
    for (const QByteArray &piece : pieces) {
        parser.feed(piece);
        while (responses.size() < multiLine.size()) {
            Response response;
            const ResponseParser::State state = parser.next(response, multiLine.at(responses.size()));
            if (state == ResponseParser::State::Ready) {
                responses.append(response);
                continue;
            }
            if (state == ResponseParser::State::Failed) {
                *failed = true;
                return responses;
            }
            break;
        }
    }
    if (parser.bufferedBytes() != 0) {
        *failed = true;
    }
    return responses;
}

// A session's worth of responses: greeting, CAPA, USER, PASS, UIDL, a RETR with dot-stuffed lines
// and an empty line, a -ERR to a multi-line command, QUIT.
const QByteArray kConversation = "+OK Dovecot ready.\r\n"
                                 "+OK\r\nCAPA\r\nTOP\r\nUIDL\r\nPIPELINING\r\nUSER\r\nSASL PLAIN LOGIN\r\n.\r\n"
                                 "+OK\r\n"
                                 "+OK Logged in.\r\n"
                                 "+OK\r\n1 000000014f3b3f1a\r\n2 000000024f3b3f1a\r\n.\r\n"
                                 "+OK 52 octets\r\nSubject: x\r\n\r\n..dot\r\n...two\r\n.\r\n"
                                 "-ERR [IN-USE] no such message\r\n"
                                 "+OK Logging out.\r\n";
const QList<bool> kConversationMultiLine{false, true, false, false, true, true, true, false};

QList<Response> conversationResponses()
{
    return {ok("Dovecot ready."),
            ok("", QByteArray("CAPA\r\nTOP\r\nUIDL\r\nPIPELINING\r\nUSER\r\nSASL PLAIN LOGIN\r\n")),
            ok(""),
            ok("Logged in."),
            ok("", QByteArray("1 000000014f3b3f1a\r\n2 000000024f3b3f1a\r\n")),
            ok("52 octets", QByteArray("Subject: x\r\n\r\n.dot\r\n..two\r\n")),
            err("no such message", "IN-USE"),
            ok("Logging out.")};
}

} // namespace

class TestPop3ResponseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesResponse_data();
    void parsesResponse();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void conversationParsesAsExpected();
    void splitAtEveryPosition();
    void oneByteAtATime();
    void linesOfABody();
    void staysFailedAfterAnError();
    void largeBodyInChunks();
    void bodyOverTheLimitIsReadPast();
    void errorFromResponse_data();
    void errorFromResponse();
};

void TestPop3ResponseParser::parsesResponse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("multiLine");
    QTest::addColumn<Response>("expected");

    QTest::newRow("+OK with text") << QByteArray("+OK POP3 server ready\r\n") << false << ok("POP3 server ready");
    QTest::newRow("+OK bare") << QByteArray("+OK\r\n") << false << ok("");
    QTest::newRow("+ok lower case") << QByteArray("+ok fine\r\n") << false << ok("fine");
    QTest::newRow("-ERR with text") << QByteArray("-ERR no such message\r\n") << false << err("no such message");
    QTest::newRow("-ERR bare") << QByteArray("-ERR\r\n") << false << err("");
    QTest::newRow("-ERR with code") << QByteArray("-ERR [AUTH] Authentication failed.\r\n") << false
                                    << err("Authentication failed.", "AUTH");
    QTest::newRow("-ERR with hierarchical code")
        << QByteArray("-ERR [SYS/TEMP] try later\r\n") << false << err("try later", "SYS/TEMP");
    QTest::newRow("code upper-cased") << QByteArray("-ERR [in-use] busy\r\n") << false << err("busy", "IN-USE");
    QTest::newRow("-ERR to a multi-line command has no body")
        << QByteArray("-ERR no such message\r\n") << true << err("no such message");
    QTest::newRow("bare LF tolerated") << QByteArray("+OK done\n") << false << ok("done");
    QTest::newRow("APOP timestamp kept") << QByteArray("+OK ready <1896.697170952@dbc.mtview.ca.us>\r\n") << false
                                         << ok("ready <1896.697170952@dbc.mtview.ca.us>");
    QTest::newRow("empty multi-line") << QByteArray("+OK\r\n.\r\n") << true << ok("", QByteArray());
    QTest::newRow("UIDL listing") << QByteArray("+OK\r\n1 whqtswO00WBw418f9t5JxYwZ\r\n2 QhdPYR:00WBw1Ph7x7\r\n.\r\n")
                                  << true
                                  << ok("", QByteArray("1 whqtswO00WBw418f9t5JxYwZ\r\n2 QhdPYR:00WBw1Ph7x7\r\n"));
    QTest::newRow("dot-stuffed lines") << QByteArray("+OK\r\n..\r\n..a\r\n.b\r\n.\r\n") << true
                                       << ok("", QByteArray(".\r\n.a\r\nb\r\n"));
    QTest::newRow("line of only dots") << QByteArray("+OK\r\n...\r\n.\r\n") << true << ok("", QByteArray("..\r\n"));
    QTest::newRow("dot inside a line") << QByteArray("+OK\r\na.\r\n .\r\n.\r\n") << true
                                       << ok("", QByteArray("a.\r\n .\r\n"));
    QTest::newRow("bare LF lines kept as they are")
        << QByteArray("+OK\nline\n.\n") << true << ok("", QByteArray("line\n"));
    QTest::newRow("8-bit and NUL in body")
        << QByteArray("+OK\r\n\xc3\xa4\0x\r\n.\r\n", 14) << true << ok("", QByteArray("\xc3\xa4\0x\r\n", 6));
    QTest::newRow("SASL continuation") << QByteArray("+ VXNlcm5hbWU6\r\n") << false
                                       << Response{Response::Status::Continuation, {}, "VXNlcm5hbWU6", std::nullopt};
    QTest::newRow("bare continuation") << QByteArray("+\r\n") << false
                                       << Response{Response::Status::Continuation, {}, {}, std::nullopt};
}

void TestPop3ResponseParser::parsesResponse()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, multiLine);
    QFETCH(Response, expected);
    const Result<Response> parsed = ResponseParser::parseOne(input, multiLine);
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().toString()));
    QCOMPARE(parsed.value(), expected);
}

void TestPop3ResponseParser::rejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("multiLine");
    QTest::addColumn<qsizetype>("maxLine");
    QTest::addColumn<qint64>("maxSize");
    QTest::addColumn<QString>("error");

    const qsizetype line = ParserLimits{}.maxLineLength;
    const qint64 size = ParserLimits{}.maxResponseSize;
    QTest::newRow("IMAP greeting") << QByteArray("* OK IMAP4rev1 ready\r\n") << false << line << size
                                   << u"not a POP3 status line"_s;
    QTest::newRow("empty line") << QByteArray("\r\n") << false << line << size << u"not a POP3 status line"_s;
    QTest::newRow("+OK glued to text") << QByteArray("+OKAY\r\n") << false << line << size
                                       << u"not a POP3 status line"_s;
    QTest::newRow("-ERROR") << QByteArray("-ERROR x\r\n") << false << line << size << u"not a POP3 status line"_s;
    QTest::newRow("garbage") << QByteArray("\x01\x02\xff\r\n") << false << line << size << u"not a POP3 status line"_s;
    QTest::newRow("status line too long") << QByteArray("+OK this status line is too long\r\n") << false
                                          << qsizetype(16) << size << u"status line longer than 16"_s;
    QTest::newRow("status line too long without LF") << QByteArray("+OK this status line is too long") << false
                                                     << qsizetype(16) << size << u"status line longer than 16"_s;
    QTest::newRow("data line too long") << QByteArray("+OK\r\nthis data line is too long\r\n.\r\n") << true
                                        << qsizetype(16) << size << u"line longer than 16"_s;
    QTest::newRow("body without terminator")
        << QByteArray("+OK\r\nline\r\n") << true << line << size << u"incomplete response"_s;
    QTest::newRow("terminator without CRLF")
        << QByteArray("+OK\r\nline\r\n.") << true << line << size << u"incomplete response"_s;
    QTest::newRow("no line end") << QByteArray("+OK") << false << line << size << u"incomplete response"_s;
}

void TestPop3ResponseParser::rejectsBadInput()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, multiLine);
    QFETCH(qsizetype, maxLine);
    QFETCH(qint64, maxSize);
    QFETCH(QString, error);
    ParserLimits limits;
    limits.maxLineLength = maxLine;
    limits.maxResponseSize = maxSize;
    const Result<Response> parsed = ResponseParser::parseOne(input, multiLine, limits);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().errorClass, ErrorClass::Protocol);
    QCOMPARE(parsed.error().hintId, u"protocol-error"_s);
    QVERIFY2(parsed.error().message.contains(error), qPrintable(parsed.error().message));
}

void TestPop3ResponseParser::bodyOverTheLimitIsReadPast()
{
    // A body larger than the limit is read to its final "." and dropped, counted; what follows parses.
    ParserLimits limits;
    limits.maxResponseSize = 20;
    const QByteArray stream = "+OK 12 octets\r\n0123456789\r\n..0123456789\r\n.\r\n+OK\r\nsmall\r\n.\r\n";
    for (qsizetype split = 0; split <= stream.size(); ++split) {
        ResponseParser parser(limits);
        Response response;
        parser.feed(stream.left(split));
        ResponseParser::State state = parser.next(response, true);
        if (state == ResponseParser::State::NeedMore) {
            QVERIFY(parser.bufferedBytes() <= 40);
            parser.feed(stream.mid(split));
            state = parser.next(response, true);
        } else {
            parser.feed(stream.mid(split));
        }
        QCOMPARE(state, ResponseParser::State::Ready);
        QVERIFY(response.isOk());
        QCOMPARE(response.text, QByteArray("12 octets"));
        QCOMPARE(response.body, QByteArray());
        QCOMPARE(response.bodySkippedBytes, qint64(25)); // both lines with their line ends, one dot unstuffed
        QCOMPARE(parser.next(response, true), ResponseParser::State::Ready);
        QCOMPARE(response.body, QByteArray("small\r\n"));
        QCOMPARE(response.bodySkippedBytes, qint64(-1));
    }
}

void TestPop3ResponseParser::conversationParsesAsExpected()
{
    bool failed = false;
    const QList<Response> responses = feedPieces({kConversation}, kConversationMultiLine, &failed);
    QVERIFY(!failed);
    QCOMPARE(responses, conversationResponses());
}

void TestPop3ResponseParser::splitAtEveryPosition()
{
    for (qsizetype cut = 1; cut < kConversation.size(); ++cut) {
        bool failed = false;
        const QList<Response> responses =
            feedPieces({kConversation.left(cut), kConversation.mid(cut)}, kConversationMultiLine, &failed);
        QVERIFY2(!failed, qPrintable(u"cut at %1"_s.arg(cut)));
        QCOMPARE(responses, conversationResponses());
    }
}

void TestPop3ResponseParser::oneByteAtATime()
{
    QList<QByteArray> pieces;
    for (char c : kConversation) {
        pieces.append(QByteArray(1, c));
    }
    bool failed = false;
    QCOMPARE(feedPieces(pieces, kConversationMultiLine, &failed), conversationResponses());
    QVERIFY(!failed);
}

void TestPop3ResponseParser::linesOfABody()
{
    QCOMPARE(ok("", QByteArray("1 a\r\n2 b\n3 c\r\n")).lines(), (QList<QByteArray>{"1 a", "2 b", "3 c"}));
    QCOMPARE(ok("", QByteArray()).lines(), QList<QByteArray>{});
    QCOMPARE(ok("").lines(), QList<QByteArray>{});
}

void TestPop3ResponseParser::staysFailedAfterAnError()
{
    ResponseParser parser;
    parser.feed("garbage\r\n+OK fine\r\n");
    Response response;
    QCOMPARE(parser.next(response, false), ResponseParser::State::Failed);
    parser.feed("+OK more\r\n");
    QCOMPARE(parser.next(response, false), ResponseParser::State::Failed);
    QVERIFY(parser.hasFailed());
}

void TestPop3ResponseParser::largeBodyInChunks()
{
    // A 3 MB message arriving in 1000-byte pieces, with dot-stuffed lines throughout.
    QByteArray message;
    QByteArray wire = "+OK message follows\r\n";
    for (int i = 0; i < 40000; ++i) {
        const QByteArray line =
            (i % 7 == 0 ? ".starts with a dot " : "line ") + QByteArray::number(i) + QByteArray(60, 'x') + "\r\n";
        message += line;
        wire += (line.startsWith('.') ? "." : "") + line;
    }
    wire += ".\r\n+OK next\r\n";
    QList<QByteArray> pieces;
    for (qsizetype i = 0; i < wire.size(); i += 1000) {
        pieces.append(wire.mid(i, 1000));
    }
    bool failed = false;
    const QList<Response> responses = feedPieces(pieces, {true, false}, &failed);
    QVERIFY(!failed);
    QCOMPARE(responses.size(), 2);
    QCOMPARE(responses.at(0).body->size(), message.size());
    QVERIFY(*responses.at(0).body == message);
    QCOMPARE(responses.at(1), ok("next"));
}

void TestPop3ResponseParser::errorFromResponse_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<QString>("errorClass");
    QTest::addColumn<QString>("hint");
    QTest::addColumn<qint64>("retryAfterMs");

    QTest::newRow("PASS refused") << QByteArray("-ERR [AUTH] Authentication failed.\r\n") << QByteArray("PASS")
                                  << u"Auth"_s << u"auth-failed"_s << qint64(0);
    QTest::newRow("PASS refused without code")
        << QByteArray("-ERR invalid password\r\n") << QByteArray("PASS") << u"Auth"_s << u"auth-failed"_s << qint64(0);
    QTest::newRow("plaintext disallowed")
        << QByteArray("-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.\r\n")
        << QByteArray("USER") << u"Auth"_s << u"login-disabled"_s << qint64(0);
    QTest::newRow("maildrop in use") << QByteArray("-ERR [IN-USE] Mailbox is locked\r\n") << QByteArray("PASS")
                                     << u"ServerNo"_s << u"server-no"_s << qint64(0);
    QTest::newRow("temporary failure") << QByteArray("-ERR [SYS/TEMP] Try again later\r\n") << QByteArray("RETR 1")
                                       << u"ServerNo"_s << u"server-no"_s << qint64(0);
    QTest::newRow("throttled with delay")
        << QByteArray("-ERR Request is throttled. Suggested Backoff Time: 2500 milliseconds\r\n") << QByteArray("RETR")
        << u"Throttled"_s << u"throttled"_s << qint64(2500);
    QTest::newRow("LOGIN-DELAY") << QByteArray("-ERR [LOGIN-DELAY] wait 5 seconds between logins\r\n")
                                 << QByteArray("PASS") << u"Throttled"_s << u"throttled"_s << qint64(5000);
    QTest::newRow("other -ERR") << QByteArray("-ERR no such message\r\n") << QByteArray("RETR") << u"ServerNo"_s
                                << u"server-no"_s << qint64(0);
}

void TestPop3ResponseParser::errorFromResponse()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, command);
    QFETCH(QString, errorClass);
    QFETCH(QString, hint);
    QFETCH(qint64, retryAfterMs);
    const Result<Response> parsed = ResponseParser::parseOne(line, false);
    QVERIFY(parsed.ok());
    const SyncError error = Pop3::errorFromResponse(parsed.value(), command);
    QCOMPARE(errorClassName(error.errorClass), errorClass);
    QCOMPARE(error.hintId, hint);
    QCOMPARE(error.retryAfterMs, retryAfterMs);
}

QTEST_GUILESS_MAIN(TestPop3ResponseParser)
#include "tst_pop3responseparser.moc"
