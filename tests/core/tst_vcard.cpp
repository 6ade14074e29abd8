// The vCard codec of the contacts direction (SyncDesk::VCard): 3.0 and 4.0 cards as Apple, Google and
// Nextcloud write them, folding with multibyte UTF-8, escapes, unknown properties kept byte for byte through
// write(card, previous), the classified refusals of bad input, and mutated cards that must never crash.

#include "act/vcard.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace SyncDesk;
using namespace Qt::StringLiterals;

namespace {

QByteArray crlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

// A PHOTO (or any long ASCII property) folded at 75 octets, as servers store it.
QByteArray foldedAscii(const QByteArray &line)
{
    QByteArray out = line.left(75);
    for (qsizetype pos = 75; pos < line.size(); pos += 74) {
        out += "\r\n " + line.mid(pos, 74);
    }
    return out + "\r\n";
}

QByteArray photoBase64()
{
    QByteArray bytes;
    for (int i = 0; i < 3000; ++i) {
        bytes += char((i * 7919) % 251);
    }
    return bytes.toBase64();
}

// Apple Contacts (iOS) style 3.0: itemN groups with X-ABLabel, type=pref, a folded PHOTO.
QByteArray appleCard()
{
    return crlf("BEGIN:VCARD\n"
                "VERSION:3.0\n"
                "PRODID:-//Apple Inc.//iPhone OS 17.2//EN\n"
                "N:M\xC3\xBCller;J\xC3\xBCrgen;Karl;Dr.;\n"
                "FN:Dr. J\xC3\xBCrgen Karl M\xC3\xBCller\n"
                "ORG:M\xC3\xBCller & S\xC3\xB6hne GmbH;Vertrieb\n"
                "TITLE:Leiter Vertrieb\n"
                "EMAIL;type=INTERNET;type=WORK:j.mueller@work.example\n"
                "item1.EMAIL;type=INTERNET;type=pref:Juergen.Mueller@Example.COM\n"
                "item1.X-ABLabel:_$!<Other>!$_\n"
                "TEL;type=CELL;type=VOICE;type=pref:+49 170 1234567\n"
                "TEL;type=WORK;type=VOICE:+49 30 123456\n"
                "TEL;type=HOME;type=FAX:+49 30 654321\n"
                "item2.TEL:+1 555 0100\n"
                "item2.X-ABLabel:Pager\n"
                "item3.ADR;type=WORK;type=pref:;;Hauptstra\xC3\x9F"
                "e 1;Berlin;BE;10115;Deutschland\n"
                "item3.X-ABADR:de\n"
                "NOTE:Zeile eins\\nZeile zwei\\, mit Komma\\; Semikolon und Back\\\\slash\n"
                "BDAY;value=date:1970-01-01\n"
                "X-SOCIALPROFILE;type=linkedin;x-user=jmueller:https://www.linkedin.com/in/jmueller\n"
                "CATEGORIES:Kunden,VIP\n") +
           foldedAscii("PHOTO;ENCODING=b;TYPE=JPEG:" + photoBase64()) +
           crlf("UID:8D4C3E5A-1F2B-4C3D-9E8F-0A1B2C3D4E5F\n"
                "END:VCARD\n");
}

// Nextcloud (sabre/vobject) style 4.0: PREF=1, a quoted LABEL with ':' and ';', a tel: URI, a data: PHOTO.
QByteArray nextcloudCard()
{
    return crlf("BEGIN:VCARD\n"
                "VERSION:4.0\n"
                "PRODID:-//Sabre//Sabre VObject 4.5.4//EN\n"
                "UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1\n"
                "FN:Anna \xC5\x81ukasiewicz\n"
                "N:\xC5\x81ukasiewicz;Anna;;;\n"
                "EMAIL;TYPE=work:anna@firma.example\n"
                "EMAIL;PREF=1;TYPE=home:Anna.Home@Example.org\n"
                "TEL;VALUE=uri;TYPE=\"voice,cell\":tel:+48-600-100-200\n"
                "TEL;TYPE=work:+48 22 100 200\n"
                "ADR;TYPE=work;LABEL=\"ul. D\xC5\x82uga 5\\n00-001 Warszawa; PL: x\":;;ul. D\xC5\x82uga "
                "5;Warszawa;;00-001;Polska\n"
                "ORG:Firma Sp. z o.o.\n"
                "X-CUSTOM;X-PARAM=\"a:b;c\":value\n"
                "REV:20240102T030405Z\n") +
           foldedAscii("PHOTO:data:image/jpeg;base64," + photoBase64()) + crlf("END:VCARD\n");
}

ContactCard sampleCard()
{
    ContactCard card;
    card.uid = u"syncdesk-1234"_s;
    card.formattedName = u"Zo\u00eb \u00c5sa \u6771\u4eac \U0001F600 Smith-Jones"_s;
    card.givenName = u"Zo\u00eb \u00c5sa"_s;
    card.familyName = u"Smith-Jones"_s;
    card.emails = {u"zoe@example.com"_s, u"zoe.private@example.org"_s};
    card.phones = {{u"mobile"_s, u"+44 7700 900123"_s}, {u"work"_s, u"+44 20 7946 0000"_s}};
    card.company = u"\u00c9tablissements Dupont; Fils, \u00e9t Cie"_s;
    card.jobTitle = u"G\u00e9rante"_s;
    card.address = {u"Stra\u00dfe 1\nHinterhaus"_s, u"K\u00f6ln"_s, u"NRW"_s, u"50667"_s, u"Deutschland"_s};
    card.note = QString(u"\u00fc\u00f6\u00e4 \u20ac \U0001D11E \u65e5\u672c\u8a9e "_s).repeated(60);
    return card;
}

// One line per card, for the failure messages of the mutation test.
QString describe(const ContactCard &card)
{
    QStringList phones;
    for (const ContactPhone &phone : card.phones) {
        phones.append(phone.type + u'=' + phone.number);
    }
    const PostalAddress &a = card.address;
    return QStringList{card.uid,
                       card.formattedName,
                       card.givenName,
                       card.familyName,
                       card.emails.join(u','),
                       phones.join(u','),
                       card.company,
                       card.jobTitle,
                       QStringList{a.street, a.city, a.region, a.postalCode, a.country}.join(u','),
                       card.note}
        .join(u" | "_s);
}

void verifyBadData(const Result<ContactCard> &result, const QString &mentions)
{
    QVERIFY(!result.ok());
    QCOMPARE(result.error().errorClass, ErrorClass::Parse);
    QCOMPARE(result.error().hintId, u"dav-bad-data"_s);
    QCOMPARE(result.error().scope, ErrorScope::Item);
    QCOMPARE(result.error().stage, ErrorStage::Parse);
    QVERIFY2(result.error().message.contains(mentions), qPrintable(result.error().message));
}

} // namespace

