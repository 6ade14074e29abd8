// Table-driven tests of the IMAP response parser: good responses, bad input, split feeding, and the
// helpers that read FETCH responses and turn NO/BAD/BYE into classified errors.

#include "protocol/imap/imaperrors.h"
#include "protocol/imap/imapfetch.h"
#include "protocol/imap/imapresponseparser.h"

#include <QTest>
#include <QTimeZone>

using namespace SyncDesk;
using namespace SyncDesk::Imap;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(SyncDesk::Imap::Response)
Q_DECLARE_METATYPE(SyncDesk::Imap::ParserLimits)

namespace {

Value atom(const QByteArray &text)
{
    return Value::atom(text);
}

Value num(quint64 number)
{
    return Value::number(number);
}

Value str(const QByteArray &bytes)
{
    return Value::string(bytes);
}

Value list(const QList<Value> &items = {})
{
    return Value::list(items);
}

const Value nil = Value::nil();

// "{n}\r\n" followed by the bytes: a literal as a server sends it.
QByteArray literal(const QByteArray &bytes)
{
    return '{' + QByteArray::number(bytes.size()) + "}\r\n" + bytes;
}

// Builds the Response a line should give, independently of the parser.
class Expect
{
public:
    static Expect tagged(const QByteArray &tag, const QByteArray &name)
    {
        Expect e;
        e.m_response.kind = Response::Kind::Tagged;
        e.m_response.tag = tag;
        e.m_response.name = name;
        e.m_response.status = statusOf(name);
        return e;
    }
    static Expect untagged(const QByteArray &name)
    {
        Expect e;
        e.m_response.name = name;
        e.m_response.status = statusOf(name);
        return e;
    }
    static Expect numbered(quint64 number, const QByteArray &name)
    {
        Expect e;
        e.m_response.number = number;
        e.m_response.name = name;
        return e;
    }
    static Expect continuation(const QByteArray &text)
    {
        Expect e;
        e.m_response.kind = Response::Kind::Continuation;
        e.m_response.text = text;
        return e;
    }
    Expect &code(const QByteArray &name, const QList<Value> &arguments = {})
    {
        m_response.code = ResponseCode{name, arguments};
        return *this;
    }
    Expect &text(const QByteArray &text)
    {
        m_response.text = text;
        return *this;
    }
    Expect &data(const QList<Value> &values)
    {
        m_response.data = values;
        return *this;
    }
    operator Response() const { return m_response; }

private:
    static ResponseStatus statusOf(const QByteArray &name)
    {
        if (name == "OK") {
            return ResponseStatus::Ok;
        }
        if (name == "NO") {
            return ResponseStatus::No;
        }
        if (name == "BAD") {
            return ResponseStatus::Bad;
        }
        if (name == "BYE") {
            return ResponseStatus::Bye;
        }
        if (name == "PREAUTH") {
            return ResponseStatus::Preauth;
        }
        return ResponseStatus::None;
    }

