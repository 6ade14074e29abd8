// Imap::Command: how arguments are encoded (atom, quoted string or literal), how a command is split
// around synchronizing literals, what the traffic log shows, and modified UTF-7 mailbox names.

#include "protocol/imap/imapcommand.h"

#include <QTest>

using namespace SyncDesk::Imap;
using namespace Qt::StringLiterals;

class TestImapCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void astringEncoding_data();
    void astringEncoding();
    void stringIsNeverABareAtom_data();
    void stringIsNeverABareAtom();
    void literalChunks_data();
    void literalChunks();
    void continuationLines();
    void otherArguments();
    void redactedHidesSecrets();
    void redactedShowsOrdinaryCommands();
    void encodeMailboxName_data();
    void encodeMailboxName();
    void decodeMailboxName_data();
    void decodeMailboxName();
    void mailboxNamesRoundTrip_data();
    void mailboxNamesRoundTrip();
    void utf8MailboxNames();
};

void TestImapCommand::astringEncoding_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("encoded"); // as sent, when it is no literal; empty for literals
    QTest::addColumn<bool>("literal");

    QTest::newRow("plain atom") << QByteArray("alice") << QByteArray("alice") << false;
    QTest::newRow("address") << QByteArray("alice@example.test") << QByteArray("alice@example.test") << false;
    QTest::newRow("empty") << QByteArray() << QByteArray("\"\"") << false;
    QTest::newRow("NIL would be read as nil") << QByteArray("NIL") << QByteArray("\"NIL\"") << false;
    QTest::newRow("nil lower case") << QByteArray("nil") << QByteArray("\"nil\"") << false;
    QTest::newRow("space") << QByteArray("two words") << QByteArray("\"two words\"") << false;
    QTest::newRow("quote and backslash") << QByteArray("pa\"ss\\word") << QByteArray("\"pa\\\"ss\\\\word\"") << false;
    QTest::newRow("parenthesis") << QByteArray("a(b") << QByteArray("\"a(b\"") << false;
    QTest::newRow("brace") << QByteArray("a{3}") << QByteArray("\"a{3}\"") << false;
    QTest::newRow("wildcards") << QByteArray("a*b%") << QByteArray("\"a*b%\"") << false;
    QTest::newRow("bracket") << QByteArray("a]b") << QByteArray("\"a]b\"") << false;
    QTest::newRow("tab") << QByteArray("a\tb") << QByteArray("\"a\tb\"") << false;
    QTest::newRow("256 atom characters") << QByteArray(256, 'x') << QByteArray(256, 'x') << false;
    QTest::newRow("257 atom characters") << QByteArray(257, 'x') << '"' + QByteArray(257, 'x') + '"' << false;
    QTest::newRow("1000 quotable characters") << QByteArray(1000, ' ') << '"' + QByteArray(1000, ' ') + '"' << false;
    QTest::newRow("1001 quotable characters") << QByteArray(1001, ' ') << QByteArray() << true;
    QTest::newRow("8-bit UTF-8") << QByteArray("p\xc3\xa4sswort") << QByteArray() << true;
    QTest::newRow("Latin-1 byte") << QByteArray("caf\xe9") << QByteArray() << true;
    QTest::newRow("CR LF") << QByteArray("line\r\nbreak") << QByteArray() << true;
    QTest::newRow("LF only") << QByteArray("a\nb") << QByteArray() << true;
    QTest::newRow("NUL") << QByteArray("a\0b", 3) << QByteArray() << true;
}

void TestImapCommand::astringEncoding()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, encoded);
    QFETCH(bool, literal);

    const Command command = Command("LOGIN").astring("alice").astring(value);
    const QByteArray size = QByteArray::number(value.size());
    if (!literal) {
        const QByteArray expected = "A1 LOGIN alice " + encoded + "\r\n";
        QCOMPARE(command.chunks("A1", false), QList<QByteArray>{expected});
        QCOMPARE(command.chunks("A1", true), QList<QByteArray>{expected});
        return;
    }
    // A synchronizing literal: the server must say "+" before the bytes are sent.
    QCOMPARE(command.chunks("A1", false), (QList<QByteArray>{"A1 LOGIN alice {" + size + "}\r\n", value + "\r\n"}));
    // LITERAL+: all in one piece.
    QCOMPARE(command.chunks("A1", true), QList<QByteArray>{"A1 LOGIN alice {" + size + "+}\r\n" + value + "\r\n"});
}

