// Scripted conversations with a fake IMAP server, for what a real server will not do on request:
// LOGINDISABLED, broken or missing STARTTLS, throttling replies, BYE during a fetch, a connection that
// drops inside a literal, garbage, silence. Each runs the real ImapMailboxSync over real sockets and
// checks the error class and the hint id the administrator would see. The tracking keyword is off
// (EXAMINE) except in the tests of the keyword write-back, which script the SELECT and UID STORE. And
// UTF8=ACCEPT (RFC 6855), which Dovecot 2.3 does not offer.

#include "fakeserver.h"
#include "store/store.h"
#include "synchelper.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString kGreeting = u"S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN LITERAL+] fake ready\n"_s;
// AUTHENTICATE PLAIN with SASL-IR of "alice" / "secret": one line.
const QString kLogin = u"C: A0001 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==\n"
                       "S: A0001 OK [CAPABILITY IMAP4rev1 LITERAL+] Logged in\n"_s;

QString logout(int tag)
{
    const QString t = u"A%1"_s.arg(tag, 4, 10, QChar(u'0'));
    return u"C: %1 LOGOUT\nS: * BYE bye\nS: %1 OK done\nX: close\n"_s.arg(t);
}

QByteArray message(int uid)
{
    return "From: a@example.test\r\nTo: b@example.test\r\nSubject: message " + QByteArray::number(uid) +
           "\r\nMessage-ID: <fake-" + QByteArray::number(uid) +
           "@example.test>\r\nDate: Mon, 2 Nov 2026 09:00:00 +0000\r\n\r\nHello.\r\n";
}

QString fetchResponse(int sequence, int uid)
{
    const QByteArray body = message(uid);
    return u"S: * %1 FETCH (UID %2 RFC822.SIZE %3 INTERNALDATE \"02-Nov-2026 09:00:00 +0000\" BODY[] {%3}\n"_s
               .arg(sequence)
               .arg(uid)
               .arg(body.size()) +
           u"S+ "_s + QString::fromLatin1(body).replace(u"\r\n"_s, u"\\r\\n"_s) + u"\nS: )\n"_s;
}

// The conversation up to the FETCH of UIDs 1 and 2 in INBOX, for a fresh store.
const QString kUpToFetch = kGreeting + kLogin +
                           u"C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n"
                           "S: * STATUS INBOX (MESSAGES 2 UIDNEXT 3 UIDVALIDITY 7)\n"
                           "S: A0002 OK done\n"
                           "C: A0003 EXAMINE \"INBOX\"\n"
                           "S: * 2 EXISTS\n"
                           "S: * OK [UIDVALIDITY 7] ok\n"
                           "S: * OK [UIDNEXT 3] ok\n"
                           "S: A0003 OK [READ-ONLY] done\n"
                           "C: A0004 UID FETCH 1:* (UID RFC822.SIZE)\n"
                           "S: * 1 FETCH (UID 1 RFC822.SIZE 150)\n"
                           "S: * 2 FETCH (UID 2 RFC822.SIZE 150)\n"
                           "S: A0004 OK done\n"
                           "C: A0005 UID FETCH 1:2 (UID RFC822.SIZE INTERNALDATE BODY.PEEK[])\n"_s;

} // namespace

class TestImapFakeServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void fullConversationStoresMessages();
    void unchangedFolderCostsOneRoundTripAndNoFetch();
    void oneFolderIsCheckedWithStatus();
    void saslLoginWhenOnlyLoginMechanismIsOffered();
    void loginCommandWhenNoMechanismIsOffered();
    void loginDisabledIsHonoured();
    void startTlsNotOffered();
    void startTlsRefused();
    void startTlsAgreedButTlsDoesNotWork();
    void throttledNoCarriesTheServersDelay();
    void throttledByeDuringFetch();
    void byeDuringFetch();
    void connectionDropsInsideLiteral();
    void serverNeverGreets();
    void serverNeverAnswersACommand();
    void tlsHandshakeNeverCompletes();
    void serverNeverAnswersAfterStartTls();
    void garbageFromTheServer();
    void notAnImapServer();
    void literalSplitAcrossWritesIsReassembled();
    void keywordIsWrittenOnTrackedMessages();
    void keywordNotKeptByTheServerIsReported();
    void keywordStoreRefusedIsReported();
    void utf8AcceptIsEnabledBeforeAnyMailboxName();
    void tricklingServerMeetsTheDeadline();