    Response m_response;
};

// Feeds `pieces` one after another, taking every complete response after each piece.
QList<Response> feedPieces(const QList<QByteArray> &pieces, bool *failed)
{
    ResponseParser parser;
    QList<Response> responses;
    *failed = false;
    for (const QByteArray &piece : pieces) {
        parser.feed(piece);
        Response response;
        while (true) {
            const ResponseParser::State state = parser.next(response);
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

// A conversation with literals in several places: inside FETCH, twice in one response, a LITERAL+
// style announcement, a mailbox name literal whose content ends in "{2}", and an empty literal.
const QByteArray kBody = "Subject: a\r\n\r\nline1\r\n}x{3}\r\n";
const QByteArray kHeader = "Subject: x\r\n\r\n";

QByteArray conversation()
{
    return "* OK [CAPABILITY IMAP4rev1 LITERAL+ IDLE] ready\r\n"
           "A1 OK [READ-WRITE] SELECT completed\r\n"
           "* 3 EXISTS\r\n"
           "* 1 FETCH (UID 10 RFC822.SIZE 26 BODY[] " +
           literal(kBody) +
           ")\r\n"
           "* 2 FETCH (BODY[HEADER.FIELDS (SUBJECT FROM)] " +
           literal(kHeader) + " BODY[] " + literal("abc") +
           ")\r\n"
           "+ Ready\r\n"
           "* 4 FETCH (UID 12 BODY[] {5+}\r\nhello FLAGS (\\Seen))\r\n"
           "* LIST () \"/\" " +
           literal("a{2}") +
           "\r\n"
           "* 5 FETCH (BODY[] {0}\r\n)\r\n"
           "A2 NO [TRYCREATE] no such mailbox\r\n"
           "+ \r\n"
           "* BYE logging out\r\n"
           "A3 OK done\r\n";
}

QList<Response> conversationResponses()
{
    return {
        Expect::untagged("OK").code("CAPABILITY", {atom("IMAP4rev1"), atom("LITERAL+"), atom("IDLE")}).text("ready"),
        Expect::tagged("A1", "OK").code("READ-WRITE").text("SELECT completed"),
        Expect::numbered(3, "EXISTS"),
        Expect::numbered(1, "FETCH")
            .data({list({atom("UID"), num(10), atom("RFC822.SIZE"), num(26), atom("BODY[]"), str(kBody)})}),
        Expect::numbered(2, "FETCH")
            .data({list({atom("BODY[HEADER.FIELDS (SUBJECT FROM)]"), str(kHeader), atom("BODY[]"), str("abc")})}),
        Expect::continuation("Ready"),
        Expect::numbered(4, "FETCH")
            .data({list({atom("UID"), num(12), atom("BODY[]"), str("hello"), atom("FLAGS"), list({atom("\\Seen")})})}),
        Expect::untagged("LIST").data({list(), str("/"), str("a{2}")}),
        Expect::numbered(5, "FETCH").data({list({atom("BODY[]"), str("")})}),
        Expect::tagged("A2", "NO").code("TRYCREATE").text("no such mailbox"),
        Expect::continuation(""),
        Expect::untagged("BYE").text("logging out"),
        Expect::tagged("A3", "OK").text("done"),
    };
}

} // namespace

class TestImapResponseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesResponse_data();
    void parsesResponse();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void nestingLimitIsInclusive();
    void longLineFailsBeforeItsLineBreakArrives();
    void staysFailedAfterAnError();
    void parseOneWantsExactlyOneResponse();
    void parseAllRejectsTrailingIncompleteBytes();

    void conversationParsesAsExpected();
    void oneByteAtATime();
    void splitAtEveryPosition();
    void splitAtEveryPairOfPositions();
    void reportsPendingLiteralBytes();
    void skipsLiteralLargerThanTheLimit();
    void skipsLiteralSplitAtEveryPosition();
    void declaredSizeReservesNothing();
    void responseOverBudgetIsAParseError();
    void longStreamInChunks();

    void dumpIsReadable();
    void responseIsMatchesUntaggedNames();

    void parseFetchReadsItems();
    void parseFetchRejects_data();
    void parseFetchRejects();
    void parseInternalDate_data();
    void parseInternalDate();
    void uidSet_data();
    void uidSet();
    void errorFromResponse_data();
    void errorFromResponse();
    void suggestedBackoff_data();
    void suggestedBackoff();
};

void TestImapResponseParser::parsesResponse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Response>("expected");

    // Tagged status responses.
    QTest::newRow("tagged OK") << QByteArray("A001 OK LOGIN completed\r\n")
                               << Response(Expect::tagged("A001", "OK").text("LOGIN completed"));
    QTest::newRow("tagged OK without text") << QByteArray("A4 OK\r\n") << Response(Expect::tagged("A4", "OK"));
    QTest::newRow("tagged lower case ok")
        << QByteArray("a5 ok done\r\n") << Response(Expect::tagged("a5", "OK").text("done"));
    QTest::newRow("tagged NO") << QByteArray("A002 NO COPY failed: disk is full\r\n")
                               << Response(Expect::tagged("A002", "NO").text("COPY failed: disk is full"));
    QTest::newRow("tagged NO with code")
        << QByteArray("A002 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n")
        << Response(Expect::tagged("A002", "NO").code("AUTHENTICATIONFAILED").text("Authentication failed."));
    QTest::newRow("tagged BAD") << QByteArray("A003 BAD Command unknown or arguments invalid\r\n")
                                << Response(Expect::tagged("A003", "BAD").text("Command unknown or arguments invalid"));
    QTest::newRow("tagged BAD with code") << QByteArray("A3 BAD [CLIENTBUG] Bad syntax\r\n")
                                          << Response(Expect::tagged("A3", "BAD").code("CLIENTBUG").text("Bad syntax"));
    QTest::newRow("tagged OK READ-ONLY")
        << QByteArray("A932 OK [READ-ONLY] EXAMINE completed\r\n")
        << Response(Expect::tagged("A932", "OK").code("READ-ONLY").text("EXAMINE completed"));
    QTest::newRow("tagged OK READ-WRITE")
        << QByteArray("A142 OK [READ-WRITE] SELECT completed\r\n")
        << Response(Expect::tagged("A142", "OK").code("READ-WRITE").text("SELECT completed"));
    QTest::newRow("code name upper-cased") << QByteArray("A1 OK [read-only] done\r\n")
                                           << Response(Expect::tagged("A1", "OK").code("READ-ONLY").text("done"));
    QTest::newRow("bare LF tolerated") << QByteArray("A1 OK done\n")
                                       << Response(Expect::tagged("A1", "OK").text("done"));

    // Untagged status responses with response codes.
    QTest::newRow("UIDVALIDITY")
        << QByteArray("* OK [UIDVALIDITY 3857529045] UIDs valid\r\n")
        << Response(Expect::untagged("OK").code("UIDVALIDITY", {num(3857529045)}).text("UIDs valid"));
    QTest::newRow("UIDNEXT") << QByteArray("* OK [UIDNEXT 4392] Predicted next UID\r\n")
                             << Response(
                                    Expect::untagged("OK").code("UIDNEXT", {num(4392)}).text("Predicted next UID"));
    QTest::newRow("CAPABILITY code")
        << QByteArray("* OK [CAPABILITY IMAP4rev1 SASL-IR LITERAL+ ID ENABLE IDLE AUTH=PLAIN] Dovecot ready.\r\n")
        << Response(Expect::untagged("OK")
                        .code("CAPABILITY", {atom("IMAP4rev1"), atom("SASL-IR"), atom("LITERAL+"), atom("ID"),
                                             atom("ENABLE"), atom("IDLE"), atom("AUTH=PLAIN")})
                        .text("Dovecot ready."));
    QTest::newRow("PERMANENTFLAGS") << QByteArray("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n")
                                    << Response(Expect::untagged("OK")
                                                    .code("PERMANENTFLAGS",
                                                          {list({atom("\\Deleted"), atom("\\Seen"), atom("\\*")})})
                                                    .text("Limited"));
    QTest::newRow("PERMANENTFLAGS empty")
        << QByteArray("* OK [PERMANENTFLAGS ()] No permanent flags\r\n")
        << Response(Expect::untagged("OK").code("PERMANENTFLAGS", {list()}).text("No permanent flags"));
    QTest::newRow("HIGHESTMODSEQ")
        << QByteArray("* OK [HIGHESTMODSEQ 715194045007] Highest\r\n")
        << Response(Expect::untagged("OK").code("HIGHESTMODSEQ", {num(715194045007)}).text("Highest"));
    QTest::newRow("HIGHESTMODSEQ 2^63")
        << QByteArray("* OK [HIGHESTMODSEQ 9223372036854775808] Highest\r\n")
        << Response(Expect::untagged("OK").code("HIGHESTMODSEQ", {num(9223372036854775808ULL)}).text("Highest"));
    QTest::newRow("untagged READ-ONLY") << QByteArray("* OK [READ-ONLY] Mailbox is read-only\r\n")
                                        << Response(
                                               Expect::untagged("OK").code("READ-ONLY").text("Mailbox is read-only"));
    QTest::newRow("code without text") << QByteArray("* OK [UNSEEN 17]\r\n")
                                       << Response(Expect::untagged("OK").code("UNSEEN", {num(17)}));
    QTest::newRow("ALERT and brackets in text")
        << QByteArray("* NO [ALERT] see [docs] now\r\n")
        << Response(Expect::untagged("NO").code("ALERT").text("see [docs] now"));
    QTest::newRow("status text ending in {5} is no literal")
        << QByteArray("* OK see {5}\r\n") << Response(Expect::untagged("OK").text("see {5}"));
    QTest::newRow("tagged NO text ending in {2}")
        << QByteArray("A7 NO quota {2}\r\n") << Response(Expect::tagged("A7", "NO").text("quota {2}"));
    QTest::newRow("continuation ending in {3}")
        << QByteArray("+ send {3}\r\n") << Response(Expect::continuation("send {3}"));
    QTest::newRow("unclosed bracket is text")
        << QByteArray("* OK [not a code\r\n") << Response(Expect::untagged("OK").text("[not a code"));
    QTest::newRow("BADCHARSET list") << QByteArray("A9 NO [BADCHARSET (UTF-8 US-ASCII)] charset\r\n")
                                     << Response(Expect::tagged("A9", "NO")
                                                     .code("BADCHARSET", {list({atom("UTF-8"), atom("US-ASCII")})})
                                                     .text("charset"));
    QTest::newRow("BYE") << QByteArray("* BYE Autologout; idle for too long\r\n")
                         << Response(Expect::untagged("BYE").text("Autologout; idle for too long"));
    QTest::newRow("PREAUTH")
        << QByteArray("* PREAUTH [CAPABILITY IMAP4rev1] Logged in as alice\r\n")
        << Response(Expect::untagged("PREAUTH").code("CAPABILITY", {atom("IMAP4rev1")}).text("Logged in as alice"));
    QTest::newRow("untagged BAD without text") << QByteArray("* BAD\r\n") << Response(Expect::untagged("BAD"));

    // Data responses.
    QTest::newRow("EXISTS") << QByteArray("* 23 EXISTS\r\n") << Response(Expect::numbered(23, "EXISTS"));
    QTest::newRow("RECENT") << QByteArray("* 0 RECENT\r\n") << Response(Expect::numbered(0, "RECENT"));
    QTest::newRow("EXPUNGE lower case") << QByteArray("* 44 expunge\r\n") << Response(Expect::numbered(44, "EXPUNGE"));
    QTest::newRow("EXISTS 2^63") << QByteArray("* 9223372036854775808 EXISTS\r\n")
                                 << Response(Expect::numbered(9223372036854775808ULL, "EXISTS"));
    QTest::newRow("CAPABILITY") << QByteArray("* CAPABILITY IMAP4rev1 STARTTLS AUTH=GSSAPI LOGINDISABLED\r\n")
                                << Response(Expect::untagged("CAPABILITY")
                                                .data({atom("IMAP4rev1"), atom("STARTTLS"), atom("AUTH=GSSAPI"),
                                                       atom("LOGINDISABLED")}));
    QTest::newRow("FLAGS") << QByteArray("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded)\r\n")
                           << Response(Expect::untagged("FLAGS").data(
                                  {list({atom("\\Answered"), atom("\\Flagged"), atom("\\Deleted"), atom("\\Seen"),
                                         atom("\\Draft"), atom("$Forwarded")})}));
    QTest::newRow("LIST quoted delimiter")
        << QByteArray("* LIST (\\HasNoChildren) \"/\" \"Kunden/M&APw-ller\"\r\n")
        << Response(
               Expect::untagged("LIST").data({list({atom("\\HasNoChildren")}), str("/"), str("Kunden/M&APw-ller")}));
    QTest::newRow("LIST NIL delimiter") << QByteArray("* LIST (\\Noselect) NIL \"\"\r\n")
                                        << Response(Expect::untagged("LIST").data(
                                               {list({atom("\\Noselect")}), nil, str("")}));
    QTest::newRow("LIST atom name") << QByteArray("* LIST () \".\" INBOX\r\n")
                                    << Response(Expect::untagged("LIST").data({list(), str("."), atom("INBOX")}));
    QTest::newRow("LIST literal name") << QByteArray("* LIST () \"/\" {8}\r\nfoo\"bar)\r\n")
                                       << Response(Expect::untagged("LIST").data({list(), str("/"), str("foo\"bar)")}));
    QTest::newRow("LIST quoted escapes") << QByteArray("* LIST () \"\\\\\" \"a\\\"b\\\\c\"\r\n")
                                         << Response(
                                                Expect::untagged("LIST").data({list(), str("\\"), str("a\"b\\c")}));
    QTest::newRow("quoted 8-bit") << QByteArray("* LIST () \"/\" \"M\xc3\xbcller\"\r\n")
                                  << Response(Expect::untagged("LIST").data({list(), str("/"), str("M\xc3\xbcller")}));
    QTest::newRow("STATUS") << QByteArray("* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)\r\n")
                            << Response(Expect::untagged("STATUS").data(
                                   {atom("blurdybloop"),
                                    list({atom("MESSAGES"), num(231), atom("UIDNEXT"), num(44292)})}));
    QTest::newRow("STATUS quoted name")
        << QByteArray("* STATUS \"Sent Items\" (UIDVALIDITY 1 HIGHESTMODSEQ 18446744073709551615)\r\n")
        << Response(Expect::untagged("STATUS").data(
               {str("Sent Items"),
                list({atom("UIDVALIDITY"), num(1), atom("HIGHESTMODSEQ"), num(18446744073709551615ULL)})}));
    QTest::newRow("SEARCH") << QByteArray("* SEARCH 2 84 882\r\n")
                            << Response(Expect::untagged("SEARCH").data({num(2), num(84), num(882)}));
    QTest::newRow("SEARCH empty") << QByteArray("* SEARCH\r\n") << Response(Expect::untagged("SEARCH"));
    QTest::newRow("ESEARCH") << QByteArray("* ESEARCH (TAG \"A282\") UID MIN 2 COUNT 3 ALL 2,10:11\r\n")
                             << Response(Expect::untagged("ESEARCH").data(
                                    {list({atom("TAG"), str("A282")}), atom("UID"), atom("MIN"), num(2), atom("COUNT"),
                                     num(3), atom("ALL"), atom("2,10:11")}));
    QTest::newRow("ENABLED") << QByteArray("* ENABLED CONDSTORE\r\n")
                             << Response(Expect::untagged("ENABLED").data({atom("CONDSTORE")}));

    // FETCH.
    QTest::newRow("FETCH simple items")
        << QByteArray("* 12 FETCH (UID 4827313 RFC822.SIZE 44827 FLAGS (\\Seen $Forwarded) "
                      "INTERNALDATE \"17-Jul-1996 02:44:25 -0700\")\r\n")
        << Response(Expect::numbered(12, "FETCH")
                        .data({list({atom("UID"), num(4827313), atom("RFC822.SIZE"), num(44827), atom("FLAGS"),
                                     list({atom("\\Seen"), atom("$Forwarded")}), atom("INTERNALDATE"),
                                     str("17-Jul-1996 02:44:25 -0700")})}));
    QTest::newRow("FETCH empty FLAGS") << QByteArray("* 1 FETCH (FLAGS ())\r\n")
                                       << Response(Expect::numbered(1, "FETCH").data({list({atom("FLAGS"), list()})}));
    const QByteArray body = "From: a@example.test\r\nSubject: (hi) {5}\r\n\r\nHello \"world\"\r\n)\r\n";
    QTest::newRow("FETCH BODY[] literal")
        << QByteArray("* 1 FETCH (UID 7 BODY[] " + literal(body) + ")\r\n")
        << Response(Expect::numbered(1, "FETCH").data({list({atom("UID"), num(7), atom("BODY[]"), str(body)})}));
    QTest::newRow("FETCH BODY[] literal+")
        << QByteArray("* 1 FETCH (BODY[] {5+}\r\nhello)\r\n")
        << Response(Expect::numbered(1, "FETCH").data({list({atom("BODY[]"), str("hello")})}));
    QTest::newRow("FETCH BODY[] empty literal")
        << QByteArray("* 1 FETCH (BODY[] {0}\r\n)\r\n")
        << Response(Expect::numbered(1, "FETCH").data({list({atom("BODY[]"), str("")})}));
    QTest::newRow("FETCH BODY[] NIL") << QByteArray("* 1 FETCH (BODY[] NIL)\r\n")
                                      << Response(Expect::numbered(1, "FETCH").data({list({atom("BODY[]"), nil})}));
    QTest::newRow("FETCH partial BODY[]<0>")
        << QByteArray("* 1 FETCH (BODY[]<0> \"abc\")\r\n")
        << Response(Expect::numbered(1, "FETCH").data({list({atom("BODY[]<0>"), str("abc")})}));
    const QByteArray header = "Subject: hi\r\nFrom: b@example.test\r\n\r\n";
    QTest::newRow("FETCH BODY[HEADER.FIELDS]")
        << QByteArray("* 2 FETCH (UID 8 BODY[HEADER.FIELDS (SUBJECT FROM)] " + literal(header) + ")\r\n")
        << Response(Expect::numbered(2, "FETCH")
                        .data({list({atom("UID"), num(8), atom("BODY[HEADER.FIELDS (SUBJECT FROM)]"), str(header)})}));
    QTest::newRow("FETCH quoted section")
        << QByteArray("* 2 FETCH (BODY[HEADER.FIELDS (\"X-A]\")] \"x\")\r\n")
        << Response(Expect::numbered(2, "FETCH").data({list({atom("BODY[HEADER.FIELDS (\"X-A]\")]"), str("x")})}));
    QTest::newRow("FETCH ENVELOPE")
        << QByteArray("* 12 FETCH (ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" "
                      "\"IMAP4rev1 WG mtg summary and minutes\" ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                      "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                      "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((NIL NIL \"imap\" "
                      "\"cac.washington.edu\")) ((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL "
                      "\"KLENSIN\" \"MIT.EDU\")) NIL NIL \"<B27397-0100000@cac.washington.edu>\"))\r\n")
        << Response(
               Expect::numbered(12, "FETCH")
                   .data({list(
                       {atom("ENVELOPE"),
                        list({str("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)"), str("IMAP4rev1 WG mtg summary and minutes"),
                              list({list({str("Terry Gray"), nil, str("gray"), str("cac.washington.edu")})}),
                              list({list({str("Terry Gray"), nil, str("gray"), str("cac.washington.edu")})}),
                              list({list({str("Terry Gray"), nil, str("gray"), str("cac.washington.edu")})}),
                              list({list({nil, nil, str("imap"), str("cac.washington.edu")})}),
                              list({list({nil, nil, str("minutes"), str("CNRI.Reston.VA.US")}),
                                    list({str("John Klensin"), nil, str("KLENSIN"), str("MIT.EDU")})}),
                              nil, nil, str("<B27397-0100000@cac.washington.edu>")})})}));
    QTest::newRow("FETCH BODYSTRUCTURE")
        << QByteArray("* 3 FETCH (BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" "
                      "1152 23)(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") "
                      "\"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73) "
                      "\"MIXED\"))\r\n")
        << Response(Expect::numbered(3, "FETCH")
                        .data({list({atom("BODYSTRUCTURE"),
                                     list({list({str("TEXT"), str("PLAIN"), list({str("CHARSET"), str("US-ASCII")}),
                                                 nil, nil, str("7BIT"), num(1152), num(23)}),
                                           list({str("TEXT"), str("PLAIN"),
                                                 list({str("CHARSET"), str("US-ASCII"), str("NAME"), str("cc.diff")}),
                                                 str("<960723163407.20117h@cac.washington.edu>"), str("Compiler diff"),
                                                 str("BASE64"), num(4554), num(73)}),
                                           str("MIXED")})})}));
    QTest::newRow("FETCH MODSEQ") << QByteArray("* 4 FETCH (UID 9 MODSEQ (12121231000))\r\n")
                                  << Response(Expect::numbered(4, "FETCH")
                                                  .data({list({atom("UID"), num(9), atom("MODSEQ"),
                                                               list({num(12121231000)})})}));
    QTest::newRow("FETCH MODSEQ 2^63")
        << QByteArray("* 4 FETCH (MODSEQ (9223372036854775808))\r\n")
        << Response(Expect::numbered(4, "FETCH").data({list({atom("MODSEQ"), list({num(9223372036854775808ULL)})})}));
    QTest::newRow("number above 2^64 is an atom")
        << QByteArray("* 4 FETCH (MODSEQ (18446744073709551616))\r\n")
        << Response(Expect::numbered(4, "FETCH").data({list({atom("MODSEQ"), list({atom("18446744073709551616")})})}));

