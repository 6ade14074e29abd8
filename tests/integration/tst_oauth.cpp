// OAuth 2.0 against real servers: Dovecot validates every access token itself at the test authorization server's
// introspection endpoint (passdb driver oauth2). Covered: the device login of `syncdesk-node oauth login`, a sync
// with the token, the rotated refresh token surviving a restart, XOAUTH2 and OAUTHBEARER over IMAP, POP3 and SMTP
// submission, a token that expires during a long sync, revocation putting that mailbox alone into "needs
// sign-in" while another keeps syncing, and signing in again.

#include "dovecotserver.h"
#include "mailfactory.h"
#include "noderunner.h"
#include "oauth/mailboxlogin.h"
#include "oauth/oauthhttp.h"
#include "oauth/oauthtokenbroker.h"
#include "oauth/oauthtokenstore.h"
#include "oauthserver.h"
#include "protocol/imap/imapsession.h"
#include "protocol/pop3/pop3session.h"
#include "protocol/smtp/smtpsession.h"
#include "protocol/socketstream.h"
#include "synchelper.h"
#include "testconfig.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString kProfile = u"hosted"_s;

QString address(const QString &user)
{
    return user + u"@contoso.test"_s;
}

} // namespace

class TestOAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void deviceLoginThenSyncAndRestart();
    void everyProtocolAndMechanism_data();
    void everyProtocolAndMechanism();
    void tokenExpiresDuringALongSync();
    void revocationNeedsSignInForThatMailboxOnly();

private:
    NodeRun node(const QStringList &arguments)
    {
        return runNode(QStringLiteral(SYNCDESK_NODE_BINARY), m_db, arguments);
    }
    // `syncdesk-node oauth login ADDRESS`, approving the code it prints as `user`.
    void cliLogin(const QString &user);
    OAuthSettings settings() const;
    QString accessTokenFor(const QString &user);
    void deliver(const QString &user, const QString &subject);
    qint64 stored(const QString &user);

    OAuthServer m_oauth;
    std::unique_ptr<DovecotServer> m_dovecot;
    std::unique_ptr<DovecotServer> m_xoauth2Only;
    QTemporaryDir m_dir;
    QString m_db;
    StoreConfig m_store;
};

void TestOAuth::initTestCase()
{
    if (!DovecotServer::isAvailable()) {
        if (qEnvironmentVariableIsSet("CI")) {
            QFAIL("Dovecot is missing; scripts/test.sh installs it");
        }
        QSKIP("Dovecot is missing; scripts/test.sh installs it");
    }
    QString error;
    QVERIFY2(m_oauth.start(&error), qPrintable(error));
    DovecotServer::Options options;
    options.oauthIntrospectionUrl = m_oauth.introspectionUrl().toString();
    m_dovecot = std::make_unique<DovecotServer>(options);
    DovecotServer::Options xoauth2 = options;
    xoauth2.oauthMechanisms = u"xoauth2"_s;
    m_xoauth2Only = std::make_unique<DovecotServer>(xoauth2);
    for (const QString &user : {u"ana"_s, u"ben"_s, u"carla"_s, u"dora"_s}) {
        // The password exists but is never used: these mailboxes sign in with tokens.
        QVERIFY(m_dovecot->setUser(user, u"unused-password"_s));
        QVERIFY(m_xoauth2Only->setUser(user, u"unused-password"_s));
    }
    QVERIFY2(m_dovecot->start(&error), qPrintable(error));
    QVERIFY2(m_xoauth2Only->start(&error), qPrintable(error));

    m_db = m_dir.filePath(u"oauth.db"_s);
    m_store = StoreConfig::sqlite(m_db);
    TestConfig config(m_dir.path());
    config.addProfile(kProfile, *m_dovecot, u"none"_s);
    config.setProfileKey(kProfile, u"auth"_s, settings().toJson());
    for (const QString &user : {u"ana"_s, u"ben"_s, u"carla"_s, u"dora"_s}) {
        config.addOAuthMailbox(address(user), kProfile, user);
    }
    const NodeRun imported = node({u"config"_s, u"import"_s, config.write()});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err + imported.out));
    // The in-process engine of tokenExpiresDuringALongSync reads the same tokens as the node's commands.
    OAuthTokenBroker::instance().setStore(std::make_shared<OAuthTokenStore>(OAuthTokenStore::defaultDirectory(m_db)));
}

