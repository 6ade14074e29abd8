// Syncs real mailboxes of a private Dovecot through the real engine and store.

#include "dovecotserver.h"
#include "mailfactory.h"
#include "store/store.h"
#include "synchelper.h"
#include "testconfig.h"
#include "teststore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
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

class TestImapSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void syncsNewMessages();
    void secondRunStoresNothingNew();
    void newMailIsPickedUp();
    void uidValidityResetCreatesNoDuplicates();
    void decodesHeadersAddressesAndBody();
    void syncsOverStartTlsAndTls();
    void severalFoldersKeepTheirOwnState();
    void wrongPasswordIsAuthWithHint();
    void closedPortIsNetworkWithHint();
    void untrustedCertificateIsRefused();
    void missingFolderFailsButOthersSync();
    void largeMailboxIsFetchedInBatches();
    void runTimeLimitStopsBetweenBatchesAndTheNextRunContinues();

private:
    QList<SyncOutcome> sync(const QStringList &addresses, const std::function<void(SchedulerSettings &)> &adjust = {});
    qint64 activityCount(const QString &address);
    QList<Activity> activities(const QString &address);
    void deliver(const QString &user, int count, int firstIndex, const QString &folder = u"INBOX"_s);

    DovecotServer m_dovecot;
    QTemporaryDir m_dir;
    StoreConfig m_store;
    int m_nextIndex = 0;
};

void TestImapSync::initTestCase()
{
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    for (const QString &user : {u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s, u"erin"_s, u"frank"_s}) {
        m_dovecot.setUser(user, u"secret-"_s + user);
    }
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
    SYNCDESK_NEW_STORE(store, m_dir.path(), u"syncdesk.db"_s);
    m_store = store;

    TestConfig config(m_dir.filePath(u"config"_s));
    config.addProfile(u"plain"_s, m_dovecot, u"none"_s);
    config.addProfile(u"starttls"_s, m_dovecot, u"starttls"_s);
    config.addProfile(u"tls"_s, m_dovecot, u"tls"_s);
    config.addClosedPortProfile(u"closed"_s, 1);
    config.addMailbox(u"alice@example.test"_s, u"plain"_s, u"alice"_s, u"secret-alice"_s);
    config.addMailbox(u"bob@example.test"_s, u"starttls"_s, u"bob"_s, u"secret-bob"_s);
    config.addMailbox(u"carol@example.test"_s, u"tls"_s, u"carol"_s, u"secret-carol"_s,
                      {u"INBOX"_s, u"Projects"_s, u"Kunden/Müller"_s});
    config.addMailbox(u"dave@example.test"_s, u"plain"_s, u"dave"_s, u"wrong-password"_s);
    config.addMailbox(u"erin@example.test"_s, u"closed"_s, u"erin"_s, u"secret-erin"_s);
    config.addMailbox(u"frank@example.test"_s, u"plain"_s, u"frank"_s, u"secret-frank"_s,
                      {u"INBOX"_s, u"Does Not Exist"_s});
    const QString imported = SyncHelper::importConfig(m_store, config.write());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
}

void TestImapSync::init()
{
    QVERIFY(m_dovecot.isRunning());
}

void TestImapSync::deliver(const QString &user, int count, int firstIndex, const QString &folder)
{
    const QDateTime base = QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        const MailFactory::Message message =
            MailFactory::realistic(user + u"@example.test"_s, firstIndex + i, base.addSecs(3600 * (firstIndex + i)));
        QString error;
        QVERIFY2(m_dovecot.deliver(user, folder, MailFactory::build(message), &error), qPrintable(error));
    }
}

QList<SyncOutcome> TestImapSync::sync(const QStringList &addresses,
                                      const std::function<void(SchedulerSettings &)> &adjust)
{
    return SyncHelper::syncOnce(m_store, addresses, 60000, adjust);
}

qint64 TestImapSync::activityCount(const QString &address)
{
    auto store = Store::open(m_store);
    if (!store) {
        return -1;
    }
    auto count = (*store)->activityCount(SyncHelper::mailboxId(m_store, address));
    return count ? *count : -1;
}

QList<Activity> TestImapSync::activities(const QString &address)
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

