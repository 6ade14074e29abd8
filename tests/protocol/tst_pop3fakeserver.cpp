// Scripted conversations with a fake POP3 server, for what Dovecot will not do on request: STLS missing
// or broken, throttling and locked maildrops, no UIDL, a connection dropping inside a message, garbage,
// silence. Each runs the real Pop3MailboxSync over real sockets and checks the error class and hint id;
// and no conversation ever contains DELE.

#include "fakeserver.h"
#include "store/store.h"
#include "synchelper.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString kGreeting = u"S: +OK fake POP3 ready\n"
                          "C: CAPA\n"
                          "S: +OK\n"
                          "S: USER\n"
                          "S: UIDL\n"
                          "S: .\n"_s;
const QString kLogin = u"C: USER alice\n"
                       "S: +OK\n"
                       "C: PASS secret\n"
                       "S: +OK Logged in.\n"_s;
const QString kQuit = u"C: QUIT\nS: +OK bye\nX: close\n"_s;

QString message(int number)
{
    return u"S: From: a@example.test\nS: Subject: message %1\nS: Message-ID: <pop-%1@example.test>\nS: \n"
           "S: ..a line that starts with a dot\nS: Hello.\nS: .\n"_s.arg(number);
}

// A message of about `kilobytes` KB: headers, then lines of 76 "x".
QString bigMessage(int number, int kilobytes)
{
    QString text =
        u"S: From: a@example.test\nS: Subject: big %1\nS: Message-ID: <big-%1@example.test>\nS: \n"_s.arg(number);
    const QString line = u"S: "_s + QString(76, u'x') + u"\n"_s;
    for (int i = 0; i < kilobytes * 1024 / 78; ++i) {
        text += line;
    }
    return text + u"S: .\n"_s;
}

} // namespace

class TestPop3FakeServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void fullConversationStoresMessagesAndNeverDeletes();
    void stlsNotOffered();
    void stlsAgreedButTlsDoesNotWork();
    void throttledPass();
    void maildropInUse();
    void noUidl();
    void connectionDropsInsideAMessage();
    void serverNeverAnswers();
    void malformedListLine();
    void garbageFromTheServer();
    void utf8IsEnabledBeforeLogin();
    void loginDelayFromCapa();
    void perUserLoginDelayIsAskedAfterLogin();
    void loginDelayRefusalWaitsAsCapaSaid();
    void tricklingMessageMeetsTheDeadline();
    void sizesTheServerDeclaredAreNotTrusted();
    void declaredSizesKeepBatchesWithinTheBudget();

private:
    SyncOutcome run(Security security = Security::None, int commandTimeoutMs = 5000);
    // A job for alice on the scripted server.
    std::optional<SyncJob> job(Security security = Security::None);
    void expectError(const SyncOutcome &outcome, ErrorClass errorClass, const QString &hintId);
    void expectNoDele();

    std::unique_ptr<FakeServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    StoreConfig m_store;
    qint64 m_mailboxId = 0;
};

void TestPop3FakeServer::init()
{
    m_server = std::make_unique<FakeServer>();
    QVERIFY(m_server->listen());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = StoreConfig::sqlite(m_dir->filePath(u"store.db"_s));
}

std::optional<SyncJob> TestPop3FakeServer::job(Security security)
{
    Endpoint incoming;
    incoming.protocol = MailProtocol::Pop3;
    incoming.host = u"127.0.0.1"_s;
    incoming.port = m_server->port();
    incoming.security = security;
    return SyncHelper::makeJob(m_store, incoming, u"alice"_s, u"secret"_s);
}

SyncOutcome TestPop3FakeServer::run(Security security, int commandTimeoutMs)
{
    std::optional<SyncJob> job = this->job(security);
    if (!job) {
        qWarning("cannot create the job");
        return {};
    }
    m_mailboxId = job->mailbox.id;
    job->tuning.connectTimeoutMs = 5000;
    job->tuning.commandTimeoutMs = commandTimeoutMs;
    const std::optional<SyncOutcome> outcome = SyncHelper::runJob(m_store, *job, 20000);
    if (!outcome) {
        qWarning("the sync did not finish");
        return {};
    }
    return *outcome;
}

