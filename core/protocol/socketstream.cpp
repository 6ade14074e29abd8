#include "socketstream.h"

#include <QSslCipher>
#include <QSslConfiguration>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QString certificateName(const QStringList &names)
{
    return names.isEmpty() ? QString() : names.join(u", "_s);
}

} // namespace

SocketStream::SocketStream(const TlsSettings &settings, QObject *parent)
    : ByteStream(parent)
    , m_settings(settings)
{
    if (settings.plainOnly) {
        m_socket = new QTcpSocket(this);
    } else {
        m_ssl = new QSslSocket(this);
        m_socket = m_ssl;
        connect(m_ssl, &QSslSocket::encrypted, this, [this] {
            if (m_implicitTls) {
                Q_EMIT connected();
            } else {
                Q_EMIT encrypted();
            }
        });
        connect(m_ssl, &QSslSocket::sslErrors, this, &SocketStream::onSslErrors);
    }
    connect(m_socket, &QTcpSocket::connected, this, [this] {
        m_tcpConnected = true;
        Q_EMIT socketConnected();
        if (!m_implicitTls) {
            Q_EMIT connected();
        }
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &ByteStream::readyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        if (!m_failed) {
            Q_EMIT disconnected();
        }
    });
    connect(m_socket, &QTcpSocket::errorOccurred, this, &SocketStream::onSocketError);
}

SocketStream::~SocketStream()
{
    m_failed = true; // no signals while tearing down
    m_socket->abort();
}

ByteStreamFactory SocketStream::factory()
{
    return [](const TlsSettings &settings) -> std::unique_ptr<ByteStream> {
        return std::make_unique<SocketStream>(settings);
    };
}

bool SocketStream::configureTls()
{
    if (!m_ssl) {
        fail(SyncError::make(ErrorClass::Internal, u"internal-error"_s,
                             tr("TLS was asked of a connection set up without TLS")));
        return false;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_settings.caFile.isEmpty()) {
        const QList<QSslCertificate> authorities = QSslCertificate::fromPath(m_settings.caFile, QSsl::Pem);
        if (authorities.isEmpty()) {
            //: ca_file is the name of a configuration setting
            fail(SyncError::make(ErrorClass::Config, u"tls-untrusted"_s,
                                 tr("ca_file %1 holds no PEM certificate").arg(m_settings.caFile))
                     .at(ErrorStage::Config));
            return false;
        }
        configuration.addCaCertificates(authorities);
    }
    m_ssl->setSslConfiguration(configuration);
    m_ssl->setPeerVerifyName(m_settings.peerName.isEmpty() ? m_host : m_settings.peerName);
    return true;
}

void SocketStream::connectToHost(const QString &host, quint16 port, bool implicitTls)
{
    m_host = host;
    m_port = port;
    m_implicitTls = implicitTls;
    if (implicitTls) {
        if (!QSslSocket::supportsSsl()) {
            fail(SyncError::make(ErrorClass::Tls, u"tls-handshake"_s, tr("no TLS support in this build of Qt")));
            return;
        }
        if (!configureTls()) {
            return;
        }
        m_tlsRequested = true;
        m_ssl->connectToHostEncrypted(host, port, m_ssl->peerVerifyName());
    } else {
        m_socket->connectToHost(host, port);
    }
}

void SocketStream::startTls()
{
    if (!configureTls()) {
        return;
    }
    m_tlsRequested = true;
    m_ssl->startClientEncryption();
}

void SocketStream::write(const QByteArray &data)
{
    if (!m_failed) {
        m_socket->write(data);
    }
}

QByteArray SocketStream::readAll()
{
    return m_socket->readAll();
}

qsizetype SocketStream::appendTo(QByteArray &buffer)
{
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0) {
        return 0;
    }
    const qsizetype before = buffer.size();
    buffer.resize(before + qsizetype(available));
    const qint64 got = m_socket->read(buffer.data() + before, available);
    buffer.resize(before + qsizetype(qMax<qint64>(got, 0)));
    return qsizetype(qMax<qint64>(got, 0));
}

void SocketStream::close()
{
    m_closing = true;
    m_socket->disconnectFromHost();
}

bool SocketStream::isEncrypted() const
{
    return m_ssl && m_ssl->isEncrypted();
}

TlsSessionInfo SocketStream::tlsSessionInfo() const
{
    TlsSessionInfo info;
    info.encrypted = isEncrypted();
    if (!info.encrypted) {
        return info;
    }
    const QSslCipher cipher = m_ssl->sessionCipher();
    info.protocol = cipher.protocolString();
    info.cipher = cipher.name();
    const QSslCertificate certificate = m_ssl->peerCertificate();
    info.subject = certificateName(certificate.subjectInfo(QSslCertificate::CommonName));
    info.issuer = certificateName(certificate.issuerInfo(QSslCertificate::CommonName));
    info.expiresAt = certificate.expiryDate().toUTC();
    return info;
}

