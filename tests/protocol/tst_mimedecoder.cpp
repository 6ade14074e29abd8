// MimeDecoder and HtmlToText on messages written here: encoded headers, charsets, body selection,
// attachments, threading headers, and malformed input that must give warnings rather than crashes.

#include "protocol/mime/htmltotext.h"
#include "protocol/mime/mimedecoder.h"
#include "sync/batchdecoder.h"
#include "sync/itemfailures.h"

#include <QCryptographicHash>
#include <QTest>

#include <new>
#include <stdexcept>

using namespace SyncDesk;
using namespace Qt::StringLiterals;

namespace SyncDesk {
// Readable QCOMPARE failures.
QDebug operator<<(QDebug debug, const EmailAddress &address)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "EmailAddress(" << address.name << ", " << address.address << ')';
    return debug;
}
QDebug operator<<(QDebug debug, const AttachmentInfo &attachment)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "AttachmentInfo(" << attachment.fileName << ", " << attachment.contentType << ", "
                    << attachment.size << ')';
    return debug;
}
} // namespace SyncDesk

namespace {

// Fixtures are written with \n; messages on the wire use CRLF.
QByteArray crlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

QByteArray headerBlockOf(const QByteArray &raw)
{
    return raw.left(raw.indexOf("\r\n\r\n"));
}

bool hasWarningStartingWith(const DecodedMessage &message, const QString &start)
{
    return std::any_of(message.warnings.begin(), message.warnings.end(),
                       [&](const QString &warning) { return warning.startsWith(start); });
}

const QByteArray kHeaders = crlf(R"(From: =?ISO-8859-1?Q?J=F6rg_M=FCller?= <Joerg.Mueller@Example.TEST>
To: Team: alice@example.test, "Bob B." <bob@example.test>;, carol@example.test
Cc: undisclosed-recipients:;
Subject: =?UTF-8?B?R3LDvMOfZSBhdXMgTcO8bmNoZW4=?=
Date: Tue, 05 Mar 2024 14:30:00 +0100
Message-ID: <abc.123@example.test>
In-Reply-To: <parent@example.test>
References: <root@example.test>
 <parent@example.test>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hallo
)");

const QByteArray kAlternative = crlf(R"(From: a@example.test
Subject: alternative
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Plain =C3=BCber alles
--alt
Content-Type: text/html; charset=utf-8

<p>HTML <b>version</b></p>
--alt--
)");

const QByteArray kAlternativeHtmlFirst = crlf(R"(From: a@example.test
Subject: alternative
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/html; charset=utf-8

<p>HTML <b>version</b></p>
--alt
Content-Type: text/plain; charset=utf-8

Plain text
--alt--
)");

const QByteArray kHtmlOnly = crlf(R"(From: a@example.test
Subject: html
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8

<html><head><title>Newsletter</title><style>p { color: red; }</style></head><body>
<script type="text/javascript">var x = "<p>hidden</p>";</script>
<!-- a comment -->
<h1>M&auml;rz&nbsp;News</h1>
<p>Hallo   Welt &amp; Co. &lt;3 &#8364; &#x263A;</p>
<ul><li>Eins</li><li>Zwei</li></ul>
Zeile 1<br>Zeile 2<br/>
<p>Mehr auf <a href="https://example.test/info?a=1&amp;b=2">unserer Seite</a>.</p>
</body></html>
)");

// Not a raw string: moc misreads the RFC 2231 "UTF-8''" inside one.
const QByteArray kAttachments = crlf("From: a@example.test\n"
                                     "Subject: invoice\n"
                                     "MIME-Version: 1.0\n"
                                     "Content-Type: multipart/mixed; boundary=\"mix\"\n"
                                     "\n"
                                     "--mix\n"
                                     "Content-Type: text/plain; charset=us-ascii\n"
                                     "\n"
                                     "See the invoice.\n"
                                     "--mix\n"
                                     "Content-Type: application/pdf; name*=UTF-8''Rechnung%20M%C3%A4rz.pdf\n"
                                     "Content-Disposition: attachment; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf\n"
                                     "Content-Transfer-Encoding: base64\n"
                                     "\n"
                                     "JVBERi0xLjQK\n"
                                     "--mix\n"
                                     "Content-Type: text/plain; charset=utf-8\n"
                                     "Content-Disposition: attachment;\n"
                                     " filename*0*=UTF-8''Sehr%20lange%20;\n"
                                     " filename*1*=Datei%C3%BC.txt\n"
                                     "\n"
                                     "notes\n"
                                     "--mix\n"
                                     "Content-Type: image/png; name=\"logo.png\"\n"
                                     "Content-Transfer-Encoding: base64\n"
                                     "\n"
                                     "iVBORw0KGgo=\n"
                                     "--mix\n"
                                     "Content-Type: message/rfc822\n"
                                     "\n"
                                     "From: b@example.test\n"
                                     "Subject: Weitergeleitet\n"
                                     "Message-ID: <inner@example.test>\n"
                                     "\n"
                                     "Inner body\n"
                                     "--mix--\n");

const QByteArray kTruncated = crlf(R"(From: a@example.test
Subject: cut
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="XYZ"

--XYZ
Content-Type: text/plain; charset=utf-8

Hello there
--XYZ
Content-Type: application/octet-stream; name="data.bin"
Content-Transfer-Encoding: base64

AAEC)");

QByteArray singlePart(const QByteArray &contentHeaders, const QByteArray &body)
{
    return crlf("From: a@example.test\nSubject: charset\nMIME-Version: 1.0\n" + contentHeaders + "\n\n") + body;
}

} // namespace

class TestMimeDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesHeaders();
    void decodesSubjects_data();
    void decodesSubjects();
    void parsesDates_data();
    void parsesDates();
    void multipartAlternativePrefersPlainText();
    void htmlOnlyBodyBecomesText();
    void convertsCharsets_data();
    void convertsCharsets();
    void unknownCharsetWarns();
    void listsAttachments();
    void missingMessageIdGivesStableDigest();
    void lineEndsBecomeLf();
    void utf8TextIsCheckedNotConverted();
    void addressesInAsciiForm();
    void garbageIsNotAMessage_data();
    void garbageIsNotAMessage();
    void truncatedMultipartWarns();
    void everyPrefixDecodes();
    void longBodyIsCut();
    void htmlToText_data();
    void htmlToText();
    void hostileHtmlIsRightAndBounded();
    void hugeHtmlBodyIsTruncatedAndMarked();
    void nestingBeyondTheLimitIsMarked();
    void exceptionsStayWithTheirMessage();
};

void TestMimeDecoder::decodesHeaders()
{
    const DecodedMessage message = MimeDecoder::decode(kHeaders);
    QVERIFY(message.parsed);
    QCOMPARE(message.subject, u"Grüße aus München"_s);
    QCOMPARE(message.from, (EmailAddress{u"Jörg Müller"_s, u"joerg.mueller@example.test"_s}));
    // Group members are listed; the group name is not an address.
    const QList<EmailAddress> to{{QString(), u"alice@example.test"_s},
                                 {u"Bob B."_s, u"bob@example.test"_s},
                                 {QString(), u"carol@example.test"_s}};
    QCOMPARE(message.to, to);
    QVERIFY(message.cc.isEmpty()); // an empty group
    QCOMPARE(message.date, QDateTime(QDate(2024, 3, 5), QTime(13, 30), Qt::UTC));
    QCOMPARE(message.date.timeSpec(), Qt::UTC);
    QCOMPARE(message.messageId, u"abc.123@example.test"_s);
    QCOMPARE(message.inReplyTo, u"parent@example.test"_s);
    QCOMPARE(message.references, (QStringList{u"root@example.test"_s, u"parent@example.test"_s}));
    QCOMPARE(message.bodyText, u"Hallo"_s);
    QVERIFY(!message.bodyFromHtml);
    QVERIFY(message.attachments.isEmpty());
    QCOMPARE(message.warnings, QStringList());
    // The header digest names messages without a Message-ID (and empty ones): not computed for this one.
    QVERIFY(message.headerDigest.isEmpty());
    QVERIFY(message.contentDigest.isEmpty());
}

void TestMimeDecoder::decodesSubjects_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("expected");

    QTest::newRow("B UTF-8") << QByteArray("=?UTF-8?B?R3LDvMOfZSBhdXMgTcO8bmNoZW4=?=") << u"Grüße aus München"_s;
    QTest::newRow("Q ISO-8859-1") << QByteArray("=?ISO-8859-1?Q?Gr=FC=DFe_aus_K=F6ln?=") << u"Grüße aus Köln"_s;
    QTest::newRow("B ISO-8859-1") << QByteArray("=?iso-8859-1?b?R3L832U=?=") << u"Grüße"_s;
    QTest::newRow("Q windows-1252") << QByteArray("=?windows-1252?Q?=80_5_=93neu=94?=") << u"€ 5 “neu”"_s;
    QTest::newRow("adjacent words join") << QByteArray("Re: =?utf-8?q?Caf=C3=A9?= =?utf-8?q?_cr=C3=A8me?=")
                                         << u"Re: Café crème"_s;
    QTest::newRow("folded plain text") << QByteArray("a long\r\n subject line") << u"a long subject line"_s;
    QTest::newRow("raw UTF-8") << QByteArray("Gr\xc3\xbc\xc3\x9f"
                                             "e")
                               << u"Grüße"_s;
    QTest::newRow("raw Latin-1") << QByteArray("Gr\xfc\xdf"
                                               "e")
                                 << u"Grüße"_s;
}