class TstVCard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesApple30();
    void parsesNextcloud40();
    void parses21QuotedPrintable();
    void namesFromEachOther();
    void foldingWithMultibyteUtf8();
    void escapesRoundTrip();
    void unknownPropertiesKeptByteForByte();
    void removedEmailLeavesUnmodelledAlone();
    void preferredEmailChange();
    void version4Stays();
    void refusesBadInput_data();
    void refusesBadInput();
    void pathologicalInputIsFast();
    void mutatedCardsNeverCrash();
};

void TstVCard::parsesApple30()
{
    const auto card = VCard::parse(appleCard());
    QVERIFY2(card.ok(), card.ok() ? "" : qPrintable(card.error().toString()));
    QCOMPARE(card->uid, u"8D4C3E5A-1F2B-4C3D-9E8F-0A1B2C3D4E5F"_s);
    QCOMPARE(card->formattedName, u"Dr. J\u00fcrgen Karl M\u00fcller"_s);
    QCOMPARE(card->familyName, u"M\u00fcller"_s);
    QCOMPARE(card->givenName, u"J\u00fcrgen"_s);
    QCOMPARE(card->company, u"M\u00fcller & S\u00f6hne GmbH"_s);
    QCOMPARE(card->jobTitle, u"Leiter Vertrieb"_s);
    // The type=pref one first, lower case.
    QCOMPARE(card->emails, QStringList({u"juergen.mueller@example.com"_s, u"j.mueller@work.example"_s}));
    const QList<ContactPhone> phones{{u"mobile"_s, u"+49 170 1234567"_s},
                                     {u"work"_s, u"+49 30 123456"_s},
                                     {u"fax"_s, u"+49 30 654321"_s},
                                     {u"other"_s, u"+1 555 0100"_s}};
    QCOMPARE(card->phones, phones);
    QCOMPARE(card->address,
             (PostalAddress{u"Hauptstra\u00dfe 1"_s, u"Berlin"_s, u"BE"_s, u"10115"_s, u"Deutschland"_s}));
    QCOMPARE(card->note, u"Zeile eins\nZeile zwei, mit Komma; Semikolon und Back\\slash"_s);

    // The same card with LF line ends and tab folding reads the same.
    QByteArray lf = appleCard();
    lf.replace("\r\n", "\n").replace("\n ", "\n\t");
    const auto fromLf = VCard::parse(lf);
    QVERIFY(fromLf.ok());
    QCOMPARE(*fromLf, *card);
}

