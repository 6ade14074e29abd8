// The error taxonomy and its data: server answers of IMAP, POP3 and SMTP mapped to class, hint, stage and
// retry delay (tables of raw lines); the hint catalog holds every hint the issue names and every hint the
// code refers to; the SMTP reply parser on good and bad input; the redactor; item failures in the store;
// the diagnostic bundle leaves out passwords, credentials and message contents.

#include "config/passwordsource.h"
#include "diagnostics/diagnosticbundle.h"
#include "diagnostics/hintcatalog.h"
#include "diagnostics/redactor.h"
#include "protocol/imap/imaperrors.h"
#include "protocol/imap/imapresponseparser.h"
#include "protocol/pop3/pop3errors.h"
#include "protocol/pop3/pop3responseparser.h"
#include "protocol/smtp/smtperrors.h"
#include "protocol/smtp/smtpreplyparser.h"
#include "store/diagnosticsstore.h"
#include "store/store.h"
#include "teststore.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace Qt::StringLiterals;

class TestDiagnostics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void imapAnswers_data();
    void imapAnswers();
    void pop3Answers_data();
    void pop3Answers();
    void smtpAnswers_data();
    void smtpAnswers();
    void smtpReplies_data();
    void smtpReplies();
    void smtpBadReplies_data();
    void smtpBadReplies();
    void smtpReplySplitAnywhere();
    void stageNames();
    void catalogHasEveryHintTheIssueNames();
    void everyHintTheCodeNamesIsInTheCatalog();
    void hintsSpeakTheConsolesLanguageInTheConsole();
    void redactor_data();
    void redactor();
    void itemFailuresInTheStore();
    void bundleLeavesOutSecretsAndContents();

private:
    static void addAnswerColumns();
};

void TestDiagnostics::addAnswerColumns()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<ErrorClass>("errorClass");
    QTest::addColumn<QString>("hint");
    QTest::addColumn<ErrorStage>("stage");
    QTest::addColumn<bool>("transient");
    QTest::addColumn<qint64>("retryAfterMs");
}

void TestDiagnostics::imapAnswers_data()
{
    addAnswerColumns();
    QTest::newRow("wrong password, RFC 5530")
        << QByteArray("A1 NO [AUTHENTICATIONFAILED] Authentication failed.") << QByteArray("AUTHENTICATE")
        << ErrorClass::Auth << u"auth-failed"_s << ErrorStage::Login << false << qint64(0);
    QTest::newRow("wrong password, no code")
        << QByteArray("A1 NO LOGIN failed") << QByteArray("LOGIN") << ErrorClass::Auth << u"auth-failed"_s
        << ErrorStage::Login << false << qint64(0);
    QTest::newRow("account locked, code")
        << QByteArray("A1 NO [CONTACTADMIN] Your account is locked") << QByteArray("LOGIN") << ErrorClass::Auth
        << u"account-locked"_s << ErrorStage::Login << false << qint64(0);
    QTest::newRow("account disabled, text")
        << QByteArray("A1 NO Account is disabled") << QByteArray("AUTHENTICATE") << ErrorClass::Auth
        << u"account-locked"_s << ErrorStage::Login << false << qint64(0);
    QTest::newRow("plaintext refused, code")
        << QByteArray("A1 NO [PRIVACYREQUIRED] Connection is not secure") << QByteArray("LOGIN") << ErrorClass::Auth
        << u"login-disabled"_s << ErrorStage::Login << false << qint64(0);
    QTest::newRow("plaintext refused, text")
        << QByteArray("A1 NO Plaintext authentication disabled on non-secure connections") << QByteArray("LOGIN")
        << ErrorClass::Auth << u"login-disabled"_s << ErrorStage::Login << false << qint64(0);
    QTest::newRow("folder missing, code")
        << QByteArray("A1 NO [NONEXISTENT] Mailbox doesn't exist: Foo") << QByteArray("EXAMINE") << ErrorClass::ServerNo
        << u"folder-missing"_s << ErrorStage::Folder << true << qint64(0);
    QTest::newRow("folder missing, status")
        << QByteArray("A1 NO Mailbox doesn't exist: Foo") << QByteArray("STATUS") << ErrorClass::ServerNo
        << u"folder-missing"_s << ErrorStage::Folder << true << qint64(0);
    QTest::newRow("quota") << QByteArray("A1 NO [OVERQUOTA] Quota exceeded") << QByteArray("UID FETCH")
                           << ErrorClass::ServerNo << u"quota-exceeded"_s << ErrorStage::Fetch << true << qint64(0);
    QTest::newRow("bandwidth, Gmail") << QByteArray("* BYE [UNAVAILABLE] Account exceeded command or bandwidth limits")
                                      << QByteArray("UID FETCH") << ErrorClass::Throttled << u"quota-exceeded"_s
                                      << ErrorStage::Fetch << true << qint64(0);
    QTest::newRow("throttled, Exchange") << QByteArray(
                                                "A1 NO Request is throttled. Suggested Backoff Time: 3000 milliseconds")
                                         << QByteArray("UID FETCH") << ErrorClass::Throttled << u"throttled"_s
                                         << ErrorStage::Fetch << true << qint64(3000);
    QTest::newRow("throttled, code") << QByteArray("A1 NO [THROTTLED] slow down, retry in 30 seconds")
                                     << QByteArray("SELECT") << ErrorClass::Throttled << u"throttled"_s
                                     << ErrorStage::Folder << true << qint64(30000);
    QTest::newRow("temporarily unavailable")
        << QByteArray("A1 NO [UNAVAILABLE] Backend down") << QByteArray("SELECT") << ErrorClass::ServerNo
        << u"server-no"_s << ErrorStage::Folder << true << qint64(0);
    QTest::newRow("bad command") << QByteArray("A1 BAD Error in IMAP command") << QByteArray("ENABLE")
                                 << ErrorClass::ServerBad << u"server-bad"_s << ErrorStage::Greeting << false
                                 << qint64(0);
    QTest::newRow("bye") << QByteArray("* BYE Server shutting down.") << QByteArray("UID FETCH") << ErrorClass::Network
                         << u"server-bye"_s << ErrorStage::Fetch << true << qint64(0);
    QTest::newRow("starttls refused") << QByteArray("A1 NO STARTTLS not available") << QByteArray("STARTTLS")
                                      << ErrorClass::ServerNo << u"server-no"_s << ErrorStage::Tls << true << qint64(0);
}