private:
    SyncOutcome run(Security security = Security::None, int commandTimeoutMs = 5000,
                    const QString &password = u"secret"_s, int connectTimeoutMs = 5000);
    void expectError(const SyncOutcome &outcome, ErrorClass errorClass, const QString &hintId);
    void setKeyword(const QString &keyword);
    QString selectUpToStore(const QString &permanentFlags);

    std::unique_ptr<FakeServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    StoreConfig m_store;
    qint64 m_mailboxId = 0;
};

void TestImapFakeServer::initTestCase()
{
    qRegisterMetaType<SyncOutcome>();
}

void TestImapFakeServer::init()
{
    m_server = std::make_unique<FakeServer>();
    QVERIFY(m_server->listen());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = StoreConfig::sqlite(m_dir->filePath(u"store.db"_s));
    setKeyword(QString());
}

void TestImapFakeServer::setKeyword(const QString &keyword)
{
    auto store = Store::open(m_store);
    QVERIFY(store);
    QVERIFY((*store)->setSetting(u"crm"_s, QJsonObject{{u"tracked_keyword"_s, keyword}}));
}

void TestImapFakeServer::cleanup()
{
    m_server.reset();
}

SyncOutcome TestImapFakeServer::run(Security security, int commandTimeoutMs, const QString &password,
                                    int connectTimeoutMs)
{
    Endpoint incoming;
    incoming.protocol = MailProtocol::Imap;
    incoming.host = u"127.0.0.1"_s;
    incoming.port = m_server->port();
    incoming.security = security;
    std::optional<SyncJob> job = SyncHelper::makeJob(m_store, incoming, u"alice"_s, password);
    if (!job) {
        qWarning("cannot create the job");
        return {};
    }
    m_mailboxId = job->mailbox.id;
    job->tuning.connectTimeoutMs = connectTimeoutMs;
    job->tuning.commandTimeoutMs = commandTimeoutMs;
    std::optional<SyncOutcome> outcome = SyncHelper::runJob(m_store, *job, 20000);
    if (!outcome) {
        qWarning("the sync did not finish");
        return {};
    }
    return *outcome;
}

void TestImapFakeServer::expectError(const SyncOutcome &outcome, ErrorClass errorClass, const QString &hintId)
{
    QVERIFY2(outcome.error.has_value(), "the sync should have failed");
    QCOMPARE(errorClassName(outcome.error->errorClass), errorClassName(errorClass));
    QCOMPARE(outcome.error->hintId, hintId);
}

void TestImapFakeServer::fullConversationStoresMessages()
{
    m_server->addScenario(kUpToFetch + fetchResponse(1, 1) + fetchResponse(2, 2) + u"S: A0005 OK done\n"_s + logout(6));
    const SyncOutcome outcome = run();
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.error ? outcome.error->toString() : QString()));
    QCOMPARE(outcome.itemsNew, 2);
    QCOMPARE(outcome.foldersSelected, 1);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    auto store = Store::open(m_store);
    QVERIFY(store);
    auto state = (*store)->folderState(m_mailboxId, u"INBOX"_s);
    QVERIFY(state);
    QCOMPARE(state->uidValidity, 7u);
    QCOMPARE(state->uidNext, 3u);
}

