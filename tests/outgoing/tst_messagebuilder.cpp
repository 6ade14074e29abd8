// MessageBuilder: what GMime builds is read back by the decoder the incoming side uses, and is fit for
// any SMTP server as it is (7-bit, CRLF, short lines); Bcc never appears in it.

#include "outgoing/messagebuilder.h"
#include "protocol/mime/mimedecoder.h"

#include <QTest>

using namespace SyncDesk;
using namespace Qt::StringLiterals;

class TestMessageBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainTextWithEncodedHeaders();
    void htmlAlternativeAndAttachments();
    void replyHeaders();
    void bccOnlyRevealsNoRecipient();
    void messageIdsAreUniqueAndNameTheSender();

private:
    static void expectTransportSafe(const QByteArray &raw);
};

void TestMessageBuilder::expectTransportSafe(const QByteArray &raw)
{
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const uchar c = uchar(raw.at(i));
        QVERIFY2(c < 0x80, qPrintable(u"8-bit byte at %1"_s.arg(i)));
        if (c == '\n') {
            QVERIFY2(i > 0 && raw.at(i - 1) == '\r', qPrintable(u"bare LF at %1"_s.arg(i)));
        }
    }
    for (const QByteArray &line : raw.split('\n')) {
        QVERIFY2(line.size() <= 1000, "a line longer than RFC 5322 allows");
    }
}

void TestMessageBuilder::plainTextWithEncodedHeaders()
{
    MessageParts parts;
    parts.from = {u"Zoë Müller"_s, u"zoe@contoso.test"_s};
    parts.to = {{u"Björn Ås"_s, u"bjorn@fabrikam.test"_s}, {QString(), u"plain@fabrikam.test"_s}};
    parts.cc = {{u"山田 太郎"_s, u"taro@example.test"_s}};
    parts.subject = u"Angebot für Q4 — 10 % Rabatt CRM:0000042"_s;
    parts.bodyText = u"Grüße aus Köln.\n.a line starting with a dot\n"_s + QString(2000, u'x') + u"\nEnde"_s;
    parts.messageId = u"syncdesk.42.abc@contoso.test"_s;
    parts.date = QDateTime(QDate(2026, 12, 6), QTime(9, 30), Qt::UTC);
    const auto raw = MessageBuilder::build(parts);
    QVERIFY(raw);
    expectTransportSafe(*raw);
    const DecodedMessage decoded = MimeDecoder::decode(*raw);
    QCOMPARE(decoded.subject, parts.subject);
    QCOMPARE(decoded.from.name, parts.from.name);
    QCOMPARE(decoded.from.address, parts.from.address);
    QCOMPARE(decoded.to.size(), 2);
    QCOMPARE(decoded.to.at(0).name, u"Björn Ås"_s);
    QCOMPARE(decoded.to.at(1).address, u"plain@fabrikam.test"_s);
    QCOMPARE(decoded.cc.at(0).name, u"山田 太郎"_s);
    QCOMPARE(decoded.messageId, parts.messageId);
    QCOMPARE(decoded.date, parts.date);
    QCOMPARE(decoded.bodyText.trimmed(), parts.bodyText.trimmed());
    QVERIFY(raw->contains("X-Mailer: SyncDesk"));
}

void TestMessageBuilder::htmlAlternativeAndAttachments()
{
    MessageParts parts;
    parts.from = {QString(), u"ana@contoso.test"_s};
    parts.to = {{QString(), u"bob@fabrikam.test"_s}};
    parts.subject = u"Report"_s;
    parts.bodyText = u"See the report."_s;
    parts.bodyHtml = u"<p>See the <b>report</b>.</p>"_s;
    QByteArray pdf("%PDF-1.4\n");
    for (int i = 0; i < 5000; ++i) {
        pdf.append(char(i % 256));
    }
    parts.attachments = {{u"Übersicht März.pdf"_s, QString(), pdf},
                         {u"notes.txt"_s, QString(), "line one\nline two\n"}};
    parts.messageId = u"syncdesk.7.def@contoso.test"_s;
    const auto raw = MessageBuilder::build(parts);
    QVERIFY(raw);
    expectTransportSafe(*raw);
    QVERIFY(raw->contains("multipart/mixed"));
    QVERIFY(raw->contains("multipart/alternative"));
    QVERIFY(raw->contains("text/html"));
    // RFC 2231 for the non-ASCII file name.
    QVERIFY2(raw->contains("filename*="), raw->constData());
    const DecodedMessage decoded = MimeDecoder::decode(*raw);
    QCOMPARE(decoded.bodyText.trimmed(), parts.bodyText);
    QCOMPARE(decoded.attachments.size(), 2);
    QCOMPARE(decoded.attachments.at(0).fileName, u"Übersicht März.pdf"_s);
    QCOMPARE(decoded.attachments.at(0).contentType, u"application/pdf"_s);
    QCOMPARE(decoded.attachments.at(0).size, qint64(pdf.size()));
    QCOMPARE(decoded.attachments.at(1).fileName, u"notes.txt"_s);
    QCOMPARE(decoded.attachments.at(1).contentType, u"text/plain"_s);
}

void TestMessageBuilder::replyHeaders()
{
    MessageParts parts;
    parts.from = {QString(), u"ana@contoso.test"_s};
    parts.to = {{QString(), u"bob@fabrikam.test"_s}};
    parts.subject = u"Re: Question"_s;
    parts.bodyText = u"Answer."_s;
    parts.messageId = u"syncdesk.8.aaa@contoso.test"_s;
    parts.inReplyTo = u"q1@fabrikam.test"_s;
    parts.references = {u"q0@fabrikam.test"_s, u"q1@fabrikam.test"_s};
    const auto raw = MessageBuilder::build(parts);
    QVERIFY(raw);
    const DecodedMessage decoded = MimeDecoder::decode(*raw);
    QCOMPARE(decoded.inReplyTo, parts.inReplyTo);
    QCOMPARE(decoded.references, parts.references);
}

void TestMessageBuilder::bccOnlyRevealsNoRecipient()
{
    MessageParts parts;
    parts.from = {QString(), u"ana@contoso.test"_s};
    parts.subject = u"Hidden"_s;
    parts.bodyText = u"Nobody sees who else got this."_s;
    parts.messageId = u"syncdesk.9.bbb@contoso.test"_s;
    const auto raw = MessageBuilder::build(parts);
    QVERIFY(raw);
    QVERIFY2(raw->contains("To: undisclosed-recipients:"), raw->constData());
    QVERIFY(!raw->contains("@fabrikam"));
    QVERIFY(!raw->toLower().contains("bcc"));
}

void TestMessageBuilder::messageIdsAreUniqueAndNameTheSender()
{
    const QString a = MessageBuilder::newMessageId(12, u"ana@Contoso.test"_s);
    const QString b = MessageBuilder::newMessageId(12, u"ana@contoso.test"_s);
    QVERIFY(a != b);
    QVERIFY2(a.startsWith(u"syncdesk.12."_s) && a.endsWith(u"@contoso.test"_s), qPrintable(a));
    QVERIFY(!a.contains(u'<') && !a.contains(u' '));
    QVERIFY(MessageBuilder::newMessageId(1, u"no-at-sign"_s).endsWith(u"@syncdesk.invalid"_s));
}

QTEST_GUILESS_MAIN(TestMessageBuilder)
#include "tst_messagebuilder.moc"
