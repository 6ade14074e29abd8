#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QUrl>

#include <memory>

class QThread;

namespace SyncDesk::Testing {

class OAuthServerWorker;

// A small OAuth 2.0 authorization server for the tests, in a thread of its own (so that a test blocked on a
// process, or Dovecot's auth process asking, is still answered). Plain HTTP on a free loopback port:
//   GET  /authorize     authorization code with PKCE (S256): approves at once as the user of login_hint, or of
//                       setAuthorizeAs(), and redirects to redirect_uri with code and state
//   POST /token         grants authorization_code, refresh_token (rotating: every refresh issues a new refresh
//                       token and retires the old one) and the device code
//   POST /device        the device authorization grant (RFC 8628); approve with approveDevice()
//   POST /introspect    RFC 7662, for Dovecot's oauth2 passdb: {"active": true, "username": ...}
//   POST /revoke        revokes a token (and every token of its grant)
// Access tokens live accessTokenLifetime seconds; nothing persists beyond the object.
class OAuthServer final
{
public:
    OAuthServer();
    ~OAuthServer();
    OAuthServer(const OAuthServer &) = delete;
    OAuthServer &operator=(const OAuthServer &) = delete;

    bool start(QString *error = nullptr);
    quint16 port() const { return m_port; }
    QUrl url(const QString &path) const;
    QUrl authorizationEndpoint() const { return url(QStringLiteral("/authorize")); }
    QUrl tokenEndpoint() const { return url(QStringLiteral("/token")); }
    QUrl deviceEndpoint() const { return url(QStringLiteral("/device")); }
    QUrl introspectionUrl() const { return url(QStringLiteral("/introspect")); }

    void setAccessTokenLifetime(int seconds);
    void setAuthorizeAs(const QString &user);
    // The token endpoint answers this HTTP status (with a server_error body) until set back to 0.
    void setTokenEndpointFailure(int httpStatus);
    // The token endpoint does not answer at all (until set back to false).
    void setTokenEndpointStalled(bool stalled);
    // Refreshes of this user's tokens go unanswered (empty: none); other users' are answered.
    void setStalledUser(const QString &user);

    // Approves a pending device code (the user code printed by the client) as `user`; false if unknown.
    bool approveDevice(const QString &userCode, const QString &user);
    // The user codes waiting for approval.
    QStringList pendingUserCodes() const;
    // Revokes every refresh and access token issued to `user`.
    void revokeUser(const QString &user);
    // Makes an access token invalid (Dovecot refuses it) without touching the refresh token.
    void expireAccessTokensOf(const QString &user);

    int refreshes(const QString &user) const;
    int introspections() const;
    // Refresh tokens presented that had already been rotated away (a client that lost the new one).
    int staleRefreshAttempts() const;
    QString lastRedirect() const;

private:
    friend class OAuthServerWorker;
    struct Grant
    {
        QString user;
        QString refreshToken;
        bool revoked = false;
    };
    struct Access
    {
        QString user;
        qint64 expiresAtMs = 0;
        int grant = 0;
    };
    struct Device
    {
        QString deviceCode;
        QString userCode;
        QString approvedUser;
        qint64 expiresAtMs = 0;
    };
    struct Code
    {
        QString user;
        QString challenge;
        QString redirectUri;
    };

    // Everything below is guarded by m_mutex; the worker answers requests from it.
    QByteArray handle(const QByteArray &method, const QString &path, const QHash<QString, QString> &query,
                      const QHash<QString, QString> &form, bool *stall);
    QByteArray issue(int grant, const QString &user, bool withRefresh);
    QString newToken(const char *prefix);

    mutable QMutex m_mutex;
    QThread *m_thread = nullptr;
    OAuthServerWorker *m_worker = nullptr;
    quint16 m_port = 0;
    int m_lifetime = 3600;
    QString m_authorizeAs;
    int m_failure = 0;
    bool m_stalled = false;
    QString m_stalledUser;
    QList<Grant> m_grants;
    QHash<QString, int> m_refreshTokens; // current refresh token → grant
    QSet<QString> m_retiredRefreshTokens;
    QHash<QString, Access> m_accessTokens;
    QList<Device> m_devices;
    QHash<QString, Code> m_codes;
    QHash<QString, int> m_refreshes;
    int m_introspections = 0;
    int m_stale = 0;
    quint64 m_counter = 0;
    QString m_lastRedirect;
};

} // namespace SyncDesk::Testing