void TestImapCommand::stringIsNeverABareAtom_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("atom-safe") << QByteArray("alice") << QByteArray("\"alice\"");
    QTest::newRow("empty") << QByteArray() << QByteArray("\"\"");
    QTest::newRow("escapes") << QByteArray("\\\"") << QByteArray("\"\\\\\\\"\"");
}

void TestImapCommand::stringIsNeverABareAtom()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, encoded);
    QCOMPARE(Command("SEARCH").atom("SUBJECT").string(value).chunks("s1", false),
             QList<QByteArray>{"s1 SEARCH SUBJECT " + encoded + "\r\n"});
}

void TestImapCommand::literalChunks_data()
{
    QTest::addColumn<QList<QByteArray>>("synchronizing");
    QTest::addColumn<QList<QByteArray>>("literalPlus");
    QTest::addColumn<QByteArray>("redacted");

    // Two literals in one command: three chunks, each literal after a continuation request.
    QTest::newRow("two literals") << QList<QByteArray>{"A2 LOGIN {7}\r\n", "m\xc3\xbcller {2}\r\n", "\xc3\xb6\r\n"}
                                  << QList<QByteArray>{"A2 LOGIN {7+}\r\nm\xc3\xbcller {2+}\r\n\xc3\xb6\r\n"}
                                  << QByteArray("A2 LOGIN {7 bytes} {2 bytes}");
    // A message to APPEND: arguments after the literal stay in its chunk.
    const QByteArray message = "Subject: x\r\n\r\nbody\r\n";
    QTest::newRow("append") << QList<QByteArray>{"A2 APPEND \"Sent\" (\\Seen) {20}\r\n", message + " UTF8\r\n"}
                            << QList<QByteArray>{"A2 APPEND \"Sent\" (\\Seen) {20+}\r\n" + message + " UTF8\r\n"}
                            << QByteArray("A2 APPEND \"Sent\" (\\Seen) {20 bytes} UTF8");
}

void TestImapCommand::literalChunks()
{
    QFETCH(QList<QByteArray>, synchronizing);
    QFETCH(QList<QByteArray>, literalPlus);
    QFETCH(QByteArray, redacted);

    Command command("X");
    if (QByteArray(QTest::currentDataTag()) == "two literals") {
        command = Command("LOGIN").astring("m\xc3\xbcller").astring("\xc3\xb6");
    } else {
        command =
            Command("APPEND").mailbox(u"Sent"_s).raw("(\\Seen)").string("Subject: x\r\n\r\nbody\r\n").atom("UTF8");
    }
    QCOMPARE(command.chunks("A2", false), synchronizing);
    QCOMPARE(command.chunks("A2", true), literalPlus);
    QCOMPARE(command.redacted("A2"), redacted);
}

void TestImapCommand::continuationLines()
{
    const Command command = Command("AUTHENTICATE").atom("PLAIN").continuation("AGFsaWNlAHNlY3JldA==").sensitive();
    const QList<QByteArray> expected{"A3 AUTHENTICATE PLAIN\r\n", "AGFsaWNlAHNlY3JldA==\r\n"};
    QCOMPARE(command.chunks("A3", false), expected);
    QCOMPARE(command.chunks("A3", true), expected); // LITERAL+ does not remove the server's "+"
    QVERIFY(command.isSensitive());
    QCOMPARE(command.redacted("A3"), QByteArray("A3 AUTHENTICATE <credentials hidden>"));

    const Command idle = Command("IDLE").continuation("DONE");
    QCOMPARE(idle.chunks("A4", true), (QList<QByteArray>{"A4 IDLE\r\n", "DONE\r\n"}));
    QCOMPARE(idle.redacted("A4"), QByteArray("A4 IDLE <continuation>"));
}