void TestPop3FakeServer::expectError(const SyncOutcome &outcome, ErrorClass errorClass, const QString &hintId)
{
    QVERIFY2(outcome.error.has_value(), "the sync should have failed");
    QCOMPARE(errorClassName(outcome.error->errorClass), errorClassName(errorClass));
    QCOMPARE(outcome.error->hintId, hintId);
}

void TestPop3FakeServer::expectNoDele()
{
    for (const QByteArray &line : m_server->received()) {
        QVERIFY2(!line.toUpper().startsWith("DELE"), line.constData());
    }
}

void TestPop3FakeServer::fullConversationStoresMessagesAndNeverDeletes()
{
    m_server->addScenario(kGreeting + kLogin +
                          u"C: UIDL\nS: +OK\nS: 1 uid-one\nS: 2 uid-two\nS: .\n"
                          "C: LIST\nS: +OK 2 messages\nS: 1 120\nS: 2 120\nS: .\n"
                          "C: RETR 1\nS: +OK 120 octets\n"_s +
                          message(1) + u"C: RETR 2\nS: +OK 120 octets\n"_s + message(2) + kQuit);
    // The second run sees the same UIDLs: nothing is downloaded.
    m_server->addScenario(kGreeting + kLogin + u"C: UIDL\nS: +OK\nS: 1 uid-one\nS: 2 uid-two\nS: .\n"_s + kQuit);
    const std::optional<SyncJob> job = this->job();
    QVERIFY(job);
    std::optional<SyncOutcome> outcome = SyncHelper::runJob(m_store, *job, 20000);
    QVERIFY(outcome);
    QVERIFY2(outcome->succeeded(), qPrintable(outcome->error ? outcome->error->toString() : QString()));
    QCOMPARE(outcome->itemsNew, 2);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    outcome = SyncHelper::runJob(m_store, *job, 20000);
    QVERIFY(outcome);
    QVERIFY2(outcome->succeeded(), qPrintable(outcome->error ? outcome->error->toString() : QString()));
    QCOMPARE(outcome->itemsSeen, 0);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    auto store = Store::open(m_store);
    QVERIFY(store);
    QList<Activity> stored;
    QVERIFY((*store)->forEachActivity(
        [&](const Activity &activity) {
            stored.append(activity);
            return true;
        },
        job->mailbox.id));
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).subject, u"message 1"_s);
    QCOMPARE(stored.at(0).bodyText, u".a line that starts with a dot\nHello."_s);
    expectNoDele();
}

void TestPop3FakeServer::stlsNotOffered()
{
    m_server->addScenario(kGreeting);
    const SyncOutcome outcome = run(Security::StartTls);
    expectError(outcome, ErrorClass::Tls, u"starttls-not-offered"_s);
    QCOMPARE(m_server->received(), QList<QByteArray>{"CAPA"}); // no USER, no PASS in clear text
}

void TestPop3FakeServer::stlsAgreedButTlsDoesNotWork()
{
    m_server->addScenario(u"S: +OK ready\nC: CAPA\nS: +OK\nS: STLS\nS: USER\nS: .\n"
                          "C: STLS\nS: +OK Begin TLS negotiation\nX: read\nS: -ERR this is not TLS\nX: close\n"_s);
    const SyncOutcome outcome = run(Security::StartTls);
    expectError(outcome, ErrorClass::Tls, u"tls-handshake"_s);
}

void TestPop3FakeServer::throttledPass()
{
    m_server->addScenario(kGreeting +
                          u"C: USER alice\nS: +OK\nC: PASS secret\n"
                          "S: -ERR [LOGIN-DELAY] Request is throttled. Suggested Backoff Time: 4000 milliseconds\n"_s +
                          kQuit);
    const SyncOutcome outcome = run();
    expectError(outcome, ErrorClass::Throttled, u"throttled"_s);
    QCOMPARE(outcome.error->retryAfterMs, 4000);
}

void TestPop3FakeServer::maildropInUse()
{
    m_server->addScenario(kGreeting + u"C: USER alice\nS: +OK\nC: PASS secret\nS: -ERR [IN-USE] Mailbox is locked\n"_s +
                          kQuit);
    const SyncOutcome outcome = run();
    expectError(outcome, ErrorClass::ServerNo, u"server-no"_s);
    QVERIFY(outcome.error->transient);
}

