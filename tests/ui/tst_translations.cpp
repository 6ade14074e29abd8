// Translations: the German catalogue is complete and consistent with the code, and the console and the node
// speak German under a German locale. CTest starts this test with LANG=de_DE.UTF-8 and nothing else set
// (no SYNCDESK_LANGUAGE), as a German desktop or server would.

#include "act/icalcodec.h"
#include "diagnostics/errorclass.h"
#include "diagnostics/hintcatalog.h"
#include "i18n/translations.h"
#include "mainwindow.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace SyncDesk;
using namespace Qt::StringLiterals;

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type; // the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList forms;
};

QList<Message> readCatalogue(const QString &path, QString *error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot open "_s + path;
        return {};
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            continue;
        }
        const auto name = xml.name();
        if (name == "name"_L1) {
            context = xml.readElementText();
        } else if (name == "message"_L1) {
            message = Message{context, {}, {}, xml.attributes().value("numerus"_L1) == "yes"_L1, {}, {}};
        } else if (name == "source"_L1) {
            message.source = xml.readElementText();
        } else if (name == "comment"_L1) {
            message.comment = xml.readElementText();
        } else if (name == "translation"_L1) {
            message.type = xml.attributes().value("type"_L1).toString();
            if (message.numerus) {
                while (xml.readNextStartElement()) {
                    message.forms.append(xml.readElementText());
                }
            } else {
                message.forms.append(xml.readElementText());
            }
            messages.append(message);
        }
    }
    if (xml.hasError()) {
        *error = xml.errorString();
    }
    return messages;
}

// The placeholders a text uses: %1…%99 and %n, with their L (locale) flag.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%L?(\\d{1,2}|n)"_s);
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        found.append(it.next().captured(0));
    }
    found.sort();
    found.removeDuplicates();
    return found;
}

// Keyboard mnemonics: a single '&' ("&&" is a literal ampersand; "&amp;" and the like are HTML entities).
int mnemonics(const QString &text)
{
    static const QRegularExpression entity(u"^&(#\\d+|[a-zA-Z]+);"_s);
    int count = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&') {
            continue;
        }
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        if (!entity.match(QStringView(text).mid(i)).hasMatch() && !text.at(i + 1).isSpace()) {
            ++count;
        }
    }
    return count;
}

QString catalogue(const QString &language)
{
    return QStringLiteral(SYNCDESK_SOURCE_DIR "/translations/syncdesk_%1.ts").arg(language);
}

QProcessEnvironment germanEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const auto &name : {"SYNCDESK_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES"}) {
        environment.remove(QString::fromLatin1(name));
    }
    environment.insert(u"LANG"_s, u"de_DE.UTF-8"_s);
    return environment;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runNode(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess node;
    node.setProcessEnvironment(environment);
    node.start(QStringLiteral(SYNCDESK_NODE_BINARY), arguments);
    Run run;
    if (!node.waitForFinished(60000)) {
        node.kill();
        node.waitForFinished();
        return run;
    }
    run.exitCode = node.exitCode();
    run.out = QString::fromUtf8(node.readAllStandardOutput());
    run.err = QString::fromUtf8(node.readAllStandardError());
    return run;
}

} // namespace

class TranslationsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void germanCatalogueIsComplete();
    void englishPluralsAreComplete();
    void cataloguesMatchTheCode();
    void consoleSpeaksGermanUnderAGermanLocale();
    void pluralsFollowTheCount();
    void hintsAreTranslated();
    void calendarErrorsAreTranslated();
    void nodeSpeaksGermanUnderAGermanLocale();
    void nodeSpeaksEnglishWhenAsked();
    void languageListComesBeforeTheLocale();
};