void TestImapCommand::otherArguments()
{
    const Command fetch = Command("UID FETCH").raw("1:5,7").atom("(UID BODY.PEEK[])");
    QCOMPARE(fetch.name(), QByteArray("UID FETCH"));
    QVERIFY(!fetch.isSensitive());
    QCOMPARE(fetch.chunks("A5", false), QList<QByteArray>{"A5 UID FETCH 1:5,7 (UID BODY.PEEK[])\r\n"});

    const Command store = Command("UID STORE").number(4294967295ULL).atom("+FLAGS").raw("(\\Seen)");
    QCOMPARE(store.chunks("A6", false), QList<QByteArray>{"A6 UID STORE 4294967295 +FLAGS (\\Seen)\r\n"});

    const Command noArguments("NOOP");
    QCOMPARE(noArguments.chunks("A7", false), QList<QByteArray>{"A7 NOOP\r\n"});
    QCOMPARE(noArguments.redacted("A7"), QByteArray("A7 NOOP"));

    // Mailbox names are modified UTF-7 and always quoted, with quotes and backslashes escaped.
    QCOMPARE(Command("SELECT").mailbox(u"Kunden/Müller"_s).chunks("A8", false),
             QList<QByteArray>{"A8 SELECT \"Kunden/M&APw-ller\"\r\n"});
    QCOMPARE(Command("SELECT").mailbox(u"INBOX"_s).chunks("A8", false), QList<QByteArray>{"A8 SELECT \"INBOX\"\r\n"});
    QCOMPARE(Command("SELECT").mailbox(u"a\"b\\c"_s).chunks("A8", false),
             QList<QByteArray>{"A8 SELECT \"a\\\"b\\\\c\"\r\n"});
    QCOMPARE(Command("STATUS").mailbox(u"Tom & Jerry"_s).raw("(UIDNEXT)").chunks("A9", false),
             QList<QByteArray>{"A9 STATUS \"Tom &- Jerry\" (UIDNEXT)\r\n"});
}

void TestImapCommand::redactedHidesSecrets()
{
    const QByteArray password = "s3cr\"et\\pa\xc3\xa4ss";
    const Command login = Command("LOGIN").astring("alice@example.test").astring(password).sensitive();
    const QByteArray shown = login.redacted("A1");
    QCOMPARE(shown, QByteArray("A1 LOGIN <credentials hidden>"));
    QVERIFY(!shown.contains("alice"));
    QVERIFY(!shown.contains("s3cr"));

    // Quoted, not literal: still hidden.
    const Command quoted = Command("LOGIN").astring("bob").astring("pa ss").sensitive();
    QCOMPARE(quoted.redacted("A2"), QByteArray("A2 LOGIN <credentials hidden>"));
    // The bytes sent still carry the password, of course.
    QCOMPARE(quoted.chunks("A2", false), QList<QByteArray>{"A2 LOGIN bob \"pa ss\"\r\n"});
}

void TestImapCommand::redactedShowsOrdinaryCommands()
{
    QCOMPARE(Command("SELECT").mailbox(u"Entwürfe"_s).redacted("A1"), QByteArray("A1 SELECT \"Entw&APw-rfe\""));
    QCOMPARE(Command("UID FETCH").raw("1:*").atom("(UID)").redacted("A2"), QByteArray("A2 UID FETCH 1:* (UID)"));
    // Literal contents are elided even when not secret: a message body does not belong in the log.
    QCOMPARE(Command("APPEND").mailbox(u"INBOX"_s).string("line1\r\nline2").redacted("A3"),
             QByteArray("A3 APPEND \"INBOX\" {12 bytes}"));
}

void TestImapCommand::encodeMailboxName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("encoded");

    QTest::newRow("INBOX") << u"INBOX"_s << QByteArray("INBOX");
    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("RFC 3501 example") << u"~peter/mail/台北/日本語"_s << QByteArray("~peter/mail/&U,BTFw-/&ZeVnLIqe-");
    QTest::newRow("ampersand") << u"&"_s << QByteArray("&-");
    QTest::newRow("ampersand in text") << u"Tom & Jerry"_s << QByteArray("Tom &- Jerry");
    QTest::newRow("umlaut") << u"Kunden/Müller"_s << QByteArray("Kunden/M&APw-ller");
    QTest::newRow("Entwürfe") << u"Entwürfe"_s << QByteArray("Entw&APw-rfe");
    QTest::newRow("single capital umlaut") << u"Ü"_s << QByteArray("&ANw-");
    QTest::newRow("run with ampersands around") << u"Ä&Ö"_s << QByteArray("&AMQ-&-&ANY-");
    QTest::newRow("surrogate pair") << u"😀"_s << QByteArray("&2D3eAA-");
    QTest::newRow("tab is not printable") << u"a\tb"_s << QByteArray("a&AAk-b");
    QTest::newRow("Cyrillic") << u"Входящие"_s << QByteArray("&BBIERQQ+BDQETwRJBDgENQ-");
    QTest::newRow("printable ASCII stays")
        << u"~!#$%*+,-./:;<=>?@[\\]^_`{|}"_s << QByteArray("~!#$%*+,-./:;<=>?@[\\]^_`{|}");
}

