#pragma once

#include "diagnostics/result.h"
#include "model/serverprofile.h"
#include "pop3response.h"
#include "pop3responseparser.h"
#include "protocol/bytestream.h"
#include "protocol/logincredentials.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>

namespace SyncDesk::Pop3 {

struct SessionOptions
{
    int connectTimeoutMs = 30000;
    // Each command must complete within this long from sending it, plus the time its expected answer
    // takes at minBytesPerSecond (a pipelined command also allows for the transfers ahead of it). Bytes
    // received never extend a deadline: a server trickling data cannot hold a session open.
    int commandTimeoutMs = 60000;
    qint64 minBytesPerSecond = 32 * 1024;
    int maxInFlight = 8; // commands sent ahead when the server offers PIPELINING (RFC 2449)
    ParserLimits limits;
    QString mailbox; // address, for log records
};

// One POP3 client connection, asynchronous, driven by the event loop of the thread it lives in.
// Commands are queued and answered in order; with PIPELINING several are on the wire at once. Every
// failure of the connection (lost, timeout, garbage) completes every pending command with the same
// classified error, then failed().
class Session final : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Result<Response> &)>;

    Session(std::unique_ptr<ByteStream> stream, const SessionOptions &options, QObject *parent = nullptr);
    ~Session() override;

    // Connects, reads the greeting and CAPA, and upgrades with STLS when asked to; never falls back to
    // clear text when STLS is missing.
    void open(const QString &host, quint16 port, Security security, std::function<void(Status)> done);
    // USER/PASS. Refuses to send the password in clear text to a server whose CAPA leaves out USER
    // (Dovecot's disable_plaintext_auth), as IMAP's LOGINDISABLED. First, when CAPA offers UTF8, sends
    // UTF8 (RFC 6856), so that the server hands over messages with raw UTF-8 headers as they are instead
    // of a placeholder. When CAPA announced a per-user LOGIN-DELAY, asks CAPA again once logged in.
    void login(const QString &username, const QString &password, std::function<void(Status)> done);
    // A password as above, or an OAuth 2.0 access token through AUTH OAUTHBEARER or XOAUTH2 (RFC 5034; whichever
    // CAPA's SASL line offers, OAUTHBEARER first). A refused token is Auth / oauth-token-refused.
    void login(const LoginCredentials &credentials, std::function<void(Status)> done);
    // Sends one command line (without CRLF); multiLine: its +OK is followed by data up to ".".
    // expectedBytes: the size of the answer to expect (RETR: the size LIST declared), for its deadline.
    void execute(const QByteArray &command, bool multiLine, Done done, bool sensitive = false,
                 qint64 expectedBytes = 0);
    // QUIT, then close; done runs in any case. QUIT never removes anything: SyncDesk sends no DELE.
    // Commands the server leaves unanswered, and an open() still under way, complete as cancelled first.
    void quit(std::function<void()> done);
    void abort(const SyncError &reason);

    bool hasCapability(const QByteArray &capability) const;
    QList<QByteArray> capabilities() const; // CAPA's keywords, upper case, sorted
    // CAPA's LOGIN-DELAY (RFC 2449 6.5): the least time between two logins, in seconds; 0 when none.
    int loginDelaySeconds() const { return m_loginDelaySeconds; }
    bool isUtf8() const { return m_utf8; } // the server accepted UTF8
    bool isEncrypted() const;
    TlsSessionInfo tlsSessionInfo() const;
    bool isUsable() const { return m_state == State::Ready; }
    int commandsInFlight() const { return int(m_inFlight.size()); }

Q_SIGNALS:
    void failed(const SyncDesk::SyncError &error);

private:
    enum class State { Idle, Connecting, Greeting, StartingTls, Ready, Quitting, Closed, Failed };

    struct Pending
    {
        QByteArray command;
        bool multiLine = false;
        bool sensitive = false;
        Done done;
        qint64 expectedBytes = 0;
        qint64 deadlineMs = 0; // on m_clock, once sent
    };

    void onReadyRead();
    void onDisconnected();
    void handleGreeting(const Response &response);
    void afterGreeting();
    void requestCapabilities(std::function<void()> then);
    void takeCapabilities(const QList<QByteArray> &lines); // CAPA's answer
    void pump();
    void armWatchdog(int timeoutMs, const QString &waitingFor);
    void armCommandDeadline();
    void onWatchdog();
    void fail(const SyncError &failure);
    ErrorStage currentStage() const;
    void finishQuit(bool closeStream);
    void completeUnanswered(std::function<void()> alsoDone);
    void finishOpen(const Status &status);
    QByteArray commandName(const QByteArray &command) const;

    std::unique_ptr<ByteStream> m_stream;
    SessionOptions m_options;
    ResponseParser m_parser;
    State m_state = State::Idle;
    Security m_security = Security::Tls;
    QString m_host;
    QSet<QByteArray> m_capabilities;
    // What to answer to the server's next SASL continuation requests ("+ ..."), in order; without any, such a
    // request is a protocol error.
    QList<QByteArray> m_saslReplies;
    QByteArray m_lastChallenge;
    bool m_capaKnown = false; // the server answered CAPA
    int m_loginDelaySeconds = 0;
    bool m_loginDelayPerUser = false; // "LOGIN-DELAY n USER": the value after login may differ
    bool m_utf8 = false;
    std::function<void(Status)> m_openDone;
    std::function<void()> m_quitDone;
    std::deque<std::shared_ptr<Pending>> m_queued;
    std::deque<std::shared_ptr<Pending>> m_inFlight;
    QTimer m_watchdog{this};
    QElapsedTimer m_clock; // monotonic, for command deadlines
    QString m_waitingFor;
    bool m_tracing = false;
};

} // namespace SyncDesk::Pop3
