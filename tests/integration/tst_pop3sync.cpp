// Syncs real POP3 mailboxes of a private Dovecot through the real engine and store: plain, STLS and
// TLS; UIDL-based incremental pulls; mail left on the server.

#include "dovecotserver.h"
#include "mailfactory.h"
#include "store/crmstore.h"
#include "store/store.h"
#include "synchelper.h"
#include "testconfig.h"
#include "teststore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {
QByteArray why(const SyncOutcome &outcome)
{
    return outcome.error ? outcome.error->toString().toUtf8() : QByteArray("no error");
}
} // namespace

class TestPop3Sync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void syncsOverPlainStlsAndTls_data();
    void syncsOverPlainStlsAndTls();
    void onlyNewMessagesAreDownloaded();
    void decodesLikeImap();
    void wrongPasswordIsAuthWithHint();
    void plaintextLoginDisabledIsHonoured();
    void trackingRulesApplyToPop3();

private:
    SyncOutcome syncOne(const QString &address);
    QList<Activity> activities(const QString &address);
    void deliver(const QString &user, int count, int firstIndex);

    DovecotServer m_dovecot;
    QTemporaryDir m_dir;
    StoreConfig m_store;
};

void TestPop3Sync::initTestCase()
{
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    for (const QString &user : {u"pat"_s, u"sam"_s, u"tia"_s, u"uma"_s, u"vic"_s, u"xia"_s}) {
        m_dovecot.setUser(user, u"secret-"_s + user);
    }
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
    SYNCDESK_NEW_STORE(store, m_dir.path(), u"syncdesk.db"_s);
    m_store = store;

    TestConfig config(m_dir.filePath(u"config"_s));
    config.addPop3Profile(u"pop3-plain"_s, m_dovecot, u"none"_s);
    config.addPop3Profile(u"pop3-stls"_s, m_dovecot, u"starttls"_s);
    config.addPop3Profile(u"pop3-tls"_s, m_dovecot, u"tls"_s);
    config.addMailbox(u"pat@example.test"_s, u"pop3-plain"_s, u"pat"_s, u"secret-pat"_s);
    config.addMailbox(u"sam@example.test"_s, u"pop3-stls"_s, u"sam"_s, u"secret-sam"_s);
    config.addMailbox(u"tia@example.test"_s, u"pop3-tls"_s, u"tia"_s, u"secret-tia"_s);
    config.addMailbox(u"uma@example.test"_s, u"pop3-tls"_s, u"uma"_s, u"secret-uma"_s);
    config.addMailbox(u"vic@example.test"_s, u"pop3-tls"_s, u"vic"_s, u"not-the-password"_s);
    const QString imported = SyncHelper::importConfig(m_store, config.write());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
}

void TestPop3Sync::deliver(const QString &user, int count, int firstIndex)
{
    const QDateTime base = QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        const MailFactory::Message message =
            MailFactory::realistic(user + u"@example.test"_s, firstIndex + i, base.addSecs(60 * (firstIndex + i)));
        QString error;
        QVERIFY2(m_dovecot.deliver(user, u"INBOX"_s, MailFactory::build(message), &error), qPrintable(error));
    }
}

SyncOutcome TestPop3Sync::syncOne(const QString &address)
{
    const QList<SyncOutcome> outcomes = SyncHelper::syncOnce(m_store, {address});
    if (outcomes.size() != 1) {
        qWarning("no outcome for %s", qPrintable(address));
        return {};
    }
    return outcomes.constFirst();
}

QList<Activity> TestPop3Sync::activities(const QString &address)
{
    QList<Activity> list;
    auto store = Store::open(m_store);
    if (!store) {
        return list;
    }
    (void)(*store)->forEachActivity(
        [&](const Activity &activity) {
            list.append(activity);
            return true;
        },
        SyncHelper::mailboxId(m_store, address));
    return list;
}

void TestPop3Sync::syncsOverPlainStlsAndTls_data()
{
    QTest::addColumn<QString>("user");
    QTest::newRow("plain (none)") << u"pat"_s;
    QTest::newRow("STLS (starttls)") << u"sam"_s;
    QTest::newRow("implicit TLS (tls)") << u"tia"_s;
}