void TestImapFakeServer::unchangedFolderCostsOneRoundTripAndNoFetch()
{
    // Both folders were synced before (INBOX up to UIDNEXT 5, Projects up to 9). After login the client
    // sends ENABLE and one LIST-STATUS for both together, and with nothing new logs out: no SELECT, no
    // FETCH (the script has none, so any would be a mismatch).
    const QString caps = u"IMAP4rev1 SASL-IR AUTH=PLAIN ENABLE CONDSTORE LIST-EXTENDED LIST-STATUS"_s;
    m_server->addScenario(
        u"S: * OK [CAPABILITY %1] ready\n"
        "C: A0001 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==\n"
        "S: A0001 OK [CAPABILITY %1] Logged in\n"
        "C: A0002 ENABLE CONDSTORE\n"
        "C: A0003 LIST \"\" (\"INBOX\" \"Projects\") RETURN (STATUS (MESSAGES UIDNEXT UIDVALIDITY HIGHESTMODSEQ))\n"
        "S: * ENABLED CONDSTORE\n"
        "S: A0002 OK enabled\n"
        "S: * LIST (\\HasNoChildren) \"/\" INBOX\n"
        "S: * STATUS INBOX (MESSAGES 4 UIDNEXT 5 UIDVALIDITY 7 HIGHESTMODSEQ 20)\n"
        "S: * LIST (\\HasNoChildren) \"/\" Projects\n"
        "S: * STATUS Projects (MESSAGES 8 UIDNEXT 9 UIDVALIDITY 3 HIGHESTMODSEQ 41)\n"
        "S: A0003 OK done\n"_s.arg(caps) +
        logout(4));
    Endpoint incoming;
    incoming.host = u"127.0.0.1"_s;
    incoming.port = m_server->port();
    incoming.security = Security::None;
    std::optional<SyncJob> job =
        SyncHelper::makeJob(m_store, incoming, u"alice"_s, u"secret"_s, {u"INBOX"_s, u"Projects"_s});
    QVERIFY(job);
    {
        auto store = Store::open(m_store);
        QVERIFY(store);
        for (const auto &[folder, validity, next] :
             {std::tuple{u"INBOX"_s, 7u, 5u}, std::tuple{u"Projects"_s, 3u, 9u}}) {
            FolderState state;
            state.mailboxId = job->mailbox.id;
            state.folder = folder;
            state.uidValidity = validity;
            state.uidNext = next;
            QVERIFY((*store)->writeBatch(state, {}));
        }
    }
    const std::optional<SyncOutcome> outcome = SyncHelper::runJob(m_store, *job, 20000);
    QVERIFY(outcome);
    QVERIFY2(outcome->succeeded(), qPrintable(outcome->error ? outcome->error->toString() : QString()));
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QCOMPARE(outcome->foldersUnchanged, 2);
    QCOMPARE(outcome->foldersSelected, 0);
    QCOMPARE(outcome->itemsSeen, 0);
    for (const QByteArray &line : m_server->received()) {
        QVERIFY2(!line.contains("FETCH") && !line.contains("SELECT") && !line.contains("EXAMINE"), line.constData());
    }
    // The HIGHESTMODSEQ the server reported is stored per folder.
    auto store = Store::open(m_store);
    QVERIFY(store);
    auto projects = (*store)->folderState(job->mailbox.id, u"Projects"_s);
    QVERIFY(projects);
    QCOMPARE(projects->highestModSeq, 41u);
    QCOMPARE(projects->uidNext, 9u);
}

