// OAuth 2.0 tokens without a mail server: the broker against the test authorization server (one refresh for
// many sessions, the cache and its expiry, rotation written to disk before the token is used, a refused
// refresh token marks that mailbox alone, a stalled provider for one mailbox delays no other, a 503 is
// transient), the token store (0600, atomic, damaged files), the SASL messages and the "auth" configuration.

#include "config/configparser.h"
#include "oauth/oauthhttp.h"
#include "oauth/oauthtokenbroker.h"
#include "oauth/oauthtokenstore.h"
#include "oauthserver.h"
#include "protocol/logincredentials.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestOAuthTokens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cachedTokenServesManySessionsWithOneRefresh();
    void expiredTokenIsRefreshedAndRotationIsOnDiskFirst();
    void refusedRefreshTokenNeedsSignInForThatMailboxOnly();
    void stalledProviderForOneMailboxDelaysNoOther();
    void unavailableProviderIsTransient();
    void unwritableStoreWithholdsTheNewToken();
    void tokenFilesArePrivateAndDamageIsClear();
    void saslMessages();
    void authConfiguration_data();
    void authConfiguration();
    void providerDefaults();

private:
    // Signs `user` in as the device grant would and keeps the refresh token for `address`.
    void signIn(const QString &address, const QString &user);
    Result<OAuthAccessToken> token(const QString &address, bool force = false, int timeoutMs = 10000);
    OAuthSettings settings() const;

    OAuthServer m_server;
    QTemporaryDir m_dir;
    std::shared_ptr<OAuthTokenStore> m_store;
    int m_run = 0;
};

void TestOAuthTokens::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
}

void TestOAuthTokens::init()
{
    // A fresh folder, and fresh addresses (the broker is per process and keeps its cache between tests).
    ++m_run;
    m_store = std::make_shared<OAuthTokenStore>(m_dir.filePath(u"tokens-%1"_s.arg(m_run)));
    OAuthTokenBroker::instance().setStore(m_store);
    OAuthTokenBroker::instance().setRefreshMarginSeconds(60);
    OAuthTokenBroker::instance().setRequestTimeoutMs(30000);
    m_server.setAccessTokenLifetime(3600);
    m_server.setTokenEndpointFailure(0);
    m_server.setStalledUser({});
}

OAuthSettings TestOAuthTokens::settings() const
{
    OAuthSettings settings;
    settings.clientId = u"syncdesk-tests"_s;
    settings.tokenEndpoint = m_server.tokenEndpoint();
    settings.deviceAuthorizationEndpoint = m_server.deviceEndpoint();
    settings.scopes = {u"mail"_s, u"offline_access"_s};
    return settings;
}

void TestOAuthTokens::signIn(const QString &address, const QString &user)
{
    OAuthHttp http(settings());
    std::optional<Result<OAuthDeviceAuthorization>> device;
    http.requestDeviceCode([&](const Result<OAuthDeviceAuthorization> &answer) { device.emplace(answer); });
    QTRY_VERIFY_WITH_TIMEOUT(device.has_value(), 10000);
    QVERIFY2(device->ok(), device->ok() ? "" : qPrintable(device->error().toString()));
    QVERIFY(m_server.approveDevice((*device)->userCode, user));
    std::optional<Result<OAuthTokenResponse>> token;
    http.pollDeviceToken((*device)->deviceCode,
                         [&](const Result<OAuthTokenResponse> &answer) { token.emplace(answer); });
    QTRY_VERIFY_WITH_TIMEOUT(token.has_value(), 10000);
    QVERIFY2(token->ok(), token->ok() ? "" : qPrintable(token->error().toString()));
    OAuthTokenRecord record;
    record.address = address;
    record.refreshToken = (*token)->refreshToken;
    record.signedInAt = QDateTime::currentDateTimeUtc();
    QVERIFY(m_store->save(record));
}

