#pragma once

#include "diagnostics/result.h"
#include "oauthsettings.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <functional>
#include <utility>

class QNetworkAccessManager;

namespace SyncDesk {

// A token endpoint's answer (RFC 6749 5.1).
struct OAuthTokenResponse
{
    QString accessToken;
    QString refreshToken; // empty when the provider keeps the old one (no rotation)
    qint64 expiresInSeconds = 0;
    qint64 refreshExpiresInSeconds = 0; // Microsoft's and others' refresh_token_expires_in; 0 when not said
    QString scope;
};

// A device authorization endpoint's answer (RFC 8628 3.2).
struct OAuthDeviceAuthorization
{
    QString deviceCode;
    QString userCode;
    QUrl verificationUri;
    QUrl verificationUriComplete;
    int expiresInSeconds = 0;
    int intervalSeconds = 5;
    QString message; // Microsoft's ready-made sentence, when given
};

// The HTTP side of OAuth 2.0 for one profile's provider, asynchronous in the thread it lives in: refreshing,
// exchanging an authorization code (with its PKCE verifier), the device grant. Every failure is classified:
//   invalid_grant (the refresh token was revoked, expired or already rotated away) → Auth, oauth-needs-sign-in;
//   invalid_client, unauthorized_client, invalid_scope and the like → Config, oauth-client;
//   access_denied, expired_token (device grant) → Auth, oauth-denied;
//   DNS, connect, TLS, timeouts, 5xx, 429 and answers that are not JSON → transient (oauth-unreachable).
// The device grant's authorization_pending and slow_down come back as errors with those hint ids.
class OAuthHttp final : public QObject
{
    Q_OBJECT
public:
    using TokenDone = std::function<void(const Result<OAuthTokenResponse> &)>;

    explicit OAuthHttp(const OAuthSettings &settings, int timeoutMs = 30000, QObject *parent = nullptr);
    ~OAuthHttp() override;

    void refresh(const QString &refreshToken, TokenDone done);
    void exchangeCode(const QString &code, const QString &codeVerifier, const QString &redirectUri, TokenDone done);
    void requestDeviceCode(std::function<void(const Result<OAuthDeviceAuthorization> &)> done);
    void pollDeviceToken(const QString &deviceCode, TokenDone done);
    // Aborts every request in flight; their callbacks get a Cancelled error.
    void abortAll();

    const OAuthSettings &settings() const { return m_settings; }

    // The classified error of a token endpoint's error answer (exposed for tests).
    static SyncError tokenError(int httpStatus, const QByteArray &body, const QString &endpoint);

private:
    using Form = QList<std::pair<QString, QString>>;
    void post(const QUrl &url, const Form &form, std::function<void(const Result<QJsonObject> &)> done);
    void postForToken(const Form &form, TokenDone done);

    OAuthSettings m_settings;
    int m_timeoutMs;
    QNetworkAccessManager *m_network;
    QSslConfiguration m_tls;
    std::optional<SyncError> m_setupError;
};

} // namespace SyncDesk