void TstVCard::parsesNextcloud40()
{
    const auto card = VCard::parse(nextcloudCard());
    QVERIFY2(card.ok(), card.ok() ? "" : qPrintable(card.error().toString()));
    QCOMPARE(card->uid, u"urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"_s); // verbatim
    QCOMPARE(card->formattedName, u"Anna \u0141ukasiewicz"_s);
    QCOMPARE(card->familyName, u"\u0141ukasiewicz"_s);
    QCOMPARE(card->emails, QStringList({u"anna.home@example.org"_s, u"anna@firma.example"_s}));
    const QList<ContactPhone> phones{{u"mobile"_s, u"+48-600-100-200"_s}, {u"work"_s, u"+48 22 100 200"_s}};
    QCOMPARE(card->phones, phones);
    QCOMPARE(card->address.street, u"ul. D\u0142uga 5"_s);
    QCOMPARE(card->address.postalCode, u"00-001"_s);
    QCOMPARE(card->address.country, u"Polska"_s);
    QCOMPARE(card->company, u"Firma Sp. z o.o."_s);
    QVERIFY(card->note.isEmpty());
}

void TstVCard::parses21QuotedPrintable()
{
    const QByteArray text = crlf("BEGIN:VCARD\n"
                                 "VERSION:2.1\n"
                                 "N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen\n"
                                 "TEL;WORK;FAX:+49 30 1\n"
                                 "EMAIL;PREF;INTERNET:B@Example.com\n"
                                 "EMAIL;INTERNET:a@example.com\n"
                                 "NOTE;CHARSET=UTF-8;QUOTED-PRINTABLE:Erste Zeile=0D=0A=\n"
                                 "zweite Zeile =C3=A4\n"
                                 "END:VCARD\n");
    const auto card = VCard::parse(text);
    QVERIFY(card.ok());
    QCOMPARE(card->familyName, u"M\u00fcller"_s);
    QCOMPARE(card->formattedName, u"J\u00fcrgen M\u00fcller"_s); // built from N
    QCOMPARE(card->note, u"Erste Zeile\nzweite Zeile \u00e4"_s); // a CR LF reads as a newline
    QCOMPARE(card->phones, (QList<ContactPhone>{{u"fax"_s, u"+49 30 1"_s}}));
    QCOMPARE(card->emails, QStringList({u"b@example.com"_s, u"a@example.com"_s}));
}

void TstVCard::namesFromEachOther()
{
    const auto fromN = VCard::parse(crlf("BEGIN:VCARD\nVERSION:3.0\nN:Doe;Jane;Q.;Dr.;PhD\nEND:VCARD\n"));
    QVERIFY(fromN.ok());
    QCOMPARE(fromN->formattedName, u"Dr. Jane Q. Doe PhD"_s);
    const auto fromFn = VCard::parse(crlf("BEGIN:VCARD\nVERSION:4.0\nFN:Mary Ann van Dyke\nEND:VCARD\n"));
    QVERIFY(fromFn.ok());
    QCOMPARE(fromFn->givenName, u"Mary Ann van"_s);
    QCOMPARE(fromFn->familyName, u"Dyke"_s);
    const auto single = VCard::parse(crlf("BEGIN:VCARD\nVERSION:4.0\nFN:Cher\nEND:VCARD\n"));
    QVERIFY(single.ok());
    QCOMPARE(single->familyName, u"Cher"_s);
    QVERIFY(single->givenName.isEmpty());
}

