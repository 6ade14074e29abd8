#pragma once

#include "diagnostics/syncerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace SyncDesk {

// What the TLS layer established, for the connection test and the log.
struct TlsSessionInfo
{
    bool encrypted = false;
    QString protocol; // "TLSv1.3"
    QString cipher;
    QString subject;
    QString issuer;
    QDateTime expiresAt;
};

struct TlsSettings
{
    QString peerName; // host name the certificate must name; defaults to the host connected to
    QString caFile;   // extra PEM authorities to trust besides the system store
    // The connection never uses TLS (security "none"): the stream may skip loading the TLS backend.
    bool plainOnly = false;
};

// The bytes under a protocol session. Protocol code only sees this interface, so the same session runs
// over a real TLS socket to a server and over an in-memory stream in tests.
// Every failure is reported once through failed(); no signal is emitted after it.
class ByteStream : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~ByteStream() override = default;

    // implicitTls: TLS from the first byte; connected() is emitted once the handshake succeeded.
    virtual void connectToHost(const QString &host, quint16 port, bool implicitTls) = 0;
    // Upgrades a plain connection (STARTTLS); encrypted() follows, or failed().
    virtual void startTls() = 0;
    virtual void write(const QByteArray &data) = 0;
    virtual QByteArray readAll() = 0;
    // Appends what has arrived to the end of `buffer` and returns how many bytes that was. A stream that
    // can read straight into it (SocketStream) saves the copy into a new array that readAll() makes.
    virtual qsizetype appendTo(QByteArray &buffer)
    {
        const QByteArray bytes = readAll();
        buffer.append(bytes);
        return bytes.size();
    }
    virtual void close() = 0; // flushes what was written, then disconnects
    virtual bool isEncrypted() const = 0;
    virtual TlsSessionInfo tlsSessionInfo() const { return {}; }

Q_SIGNALS:
    // The TCP connection is up (before any TLS handshake); for observers such as the connection test.
    void socketConnected();
    void connected();
    void encrypted();
    void readyRead();
    void disconnected();
    void failed(const SyncDesk::SyncError &error);
};

using ByteStreamFactory = std::function<std::unique_ptr<ByteStream>(const TlsSettings &settings)>;

} // namespace SyncDesk