    // Continuation requests.
    QTest::newRow("continuation empty") << QByteArray("+ \r\n") << Response(Expect::continuation(""));
    QTest::newRow("continuation bare") << QByteArray("+\r\n") << Response(Expect::continuation(""));
    QTest::newRow("continuation Ready") << QByteArray("+ Ready for literal data\r\n")
                                        << Response(Expect::continuation("Ready for literal data"));
    QTest::newRow("continuation base64") << QByteArray("+ dGVzdA==\r\n") << Response(Expect::continuation("dGVzdA=="));
}

void TestImapResponseParser::parsesResponse()
{
    QFETCH(QByteArray, input);
    QFETCH(Response, expected);

    const Result<Response> parsed = ResponseParser::parseOne(input);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(*parsed, expected);

    // The incremental parser, fed the same bytes at once, gives the same and consumes everything.
    ResponseParser parser;
    parser.feed(input);
    Response response;
    QCOMPARE(parser.next(response), ResponseParser::State::Ready);
    QCOMPARE(response, expected);
    QCOMPARE(parser.bufferedBytes(), qsizetype(0));
    QCOMPARE(parser.next(response), ResponseParser::State::NeedMore);
    QVERIFY(!parser.hasFailed());
}

void TestImapResponseParser::rejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<ParserLimits>("limits");
    QTest::addColumn<QString>("reason");   // part of the error message
    QTest::addColumn<bool>("incremental"); // the streaming parser also reaches Failed (not just NeedMore)

    const ParserLimits defaults;
    ParserLimits shortLines;
    shortLines.maxLineLength = 16;
    ParserLimits smallBudget;
    smallBudget.maxResponseSize = 40;
    ParserLimits shallow;
    shallow.maxNesting = 3;

    QTest::newRow("garbage first byte") << QByteArray("\x01\x02 OK hi\r\n") << defaults
                                        << u"does not start with a tag"_s << true;
    QTest::newRow("high byte first") << QByteArray("\xff OK hi\r\n") << defaults << u"does not start with a tag"_s
                                     << true;
    QTest::newRow("parenthesis first") << QByteArray("(A1 OK\r\n") << defaults << u"does not start with a tag"_s
                                       << true;
    QTest::newRow("empty line") << QByteArray("\r\n") << defaults << u"does not start with a tag"_s << true;
    QTest::newRow("star alone") << QByteArray("*\r\n") << defaults << u"ends too early"_s << true;
    QTest::newRow("star and space") << QByteArray("* \r\n") << defaults << u"without a name"_s << true;
    QTest::newRow("tag and NUL") << QByteArray("A1\0 OK\r\n", 8) << defaults << u"expected a space"_s << true;
    QTest::newRow("tagged FETCH") << QByteArray("A1 FETCH (UID 1)\r\n") << defaults << u"not OK, NO or BAD"_s << true;
    QTest::newRow("tagged EXISTS") << QByteArray("A1 3 EXISTS\r\n") << defaults << u"not OK, NO or BAD"_s << true;
    QTest::newRow("tagged CAPABILITY") << QByteArray("A1 CAPABILITY IMAP4rev1\r\n") << defaults
                                       << u"not OK, NO or BAD"_s << true;
    QTest::newRow("status with number") << QByteArray("* 5 OK hello\r\n") << defaults
                                        << u"status response with a number"_s << true;
    QTest::newRow("number out of range") << QByteArray("* 99999999999999999999 EXISTS\r\n") << defaults
                                         << u"number out of range"_s << true;
    QTest::newRow("unterminated quoted string")
        << QByteArray("* LIST () \"/ INBOX\r\n") << defaults << u"unterminated quoted string"_s << true;
    QTest::newRow("quoted string ends in backslash")
        << QByteArray("* LIST () \"/\" \"abc\\\r\n") << defaults << u"unterminated quoted string"_s << true;
    QTest::newRow("CR inside quoted string")
        << QByteArray("* LIST () \"/\" \"a\rb\"\r\n") << defaults << u"line break inside a quoted string"_s << true;
    QTest::newRow("unterminated list") << QByteArray("* FLAGS (\\Seen \\Draft\r\n") << defaults
                                       << u"unterminated list"_s << true;
    QTest::newRow("unterminated nested list")
        << QByteArray("* 1 FETCH (FLAGS (\\Seen)\r\n") << defaults << u"unterminated list"_s << true;
    QTest::newRow("unexpected ) after atom")
        << QByteArray("* FLAGS \\Seen)\r\n") << defaults << u"unexpected ')'"_s << true;
    QTest::newRow("unexpected ) after list")
        << QByteArray("* 1 FETCH (UID 1))\r\n") << defaults << u"unexpected ')'"_s << true;
    QTest::newRow("unterminated bracket in atom")
        << QByteArray("* 1 FETCH (BODY[HEADER 1)\r\n") << defaults << u"unterminated '['"_s << true;
    QTest::newRow("malformed literal size")
        << QByteArray("* 1 FETCH (BODY[] {x}\r\n)\r\n") << defaults << u"malformed literal"_s << true;
    QTest::newRow("literal without line break")
        << QByteArray("* 1 FETCH (BODY[] {3}abc)\r\n") << defaults << u"not followed by a line break"_s << true;
    QTest::newRow("literal over the response budget, before its bytes")
        << QByteArray("* 1 FETCH (BODY[] {30}\r\n") << smallBudget << u"response budget"_s << true;
    QTest::newRow("literals over the response budget together")
        << QByteArray("* 1 FETCH (BODY[1] {15}\r\nhello world 123 BODY[2] {15}\r\nhello world 123)\r\n") << smallBudget
        << u"response budget"_s << true;
    QTest::newRow("line over the response budget")
        << QByteArray("* 1 FETCH (FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $Junk)") << smallBudget
        << u"response budget"_s << true;
    QTest::newRow("line longer than limit") << QByteArray("* OK this line is longer than sixteen bytes\r\n")
                                            << shortLines << u"line longer than 16 bytes"_s << true;
    QTest::newRow("line after literal longer than limit")
        << QByteArray("* 1 X ({3}\r\nabc FLAGS (\\Seen \\Answered))\r\n") << shortLines
        << u"line longer than 16 bytes"_s << true;
    QTest::newRow("nesting deeper than limit")
        << QByteArray("* X ((((a))))\r\n") << shallow << u"nested deeper than 3 levels"_s << true;
    QTest::newRow("nesting in a response code")
        << QByteArray("* OK [X ((((a))))] text\r\n") << shallow << u""_s << false;
    QTest::newRow("literal shorter than announced")
        << QByteArray("* 1 FETCH (BODY[] {10}\r\nabc)\r\n") << defaults << u"incomplete response"_s << false;
    QTest::newRow("incomplete line") << QByteArray("A1 OK done") << defaults << u"incomplete response"_s << false;
    QTest::newRow("tagged BYE") << QByteArray("A1 BYE bye\r\n") << defaults << u"tagged response is not OK, NO or BAD"_s
                                << true;
    QTest::newRow("tagged PREAUTH") << QByteArray("A1 PREAUTH hi\r\n") << defaults
                                    << u"tagged response is not OK, NO or BAD"_s << true;
    QTest::newRow("star inside a tag") << QByteArray("A*1 OK x\r\n") << defaults << u"does not start with a tag"_s
                                       << true;
    QTest::newRow("star before a tag") << QByteArray("*1 OK x\r\n") << defaults << u"does not start with a tag"_s
                                       << true;
}