void TestMimeDecoder::decodesSubjects()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, expected);
    const QByteArray raw = "From: a@example.test\r\nSubject: " + header + "\r\n\r\nbody\r\n";
    const DecodedMessage message = MimeDecoder::decode(raw);
    QVERIFY(message.parsed);
    QCOMPARE(message.subject, expected);
    QCOMPARE(message.bodyText, u"body"_s);
}

void TestMimeDecoder::parsesDates_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("RFC 5322") << QByteArray("Tue, 05 Mar 2024 14:30:00 +0100")
                              << QDateTime(QDate(2024, 3, 5), QTime(13, 30), Qt::UTC);
    QTest::newRow("no weekday, no seconds")
        << QByteArray("5 Mar 2024 14:30 -0800") << QDateTime(QDate(2024, 3, 5), QTime(22, 30), Qt::UTC);
    QTest::newRow("GMT") << QByteArray("Tue, 05 Mar 2024 14:30:00 GMT")
                         << QDateTime(QDate(2024, 3, 5), QTime(14, 30), Qt::UTC);
    QTest::newRow("crosses the year") << QByteArray("Mon, 1 Jan 2024 00:15:00 +0200")
                                      << QDateTime(QDate(2023, 12, 31), QTime(22, 15), Qt::UTC);
}

void TestMimeDecoder::parsesDates()
{
    QFETCH(QByteArray, header);
    QFETCH(QDateTime, expected);
    const DecodedMessage message = MimeDecoder::decode("From: a@example.test\r\nDate: " + header + "\r\n\r\nx\r\n");
    QCOMPARE(message.date, expected);
    QCOMPARE(message.date.timeSpec(), Qt::UTC);
    QVERIFY(!hasWarningStartingWith(message, u"the Date header"_s));

    const DecodedMessage unreadable = MimeDecoder::decode("From: a@example.test\r\nDate: not a date\r\n\r\nx\r\n");
    QVERIFY(!unreadable.date.isValid());
    QVERIFY(unreadable.warnings.contains(u"the Date header could not be read"_s));

    const DecodedMessage missing = MimeDecoder::decode("From: a@example.test\r\n\r\nx\r\n");
    QVERIFY(!missing.date.isValid());
    QCOMPARE(missing.warnings, QStringList());
}

void TestMimeDecoder::multipartAlternativePrefersPlainText()
{
    const DecodedMessage message = MimeDecoder::decode(kAlternative);
    QVERIFY(message.parsed);
    QCOMPARE(message.bodyText, u"Plain über alles"_s);
    QVERIFY(!message.bodyFromHtml);
    QVERIFY(message.attachments.isEmpty());
    QCOMPARE(message.warnings, QStringList());

    const DecodedMessage htmlFirst = MimeDecoder::decode(kAlternativeHtmlFirst);
    QCOMPARE(htmlFirst.bodyText, u"Plain text"_s);
    QVERIFY(!htmlFirst.bodyFromHtml);
}

void TestMimeDecoder::htmlOnlyBodyBecomesText()
{
    const DecodedMessage message = MimeDecoder::decode(kHtmlOnly);
    QVERIFY(message.parsed);
    QVERIFY(message.bodyFromHtml);
    QCOMPARE(message.bodyText, u"März News\n\n"
                               "Hallo Welt & Co. <3 € ☺\n\n"
                               "• Eins\n"
                               "• Zwei\n"
                               "Zeile 1\n"
                               "Zeile 2\n\n"
                               "Mehr auf unserer Seite (https://example.test/info?a=1&b=2)."_s);
    QVERIFY(!message.bodyText.contains(u"hidden"_s));
    QVERIFY(!message.bodyText.contains(u"color"_s));
    QVERIFY(!message.bodyText.contains(u"Newsletter"_s));
    QVERIFY(message.attachments.isEmpty());
}