void TestDiagnostics::imapAnswers()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, command);
    QFETCH(ErrorClass, errorClass);
    QFETCH(QString, hint);
    QFETCH(ErrorStage, stage);
    QFETCH(bool, transient);
    QFETCH(qint64, retryAfterMs);
    auto response = Imap::ResponseParser::parseOne(line + "\r\n");
    QVERIFY(response);
    const SyncError error = Imap::errorFromResponse(*response, command);
    QCOMPARE(error.errorClass, errorClass);
    QCOMPARE(error.hintId, hint);
    QCOMPARE(error.stage, stage);
    QCOMPARE(error.transient, transient);
    QCOMPARE(error.retryAfterMs, retryAfterMs);
    QVERIFY(error.detail.contains(QString::fromLatin1(line.mid(line.indexOf(' ') + 1, 10))));
    if (retryAfterMs > 0) {
        QVERIFY2(error.message.contains(u"asks to wait"_s), qPrintable(error.message)); // the delay is shown
    }
}

void TestDiagnostics::pop3Answers_data()
{
    addAnswerColumns();
    QTest::newRow("wrong password") << QByteArray("-ERR [AUTH] Authentication failed.") << QByteArray("PASS")
                                    << ErrorClass::Auth << u"auth-failed"_s << ErrorStage::Login << false << qint64(0);
    QTest::newRow("plaintext refused")
        << QByteArray("-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.")
        << QByteArray("USER") << ErrorClass::Auth << u"login-disabled"_s << ErrorStage::Login << false << qint64(0);
    QTest::newRow("account locked") << QByteArray("-ERR [AUTH] Account locked by the administrator")
                                    << QByteArray("PASS") << ErrorClass::Auth << u"account-locked"_s
                                    << ErrorStage::Login << false << qint64(0);
    QTest::newRow("maildrop in use") << QByteArray("-ERR [IN-USE] Mailbox is locked by another POP3 session")
                                     << QByteArray("PASS") << ErrorClass::ServerNo << u"server-no"_s
                                     << ErrorStage::Login << true << qint64(0);
    QTest::newRow("login delay") << QByteArray("-ERR [LOGIN-DELAY] wait 60 seconds between logins")
                                 << QByteArray("PASS") << ErrorClass::Throttled << u"throttled"_s << ErrorStage::Login
                                 << true << qint64(60000);
    QTest::newRow("temporary") << QByteArray("-ERR [SYS/TEMP] Try again later") << QByteArray("STAT")
                               << ErrorClass::ServerNo << u"server-no"_s << ErrorStage::Folder << true << qint64(0);
    QTest::newRow("retr refused") << QByteArray("-ERR no such message") << QByteArray("RETR") << ErrorClass::ServerNo
                                  << u"server-no"_s << ErrorStage::Fetch << true << qint64(0);
}