void TestPop3Sync::syncsOverPlainStlsAndTls()
{
    QFETCH(QString, user);
    const QString address = user + u"@example.test"_s;
    deliver(user, 4, 0);
    const SyncOutcome outcome = syncOne(address);
    QVERIFY2(outcome.succeeded(), why(outcome).constData());
    QCOMPARE(outcome.itemsNew, 4);
    QCOMPARE(outcome.itemsSeen, 4);
    const QList<Activity> stored = activities(address);
    QCOMPARE(stored.size(), 4);
    QList<quint32> uids;
    for (const Activity &activity : stored) {
        QCOMPARE(activity.folder, u"INBOX"_s);
        QCOMPARE(activity.uidValidity, 0u);
        QVERIFY(!activity.subject.isEmpty());
        uids.append(activity.uid);
    }
    std::sort(uids.begin(), uids.end());
    QCOMPARE(uids, (QList<quint32>{1, 2, 3, 4}));
    // Mail stays on the server.
    QCOMPARE(m_dovecot.messageCount(user, u"INBOX"_s), 4);
}

void TestPop3Sync::onlyNewMessagesAreDownloaded()
{
    const QString address = u"tia@example.test"_s;
    SyncOutcome outcome = syncOne(address);
    QVERIFY2(outcome.succeeded(), why(outcome).constData());
    QCOMPARE(outcome.itemsSeen, 0); // nothing downloaded: every UIDL was seen
    QCOMPARE(outcome.itemsNew, 0);

    deliver(u"tia"_s, 3, 10);
    outcome = syncOne(address);
    QVERIFY2(outcome.succeeded(), why(outcome).constData());
    QCOMPARE(outcome.itemsSeen, 3);
    QCOMPARE(outcome.itemsNew, 3);
    const QList<Activity> stored = activities(address);
    QCOMPARE(stored.size(), 7);
    QSet<quint32> uids;
    for (const Activity &activity : stored) {
        uids.insert(activity.uid);
    }
    QCOMPARE(uids.size(), 7); // local numbers continue, never reused
    QCOMPARE(m_dovecot.messageCount(u"tia"_s, u"INBOX"_s), 7);
    QVERIFY2(!m_dovecot.log().contains(u"DELE"_s), "a DELE reached the server");
}

void TestPop3Sync::decodesLikeImap()
{
    MailFactory::Message message;
    message.fromName = u"Zoë Ångström"_s;
    message.fromAddress = u"Zoe@Example.ORG"_s;
    message.to = {u"uma@example.test"_s};
    message.subject = u"Größenänderung — Angebot №5 ✓"_s;
    message.body = u"Grüße aus Köln!\n.a line that starts with a dot\n..and two"_s;
    message.messageId = u"pop3-decode-1@example.org"_s;
    message.date = QDateTime(QDate(2026, 3, 14), QTime(15, 9, 26), Qt::UTC);
    QString error;
    QVERIFY2(m_dovecot.deliver(u"uma"_s, u"INBOX"_s, MailFactory::build(message), &error), qPrintable(error));
    const SyncOutcome outcome = syncOne(u"uma@example.test"_s);
    QVERIFY2(outcome.succeeded(), why(outcome).constData());
    const QList<Activity> stored = activities(u"uma@example.test"_s);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.at(0).subject, message.subject);
    QCOMPARE(stored.at(0).from.address, u"zoe@example.org"_s);
    QCOMPARE(stored.at(0).messageId, message.messageId);
    QCOMPARE(stored.at(0).date, message.date);
    QCOMPARE(stored.at(0).bodyText, message.body); // dot-stuffed lines came back as they were
}

void TestPop3Sync::wrongPasswordIsAuthWithHint()
{
    deliver(u"vic"_s, 1, 20);
    const SyncOutcome outcome = syncOne(u"vic@example.test"_s);
    QVERIFY(outcome.error.has_value());
    QCOMPARE(errorClassName(outcome.error->errorClass), u"Auth"_s);
    QCOMPARE(outcome.error->hintId, u"auth-failed"_s);
}