void TstVCard::foldingWithMultibyteUtf8()
{
    const ContactCard card = sampleCard();
    for (const QByteArray &previous : {QByteArray(), nextcloudCard()}) {
        const QByteArray text = VCard::write(card, previous);
        QVERIFY(text.endsWith("END:VCARD\r\n"));
        QCOMPARE(text.count('\n'), text.count("\r\n")); // CRLF only
        int folded = 0;
        for (const QByteArray &line : text.split('\n')) {
            const QByteArray content = line.endsWith('\r') ? line.chopped(1) : line;
            if (content.startsWith("PHOTO") || (content.startsWith(' ') && previous.contains(content))) {
                continue; // kept from `previous` as it was
            }
            QVERIFY2(content.size() <= 75, content.constData());
            // No UTF-8 sequence is cut: every physical line is valid UTF-8 on its own.
            QVERIFY2(!QString::fromUtf8(content).contains(QChar::ReplacementCharacter), content.constData());
            folded += content.startsWith(' ') ? 1 : 0;
        }
        QVERIFY(folded > 10);
        const auto back = VCard::parse(text);
        QVERIFY(back.ok());
        QCOMPARE(*back, card);
    }
}

void TstVCard::escapesRoundTrip()
{
    ContactCard card;
    card.formattedName = u"Smith, Jones; Partners"_s;
    card.familyName = u"Smith, Jones"_s;
    card.givenName = u"A;B\\C"_s;
    card.company = u"Smith, Jones; Partners \\ Co\nLtd"_s;
    card.note = u"a,b;c\\d\ne\\nf"_s;
    const QByteArray text = VCard::write(card);
    QVERIFY2(text.contains("\r\nORG:Smith\\, Jones\\; Partners \\\\ Co\\nLtd\r\n"), text.constData());
    QVERIFY2(text.contains("\r\nNOTE:a\\,b\\;c\\\\d\\ne\\\\nf\r\n"), text.constData());
    QVERIFY2(text.contains("\r\nN:Smith\\, Jones;A\\;B\\\\C;;;\r\n"), text.constData());
    const auto back = VCard::parse(text);
    QVERIFY(back.ok());
    QCOMPARE(*back, card);
    // \N is a newline too.
    const auto upper = VCard::parse(crlf("BEGIN:VCARD\nVERSION:3.0\nFN:x\nNOTE:a\\Nb\nEND:VCARD\n"));
    QVERIFY(upper.ok());
    QCOMPARE(upper->note, u"a\nb"_s);
}

void TstVCard::unknownPropertiesKeptByteForByte()
{
    const QByteArray previous = appleCard();
    ContactCard card = *VCard::parse(previous);
    // Unchanged: the same text back.
    QCOMPARE(VCard::write(card, previous), previous);

    card.phones[0].number = u"+49 171 7654321"_s;
    const QByteArray text = VCard::write(card, previous);
    QByteArray expected = previous;
    expected.replace("TEL;type=CELL;type=VOICE;type=pref:+49 170 1234567\r\n", "TEL;TYPE=CELL:+49 171 7654321\r\n");
    QVERIFY(expected != previous);
    QCOMPARE(text, expected);
    const auto back = VCard::parse(text);
    QVERIFY(back.ok());
    QCOMPARE(*back, card);

    // A changed ADR keeps its group (its X-ABADR), its parameters and its PO box; a changed N its prefix.
    card.address.city = u"Potsdam"_s;
    card.familyName = u"Meier"_s;
    const QByteArray changed = VCard::write(card, previous);
    QVERIFY2(changed.contains("\r\nitem3.ADR;TYPE=WORK;TYPE=pref:;;Hauptstra\xC3\x9F"
                              "e 1;Potsdam;BE;10115;Deutschland\r\nitem3.X-ABADR:de\r\n"),
             changed.constData());
    QVERIFY2(changed.contains("\r\nN:Meier;J\xC3\xBCrgen;Karl;Dr.;\r\n"), changed.constData());
    QVERIFY(changed.contains(foldedAscii("PHOTO;ENCODING=b;TYPE=JPEG:" + photoBase64())));
    QCOMPARE(*VCard::parse(changed), card);
}