void TestDiagnostics::pop3Answers()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, command);
    QFETCH(ErrorClass, errorClass);
    QFETCH(QString, hint);
    QFETCH(ErrorStage, stage);
    QFETCH(bool, transient);
    QFETCH(qint64, retryAfterMs);
    auto response = Pop3::ResponseParser::parseOne(line + "\r\n", false);
    QVERIFY(response);
    const SyncError error = Pop3::errorFromResponse(*response, command);
    QCOMPARE(error.errorClass, errorClass);
    QCOMPARE(error.hintId, hint);
    QCOMPARE(error.stage, stage);
    QCOMPARE(error.transient, transient);
    QCOMPARE(error.retryAfterMs, retryAfterMs);
}

void TestDiagnostics::smtpAnswers_data()
{
    addAnswerColumns();
    QTest::newRow("bad credentials") << QByteArray("535 5.7.8 Authentication credentials invalid") << QByteArray("AUTH")
                                     << ErrorClass::Auth << u"auth-failed"_s << ErrorStage::Send << false << qint64(0);
    QTest::newRow("encryption required") << QByteArray("538 5.7.11 Encryption required for requested authentication")
                                         << QByteArray("AUTH") << ErrorClass::Auth << u"login-disabled"_s
                                         << ErrorStage::Send << false << qint64(0);
    QTest::newRow("starttls first") << QByteArray("530 5.7.0 Must issue a STARTTLS command first") << QByteArray("AUTH")
                                    << ErrorClass::Auth << u"login-disabled"_s << ErrorStage::Send << false
                                    << qint64(0);
    QTest::newRow("temporary auth failure")
        << QByteArray("454 4.7.0 Temporary authentication failure") << QByteArray("AUTH") << ErrorClass::ServerNo
        << u"server-no"_s << ErrorStage::Send << true << qint64(0);
    QTest::newRow("too many connections")
        << QByteArray("421 4.7.0 Too many connections, try again in 60 seconds") << QByteArray("EHLO")
        << ErrorClass::Throttled << u"throttled"_s << ErrorStage::Send << true << qint64(60000);
    QTest::newRow("closing") << QByteArray("421 4.3.2 Service shutting down") << QByteArray("EHLO")
                             << ErrorClass::Network << u"server-bye"_s << ErrorStage::Send << true << qint64(0);
    QTest::newRow("starttls refused") << QByteArray("454 4.7.0 TLS not available due to local problem")
                                      << QByteArray("STARTTLS") << ErrorClass::Tls << u"starttls-not-offered"_s
                                      << ErrorStage::Send << false << qint64(0);
    QTest::newRow("unknown command") << QByteArray("502 5.5.2 Error: command not recognized") << QByteArray("EHLO")
                                     << ErrorClass::ServerBad << u"server-bad"_s << ErrorStage::Send << false
                                     << qint64(0);
}

void TestDiagnostics::smtpAnswers()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, command);
    QFETCH(ErrorClass, errorClass);
    QFETCH(QString, hint);
    QFETCH(ErrorStage, stage);
    QFETCH(bool, transient);
    QFETCH(qint64, retryAfterMs);
    auto replies = Smtp::ReplyParser::parseAll(line + "\r\n");
    QVERIFY(replies);
    QCOMPARE(replies->size(), 1);
    const SyncError error = Smtp::errorFromReply(replies->constFirst(), command);
    QCOMPARE(error.errorClass, errorClass);
    QCOMPARE(error.hintId, hint);
    QCOMPARE(error.stage, stage);
    QCOMPARE(error.transient, transient);
    QCOMPARE(error.retryAfterMs, retryAfterMs);
}