void TestImapFakeServer::oneFolderIsCheckedWithStatus()
{
    // One folder: a plain STATUS (the server need not list mailboxes); a new message moves UIDNEXT, so
    // the folder is opened and only the new UID fetched.
    const QString caps = u"IMAP4rev1 SASL-IR AUTH=PLAIN LIST-EXTENDED LIST-STATUS"_s;
    m_server->addScenario(u"S: * OK [CAPABILITY %1] ready\n"
                          "C: A0001 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==\n"
                          "S: A0001 OK [CAPABILITY %1] Logged in\n"
                          "C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n"
                          "S: * STATUS INBOX (MESSAGES 3 UIDNEXT 3 UIDVALIDITY 7)\n"
                          "S: A0002 OK done\n"
                          "C: A0003 EXAMINE \"INBOX\"\n"
                          "S: * 3 EXISTS\n"
                          "S: * OK [UIDVALIDITY 7] ok\n"
                          "S: * OK [UIDNEXT 3] ok\n"
                          "S: A0003 OK [READ-ONLY] done\n"
                          "C: A0004 UID FETCH 2:* (UID RFC822.SIZE)\n"
                          "S: * 3 FETCH (UID 2 RFC822.SIZE 150)\n"
                          "S: A0004 OK done\n"
                          "C: A0005 UID FETCH 2 (UID RFC822.SIZE INTERNALDATE BODY.PEEK[])\n"_s.arg(caps) +
                          fetchResponse(3, 2) + u"S: A0005 OK done\n"_s + logout(6));
    Endpoint incoming;
    incoming.host = u"127.0.0.1"_s;
    incoming.port = m_server->port();
    incoming.security = Security::None;
    std::optional<SyncJob> job = SyncHelper::makeJob(m_store, incoming, u"alice"_s, u"secret"_s);
    QVERIFY(job);
    {
        auto store = Store::open(m_store);
        QVERIFY(store);
        FolderState state;
        state.mailboxId = job->mailbox.id;
        state.folder = u"INBOX"_s;
        state.uidValidity = 7;
        state.uidNext = 2;
        QVERIFY((*store)->writeBatch(state, {}));
    }
    const std::optional<SyncOutcome> outcome = SyncHelper::runJob(m_store, *job, 20000);
    QVERIFY(outcome);
    QVERIFY2(outcome->succeeded(), qPrintable(outcome->error ? outcome->error->toString() : QString()));
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QCOMPARE(outcome->foldersSelected, 1);
    QCOMPARE(outcome->itemsNew, 1);
}

void TestImapFakeServer::saslLoginWhenOnlyLoginMechanismIsOffered()
{
    m_server->addScenario(u"S: * OK [CAPABILITY IMAP4rev1 AUTH=LOGIN] ready\n"
                          "C: A0001 AUTHENTICATE LOGIN\n"
                          "S: + VXNlcm5hbWU6\n"
                          "C: YWxpY2U=\n"
                          "S: + UGFzc3dvcmQ6\n"
                          "C: c2VjcmV0\n"
                          "S: A0001 NO [AUTHENTICATIONFAILED] Authentication failed.\n"_s +
                          logout(2));
    const SyncOutcome outcome = run();
    expectError(outcome, ErrorClass::Auth, u"auth-failed"_s);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
}

void TestImapFakeServer::loginCommandWhenNoMechanismIsOffered()
{
    m_server->addScenario(u"S: * OK [CAPABILITY IMAP4rev1 AUTH=GSSAPI] ready\n"
                          "C: A0001 LOGIN alice \"pa ss\"\n"
                          "S: A0001 NO Authentication failed.\n"_s +
                          logout(2));
    const SyncOutcome outcome = run(Security::None, 5000, u"pa ss"_s);
    expectError(outcome, ErrorClass::Auth, u"auth-failed"_s);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
}

void TestImapFakeServer::loginDisabledIsHonoured()
{
    // As Dovecot on a clear-text port: LOGINDISABLED and no mechanism announced.
    m_server->addScenario(u"S: * OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready\n"_s + logout(1));
    const SyncOutcome outcome = run();
    expectError(outcome, ErrorClass::Auth, u"login-disabled"_s);
    for (const QByteArray &line : m_server->received()) {
        QVERIFY2(!line.contains("LOGIN") && !line.contains("AUTHENTICATE"), line.constData()); // never sent
    }
}

void TestImapFakeServer::startTlsNotOffered()
{
    m_server->addScenario(u"S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\n"_s);
    const SyncOutcome outcome = run(Security::StartTls);
    expectError(outcome, ErrorClass::Tls, u"starttls-not-offered"_s);
    QVERIFY(m_server->received().isEmpty()); // not even the password went out in clear text
}

