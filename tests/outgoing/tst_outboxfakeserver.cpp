// Scripted SMTP conversations for what a real submission server will not do on request: partial
// recipients, 4xx and 5xx at every step, a server dropping the connection after DATA, throttling, refused
// credentials. Each runs the real OutboxRun over real sockets (POP3 incoming, so no Sent copy is made) and
// checks what the store says of every email afterwards.

#include "diagnostics/outgoingsweep.h"
#include "fakeserver.h"
#include "outgoing/outboxactions.h"
#include "scheduler/schedulersettings.h"
#include "store/outboxstore.h"
#include "store/store.h"
#include "synchelper.h"
#include "teststore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString kOpen = u"S: 220 fake.test ESMTP\n"
                      "C: EHLO *\n"
                      "S: 250-fake.test\n"
                      "S: 250-PIPELINING\n"
                      "S: 250-AUTH PLAIN LOGIN\n"
                      "S: 250 SIZE 10000000\n"
                      "C: AUTH PLAIN *\n"
                      "S: 235 2.7.0 Authentication successful\n"_s;
const QString kQuit = u"C: QUIT\nS: 221 2.0.0 Bye\nX: close\n"_s;

// The message as the client must send it: CRLF lines, the dot of ".dot" doubled.
QString body(int n)
{
    return u"C: From: alice@example.test\nC: To: bob@fabrikam.test\nC: Subject: test %1\n"
           "C: Message-ID: <m%1@example.test>\nC: \nC: Hello %1.\nC: ..dot line\nC: .\n"_s.arg(n);
}

QString transaction(int n, const QString &finalReply = u"250 2.0.0 Ok: queued as Q%1"_s)
{
    return u"C: MAIL FROM:*\nS: 250 2.1.0 Ok\nC: RCPT TO:<bob@fabrikam.test>\nS: 250 2.1.5 Ok\n"
           "C: DATA\nS: 354 End data with <CR><LF>.<CR><LF>\n"_s +
           body(n) + u"S: "_s + (finalReply.contains(u"%1"_s) ? finalReply.arg(n) : finalReply) + u"\n"_s;
}

} // namespace

class TestOutboxFakeServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void sendsSeveralOverOneConnection();
    void someRecipientsRefused();
    void everyRecipientRefusedFailsAtOnce();
    void transientReplyWaitsWithBackoff();
    void messageTooLargeFailsAtOnce();
    void connectionDroppedAfterData();
    void throttledSessionReleasesTheRest();
    void refusedCredentialsFailEveryEmail();
    void retryWindowEnds();
    void sweepAlertsEmailNothingTriesToSend();

private:
    qint64 addEmail(int n, const QStringList &recipients = {u"bob@fabrikam.test"_s});
    std::optional<OutboxResult> run();
    OutgoingEmail email(qint64 id);

    std::unique_ptr<FakeServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    StoreConfig m_store;
    std::optional<SyncJob> m_job;
};

void TestOutboxFakeServer::init()
{
    m_server = std::make_unique<FakeServer>();
    QVERIFY(m_server->listen());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    SYNCDESK_NEW_STORE(store, m_dir->path(), u"store.db"_s);
    m_store = store;
    Endpoint incoming;
    incoming.protocol = MailProtocol::Pop3;
    incoming.host = u"127.0.0.1"_s;
    incoming.port = 9; // never used: POP3 has no Sent folder to look in
    incoming.security = Security::None;
    m_job = SyncHelper::makeJob(m_store, incoming, u"alice"_s, u"secret"_s);
    QVERIFY(m_job);
    Endpoint outgoing;
    outgoing.protocol = MailProtocol::Smtp;
    outgoing.host = u"127.0.0.1"_s;
    outgoing.port = m_server->port();
    outgoing.security = Security::None;
    m_job->profile.outgoing = outgoing;
    m_job->tuning.connectTimeoutMs = 5000;
    m_job->tuning.commandTimeoutMs = 5000;
}