void TestDiagnostics::smtpReplies_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QList<int>>("codes");
    QTest::addColumn<QList<int>>("lineCounts");
    QTest::newRow("greeting") << QByteArray("220 mail.example.test ESMTP ready\r\n") << QList<int>{220}
                              << QList<int>{1};
    QTest::newRow("EHLO") << QByteArray("250-mail.example.test\r\n250-PIPELINING\r\n250-AUTH PLAIN LOGIN\r\n"
                                        "250 STARTTLS\r\n")
                          << QList<int>{250} << QList<int>{4};
    QTest::newRow("bare code") << QByteArray("250\r\n") << QList<int>{250} << QList<int>{1};
    QTest::newRow("LF only") << QByteArray("334 VXNlcm5hbWU6\n235 2.7.0 ok\n") << QList<int>{334, 235}
                             << QList<int>{1, 1};
    QTest::newRow("empty") << QByteArray() << QList<int>{} << QList<int>{};
}

void TestDiagnostics::smtpReplies()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QList<int>, codes);
    QFETCH(QList<int>, lineCounts);
    auto replies = Smtp::ReplyParser::parseAll(bytes);
    QVERIFY2(replies, replies ? "" : qPrintable(replies.error().toString()));
    QCOMPARE(replies->size(), codes.size());
    for (qsizetype i = 0; i < codes.size(); ++i) {
        QCOMPARE(replies->at(i).code, codes.at(i));
        QCOMPARE(replies->at(i).lines.size(), lineCounts.at(i));
    }
    if (!codes.isEmpty() && codes.constFirst() == 250 && lineCounts.constFirst() == 4) {
        QCOMPARE(replies->constFirst().lines.at(2), QByteArray("AUTH PLAIN LOGIN"));
        QCOMPARE(Smtp::dump(replies->constFirst()),
                 QByteArray("250-mail.example.test | 250-PIPELINING | 250-AUTH PLAIN LOGIN | 250 STARTTLS"));
    }
}

void TestDiagnostics::smtpBadReplies_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("not a reply") << QByteArray("* OK IMAP4rev1 ready\r\n");
    QTest::newRow("code out of range") << QByteArray("600 what\r\n");
    QTest::newRow("no separator") << QByteArray("250xyz\r\n");
    QTest::newRow("mixed codes") << QByteArray("250-one\r\n251 two\r\n");
    QTest::newRow("incomplete multi-line") << QByteArray("250-one\r\n");
    QTest::newRow("incomplete line") << QByteArray("250 one");
    QTest::newRow("line too long") << QByteArray("250 ") + QByteArray(70000, 'x') + QByteArray("\r\n");
    QTest::newRow("binary") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n", 13);
}

void TestDiagnostics::smtpBadReplies()
{
    QFETCH(QByteArray, bytes);
    auto replies = Smtp::ReplyParser::parseAll(bytes);
    QVERIFY(!replies);
    QCOMPARE(replies.error().errorClass, ErrorClass::Protocol);
    QCOMPARE(replies.error().hintId, u"protocol-error"_s);
}

void TestDiagnostics::smtpReplySplitAnywhere()
{
    const QByteArray bytes = "250-mail.example.test\r\n250-SIZE 10240000\r\n250 AUTH PLAIN\r\n535 5.7.8 no\r\n";
    for (qsizetype cut = 0; cut <= bytes.size(); ++cut) {
        Smtp::ReplyParser parser;
        QList<Smtp::Reply> replies;
        Smtp::Reply reply;
        for (const QByteArray &piece : {bytes.left(cut), bytes.mid(cut)}) {
            parser.feed(piece);
            while (parser.next(reply) == Smtp::ReplyParser::State::Ready) {
                replies.append(reply);
            }
        }
        QCOMPARE(replies.size(), 2);
        QCOMPARE(replies.at(0).lines.size(), 3);
        QCOMPARE(replies.at(1).code, 535);
    }
}

void TestDiagnostics::stageNames()
{
    for (ErrorStage stage : {ErrorStage::Config, ErrorStage::Dns, ErrorStage::Connect, ErrorStage::Tls,
                             ErrorStage::Greeting, ErrorStage::Login, ErrorStage::Folder, ErrorStage::Fetch,
                             ErrorStage::Parse, ErrorStage::Store, ErrorStage::Permission, ErrorStage::Send}) {
        QVERIFY(!errorStageName(stage).isEmpty());
        QCOMPARE(errorStageFromName(errorStageName(stage)), stage);
    }
    QCOMPARE(errorStageName(ErrorStage::Unknown), QString());
    QCOMPARE(errorStageFromName(u"nonsense"_s), ErrorStage::Unknown);
    // A stage once set is kept: the innermost layer knows best.
    const SyncError dns = SyncError::make(ErrorClass::Network, u"host-not-found"_s, u"x"_s).at(ErrorStage::Dns);
    QCOMPARE(dns.at(ErrorStage::Connect).stage, ErrorStage::Dns);
}

