#include "davclient.h"

#include "davxml.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QTimer>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxAnswerBytes = 64LL * 1024 * 1024;

SyncError transportError(QNetworkReply *reply, const QUrl &url)
{
    const QString where = url.host();
    const QString detail = reply->errorString();
    switch (reply->error()) {
    case QNetworkReply::HostNotFoundError:
        return SyncError::make(ErrorClass::Network, u"host-not-found"_s,
                               DavClient::tr("the DAV server %1 could not be found").arg(where), detail)
            .at(ErrorStage::Dns);
    case QNetworkReply::ConnectionRefusedError:
        return SyncError::make(ErrorClass::Network, u"connection-refused"_s,
                               DavClient::tr("the DAV server %1 refused the connection").arg(where), detail)
            .at(ErrorStage::Connect);
    case QNetworkReply::SslHandshakeFailedError:
        return SyncError::make(ErrorClass::Tls, u"tls-untrusted"_s,
                               DavClient::tr("the TLS handshake with the DAV server %1 failed").arg(where), detail)
            .at(ErrorStage::Tls);
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return SyncError::make(ErrorClass::Timeout, u"timeout"_s,
                               DavClient::tr("the DAV server %1 did not answer in time").arg(where), detail);
    default:
        return SyncError::make(ErrorClass::Network, u"connection-lost"_s,
                               DavClient::tr("the connection to the DAV server %1 failed").arg(where), detail)
            .at(ErrorStage::Connect);
    }
}

bool isLoopback(const QUrl &url)
{
    if (url.host() == u"localhost"_s) {
        return true;
    }
    const QHostAddress address(url.host());
    return !address.isNull() && address.isLoopback();
}

} // namespace

DavClient::DavClient(const Options &options)
    : m_options(options)
    , m_network(std::make_unique<QNetworkAccessManager>())
    , m_tls(QSslConfiguration::defaultConfiguration())
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_tls.setProtocol(QSsl::TlsV1_2OrLater);
    m_tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!options.caFile.isEmpty()) {
        const QList<QSslCertificate> authorities = QSslCertificate::fromPath(options.caFile, QSsl::Pem);
        if (authorities.isEmpty()) {
            m_setupFailed = true;
            m_setupError = SyncError::make(ErrorClass::Config, u"tls-untrusted"_s,
                                           //: ca_file is the name of a configuration setting
                                           tr("ca_file %1 holds no PEM certificate").arg(options.caFile))
                               .at(ErrorStage::Config);
        }
        m_tls.addCaCertificates(authorities);
    }
    if (!m_setupFailed && m_options.base.scheme() == u"http"_s && !isLoopback(m_options.base)) {
        m_setupFailed = true;
        m_setupError = SyncError::make(ErrorClass::Config, u"dav-insecure"_s,
                                       tr("the DAV server %1 is plain http: the password would cross the network "
                                          "unencrypted; use https")
                                           .arg(m_options.base.host()))
                           .at(ErrorStage::Config);
    }
}

DavClient::~DavClient() = default;

QUrl DavClient::resolve(const QString &href) const
{
    return m_options.base.resolved(QUrl(href));
}

Result<DavReply> DavClient::send(const QByteArray &method, const QUrl &url, const QByteArray &body,
                                 const Headers &headers)
{
    if (m_setupFailed) {
        return m_setupError;
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(m_options.timeoutMs);
    request.setSslConfiguration(m_tls);
    const QByteArray credentials = (m_options.username + u':' + m_options.password).toUtf8().toBase64();
    request.setRawHeader("Authorization", "Basic " + credentials);
    request.setRawHeader("User-Agent", "SyncDesk/" SYNCDESK_VERSION);
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
    }
    ++m_requests;
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    std::unique_ptr<QNetworkReply> owner(reply);
    QEventLoop loop;
    bool tooLarge = false;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::downloadProgress, &loop, [&](qint64 received, qint64) {
        if (received > kMaxAnswerBytes) {
            tooLarge = true;
            reply->abort();
        }
    });
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, reply, &QNetworkReply::abort);
    guard.start(m_options.timeoutMs + 5000);
    bool cancelled = false;
    QTimer watch;
    if (m_options.cancelled) {
        QObject::connect(&watch, &QTimer::timeout, reply, [&] {
            if (*m_options.cancelled && !reply->isFinished()) {
                cancelled = true;
                reply->abort();
            }
        });
        watch.start(100);
    }
    if (!reply->isFinished()) {
        loop.exec();
    }
    if (cancelled) {
        return SyncError::make(ErrorClass::Cancelled, u"cancelled"_s,
                               tr("the request to %1 was cancelled").arg(url.path()));
    }
    if (tooLarge) {
        return SyncError::make(ErrorClass::Protocol, u"dav-bad-response"_s,
                               tr("the DAV server's answer to %1 is larger than 64 MiB").arg(url.path()));
    }
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        return transportError(reply, url);
    }
    DavReply result;
    result.status = status.toInt();
    result.body = reply->readAll();
    result.etag = QString::fromLatin1(reply->rawHeader("ETag"));
    result.location = QString::fromLatin1(reply->rawHeader("Location"));
    if (const QByteArray retry = reply->rawHeader("Retry-After"); !retry.isEmpty()) {
        bool ok = false;
        const qint64 seconds = retry.trimmed().toLongLong(&ok);
        result.retryAfterMs = ok ? qBound(qint64(0), seconds, qint64(3600)) * 1000 : 0;
    }
    return result;
}