void TestPop3FakeServer::noUidl()
{
    m_server->addScenario(kGreeting + kLogin + u"C: UIDL\nS: -ERR unknown command\n"_s + kQuit);
    const SyncOutcome outcome = run();
    expectError(outcome, ErrorClass::ServerNo, u"pop3-uidl-missing"_s);
}

void TestPop3FakeServer::connectionDropsInsideAMessage()
{
    m_server->addScenario(kGreeting + kLogin +
                          u"C: UIDL\nS: +OK\nS: 1 uid-one\nS: .\n"
                          "C: LIST\nS: +OK\nS: 1 120\nS: .\n"
                          "C: RETR 1\nS: +OK 120 octets\nS: From: a@example.test\nS+ Subj\nX: close\n"_s);
    const SyncOutcome outcome = run();
    expectError(outcome, ErrorClass::Network, u"connection-lost"_s);
    auto store = Store::open(m_store);
    QVERIFY(store);
    auto maildrop = (*store)->pop3Maildrop(m_mailboxId);
    QVERIFY(maildrop);
    QVERIFY(maildrop->seenUidls.isEmpty()); // not marked seen: the next run downloads it again
}

void TestPop3FakeServer::serverNeverAnswers()
{
    m_server->addScenario(kGreeting + kLogin + u"C: UIDL\n# and then silence\n"_s);
    const SyncOutcome outcome = run(Security::None, 300);
    expectError(outcome, ErrorClass::Timeout, u"timeout"_s);
    QVERIFY2(outcome.error->message.contains(u"UIDL"_s), qPrintable(outcome.error->message));
}

void TestPop3FakeServer::malformedListLine()
{
    m_server->addScenario(kGreeting + kLogin +
                          u"C: UIDL\nS: +OK\nS: 1 uid-one\nS: .\n"
                          "C: LIST\nS: +OK\nS: 1 lots\nS: .\n"_s +
                          kQuit);
    const SyncOutcome outcome = run();
    expectError(outcome, ErrorClass::Protocol, u"protocol-error"_s);
    QVERIFY2(outcome.error->message.contains(u"LIST"_s), qPrintable(outcome.error->message));
    QCOMPARE(outcome.itemsNew, 0);
}

void TestPop3FakeServer::garbageFromTheServer()
{
    m_server->addScenario(u"S: * OK this is an IMAP server\n"_s);
    const SyncOutcome outcome = run();
    expectError(outcome, ErrorClass::Protocol, u"protocol-error"_s);
}

void TestPop3FakeServer::utf8IsEnabledBeforeLogin()
{
    // RFC 6856: UTF8 in the AUTHORIZATION state, so that the server hands over messages with raw UTF-8
    // headers instead of a placeholder; the subject is stored as it is.
    m_server->addScenario(u"S: +OK ready\nC: CAPA\nS: +OK\nS: USER\nS: UIDL\nS: UTF8\nS: .\n"
                          "C: UTF8\nS: +OK UTF8 enabled\n"_s +
                          kLogin +
                          u"C: UIDL\nS: +OK\nS: 1 uid-one\nS: .\n"
                          "C: LIST\nS: +OK\nS: 1 120\nS: .\n"
                          "C: RETR 1\nS: +OK\nS: From: a@example.test\nS: Subject: Grüße aus Köln\n"
                          "S: Message-ID: <utf8-pop@example.test>\nS: \nS: Hallo.\nS: .\n"_s +
                          kQuit);
    const SyncOutcome outcome = run();
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.error ? outcome.error->toString() : QString()));
    QCOMPARE(outcome.itemsNew, 1);
    auto store = Store::open(m_store);
    QVERIFY(store);
    const auto activities = (*store)->recentActivities(m_mailboxId, 5);
    QVERIFY(activities);
    QCOMPARE(activities->size(), 1);
    QCOMPARE(activities->constFirst().subject, u"Grüße aus Köln"_s);
}