void TestPop3Sync::plaintextLoginDisabledIsHonoured()
{
    DovecotServer::Options options;
    options.allowPlaintextAuth = false;
    DovecotServer strict(options);
    strict.setUser(u"wes"_s, u"secret-wes"_s);
    QString error;
    QVERIFY2(strict.start(&error), qPrintable(error));
    QTemporaryDir dir;
    SYNCDESK_NEW_STORE(store, dir.path(), u"store.db"_s);
    TestConfig config(dir.filePath(u"config"_s));
    config.addPop3Profile(u"strict-plain"_s, strict, u"none"_s);
    config.addPop3Profile(u"strict-stls"_s, strict, u"starttls"_s);
    config.addMailbox(u"wes@example.test"_s, u"strict-plain"_s, u"wes"_s, u"secret-wes"_s);
    config.addMailbox(u"wes2@example.test"_s, u"strict-stls"_s, u"wes"_s, u"secret-wes"_s);
    const QString imported = SyncHelper::importConfig(store, config.write());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));

    const QList<SyncOutcome> plain = SyncHelper::syncOnce(store, {u"wes@example.test"_s});
    QCOMPARE(plain.size(), 1);
    QVERIFY(plain.at(0).error.has_value());
    QCOMPARE(errorClassName(plain.at(0).error->errorClass), u"Auth"_s);
    QCOMPARE(plain.at(0).error->hintId, u"login-disabled"_s);
    // The password never went out: Dovecot saw no login attempt.
    QVERIFY2(!strict.log().contains(u"auth failed"_s, Qt::CaseInsensitive), qPrintable(strict.log()));

    // Over STLS the same server accepts the login.
    const QList<SyncOutcome> stls = SyncHelper::syncOnce(store, {u"wes2@example.test"_s});
    QCOMPARE(stls.size(), 1);
    QVERIFY2(stls.at(0).succeeded(), why(stls.at(0)).constData());
}

void TestPop3Sync::trackingRulesApplyToPop3()
{
    QTemporaryDir dir;
    SYNCDESK_NEW_STORE(store, dir.path(), u"tracking.db"_s);
    TestConfig config(dir.filePath(u"config"_s));
    config.addPop3Profile(u"pop3-plain"_s, m_dovecot, u"none"_s);
    config.addMailbox(u"xia@example.test"_s, u"pop3-plain"_s, u"xia"_s, u"secret-xia"_s);
    config.setMailboxKey(u"xia@example.test"_s, u"tracking"_s, u"known-records"_s);
    config.setCrm(QJsonObject{{u"contacts"_s, QJsonArray{QJsonObject{{u"id"_s, u"juergen"_s},
                                                                     {u"email"_s, u"j.weiss@fabrikam.example"_s}}}}});
    const QString imported = SyncHelper::importConfig(store, config.write());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
    deliver(u"xia"_s, 8, 500);
    QStringList expected;
    QString untracked;
    const QDateTime base = QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
    for (int i = 0; i < 8; ++i) {
        const MailFactory::Message message =
            MailFactory::realistic(u"xia@example.test"_s, 500 + i, base.addSecs(60 * (500 + i)));
        if (message.fromAddress == u"j.weiss@fabrikam.example"_s) {
            expected.append(message.messageId);
        } else {
            untracked = message.messageId;
        }
    }
    QVERIFY(!expected.isEmpty());
    QVERIFY(!untracked.isEmpty());

    QList<SyncOutcome> outcomes = SyncHelper::syncOnce(store, {u"xia@example.test"_s});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes.at(0).succeeded(), why(outcomes.at(0)).constData());
    QCOMPARE(outcomes.at(0).itemsSeen, 8);
    QCOMPARE(outcomes.at(0).itemsTracked, int(expected.size()));
    QStringList stored;
    QStringList correlations;
    {
        auto opened = Store::open(store);
        QVERIFY(opened);
        QVERIFY((*opened)->forEachActivity([&](const Activity &activity) {
            stored.append(activity.messageId);
            correlations.append(activity.correlation);
            return true;
        }));
    }
    correlations.removeDuplicates();
    QCOMPARE(correlations, QStringList{u"party-list"_s});
    stored.sort();
    expected.sort();
    QCOMPARE(stored, expected);

    // Untracked messages are not downloaded again; a request for one cannot be completed over POP3.
    {
        auto opened = Store::open(store);
        QVERIFY(opened);
        TrackRequest request;
        request.mailboxId = SyncHelper::mailboxId(store, u"xia@example.test"_s);
        request.messageId = untracked;
        QVERIFY(CrmStore(**opened).addTrackRequest(request));
    }
    outcomes = SyncHelper::syncOnce(store, {u"xia@example.test"_s});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.at(0).succeeded());
    QCOMPARE(outcomes.at(0).itemsSeen, 0);
    auto opened = Store::open(store);
    QVERIFY(opened);
    auto requests = CrmStore(**opened).trackRequests(std::nullopt, 10);
    QVERIFY(requests);
    QCOMPARE(requests->size(), 1);
    QCOMPARE(requests->constFirst().state, u"failed"_s);
    QVERIFY2(requests->constFirst().reason.contains(u"cannot be looked up again"_s),
             qPrintable(requests->constFirst().reason));
}

QTEST_GUILESS_MAIN(TestPop3Sync)
#include "tst_pop3sync.moc"
