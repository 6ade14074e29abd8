#include "oauthhttp.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QTimer>
#include <QUrlQuery>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxAnswerBytes = 1024 * 1024;

bool isLoopback(const QUrl &url)
{
    if (url.host() == u"localhost"_s) {
        return true;
    }
    const QHostAddress address(url.host());
    return !address.isNull() && address.isLoopback();
}

SyncError unreachable(const QString &message, const QString &detail = {})
{
    SyncError error = SyncError::make(ErrorClass::Network, u"oauth-unreachable"_s, message, detail);
    error.transient = true;
    return error.at(ErrorStage::Login);
}

QString text(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

qint64 number(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    // Some providers send numbers as strings ("expires_in": "3599").
    const double parsed = value.isString() ? value.toString().toDouble() : value.toDouble();
    return parsed > 0 && parsed < 1e9 ? qint64(parsed) : 0;
}

} // namespace

OAuthHttp::OAuthHttp(const OAuthSettings &settings, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_settings(settings.resolved())
    , m_timeoutMs(timeoutMs)
    , m_network(new QNetworkAccessManager(this))
    , m_tls(QSslConfiguration::defaultConfiguration())
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_tls.setProtocol(QSsl::TlsV1_2OrLater);
    m_tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_settings.caFile.isEmpty()) {
        const QList<QSslCertificate> authorities = QSslCertificate::fromPath(m_settings.caFile, QSsl::Pem);
        if (authorities.isEmpty()) {
            m_setupError = SyncError::make(ErrorClass::Config, u"tls-untrusted"_s,
                                           tr("ca_file %1 holds no PEM certificate").arg(m_settings.caFile))
                               .at(ErrorStage::Config);
        }
        m_tls.addCaCertificates(authorities);
    }
}

// The network manager and its replies go with it; their callbacks, connected to this object, never run.
OAuthHttp::~OAuthHttp() = default;

void OAuthHttp::abortAll()
{
    const QList<QNetworkReply *> replies = m_network->findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        reply->setProperty("syncdeskAborted", true);
        reply->abort();
    }
}

SyncError OAuthHttp::tokenError(int httpStatus, const QByteArray &body, const QString &endpoint)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QString code = text(object, u"error"_s);
    const QString description = text(object, u"error_description"_s).left(300);
    const QString said = description.isEmpty() ? code : code + u": "_s + description;
    if (code == u"invalid_grant"_s) {
        return SyncError::make(ErrorClass::Auth, u"oauth-needs-sign-in"_s,
                               tr("the identity provider no longer accepts this mailbox's sign-in (revoked, expired "
                                  "or replaced); sign in again"),
                               said)
            .at(ErrorStage::Login);
    }
    if (code == u"authorization_pending"_s || code == u"slow_down"_s) {
        SyncError error = SyncError::make(
            ErrorClass::Auth, code == u"slow_down"_s ? u"oauth-slow-down"_s : u"oauth-authorization-pending"_s,
            tr("waiting for the user to approve the sign-in"), said);
        error.transient = true;
        return error;
    }
    if (code == u"access_denied"_s || code == u"expired_token"_s) {
        return SyncError::make(ErrorClass::Auth, u"oauth-denied"_s,
                               code == u"access_denied"_s ? tr("the sign-in was declined")
                                                          : tr("the sign-in code expired before it was approved"),
                               said)
            .at(ErrorStage::Login);
    }
    if (code == u"invalid_client"_s || code == u"unauthorized_client"_s || code == u"invalid_scope"_s ||
        code == u"unsupported_grant_type"_s || code == u"invalid_request"_s) {
        return SyncError::make(ErrorClass::Config, u"oauth-client"_s,
                               tr("the identity provider refused the client settings of the profile (%1)").arg(code),
                               said)
            .at(ErrorStage::Config);
    }
    if (httpStatus == 429) {
        SyncError error =
            SyncError::make(ErrorClass::Throttled, u"throttled"_s, tr("the identity provider asks to slow down"), said);
        error.transient = true;
        return error.at(ErrorStage::Login);
    }
    //: %1 is an HTTP status code, %2 a URL
    return unreachable(tr("the token endpoint answered HTTP %1 (%2)").arg(httpStatus).arg(endpoint),
                       said.isEmpty() ? QString::fromUtf8(body.left(300)) : said);
}