void SocketStream::onSslErrors(const QList<QSslError> &errors)
{
    // Never ignored: the first error decides the hint. Host name and expiry are more specific than
    // "untrusted", so they win when several are reported together.
    QString hint = u"tls-untrusted"_s;
    QString message = tr("the server's certificate is not trusted");
    QStringList details;
    for (const QSslError &error : errors) {
        details.append(error.errorString());
        switch (error.error()) {
        case QSslError::HostNameMismatch:
            hint = u"tls-hostname"_s;
            message = tr("the server's certificate does not name %1").arg(m_ssl->peerVerifyName());
            break;
        case QSslError::CertificateExpired:
        case QSslError::CertificateNotYetValid:
            if (hint != u"tls-hostname"_s) {
                hint = u"tls-expired"_s;
                message = tr("the server's certificate has expired or is not yet valid");
            }
            break;
        default:
            break;
        }
    }
    // What the server presented, so that the administrator sees which certificate was refused.
    const QSslCertificate certificate = m_ssl->peerCertificate();
    if (!certificate.isNull()) {
        details.append(tr("certificate subject %1, issuer %2, valid %3 to %4")
                           .arg(certificateName(certificate.subjectInfo(QSslCertificate::CommonName)),
                                certificateName(certificate.issuerInfo(QSslCertificate::CommonName)),
                                certificate.effectiveDate().toUTC().toString(Qt::ISODate),
                                certificate.expiryDate().toUTC().toString(Qt::ISODate)));
    }
    fail(SyncError::make(ErrorClass::Tls, hint, message, details.join(u"; "_s)).at(ErrorStage::Tls));
}

void SocketStream::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_failed) {
        return;
    }
    const QString detail = m_socket->errorString();
    const QString where = m_host + u':' + QString::number(m_port);
    switch (error) {
    case QAbstractSocket::HostNotFoundError:
        fail(SyncError::make(ErrorClass::Network, u"host-not-found"_s, tr("host %1 not found").arg(m_host), detail)
                 .at(ErrorStage::Dns));
        return;
    case QAbstractSocket::ConnectionRefusedError:
        fail(SyncError::make(ErrorClass::Network, u"connection-refused"_s, tr("connection to %1 refused").arg(where),
                             detail));
        return;
    case QAbstractSocket::SocketTimeoutError:
        fail(SyncError::make(ErrorClass::Timeout, u"timeout"_s, tr("%1 did not answer").arg(where), detail));
        return;
    case QAbstractSocket::RemoteHostClosedError:
        if (m_closing) {
            return;
        }
        if (m_tlsRequested && !isEncrypted()) {
            fail(SyncError::make(ErrorClass::Tls, u"tls-handshake"_s,
                                 tr("%1 closed the connection during the TLS handshake").arg(where), detail));
            return;
        }
        fail(SyncError::make(ErrorClass::Network, u"connection-lost"_s, tr("%1 closed the connection").arg(where),
                             detail));
        return;
    case QAbstractSocket::SslHandshakeFailedError: {
        if (detail.contains(u"wrong version number"_s, Qt::CaseInsensitive) ||
            detail.contains(u"packet length too long"_s, Qt::CaseInsensitive)) {
            // OpenSSL's words for "the peer does not speak TLS": a plain-text port, or a broken STARTTLS.
            //: incoming.port and incoming.security are names of configuration settings
            fail(SyncError::make(ErrorClass::Tls, u"tls-handshake"_s,
                                 tr("%1 did not answer in TLS; check that incoming.port and incoming.security "
                                    "match")
                                     .arg(where),
                                 detail));
            return;
        }
        const bool oldVersion =
            detail.contains(u"version"_s, Qt::CaseInsensitive) || detail.contains(u"protocol"_s, Qt::CaseInsensitive);
        fail(SyncError::make(ErrorClass::Tls, oldVersion ? u"tls-version"_s : u"tls-handshake"_s,
                             tr("TLS handshake with %1 failed").arg(where), detail));
        return;
    }
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        fail(SyncError::make(ErrorClass::Tls, u"tls-handshake"_s, tr("TLS error with %1").arg(where), detail));
        return;
    default:
        fail(SyncError::make(ErrorClass::Network, u"network-error"_s, tr("network error with %1").arg(where), detail));
        return;
    }
}

void SocketStream::fail(const SyncError &failure)
{
    if (m_failed) {
        return;
    }
    // Before the TCP connection: connect; during a TLS handshake: tls; later the session knows best.
    const SyncError error = failure.at(!m_tcpConnected                    ? ErrorStage::Connect
                                       : m_tlsRequested && !isEncrypted() ? ErrorStage::Tls
                                                                          : ErrorStage::Unknown);
    m_failed = true;
    m_socket->abort();
    Q_EMIT failed(error);
}

} // namespace SyncDesk
