#include "oauthserver.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUrlQuery>

namespace SyncDesk::Testing {

using namespace Qt::StringLiterals;

namespace {

QByteArray response(int status, const QByteArray &body, const QByteArray &extraHeaders = {},
                    const QByteArray &type = "application/json")
{
    const QByteArray reason = status == 200 ? "OK" : status == 302 ? "Found" : status == 400 ? "Bad Request" : "Error";
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + type +
           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n" + extraHeaders +
           "\r\n" + body;
}

QByteArray json(int status, const QJsonObject &object)
{
    return response(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QByteArray oauthError(const QString &code, const QString &description = {})
{
    return json(400, {{u"error"_s, code}, {u"error_description"_s, description}});
}

QHash<QString, QString> parseForm(const QByteArray &text)
{
    QHash<QString, QString> out;
    const QUrlQuery query(QString::fromUtf8(text));
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        out.insert(key, value);
    }
    return out;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

// Lives in the server's thread: reads requests, asks the server for the answer, closes the connection.
class OAuthServerWorker final : public QObject
{
public:
    explicit OAuthServerWorker(OAuthServer *server)
        : m_server(server)
    {
        connect(&m_listener, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_listener.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    quint16 listen() { return m_listener.listen(QHostAddress::LocalHost, 0) ? m_listener.serverPort() : 0; }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            return;
        }
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        qsizetype length = 0;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("content-length:")) {
                length = line.mid(15).trimmed().toLongLong();
            }
        }
        if (buffer.size() < end + 4 + length) {
            return;
        }
        const QList<QByteArray> request = lines.constFirst().trimmed().split(' ');
        const QByteArray body = buffer.mid(end + 4, length);
        m_buffers.remove(socket);
        const QUrl target(QString::fromLatin1(request.value(1)));
        QHash<QString, QString> query;
        const auto items = QUrlQuery(target).queryItems(QUrl::FullyDecoded);
        for (const auto &[key, value] : items) {
            query.insert(key, value);
        }
        bool stall = false;
        const QByteArray answer = m_server->handle(request.value(0), target.path(), query, parseForm(body), &stall);
        if (stall) {
            return; // the connection stays open, unanswered, until the client gives up
        }
        socket->write(answer);
        socket->disconnectFromHost();
    }

    OAuthServer *m_server;
    QTcpServer m_listener{this}; // a child: it moves to the server thread with the worker
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

OAuthServer::OAuthServer() = default;

OAuthServer::~OAuthServer()
{
    if (m_thread) {
        QMetaObject::invokeMethod(
            m_worker,
            [this] {
                delete m_worker;
                m_worker = nullptr;
                QThread::currentThread()->quit();
            },
            Qt::QueuedConnection);
        m_thread->wait();
        delete m_thread;
    }
}

bool OAuthServer::start(QString *error)
{
    m_thread = new QThread;
    m_thread->setObjectName(u"oauth-server"_s);
    m_worker = new OAuthServerWorker(this);
    m_worker->moveToThread(m_thread);
    m_thread->start();
    quint16 port = 0;
    QMetaObject::invokeMethod(
        m_worker, [&port, this] { port = m_worker->listen(); }, Qt::BlockingQueuedConnection);
    m_port = port;
    if (m_port == 0 && error) {
        *error = u"the OAuth test server cannot listen on 127.0.0.1"_s;
    }
    return m_port != 0;
}

QUrl OAuthServer::url(const QString &path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path));
}

void OAuthServer::setAccessTokenLifetime(int seconds)
{
    QMutexLocker locker(&m_mutex);
    m_lifetime = seconds;
}

void OAuthServer::setAuthorizeAs(const QString &user)
{
    QMutexLocker locker(&m_mutex);
    m_authorizeAs = user;
}

void OAuthServer::setTokenEndpointFailure(int httpStatus)
{
    QMutexLocker locker(&m_mutex);
    m_failure = httpStatus;
}

void OAuthServer::setTokenEndpointStalled(bool stalled)
{
    QMutexLocker locker(&m_mutex);
    m_stalled = stalled;
}

bool OAuthServer::approveDevice(const QString &userCode, const QString &user)
{
    QMutexLocker locker(&m_mutex);
    for (Device &device : m_devices) {
        if (device.userCode == userCode) {
            device.approvedUser = user;
            return true;
        }
    }
    return false;
}

void OAuthServer::setStalledUser(const QString &user)
{
    QMutexLocker locker(&m_mutex);
    m_stalledUser = user;
}

QStringList OAuthServer::pendingUserCodes() const
{
    QMutexLocker locker(&m_mutex);
    QStringList codes;
    for (const Device &device : m_devices) {
        if (device.approvedUser.isEmpty()) {
            codes.append(device.userCode);
        }
    }
    return codes;
}

void OAuthServer::revokeUser(const QString &user)
{
    QMutexLocker locker(&m_mutex);
    for (Grant &grant : m_grants) {
        if (grant.user == user) {
            grant.revoked = true;
        }
    }
}

void OAuthServer::expireAccessTokensOf(const QString &user)
{
    QMutexLocker locker(&m_mutex);
    for (Access &access : m_accessTokens) {
        if (access.user == user) {
            access.expiresAtMs = 0;
        }
    }
}

int OAuthServer::refreshes(const QString &user) const
{
    QMutexLocker locker(&m_mutex);
    return m_refreshes.value(user);
}

int OAuthServer::introspections() const
{
    QMutexLocker locker(&m_mutex);
    return m_introspections;
}

int OAuthServer::staleRefreshAttempts() const
{
    QMutexLocker locker(&m_mutex);
    return m_stale;
}

QString OAuthServer::lastRedirect() const
{
    QMutexLocker locker(&m_mutex);
    return m_lastRedirect;
}

QString OAuthServer::newToken(const char *prefix)
{
    return QString::fromLatin1(prefix) +
           u"-%1-%2"_s.arg(++m_counter).arg(QRandomGenerator::global()->generate64(), 16, 16, QChar(u'0'));
}

QByteArray OAuthServer::issue(int grant, const QString &user, bool withRefresh)
{
    const QString access = newToken("at");
    m_accessTokens.insert(access, {user, nowMs() + qint64(m_lifetime) * 1000, grant});
    QJsonObject answer{{u"access_token"_s, access},
                       {u"token_type"_s, u"Bearer"_s},
                       {u"expires_in"_s, m_lifetime},
                       {u"scope"_s, u"mail"_s}};
    if (withRefresh) {
        const QString refresh = newToken("rt");
        Grant &owner = m_grants[grant];
        if (!owner.refreshToken.isEmpty()) {
            m_refreshTokens.remove(owner.refreshToken);
            m_retiredRefreshTokens.insert(owner.refreshToken);
        }
        owner.refreshToken = refresh;
        m_refreshTokens.insert(refresh, grant);
        answer.insert(u"refresh_token"_s, refresh);
    }
    return json(200, answer);
}

QByteArray OAuthServer::handle(const QByteArray &method, const QString &path, const QHash<QString, QString> &query,
                               const QHash<QString, QString> &form, bool *stall)
{
    QMutexLocker locker(&m_mutex);
    if (path == u"/authorize"_s && method == "GET") {
        const QString user = query.value(u"login_hint"_s, m_authorizeAs);
        const QUrl redirect(query.value(u"redirect_uri"_s));
        if (user.isEmpty() || !redirect.isValid() || query.value(u"code_challenge_method"_s) != u"S256"_s ||
            query.value(u"code_challenge"_s).isEmpty()) {
            return response(400,
                            "authorization request refused: user, redirect_uri and an S256 PKCE challenge "
                            "are required",
                            {}, "text/plain");
        }
        const QString code = newToken("code");
        m_codes.insert(code, {user, query.value(u"code_challenge"_s), redirect.toString()});
        QUrl target = redirect;
        QUrlQuery parameters(target);
        parameters.addQueryItem(u"code"_s, code);
        parameters.addQueryItem(u"state"_s, query.value(u"state"_s));
        target.setQuery(parameters);
        m_lastRedirect = target.toString();
        return response(302, {}, "Location: " + target.toEncoded() + "\r\n", "text/plain");
    }
    if (path == u"/introspect"_s && method == "POST") {
        ++m_introspections;
        const auto it = m_accessTokens.constFind(form.value(u"token"_s));
        if (it == m_accessTokens.cend() || it->expiresAtMs <= nowMs() || m_grants.at(it->grant).revoked) {
            return json(200, {{u"active"_s, false}});
        }
        return json(200, {{u"active"_s, true}, {u"username"_s, it->user}, {u"exp"_s, double(it->expiresAtMs / 1000)}});
    }
    if (path == u"/device"_s && method == "POST") {
        Device device;
        device.deviceCode = newToken("dc");
        device.userCode = u"%1-%2"_s.arg(QRandomGenerator::global()->bounded(1000, 9999))
                              .arg(QRandomGenerator::global()->bounded(1000, 9999));
        device.expiresAtMs = nowMs() + 300000;
        m_devices.append(device);
        return json(200, {{u"device_code"_s, device.deviceCode},
                          {u"user_code"_s, device.userCode},
                          {u"verification_uri"_s, url(u"/device/verify"_s).toString()},
                          {u"expires_in"_s, 300},
                          {u"interval"_s, 1}});
    }
    if (path == u"/revoke"_s && method == "POST") {
        const QString token = form.value(u"token"_s);
        if (m_refreshTokens.contains(token)) {
            m_grants[m_refreshTokens.value(token)].revoked = true;
        } else if (m_accessTokens.contains(token)) {
            m_grants[m_accessTokens.value(token).grant].revoked = true;
        }
        return response(200, {});
    }
    if (path != u"/token"_s || method != "POST") {
        return response(404, "not found", {}, "text/plain");
    }
    if (m_stalled) {
        *stall = true;
        return {};
    }
    if (m_failure != 0) {
        return json(m_failure, {{u"error"_s, u"server_error"_s}});
    }
    const QString grantType = form.value(u"grant_type"_s);
    if (grantType == u"refresh_token"_s) {
        const QString presented = form.value(u"refresh_token"_s);
        if (m_retiredRefreshTokens.contains(presented)) {
            ++m_stale;
            return oauthError(u"invalid_grant"_s, u"the refresh token was already used"_s);
        }
        const auto it = m_refreshTokens.constFind(presented);
        if (it == m_refreshTokens.cend() || m_grants.at(*it).revoked) {
            return oauthError(u"invalid_grant"_s, u"the refresh token is revoked or unknown"_s);
        }
        const int grant = *it;
        if (!m_stalledUser.isEmpty() && m_grants.at(grant).user == m_stalledUser) {
            *stall = true;
            return {};
        }
        ++m_refreshes[m_grants.at(grant).user];
        return issue(grant, m_grants.at(grant).user, true);
    }
    if (grantType == u"urn:ietf:params:oauth:grant-type:device_code"_s) {
        for (qsizetype i = 0; i < m_devices.size(); ++i) {
            Device &device = m_devices[i];
            if (device.deviceCode != form.value(u"device_code"_s)) {
                continue;
            }
            if (device.expiresAtMs <= nowMs()) {
                return oauthError(u"expired_token"_s);
            }
            if (device.approvedUser.isEmpty()) {
                return oauthError(u"authorization_pending"_s);
            }
            const QString user = device.approvedUser;
            m_devices.removeAt(i);
            m_grants.append({user, {}, false});
            return issue(int(m_grants.size()) - 1, user, true);
        }
        return oauthError(u"invalid_grant"_s, u"unknown device code"_s);
    }
    if (grantType == u"authorization_code"_s) {
        const Code code = m_codes.take(form.value(u"code"_s));
        const QByteArray challenge =
            QCryptographicHash::hash(form.value(u"code_verifier"_s).toLatin1(), QCryptographicHash::Sha256)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        if (code.user.isEmpty() || code.redirectUri != form.value(u"redirect_uri"_s) ||
            QString::fromLatin1(challenge) != code.challenge) {
            return oauthError(u"invalid_grant"_s, u"unknown code, other redirect_uri, or the PKCE verifier does not "
                                                  "match"_s);
        }
        m_grants.append({code.user, {}, false});
        return issue(int(m_grants.size()) - 1, code.user, true);
    }
    return oauthError(u"unsupported_grant_type"_s);
}

} // namespace SyncDesk::Testing