void TestImapFakeServer::startTlsRefused()
{
    m_server->addScenario(u"S: * OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN] ready\n"
                          "C: A0001 STARTTLS\n"
                          "S: A0001 NO TLS is not available\n"_s);
    const SyncOutcome outcome = run(Security::StartTls);
    expectError(outcome, ErrorClass::Tls, u"starttls-not-offered"_s);
}

void TestImapFakeServer::startTlsAgreedButTlsDoesNotWork()
{
    // The server says yes, then answers the TLS ClientHello with plain text.
    m_server->addScenario(u"S: * OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN] ready\n"
                          "C: A0001 STARTTLS\n"
                          "S: A0001 OK Begin TLS negotiation now\n"
                          "X: read\n"
                          "S: * BAD this is not TLS\n"
                          "X: close\n"_s);
    const SyncOutcome outcome = run(Security::StartTls);
    expectError(outcome, ErrorClass::Tls, u"tls-handshake"_s);
    for (const QByteArray &line : m_server->received()) {
        QVERIFY2(!line.contains("AUTHENTICATE"), line.constData());
    }
}

void TestImapFakeServer::throttledNoCarriesTheServersDelay()
{
    m_server->addScenario(
        kGreeting +
        u"C: A0001 AUTHENTICATE PLAIN *\n"
        "S: A0001 NO [UNAVAILABLE] Request is throttled. Suggested Backoff Time: 1500 milliseconds\n"_s +
        logout(2));
    const SyncOutcome outcome = run();
    expectError(outcome, ErrorClass::Throttled, u"throttled"_s);
    QCOMPARE(outcome.error->retryAfterMs, 1500);
}

void TestImapFakeServer::throttledByeDuringFetch()
{
    m_server->addScenario(kUpToFetch + fetchResponse(1, 1) +
                          u"S: * BYE Request is throttled. Suggested Backoff Time: 2 seconds\nX: close\n"_s);
    const SyncOutcome outcome = run();
    expectError(outcome, ErrorClass::Throttled, u"throttled"_s);
    QCOMPARE(outcome.error->retryAfterMs, 2000);
    QCOMPARE(outcome.itemsNew, 0); // the batch was not complete: nothing half written
}

void TestImapFakeServer::byeDuringFetch()
{
    m_server->addScenario(kUpToFetch + fetchResponse(1, 1) + u"S: * BYE Server shutting down\nX: close\n"_s);
    const SyncOutcome outcome = run();
    expectError(outcome, ErrorClass::Network, u"server-bye"_s);
    QCOMPARE(outcome.itemsNew, 0);
    auto store = Store::open(m_store);
    QVERIFY(store);
    auto count = (*store)->activityCount(m_mailboxId);
    QVERIFY(count);
    QCOMPARE(*count, 0);
}

void TestImapFakeServer::connectionDropsInsideLiteral()
{
    m_server->addScenario(kUpToFetch +
                          u"S+ * 1 FETCH (UID 1 RFC822.SIZE 150 BODY[] {150}\\r\\nFrom: a@example.test\\r\\nSubj\n"
                          "X: close\n"_s);
    const SyncOutcome outcome = run();
    expectError(outcome, ErrorClass::Network, u"connection-lost"_s);
    QCOMPARE(outcome.itemsNew, 0);
}

void TestImapFakeServer::serverNeverGreets()
{
    m_server->addScenario(u"# accepts the connection and says nothing\n"_s);
    const SyncOutcome outcome = run(Security::None, 300);
    expectError(outcome, ErrorClass::Timeout, u"timeout"_s);
    QVERIFY(outcome.error->message.contains(u"greeting"_s));
}

void TestImapFakeServer::serverNeverAnswersACommand()
{
    m_server->addScenario(kGreeting + kLogin +
                          u"C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n# and then silence\n"_s);
    const SyncOutcome outcome = run(Security::None, 300);
    expectError(outcome, ErrorClass::Timeout, u"timeout"_s);
    QVERIFY2(outcome.error->message.contains(u"STATUS"_s), qPrintable(outcome.error->message));
}