void TestDiagnostics::catalogHasEveryHintTheIssueNames()
{
    const QStringList required{
        u"host-not-found"_s,       u"connection-refused"_s, u"timeout"_s,        u"tls-untrusted"_s,
        u"tls-expired"_s,          u"tls-hostname"_s,       u"tls-version"_s,    u"starttls-not-offered"_s,
        u"auth-failed"_s,          u"login-disabled"_s,     u"account-locked"_s, u"throttled"_s,
        u"folder-missing"_s,       u"uidvalidity-reset"_s,  u"quota-exceeded"_s, u"mailbox-disabled"_s,
        u"profile-outage"_s,       u"store-locked"_s,       u"store-full"_s,     u"store-readonly"_s,
        u"message-parse"_s,        u"items-withheld"_s,     u"message-store"_s,  u"message-too-large"_s,
        u"smtp-auth-unsupported"_s};
    const HintCatalog &catalog = HintCatalog::instance();
    for (const QString &id : required) {
        const Hint hint = catalog.hint(id);
        QVERIFY2(hint.isValid(), qPrintable(id));
        QVERIFY2(!hint.title.isEmpty() && !hint.explanation.isEmpty() && !hint.remedy.isEmpty(), qPrintable(id));
        QVERIFY2(QStringList({u"error"_s, u"warning"_s, u"information"_s}).contains(hint.severity), qPrintable(id));
    }
    QCOMPARE(catalog.hint(u"uidvalidity-reset"_s).severity, u"information"_s);
    // Remedies name the setting to change.
    QVERIFY(catalog.hint(u"tls-untrusted"_s).remedy.join(u' ').contains(u"ca_file"_s));
    QVERIFY(catalog.hint(u"connection-refused"_s).remedy.join(u' ').contains(u"incoming.port"_s));
    QVERIFY(catalog.hint(u"login-disabled"_s).remedy.join(u' ').contains(u"incoming.security"_s));
    QVERIFY(catalog.hint(u"profile-outage"_s).remedy.join(u' ').contains(u"alerts reenable"_s));
    // Malformed catalogs are refused, not half loaded.
    QString error;
    QVERIFY(!HintCatalog::fromJson("{\"hints\": [{\"id\": \"a\"}]}", &error).contains(u"a"_s));
    QVERIFY(!error.isEmpty());
}

void TestDiagnostics::everyHintTheCodeNamesIsInTheCatalog()
{
    // Hint ids in the sources: SyncError::make(ErrorClass::X, u"id"_s, ...), hintId = u"id"_s, [hint: id].
    const QList<QRegularExpression> patterns{
        QRegularExpression(uR"re(SyncError::make\(\s*(?:ErrorClass::\w+|[^,]+),\s*u"([a-z0-9-]+)"_s)re"_s),
        QRegularExpression(uR"re(hint(?:Id)?\s*=\s*u"([a-z0-9-]+)"_s)re"_s),
        QRegularExpression(uR"re(\[hint: ([a-z0-9-]+)\])re"_s),
    };
    QSet<QString> found;
    QDirIterator files(QStringLiteral(SYNCDESK_SOURCE_DIR) + u"/core"_s, {u"*.cpp"_s}, QDir::Files,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        for (const QRegularExpression &pattern : patterns) {
            auto matches = pattern.globalMatch(text);
            while (matches.hasNext()) {
                found.insert(matches.next().captured(1));
            }
        }
    }
    QVERIFY2(found.size() > 30, qPrintable(QString::number(found.size())));
    for (const QString &id : std::as_const(found)) {
        QVERIFY2(HintCatalog::instance().contains(id), qPrintable(u"hint id without a catalog entry: "_s + id));
    }
}

