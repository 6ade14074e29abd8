// The store's JSON list columns are written without QJsonDocument (storerows.h, jsontext.h): the text must
// be exactly what Qt writes for the same lists, for every character a server or a mail can put in them.
#include "store/storerows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::StoreRows;
using namespace Qt::StringLiterals;

class TestJsonText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsAreWrittenAsQtWritesThem();
    void textThatIsNotUtf16IsLeftToQt();

private:
    static QStringList hardTexts();
};

QStringList TestJsonText::hardTexts()
{
    QStringList texts{QString(),
                      u""_s,
                      u"plain"_s,
                      u"quote \" and backslash \\ and slash /"_s,
                      u"Zoë Müller, 東京, \U0001F600"_s,
                      QString(QChar(0x7f)) + QChar(0x80) + QChar(0xffff),
                      u"line\r\nbreak\ttab"_s,
                      QString(QChar(0x2028)) + QChar(0x2029)};
    QString controls;
    for (char16_t c = 0; c < 0x20; ++c) {
        controls += QChar(c);
    }
    texts.append(controls);
    return texts;
}

static QString byQt(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

void TestJsonText::listsAreWrittenAsQtWritesThem()
{
    const QStringList texts = hardTexts();
    QList<EmailAddress> addresses;
    QList<ActivityParty> parties;
    QList<AttachmentInfo> attachments;
    QJsonArray addressArray;
    QJsonArray partyArray;
    QJsonArray attachmentArray;
    const qint64 sizes[] = {0, 1, 4096, -1, 9007199254740993LL};
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const QString &a = texts.at(i);
        const QString &b = texts.at(texts.size() - 1 - i);
        addresses.append({a, b});
        addressArray.append(QJsonObject{{u"name"_s, a}, {u"address"_s, b}});
        parties.append({a, b, {b, a}});
        partyArray.append(QJsonObject{{u"role"_s, a}, {u"address"_s, b}, {u"type"_s, b}, {u"id"_s, a}});
        const qint64 size = sizes[i % 5];
        attachments.append({a, b, size});
        attachmentArray.append(QJsonObject{{u"name"_s, a}, {u"type"_s, b}, {u"size"_s, size}});
        // Each list of one item, then all of them.
        QCOMPARE(addressesToJson({addresses.last()}), byQt(QJsonArray{addressArray.last()}));
        QCOMPARE(partiesToJson({parties.last()}), byQt(QJsonArray{partyArray.last()}));
        QCOMPARE(attachmentsToJson({attachments.last()}), byQt(QJsonArray{attachmentArray.last()}));
    }
    QCOMPARE(addressesToJson(addresses), byQt(addressArray));
    QCOMPARE(partiesToJson(parties), byQt(partyArray));
    QCOMPARE(attachmentsToJson(attachments), byQt(attachmentArray));
    // And they read back as they were (a null text comes back empty, which compares equal).
    QCOMPARE(addressesFromJson(addressesToJson(addresses)), addresses);
    QCOMPARE(partiesFromJson(partiesToJson(parties)), parties);
    QCOMPARE(addressesToJson({}), u"[]"_s);
}

void TestJsonText::textThatIsNotUtf16IsLeftToQt()
{
    // An unpaired surrogate (a hostile header can decode to one): the writer declines, Qt writes the list.
    const QString broken = u"x"_s + QChar(0xD800) + u"y"_s;
    QString out;
    QVERIFY(!JsonText::appendString(out, broken));
    const QList<EmailAddress> addresses{{u"ok"_s, u"a@example.test"_s}, {broken, u"b@example.test"_s}};
    QJsonArray array;
    for (const EmailAddress &address : addresses) {
        array.append(QJsonObject{{u"name"_s, address.name}, {u"address"_s, address.address}});
    }
    QCOMPARE(addressesToJson(addresses), byQt(array));
    const QList<AttachmentInfo> attachments{{broken, u"text/plain"_s, 3}};
    QCOMPARE(attachmentsToJson(attachments),
             byQt(QJsonArray{QJsonObject{{u"name"_s, broken}, {u"type"_s, u"text/plain"_s}, {u"size"_s, 3}}}));
}

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