void TestMimeDecoder::convertsCharsets_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("expected");

    QTest::newRow("windows-1252 8bit")
        << singlePart("Content-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: 8bit",
                      "Preis: 5 \x80, \x93"
                      "Angebot\x94, M\xe4rz\r\n")
        << u"Preis: 5 €, “Angebot”, März"_s;
    QTest::newRow("ISO-8859-1 quoted-printable")
        << singlePart("Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: quoted-printable",
                      "Gr=FC=DFe aus K=F6ln=\r\n und mehr\r\n")
        << u"Grüße aus Köln und mehr"_s;
    QTest::newRow("ISO-8859-1 base64")
        << singlePart("Content-Type: text/plain; charset=\"iso-8859-1\"\nContent-Transfer-Encoding: base64",
                      "R3L832U=\r\n")
        << u"Grüße"_s;
    QTest::newRow("UTF-8 quoted-printable")
        << singlePart("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable",
                      "Stra=C3=9Fe\r\nzweite Zeile\r\n")
        << u"Straße\nzweite Zeile"_s;
    QTest::newRow("HTML in windows-1252")
        << singlePart("Content-Type: text/html; charset=windows-1252", "<p>M\xe4rz &amp; \x80</p>\r\n")
        << u"März & €"_s;
}

void TestMimeDecoder::convertsCharsets()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, expected);
    const DecodedMessage message = MimeDecoder::decode(raw);
    QVERIFY(message.parsed);
    QCOMPARE(message.bodyText, expected);
    QCOMPARE(message.warnings, QStringList());
}

void TestMimeDecoder::unknownCharsetWarns()
{
    const QByteArray raw = singlePart(
        "Content-Type: text/plain; charset=x-unknown-foo\nContent-Transfer-Encoding: 8bit", "caf\xe9 cr\xe8me\r\n");
    const DecodedMessage message = MimeDecoder::decode(raw);
    QVERIFY(message.parsed);
    QCOMPARE(message.subject, u"charset"_s);
    QCOMPARE(message.bodyText, u"café crème"_s);
    QCOMPARE(message.warnings,
             QStringList{u"text in charset \"x-unknown-foo\" could not be converted; read as Windows-1252"_s});
}

void TestMimeDecoder::listsAttachments()
{
    const DecodedMessage message = MimeDecoder::decode(kAttachments);
    QVERIFY(message.parsed);
    QCOMPARE(message.bodyText, u"See the invoice."_s);
    QCOMPARE(message.attachments.size(), 4);
    // RFC 2231: charset and percent-encoding, then continuations.
    QCOMPARE(message.attachments.at(0), (AttachmentInfo{u"Rechnung März.pdf"_s, u"application/pdf"_s, 9}));
    QCOMPARE(message.attachments.at(1), (AttachmentInfo{u"Sehr lange Dateiü.txt"_s, u"text/plain"_s, 5}));
    QCOMPARE(message.attachments.at(2), (AttachmentInfo{u"logo.png"_s, u"image/png"_s, 8}));
    // An attached message is listed under its subject.
    const AttachmentInfo &forwarded = message.attachments.at(3);
    QCOMPARE(forwarded.fileName, u"Weitergeleitet"_s);
    QCOMPARE(forwarded.contentType, u"message/rfc822"_s);
    QVERIFY2(forwarded.size >= 85 && forwarded.size <= 93, QByteArray::number(forwarded.size).constData());
    QCOMPARE(message.warnings, QStringList());
}

void TestMimeDecoder::lineEndsBecomeLf()
{
    // CRLF, a lone CR and a lone LF in a text part all become "\n", in plain text and in the text of two
    // parts joined; the text is trimmed.
    const QByteArray plain = "From: a@example.test\r\nSubject: ends\r\nMessage-ID: <ends@example.test>\r\n"
                             "Content-Type: text/plain; charset=utf-8\r\n\r\n\r\none\r\ntwo\rthree\nfour\r\n\r\n"
                             "f\xc3\xbcnf\r\n\r\n";
    QCOMPARE(MimeDecoder::decode(plain).bodyText, u"one\ntwo\nthree\nfour\n\nf\u00fcnf"_s);
    const QByteArray parts = "From: a@example.test\r\nSubject: parts\r\nMIME-Version: 1.0\r\n"
                             "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                             "--b\r\nContent-Type: text/plain\r\n\r\nfirst\r\nline\r\n"
                             "--b\r\nContent-Type: text/plain\r\n\r\nsecond\rline\r\n--b--\r\n";
    QCOMPARE(MimeDecoder::decode(parts).bodyText, u"first\nline\n\nsecond\nline"_s);
}