Result<OAuthAccessToken> TestOAuthTokens::token(const QString &address, bool force, int timeoutMs)
{
    std::optional<Result<OAuthAccessToken>> result;
    OAuthTokenBroker::instance().accessToken(
        address, settings(), this, [&](const Result<OAuthAccessToken> &answer) { result.emplace(answer); }, force);
    QElapsedTimer clock;
    clock.start();
    while (!result && clock.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    if (!result) {
        return SyncError::make(ErrorClass::Timeout, u"timeout"_s, u"no answer from the broker"_s);
    }
    return *result;
}

void TestOAuthTokens::cachedTokenServesManySessionsWithOneRefresh()
{
    const QString address = u"ana-%1@example.test"_s.arg(m_run);
    signIn(address, u"ana"_s);
    const int before = m_server.refreshes(u"ana"_s);
    // Five sessions ask at once: one refresh serves them all.
    QList<std::optional<Result<OAuthAccessToken>>> answers(5);
    for (int i = 0; i < 5; ++i) {
        OAuthTokenBroker::instance().accessToken(
            address, settings(), this,
            [&answers, i](const Result<OAuthAccessToken> &answer) { answers[i].emplace(answer); });
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(answers.cbegin(), answers.cend(), [](const auto &a) { return a.has_value(); }),
                             10000);
    for (const auto &answer : std::as_const(answers)) {
        QVERIFY(answer->ok());
        QCOMPARE((*answer)->token, (*answers.constFirst())->token);
    }
    QCOMPARE(m_server.refreshes(u"ana"_s), before + 1);
    // Later asks come from the cache.
    const auto cached = token(address);
    QVERIFY(cached.ok());
    QVERIFY(!cached->refreshed);
    QCOMPARE(cached->token, (*answers.constFirst())->token);
    QCOMPARE(m_server.refreshes(u"ana"_s), before + 1);
    QCOMPARE(OAuthTokenBroker::instance().refreshCount(address), 1);
    // A context destroyed before the answer: nothing runs, nothing crashes.
    bool called = false;
    {
        QObject gone;
        OAuthTokenBroker::instance().accessToken(
            address, settings(), &gone, [&called](const Result<OAuthAccessToken> &) { called = true; }, true);
    }
    QVERIFY(token(address).ok()); // lets the forced refresh finish
    QVERIFY(!called);
}

void TestOAuthTokens::expiredTokenIsRefreshedAndRotationIsOnDiskFirst()
{
    const QString address = u"ben-%1@example.test"_s.arg(m_run);
    m_server.setAccessTokenLifetime(2);
    OAuthTokenBroker::instance().setRefreshMarginSeconds(1);
    signIn(address, u"ben"_s);
    const QString firstRefresh = (*m_store->load(address))->refreshToken;
    const auto first = token(address);
    QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().toString()));
    QVERIFY(first->refreshed);
    // The provider rotated the refresh token: the new one is on disk, the old one is gone.
    const OAuthTokenRecord afterFirst = **m_store->load(address);
    QVERIFY(afterFirst.refreshToken != firstRefresh);
    QVERIFY(afterFirst.refreshedAt.isValid());
    QVERIFY(afterFirst.accessExpiresAt > QDateTime::currentDateTimeUtc());
    // Once within the margin of its expiry, the next ask refreshes again, with the rotated token.
    QTRY_VERIFY_WITH_TIMEOUT(first->expiresAt.addSecs(-1) <= QDateTime::currentDateTimeUtc(), 5000);
    const auto second = token(address);
    QVERIFY(second.ok());
    QVERIFY(second->refreshed);
    QVERIFY(second->token != first->token);
    QCOMPARE(m_server.staleRefreshAttempts(), 0);
    QVERIFY((*m_store->load(address))->refreshToken != afterFirst.refreshToken);
}