void TestImapSync::syncsNewMessages()
{
    deliver(u"alice"_s, 7, 0);
    const QList<SyncOutcome> outcomes = sync({u"alice@example.test"_s});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes.at(0).succeeded(), why(outcomes.at(0)).constData());
    QCOMPARE(outcomes.at(0).itemsNew, 7);
    QCOMPARE(outcomes.at(0).itemsSeen, 7);
    QCOMPARE(activityCount(u"alice@example.test"_s), 7);

    auto store = Store::open(m_store);
    QVERIFY(store);
    auto state = (*store)->mailboxState(SyncHelper::mailboxId(m_store, u"alice@example.test"_s));
    QVERIFY(state);
    QCOMPARE(state->consecutiveFailures, 0);
    QCOMPARE(state->itemsLastSync, 7);
    QVERIFY(state->lastSuccessAt.isValid());
    QVERIFY(state->nextDueAt > state->lastSyncAt);
    QVERIFY(state->leaseOwner.isEmpty());
    auto folder = (*store)->folderState(SyncHelper::mailboxId(m_store, u"alice@example.test"_s), u"INBOX"_s);
    QVERIFY(folder);
    QVERIFY(folder->uidValidity != 0);
    QCOMPARE(folder->uidNext, 8u);
    auto runs = (*store)->recentRuns(SyncHelper::mailboxId(m_store, u"alice@example.test"_s), 10);
    QVERIFY(runs);
    QCOMPARE(runs->size(), 1);
    QVERIFY(runs->at(0).success);
    QCOMPARE(runs->at(0).itemsNew, 7);
}

void TestImapSync::secondRunStoresNothingNew()
{
    const QList<SyncOutcome> outcomes = sync({u"alice@example.test"_s});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.at(0).succeeded());
    QCOMPARE(outcomes.at(0).itemsNew, 0);
    QCOMPARE(outcomes.at(0).itemsSeen, 0); // nothing was even fetched: UIDNEXT did not move
    QCOMPARE(activityCount(u"alice@example.test"_s), 7);
}

void TestImapSync::newMailIsPickedUp()
{
    deliver(u"alice"_s, 3, 7);
    const QList<SyncOutcome> outcomes = sync({u"alice@example.test"_s});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.at(0).succeeded());
    QCOMPARE(outcomes.at(0).itemsNew, 3);
    QCOMPARE(outcomes.at(0).itemsSeen, 3);
    QCOMPARE(activityCount(u"alice@example.test"_s), 10);
}

void TestImapSync::uidValidityResetCreatesNoDuplicates()
{
    QString error;
    QVERIFY2(m_dovecot.setUidValidity(u"alice"_s, u"INBOX"_s, 4242, &error), qPrintable(error));
    const QList<SyncOutcome> outcomes = sync({u"alice@example.test"_s});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.at(0).succeeded());
    QCOMPARE(outcomes.at(0).itemsSeen, 10); // the whole folder was fetched again...
    QCOMPARE(outcomes.at(0).itemsNew, 0);   // ...and matched by Message-ID
    QCOMPARE(outcomes.at(0).duplicates, 10);
    QVERIFY(outcomes.at(0).notices.join(u' ').contains(u"uidvalidity-reset"_s));
    QCOMPARE(activityCount(u"alice@example.test"_s), 10);
    const QList<Activity> stored = activities(u"alice@example.test"_s);
    for (const Activity &activity : stored) {
        QCOMPARE(activity.uidValidity, 4242u); // relinked to the new numbering
    }
    // And the run after that is quiet again.
    const QList<SyncOutcome> again = sync({u"alice@example.test"_s});
    QCOMPARE(again.size(), 1);
    QCOMPARE(again.at(0).itemsSeen, 0);
}

void TestImapSync::decodesHeadersAddressesAndBody()
{
    MailFactory::Message message;
    message.fromName = u"Zoë Ångström"_s;
    message.fromAddress = u"Zoe.Angstrom@Example.ORG"_s;
    message.to = {u"Bob Builder <bob@example.test>"_s, u"ops@example.test"_s};
    message.cc = {u"Élodie <elodie@example.test>"_s};
    message.subject = u"Größenänderung — Angebot №5 ✓"_s;
    message.body = u"Grüße aus Köln!\nSecond line."_s;
    message.html = u"<p>Grüße aus <b>Köln</b>!</p>"_s;
    message.messageId = u"decode-test-1@example.org"_s;
    message.date = QDateTime(QDate(2026, 3, 14), QTime(15, 9, 26), Qt::UTC);
    message.attachmentName = u"angebot.pdf"_s;
    message.attachmentData = QByteArray(1234, 'p');
    QString error;
    QVERIFY2(m_dovecot.deliver(u"bob"_s, u"INBOX"_s, MailFactory::build(message), &error), qPrintable(error));

    const QList<SyncOutcome> outcomes = sync({u"bob@example.test"_s});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes.at(0).succeeded(), why(outcomes.at(0)).constData());
    const QList<Activity> stored = activities(u"bob@example.test"_s);
    QCOMPARE(stored.size(), 1);
    const Activity &activity = stored.at(0);
    QCOMPARE(activity.subject, message.subject);
    QCOMPARE(activity.from.address, u"zoe.angstrom@example.org"_s);
    QCOMPARE(activity.from.name, message.fromName);
    QCOMPARE(activity.to.size(), 2);
    QCOMPARE(activity.to.at(0).address, u"bob@example.test"_s);
    QCOMPARE(activity.to.at(1).address, u"ops@example.test"_s);
    QCOMPARE(activity.cc.size(), 1);
    QCOMPARE(activity.cc.at(0).name, u"Élodie"_s);
    QCOMPARE(activity.messageId, u"decode-test-1@example.org"_s);
    QCOMPARE(activity.date, message.date);
    QCOMPARE(activity.bodyText, message.body); // text/plain preferred over the HTML alternative
    QCOMPARE(activity.attachments.size(), 1);
    QCOMPARE(activity.attachments.at(0).fileName, u"angebot.pdf"_s);
    QCOMPARE(activity.attachments.at(0).contentType, u"application/pdf"_s);
    QCOMPARE(activity.attachments.at(0).size, 1234);
    QVERIFY(activity.warnings.isEmpty());
}