void TestImapResponseParser::rejectsBadInput()
{
    QFETCH(QByteArray, input);
    QFETCH(ParserLimits, limits);
    QFETCH(QString, reason);
    QFETCH(bool, incremental);

    if (QByteArray(QTest::currentDataTag()) == "nesting in a response code") {
        // A response code the parser cannot read is kept as free text rather than rejected; what matters
        // is that the limit still holds and nothing crashes.
        const Result<Response> parsed = ResponseParser::parseOne(input, limits);
        QVERIFY(parsed.ok());
        QVERIFY(parsed->code.has_value());
        QCOMPARE(parsed->code->name, QByteArray("X"));
        QCOMPARE(parsed->code->arguments, QList<Value>{atom("((((a))))")});
        return;
    }

    const Result<Response> parsed = ResponseParser::parseOne(input, limits);
    QVERIFY2(!parsed.ok(), parsed.ok() ? dump(*parsed).constData() : "");
    // Malformed: Protocol; more than a session may hold: Parse (the server's answer cannot be taken in).
    const bool overBudget = reason.contains(u"response budget"_s);
    QCOMPARE(parsed.error().errorClass, overBudget ? ErrorClass::Parse : ErrorClass::Protocol);
    QCOMPARE(parsed.error().hintId, overBudget ? u"response-too-large"_s : u"protocol-error"_s);
    QVERIFY2(parsed.error().message.contains(reason), qPrintable(parsed.error().message));

    ResponseParser parser(limits);
    parser.feed(input);
    Response response;
    const ResponseParser::State state = parser.next(response);
    if (incremental) {
        QCOMPARE(state, ResponseParser::State::Failed);
        QVERIFY(parser.hasFailed());
        QCOMPARE(parser.error().errorClass, overBudget ? ErrorClass::Parse : ErrorClass::Protocol);
        QCOMPARE(parser.error().hintId, overBudget ? u"response-too-large"_s : u"protocol-error"_s);
        QVERIFY(overBudget || parser.error().message.startsWith(u"malformed IMAP response: "_s));
        QCOMPARE(parser.bufferedBytes(), qsizetype(0));
    } else {
        QCOMPARE(state, ResponseParser::State::NeedMore);
        QVERIFY(parser.bufferedBytes() > 0);
    }
}