void TranslationsTest::germanCatalogueIsComplete()
{
    QString error;
    const QList<Message> messages = readCatalogue(catalogue(u"de"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(messages.size() > 500, qPrintable(QString::number(messages.size())));
    QStringList problems;
    for (const Message &message : messages) {
        const QString where = message.context + u": \""_s + message.source.left(80) + u'"';
        if (!message.type.isEmpty()) {
            problems.append(where + u" is "_s + message.type);
            continue;
        }
        if (message.numerus && message.forms.size() != 2) {
            problems.append(where + u" needs 2 plural forms, has "_s + QString::number(message.forms.size()));
        }
        for (const QString &form : message.forms) {
            if (form.isEmpty()) {
                problems.append(where + u" has an empty translation"_s);
                continue;
            }
            // %n may be left out of the singular ("ein Postfach"), never out of the plural.
            QStringList expected = placeholders(message.source);
            QStringList actual = placeholders(form);
            if (message.numerus && &form == &message.forms.constFirst()) {
                expected.removeAll(u"%n"_s);
                expected.removeAll(u"%Ln"_s);
                actual.removeAll(u"%n"_s);
                actual.removeAll(u"%Ln"_s);
            }
            if (expected != actual) {
                problems.append(where + u" → \""_s + form.left(80) + u"\": placeholders "_s + actual.join(u' ') +
                                u" instead of "_s + expected.join(u' '));
            }
            if (mnemonics(message.source) != mnemonics(form)) {
                problems.append(where + u" → \""_s + form.left(80) + u"\": keyboard mnemonic (&) lost or added"_s);
            }
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TranslationsTest::englishPluralsAreComplete()
{
    QString error;
    const QList<Message> messages = readCatalogue(catalogue(u"en"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList problems;
    for (const Message &message : messages) {
        if (!message.numerus) {
            continue;
        }
        if (!message.type.isEmpty() || message.forms.size() != 2 || message.forms.contains(QString()) ||
            message.forms.constLast().contains(u"(s)"_s) || message.forms.constLast().contains(u"(es)"_s)) {
            problems.append(message.context + u": "_s + message.source);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(u"English plural forms missing:\n"_s + problems.join(u'\n')));
}

void TranslationsTest::cataloguesMatchTheCode()
{
    // lupdate over today's code and hint catalogue: a string the catalogues do not have shows as unfinished.
    QTemporaryDir out;
    QVERIFY(out.isValid());
    QProcess update;
    update.setProcessChannelMode(QProcess::MergedChannels);
    update.start(u"bash"_s, {QStringLiteral(SYNCDESK_SOURCE_DIR "/scripts/update-translations.sh"), out.path()});
    QVERIFY(update.waitForFinished(180000));
    QVERIFY2(update.exitCode() == 0, update.readAll().constData());
    for (const QString &language : {u"de"_s, u"en"_s}) {
        QString error;
        const QList<Message> fresh = readCatalogue(out.filePath(u"syncdesk_%1.ts"_s.arg(language)), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList missing;
        for (const Message &message : fresh) {
            if (message.type == u"unfinished"_s) {
                missing.append(message.context + u": "_s + message.source);
            }
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(u"syncdesk_%1.ts lacks these strings of the code; run scripts/update-translations.sh "
                            "and translate them:\n"_s.arg(language) +
                            missing.join(u'\n')));
    }
}

void TranslationsTest::consoleSpeaksGermanUnderAGermanLocale()
{
    QCOMPARE(Translations::language().left(2), u"de"_s);
    MainWindow window;
    auto *tabs = window.findChild<QTabWidget *>();
    QVERIFY(tabs);
    QStringList titles;
    for (int i = 0; i < tabs->count(); ++i) {
        titles.append(tabs->tabText(i));
    }
    QVERIFY2(titles.contains(u"&Postfächer"_s), qPrintable(titles.join(u", "_s)));
    QStringList menus;
    for (QAction *action : window.menuBar()->actions()) {
        menus.append(action->text());
    }
    QVERIFY2(menus.contains(u"&Datei"_s), qPrintable(menus.join(u", "_s)));
    // Qt's own texts (standard buttons) come from Debian's Qt translations.
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), u"Abbrechen"_s);
}

void TranslationsTest::pluralsFollowTheCount()
{
    QCOMPARE(QCoreApplication::translate("SyncDesk::AlertsPane", "%n mailbox(es) in this incident.", nullptr, 1),
             u"1 Postfach ist von diesem Vorfall betroffen."_s);
    QCOMPARE(QCoreApplication::translate("SyncDesk::AlertsPane", "%n mailbox(es) in this incident.", nullptr, 3),
             u"3 Postfächer sind von diesem Vorfall betroffen."_s);
}

void TranslationsTest::hintsAreTranslated()
{
    const Hint hint = HintCatalog::instance().hint(u"host-not-found"_s);
    QCOMPARE(hint.title, u"Hostname des Mailservers nicht gefunden"_s);
    QVERIFY(!hint.remedy.isEmpty());
    QVERIFY2(!hint.remedy.constFirst().startsWith(u"Check"_s), qPrintable(hint.remedy.constFirst()));
    // Error classes are shown in German, while their ids (filters, JSON, the store) stay as they are.
    QCOMPARE(errorClassTitle(ErrorClass::Network), u"Netzwerk"_s);
    QCOMPARE(errorClassName(ErrorClass::Network), u"Network"_s);
}

// The iCalendar codec's errors are written in its module (act/icalmodule.h), with this process's translators.
void TranslationsTest::calendarErrorsAreTranslated()
{
    const auto empty = ICalCodec::parse(QByteArray());
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().message, u"das Kalenderobjekt ist leer"_s);
    const auto mixed = ICalCodec::parse("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");
    QVERIFY(!mixed.ok());
    QCOMPARE(mixed.error().message, u"das Kalenderobjekt hat kein VEVENT und kein VTODO"_s);
}

void TranslationsTest::nodeSpeaksGermanUnderAGermanLocale()
{
    const Run help = runNode({u"help"_s}, germanEnvironment());
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(u"Befehle"_s), qPrintable(help.out.left(600)));
    // An error and its hint, on a database that does not exist.
    QTemporaryDir dir;
    const Run missing = runNode({u"status"_s, u"--db"_s, dir.filePath(u"missing.db"_s)}, germanEnvironment());
    QCOMPARE(missing.exitCode, 3);
    QVERIFY2(missing.err.contains(u"store-missing"_s) && missing.err.contains(u"Datenbank"_s), qPrintable(missing.err));
    QVERIFY(!QFile::exists(dir.filePath(u"missing.db"_s)));
}

void TranslationsTest::nodeSpeaksEnglishWhenAsked()
{
    QProcessEnvironment environment = germanEnvironment();
    environment.insert(u"SYNCDESK_LANGUAGE"_s, u"en"_s);
    const Run help = runNode({u"help"_s}, environment);
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(u"Commands"_s) && !help.out.contains(u"Befehle"_s), qPrintable(help.out.left(600)));
}

// LANGUAGE (the ui languages, in order) decides over an English LANG: German first means German, even though
// an English locale alone loads nothing (the start skips the search for English and C).
void TranslationsTest::languageListComesBeforeTheLocale()
{
    QProcessEnvironment environment = germanEnvironment();
    environment.insert(u"LANG"_s, u"en_US.UTF-8"_s);
    environment.insert(u"LANGUAGE"_s, u"de:en"_s);
    Run help = runNode({u"help"_s}, environment);
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(u"Befehle"_s), qPrintable(help.out.left(600)));
    environment.insert(u"LANGUAGE"_s, u"en:de"_s);
    help = runNode({u"help"_s}, environment);
    QVERIFY2(help.out.contains(u"Commands"_s) && !help.out.contains(u"Befehle"_s), qPrintable(help.out.left(600)));
    environment.remove(u"LANGUAGE"_s);
    environment.insert(u"LANG"_s, u"C"_s);
    help = runNode({u"help"_s}, environment);
    QVERIFY2(help.out.contains(u"Commands"_s), qPrintable(help.out.left(600)));
}

QTEST_MAIN(TranslationsTest)
#include "tst_translations.moc"