void TestDiagnostics::hintsSpeakTheConsolesLanguageInTheConsole()
{
    // The console names its buttons and menus, not command lines, except where it has no such action and
    // says so; the command line keeps its commands.
    const QSet<QString> commandLineOnly{u"sync-gap"_s, u"store-missing"_s, u"store-not-a-database"_s,
                                        u"store-copy-target"_s};
    int withConsoleSteps = 0;
    for (const Hint &hint : HintCatalog::instance().all()) {
        withConsoleSteps += hint.consoleRemedy.isEmpty() ? 0 : 1;
        const QString console = hint.steps(Hint::Audience::Console).join(u'\n');
        if (commandLineOnly.contains(hint.id)) {
            continue;
        }
        QVERIFY2(!console.contains(u"syncdesk-node "_s) && !console.contains(u"--mailbox"_s),
                 qPrintable(hint.id + u": "_s + console));
        QCOMPARE(hint.steps(Hint::Audience::CommandLine), hint.remedy);
    }
    QVERIFY(withConsoleSteps >= 12);
    // A hint without console steps reads the same everywhere.
    const Hint timeout = HintCatalog::instance().hint(u"timeout"_s);
    QCOMPARE(timeout.steps(Hint::Audience::Console), timeout.remedy);
    QVERIFY(HintCatalog::instance()
                .hint(u"mailbox-disabled"_s)
                .steps(Hint::Audience::Console)
                .join(u' ')
                .contains(u"Test & Enable"_s));
}

void TestDiagnostics::redactor_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("imap login") << u"C: A0001 LOGIN alice hunter2x"_s << u"C: A0001 LOGIN <credentials hidden>"_s;
    QTest::newRow("imap authenticate") << u"C: A0001 AUTHENTICATE PLAIN AGFsaWNlAGh1bnRlcjJ4"_s
                                       << u"C: A0001 AUTHENTICATE <credentials hidden>"_s;
    QTest::newRow("already hidden") << u"C: A0001 AUTHENTICATE <credentials hidden>"_s
                                    << u"C: A0001 AUTHENTICATE <credentials hidden>"_s;
    QTest::newRow("pop3 pass") << u"C: PASS hunter2x"_s << u"C: PASS <credentials hidden>"_s;
    QTest::newRow("smtp auth") << u"C: AUTH PLAIN AGFsaWNlAGh1bnRlcjJ4"_s << u"C: AUTH <credentials hidden>"_s;
    QTest::newRow("key value") << u"connect password=hunter2x host=x"_s
                               << u"connect password=<credentials hidden> host=x"_s;
    QTest::newRow("fetch body") << u"S: * 1 FETCH (UID 1 RFC822.SIZE 150 BODY[] \"From: a\\r\\nDear Bob, the "
                                   "offer...\"...(150 bytes))"_s
                                << u"S: * 1 FETCH (UID 1 RFC822.SIZE 150 BODY[] <message content removed>)"_s;
    QTest::newRow("fetch peek text") << u"S: * 2 FETCH (BODY.PEEK[TEXT] \"secret plans\")"_s
                                     << u"S: * 2 FETCH (BODY.PEEK[TEXT] <message content removed>)"_s;
    QTest::newRow("server auth error kept")
        << u"S: -ERR [AUTH] Authentication failed."_s << u"S: -ERR [AUTH] Authentication failed."_s;
    QTest::newRow("plain text kept") << u"synced: 3 new, 3 fetched in 40 ms"_s
                                     << u"synced: 3 new, 3 fetched in 40 ms"_s;
    QTest::newRow("known secret anywhere")
        << u"weird server echo: hunter2x!"_s << u"weird server echo: <credentials hidden>!"_s;
    QTest::newRow("known secret base64") << u"S: + aHVudGVyMng="_s << u"S: + <credentials hidden>"_s;
}

void TestDiagnostics::redactor()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    Redactor redactor;
    redactor.addSecret(u"hunter2x"_s, u"alice"_s);
    QCOMPARE(redactor.redact(input), expected);
}

