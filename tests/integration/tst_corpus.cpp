// Syncs the public set of real-world client messages (../shared/testdata/mail) through Dovecot and
// checks that every one arrives, decoded.

#include "dovecotserver.h"
#include "store/diagnosticsstore.h"
#include "store/store.h"
#include "synchelper.h"
#include "testconfig.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

struct CorpusFile
{
    QString name;
    QByteArray raw;
    QString user;
    quint32 uid = 0;
};

// The unfolded value of a header in the raw header block, or an empty array.
QByteArray rawHeader(const QByteArray &raw, const QByteArray &name)
{
    qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0) {
        end = raw.indexOf("\n\n");
    }
    const QByteArray head = end < 0 ? raw : raw.left(end);
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.size() > name.size() && line.at(name.size()) == ':' &&
            line.left(name.size()).compare(name, Qt::CaseInsensitive) == 0) {
            QByteArray value = line.mid(name.size() + 1).trimmed();
            while (i + 1 < lines.size() && !lines.at(i + 1).isEmpty() &&
                   (lines.at(i + 1).at(0) == ' ' || lines.at(i + 1).at(0) == '\t')) {
                value += ' ' + lines.at(++i).trimmed();
            }
            return value;
        }
    }
    return {};
}

} // namespace

class TestCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyMessageArrives();
    void everyMessageIsDecoded_data();
    void everyMessageIsDecoded();
    void knownMessagesDecodeExactly();

private:
    const Activity *activityFor(const QString &fileName) const;

    DovecotServer m_dovecot;
    QTemporaryDir m_dir;
    StoreConfig m_store;
    QList<CorpusFile> m_files;
    QHash<QString, Activity> m_activities;  // "user/uid"
    QHash<QString, ItemFailure> m_failures; // "user/uid"
};

void TestCorpus::initTestCase()
{
    const QDir corpus(QStringLiteral(SYNCDESK_TESTDATA_MAIL));
    if (!corpus.exists()) {
        QSKIP(qPrintable(u"the shared corpus %1 is not beside this checkout"_s.arg(corpus.absolutePath())));
    }
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    // Several variants of one message share a Message-ID; one mailbox would rightly keep them as one
    // activity. Each variant goes to its own mailbox instead, so that every file must arrive.
    QHash<QByteArray, int> seen;
    int users = 1;
    const QStringList names = corpus.entryList({u"*.txt"_s}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        QFile file(corpus.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        CorpusFile entry;
        entry.name = name;
        entry.raw = file.readAll();
        const QByteArray id = rawHeader(entry.raw, "Message-ID");
        const int occurrence = id.isEmpty() ? 0 : seen[id]++;
        users = qMax(users, occurrence + 1);
        entry.user = u"corpus%1"_s.arg(occurrence + 1);
        m_files.append(entry);
    }
    QVERIFY2(m_files.size() >= 70, "the corpus should hold the public sample set");
    for (int i = 1; i <= users; ++i) {
        m_dovecot.setUser(u"corpus%1"_s.arg(i), u"pw"_s);
    }
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));

    QHash<QString, quint32> nextUid;
    for (CorpusFile &entry : m_files) {
        QVERIFY2(m_dovecot.deliver(entry.user, u"INBOX"_s, entry.raw, &error),
                 qPrintable(entry.name + u": "_s + error));
        entry.uid = ++nextUid[entry.user];
    }

    m_store = StoreConfig::sqlite(m_dir.filePath(u"corpus.db"_s));
    TestConfig config(m_dir.filePath(u"cfg"_s));
    config.addProfile(u"corpus"_s, m_dovecot, u"tls"_s);
    QStringList addresses;
    for (int i = 1; i <= users; ++i) {
        addresses.append(u"corpus%1@example.test"_s.arg(i));
        config.addMailbox(addresses.constLast(), u"corpus"_s, u"corpus%1"_s.arg(i), u"pw"_s);
    }
    const QString imported = SyncHelper::importConfig(m_store, config.write());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
    const QList<SyncOutcome> outcomes = SyncHelper::syncOnce(m_store, addresses);
    QCOMPARE(outcomes.size(), users);
    for (const SyncOutcome &outcome : outcomes) {
        QVERIFY2(outcome.succeeded(), qPrintable(outcome.error ? outcome.error->toString() : QString()));
    }
    auto store = Store::open(m_store);
    QVERIFY(store);
    QVERIFY((*store)->forEachActivity([this](const Activity &activity) {
        m_activities.insert(activity.mailboxAddress.section(u'@', 0, 0) + u'/' + QString::number(activity.uid),
                            activity);
        return true;
    }));
    auto failures = DiagnosticsStore(**store).itemFailures();
    QVERIFY(failures);
    for (const ItemFailure &failure : std::as_const(*failures)) {
        m_failures.insert(failure.mailboxAddress.section(u'@', 0, 0) + u'/' + QString::number(failure.uid), failure);
    }
}

const Activity *TestCorpus::activityFor(const QString &fileName) const
{
    for (const CorpusFile &entry : m_files) {
        if (entry.name == fileName) {
            auto it = m_activities.constFind(entry.user + u'/' + QString::number(entry.uid));
            return it == m_activities.constEnd() ? nullptr : &it.value();
        }
    }
    return nullptr;
}