void TestImapFakeServer::tlsHandshakeNeverCompletes()
{
    // Implicit TLS to a server that accepts the connection and reads the ClientHello, then says nothing.
    m_server->addScenario(u"X: read\n"_s);
    const SyncOutcome outcome = run(Security::Tls, 5000, u"secret"_s, 300);
    expectError(outcome, ErrorClass::Timeout, u"timeout"_s);
    QVERIFY2(outcome.error->message.contains(u"connecting"_s), qPrintable(outcome.error->message));
}

void TestImapFakeServer::serverNeverAnswersAfterStartTls()
{
    m_server->addScenario(u"S: * OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN] ready\n"
                          "C: A0001 STARTTLS\n"
                          "S: A0001 OK Begin TLS negotiation now\n"
                          "X: read\n"_s);
    const SyncOutcome outcome = run(Security::StartTls, 5000, u"secret"_s, 300);
    expectError(outcome, ErrorClass::Timeout, u"timeout"_s);
    QVERIFY2(outcome.error->message.contains(u"TLS"_s), qPrintable(outcome.error->message));
}

void TestImapFakeServer::garbageFromTheServer()
{
    m_server->addScenario(kGreeting + u"C: A0001 AUTHENTICATE PLAIN *\nS: \\x01\\x02\\xff garbage\n"_s);
    const SyncOutcome outcome = run();
    expectError(outcome, ErrorClass::Protocol, u"protocol-error"_s);
}

void TestImapFakeServer::notAnImapServer()
{
    m_server->addScenario(u"S: +OK POP3 server ready\n"_s);
    const SyncOutcome outcome = run();
    expectError(outcome, ErrorClass::Protocol, u"protocol-error"_s);
    QVERIFY(outcome.error->message.contains(u"IMAP port"_s));
}

void TestImapFakeServer::literalSplitAcrossWritesIsReassembled()
{
    // The body literal arrives in three writes, split right after its CR and inside its text.
    const QByteArray body = message(1);
    const QString escaped = QString::fromLatin1(body).replace(u"\r\n"_s, u"\\r\\n"_s);
    const qsizetype cut = escaped.indexOf(u"Subject"_s);
    // Only UID 1 this time.
    m_server = std::make_unique<FakeServer>();
    QVERIFY(m_server->listen());
    QString scenario = kUpToFetch;
    scenario.replace(u"MESSAGES 2 UIDNEXT 3"_s, u"MESSAGES 1 UIDNEXT 2"_s)
        .replace(u"S: * 2 FETCH (UID 2 RFC822.SIZE 150)\n"_s, QString())
        .replace(u"[UIDNEXT 3]"_s, u"[UIDNEXT 2]"_s)
        .replace(u"* 2 EXISTS"_s, u"* 1 EXISTS"_s);
    scenario = scenario.left(scenario.lastIndexOf(u"C: A0005"_s));
    m_server->addScenario(scenario + u"C: A0005 UID FETCH 1 (UID RFC822.SIZE INTERNALDATE BODY.PEEK[])\n"_s +
                          u"S+ * 1 FETCH (UID 1 RFC822.SIZE %1 BODY[] {%1}\\r\n"_s.arg(body.size()) + u"S+ \\n"_s +
                          escaped.left(cut) + u"\n"_s + u"S+ "_s + escaped.mid(cut) + u")\\r\\n\n"_s +
                          u"S: A0005 OK done\n"_s + logout(6));
    const SyncOutcome outcome = run();
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.error ? outcome.error->toString() : QString()));
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QCOMPARE(outcome.itemsNew, 1);
}