void TestImapResponseParser::nestingLimitIsInclusive()
{
    ParserLimits limits;
    limits.maxNesting = 3;
    const Result<Response> three = ResponseParser::parseOne("* X (((a)))\r\n", limits);
    QVERIFY(three.ok());
    QCOMPARE(three->data, QList<Value>{list({list({list({atom("a")})})})});
    QVERIFY(!ResponseParser::parseOne("* X ((((a))))\r\n", limits).ok());

    // The default limit: 64 levels are read, 65 are refused, and deep input never overflows the stack.
    const QByteArray ok64 = "* X " + QByteArray(64, '(') + QByteArray(64, ')') + "\r\n";
    QVERIFY(ResponseParser::parseOne(ok64).ok());
    const QByteArray bad65 = "* X " + QByteArray(65, '(') + QByteArray(65, ')') + "\r\n";
    const Result<Response> refused = ResponseParser::parseOne(bad65);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(u"nested deeper than 64 levels"_s));
    const QByteArray huge = "* X " + QByteArray(200000, '(') + "\r\n";
    QVERIFY(!ResponseParser::parseOne(huge).ok());
}

void TestImapResponseParser::longLineFailsBeforeItsLineBreakArrives()
{
    ParserLimits limits;
    limits.maxLineLength = 16;
    ResponseParser parser(limits);
    Response response;
    parser.feed("* OK 0123456789");
    QCOMPARE(parser.next(response), ResponseParser::State::NeedMore);
    parser.feed("abcdefgh"); // 23 bytes, still no line break
    QCOMPARE(parser.next(response), ResponseParser::State::Failed);
    QVERIFY(parser.error().message.contains(u"line longer than 16 bytes"_s));
    QCOMPARE(parser.error().errorClass, ErrorClass::Protocol);

    // A line of exactly the limit is fine.
    ResponseParser exact(limits);
    exact.feed("A1 OK 0123456789\r\n");
    QCOMPARE(exact.next(response), ResponseParser::State::Ready);
    QCOMPARE(response, Response(Expect::tagged("A1", "OK").text("0123456789")));

    // ...also when its CR and LF arrive apart: the CR waiting for its LF does not count.
    ResponseParser split(limits);
    split.feed("A1 OK 0123456789\r");
    QCOMPARE(split.next(response), ResponseParser::State::NeedMore);
    split.feed("\n");
    QCOMPARE(split.next(response), ResponseParser::State::Ready);
    QCOMPARE(response, Response(Expect::tagged("A1", "OK").text("0123456789")));
}

void TestImapResponseParser::staysFailedAfterAnError()
{
    ResponseParser parser;
    Response response;
    parser.feed("A1 OK fine\r\n");
    QCOMPARE(parser.next(response), ResponseParser::State::Ready);
    parser.feed("A2 FETCH nonsense\r\n");
    QCOMPARE(parser.next(response), ResponseParser::State::Failed);
    const SyncError error = parser.error();
    QVERIFY(error.detail.contains(u"A2 FETCH nonsense"_s));
    parser.feed("A3 OK fine\r\n");
    QCOMPARE(parser.next(response), ResponseParser::State::Failed);
    QCOMPARE(parser.next(response), ResponseParser::State::Failed);
    QVERIFY(parser.hasFailed());
    QCOMPARE(parser.error(), error);
    QCOMPARE(parser.bufferedBytes(), qsizetype(0));
}

void TestImapResponseParser::parseOneWantsExactlyOneResponse()
{
    const Result<Response> two = ResponseParser::parseOne("A1 OK a\r\nA2 OK b\r\n");
    QVERIFY(!two.ok());
    QCOMPARE(two.error().errorClass, ErrorClass::Protocol);
    QCOMPARE(two.error().hintId, u"protocol-error"_s);
    QVERIFY(two.error().message.contains(u"got 2"_s));

    const Result<Response> none = ResponseParser::parseOne("");
    QVERIFY(!none.ok());
    QVERIFY(none.error().message.contains(u"got 0"_s));
}

void TestImapResponseParser::parseAllRejectsTrailingIncompleteBytes()
{
    const auto all = ResponseParser::parseAll("A1 OK a\r\n* 2 EXISTS\r\n");
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(1), Response(Expect::numbered(2, "EXISTS")));

    const auto partial = ResponseParser::parseAll("A1 OK a\r\nA2 OK");
    QVERIFY(!partial.ok());
    QCOMPARE(partial.error().errorClass, ErrorClass::Protocol);
    QCOMPARE(partial.error().hintId, u"protocol-error"_s);
    QCOMPARE(partial.error().detail, u"A2 OK"_s);
}

void TestImapResponseParser::conversationParsesAsExpected()
{
    const auto all = ResponseParser::parseAll(conversation());
    QVERIFY2(all.ok(), all.ok() ? "" : qPrintable(all.error().toString()));
    QCOMPARE(*all, conversationResponses());
}

void TestImapResponseParser::oneByteAtATime()
{
    const QByteArray stream = conversation();
    QList<QByteArray> pieces;
    for (char c : stream) {
        pieces.append(QByteArray(1, c));
    }
    bool failed = false;
    QCOMPARE(feedPieces(pieces, &failed), conversationResponses());
    QVERIFY(!failed);
}

void TestImapResponseParser::splitAtEveryPosition()
{
    const QByteArray stream = conversation();
    const QList<Response> expected = conversationResponses();
    for (qsizetype i = 0; i <= stream.size(); ++i) {
        bool failed = false;
        const QList<Response> got = feedPieces({stream.left(i), stream.mid(i)}, &failed);
        if (failed || got != expected) {
            QFAIL(qPrintable(u"split at byte %1 gives %2 responses (failed: %3)"_s.arg(i).arg(got.size()).arg(failed)));
        }
    }
}

void TestImapResponseParser::splitAtEveryPairOfPositions()
{
    const QByteArray stream = conversation();
    const QList<Response> expected = conversationResponses();
    int combinations = 0;
    for (qsizetype i = 1; i < stream.size(); ++i) {
        for (qsizetype j = i + 1; j < stream.size(); ++j) {
            bool failed = false;
            const QList<Response> got = feedPieces({stream.left(i), stream.mid(i, j - i), stream.mid(j)}, &failed);
            if (failed || got != expected) {
                QFAIL(qPrintable(u"split at bytes %1 and %2 gives %3 responses"_s.arg(i).arg(j).arg(got.size())));
            }
            ++combinations;
        }
    }
    QVERIFY(combinations > 10000);
}