void TestPop3FakeServer::loginDelayFromCapa()
{
    // LOGIN-DELAY (RFC 2449 6.5) is the least time between two logins: the outcome carries it to the
    // scheduler, which makes it the mailbox's least interval. No UTF8 without the capability.
    m_server->addScenario(u"S: +OK ready\nC: CAPA\nS: +OK\nS: USER\nS: UIDL\nS: LOGIN-DELAY 900\nS: .\n"_s + kLogin +
                          u"C: UIDL\nS: +OK\nS: .\n"_s + kQuit);
    const SyncOutcome outcome = run();
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.error ? outcome.error->toString() : QString()));
    QCOMPARE(outcome.serverMinIntervalSeconds, 900);
}

void TestPop3FakeServer::perUserLoginDelayIsAskedAfterLogin()
{
    // "LOGIN-DELAY 300 USER": the value may differ per user, so CAPA is asked again once logged in.
    m_server->addScenario(u"S: +OK ready\nC: CAPA\nS: +OK\nS: USER\nS: UIDL\nS: LOGIN-DELAY 300 USER\nS: .\n"_s +
                          kLogin + u"C: CAPA\nS: +OK\nS: UIDL\nS: LOGIN-DELAY 1200\nS: .\n"_s +
                          u"C: UIDL\nS: +OK\nS: .\n"_s + kQuit);
    const SyncOutcome outcome = run();
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.error ? outcome.error->toString() : QString()));
    QCOMPARE(outcome.serverMinIntervalSeconds, 1200);
}

void TestPop3FakeServer::loginDelayRefusalWaitsAsCapaSaid()
{
    // Refused with [LOGIN-DELAY] and no suggested delay in the text: the retry waits what CAPA announced,
    // not the short first backoff, and the outcome still carries the minimum for the schedule.
    m_server->addScenario(u"S: +OK ready\nC: CAPA\nS: +OK\nS: USER\nS: UIDL\nS: LOGIN-DELAY 600\nS: .\n"
                          "C: USER alice\nS: +OK\nC: PASS secret\nS: -ERR [LOGIN-DELAY] wait a little longer\n"_s +
                          kQuit);
    const SyncOutcome outcome = run();
    expectError(outcome, ErrorClass::Throttled, u"throttled"_s);
    QCOMPARE(outcome.error->retryAfterMs, 600000);
    QCOMPARE(outcome.serverMinIntervalSeconds, 600);
}

void TestPop3FakeServer::tricklingMessageMeetsTheDeadline()
{
    // LIST says 120 bytes; RETR then sends a line of the message every 200 ms for a minute. Bytes do not
    // extend the deadline (3 s plus 120 bytes at the floor rate): the sync ends with Timeout within it.
    QString trickle;
    for (int i = 0; i < 300; ++i) {
        trickle += u"X: wait 200\nS: line %1 of a message that never ends\n"_s.arg(i);
    }
    m_server->addScenario(kGreeting + kLogin +
                          u"C: UIDL\nS: +OK\nS: 1 uid-one\nS: .\nC: LIST\nS: +OK\nS: 1 120\nS: .\n"
                          "C: RETR 1\nS: +OK 120 octets\nS: Subject: slow\nS: \n"_s +
                          trickle);
    QElapsedTimer elapsed;
    elapsed.start();
    const SyncOutcome outcome = run(Security::None, 3000);
    expectError(outcome, ErrorClass::Timeout, u"timeout"_s);
    QVERIFY2(elapsed.elapsed() < 10000, qPrintable(u"ended after %1 ms"_s.arg(elapsed.elapsed())));
    QVERIFY2(outcome.error->message.contains(u"RETR"_s), qPrintable(outcome.error->message));
}