void TestCorpus::everyMessageArrives()
{
    // Nothing is dropped silently: each message is an activity, or an item failure saying why it is not.
    QCOMPARE(m_activities.size() + m_failures.size(), m_files.size());
    for (const CorpusFile &entry : std::as_const(m_files)) {
        const QString key = entry.user + u'/' + QString::number(entry.uid);
        QVERIFY2(m_activities.contains(key) != m_failures.contains(key), qPrintable(entry.name));
        if (m_failures.contains(key)) {
            // Only a message with no header block at all is refused.
            QVERIFY2(entry.raw.trimmed().isEmpty(), qPrintable(entry.name));
            const ItemFailure failure = m_failures.value(key);
            QCOMPARE(failure.errorClass, ErrorClass::Parse);
            QCOMPARE(failure.hintId, u"message-parse"_s);
            QCOMPARE(failure.folder, u"INBOX"_s);
            QVERIFY(!failure.reason.isEmpty());
        }
    }
}

void TestCorpus::everyMessageIsDecoded_data()
{
    QTest::addColumn<QString>("file");
    for (const CorpusFile &entry : std::as_const(m_files)) {
        QTest::newRow(qPrintable(entry.name)) << entry.name;
    }
}

void TestCorpus::everyMessageIsDecoded()
{
    QFETCH(QString, file);
    const auto entry =
        std::find_if(m_files.cbegin(), m_files.cend(), [&](const CorpusFile &f) { return f.name == file; });
    QVERIFY(entry != m_files.cend());
    const QByteArray &raw = entry->raw;
    if (raw.trimmed().isEmpty()) {
        // An empty file is still a message on the server: not an activity, but listed as an item failure.
        QVERIFY(!activityFor(file));
        QVERIFY(m_failures.contains(entry->user + u'/' + QString::number(entry->uid)));
        return;
    }
    const Activity *activity = activityFor(file);
    QVERIFY(activity);

    const QByteArray subject = rawHeader(raw, "Subject");
    if (!subject.isEmpty()) {
        QVERIFY2(!activity->subject.isEmpty(), "subject lost");
        QVERIFY2(!activity->subject.contains(u"=?"_s), qPrintable(activity->subject)); // encoded words decoded
        QVERIFY2(!activity->subject.contains(QChar::ReplacementCharacter), qPrintable(activity->subject));
    }
    const QByteArray from = rawHeader(raw, "From");
    if (from.contains('@')) {
        QVERIFY2(activity->from.address.contains(u'@'), qPrintable(QString::fromLatin1(from)));
        QCOMPARE(activity->from.address, activity->from.address.toLower());
        QVERIFY(!activity->from.name.contains(u"=?"_s));
    }
    if (!rawHeader(raw, "To").isEmpty() && rawHeader(raw, "To").contains('@')) {
        QVERIFY2(!activity->to.isEmpty(), "recipients lost");
    }
    const QByteArray messageId = rawHeader(raw, "Message-ID");
    if (!messageId.isEmpty()) {
        QString expected = QString::fromLatin1(messageId); // some clients leave out the angle brackets
        if (expected.startsWith(u'<') && expected.endsWith(u'>')) {
            expected = expected.mid(1, expected.size() - 2);
        }
        QCOMPARE(activity->messageId, expected);
    }
    if (!rawHeader(raw, "Date").isEmpty()) {
        QVERIFY(activity->date.isValid());
        QVERIFY(activity->date.date().year() >= 1999 && activity->date.date().year() <= 2030);
    }
    // Something readable came out of the body: text, or at least the attachments are listed.
    QVERIFY2(!activity->bodyText.trimmed().isEmpty() || !activity->attachments.isEmpty(), "nothing decoded");
    QVERIFY2(!activity->bodyText.contains(u"=?iso-8859-1?"_s, Qt::CaseInsensitive), "raw header in the body");
    if (!activity->bodyText.isEmpty() && activity->warnings.isEmpty()) {
        QVERIFY2(!activity->bodyText.contains(QChar::ReplacementCharacter), "undecoded characters in the body");
    }
    // HTML-only messages are turned into text, not stored as markup.
    QVERIFY2(!activity->bodyText.contains(u"<html"_s, Qt::CaseInsensitive), "HTML markup in the body");
    QVERIFY2(!activity->bodyText.contains(u"</p>"_s, Qt::CaseInsensitive), "HTML markup in the body");
}

void TestCorpus::knownMessagesDecodeExactly()
{
    const Activity *umlauts = activityFor(u"github-115.txt"_s);
    QVERIFY(umlauts);
    QCOMPARE(umlauts->to.value(0).name, u"Heinz Müller"_s);
    QCOMPARE(umlauts->to.value(0).address, u"mueller@example.com"_s);
    QCOMPARE(umlauts->subject, u"Test message from Microsoft Outlook 00"_s);

    const Activity *badCharset = activityFor(u"invalid-charset.txt"_s);
    QVERIFY(badCharset);
    QVERIFY(badCharset->bodyText.startsWith(u"The Hare and the Tortoise"_s));
    QCOMPARE(badCharset->from.address, u"doug@example.com"_s);
}

QTEST_GUILESS_MAIN(TestCorpus)
#include "tst_corpus.moc"