void TestOAuthTokens::refusedRefreshTokenNeedsSignInForThatMailboxOnly()
{
    const QString carla = u"carla-%1@example.test"_s.arg(m_run);
    const QString dora = u"dora-%1@example.test"_s.arg(m_run);
    signIn(carla, u"carla"_s);
    signIn(dora, u"dora"_s);
    m_server.revokeUser(u"carla"_s);
    const auto refused = token(carla);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().errorClass, ErrorClass::Auth);
    QCOMPARE(refused.error().hintId, u"oauth-needs-sign-in"_s);
    QVERIFY(!refused.error().transient);
    const OAuthTokenRecord record = **m_store->load(carla);
    QVERIFY(record.needsSignIn);
    QVERIFY2(record.problem.contains(u"invalid_grant"_s), qPrintable(record.problem));
    // From now on it fails at once, without asking the provider.
    const int asked = m_server.staleRefreshAttempts() + m_server.refreshes(u"carla"_s);
    QCOMPARE(token(carla).error().hintId, u"oauth-needs-sign-in"_s);
    QCOMPARE(m_server.staleRefreshAttempts() + m_server.refreshes(u"carla"_s), asked);
    // The other mailbox is untouched.
    QVERIFY(token(dora).ok());
    QVERIFY(!(*m_store->load(dora))->needsSignIn);
    // A mailbox that never signed in needs to.
    QCOMPARE(token(u"nobody-%1@example.test"_s.arg(m_run)).error().hintId, u"oauth-needs-sign-in"_s);
}

void TestOAuthTokens::stalledProviderForOneMailboxDelaysNoOther()
{
    const QString slow = u"erin-%1@example.test"_s.arg(m_run);
    const QString quick = u"finn-%1@example.test"_s.arg(m_run);
    signIn(slow, u"erin"_s);
    signIn(quick, u"finn"_s);
    OAuthTokenBroker::instance().setRequestTimeoutMs(3000);
    m_server.setStalledUser(u"erin"_s);
    std::optional<Result<OAuthAccessToken>> slowAnswer;
    QElapsedTimer clock;
    clock.start();
    OAuthTokenBroker::instance().accessToken(
        slow, settings(), this, [&](const Result<OAuthAccessToken> &answer) { slowAnswer.emplace(answer); });
    const auto quickAnswer = token(quick);
    QVERIFY(quickAnswer.ok());
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!slowAnswer.has_value());
    QTRY_VERIFY_WITH_TIMEOUT(slowAnswer.has_value(), 10000);
    QVERIFY(!slowAnswer->ok());
    QVERIFY(slowAnswer->error().transient);
    QCOMPARE(slowAnswer->error().hintId, u"oauth-unreachable"_s);
    QVERIFY(!(*m_store->load(slow))->needsSignIn); // a provider that does not answer is no reason to sign in again
}

void TestOAuthTokens::unavailableProviderIsTransient()
{
    const QString address = u"gil-%1@example.test"_s.arg(m_run);
    signIn(address, u"gil"_s);
    m_server.setTokenEndpointFailure(503);
    const auto failed = token(address);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().errorClass, ErrorClass::Network);
    QCOMPARE(failed.error().hintId, u"oauth-unreachable"_s);
    QVERIFY(failed.error().transient);
    QVERIFY(!(*m_store->load(address))->needsSignIn);
    m_server.setTokenEndpointFailure(0);
    QVERIFY(token(address).ok());
}

void TestOAuthTokens::unwritableStoreWithholdsTheNewToken()
{
    const QString address = u"hal-%1@example.test"_s.arg(m_run);
    signIn(address, u"hal"_s);
    const QString before = (*m_store->load(address))->refreshToken;
    m_store->failWritesForTesting(true);
    const auto withheld = token(address);
    QVERIFY(!withheld.ok());
    QCOMPARE(withheld.error().hintId, u"oauth-token-store"_s);
    // The provider rotated the token; the disk still has the old, now retired one.
    QCOMPARE(m_server.refreshes(u"hal"_s), 1);
    QCOMPARE((*m_store->load(address))->refreshToken, before);
    m_store->failWritesForTesting(false);
    // The next refresh presents the rotated token kept in memory, not the retired one on disk.
    const auto next = token(address);
    QVERIFY2(next.ok(), next.ok() ? "" : qPrintable(next.error().toString()));
    QCOMPARE(m_server.staleRefreshAttempts(), 0);
    QVERIFY((*m_store->load(address))->refreshToken != before);
}