void TestMimeDecoder::utf8TextIsCheckedNotConverted()
{
    // UTF-8 text is taken as it is once its transfer encoding is undone (base64 here)...
    const QByteArray base64 = "From: a@example.test\r\nSubject: b64\r\nMessage-ID: <b64@example.test>\r\n"
                              "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
                              QByteArray("Gr\xc3\xbc\xc3\x9f"
                                         "e\r\naus K\xc3\xb6ln\r\n")
                                  .toBase64() +
                              "\r\n";
    DecodedMessage decoded = MimeDecoder::decode(base64);
    QCOMPARE(decoded.bodyText, u"Gr\u00fc\u00dfe\naus K\u00f6ln"_s);
    QCOMPARE(decoded.warnings, QStringList());
    // ... and one byte that is not UTF-8 in a part that says so does not spoil the rest of it: the valid
    // text stays as it is (never read as Windows-1252 as a whole).
    const QByteArray stray = "From: a@example.test\r\nSubject: bad\r\nMessage-ID: <bad@example.test>\r\n"
                             "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                             "Gr\xc3\xbc\xc3\x9f"
                             "e \xff aus K\xc3\xb6ln\r\n";
    decoded = MimeDecoder::decode(stray);
    QVERIFY2(decoded.bodyText.startsWith(u"Gr\u00fc\u00dfe "_s), qPrintable(decoded.bodyText));
    QVERIFY2(decoded.bodyText.endsWith(u" aus K\u00f6ln"_s), qPrintable(decoded.bodyText));
    // A NUL byte ends the text, as GMime's conversion of other charsets ends it.
    const QByteArray nul = "From: a@example.test\r\nSubject: nul\r\nMessage-ID: <nul@example.test>\r\n"
                           "Content-Type: text/plain; charset=utf-8\r\n\r\nbefore" +
                           QByteArray(1, '\0') + "after\r\n";
    QCOMPARE(MimeDecoder::decode(nul).bodyText, u"before"_s);
}

void TestMimeDecoder::addressesInAsciiForm()
{
    // An international domain is kept in its ASCII (IDN) form; ASCII addresses as written; all lower case.
    const QByteArray raw = "From: =?UTF-8?Q?J=C3=B6rg?= <info@b\xc3\xbc"
                           "cher.example>\r\n"
                           "To: Kim <Kim@Contoso.EXAMPLE>, lee@xn--bcher-kva.example\r\n"
                           "Subject: idn\r\nMessage-ID: <idn@example.test>\r\n\r\nbody\r\n";
    const DecodedMessage decoded = MimeDecoder::decode(raw);
    QCOMPARE(decoded.from.address, u"info@xn--bcher-kva.example"_s);
    QCOMPARE(decoded.from.name, u"J\u00f6rg"_s);
    QCOMPARE(decoded.to.size(), 2);
    QCOMPARE(decoded.to.at(0).address, u"kim@contoso.example"_s);
    QCOMPARE(decoded.to.at(1).address, u"lee@xn--bcher-kva.example"_s);
}

void TestMimeDecoder::missingMessageIdGivesStableDigest()
{
    const QByteArray raw =
        crlf("From: a@example.test\nSubject: no id\nDate: Tue, 05 Mar 2024 14:30:00 +0100\n\nbody\n");
    const DecodedMessage first = MimeDecoder::decode(raw);
    QVERIFY(first.parsed);
    QCOMPARE(first.messageId, QString());
    QCOMPARE(first.headerDigest.size(), 40);
    QCOMPARE(first.headerDigest, QCryptographicHash::hash(headerBlockOf(raw), QCryptographicHash::Sha1).toHex());
    QCOMPARE(MimeDecoder::decode(raw).headerDigest, first.headerDigest);

    // The body does not take part; any header does.
    QByteArray otherBody = raw;
    otherBody.replace("body", "something else");
    QCOMPARE(MimeDecoder::decode(otherBody).headerDigest, first.headerDigest);
    QByteArray otherSubject = raw;
    otherSubject.replace("no id", "no id!");
    QVERIFY(MimeDecoder::decode(otherSubject).headerDigest != first.headerDigest);

    // LF-only line endings: the header block still ends at the first empty line.
    QByteArray lf = raw;
    lf.replace("\r\n", "\n");
    QCOMPARE(MimeDecoder::decode(lf).headerDigest,
             QCryptographicHash::hash(lf.left(lf.indexOf("\n\n")), QCryptographicHash::Sha1).toHex());
}

void TestMimeDecoder::garbageIsNotAMessage_data()
{
    QTest::addColumn<QByteArray>("raw");
    QByteArray allBytes;
    for (int i = 0; i < 1024; ++i) {
        allBytes += char(i % 256);
    }
    QTest::newRow("every byte value") << allBytes;
    QTest::newRow("PNG signature") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 18);
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("NUL bytes") << QByteArray(64, '\0');
}

