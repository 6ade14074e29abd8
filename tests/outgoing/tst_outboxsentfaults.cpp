// The outbox's Sent folder when IMAP fails: scripted SMTP and IMAP servers for what a real server will not do on
// request (a search refused or cut off, a connection dropped inside APPEND). Not being able to look in Sent is
// not "not in Sent": an interrupted email is not sent a second time on that ground, and a copy that could not
// be appended because the connection failed is appended by a later run.

#include "fakeserver.h"
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

const QString kImapOpen = u"S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN LITERAL+] fake ready\n"
                          "C: A0001 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==\n"
                          "S: A0001 OK [CAPABILITY IMAP4rev1 LITERAL+] Logged in\n"
                          "C: A0002 EXAMINE \"Sent\"\n"
                          "S: * 3 EXISTS\nS: * OK [UIDVALIDITY 77] ok\nS: * OK [UIDNEXT 9] ok\n"
                          "S: A0002 OK [READ-ONLY] done\n"_s;
const QString kSmtpOpen = u"S: 220 fake.test ESMTP\nC: EHLO *\nS: 250-fake.test\nS: 250-AUTH PLAIN\n"
                          "S: 250 SIZE 10000000\nC: AUTH PLAIN *\nS: 235 2.7.0 Authentication successful\n"_s;

QString logout(const QString &tag)
{
    return u"C: %1 LOGOUT\nS: * BYE bye\nS: %1 OK done\nX: close\n"_s.arg(tag);
}

// The message's seven lines as APPEND's literal carries them, and the command's own CRLF after it.
const QString kLiteral = u"C: *\nC: *\nC: *\nC: *\nC: *\nC: *\nC: *\nC: *\n"_s;
// One email sent over SMTP: its seven lines (dot-stuffed) and the end of DATA, then QUIT.
const QString kSmtpSendOne = kSmtpOpen + u"C: MAIL FROM:*\nS: 250 ok\nC: RCPT TO:*\nS: 250 ok\nC: DATA\nS: 354 go\n"_s +
                             kLiteral.left(kLiteral.size() - 5) +
                             u"C: .\nS: 250 2.0.0 queued\nC: QUIT\nS: 221 bye\nX: close\n"_s;

} // namespace

class TestOutboxSentFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void searchCutOffKeepsTheInterruptedEmail();
    void searchRefusedFollowsTheRule();
    void searchCutOffForAnHourFollowsTheRule();
    void appendCutOffIsAppendedLater();

private:
    qint64 addEmail(int n);
    // Claimed for sending at `at`, as a run that stopped after DATA leaves it.
    void interrupt(qint64 id, const QDateTime &at = QDateTime::currentDateTimeUtc());
    OutgoingEmail email(qint64 id);
    std::optional<OutboxResult> run();

    std::unique_ptr<FakeServer> m_imap;
    std::unique_ptr<FakeServer> m_smtp;
    std::unique_ptr<QTemporaryDir> m_dir;
    StoreConfig m_store;
    std::optional<SyncJob> m_job;
};

void TestOutboxSentFaults::init()
{
    m_imap = std::make_unique<FakeServer>();
    m_smtp = std::make_unique<FakeServer>();
    QVERIFY(m_imap->listen() && m_smtp->listen());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    SYNCDESK_NEW_STORE(store, m_dir->path(), u"store.db"_s);
    m_store = store;
    Endpoint incoming;
    incoming.protocol = MailProtocol::Imap;
    incoming.host = u"127.0.0.1"_s;
    incoming.port = m_imap->port();
    incoming.security = Security::None;
    m_job = SyncHelper::makeJob(m_store, incoming, u"alice"_s, u"secret"_s);
    QVERIFY(m_job);
    Endpoint outgoing;
    outgoing.protocol = MailProtocol::Smtp;
    outgoing.host = u"127.0.0.1"_s;
    outgoing.port = m_smtp->port();
    outgoing.security = Security::None;
    m_job->profile.outgoing = outgoing;
    m_job->profile.sentFolder = u"Sent"_s;
    m_job->tuning.connectTimeoutMs = 5000;
    m_job->tuning.commandTimeoutMs = 5000;
}