void TestOAuthTokens::tokenFilesArePrivateAndDamageIsClear()
{
    OAuthTokenRecord record;
    record.address = u"Odd/Name@example.test"_s.toLower();
    record.refreshToken = u"secret"_s;
    QVERIFY(m_store->save(record));
    const QString path = m_store->pathOf(record.address);
    QVERIFY2(QFileInfo(path).absolutePath() == QFileInfo(m_store->directory()).absoluteFilePath(), qPrintable(path));
    QCOMPARE(QFileInfo(path).permissions() & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser),
             QFile::ReadOwner | QFile::WriteOwner);
    QCOMPARE(QFileInfo(m_store->directory()).permissions() &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFileDevice::Permissions());
    QCOMPARE((*m_store->load(record.address))->refreshToken, u"secret"_s);
    QCOMPARE(m_store->addresses(), QStringList{record.address});
    // No temporary file is left behind.
    QCOMPARE(QDir(m_store->directory()).entryList(QDir::Files).size(), 1);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{ not json");
    file.close();
    const auto damaged = m_store->load(record.address);
    QVERIFY(!damaged.ok());
    QCOMPARE(damaged.error().hintId, u"oauth-token-store"_s);
    QVERIFY(m_store->remove(record.address));
    QVERIFY(!(*m_store->load(record.address)).has_value());
}

void TestOAuthTokens::saslMessages()
{
    LoginCredentials credentials;
    credentials.kind = LoginCredentials::Kind::Bearer;
    credentials.username = u"a,b=c@example.test"_s;
    credentials.secret = u"tok"_s;
    credentials.host = u"imap.example.test"_s;
    credentials.port = 993;
    QCOMPARE(Sasl::bearerInitialResponse("OAUTHBEARER", credentials),
             QByteArray("n,a=a=2Cb=3Dc@example.test,\x01host=imap.example.test\x01port=993\x01"
                        "auth=Bearer tok\x01\x01"));
    QCOMPARE(Sasl::bearerInitialResponse("XOAUTH2", credentials), QByteArray("user=a,b=c@example.test\x01"
                                                                             "auth=Bearer tok\x01\x01"));
    QCOMPARE(Sasl::bearerErrorAcknowledgement("OAUTHBEARER"), QByteArray("AQ=="));
    QCOMPARE(Sasl::bearerErrorAcknowledgement("XOAUTH2"), QByteArray());
    const QByteArray challenge = QByteArray("{\"status\":\"invalid_token\"}\x01\x02").toBase64();
    QCOMPARE(Sasl::describeBearerChallenge(challenge), u"{\"status\":\"invalid_token\"}"_s);
}