void TestMimeDecoder::garbageIsNotAMessage()
{
    QFETCH(QByteArray, raw);
    const DecodedMessage message = MimeDecoder::decode(raw);
    QVERIFY(!message.parsed);
    QVERIFY(message.warnings.contains(u"not a MIME message; stored as plain text"_s));
    QCOMPARE(message.subject, QString());
    QCOMPARE(message.messageId, QString());
    QVERIFY(message.attachments.isEmpty());
    QVERIFY(!message.date.isValid());
    QCOMPARE(message.headerDigest.size(), 40);
}

void TestMimeDecoder::truncatedMultipartWarns()
{
    const DecodedMessage message = MimeDecoder::decode(kTruncated);
    QVERIFY(message.parsed);
    QCOMPARE(message.subject, u"cut"_s);
    QCOMPARE(message.bodyText, u"Hello there"_s);
    QVERIFY2(hasWarningStartingWith(message, u"the message is truncated"_s), qPrintable(message.warnings.join(u"; ")));
    QCOMPARE(message.attachments.size(), 1);
    QCOMPARE(message.attachments.at(0), (AttachmentInfo{u"data.bin"_s, u"application/octet-stream"_s, 3}));
}

void TestMimeDecoder::everyPrefixDecodes()
{
    // Cut anywhere, a message still decodes to something, and never crashes.
    int parsed = 0;
    for (const QByteArray &raw : {kAttachments, kHtmlOnly}) {
        for (qsizetype i = 0; i <= raw.size(); i += 3) {
            const DecodedMessage message = MimeDecoder::decode(raw.left(i));
            QCOMPARE(message.headerDigest.size(), 40);
            QVERIFY(message.attachments.size() <= 4);
            parsed += message.parsed ? 1 : 0;
        }
    }
    QVERIFY(parsed > 100);
}

void TestMimeDecoder::longBodyIsCut()
{
    MimeDecoder::Options options;
    options.maxBodyChars = 10;
    const DecodedMessage message =
        MimeDecoder::decode(crlf("From: a@example.test\nSubject: long\n\n0123456789abcdef\n"), options);
    QCOMPARE(message.bodyText, u"0123456789"_s);
    QCOMPARE(message.warnings, QStringList{u"body truncated: longer than 10 characters; the rest is not stored"_s});
    QVERIFY(message.bodyTruncated);

    // A long text part is decoded only as far as the text kept needs, cut between characters (never inside
    // a UTF-8 sequence, which would make it invalid and read as Windows-1252).
    const QByteArray euros = QString(40, QChar(0x20AC)).toUtf8(); // 120 bytes, 3 per character
    for (const QByteArray &contentType :
         {QByteArray("text/plain; charset=utf-8"), QByteArray("text/plain; charset=utf-8; format=flowed")}) {
        const DecodedMessage cut = MimeDecoder::decode(
            crlf("From: a@example.test\nSubject: euros\nMIME-Version: 1.0\nContent-Type: " + contentType +
                 "\nContent-Transfer-Encoding: 8bit\n\n" + euros + "\n"),
            options);
        QCOMPARE(cut.bodyText, QString(10, QChar(0x20AC)));
        QVERIFY(cut.bodyTruncated);
        QCOMPARE(cut.warnings, QStringList{u"body truncated: longer than 10 characters; the rest is not stored"_s});
    }
    const DecodedMessage notMime = MimeDecoder::decode(euros, options);
    QCOMPARE(notMime.bodyText, QString(10, QChar(0x20AC)));
    QVERIFY(notMime.bodyTruncated);

    const DecodedMessage fits = MimeDecoder::decode(crlf("From: a@example.test\nSubject: x\n\n0123456789\n"), options);
    QCOMPARE(fits.bodyText, u"0123456789"_s);
    QCOMPARE(fits.warnings, QStringList());
    QVERIFY(!fits.bodyTruncated);
}