qint64 TestOutboxFakeServer::addEmail(int n, const QStringList &recipients)
{
    auto store = Store::open(m_store);
    if (!store) {
        return 0;
    }
    OutgoingEmail email;
    email.status = OutgoingStatus::PendingSend;
    email.activity.mailboxId = m_job->mailbox.id;
    email.activity.subject = u"test %1"_s.arg(n);
    for (const QString &recipient : recipients) {
        email.activity.to.append({QString(), recipient});
    }
    auto id = OutboxStore(**store).create(email, [n](OutgoingEmail &made) -> Result<QByteArray> {
        made.activity.messageId = u"m%1@example.test"_s.arg(n);
        return QByteArray("From: alice@example.test\r\nTo: bob@fabrikam.test\r\nSubject: test " +
                          QByteArray::number(n) + "\r\nMessage-ID: <m" + QByteArray::number(n) +
                          "@example.test>\r\n\r\nHello " + QByteArray::number(n) + ".\r\n.dot line\r\n");
    });
    return id ? *id : 0;
}

std::optional<OutboxResult> TestOutboxFakeServer::run()
{
    auto result = SyncHelper::runOutbox(m_store, *m_job, 20000);
    for (const QString &failure : m_server->failures()) {
        qWarning("script: %s", qPrintable(failure));
    }
    return result;
}

OutgoingEmail TestOutboxFakeServer::email(qint64 id)
{
    auto store = Store::open(m_store);
    if (!store) {
        return {};
    }
    auto found = OutboxStore(**store).email(id);
    return found && found->has_value() ? **found : OutgoingEmail{};
}

void TestOutboxFakeServer::sendsSeveralOverOneConnection()
{
    const qint64 first = addEmail(1);
    const qint64 second = addEmail(2);
    QVERIFY(first && second);
    m_server->addScenario(kOpen + transaction(1) + transaction(2) + kQuit);
    const auto result = run();
    QVERIFY(result);
    QVERIFY2(!result->error, qPrintable(result->error ? result->error->toString() : QString()));
    QCOMPARE(result->sent, 2);
    QCOMPARE(m_server->connectionCount(), 1);
    QVERIFY(m_server->failures().isEmpty());
    const OutgoingEmail one = email(first);
    QCOMPARE(one.status, OutgoingStatus::Sent);
    QCOMPARE(one.attempts, 1);
    QVERIFY(one.sentAt.isValid());
    QCOMPARE(one.serverReply, u"250 2.0.0 Ok: queued as Q1"_s);
    QVERIFY2(one.sentCopy.startsWith(u"none"_s), qPrintable(one.sentCopy));
    QCOMPARE(email(second).status, OutgoingStatus::Sent);
    // Nothing left to do: a second run does not even connect.
    auto store = Store::open(m_store);
    QVERIFY(store);
    auto work = OutboxStore(**store).hasWork(m_job->mailbox.id, QDateTime::currentDateTimeUtc());
    QVERIFY(work);
    QVERIFY(!*work);
}

void TestOutboxFakeServer::someRecipientsRefused()
{
    const qint64 id = addEmail(1, {u"bob@fabrikam.test"_s, u"nobody@fabrikam.test"_s});
    m_server->addScenario(kOpen +
                          u"C: MAIL FROM:*\nS: 250 Ok\nC: RCPT TO:<bob@fabrikam.test>\nS: 250 Ok\n"
                          "C: RCPT TO:<nobody@fabrikam.test>\nS: 550 5.1.1 <nobody@fabrikam.test>: Recipient "
                          "address rejected: User unknown\nC: DATA\nS: 354 go\n"_s +
                          body(1) + u"S: 250 2.0.0 Ok: queued\n"_s + kQuit);
    const auto result = run();
    QVERIFY(result);
    QCOMPARE(result->sent, 1);
    const OutgoingEmail sent = email(id);
    QCOMPARE(sent.status, OutgoingStatus::Sent);
    QCOMPARE(sent.refused.size(), 1);
    QCOMPARE(sent.refused.at(0).address, u"nobody@fabrikam.test"_s);
    QVERIFY2(sent.refused.at(0).reply.startsWith(u"550 5.1.1"_s), qPrintable(sent.refused.at(0).reply));
}