void TestImapResponseParser::reportsPendingLiteralBytes()
{
    ResponseParser parser;
    Response response;
    parser.feed("* 1 FETCH (UID 3 BODY[] {1");
    QCOMPARE(parser.next(response), ResponseParser::State::NeedMore);
    QCOMPARE(parser.pendingLiteralBytes(), qint64(0));
    parser.feed("0}\r");
    QCOMPARE(parser.next(response), ResponseParser::State::NeedMore);
    parser.feed("\nabc");
    QCOMPARE(parser.next(response), ResponseParser::State::NeedMore);
    QCOMPARE(parser.pendingLiteralBytes(), qint64(7));
    parser.feed("defg");
    QCOMPARE(parser.next(response), ResponseParser::State::NeedMore);
    QCOMPARE(parser.pendingLiteralBytes(), qint64(3));
    parser.feed("hij");
    QCOMPARE(parser.next(response), ResponseParser::State::NeedMore);
    QCOMPARE(parser.pendingLiteralBytes(), qint64(0));
    parser.feed(")\r");
    QCOMPARE(parser.next(response), ResponseParser::State::NeedMore);
    parser.feed("\n");
    QCOMPARE(parser.next(response), ResponseParser::State::Ready);
    QCOMPARE(
        response,
        Response(Expect::numbered(1, "FETCH").data({list({atom("UID"), num(3), atom("BODY[]"), str("abcdefghij")})})));
    QCOMPARE(parser.pendingLiteralBytes(), qint64(0));
}

void TestImapResponseParser::skipsLiteralLargerThanTheLimit()
{
    ParserLimits limits;
    limits.maxLiteralSize = 10;
    ResponseParser parser(limits);
    Response response;
    parser.feed("* 1 FETCH (UID 3 BODY[] {11}\r\nhello");
    QCOMPARE(parser.next(response), ResponseParser::State::NeedMore);
    QCOMPARE(parser.pendingLiteralBytes(), qint64(6));
    QVERIFY2(parser.bufferedBytes() < 40, "the literal's bytes are not kept");
    parser.feed(" world)\r\n* 2 FETCH (UID 4 BODY[] {5}\r\nsmall)\r\n");
    QCOMPARE(parser.next(response), ResponseParser::State::Ready);
    QCOMPARE(response, Response(Expect::numbered(1, "FETCH")
                                    .data({list({atom("UID"), num(3), atom("BODY[]"), Value::skippedLiteral(11)})})));
    QCOMPARE(response.data.at(0).items().at(3).skippedSize(), qint64(11));
    // The stream goes on after it, and a literal within the limit is kept.
    QCOMPARE(parser.next(response), ResponseParser::State::Ready);
    QCOMPARE(response,
             Response(Expect::numbered(2, "FETCH").data({list({atom("UID"), num(4), atom("BODY[]"), str("small")})})));
    const auto fetched = parseFetch(response);
    QVERIFY(fetched);
    QCOMPARE(fetched->bodySkippedBytes, qint64(-1));
}

void TestImapResponseParser::skipsLiteralSplitAtEveryPosition()
{
    ParserLimits limits;
    limits.maxLiteralSize = 8;
    const QByteArray stream = "* 7 FETCH (UID 9 RFC822.SIZE 100 BODY[] {20}\r\n0123456789abcdefghij)\r\n"
                              "A1 OK done\r\n";
    for (qsizetype split = 0; split <= stream.size(); ++split) {
        ResponseParser parser(limits);
        parser.feed(stream.left(split));
        parser.feed(stream.mid(split));
        Response response;
        QCOMPARE(parser.next(response), ResponseParser::State::Ready);
        const auto fetched = parseFetch(response);
        QVERIFY2(fetched, qPrintable(QString::number(split)));
        QCOMPARE(fetched->uid, quint32(9));
        QCOMPARE(fetched->size, qint64(100));            // what the server declared
        QCOMPARE(fetched->bodySkippedBytes, qint64(20)); // what it sent
        QVERIFY(!fetched->body);
        QCOMPARE(parser.next(response), ResponseParser::State::Ready);
        QVERIFY(response.isTagged());
        QCOMPARE(parser.bufferedBytes(), qsizetype(0));
    }
}

void TestImapResponseParser::declaredSizeReservesNothing()
{
    // A server announcing a literal of 9 GB gets no 9 GB buffer: with the default limits the literal is
    // read past as it arrives, and the bytes held stay small whatever is sent.
    ResponseParser parser;
    Response response;
    parser.feed("* 1 FETCH (UID 5 BODY[] {9000000000}\r\n");
    QCOMPARE(parser.next(response), ResponseParser::State::NeedMore);
    QCOMPARE(parser.pendingLiteralBytes(), qint64(9000000000));
    const QByteArray megabyte(1024 * 1024, 'x');
    for (int i = 0; i < 8; ++i) {
        parser.feed(megabyte);
        QCOMPARE(parser.next(response), ResponseParser::State::NeedMore);
        QVERIFY(parser.bufferedBytes() < 100);
    }
    QCOMPARE(parser.pendingLiteralBytes(), qint64(9000000000) - 8 * megabyte.size());
}

void TestImapResponseParser::responseOverBudgetIsAParseError()
{
    ParserLimits limits;
    limits.maxResponseSize = 1000;
    ResponseParser parser(limits);
    Response response;
    parser.feed("* 1 FETCH (UID 5 BODY[] {900}\r\n");
    QCOMPARE(parser.next(response), ResponseParser::State::NeedMore);
    parser.feed(QByteArray(900, 'x') + " BODY[TEXT] {500}\r\n");
    QCOMPARE(parser.next(response), ResponseParser::State::Failed);
    QCOMPARE(parser.error().errorClass, ErrorClass::Parse);
    QCOMPARE(parser.error().hintId, u"response-too-large"_s);
    QVERIFY(parser.error().message.contains(u"1000 bytes"_s));
    QCOMPARE(parser.bufferedBytes(), qsizetype(0)); // nothing held after failing
}

void TestImapResponseParser::longStreamInChunks()
{
    // Enough data for the parser to compact its buffer several times while literals are pending.
    const int count = 3000;
    QByteArray stream;
    for (int i = 1; i <= count; ++i) {
        const QByteArray body = QByteArray::number(i).rightJustified(100, 'x');
        stream += "* " + QByteArray::number(i) + " FETCH (UID " + QByteArray::number(i + 1000) + " BODY[] " +
                  literal(body) + ")\r\n";
    }
    stream += "A1 OK FETCH completed\r\n";
    QVERIFY(stream.size() > 300 * 1024);

    for (qsizetype chunk : {qsizetype(1000), qsizetype(4093), qsizetype(65537)}) {
        QList<QByteArray> pieces;
        for (qsizetype pos = 0; pos < stream.size(); pos += chunk) {
            pieces.append(stream.mid(pos, chunk));
        }
        bool failed = false;
        const QList<Response> got = feedPieces(pieces, &failed);
        QVERIFY(!failed);
        QCOMPARE(got.size(), count + 1);
        for (int i = 1; i <= count; ++i) {
            const Response &response = got.at(i - 1);
            const Response expected = Expect::numbered(quint64(i), "FETCH")
                                          .data({list({atom("UID"), num(quint64(i) + 1000), atom("BODY[]"),
                                                       str(QByteArray::number(i).rightJustified(100, 'x'))})});
            if (response != expected) {
                QCOMPARE(response, expected);
            }
        }
        QCOMPARE(got.constLast(), Response(Expect::tagged("A1", "OK").text("FETCH completed")));
    }
}