void TestImapSync::syncsOverStartTlsAndTls()
{
    deliver(u"carol"_s, 2, 100);
    deliver(u"bob"_s, 2, 200);
    const QList<SyncOutcome> outcomes = sync({u"bob@example.test"_s, u"carol@example.test"_s});
    QCOMPARE(outcomes.size(), 2);
    for (const SyncOutcome &outcome : outcomes) {
        // carol also has two folders that do not exist yet: created in the next test. Here only INBOX counts.
        if (outcome.address == u"bob@example.test"_s) {
            QVERIFY2(outcome.succeeded(), why(outcome).constData());
            QCOMPARE(outcome.itemsNew, 2);
        } else {
            QCOMPARE(outcome.itemsNew, 2);
            QVERIFY(outcome.error.has_value());
            QCOMPARE(outcome.error->hintId, u"folder-missing"_s);
        }
    }
}

void TestImapSync::severalFoldersKeepTheirOwnState()
{
    QString error;
    QVERIFY2(m_dovecot.createFolder(u"carol"_s, u"Projects"_s, &error), qPrintable(error));
    QVERIFY2(m_dovecot.createFolder(u"carol"_s, u"Kunden/Müller"_s, &error), qPrintable(error));
    deliver(u"carol"_s, 3, 300, u"Projects"_s);
    deliver(u"carol"_s, 1, 310, u"Kunden/Müller"_s);
    QList<SyncOutcome> outcomes = sync({u"carol@example.test"_s});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(outcomes.at(0).succeeded(), why(outcomes.at(0)).constData());
    QCOMPARE(outcomes.at(0).itemsNew, 4);
    QCOMPARE(activityCount(u"carol@example.test"_s), 6);
    QSet<QString> folders;
    for (const Activity &activity : activities(u"carol@example.test"_s)) {
        folders.insert(activity.folder);
    }
    QCOMPARE(folders, (QSet<QString>{u"INBOX"_s, u"Projects"_s, u"Kunden/Müller"_s}));

    deliver(u"carol"_s, 1, 320, u"Projects"_s);
    outcomes = sync({u"carol@example.test"_s});
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.at(0).itemsNew, 1);
    QCOMPARE(outcomes.at(0).itemsSeen, 1);
}

void TestImapSync::wrongPasswordIsAuthWithHint()
{
    const QList<SyncOutcome> outcomes = sync({u"dave@example.test"_s});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.at(0).error.has_value());
    QCOMPARE(outcomes.at(0).error->errorClass, ErrorClass::Auth);
    QCOMPARE(outcomes.at(0).error->hintId, u"auth-failed"_s);

    auto store = Store::open(m_store);
    QVERIFY(store);
    auto state = (*store)->mailboxState(SyncHelper::mailboxId(m_store, u"dave@example.test"_s));
    QVERIFY(state);
    QCOMPARE(state->consecutiveFailures, 1);
    QCOMPARE(state->lastErrorClass, ErrorClass::Auth);
    QCOMPARE(state->lastErrorHintId, u"auth-failed"_s);
    QCOMPARE(state->intervalReason, IntervalReason::Backoff);
}

void TestImapSync::closedPortIsNetworkWithHint()
{
    const QList<SyncOutcome> outcomes = sync({u"erin@example.test"_s});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.at(0).error.has_value());
    QCOMPARE(outcomes.at(0).error->errorClass, ErrorClass::Network);
    QCOMPARE(outcomes.at(0).error->hintId, u"connection-refused"_s);
}