void TestDiagnostics::itemFailuresInTheStore()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SYNCDESK_NEW_STORE(storeConfig0, dir.path(), u"items.db"_s);
    auto opened = Store::open(storeConfig0);
    QVERIFY(opened);
    Store &store = **opened;
    ServerProfile profile;
    profile.name = u"P"_s;
    profile.incoming.host = u"h"_s;
    profile.incoming.port = 110;
    const qint64 profileId = *store.upsertProfile(profile);
    Mailbox mailbox;
    mailbox.address = u"pop@example.test"_s;
    mailbox.profileId = profileId;
    mailbox.username = u"pop"_s;
    mailbox.passwordSource = u"env:X"_s;
    const qint64 id = *store.upsertMailbox(mailbox);
    mailbox.address = u"imap@example.test"_s;
    const qint64 imapId = *store.upsertMailbox(mailbox);

    DiagnosticsStore diagnostics(store);
    ItemFailure failure;
    failure.mailboxId = imapId;
    failure.folder = u"INBOX"_s;
    failure.uidValidity = 7;
    failure.uid = 12;
    failure.errorClass = ErrorClass::Parse;
    failure.hintId = u"message-parse"_s;
    failure.stage = ErrorStage::Parse;
    failure.reason = u"not a message"_s;
    QVERIFY(diagnostics.recordItemFailure(failure));
    QVERIFY(diagnostics.recordItemFailure(failure)); // the same message again: one row, two attempts
    auto listed = diagnostics.itemFailures(imapId);
    QVERIFY(listed);
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->constFirst().attempts, 2);
    QCOMPARE(listed->constFirst().stage, ErrorStage::Parse);
    QCOMPARE(listed->constFirst().mailboxAddress, u"imap@example.test"_s);
    QCOMPARE(listed->constFirst().state, u"failed"_s);
    auto none = diagnostics.uidsToRetry(imapId, u"INBOX"_s, 7);
    QVERIFY(none && none->isEmpty()); // not marked yet

    // A POP3 failure, seen so that it is not downloaded again.
    QVERIFY(store.writePop3Batch(id, {{"uidl-1", 1}, {"uidl-2", 2}}, {}));
    ItemFailure pop3 = failure;
    pop3.mailboxId = id;
    pop3.uidValidity = 0;
    pop3.uid = 0;
    pop3.pop3Uidl = u"uidl-2"_s;
    QVERIFY(diagnostics.recordItemFailure(pop3));

    auto marked = diagnostics.retryItemFailures(std::nullopt);
    QVERIFY(marked);
    QCOMPARE(*marked, 2);
    auto uids = diagnostics.uidsToRetry(imapId, u"INBOX"_s, 7);
    QVERIFY(uids);
    QCOMPARE(*uids, QList<quint32>{12});
    auto other = diagnostics.uidsToRetry(imapId, u"INBOX"_s, 8); // another numbering: not that message
    QVERIFY(other && other->isEmpty());
    auto maildrop = store.pop3Maildrop(id);
    QVERIFY(maildrop);
    QVERIFY(maildrop->seenUidls.contains("uidl-1"));
    QVERIFY(!maildrop->seenUidls.contains("uidl-2")); // downloaded again by the next sync

    // Renumbered folder: the old failures go; resolved ones go too.
    QVERIFY(diagnostics.dropStaleItemFailures(imapId, u"INBOX"_s, 8));
    QCOMPARE(*diagnostics.itemFailureCount(imapId), 0);
    QVERIFY(diagnostics.resolveItemFailure(id, u"INBOX"_s, 0, 0, u"uidl-2"_s));
    QCOMPARE(*diagnostics.itemFailureCount(id), 0);
}