void TstVCard::removedEmailLeavesUnmodelledAlone()
{
    const QByteArray previous = appleCard();
    ContactCard card = *VCard::parse(previous);
    card.emails.removeFirst(); // the item1 one
    const QByteArray text = VCard::write(card, previous);
    QVERIFY(!text.contains("item1.EMAIL"));
    // Its label is not modelled, so it stays as it was (a label without its email is harmless).
    QVERIFY(text.contains("\r\nitem1.X-ABLabel:_$!<Other>!$_\r\n"));
    QVERIFY(text.contains("item2.X-ABLabel:Pager\r\n"));
    QVERIFY(text.contains("\r\nEMAIL;type=INTERNET;type=WORK:j.mueller@work.example\r\n"));
    QCOMPARE(*VCard::parse(text), card);
}

void TstVCard::preferredEmailChange()
{
    const QByteArray previous = appleCard();
    ContactCard card = *VCard::parse(previous);
    std::swap(card.emails[0], card.emails[1]); // the work address becomes the preferred one
    const QByteArray text = VCard::write(card, previous);
    QVERIFY2(text.contains("\r\nitem1.EMAIL;TYPE=INTERNET:juergen.mueller@example.com\r\n"), text.constData());
    QCOMPARE(VCard::parse(text)->emails, card.emails);
}

void TstVCard::version4Stays()
{
    const QByteArray previous = nextcloudCard();
    ContactCard card = *VCard::parse(previous);
    card.emails.append(u"new@example.com"_s);
    card.phones.append({u"home"_s, u"+48 12 345"_s});
    const QByteArray text = VCard::write(card, previous);
    QVERIFY(text.startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n"));
    QCOMPARE(text.count("VERSION:"), 1);
    QVERIFY2(text.contains("\r\nEMAIL:new@example.com\r\n"), text.constData());
    QVERIFY2(text.contains("\r\nTEL;TYPE=home:+48 12 345\r\n"), text.constData());
    QVERIFY(text.contains("\r\nX-CUSTOM;X-PARAM=\"a:b;c\":value\r\n"));
    QVERIFY(text.contains("\r\nTEL;VALUE=uri;TYPE=\"voice,cell\":tel:+48-600-100-200\r\n"));
    QCOMPARE(*VCard::parse(text), card);
    // Without a previous card, or with a 3.0 one: 3.0.
    QVERIFY(VCard::write(card).startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n"));
    QVERIFY(VCard::write(card, appleCard()).startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n"));
    QVERIFY(VCard::write(card).contains("\r\nEMAIL;TYPE=INTERNET,pref:anna.home@example.org\r\n"));
}

void TstVCard::refusesBadInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty") << QByteArray() << u"empty"_s;
    QTest::newRow("blank") << QByteArray("\r\n \r\n") << u"empty"_s;
    QTest::newRow("no BEGIN") << crlf("VERSION:3.0\nFN:x\nEND:VCARD\n") << u"BEGIN:VCARD"_s;
    QTest::newRow("no END") << crlf("BEGIN:VCARD\nVERSION:3.0\nFN:x\nN:x;;;;\n") << u"END:VCARD"_s;
    QTest::newRow("nested, no outer END")
        << crlf("BEGIN:VCARD\nFN:x\nAGENT:\nBEGIN:VCARD\nFN:y\nEND:VCARD\n") << u"END:VCARD"_s;
    QTest::newRow("no FN and no N") << crlf("BEGIN:VCARD\nVERSION:3.0\nEMAIL:a@example.com\nEND:VCARD\n")
                                    << u"neither FN nor N"_s;
    QTest::newRow("empty FN and N") << crlf("BEGIN:VCARD\nVERSION:3.0\nFN: \nN:;;;;\nEND:VCARD\n")
                                    << u"neither FN nor N"_s;
    QByteArray huge =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:x\r\nNOTE:" + QByteArray(2 * 1024 * 1024, 'a') + "\r\nEND:VCARD\r\n";
    QTest::newRow("2 MiB") << huge << u"1 MiB"_s;
    QByteArray many = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:x\r\n";
    for (int i = 0; i < 5000; ++i) {
        many += "X-P" + QByteArray::number(i) + ":v\r\n";
    }
    QTest::newRow("5000 properties") << many + "END:VCARD\r\n" << u"2000"_s;
}

void TstVCard::refusesBadInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, mentions);
    verifyBadData(VCard::parse(input), mentions);
    // write() ignores a previous card it cannot read, and still writes the card.
    ContactCard card;
    card.formattedName = u"Jane Doe"_s;
    const QByteArray text = VCard::write(card, input);
    QCOMPARE(*VCard::parse(text), (ContactCard{{}, u"Jane Doe"_s, u"Jane"_s, u"Doe"_s, {}, {}, {}, {}, {}, {}}));
}