void OAuthHttp::post(const QUrl &url, const Form &form, std::function<void(const Result<QJsonObject> &)> done)
{
    if (m_setupError) {
        done(*m_setupError);
        return;
    }
    if (!url.isValid() || url.isEmpty()) {
        done(SyncError::make(ErrorClass::Config, u"oauth-client"_s,
                             tr("the profile's OAuth settings name no endpoint for this step"))
                 .at(ErrorStage::Config));
        return;
    }
    if (url.scheme() != u"https"_s && !(url.scheme() == u"http"_s && isLoopback(url))) {
        done(SyncError::make(ErrorClass::Config, u"oauth-client"_s,
                             tr("the OAuth endpoint %1 is not https: tokens would cross the network unencrypted")
                                 .arg(url.toString()))
                 .at(ErrorStage::Config));
        return;
    }
    QUrlQuery query;
    for (const auto &[key, value] : form) {
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setSslConfiguration(m_tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "SyncDesk/" SYNCDESK_VERSION);
    QNetworkReply *reply = m_network->post(request, query.toString(QUrl::FullyEncoded).toUtf8());
    // The transfer timeout counts silence only: a provider trickling bytes is cut off here as well.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, &QNetworkReply::abort);
    deadline->start(m_timeoutMs + 5000);
    auto tooLarge = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, tooLarge](qint64 received, qint64) {
        if (received > kMaxAnswerBytes) {
            *tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [reply, url, tooLarge, done = std::move(done)] {
        reply->deleteLater();
        const QString where = url.host();
        if (*tooLarge) {
            done(unreachable(tr("the answer of %1 is larger than 1 MiB").arg(where)));
            return;
        }
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            switch (reply->error()) {
            case QNetworkReply::OperationCanceledError:
                if (reply->property("syncdeskAborted").toBool()) {
                    done(SyncError::make(ErrorClass::Cancelled, u"cancelled"_s, tr("the request was cancelled")));
                    return;
                }
                // Qt ends a request that outlived its transfer timeout this way.
                done(unreachable(tr("the identity provider %1 did not answer in time").arg(where)));
                return;
            case QNetworkReply::SslHandshakeFailedError:
                done(SyncError::make(ErrorClass::Tls, u"tls-untrusted"_s,
                                     tr("the TLS handshake with the identity provider %1 failed").arg(where),
                                     reply->errorString())
                         .at(ErrorStage::Tls));
                return;
            default:
                done(unreachable(tr("the identity provider %1 could not be reached").arg(where), reply->errorString()));
                return;
            }
        }
        const QByteArray body = reply->readAll();
        const int code = status.toInt();
        if (code < 200 || code >= 300) {
            done(tokenError(code, body, url.toString(QUrl::RemoveQuery)));
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        if (!document.isObject()) {
            done(unreachable(tr("the identity provider %1 answered something that is not JSON").arg(where),
                             parseError.errorString()));
            return;
        }
        done(document.object());
    });
}

void OAuthHttp::postForToken(const Form &form, TokenDone done)
{
    Form full = form;
    full.append({u"client_id"_s, m_settings.clientId});
    if (const QString secret = m_settings.clientSecret(); !secret.isEmpty()) {
        full.append({u"client_secret"_s, secret});
    }
    post(m_settings.tokenEndpoint, full, [done = std::move(done)](const Result<QJsonObject> &answer) {
        if (!answer) {
            done(answer.error());
            return;
        }
        const QJsonObject &object = answer.value();
        OAuthTokenResponse token;
        token.accessToken = text(object, u"access_token"_s);
        token.refreshToken = text(object, u"refresh_token"_s);
        token.expiresInSeconds = number(object, u"expires_in"_s);
        token.refreshExpiresInSeconds = number(object, u"refresh_token_expires_in"_s);
        token.scope = text(object, u"scope"_s);
        if (token.accessToken.isEmpty() || token.accessToken.contains(u'\x01') || token.accessToken.contains(u'\n')) {
            done(unreachable(tr("the identity provider's answer holds no usable access token")));
            return;
        }
        if (token.expiresInSeconds <= 0) {
            token.expiresInSeconds = 3600; // RFC 6749 5.1 recommends expires_in; assume an hour when left out
        }
        done(token);
    });
}

void OAuthHttp::refresh(const QString &refreshToken, TokenDone done)
{
    postForToken({{u"grant_type"_s, u"refresh_token"_s},
                  {u"refresh_token"_s, refreshToken},
                  {u"scope"_s, m_settings.scopes.join(u' ')}},
                 std::move(done));
}

void OAuthHttp::exchangeCode(const QString &code, const QString &codeVerifier, const QString &redirectUri,
                             TokenDone done)
{
    postForToken({{u"grant_type"_s, u"authorization_code"_s},
                  {u"code"_s, code},
                  {u"code_verifier"_s, codeVerifier},
                  {u"redirect_uri"_s, redirectUri}},
                 std::move(done));
}

void OAuthHttp::requestDeviceCode(std::function<void(const Result<OAuthDeviceAuthorization> &)> done)
{
    post(m_settings.deviceAuthorizationEndpoint,
         {{u"client_id"_s, m_settings.clientId}, {u"scope"_s, m_settings.scopes.join(u' ')}},
         [done = std::move(done)](const Result<QJsonObject> &answer) {
             if (!answer) {
                 done(answer.error());
                 return;
             }
             const QJsonObject &object = answer.value();
             OAuthDeviceAuthorization device;
             device.deviceCode = text(object, u"device_code"_s);
             device.userCode = text(object, u"user_code"_s);
             // "verification_url" is what Google called it before RFC 8628.
             device.verificationUri =
                 QUrl(text(object, u"verification_uri"_s).isEmpty() ? text(object, u"verification_url"_s)
                                                                    : text(object, u"verification_uri"_s));
             device.verificationUriComplete = QUrl(text(object, u"verification_uri_complete"_s));
             device.expiresInSeconds = int(qMin<qint64>(number(object, u"expires_in"_s), 86400));
             device.intervalSeconds = int(qBound(qint64(1), number(object, u"interval"_s), qint64(60)));
             if (number(object, u"interval"_s) == 0) {
                 device.intervalSeconds = 5; // RFC 8628 3.2: 5 seconds when the server does not say
             }
             device.message = text(object, u"message"_s).left(500);
             if (device.deviceCode.isEmpty() || device.userCode.isEmpty() || !device.verificationUri.isValid() ||
                 device.verificationUri.isEmpty()) {
                 done(unreachable(tr("the device authorization answer lacks the code or the verification URL")));
                 return;
             }
             if (device.expiresInSeconds <= 0) {
                 device.expiresInSeconds = 900;
             }
             done(device);
         });
}

void OAuthHttp::pollDeviceToken(const QString &deviceCode, TokenDone done)
{
    postForToken({{u"grant_type"_s, u"urn:ietf:params:oauth:grant-type:device_code"_s}, {u"device_code"_s, deviceCode}},
                 std::move(done));
}

} // namespace SyncDesk