void TestOAuthTokens::authConfiguration_data()
{
    QTest::addColumn<QString>("auth");
    QTest::addColumn<QString>("problem"); // empty: valid
    QTest::newRow("microsoft")
        << uR"({"method":"oauth2","provider":"microsoft","client_id":"id","tenant":"contoso.onmicrosoft.com"})"_s
        << QString();
    QTest::newRow("generic")
        << uR"({"method":"oauth2","provider":"generic","client_id":"id","token_endpoint":"https://id.example.test/token","device_authorization_endpoint":"https://id.example.test/device"})"_s
        << QString();
    QTest::newRow("password") << uR"({"method":"password"})"_s << QString();
    QTest::newRow("no client id") << uR"({"method":"oauth2","provider":"google"})"_s << u"auth.client_id"_s;
    QTest::newRow("unknown provider") << uR"({"method":"oauth2","provider":"yahoo","client_id":"x"})"_s
                                      << u"auth.provider"_s;
    QTest::newRow("unknown method") << uR"({"method":"kerberos"})"_s << u"auth.method"_s;
    QTest::newRow("plain http endpoint")
        << uR"({"method":"oauth2","provider":"generic","client_id":"x","token_endpoint":"http://id.example.test/token","device_authorization_endpoint":"https://id.example.test/d"})"_s
        << u"auth.token_endpoint"_s;
    QTest::newRow("generic without token endpoint")
        << uR"({"method":"oauth2","provider":"generic","client_id":"x","authorization_endpoint":"https://id.example.test/a"})"_s
        << u"auth.token_endpoint"_s;
    QTest::newRow("scope with a space")
        << uR"({"method":"oauth2","provider":"google","client_id":"x","scopes":["a b"]})"_s << u"auth.scopes"_s;
    QTest::newRow("typo") << uR"({"method":"oauth2","provider":"google","client_id":"x","scope":["a"]})"_s
                          << u"auth.scope"_s;
}

void TestOAuthTokens::authConfiguration()
{
    QFETCH(QString, auth);
    QFETCH(QString, problem);
    const QByteArray json =
        uR"({"server_profiles":[{"name":"hosted","incoming":{"protocol":"imap","host":"imap.example.test","port":993,"security":"tls"},"auth":%1}],
        "mailboxes":[{"address":"ana@example.test","profile":"hosted"}]})"_s.arg(auth)
            .toUtf8();
    const auto outcome = ConfigParser::parse(json, m_dir.path());
    if (problem.isEmpty()) {
        if (auth.contains(u"password"_s)) {
            // A password profile needs the mailbox's password.
            QVERIFY(std::holds_alternative<QList<ConfigIssue>>(outcome));
            return;
        }
        QVERIFY2(std::holds_alternative<ConfigFile>(outcome),
                 std::holds_alternative<ConfigFile>(outcome)
                     ? ""
                     : qPrintable(std::get<QList<ConfigIssue>>(outcome).constFirst().message));
        const ConfigFile &file = std::get<ConfigFile>(outcome);
        QVERIFY(file.profiles.constFirst().oauth.has_value());
        QVERIFY(file.mailboxes.constFirst().passwordSource.isEmpty());
        return;
    }
    QVERIFY(std::holds_alternative<QList<ConfigIssue>>(outcome));
    const QList<ConfigIssue> issues = std::get<QList<ConfigIssue>>(outcome);
    const bool named = std::any_of(issues.cbegin(), issues.cend(),
                                   [&](const ConfigIssue &issue) { return issue.path.contains(problem); });
    QVERIFY2(named, qPrintable(issues.constFirst().path + u": "_s + issues.constFirst().message));
}

void TestOAuthTokens::providerDefaults()
{
    OAuthSettings microsoft;
    microsoft.provider = OAuthSettings::Provider::Microsoft;
    microsoft.tenant = u"contoso.onmicrosoft.com"_s;
    const OAuthSettings resolved = microsoft.resolved();
    QCOMPARE(resolved.tokenEndpoint.toString(),
             u"https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"_s);
    QVERIFY(resolved.scopes.contains(u"offline_access"_s));
    QVERIFY(resolved.scopes.contains(u"https://outlook.office.com/IMAP.AccessAsUser.All"_s));
    OAuthSettings google;
    google.provider = OAuthSettings::Provider::Google;
    google.tokenEndpoint = QUrl(u"https://override.example.test/token"_s);
    QCOMPARE(google.resolved().tokenEndpoint.toString(), u"https://override.example.test/token"_s);
    QCOMPARE(google.resolved().scopes, QStringList{u"https://mail.google.com/"_s});
    // Settings survive the store's JSON.
    QCOMPARE(OAuthSettings::fromJson(microsoft.toJson()), microsoft);
}

QTEST_GUILESS_MAIN(TestOAuthTokens)
#include "tst_oauthtokens.moc"