void TestMimeDecoder::htmlToText_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");

    QTest::newRow("paragraphs") << u"<p>One</p><p>Two</p>"_s << u"One\n\nTwo"_s;
    QTest::newRow("line breaks") << u"a<br>b<br/>c<BR />d"_s << u"a\nb\nc\nd"_s;
    QTest::newRow("whitespace collapses") << u"  a \n\t b   c  "_s << u"a b c"_s;
    QTest::newRow("nbsp is a space") << u"a&nbsp;&nbsp;b"_s << u"a b"_s;
    QTest::newRow("entities") << u"&lt;tag&gt; &quot;q&quot; &apos;s&apos; &#228; &#xE4; &#XE4; &euro; &copy;"_s
                              << u"<tag> \"q\" 's' ä ä ä € ©"_s;
    QTest::newRow("unknown entity and bare ampersand") << u"&bogus; R&D & co"_s << u"&bogus; R&D & co"_s;
    QTest::newRow("invalid numeric entities") << u"&#0; &#xD800; &#1114112;"_s << u"&#0; &#xD800; &#1114112;"_s;
    QTest::newRow("list") << u"<ul><li>one</li><li>two</li></ul>after"_s << u"• one\n• two\nafter"_s;
    QTest::newRow("ordered list") << u"<ol><li>first<li>second</ol>"_s << u"• first\n• second"_s;
    QTest::newRow("script and style") << u"<script>alert('<b>x</b>')</script><STYLE>p{}</STYLE>visible"_s
                                      << u"visible"_s;
    QTest::newRow("head and title") << u"<html><head><title>T</title></head><body>Body</body></html>"_s << u"Body"_s;
    QTest::newRow("comment") << u"a<!-- <p>hidden</p> -->b"_s << u"ab"_s;
    QTest::newRow("link") << u"<a href=\"https://example.test/x\">Click</a>"_s << u"Click (https://example.test/x)"_s;
    QTest::newRow("link single quotes") << u"<a class=x href='https://example.test'>Site</a>"_s
                                        << u"Site (https://example.test)"_s;
    QTest::newRow("link text is the url")
        << u"<a href=\"https://example.test\">https://example.test</a>"_s << u"https://example.test"_s;
    QTest::newRow("mailto link") << u"<a href=\"mailto:a@example.test\">Write</a>"_s << u"Write"_s;
    QTest::newRow("anchor link") << u"<a href=\"#top\">Top</a>"_s << u"Top"_s;
    QTest::newRow("image alt") << u"<img src=\"x.png\" alt=\"Logo\">text"_s << u"[Logo] text"_s;
    QTest::newRow("table cells") << u"<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"_s << u"a b\nc"_s;
    QTest::newRow("heading") << u"<h2>Title</h2>text"_s << u"Title\n\ntext"_s;
    QTest::newRow("div") << u"<div>a</div><div>b</div>"_s << u"a\nb"_s;
    QTest::newRow("pre keeps spaces") << u"<pre>a\n  b</pre>c"_s << u"a\n  b\n\nc"_s;
    QTest::newRow("stray less-than") << u"a < b"_s << u"a < b"_s;
    // "<" not followed by a letter, "/", "!" or "?" is text, as in a browser: it swallows nothing.
    QTest::newRow("comparisons are text") << u"a < b > c, 5<6 and 7>3"_s << u"a < b > c, 5<6 and 7>3"_s;
    QTest::newRow("entity without semicolon") << u"&amp &lt;x&gt &&amp;;"_s << u"&amp <x&gt &&;"_s;
    QTest::newRow("entity too long") << u"&abcdefghijklmnop; &#00000000000000065;"_s
                                     << u"&abcdefghijklmnop; &#00000000000000065;"_s;
    QTest::newRow("unclosed tag at the end") << u"text <div class=\"x\""_s << u"text <div class=\"x\""_s;
    QTest::newRow("unterminated script") << u"x<script>never closed"_s << u"x"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestMimeDecoder::htmlToText()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QCOMPARE(HtmlToText::convert(html), text);
}

void TestMimeDecoder::hostileHtmlIsRightAndBounded()
{
    // Bodies that made the conversion quadratic (each "&" searched the rest for ";", each block tag
    // counted every line break before it): right and bounded here; tests/bench/bench_htmltotext times them.
    constexpr qsizetype kMax = 1024 * 1024;
    bool truncated = false;

    const QString ampersands(2 * 1024 * 1024, u'&');
    QString text = HtmlToText::convert(ampersands, kMax, &truncated);
    QVERIFY(truncated);
    QVERIFY(text.size() > kMax && text.size() <= 2 * kMax + 16);
    QCOMPARE(text.count(u'&'), text.size());

    const QString escaped = u"&amp;"_s.repeated(400 * 1024);
    text = HtmlToText::convert(escaped, kMax, &truncated);
    QVERIFY(!truncated);
    QCOMPARE(text, QString(400 * 1024, u'&'));

    const int lines = 200 * 1000;
    const QString breaks = u"a<br>"_s.repeated(lines) + u"<p>"_s.repeated(lines) + u"b"_s;
    text = HtmlToText::convert(breaks, kMax, &truncated);
    QVERIFY(!truncated);
    QCOMPARE(text, u"a\n"_s.repeated(lines - 1) + u"a\n\nb"_s);

    const QString unclosed = u"<div"_s.repeated(300 * 1000);
    text = HtmlToText::convert(unclosed, kMax, &truncated);
    QCOMPARE(text, unclosed); // no ">" anywhere: not a tag, all of it is text

    const QString mixed = u"<p>&amp;<br><b>x&<i"_s.repeated(100 * 1000) + u"<p>"_s;
    text = HtmlToText::convert(mixed, kMax, &truncated);
    QVERIFY(!truncated);
    QCOMPARE(text.count(u"x&&\n"_s), 100 * 1000 - 1); // "<i<p>" is one tag: each "<p>" but the first is swallowed
}