qint64 TestOutboxSentFaults::addEmail(int n)
{
    auto store = Store::open(m_store);
    if (!store) {
        return 0;
    }
    OutgoingEmail email;
    email.status = OutgoingStatus::PendingSend;
    email.activity.mailboxId = m_job->mailbox.id;
    email.activity.subject = u"test %1"_s.arg(n);
    email.activity.to.append({QString(), u"bob@fabrikam.test"_s});
    auto id = OutboxStore(**store).create(email, [n](OutgoingEmail &made) -> Result<QByteArray> {
        made.activity.messageId = u"m%1@example.test"_s.arg(n);
        return QByteArray("From: alice@example.test\r\nTo: bob@fabrikam.test\r\nSubject: test " +
                          QByteArray::number(n) + "\r\nMessage-ID: <m" + QByteArray::number(n) +
                          "@example.test>\r\n\r\nHello " + QByteArray::number(n) + ".\r\n.dot line\r\n");
    });
    return id ? *id : 0;
}

void TestOutboxSentFaults::interrupt(qint64 id, const QDateTime &at)
{
    auto store = Store::open(m_store);
    QVERIFY(store);
    auto found = OutboxStore(**store).email(id);
    QVERIFY(found && found->has_value());
    OutgoingEmail email = **found;
    auto claimed = OutboxStore(**store).claim(email, at);
    QVERIFY(claimed && *claimed);
}

OutgoingEmail TestOutboxSentFaults::email(qint64 id)
{
    auto store = Store::open(m_store);
    if (!store) {
        return {};
    }
    auto found = OutboxStore(**store).email(id);
    return found && found->has_value() ? **found : OutgoingEmail{};
}

std::optional<OutboxResult> TestOutboxSentFaults::run()
{
    auto result = SyncHelper::runOutbox(m_store, *m_job, 20000);
    for (const QString &failure : m_imap->failures() + m_smtp->failures()) {
        qWarning("script: %s", qPrintable(failure));
    }
    return result;
}

// The connection drops during the search for an interrupted email: whether it is in Sent is unknown, so it is
// not sent again; the next run looks again and finds it.
void TestOutboxSentFaults::searchCutOffKeepsTheInterruptedEmail()
{
    const qint64 id = addEmail(1);
    QVERIFY(id);
    interrupt(id);
    m_imap->addScenario(kImapOpen + u"C: A0003 UID SEARCH *\nX: drop\n"_s);
    const auto cut = run();
    QVERIFY(cut);
    QCOMPARE(cut->resent, 0);
    QCOMPARE(m_smtp->connectionCount(), 0); // nothing was sent
    QCOMPARE(email(id).status, OutgoingStatus::Sending);
    QCOMPARE(email(id).interruptions, 0);
    QVERIFY2(cut->notices.join(u' ').contains(u"Sent"_s), qPrintable(cut->notices.join(u'\n')));

    m_imap->addScenario(kImapOpen + u"C: A0003 UID SEARCH *\nS: * SEARCH 8\nS: A0003 OK done\n"_s + logout(u"A0004"_s));
    const auto found = run();
    QVERIFY(found);
    QCOMPARE(found->recovered, 1);
    QCOMPARE(found->resent, 0);
    QCOMPARE(m_smtp->connectionCount(), 0);
    QCOMPARE(email(id).status, OutgoingStatus::Sent);
    QVERIFY(m_imap->failures().isEmpty());
}

