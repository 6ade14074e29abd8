#pragma once

// An in-memory ByteStream for session tests and the session fuzzer: the "server" is whatever the test delivers. Behaves
// like SocketStream where a session can tell: connected() and encrypted() come from the event loop (queued),
// close() is followed by disconnected() from the event loop, and after failed() nothing is emitted.
// No Q_OBJECT: it declares no signals or slots of its own.

#include "protocol/bytestream.h"

#include <QMetaObject>

#include <utility>

namespace SyncDesk::Testing {

class MemoryByteStream final : public ByteStream
{
public:
    using ByteStream::ByteStream;

    // The TLS handshake (implicit or after STARTTLS) fails instead of succeeding.
    void setTlsFails(bool fails) { m_tlsFails = fails; }

    void connectToHost(const QString &, quint16, bool implicitTls) override
    {
        ++m_connectCalls;
        m_handshaking = true;
        later([this, implicitTls] {
            Q_EMIT socketConnected();
            if (implicitTls && m_tlsFails) {
                failNow(ErrorClass::Tls, QStringLiteral("tls-handshake"));
                return;
            }
            m_encrypted = implicitTls;
            m_handshaking = false;
            m_connected = true;
            Q_EMIT connected();
        });
    }

    void startTls() override
    {
        ++m_startTlsCalls;
        m_handshaking = true;
        later([this] {
            if (m_tlsFails) {
                failNow(ErrorClass::Tls, QStringLiteral("tls-handshake"));
                return;
            }
            m_encrypted = true;
            m_handshaking = false;
            Q_EMIT encrypted();
        });
    }

    void write(const QByteArray &data) override
    {
        if (m_closed || m_failed) {
            ++m_writesAfterClose;
        }
        m_written += data;
    }

    QByteArray readAll() override { return std::exchange(m_incoming, {}); }

    void close() override
    {
        if (m_closed) {
            return;
        }
        m_closed = true;
        later([this] { emitDisconnected(); });
    }

    bool isEncrypted() const override { return m_encrypted; }

    // --- The fuzzer's side ---

    // Whether the server's bytes can reach the session now: connected, no handshake under way, still open.
    bool acceptsData() const { return m_connected && !m_handshaking && !m_closed && !m_failed && !m_gone; }
    bool isHandshaking() const { return m_handshaking && !m_failed; }
    bool isFinished() const { return m_closed || m_failed || m_gone; }

    void deliver(const QByteArray &bytes)
    {
        m_incoming += bytes;
        Q_EMIT readyRead();
    }
    // The server closes the connection.
    void serverCloses() { emitDisconnected(); }
    // The connection breaks (reset, TLS alert).
    void breaks() { failNow(ErrorClass::Network, QStringLiteral("connection-lost")); }

    int connectCalls() const { return m_connectCalls; }
    int startTlsCalls() const { return m_startTlsCalls; }
    int writesAfterClose() const { return m_writesAfterClose; }
    const QByteArray &written() const { return m_written; }

private:
    template <typename Function>
    void later(Function function)
    {
        QMetaObject::invokeMethod(
            this,
            [this, function] {
                if (!m_failed) {
                    function();
                }
            },
            Qt::QueuedConnection);
    }

    void emitDisconnected()
    {
        if (m_failed || m_gone) {
            return;
        }
        m_gone = true;
        Q_EMIT disconnected();
    }

    void failNow(ErrorClass errorClass, const QString &hintId)
    {
        if (m_failed) {
            return;
        }
        m_failed = true;
        Q_EMIT failed(SyncError::make(errorClass, hintId, QStringLiteral("the fuzzer's connection failed")));
    }

    QByteArray m_incoming;
    QByteArray m_written;
    bool m_tlsFails = false;
    bool m_connected = false;
    bool m_handshaking = false;
    bool m_encrypted = false;
    bool m_closed = false; // close() was called
    bool m_gone = false;   // disconnected() was emitted
    bool m_failed = false; // failed() was emitted
    int m_connectCalls = 0;
    int m_startTlsCalls = 0;
    int m_writesAfterClose = 0;
};

} // namespace SyncDesk::Testing
