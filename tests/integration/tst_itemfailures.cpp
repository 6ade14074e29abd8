// Item-level failures against a real Dovecot: a message that cannot be read or is too large is listed
// with its reason, the rest of the mailbox syncs, the folder state moves on, and a retry fetches those
// messages again.

#include "dovecotserver.h"
#include "mailfactory.h"
#include "store/diagnosticsstore.h"
#include "store/store.h"
#include "synchelper.h"
#include "teststore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestItemFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void imapListsFailedItemsAndRetries();
    void pop3ListsFailedItemsAndRetries();

private:
    // Three readable messages, one empty message and one of about 60 KB, in that order of UID.
    void deliverMixedMailbox(const QString &user);
    // The large message's failure says which message it is, though its body was never fetched.
    void checkLargeDescribed(const ItemFailure &failure);
    MailFactory::Message m_large;

    DovecotServer m_dovecot;
    QTemporaryDir m_dir;
};

void TestItemFailures::initTestCase()
{
    if (!DovecotServer::isAvailable()) {
        QSKIP("dovecot is not installed: run scripts/test.sh, which installs it");
    }
    QVERIFY(m_dir.isValid());
    m_dovecot.setUser(u"ivy"_s, u"secret-ivy"_s);
    m_dovecot.setUser(u"paz"_s, u"secret-paz"_s);
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    deliverMixedMailbox(u"ivy"_s);
    deliverMixedMailbox(u"paz"_s);
}

void TestItemFailures::deliverMixedMailbox(const QString &user)
{
    const QDateTime base(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
    QString error;
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(m_dovecot.deliver(
                     user, u"INBOX"_s,
                     MailFactory::build(MailFactory::realistic(user + u"@example.test"_s, i, base.addSecs(i * 60))),
                     &error),
                 qPrintable(error));
    }
    QVERIFY2(m_dovecot.deliver(user, u"INBOX"_s, QByteArray(), &error), qPrintable(error));
    MailFactory::Message large = MailFactory::realistic(user + u"@example.test"_s, 3, base.addSecs(600));
    large.subject = u"Quarterly figures (large)"_s;
    large.messageId = u"large-%1@example.test"_s.arg(user);
    large.body = QString(u"Figures line.\n"_s).repeated(4500);
    m_large = large;
    QVERIFY2(m_dovecot.deliver(user, u"INBOX"_s, MailFactory::build(large), &error), qPrintable(error));
}

void TestItemFailures::checkLargeDescribed(const ItemFailure &failure)
{
    QCOMPARE(failure.hintId, u"message-too-large"_s);
    QCOMPARE(failure.subject, m_large.subject);
    QCOMPARE(failure.sender, u"%1 <%2>"_s.arg(m_large.fromName, m_large.fromAddress));
    QCOMPARE(failure.messageDate, QDateTime(QDate(2026, 11, 2), QTime(9, 10), Qt::UTC));
    QVERIFY2(failure.messageId.startsWith(u"large-"_s), qPrintable(failure.messageId));
}

void TestItemFailures::imapListsFailedItemsAndRetries()
{
    SYNCDESK_NEW_STORE(config, m_dir.path(), u"imap.db"_s);
    Endpoint incoming;
    incoming.protocol = MailProtocol::Imap;
    incoming.host = m_dovecot.host();
    incoming.port = m_dovecot.imapsPort();
    incoming.security = Security::Tls;
    incoming.caFile = m_dovecot.caFile();
    std::optional<SyncJob> job = SyncHelper::makeJob(config, incoming, u"ivy"_s, u"secret-ivy"_s);
    QVERIFY(job);
    job->tuning.maxMessageBytes = 20000; // the 60 KB message is too large

    std::optional<SyncOutcome> outcome = SyncHelper::runJob(config, *job);
    QVERIFY(outcome);
    // The sync succeeds with the readable messages; the two others are listed, not dropped silently.
    QVERIFY2(outcome->succeeded(), qPrintable(outcome->error ? outcome->error->toString() : QString()));
    QCOMPARE(outcome->itemsFailed, 2);
    QCOMPARE(SyncHelper::activityCount(config, job->mailbox.id), qint64(3));
    ItemFailureList failures = SyncHelper::itemFailures(config, job->mailbox.id);
    QCOMPARE(failures.size(), 2);
    std::sort(failures.begin(), failures.end(), [](const auto &a, const auto &b) { return a.uid < b.uid; });
    QCOMPARE(failures.at(0).uid, 4u);
    QCOMPARE(failures.at(0).errorClass, ErrorClass::Parse);
    QCOMPARE(failures.at(0).hintId, u"message-parse"_s);
    QCOMPARE(failures.at(0).folder, u"INBOX"_s);
    QVERIFY(failures.at(0).uidValidity > 0);
    QCOMPARE(failures.at(1).uid, 5u);
    QCOMPARE(failures.at(1).hintId, u"message-too-large"_s);
    QVERIFY2(failures.at(1).size > 20000, qPrintable(QString::number(failures.at(1).size)));
    QVERIFY2(failures.at(1).reason.contains(u"more than the 19.5 kB"_s), qPrintable(failures.at(1).reason));
    checkLargeDescribed(failures.at(1));
    // The empty message has no header to tell: nothing is made up.
    QVERIFY(failures.at(0).sender.isEmpty() && !failures.at(0).messageDate.isValid());
    for (const ItemFailure &failure : std::as_const(failures)) {
        QCOMPARE(failure.state, u"failed"_s);
        QCOMPARE(failure.attempts, 1);
    }

    // The folder state moved on: a sync without a retry request fetches nothing and adds no attempt.
    outcome = SyncHelper::runJob(config, *job);
    QVERIFY(outcome && outcome->succeeded());
    QCOMPARE(outcome->itemsSeen, 0);
    QCOMPARE(outcome->itemsFailed, 0);
    failures = SyncHelper::itemFailures(config, job->mailbox.id);
    QCOMPARE(failures.size(), 2);
    QCOMPARE(failures.at(0).attempts, 1);
    std::sort(failures.begin(), failures.end(), [](const auto &a, const auto &b) { return a.uid < b.uid; });
    checkLargeDescribed(failures.at(1));

    // Retry after the limit was raised: the large message is stored and its failure resolved; the
    // empty one fails again, with a second attempt counted.
    {
        auto store = Store::open(config);
        QVERIFY(store);
        auto marked = DiagnosticsStore(**store).retryItemFailures(job->mailbox.id);
        QVERIFY(marked);
        QCOMPARE(*marked, 2);
    }
    QCOMPARE(SyncHelper::itemFailures(config, job->mailbox.id).at(0).state, u"retry"_s);
    job->tuning.maxMessageBytes = 1024 * 1024;
    outcome = SyncHelper::runJob(config, *job);
    QVERIFY(outcome && outcome->succeeded());
    QCOMPARE(outcome->itemsSeen, 2);
    QCOMPARE(outcome->itemsFailed, 1);
    QCOMPARE(SyncHelper::activityCount(config, job->mailbox.id), qint64(4));
    failures = SyncHelper::itemFailures(config, job->mailbox.id);
    QCOMPARE(failures.size(), 1);
    QCOMPARE(failures.at(0).uid, 4u);
    QCOMPARE(failures.at(0).attempts, 2);
    QCOMPARE(failures.at(0).state, u"failed"_s);
}