// The server answers the search with NO: it will not say, and asking again will not change that. The documented
// rule applies (not found in Sent: sent again, and counted as an interruption).
void TestOutboxSentFaults::searchRefusedFollowsTheRule()
{
    const qint64 id = addEmail(2);
    QVERIFY(id);
    interrupt(id);
    m_imap->addScenario(kImapOpen + u"C: A0003 UID SEARCH *\nS: A0003 NO [CANNOT] search not supported here\n"_s +
                        u"C: A0004 UID SEARCH *\nS: A0004 NO [CANNOT] search not supported here\n"_s +
                        u"C: A0005 APPEND \"Sent\" *\n"_s + kLiteral + u"S: A0005 OK [APPENDUID 77 9] done\n"_s +
                        logout(u"A0006"_s));
    m_smtp->addScenario(kSmtpSendOne);
    const auto result = run();
    QVERIFY(result);
    QCOMPARE(result->resent, 1);
    QCOMPARE(result->sent, 1);
    QCOMPARE(email(id).status, OutgoingStatus::Sent);
    QCOMPARE(email(id).interruptions, 1);
    QVERIFY(m_imap->failures().isEmpty() && m_smtp->failures().isEmpty());
}

// Sent has not been searchable for over an hour since the email was interrupted: it is not left undelivered for
// ever; the rule applies (sent again). Its copy waits, the session being gone.
void TestOutboxSentFaults::searchCutOffForAnHourFollowsTheRule()
{
    const qint64 id = addEmail(4);
    QVERIFY(id);
    interrupt(id, QDateTime::currentDateTimeUtc().addSecs(-2 * 3600));
    m_imap->addScenario(kImapOpen + u"C: A0003 UID SEARCH *\nX: drop\n"_s);
    m_smtp->addScenario(kSmtpSendOne);
    const auto result = run();
    QVERIFY(result);
    QCOMPARE(result->resent, 1);
    QCOMPARE(result->sent, 1);
    QCOMPARE(email(id).status, OutgoingStatus::Sent);
    QCOMPARE(email(id).interruptions, 1);
    QCOMPARE(email(id).sentCopy, QString()); // still to be made
    QVERIFY(m_smtp->failures().isEmpty());
}

// The connection drops inside APPEND: the email stays sent, and its copy is not given up; the next run appends it.
void TestOutboxSentFaults::appendCutOffIsAppendedLater()
{
    const qint64 id = addEmail(3);
    QVERIFY(id);
    m_smtp->addScenario(kSmtpSendOne);
    m_imap->addScenario(kImapOpen + u"C: A0003 UID SEARCH *\nS: * SEARCH\nS: A0003 OK done\n"_s +
                        u"C: A0004 APPEND \"Sent\" *\nX: drop\n"_s);
    const auto first = run();
    QVERIFY(first);
    QCOMPARE(first->sent, 1);
    QCOMPARE(first->copies, 0);
    QCOMPARE(email(id).status, OutgoingStatus::Sent);
    QVERIFY2(!email(id).sentCopy.startsWith(u"failed"_s), qPrintable(email(id).sentCopy));

    auto store = Store::open(m_store);
    QVERIFY(store);
    auto work = OutboxStore(**store).hasWork(m_job->mailbox.id, QDateTime::currentDateTimeUtc());
    QVERIFY(work && *work); // the copy is still to be made
    m_imap->addScenario(kImapOpen + u"C: A0003 UID SEARCH *\nS: * SEARCH\nS: A0003 OK done\n"_s +
                        u"C: A0004 APPEND \"Sent\" *\n"_s + kLiteral + u"S: A0004 OK [APPENDUID 77 9] done\n"_s +
                        logout(u"A0005"_s));
    const auto second = run();
    QVERIFY(second);
    QCOMPARE(second->copies, 1);
    QCOMPARE(email(id).sentCopy, u"appended"_s);
    QCOMPARE(m_smtp->connectionCount(), 1); // sent once
    QVERIFY(m_imap->failures().isEmpty() && m_smtp->failures().isEmpty());
}

QTEST_GUILESS_MAIN(TestOutboxSentFaults)
#include "tst_outboxsentfaults.moc"