QString TestImapFakeServer::selectUpToStore(const QString &permanentFlags)
{
    QString script = kUpToFetch;
    script.replace(u"C: A0003 EXAMINE \"INBOX\"\n"_s, u"C: A0003 SELECT \"INBOX\"\n"_s);
    script.replace(u"S: * OK [UIDNEXT 3] ok\nS: A0003 OK [READ-ONLY] done\n"_s,
                   u"S: * OK [UIDNEXT 3] ok\nS: * OK [PERMANENTFLAGS (%1)] ok\nS: A0003 OK [READ-WRITE] done\n"_s.arg(
                       permanentFlags));
    return script + fetchResponse(1, 1) + fetchResponse(2, 2) + u"S: A0005 OK done\n"_s;
}

void TestImapFakeServer::keywordIsWrittenOnTrackedMessages()
{
    setKeyword(u"$SyncDeskTracked"_s);
    m_server->addScenario(selectUpToStore(u"\\\\Seen \\\\Flagged \\\\*"_s) +
                          u"C: A0006 UID STORE 1:2 +FLAGS.SILENT ($SyncDeskTracked)\n"
                          "S: A0006 OK done\n"_s +
                          logout(7));
    const SyncOutcome outcome = run();
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.error ? outcome.error->toString() : QString()));
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QCOMPARE(outcome.itemsNew, 2);
    QVERIFY(!outcome.keywordRefused);
}

void TestImapFakeServer::keywordNotKeptByTheServerIsReported()
{
    // No \* in PERMANENTFLAGS: the server would drop a new keyword at logout. Nothing is stored, the sync
    // succeeds, and the refusal is reported with its hint.
    setKeyword(u"$SyncDeskTracked"_s);
    m_server->addScenario(selectUpToStore(u"\\\\Seen \\\\Flagged"_s) + logout(6));
    const SyncOutcome outcome = run();
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.error ? outcome.error->toString() : QString()));
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QCOMPARE(outcome.itemsNew, 2);
    QVERIFY(outcome.keywordRefused);
    QVERIFY(outcome.notices.join(u'\n').contains(u"[hint: keyword-refused]"_s));
}

void TestImapFakeServer::keywordStoreRefusedIsReported()
{
    setKeyword(u"$SyncDeskTracked"_s);
    m_server->addScenario(selectUpToStore(u"\\\\Seen \\\\*"_s) +
                          u"C: A0006 UID STORE 1:2 +FLAGS.SILENT ($SyncDeskTracked)\n"
                          "S: A0006 NO [CANNOT] keywords are not supported here\n"_s +
                          logout(7));
    const SyncOutcome outcome = run();
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.error ? outcome.error->toString() : QString()));
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QCOMPARE(outcome.itemsNew, 2);
    QVERIFY(outcome.keywordRefused);
    QVERIFY(outcome.notices.join(u'\n').contains(u"keywords are not supported here"_s));
}