void TestPop3FakeServer::sizesTheServerDeclaredAreNotTrusted()
{
    // LIST declares 100 octets for each message. The first is 125 KB, over the 100,000-byte limit: read past
    // to its final dot and listed as too large. The next two (80 KB each) fit the 192 KiB budget together;
    // the fourth would pass it: not kept and not marked seen, so the next run (due at once) downloads it.
    const QString uidl = u"C: UIDL\nS: +OK\nS: 1 uid-1\nS: 2 uid-2\nS: 3 uid-3\nS: 4 uid-4\nS: .\n"_s;
    m_server->addScenario(kGreeting + kLogin + uidl +
                          u"C: LIST\nS: +OK\nS: 1 100\nS: 2 100\nS: 3 100\nS: 4 100\nS: .\n"
                          "C: RETR 1\nS: +OK\n"_s +
                          bigMessage(1, 125) + u"C: RETR 2\nS: +OK\n"_s + bigMessage(2, 80) + u"C: RETR 3\nS: +OK\n"_s +
                          bigMessage(3, 80) + u"C: RETR 4\nS: +OK\n"_s + bigMessage(4, 80) + kQuit);
    m_server->addScenario(kGreeting + kLogin + uidl +
                          u"C: LIST\nS: +OK\nS: 1 100\nS: 2 100\nS: 3 100\nS: 4 100\nS: .\n"
                          "C: RETR 4\nS: +OK\n"_s +
                          bigMessage(4, 80) + kQuit);
    std::optional<SyncJob> job = this->job();
    QVERIFY(job);
    job->profile.maxMessageBytes = 100000;
    job->tuning.responseBudgetBytes = 192 * 1024;
    QCOMPARE(job->tuning.messageLimit(job->profile), qint64(100000));
    std::optional<SyncOutcome> outcome = SyncHelper::runJob(m_store, *job, 20000);
    QVERIFY(outcome);
    QVERIFY2(outcome->succeeded(), qPrintable(outcome->error ? outcome->error->toString() : QString()));
    QCOMPARE(outcome->itemsNew, 2);
    QCOMPARE(outcome->itemsFailed, 1);
    QVERIFY(outcome->incomplete); // due again at once for the message left over
    const ItemFailureList failures = SyncHelper::itemFailures(m_store, job->mailbox.id);
    QCOMPARE(failures.size(), 1);
    QCOMPARE(failures.at(0).hintId, u"message-too-large"_s);
    QCOMPARE(failures.at(0).pop3Uidl, u"uid-1"_s);
    QVERIFY2(failures.at(0).size > 120 * 1024, "the size sent, not the 100 octets declared");

    outcome = SyncHelper::runJob(m_store, *job, 20000);
    QVERIFY(outcome);
    QVERIFY2(outcome->succeeded(), qPrintable(outcome->error ? outcome->error->toString() : QString()));
    QCOMPARE(outcome->itemsNew, 1);
    QVERIFY(!outcome->incomplete);
    QCOMPARE(SyncHelper::activityCount(m_store, job->mailbox.id), qint64(3));
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    expectNoDele();
}

void TestPop3FakeServer::declaredSizesKeepBatchesWithinTheBudget()
{
    // Four messages of 80 KB, declared as such, with a budget of 192 KiB: a batch is cut by bytes (here one
    // message each, two batches in flight) as well as by count, so nothing is downloaded only to be dropped
    // for lack of room and the run completes.
    const QString uidl = u"C: UIDL\nS: +OK\nS: 1 uid-1\nS: 2 uid-2\nS: 3 uid-3\nS: 4 uid-4\nS: .\n"_s;
    const QString size = QString::number(80 * 1024 / 78 * 78 + 120);
    m_server->addScenario(kGreeting + kLogin + uidl + u"C: LIST\nS: +OK\nS: 1 "_s + size + u"\nS: 2 "_s + size +
                          u"\nS: 3 "_s + size + u"\nS: 4 "_s + size + u"\nS: .\nC: RETR 1\nS: +OK\n"_s +
                          bigMessage(1, 80) + u"C: RETR 2\nS: +OK\n"_s + bigMessage(2, 80) + u"C: RETR 3\nS: +OK\n"_s +
                          bigMessage(3, 80) + u"C: RETR 4\nS: +OK\n"_s + bigMessage(4, 80) + kQuit);
    std::optional<SyncJob> job = this->job();
    QVERIFY(job);
    job->tuning.responseBudgetBytes = 192 * 1024;
    QVERIFY(job->tuning.batchMessages >= 4); // the count alone would put all four in one batch
    std::optional<SyncOutcome> outcome = SyncHelper::runJob(m_store, *job, 20000);
    QVERIFY(outcome);
    QVERIFY2(outcome->succeeded(), qPrintable(outcome->error ? outcome->error->toString() : QString()));
    QCOMPARE(outcome->itemsNew, 4);
    QVERIFY(!outcome->incomplete);
    QCOMPARE(SyncHelper::activityCount(m_store, job->mailbox.id), qint64(4));
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    expectNoDele();
}

QTEST_GUILESS_MAIN(TestPop3FakeServer)
#include "tst_pop3fakeserver.moc"