void TestImapResponseParser::dumpIsReadable()
{
    const Result<Response> fetch =
        ResponseParser::parseOne("* 4 FETCH (UID 9 FLAGS (\\Seen) BODY[] {7}\r\na\"b\r\nc\\ ENVELOPE (NIL))\r\n");
    QVERIFY(fetch.ok());
    QCOMPARE(dump(*fetch), QByteArray("* 4 FETCH (UID 9 FLAGS (\\Seen) BODY[] \"a\\\"b\\r\\nc\\\\\" ENVELOPE (NIL))"));

    const Result<Response> status = ResponseParser::parseOne("A7 NO [UIDVALIDITY 3] try again\r\n");
    QVERIFY(status.ok());
    QCOMPARE(dump(*status), QByteArray("A7 NO [UIDVALIDITY 3] try again"));
    QCOMPARE(dump(Response(Expect::continuation("go ahead"))), QByteArray("+ go ahead"));

    const Value longString = str(QByteArray(50, 'y'));
    QCOMPARE(dump(longString), '"' + QByteArray(40, 'y') + "...(50 bytes)\"");

    QCOMPARE(QDebug::toString(*status), u"A7 NO [UIDVALIDITY 3] try again"_s);
}

void TestImapResponseParser::responseIsMatchesUntaggedNames()
{
    const Response exists = Expect::numbered(23, "EXISTS");
    QVERIFY(exists.is("EXISTS"));
    QVERIFY(exists.is("exists"));
    QVERIFY(!exists.is("FETCH"));
    const Response tagged = Expect::tagged("A1", "OK");
    QVERIFY(!tagged.is("OK"));
    QVERIFY(tagged.isTagged());
    QVERIFY(Value::atom("Body[]").isAtom("BODY[]"));
    QVERIFY(!Value::string("BODY[]").isAtom("BODY[]"));
    QCOMPARE(num(42).text(), QByteArray("42"));
    QCOMPARE(nil.text(), QByteArray());
}

void TestImapResponseParser::parseFetchReadsItems()
{
    const QByteArray body = "Subject: hi\r\n\r\nHello\r\n";
    const Result<Response> response =
        ResponseParser::parseOne("* 12 FETCH (UID 4827313 RFC822.SIZE 44827 FLAGS (\\Seen) INTERNALDATE "
                                 "\"17-Jul-1996 02:44:25 -0700\" BODY[] " +
                                 literal(body) + ")\r\n");
    QVERIFY(response.ok());
    const std::optional<FetchedMessage> message = parseFetch(*response);
    QVERIFY(message.has_value());
    FetchedMessage expected;
    expected.sequence = 12;
    expected.uid = 4827313;
    expected.size = 44827;
    expected.internalDate = QDateTime(QDate(1996, 7, 17), QTime(9, 44, 25), Qt::UTC);
    expected.body = body;
    QCOMPARE(message->sequence, expected.sequence);
    QCOMPARE(message->uid, expected.uid);
    QCOMPARE(message->size, expected.size);
    QCOMPARE(message->internalDate, expected.internalDate);
    QCOMPARE(message->body, expected.body);
    QVERIFY(*message == expected);

    // Without a body item, body stays unset; BODY[] NIL is an empty body; RFC822 and partial BODY[]<0> count.
    const auto noBody = parseFetch(*ResponseParser::parseOne("* 3 FETCH (UID 5 FLAGS ())\r\n"));
    QVERIFY(noBody.has_value());
    QCOMPARE(noBody->uid, quint32(5));
    QCOMPARE(noBody->size, qint64(-1));
    QVERIFY(!noBody->internalDate.isValid());
    QVERIFY(!noBody->body.has_value());

    const auto nilBody = parseFetch(*ResponseParser::parseOne("* 3 FETCH (UID 5 BODY[] NIL)\r\n"));
    QVERIFY(nilBody.has_value());
    QVERIFY(nilBody->body.has_value());
    QVERIFY(nilBody->body->isEmpty());

    const auto rfc822 = parseFetch(*ResponseParser::parseOne("* 3 FETCH (RFC822 {2}\r\nab UID 6)\r\n"));
    QVERIFY(rfc822.has_value());
    QCOMPARE(rfc822->uid, quint32(6));
    QCOMPARE(rfc822->body, std::optional<QByteArray>("ab"));

    const auto partial = parseFetch(*ResponseParser::parseOne("* 3 FETCH (uid 7 body[]<0> \"xyz\")\r\n"));
    QVERIFY(partial.has_value());
    QCOMPARE(partial->uid, quint32(7));
    QCOMPARE(partial->body, std::optional<QByteArray>("xyz"));

    const auto maxUid = parseFetch(*ResponseParser::parseOne("* 3 FETCH (UID 4294967295)\r\n"));
    QVERIFY(maxUid.has_value());
    QCOMPARE(maxUid->uid, quint32(4294967295U));

    // Other section bodies are not the message.
    const auto header = parseFetch(*ResponseParser::parseOne("* 3 FETCH (UID 8 BODY[HEADER] \"H: v\")\r\n"));
    QVERIFY(header.has_value());
    QVERIFY(!header->body.has_value());
}

void TestImapResponseParser::parseFetchRejects_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("not a FETCH") << QByteArray("* 3 EXISTS\r\n");
    QTest::newRow("tagged") << QByteArray("A1 OK FETCH completed\r\n");
    QTest::newRow("no list") << QByteArray("* 3 FETCH UID 4\r\n");
    QTest::newRow("two lists") << QByteArray("* 3 FETCH (UID 4) (UID 5)\r\n");
    QTest::newRow("odd item count") << QByteArray("* 3 FETCH (UID 4 FLAGS)\r\n");
    QTest::newRow("UID zero") << QByteArray("* 3 FETCH (UID 0)\r\n");
    QTest::newRow("UID above 32 bits") << QByteArray("* 3 FETCH (UID 4294967296)\r\n");
    QTest::newRow("UID not a number") << QByteArray("* 3 FETCH (UID \"4\")\r\n");
    QTest::newRow("item name not an atom") << QByteArray("* 3 FETCH (\"UID\" 4)\r\n");
}

void TestImapResponseParser::parseFetchRejects()
{
    QFETCH(QByteArray, input);
    const Result<Response> response = ResponseParser::parseOne(input);
    QVERIFY(response.ok());
    QVERIFY(!parseFetch(*response).has_value());
}

void TestImapResponseParser::parseInternalDate_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("expected"); // UTC; invalid for malformed input

    QTest::newRow("RFC 3501 example") << QByteArray("17-Jul-1996 02:44:25 -0700")
                                      << QDateTime(QDate(1996, 7, 17), QTime(9, 44, 25), Qt::UTC);
    QTest::newRow("positive offset over midnight")
        << QByteArray("01-Jan-2024 00:30:00 +0100") << QDateTime(QDate(2023, 12, 31), QTime(23, 30), Qt::UTC);
    QTest::newRow("space-padded day") << QByteArray(" 1-Feb-2024 12:00:00 +0000")
                                      << QDateTime(QDate(2024, 2, 1), QTime(12, 0), Qt::UTC);
    QTest::newRow("lower-case month") << QByteArray("29-feb-2024 23:59:59 -0530")
                                      << QDateTime(QDate(2024, 3, 1), QTime(5, 29, 59), Qt::UTC);
    QTest::newRow("empty") << QByteArray() << QDateTime();
    QTest::newRow("unknown month") << QByteArray("17-Foo-1996 02:44:25 -0700") << QDateTime();
    QTest::newRow("no seconds") << QByteArray("17-Jul-1996 02:44 -0700") << QDateTime();
    QTest::newRow("zone without sign") << QByteArray("17-Jul-1996 02:44:25 0700") << QDateTime();
    QTest::newRow("named zone") << QByteArray("17-Jul-1996 02:44:25 PDT") << QDateTime();
    QTest::newRow("day 32") << QByteArray("32-Jul-1996 02:44:25 -0700") << QDateTime();
    QTest::newRow("hour 25") << QByteArray("17-Jul-1996 25:00:00 -0700") << QDateTime();
    QTest::newRow("99:99:99") << QByteArray("17-Jul-1996 99:99:99 +0000") << QDateTime();
    QTest::newRow("zone minutes 99") << QByteArray("17-Jul-1996 02:44:25 +0099") << QDateTime();
    QTest::newRow("two-digit year") << QByteArray("17-Jul-96 02:44:25 -0700") << QDateTime();
    QTest::newRow("30 February") << QByteArray("30-Feb-2024 02:44:25 -0700") << QDateTime();

    QTest::newRow("RFC 5322 date") << QByteArray("Wed, 17 Jul 1996 02:23:25 -0700") << QDateTime();
}

