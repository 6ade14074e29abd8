#pragma once

#include "bytestream.h"

#include <QSslError>
#include <QSslSocket>
#include <QTcpSocket>

namespace SyncDesk {

// ByteStream over QSslSocket. Certificates are verified against the system store plus the profile's
// ca_file; a certificate that fails verification ends the connection with the Tls class. There is no
// way to ignore certificate errors: an untrusted server is never silently accepted.
class SocketStream final : public ByteStream
{
    Q_OBJECT
public:
    explicit SocketStream(const TlsSettings &settings, QObject *parent = nullptr);
    ~SocketStream() override;

    static ByteStreamFactory factory();

    void connectToHost(const QString &host, quint16 port, bool implicitTls) override;
    void startTls() override;
    void write(const QByteArray &data) override;
    QByteArray readAll() override;
    qsizetype appendTo(QByteArray &buffer) override;
    void close() override;
    bool isEncrypted() const override;
    TlsSessionInfo tlsSessionInfo() const override;

private:
    void onSocketError(QAbstractSocket::SocketError error);
    void onSslErrors(const QList<QSslError> &errors);
    void fail(const SyncError &failure);
    bool configureTls();

    // A QSslSocket, or a plain QTcpSocket when the settings say TLS is never used (its construction
    // would load and initialise OpenSSL for nothing). m_ssl is m_socket when it is a QSslSocket.
    QTcpSocket *m_socket = nullptr;
    QSslSocket *m_ssl = nullptr;
    TlsSettings m_settings;
    QString m_host;
    quint16 m_port = 0;
    bool m_implicitTls = false;
    bool m_failed = false;
    bool m_closing = false;
    bool m_tlsRequested = false;
    bool m_tcpConnected = false;
};

} // namespace SyncDesk