OAuthSettings TestOAuth::settings() const
{
    OAuthSettings settings;
    settings.provider = OAuthSettings::Provider::Generic;
    settings.clientId = u"syncdesk-tests"_s;
    settings.tokenEndpoint = m_oauth.tokenEndpoint();
    settings.deviceAuthorizationEndpoint = m_oauth.deviceEndpoint();
    settings.authorizationEndpoint = m_oauth.authorizationEndpoint();
    settings.scopes = {u"mail"_s, u"offline_access"_s};
    return settings;
}

void TestOAuth::cliLogin(const QString &user)
{
    QProcess process;
    process.setProgram(QStringLiteral(SYNCDESK_NODE_BINARY));
    process.setArguments({u"--db"_s, m_db, u"oauth"_s, u"login"_s, address(user)});
    process.start();
    QVERIFY(process.waitForStarted());
    static const QRegularExpression code(u"code (\\d{4}-\\d{4})"_s);
    QString output;
    QRegularExpressionMatch match;
    QVERIFY(QTest::qWaitFor(
        [&] {
            output += QString::fromUtf8(process.readAllStandardOutput());
            match = code.match(output);
            return match.hasMatch() || process.state() == QProcess::NotRunning;
        },
        20000));
    QVERIFY2(match.hasMatch(), qPrintable(output + QString::fromUtf8(process.readAllStandardError())));
    QVERIFY(output.contains(m_oauth.url(u"/device/verify"_s).toString()));
    QVERIFY(m_oauth.approveDevice(match.captured(1), user));
    QVERIFY(process.waitForFinished(20000));
    output += QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(process.exitCode() == 0, qPrintable(output + QString::fromUtf8(process.readAllStandardError())));
    QVERIFY2(output.contains(u"is signed in"_s), qPrintable(output));
}

QString TestOAuth::accessTokenFor(const QString &user)
{
    // A grant of its own, through the same device flow the CLI uses.
    OAuthHttp http(settings());
    std::optional<Result<OAuthDeviceAuthorization>> device;
    http.requestDeviceCode([&](const Result<OAuthDeviceAuthorization> &answer) { device.emplace(answer); });
    if (!QTest::qWaitFor([&] { return device.has_value(); }, 10000) || !device->ok()) {
        return {};
    }
    m_oauth.approveDevice((*device)->userCode, user);
    std::optional<Result<OAuthTokenResponse>> token;
    http.pollDeviceToken((*device)->deviceCode,
                         [&](const Result<OAuthTokenResponse> &answer) { token.emplace(answer); });
    if (!QTest::qWaitFor([&] { return token.has_value(); }, 10000) || !token->ok()) {
        return {};
    }
    return (*token)->accessToken;
}

void TestOAuth::deliver(const QString &user, const QString &subject)
{
    MailFactory::Message message;
    message.fromAddress = u"customer@fabrikam.test"_s;
    message.to = {address(user)};
    message.subject = subject;
    message.body = u"Hello"_s;
    message.messageId = subject.simplified().replace(u' ', u'.') + u"@fabrikam.test"_s;
    QString error;
    QVERIFY2(m_dovecot->deliver(user, u"INBOX"_s, MailFactory::build(message), &error), qPrintable(error));
}

qint64 TestOAuth::stored(const QString &user)
{
    return SyncHelper::activityCount(m_store, SyncHelper::mailboxId(m_store, address(user)));
}