void TestMimeDecoder::hugeHtmlBodyIsTruncatedAndMarked()
{
    // An HTML-only mail whose text would be longer than the maximum: the activity keeps the first
    // maxBodyChars characters, and says it was cut.
    const QByteArray html = QByteArray("<p>") + QByteArray("word &amp; ").repeated(300 * 1024);
    const QByteArray raw =
        crlf("From: a@example.test\nSubject: huge\nContent-Type: text/html; charset=utf-8\n\n") + html;
    const DecodedMessage message = MimeDecoder::decode(raw);
    QVERIFY(message.bodyFromHtml);
    QVERIFY(message.bodyTruncated);
    QCOMPARE(message.bodyText.size(), MimeDecoder::Options().maxBodyChars);
    QVERIFY(message.bodyText.startsWith(u"word & word & "_s));
    QVERIFY(message.warnings.join(u'\n').contains(u"body truncated"_s));
}

void TestMimeDecoder::nestingBeyondTheLimitIsMarked()
{
    // Multiparts nested 40 deep (the walker stops at 32) and 3,000 deep (no crash, no hang): stored with
    // what lies above the limit, and a warning says the rest was not decoded, never a silent empty body.
    for (const int depth : {40, 3000}) {
        QByteArray raw = "From: a@example.test\r\nSubject: deep\r\nMIME-Version: 1.0\r\n";
        for (int level = 0; level < depth; ++level) {
            raw += "Content-Type: multipart/mixed; boundary=\"b" + QByteArray::number(level) + "\"\r\n\r\n--b" +
                   QByteArray::number(level) + "\r\n";
        }
        raw += "Content-Type: text/plain\r\n\r\ndeep text\r\n";
        for (int level = depth - 1; level >= 0; --level) {
            raw += "--b" + QByteArray::number(level) + "--\r\n";
        }
        const DecodedMessage message = MimeDecoder::decode(raw);
        QVERIFY(message.parsed);
        QVERIFY2(message.warnings.join(u'\n').contains(u"nested deeper than"_s),
                 qPrintable(u"depth %1: "_s.arg(depth) + message.warnings.join(u"; "_s)));
    }
}

void TestMimeDecoder::exceptionsStayWithTheirMessage()
{
    // A decoder that runs out of memory (or throws anything) on some messages of a batch large enough
    // to be spread over the thread pool: an exception escaping a pool task would end the process. Each
    // failing message comes back with its reason; the others are decoded as usual.
    QList<QByteArray> raws;
    for (int i = 0; i < 64; ++i) {
        raws.append(crlf("From: a@example.test\nSubject: ") + QByteArray::number(i) +
                    (i % 16 == 3   ? "\r\nX-Throw: bad_alloc"
                     : i % 16 == 9 ? "\r\nX-Throw: other"
                                   : "") +
                    "\r\n\r\nbody\r\n");
    }
    const QList<DecodedMessage> decoded = BatchDecoder::decode(raws, [](const QByteArray &raw) -> DecodedMessage {
        if (raw.contains("X-Throw: bad_alloc")) {
            throw std::bad_alloc();
        }
        if (raw.contains("X-Throw: other")) {
            throw std::runtime_error("broken part");
        }
        return MimeDecoder::decode(raw);
    });
    QCOMPARE(decoded.size(), raws.size());
    for (int i = 0; i < raws.size(); ++i) {
        const DecodedMessage &message = decoded.at(i);
        if (i % 16 == 3) {
            QCOMPARE(message.decodeFailure, u"not enough memory to decode the message"_s);
        } else if (i % 16 == 9) {
            QCOMPARE(message.decodeFailure, u"the message could not be decoded: broken part"_s);
        } else {
            QVERIFY2(message.decodeFailure.isEmpty(), qPrintable(message.decodeFailure));
            QCOMPARE(message.subject, QString::number(i));
        }
    }
    // And the item failure it becomes: tried again by the next sync.
    const auto failure = ItemFailures::unstorable(decoded.at(3), 100);
    QVERIFY(failure);
    QCOMPARE(failure->hintId, u"message-decode-failed"_s);
    QCOMPARE(failure->state, u"retry"_s);
    QVERIFY(!ItemFailures::unstorable(decoded.at(0), 100));
}

QTEST_GUILESS_MAIN(TestMimeDecoder)
#include "tst_mimedecoder.moc"