void TestImapResponseParser::parseInternalDate()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = Imap::parseInternalDate(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }
}

void TestImapResponseParser::uidSet_data()
{
    QTest::addColumn<QList<quint32>>("uids");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("empty") << QList<quint32>{} << QByteArray();
    QTest::newRow("one") << QList<quint32>{5} << QByteArray("5");
    QTest::newRow("ranges") << QList<quint32>{1, 2, 3, 4, 5, 7, 9, 10, 11, 12} << QByteArray("1:5,7,9:12");
    QTest::newRow("unsorted with duplicates") << QList<quint32>{12, 9, 1, 3, 2, 2, 11, 10, 9} << QByteArray("1:3,9:12");
    QTest::newRow("pair") << QList<quint32>{8, 7} << QByteArray("7:8");
    QTest::newRow("gaps only") << QList<quint32>{30, 10, 20} << QByteArray("10,20,30");
    QTest::newRow("top of range") << QList<quint32>{4294967295U, 4294967294U, 1}
                                  << QByteArray("1,4294967294:4294967295");
}

void TestImapResponseParser::uidSet()
{
    QFETCH(QList<quint32>, uids);
    QFETCH(QByteArray, expected);
    QCOMPARE(Imap::uidSet(uids), expected);
}

void TestImapResponseParser::errorFromResponse_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<ErrorClass>("errorClass");
    QTest::addColumn<QString>("hintId");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addColumn<bool>("transient");

    QTest::newRow("AUTHENTICATIONFAILED")
        << QByteArray("A1 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n") << QByteArray("LOGIN")
        << ErrorClass::Auth << u"auth-failed"_s << qint64(0) << false;
    QTest::newRow("AUTHENTICATIONFAILED on AUTHENTICATE")
        << QByteArray("A1 NO [AUTHENTICATIONFAILED] Invalid credentials\r\n") << QByteArray("AUTHENTICATE")
        << ErrorClass::Auth << u"auth-failed"_s << qint64(0) << false;
    QTest::newRow("plain NO to LOGIN") << QByteArray("A1 NO Login failed\r\n") << QByteArray("LOGIN")
                                       << ErrorClass::Auth << u"auth-failed"_s << qint64(0) << false;
    QTest::newRow("PRIVACYREQUIRED") << QByteArray("A1 NO [PRIVACYREQUIRED] Use TLS\r\n") << QByteArray("LOGIN")
                                     << ErrorClass::Auth << u"login-disabled"_s << qint64(0) << false;
    QTest::newRow("EXPIRED") << QByteArray("A1 NO [EXPIRED] Password expired\r\n") << QByteArray("LOGIN")
                             << ErrorClass::Auth << u"account-locked"_s << qint64(0) << false;
    QTest::newRow("NONEXISTENT") << QByteArray("A2 NO [NONEXISTENT] Unknown Mailbox: Foo\r\n") << QByteArray("SELECT")
                                 << ErrorClass::ServerNo << u"folder-missing"_s << qint64(0) << true;
    QTest::newRow("NONEXISTENT on STATUS")
        << QByteArray("A2 NO [NONEXISTENT] Mailbox doesn't exist\r\n") << QByteArray("STATUS") << ErrorClass::ServerNo
        << u"folder-missing"_s << qint64(0) << true;
    QTest::newRow("plain NO to SELECT") << QByteArray("A2 NO Mailbox doesn't exist: Foo\r\n") << QByteArray("SELECT")
                                        << ErrorClass::ServerNo << u"folder-missing"_s << qint64(0) << true;
    QTest::newRow("throttled with backoff")
        << QByteArray("A3 NO Request is throttled. Suggested Backoff Time: 5000 milliseconds\r\n")
        << QByteArray("FETCH") << ErrorClass::Throttled << u"throttled"_s << qint64(5000) << true;
    QTest::newRow("throttled on LOGIN") << QByteArray("A3 NO Request is throttled. Suggested Backoff Time: 250 ms\r\n")
                                        << QByteArray("LOGIN") << ErrorClass::Throttled << u"throttled"_s << qint64(250)
                                        << true;
    QTest::newRow("THROTTLED code") << QByteArray("A3 NO [THROTTLED] Slow down\r\n") << QByteArray("FETCH")
                                    << ErrorClass::Throttled << u"throttled"_s << qint64(0) << true;
    QTest::newRow("OVERQUOTA") << QByteArray("A4 NO [OVERQUOTA] Quota exceeded\r\n") << QByteArray("APPEND")
                               << ErrorClass::ServerNo << u"quota-exceeded"_s << qint64(0) << true;
    QTest::newRow("UNAVAILABLE") << QByteArray("A4 NO [UNAVAILABLE] Backend down\r\n") << QByteArray("FETCH")
                                 << ErrorClass::ServerNo << u"server-no"_s << qint64(0) << true;
    QTest::newRow("plain NO") << QByteArray("A4 NO Something went wrong\r\n") << QByteArray("FETCH")
                              << ErrorClass::ServerNo << u"server-no"_s << qint64(0) << true;
    QTest::newRow("BYE") << QByteArray("* BYE Server shutting down\r\n") << QByteArray("FETCH") << ErrorClass::Network
                         << u"server-bye"_s << qint64(0) << true;
    QTest::newRow("BAD") << QByteArray("A5 BAD Error in IMAP command FETCH: Invalid arguments\r\n")
                         << QByteArray("FETCH") << ErrorClass::ServerBad << u"server-bad"_s << qint64(0) << false;
    QTest::newRow("BAD to LOGIN") << QByteArray("A5 BAD Missing arguments\r\n") << QByteArray("LOGIN")
                                  << ErrorClass::ServerBad << u"server-bad"_s << qint64(0) << false;
}

void TestImapResponseParser::errorFromResponse()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, command);
    QFETCH(ErrorClass, errorClass);
    QFETCH(QString, hintId);
    QFETCH(qint64, retryAfterMs);
    QFETCH(bool, transient);

    const Result<Response> response = ResponseParser::parseOne(line);
    QVERIFY(response.ok());
    const SyncError error = Imap::errorFromResponse(*response, command);
    QCOMPARE(error.errorClass, errorClass);
    QCOMPARE(error.hintId, hintId);
    QCOMPARE(error.retryAfterMs, retryAfterMs);
    QCOMPARE(error.transient, transient);
    // The server's own words reach the message, the whole response the detail.
    QVERIFY2(error.message.contains(QString::fromLatin1(response->text)), qPrintable(error.message));
    QCOMPARE(error.detail, QString::fromLatin1(dump(*response)));
}

void TestImapResponseParser::suggestedBackoff_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("milliseconds") << QByteArray("Request is throttled. Suggested Backoff Time: 5000 milliseconds")
                                  << qint64(5000);
    QTest::newRow("ms") << QByteArray("Backoff 250 ms") << qint64(250);
    QTest::newRow("seconds") << QByteArray("Too busy, retry after 30 seconds") << qint64(30000);
    QTest::newRow("s") << QByteArray("please wait 2s") << qint64(2000);
    QTest::newRow("no unit") << QByteArray("retry in 7") << qint64(7);
    QTest::newRow("no number") << QByteArray("Request is throttled.") << qint64(0);
    QTest::newRow("empty") << QByteArray() << qint64(0);
    // A server's word is capped at a day: a hostile or broken server cannot park a mailbox for years.
    QTest::newRow("a year, capped") << QByteArray("retry after 31536000 seconds") << qint64(24 * 3600 * 1000);
    QTest::newRow("999999999 s, capped") << QByteArray("wait 999999999 s") << qint64(24 * 3600 * 1000);
}

void TestImapResponseParser::suggestedBackoff()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, expected);
    QCOMPARE(suggestedBackoffMs(text), expected);
}

QTEST_GUILESS_MAIN(TestImapResponseParser)
#include "tst_imapresponseparser.moc"