QTEST_GUILESS_MAIN(TestImapFakeServer)
void TestImapFakeServer::utf8AcceptIsEnabledBeforeAnyMailboxName()
{
    // A server offering UTF8=ACCEPT may hand a client that did not enable it a placeholder instead of a
    // message with raw UTF-8 headers. The client enables it, waits for the answer (it decides how mailbox
    // names are written) and then names the folder in UTF-8, not modified UTF-7 ("Entw&APw-rfe"); the
    // message's raw UTF-8 subject is stored as it is.
    const QString caps = u"IMAP4rev1 SASL-IR AUTH=PLAIN ENABLE UTF8=ACCEPT"_s;
    const QByteArray body = "From: =?utf-8?q?J=C3=BCrgen?= <j@example.test>\r\nTo: b@example.test\r\n"
                            "Subject: Gr\xc3\xbc\xc3\x9f"
                            "e aus K\xc3\xb6ln\r\nMessage-ID: <utf8@example.test>\r\n"
                            "Date: Mon, 2 Nov 2026 09:00:00 +0000\r\n\r\nHallo.\r\n";
    m_server->addScenario(
        u"S: * OK [CAPABILITY %1] ready\n"
        "C: A0001 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==\n"
        "S: A0001 OK [CAPABILITY %1] Logged in\n"
        "C: A0002 ENABLE UTF8=ACCEPT\n"
        "S: * ENABLED UTF8=ACCEPT\n"
        "S: A0002 OK enabled\n"
        "C: A0003 STATUS \"Entwürfe\" (MESSAGES UIDNEXT UIDVALIDITY)\n"
        "S: * STATUS \"Entwürfe\" (MESSAGES 1 UIDNEXT 2 UIDVALIDITY 7)\n"
        "S: A0003 OK done\n"
        "C: A0004 EXAMINE \"Entwürfe\"\n"
        "S: * 1 EXISTS\n"
        "S: * OK [UIDVALIDITY 7] ok\n"
        "S: * OK [UIDNEXT 2] ok\n"
        "S: A0004 OK [READ-ONLY] done\n"
        "C: A0005 UID FETCH 1:* (UID RFC822.SIZE)\n"
        "S: * 1 FETCH (UID 1 RFC822.SIZE %2)\n"
        "S: A0005 OK done\n"
        "C: A0006 UID FETCH 1 (UID RFC822.SIZE INTERNALDATE BODY.PEEK[])\n"
        "S: * 1 FETCH (UID 1 RFC822.SIZE %2 INTERNALDATE \"02-Nov-2026 09:00:00 +0000\" BODY[] {%2}\n"_s.arg(caps)
            .arg(body.size()) +
        u"S+ "_s + QString::fromUtf8(body).replace(u"\r\n"_s, u"\\r\\n"_s) + u"\nS: )\nS: A0006 OK done\n"_s +
        logout(7));
    Endpoint incoming;
    incoming.host = u"127.0.0.1"_s;
    incoming.port = m_server->port();
    incoming.security = Security::None;
    std::optional<SyncJob> job = SyncHelper::makeJob(m_store, incoming, u"alice"_s, u"secret"_s, {u"Entwürfe"_s});
    QVERIFY(job);
    const std::optional<SyncOutcome> outcome = SyncHelper::runJob(m_store, *job, 20000);
    QVERIFY(outcome);
    QVERIFY2(m_server->failures().isEmpty(), qPrintable(m_server->failures().join(u'\n')));
    QVERIFY2(outcome->succeeded(), qPrintable(outcome->error ? outcome->error->toString() : QString()));
    QCOMPARE(outcome->itemsNew, 1);
    auto store = Store::open(m_store);
    QVERIFY(store);
    const auto activities = (*store)->recentActivities(job->mailbox.id, 5);
    QVERIFY(activities);
    QCOMPARE(activities->size(), 1);
    QCOMPARE(activities->constFirst().subject, u"Grüße aus Köln"_s);
    auto state = (*store)->folderState(job->mailbox.id, u"Entwürfe"_s);
    QVERIFY(state);
    QCOMPARE(state->uidNext, 2u);
}

void TestImapFakeServer::tricklingServerMeetsTheDeadline()
{
    // After login the server answers STATUS with "* OK" every 200 ms for a minute and never completes it.
    // Untagged noise does not extend the command's deadline (3 s here): the sync ends with Timeout within
    // it, instead of living as long as the server keeps talking.
    QString trickle;
    for (int i = 0; i < 300; ++i) {
        trickle += u"X: wait 200\nS: * OK still working\n"_s;
    }
    m_server->addScenario(kGreeting + kLogin + u"C: A0002 STATUS \"INBOX\" (MESSAGES UIDNEXT UIDVALIDITY)\n"_s +
                          trickle);
    QElapsedTimer elapsed;
    elapsed.start();
    const SyncOutcome outcome = run(Security::None, 3000);
    expectError(outcome, ErrorClass::Timeout, u"timeout"_s);
    QVERIFY2(elapsed.elapsed() < 10000, qPrintable(u"ended after %1 ms"_s.arg(elapsed.elapsed())));
    QVERIFY2(outcome.error->message.contains(u"STATUS"_s), qPrintable(outcome.error->message));
}

#include "tst_imapfakeserver.moc"