void TstVCard::pathologicalInputIsFast()
{
    const QList<QByteArray> inputs{
        "BEGIN:VCARD\r\nNOTE;ENCODING=QUOTED-PRINTABLE:" + QByteArray(1000 * 1000 / 2, '=').replace("=", "=\n"),
        "BEGIN:VCARD\r\nNOTE;X=\"" + QByteArray(1000 * 1000, 'x'),
        QByteArray("BEGIN:VCARD\n").repeated(80000),
        "BEGIN:VCARD\r\nFN:x\r\nN:" + QByteArray(500 * 1000, ';') + QByteArray(400 * 1000, '\\') + "\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nFN:x" + QByteArray(500 * 1000, ' ').replace(" ", "\n ") + "\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nFN;" + QByteArray(1000 * 1000, ';') + ":x\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nFN:x\r\nTEL;TYPE=" + QByteArray(1000 * 1000, ',') + ":1\r\nEND:VCARD\r\n",
    };
    for (const QByteArray &input : inputs) {
        QElapsedTimer timer;
        timer.start();
        const auto result = VCard::parse(input);
        const QByteArray text = VCard::write(result.ok() ? *result : ContactCard{}, input);
        qInfo("%lld bytes: %s in %lld ms", qint64(input.size()), result.ok() ? "read" : "refused",
              qint64(timer.elapsed()));
        QVERIFY(!text.isEmpty());
        QVERIFY2(timer.elapsed() < 5000, "a card of at most 1 MiB must not take seconds");
    }
}

void TstVCard::mutatedCardsNeverCrash()
{
    const quint32 seed = 20240611;
    qInfo("mutation seed %u", seed);
    QRandomGenerator random(seed);
    const QList<QByteArray> bases{appleCard(), nextcloudCard(), VCard::write(sampleCard())};
    const QByteArray alphabet = ":;,=\"\\.\r\n \t\xC3\xA4\xF0\x9F\x98\x80"
                                "BEGINDVCARDTYPEPREFQUOTED-PRINTABLE";
    int read = 0;
    for (int round = 0; round < 2000; ++round) {
        QByteArray text = bases[round % bases.size()];
        for (int edits = 1 + random.bounded(4); edits > 0; --edits) {
            const qsizetype at = random.bounded(int(text.size()));
            switch (random.bounded(5)) {
            case 0:
                text[at] = alphabet[random.bounded(int(alphabet.size()))];
                break;
            case 1:
                text.insert(at, alphabet.mid(random.bounded(int(alphabet.size())), 1 + random.bounded(4)));
                break;
            case 2:
                text.remove(at, 1 + random.bounded(40));
                break;
            case 3:
                text.insert(at, text.mid(random.bounded(int(text.size())), random.bounded(200)));
                break;
            default:
                text[at] = char(random.bounded(256));
            }
        }
        const auto card = VCard::parse(text);
        if (!card.ok()) {
            QCOMPARE(card.error().hintId, u"dav-bad-data"_s);
            QCOMPARE(card.error().errorClass, ErrorClass::Parse);
            continue;
        }
        ++read;
        QVERIFY(!card->formattedName.trimmed().isEmpty());
        // What was read writes back (keeping what it does not model) and reads back the same.
        const auto again = VCard::parse(VCard::write(*card, text));
        QVERIFY2(again.ok(), qPrintable(u"round %1"_s.arg(round)));
        QVERIFY2(*again == *card, qPrintable(u"round %1 with the previous card:\n%2\n%3"_s.arg(round).arg(
                                      describe(*card), describe(*again))));
        const auto fresh = VCard::parse(VCard::write(*card));
        QVERIFY2(fresh.ok() && *fresh == *card, qPrintable(u"round %1 without:\n%2\n%3"_s.arg(round).arg(
                                                    describe(*card), fresh.ok() ? describe(*fresh) : QString())));
    }
    qInfo("%d of 2000 mutated cards were read, the others refused", read);
    QVERIFY(read > 200);
}

QTEST_GUILESS_MAIN(TstVCard)
#include "tst_vcard.moc"