void TestOutboxFakeServer::everyRecipientRefusedFailsAtOnce()
{
    const qint64 id = addEmail(1);
    const qint64 next = addEmail(2);
    m_server->addScenario(kOpen +
                          u"C: MAIL FROM:*\nS: 250 Ok\nC: RCPT TO:<bob@fabrikam.test>\n"
                          "S: 550 5.7.1 Relaying denied\nC: RSET\nS: 250 Ok\n"_s +
                          transaction(2) + kQuit);
    const auto result = run();
    QVERIFY(result);
    QVERIFY2(
        !m_server->failures().isEmpty() || result->failed == 1,
        qPrintable(u"failed %1 retrying %2 sent %3"_s.arg(result->failed).arg(result->retrying).arg(result->sent)));
    QCOMPARE(result->failed, 1);
    QCOMPARE(result->sent, 1); // the session went on with the next email
    const OutgoingEmail failed = email(id);
    QCOMPARE(failed.status, OutgoingStatus::Failed);
    QCOMPARE(failed.errorHint, u"smtp-recipient-refused"_s);
    QVERIFY2(failed.errorMessage.contains(u"Relaying denied"_s), qPrintable(failed.errorMessage));
    QCOMPARE(email(next).status, OutgoingStatus::Sent);
}

void TestOutboxFakeServer::transientReplyWaitsWithBackoff()
{
    const qint64 id = addEmail(1);
    m_server->addScenario(kOpen + transaction(1, u"451 4.3.0 Temporary lookup failure"_s) + kQuit);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto result = run();
    QVERIFY(result);
    QCOMPARE(result->retrying, 1);
    const OutgoingEmail waiting = email(id);
    QCOMPARE(waiting.status, OutgoingStatus::PendingSend);
    QCOMPARE(waiting.attempts, 1);
    QCOMPARE(waiting.errorClass, u"ServerNo"_s);
    // The first retry waits 30 s.
    QVERIFY(waiting.nextAttemptAt >= before.addSecs(29));
    QVERIFY(waiting.nextAttemptAt <= QDateTime::currentDateTimeUtc().addSecs(31));
    auto store = Store::open(m_store);
    QVERIFY(store);
    auto work = OutboxStore(**store).hasWork(m_job->mailbox.id, QDateTime::currentDateTimeUtc());
    QVERIFY(work);
    QVERIFY2(!*work, "a waiting email is not due before its time");
}

void TestOutboxFakeServer::messageTooLargeFailsAtOnce()
{
    const qint64 id = addEmail(1);
    m_server->addScenario(kOpen + transaction(1, u"552 5.3.4 Message size exceeds fixed limit"_s) + kQuit);
    const auto result = run();
    QVERIFY(result);
    const OutgoingEmail failed = email(id);
    QCOMPARE(failed.status, OutgoingStatus::Failed);
    QCOMPARE(failed.errorHint, u"smtp-message-too-large"_s);
}

void TestOutboxFakeServer::connectionDroppedAfterData()
{
    const qint64 id = addEmail(1);
    const qint64 next = addEmail(2);
    m_server->addScenario(kOpen +
                          u"C: MAIL FROM:*\nS: 250 Ok\nC: RCPT TO:<bob@fabrikam.test>\nS: 250 Ok\n"
                          "C: DATA\nS: 354 go\n"_s +
                          body(1) + u"X: drop\n"_s);
    const auto result = run();
    QVERIFY(result);
    QVERIFY(result->error);
    QCOMPARE(errorClassName(result->error->errorClass), u"Network"_s);
    const OutgoingEmail interrupted = email(id);
    QCOMPARE(interrupted.status, OutgoingStatus::PendingSend);
    QCOMPARE(interrupted.attempts, 1);
    QVERIFY(interrupted.nextAttemptAt.isValid());
    // The second was never tried: back to pending-send at once, no attempt counted.
    const OutgoingEmail untouched = email(next);
    QCOMPARE(untouched.status, OutgoingStatus::PendingSend);
    QCOMPARE(untouched.attempts, 0);
}

void TestOutboxFakeServer::throttledSessionReleasesTheRest()
{
    const qint64 id = addEmail(1);
    const qint64 next = addEmail(2);
    m_server->addScenario(kOpen + u"C: MAIL FROM:*\nS: 421 4.7.0 Too many messages, slow down\nX: close\n"_s);
    const auto result = run();
    QVERIFY(result);
    const OutgoingEmail throttled = email(id);
    QCOMPARE(throttled.status, OutgoingStatus::PendingSend);
    QCOMPARE(throttled.errorClass, u"Throttled"_s);
    QCOMPARE(throttled.errorHint, u"throttled"_s);
    QCOMPARE(email(next).attempts, 0);
}