void TestItemFailures::pop3ListsFailedItemsAndRetries()
{
    SYNCDESK_NEW_STORE(config, m_dir.path(), u"pop3.db"_s);
    Endpoint incoming;
    incoming.protocol = MailProtocol::Pop3;
    incoming.host = m_dovecot.host();
    incoming.port = m_dovecot.pop3sPort();
    incoming.security = Security::Tls;
    incoming.caFile = m_dovecot.caFile();
    std::optional<SyncJob> job = SyncHelper::makeJob(config, incoming, u"paz"_s, u"secret-paz"_s);
    QVERIFY(job);
    job->tuning.maxMessageBytes = 20000;

    std::optional<SyncOutcome> outcome = SyncHelper::runJob(config, *job);
    QVERIFY(outcome);
    QVERIFY2(outcome->succeeded(), qPrintable(outcome->error ? outcome->error->toString() : QString()));
    QCOMPARE(outcome->itemsFailed, 2);
    QCOMPARE(SyncHelper::activityCount(config, job->mailbox.id), qint64(3));
    ItemFailureList failures = SyncHelper::itemFailures(config, job->mailbox.id);
    QCOMPARE(failures.size(), 2);
    QStringList hints;
    for (const ItemFailure &failure : std::as_const(failures)) {
        QVERIFY2(!failure.pop3Uidl.isEmpty(), "a POP3 failure is located by its UIDL");
        hints.append(failure.hintId);
    }
    hints.sort();
    QCOMPARE(hints, (QStringList{u"message-parse"_s, u"message-too-large"_s}));
    for (const ItemFailure &failure : std::as_const(failures)) {
        if (failure.hintId == u"message-too-large"_s) {
            checkLargeDescribed(failure); // from TOP n 0
        }
    }
    // Mail is left on the server, whatever happened to it here.
    QCOMPARE(m_dovecot.messageCount(u"paz"_s, u"INBOX"_s), 5);

    outcome = SyncHelper::runJob(config, *job);
    QVERIFY(outcome && outcome->succeeded());
    QCOMPARE(outcome->itemsFailed, 0);
    QCOMPARE(SyncHelper::itemFailures(config, job->mailbox.id).size(), 2);

    {
        auto store = Store::open(config);
        QVERIFY(store);
        QVERIFY(DiagnosticsStore(**store).retryItemFailures(job->mailbox.id));
    }
    job->tuning.maxMessageBytes = 1024 * 1024;
    outcome = SyncHelper::runJob(config, *job);
    QVERIFY(outcome && outcome->succeeded());
    QCOMPARE(outcome->itemsFailed, 1);
    QCOMPARE(SyncHelper::activityCount(config, job->mailbox.id), qint64(4));
    failures = SyncHelper::itemFailures(config, job->mailbox.id);
    QCOMPARE(failures.size(), 1);
    QCOMPARE(failures.at(0).hintId, u"message-parse"_s);
    QCOMPARE(failures.at(0).attempts, 2);
    QCOMPARE(m_dovecot.messageCount(u"paz"_s, u"INBOX"_s), 5);
}

QTEST_GUILESS_MAIN(TestItemFailures)
#include "tst_itemfailures.moc"