Result<DavReply> DavClient::propfind(const QUrl &url, int depth, const QByteArray &body)
{
    return send("PROPFIND", url, body,
                {{"Depth", QByteArray::number(depth)}, {"Content-Type", "application/xml; charset=utf-8"}});
}

Result<DavReply> DavClient::report(const QUrl &url, int depth, const QByteArray &body)
{
    return send("REPORT", url, body,
                {{"Depth", QByteArray::number(depth)}, {"Content-Type", "application/xml; charset=utf-8"}});
}

Result<DavReply> DavClient::put(const QUrl &url, const QByteArray &data, const QByteArray &contentType,
                                const QString &ifMatch)
{
    Headers headers{{"Content-Type", contentType}};
    if (ifMatch.isEmpty()) {
        headers.append(std::pair<QByteArray, QByteArray>("If-None-Match", "*"));
    } else {
        headers.append(std::pair<QByteArray, QByteArray>("If-Match", ifMatch.toLatin1()));
    }
    return send("PUT", url, data, headers);
}

Result<DavReply> DavClient::remove(const QUrl &url, const QString &ifMatch)
{
    Headers headers;
    if (!ifMatch.isEmpty()) {
        headers.append(std::pair<QByteArray, QByteArray>("If-Match", ifMatch.toLatin1()));
    }
    return send("DELETE", url, {}, headers);
}

SyncError DavClient::httpError(const DavReply &reply, const QString &what)
{
    const QString condition = DavXml::errorCondition(reply.body);
    const QString detail = u"HTTP %1%2"_s.arg(reply.status).arg(condition.isEmpty() ? QString() : u" "_s + condition);
    SyncError error;
    switch (reply.status) {
    case 401:
        error = SyncError::make(ErrorClass::Auth, u"dav-auth"_s,
                                tr("%1: the DAV server refused the login (401)").arg(what), detail)
                    .at(ErrorStage::Login);
        break;
    case 403:
        error = SyncError::make(ErrorClass::Permission, u"dav-forbidden"_s,
                                tr("%1: the DAV server forbids it (403)").arg(what), detail);
        break;
    case 404:
    case 410:
        error = SyncError::make(ErrorClass::Config, u"dav-collection-gone"_s,
                                tr("%1: the DAV server does not find it (%2)").arg(what).arg(reply.status), detail);
        break;
    case 412:
        error = SyncError::make(ErrorClass::ServerNo, u"dav-precondition"_s,
                                tr("%1: the item changed on the server in the meantime (412)").arg(what), detail);
        error.transient = true;
        break;
    case 507:
        error = SyncError::make(ErrorClass::ServerNo, u"dav-quota"_s,
                                tr("%1: the DAV server is out of space (507)").arg(what), detail);
        break;
    case 429:
    case 503:
        error = SyncError::make(ErrorClass::Throttled, u"throttled"_s,
                                tr("%1: the DAV server asks to slow down (%2)").arg(what).arg(reply.status), detail);
        error.retryAfterMs = reply.retryAfterMs;
        error.transient = true;
        break;
    default:
        if (reply.status >= 500) {
            error = SyncError::make(ErrorClass::ServerNo, u"dav-server-error"_s,
                                    tr("%1: the DAV server failed (%2)").arg(what).arg(reply.status), detail);
            error.transient = true;
        } else {
            error = SyncError::make(ErrorClass::ServerBad, u"dav-refused"_s,
                                    tr("%1: the DAV server refused it (%2)").arg(what).arg(reply.status), detail);
        }
    }
    return error;
}

} // namespace SyncDesk