void TestDiagnostics::bundleLeavesOutSecretsAndContents()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString password = u"Tr0ub4dor&3-secret"_s;
    const QString passwordFile = dir.filePath(u"bob.password"_s);
    {
        QFile file(passwordFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(password.toUtf8() + '\n');
    }
    SYNCDESK_NEW_STORE(storeConfig1, dir.path(), u"bundle.db"_s);
    auto opened = Store::open(storeConfig1);
    QVERIFY(opened);
    Store &store = **opened;
    ServerProfile profile;
    profile.name = u"Corp"_s;
    profile.incoming.host = u"imap.corp.test"_s;
    profile.incoming.port = 993;
    const qint64 profileId = *store.upsertProfile(profile);
    Mailbox mailbox;
    mailbox.address = u"bob@corp.test"_s;
    mailbox.profileId = profileId;
    mailbox.username = u"bob"_s;
    mailbox.passwordSource = PasswordSource::fromFile(passwordFile).encode();
    const qint64 id = *store.upsertMailbox(mailbox);
    mailbox.address = u"carol@corp.test"_s;
    QVERIFY(store.upsertMailbox(mailbox));

    QByteArray plain;
    plain.append('\0').append("bob").append('\0').append(password.toUtf8());
    const QDateTime at = QDateTime::currentDateTimeUtc();
    const QStringList messages{
        u"C: A0001 LOGIN bob "_s + password,
        u"C: A0001 AUTHENTICATE PLAIN "_s + QString::fromLatin1(plain.toBase64()),
        u"S: * 1 FETCH (UID 1 BODY[] \"Subject: offer\\r\\n\\r\\nCONFIDENTIAL-BODY-TEXT\"...(900 bytes))"_s,
        u"the server echoed "_s + password,
        u"retrying with password="_s + password,
        u"sync failed: Auth: the server rejected the credentials [hint: auth-failed]"_s,
    };
    QList<LogRecord> records;
    for (const QString &message : messages) {
        records.append({0, at, LogLevel::Debug, u"imap"_s, u"bob@corp.test"_s, message});
    }
    records.append({0, at, LogLevel::Info, u"imap"_s, u"carol@corp.test"_s, u"carol's own record"_s});
    QVERIFY(store.appendLog(records));
    ItemFailure failure;
    failure.mailboxId = id;
    failure.folder = u"INBOX"_s;
    failure.uidValidity = 3;
    failure.uid = 9;
    failure.hintId = u"message-parse"_s;
    failure.reason = u"not a message"_s;
    QVERIFY(DiagnosticsStore(store).recordItemFailure(failure));
    Alert alert;
    alert.causeKey = u"mailbox-failing:%1"_s.arg(id);
    alert.kind = u"first-failure"_s;
    alert.severity = u"warning"_s;
    alert.mailboxId = id;
    alert.profileId = profileId;
    alert.hintId = u"auth-failed"_s;
    alert.message = u"bob@corp.test failed"_s;
    alert.raisedAt = at;
    QVERIFY(store.raiseAlert(alert));

    const QString path = dir.filePath(u"bundle.json"_s);
    const Status written = DiagnosticBundle::write(store, u"Bob@Corp.test"_s, path, at);
    QVERIFY2(written, written ? "" : qPrintable(written.error().toString()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
    const QByteArray bytes = file.readAll();
    QVERIFY2(!bytes.contains(password.toUtf8()), "the password is in the bundle");
    QVERIFY(!bytes.contains(plain.toBase64()));
    QVERIFY(!bytes.contains(password.toUtf8().toBase64()));
    QVERIFY2(!bytes.contains("CONFIDENTIAL-BODY-TEXT"), "a message body is in the bundle");
    QVERIFY(!bytes.contains("carol's own record"));
    QVERIFY(!bytes.contains(passwordFile.toUtf8())); // only the kind of password source

    const QJsonObject bundle = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(bundle.value(u"format"_s).toString(), u"syncdesk-diagnostic-bundle"_s);
    QCOMPARE(bundle.value(u"mailbox"_s).toObject().value(u"address"_s).toString(), u"bob@corp.test"_s);
    QCOMPARE(bundle.value(u"mailbox"_s).toObject().value(u"password_source"_s).toString(), u"file"_s);
    QCOMPARE(bundle.value(u"profile"_s).toObject().value(u"incoming"_s).toObject().value(u"host"_s).toString(),
             u"imap.corp.test"_s);
    QCOMPARE(bundle.value(u"item_failures"_s).toArray().size(), 1);
    QCOMPARE(bundle.value(u"alerts"_s).toArray().size(), 1);
    QVERIFY(bundle.value(u"status"_s).isObject());
    const QJsonArray log = bundle.value(u"log"_s).toArray();
    QCOMPARE(log.size(), messages.size());
    QCOMPARE(log.at(0).toObject().value(u"message"_s).toString(), u"C: A0001 LOGIN <credentials hidden>"_s);
    QVERIFY(log.at(2).toObject().value(u"message"_s).toString().contains(u"<message content removed>"_s));
    QCOMPARE(log.at(5).toObject().value(u"message"_s).toString(), messages.at(5)); // the useful rest stays
    QVERIFY(!bundle.value(u"hints"_s).toArray().isEmpty());

    // An unknown mailbox is a clear error, and nothing is written.
    const QString nowhere = dir.filePath(u"none.json"_s);
    const Status unknown = DiagnosticBundle::write(store, u"nobody@corp.test"_s, nowhere, at);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().errorClass, ErrorClass::Config);
    QVERIFY(!QFile::exists(nowhere));
}

QTEST_GUILESS_MAIN(TestDiagnostics)
#include "tst_diagnostics.moc"