void TestImapCommand::encodeMailboxName()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, encoded);
    QCOMPARE(SyncDesk::Imap::encodeMailboxName(name), encoded);
    QCOMPARE(SyncDesk::Imap::decodeMailboxName(encoded), name);
}

void TestImapCommand::decodeMailboxName_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QString>("name");

    QTest::newRow("RFC 3501 example") << QByteArray("~peter/mail/&U,BTFw-/&ZeVnLIqe-") << u"~peter/mail/台北/日本語"_s;
    QTest::newRow("two ampersands") << QByteArray("&-&-") << u"&&"_s;
    QTest::newRow("umlaut") << QByteArray("Kunden/M&APw-ller") << u"Kunden/Müller"_s;
    QTest::newRow("unterminated shift kept") << QByteArray("a&Jjo") << u"a&Jjo"_s;
    QTest::newRow("plain") << QByteArray("Sent Items") << u"Sent Items"_s;
}

void TestImapCommand::decodeMailboxName()
{
    QFETCH(QByteArray, encoded);
    QFETCH(QString, name);
    QCOMPARE(SyncDesk::Imap::decodeMailboxName(encoded), name);
}

void TestImapCommand::mailboxNamesRoundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("mixed scripts") << u"Archiv/2024/Ärger & Ößé/日本/😀x"_s;
    QTest::newRow("only ampersands") << u"&&&"_s;
    QTest::newRow("long run") << QString(100, QChar(0x00e9));
    QTest::newRow("one to five units") << u"é/éé/ééé/éééé/ééééé"_s;
}

void TestImapCommand::mailboxNamesRoundTrip()
{
    QFETCH(QString, name);
    const QByteArray encoded = SyncDesk::Imap::encodeMailboxName(name);
    for (char c : encoded) {
        QVERIFY2(c >= 0x20 && c <= 0x7e, encoded.constData()); // 7-bit printable only
    }
    QCOMPARE(SyncDesk::Imap::decodeMailboxName(encoded), name);
}

QTEST_GUILESS_MAIN(TestImapCommand)
void TestImapCommand::utf8MailboxNames()
{
    using SyncDesk::Imap::MailboxEncoding;
    // Once UTF8=ACCEPT is enabled (RFC 6855), names travel as UTF-8, "&" included, quoted as usual.
    QCOMPARE(Command("SELECT").mailbox(u"Kunden/Müller"_s, MailboxEncoding::Utf8).chunks("A1", false),
             QList<QByteArray>{"A1 SELECT \"Kunden/M\xc3\xbcller\"\r\n"});
    QCOMPARE(Command("STATUS").mailbox(u"Tom & \"Jerry\""_s, MailboxEncoding::Utf8).chunks("A2", false),
             QList<QByteArray>{"A2 STATUS \"Tom & \\\"Jerry\\\"\"\r\n"});
    QCOMPARE(
        Command("LIST").string("").mailboxList({u"INBOX"_s, u"Entwürfe"_s}, MailboxEncoding::Utf8).chunks("A3", false),
        QList<QByteArray>{"A3 LIST \"\" (\"INBOX\" \"Entw\xc3\xbcrfe\")\r\n"});
    // A line break cannot be quoted: a literal carries it.
    QCOMPARE(Command("SELECT").mailbox(u"a\nb"_s, MailboxEncoding::Utf8).chunks("A4", false),
             (QList<QByteArray>{"A4 SELECT {3}\r\n", "a\nb\r\n"}));
    // What the server sends back is read the same way: "&" is no escape in UTF-8 mode.
    QCOMPARE(SyncDesk::Imap::decodeMailboxName("Entw\xc3\xbcrfe &APw-", MailboxEncoding::Utf8), u"Entwürfe &APw-"_s);
    QCOMPARE(SyncDesk::Imap::decodeMailboxName("Entw&APw-rfe", MailboxEncoding::ModifiedUtf7), u"Entwürfe"_s);
}

#include "tst_imapcommand.moc"