void TestOutboxFakeServer::refusedCredentialsFailEveryEmail()
{
    const qint64 id = addEmail(1);
    const qint64 next = addEmail(2);
    m_server->addScenario(u"S: 220 fake.test ESMTP\nC: EHLO *\nS: 250-fake.test\nS: 250 AUTH PLAIN\n"
                          "C: AUTH PLAIN *\nS: 535 5.7.8 Error: authentication failed\nC: QUIT\nS: 221 Bye\n"
                          "X: close\n"_s);
    const auto result = run();
    QVERIFY(result);
    QVERIFY(result->error);
    QCOMPARE(result->error->hintId, u"auth-failed"_s);
    QCOMPARE(email(id).status, OutgoingStatus::Failed);
    QCOMPARE(email(next).status, OutgoingStatus::Failed);
    QCOMPARE(email(next).errorHint, u"auth-failed"_s);
}

void TestOutboxFakeServer::retryWindowEnds()
{
    // The window comes from the configuration's scheduler.send_max_attempts.
    const SchedulerSettings settings = SchedulerSettings().withStored({{u"send_max_attempts"_s, 1}});
    QCOMPARE(SchedulerSettings().tuning.sendMaxAttempts, 10);
    m_job->tuning.sendMaxAttempts = settings.tuning.sendMaxAttempts;
    QCOMPARE(m_job->tuning.sendMaxAttempts, 1);
    const qint64 id = addEmail(1);
    m_server->addScenario(kOpen + transaction(1, u"450 4.2.0 Mailbox busy"_s) + kQuit);
    const auto result = run();
    QVERIFY(result);
    QCOMPARE(result->failed, 1);
    QCOMPARE(email(id).status, OutgoingStatus::Failed);
}

void TestOutboxFakeServer::sweepAlertsEmailNothingTriesToSend()
{
    // The stored profile has no SMTP server (only this test's job has one): no run will ever send the email.
    const qint64 id = addEmail(1);
    QVERIFY(id > 0);
    auto store = Store::open(m_store);
    QVERIFY(store);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto openAlerts = [&] {
        auto alerts = (*store)->alerts(false);
        return alerts ? *alerts : QList<Alert>();
    };
    auto openStuck = [&] {
        int count = 0;
        for (const Alert &alert : openAlerts()) {
            count += alert.kind == u"outgoing-stuck"_s ? 1 : 0;
        }
        return count;
    };
    auto early = OutgoingSweep::run(**store, now.addSecs(5 * 60));
    QVERIFY(early);
    QCOMPARE(early->raised, 0); // not waiting long enough yet
    auto late = OutgoingSweep::run(**store, now.addSecs(20 * 60));
    QVERIFY(late);
    QCOMPARE(late->raised, 1);
    const QList<Alert> alerts = openAlerts();
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts.constFirst().hintId, u"outgoing-stuck"_s);
    QVERIFY2(alerts.constFirst().message.contains(u"SMTP"_s), qPrintable(alerts.constFirst().message));
    QVERIFY2(alerts.constFirst().message.contains(u"20 min"_s), qPrintable(alerts.constFirst().message));
    // Raised once: the next sweeps leave it as it is.
    auto again = OutgoingSweep::run(**store, now.addSecs(21 * 60));
    QVERIFY(again);
    QCOMPARE(again->raised, 0);
    QCOMPARE(openStuck(), 1);
    // Nothing waits any more: it closes.
    auto cancelled = OutboxActions(**store).apply(id, OutboxActions::Action::Cancel, now);
    QVERIFY(cancelled && cancelled->changed);
    auto after = OutgoingSweep::run(**store, now.addSecs(22 * 60));
    QVERIFY(after);
    QCOMPARE(after->closed, 1);
    QCOMPARE(openStuck(), 0);
}

QTEST_GUILESS_MAIN(TestOutboxFakeServer)
#include "tst_outboxfakeserver.moc"