void TestOAuth::deviceLoginThenSyncAndRestart()
{
    // Before signing in, a sync fails with its own hint and the status says so.
    NodeRun run = node({u"oauth"_s, u"status"_s, address(u"ana"_s), u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8())[u"mailboxes"_s][0][u"state"_s].toString(), u"needs-sign-in"_s);

    cliLogin(u"ana"_s);
    const QString tokenFile = OAuthTokenStore(OAuthTokenStore::defaultDirectory(m_db)).pathOf(address(u"ana"_s));
    QVERIFY(QFile::exists(tokenFile));
    QCOMPARE(QFileInfo(tokenFile).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());
    auto refreshTokenOnDisk = [&] {
        QFile file(tokenFile);
        return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll())[u"refresh_token"_s].toString()
                                              : QString();
    };
    const QString signedIn = refreshTokenOnDisk();
    QVERIFY(!signedIn.isEmpty());
    run = node({u"oauth"_s, u"status"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray rows = QJsonDocument::fromJson(run.out.toUtf8())[u"mailboxes"_s].toArray();
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(0)[u"address"_s].toString(), address(u"ana"_s));
    QCOMPARE(rows.at(0)[u"state"_s].toString(), u"signed-in"_s);
    QVERIFY(!rows.at(0)[u"signed_in_at"_s].toString().isEmpty());

    deliver(u"ana"_s, u"First order"_s);
    run = node({u"sync"_s, u"--once"_s, u"--mailbox"_s, address(u"ana"_s)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    QCOMPARE(stored(u"ana"_s), 1);
    QVERIFY2(QTest::qWaitFor([&] { return m_dovecot->log().contains(u"user=<ana>, method=OAUTHBEARER"_s); }, 5000),
             qPrintable(m_dovecot->log().right(2000)));
    // The provider rotated the refresh token during that run: the new one is on disk, the old one retired.
    const QString rotated = refreshTokenOnDisk();
    QVERIFY(rotated != signedIn);
    QCOMPARE(m_oauth.refreshes(u"ana"_s), 1);

    // A new process (a restart) uses the rotated token.
    deliver(u"ana"_s, u"Second order"_s);
    run = node({u"sync"_s, u"--once"_s, u"--mailbox"_s, address(u"ana"_s)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    QCOMPARE(stored(u"ana"_s), 2);
    QCOMPARE(m_oauth.refreshes(u"ana"_s), 2);
    QCOMPARE(m_oauth.staleRefreshAttempts(), 0);

    // The connection test gets a token and logs in with it.
    run = node({u"test-mailbox"_s, address(u"ana"_s), u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(u"OAUTHBEARER"_s), qPrintable(run.out));
}

void TestOAuth::everyProtocolAndMechanism_data()
{
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<bool>("xoauth2Only");
    QTest::addColumn<bool>("validToken");
    QTest::addColumn<QByteArray>("method");
    for (const QString &protocol : {u"imap"_s, u"pop3"_s, u"smtp"_s}) {
        if (protocol == u"smtp"_s && !DovecotServer::hasSubmission()) {
            continue;
        }
        // POP3 sessions do not report their method; Dovecot's log says which one it was.
        const QByteArray prefix = protocol == u"imap"_s ? "AUTHENTICATE " : "AUTH ";
        const bool reported = protocol != u"pop3"_s;
        QTest::addRow("%s oauthbearer", qPrintable(protocol))
            << protocol << false << true << (reported ? prefix + "OAUTHBEARER" : QByteArray());
        QTest::addRow("%s xoauth2", qPrintable(protocol))
            << protocol << true << true << (reported ? prefix + "XOAUTH2" : QByteArray());
        QTest::addRow("%s refused", qPrintable(protocol)) << protocol << false << false << QByteArray();
    }
}

void TestOAuth::everyProtocolAndMechanism()
{
    QFETCH(QString, protocol);
    QFETCH(bool, xoauth2Only);
    QFETCH(bool, validToken);
    QFETCH(QByteArray, method);
    const DovecotServer &server = xoauth2Only ? *m_xoauth2Only : *m_dovecot;
    LoginCredentials credentials;
    credentials.kind = LoginCredentials::Kind::Bearer;
    credentials.username = u"ben"_s;
    credentials.secret = validToken ? accessTokenFor(u"ben"_s) : u"at-forged"_s;
    QVERIFY(!credentials.secret.isEmpty());
    credentials.host = server.host();
    std::optional<Status> result;
    QByteArray used;
    std::function<void()> close;
    std::unique_ptr<QObject> session;
    if (protocol == u"imap"_s) {
        auto imap = std::make_unique<Imap::Session>(SocketStream::factory()(TlsSettings{}), Imap::SessionOptions{});
        Imap::Session *raw = imap.get();
        credentials.port = server.imapPort();
        raw->open(server.host(), server.imapPort(), Security::None, [&, raw](Status opened) {
            QVERIFY(opened.ok());
            raw->login(credentials, [&, raw](Status status) {
                used = raw->authenticationMethod();
                result = status;
            });
        });
        session = std::move(imap);
    } else if (protocol == u"pop3"_s) {
        auto pop3 = std::make_unique<Pop3::Session>(SocketStream::factory()(TlsSettings{}), Pop3::SessionOptions{});
        Pop3::Session *raw = pop3.get();
        credentials.port = server.pop3Port();
        raw->open(server.host(), server.pop3Port(), Security::None, [&, raw](Status opened) {
            QVERIFY(opened.ok());
            raw->login(credentials, [&](Status status) { result = status; });
        });
        session = std::move(pop3);
    } else {
        TlsSettings tls;
        tls.caFile = server.caFile();
        auto smtp = std::make_unique<Smtp::Session>(SocketStream::factory()(tls), Smtp::SessionOptions{});
        Smtp::Session *raw = smtp.get();
        credentials.port = server.submissionPort();
        raw->open(server.host(), server.submissionPort(), Security::StartTls, [&, raw](Status opened) {
            QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().toString()));
            raw->login(credentials, [&, raw](Status status) {
                used = raw->authenticationMethod();
                result = status;
            });
        });
        session = std::move(smtp);
    }
    QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 20000));
    if (!validToken) {
        QVERIFY(!result->ok());
        QCOMPARE(result->error().errorClass, ErrorClass::Auth);
        QCOMPARE(result->error().hintId, u"oauth-token-refused"_s);
        return;
    }
    QVERIFY2(result->ok(), result->ok() ? "" : qPrintable(result->error().toString()));
    if (!method.isEmpty()) {
        QCOMPARE(used, method);
    }
    const QString mechanism = QString::fromLatin1(xoauth2Only ? "XOAUTH2" : "OAUTHBEARER");
    // Dovecot writes its log line a moment after answering.
    QVERIFY2(QTest::qWaitFor([&] { return server.log().contains(u"user=<ben>, method=%1"_s.arg(mechanism)); }, 5000),
             qPrintable(server.log().right(1500)));
}

void TestOAuth::tokenExpiresDuringALongSync()
{
    cliLogin(u"dora"_s);
    QString error;
    const int count = 3000;
    QVERIFY2(m_dovecot->bulkDeliver(
                 u"dora"_s, count,
                 [](int i) {
                     MailFactory::Message message;
                     message.fromAddress = u"load@fabrikam.test"_s;
                     message.to = {u"dora@contoso.test"_s};
                     message.subject = u"Load %1"_s.arg(i);
                     message.body = QString(u'x').repeated(2000);
                     message.messageId = u"load-%1@fabrikam.test"_s.arg(i);
                     return MailFactory::build(message);
                 },
                 &error),
             qPrintable(error));
    const int refreshesBefore = m_oauth.refreshes(u"dora"_s);
    // As soon as Dovecot has checked the token of the login, the provider lets it expire: the rest of the sync
    // runs on a session whose token is no longer valid, as a long sync does when its hour is up.
    const int introspectionsBefore = m_oauth.introspections();
    bool expired = false;
    QTimer watch;
    connect(&watch, &QTimer::timeout, this, [&] {
        if (!expired && m_oauth.introspections() > introspectionsBefore) {
            m_oauth.expireAccessTokensOf(u"dora"_s);
            expired = true;
        }
    });
    watch.start(1);
    QList<SyncOutcome> outcomes = SyncHelper::syncOnce(m_store, {address(u"dora"_s)}, 120000);
    watch.stop();
    QVERIFY(expired);
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(!outcomes.constFirst().error,
             outcomes.constFirst().error ? qPrintable(outcomes.constFirst().error->toString()) : "");
    QCOMPARE(stored(u"dora"_s), count);
    QCOMPARE(m_oauth.refreshes(u"dora"_s), refreshesBefore + 1);
    // The next run's cached token is refused at login: the engine gets a fresh one and logs in with it.
    deliver(u"dora"_s, u"After the long sync"_s);
    outcomes = SyncHelper::syncOnce(m_store, {address(u"dora"_s)}, 60000);
    QCOMPARE(outcomes.size(), 1);
    QVERIFY2(!outcomes.constFirst().error,
             outcomes.constFirst().error ? qPrintable(outcomes.constFirst().error->toString()) : "");
    QCOMPARE(stored(u"dora"_s), count + 1);
    QCOMPARE(m_oauth.refreshes(u"dora"_s), refreshesBefore + 2);
}

void TestOAuth::revocationNeedsSignInForThatMailboxOnly()
{
    cliLogin(u"ben"_s);
    cliLogin(u"carla"_s);
    m_oauth.revokeUser(u"carla"_s);
    deliver(u"ben"_s, u"For Ben"_s);
    deliver(u"carla"_s, u"For Carla"_s);
    const qint64 benBefore = stored(u"ben"_s);
    NodeRun run =
        node({u"sync"_s, u"--once"_s, u"--mailbox"_s, address(u"ben"_s), u"--mailbox"_s, address(u"carla"_s)});
    QCOMPARE(run.exitCode, 1); // one mailbox failed
    QVERIFY2(QString(run.out + run.err).contains(u"sign in again"_s), qPrintable(run.out + run.err));
    QCOMPARE(stored(u"ben"_s), benBefore + 1);
    QCOMPARE(stored(u"carla"_s), 0);

    run = node({u"status"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray statuses = QJsonDocument::fromJson(run.out.toUtf8()).array();
    bool carlaSeen = false;
    for (const QJsonValue &status : statuses) {
        const QString who = status[u"address"_s].toString();
        if (who == address(u"carla"_s)) {
            carlaSeen = true;
            QCOMPARE(status[u"last_error"_s][u"hint_id"_s].toString(), u"oauth-needs-sign-in"_s);
            QCOMPARE(status[u"enabled"_s].toBool(), false);
        } else if (who == address(u"ben"_s)) {
            QVERIFY(status[u"last_error"_s].isNull() || status[u"last_error"_s].toObject().isEmpty());
        }
    }
    QVERIFY(carlaSeen);
    run = node({u"oauth"_s, u"status"_s, address(u"carla"_s), u"--json"_s});
    const QJsonObject carla = QJsonDocument::fromJson(run.out.toUtf8())[u"mailboxes"_s][0].toObject();
    QCOMPARE(carla[u"state"_s].toString(), u"needs-sign-in"_s);
    QVERIFY2(carla[u"problem"_s].toString().contains(u"invalid_grant"_s), qPrintable(run.out));

    // Signing in again enables it, and it syncs.
    cliLogin(u"carla"_s);
    run = node({u"sync"_s, u"--once"_s, u"--mailbox"_s, address(u"carla"_s)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    QCOMPARE(stored(u"carla"_s), 1);
}

QTEST_GUILESS_MAIN(TestOAuth)
#include "tst_oauth.moc"