void TestImapSync::untrustedCertificateIsRefused()
{
    // The same TLS server, but without the private CA: its certificate is not trusted.
    TestConfig config(m_dir.filePath(u"config-untrusted"_s));
    config.addProfile(u"tls-untrusted"_s, m_dovecot, u"tls"_s);
    QJsonObject json = config.json();
    QJsonArray profiles = json.value(u"server_profiles"_s).toArray();
    QJsonObject profile = profiles.at(0).toObject();
    QJsonObject incoming = profile.value(u"incoming"_s).toObject();
    incoming.remove(u"ca_file"_s);
    profile.insert(u"incoming"_s, incoming);
    profiles.replace(0, profile);
    json.insert(u"server_profiles"_s, profiles);
    config.addMailbox(u"alice-tls@example.test"_s, u"tls-untrusted"_s, u"alice"_s, u"secret-alice"_s);
    json.insert(u"mailboxes"_s, config.json().value(u"mailboxes"_s));
    QFile file(m_dir.filePath(u"config-untrusted/config.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(json).toJson());
    file.close();
    const QString imported = SyncHelper::importConfig(m_store, file.fileName());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));

    const QList<SyncOutcome> outcomes = sync({u"alice-tls@example.test"_s});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.at(0).error.has_value());
    QCOMPARE(outcomes.at(0).error->errorClass, ErrorClass::Tls);
    QCOMPARE(outcomes.at(0).error->hintId, u"tls-untrusted"_s);
    QCOMPARE(activityCount(u"alice-tls@example.test"_s), 0);
}

void TestImapSync::missingFolderFailsButOthersSync()
{
    deliver(u"frank"_s, 2, 400);
    const QList<SyncOutcome> outcomes = sync({u"frank@example.test"_s});
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.at(0).error.has_value());
    QCOMPARE(outcomes.at(0).error->hintId, u"folder-missing"_s);
    QVERIFY(outcomes.at(0).error->message.contains(u"Does Not Exist"_s));
    QCOMPARE(outcomes.at(0).itemsNew, 2); // INBOX was synced all the same
    QCOMPARE(activityCount(u"frank@example.test"_s), 2);
}

void TestImapSync::largeMailboxIsFetchedInBatches()
{
    // More than two batches of 50, so pipelining and per-batch commits are exercised.
    deliver(u"alice"_s, 130, 1000);
    const QList<SyncOutcome> outcomes =
        sync({u"alice@example.test"_s}, [](SchedulerSettings &settings) { settings.tuning.batchMessages = 50; });
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.at(0).succeeded());
    QCOMPARE(outcomes.at(0).itemsNew, 130);
    QCOMPARE(activityCount(u"alice@example.test"_s), 140);
}

void TestImapSync::runTimeLimitStopsBetweenBatchesAndTheNextRunContinues()
{
    // A run over its time limit (1 ms here, 10 minutes by default) sends no further batch once it has
    // fetched something: it writes the batches in flight, logs out and reports itself incomplete, with the
    // folder's position after the last message written. Here: the first batch of 50, and the two sent
    // while it was written. The next run continues from there: every message exactly once.
    deliver(u"bob"_s, 260, 5000);
    const qint64 before = activityCount(u"bob@example.test"_s);
    const QList<SyncOutcome> first = sync({u"bob@example.test"_s}, [](SchedulerSettings &settings) {
        settings.tuning.maxRunMs = 1;
        settings.tuning.batchMessages = 50;
    });
    QCOMPARE(first.size(), 1);
    QVERIFY2(first.at(0).succeeded(), qPrintable(first.at(0).error ? first.at(0).error->toString() : QString()));
    QVERIFY(first.at(0).incomplete);
    QVERIFY2(first.at(0).itemsNew >= 50 && first.at(0).itemsNew <= 150,
             qPrintable(QString::number(first.at(0).itemsNew)));
    QVERIFY(first.at(0).notices.join(u' ').contains(u"time limit"_s));
    QCOMPARE(activityCount(u"bob@example.test"_s), before + first.at(0).itemsNew);

    const QList<SyncOutcome> second = sync({u"bob@example.test"_s});
    QCOMPARE(second.size(), 1);
    QVERIFY(second.at(0).succeeded());
    QVERIFY(!second.at(0).incomplete);
    QCOMPARE(first.at(0).itemsNew + second.at(0).itemsNew, 260);
    QCOMPARE(second.at(0).duplicates, 0);
    QCOMPARE(activityCount(u"bob@example.test"_s), before + 260);
}

QTEST_GUILESS_MAIN(TestImapSync)
#include "tst_imapsync.moc"
