#pragma once

#include "diagnostics/result.h"
#include "imapcommand.h"
#include "imaplist.h"
#include "imapresponse.h"
#include "imapresponseparser.h"
#include "imapstatus.h"
#include "model/serverprofile.h"
#include "protocol/bytestream.h"
#include "protocol/logincredentials.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>

namespace SyncDesk::Imap {

struct SessionOptions
{
    int connectTimeoutMs = 30000;
    // Each command has a deadline from sending it to its tagged completion: this long, plus the time its
    // expected answer (Command::expectBytes) takes at minBytesPerSecond; a pipelined command's deadline
    // also allows for the transfers ahead of it. Untagged data never extends a deadline, so a server
    // trickling "* OK" cannot hold a session open.
    int commandTimeoutMs = 60000;
    qint64 minBytesPerSecond = 32 * 1024;
    int maxInFlight = 4; // pipelining bound
    // SASL mechanisms the session may use, in order of preference, when the server announces them;
    // without any, it falls back to the LOGIN command.
    QList<QByteArray> saslMechanisms{"PLAIN", "LOGIN"};
    ParserLimits limits;
    QString mailbox; // address, for log records
};

struct SelectInfo
{
    quint32 exists = 0;
    quint32 uidValidity = 0;
    quint32 uidNext = 0; // 0 when the server did not say
    quint64 highestModSeq = 0;
    bool readOnly = false;
    // PERMANENTFLAGS: the flags a client may set for good; \\* means new keywords may be created.
    bool permanentFlagsKnown = false;
    QList<QByteArray> permanentFlags;

    // Whether a keyword set now survives the session (RFC 3501 7.1: without PERMANENTFLAGS, all flags can).
    bool canKeepKeyword(const QByteArray &keyword) const;
};

// STATUS of several folders, keyed by the folder names asked for. A folder in neither hash was not
// reported (LIST-STATUS leaves out folders that do not exist): select it to find out.
struct StatusReport
{
    QHash<QString, FolderStatus> statuses;
    QHash<QString, SyncError> errors;
    bool usedListStatus = false;
};

// One IMAP client connection, asynchronous, driven by the event loop of the thread it lives in.
// Commands are queued and pipelined up to maxInFlight. Servers may interleave the untagged data of
// pipelined commands, so every command in flight sees every untagged response and keeps what is its own. Every failure
// of the connection (lost, BYE, timeout, garbage) completes every pending command with the same classified error, then
// failed().
class Session final : public QObject
{
    Q_OBJECT
public:
    using UntaggedHandler = std::function<void(const Response &)>;
    using Done = std::function<void(const Result<Response> &)>;

    Session(std::unique_ptr<ByteStream> stream, const SessionOptions &options, QObject *parent = nullptr);
    ~Session() override;

    // Connects, reads the greeting and the capabilities, and upgrades with STARTTLS when asked to;
    // never falls back to clear text when STARTTLS is missing.
    void open(const QString &host, quint16 port, Security security, std::function<void(Status)> done);
    // AUTHENTICATE PLAIN when offered, else AUTHENTICATE LOGIN when offered, else the LOGIN command,
    // which LOGINDISABLED forbids (RFC 3501 6.2.3: it does not forbid the mechanisms the server announces).
    void login(const QString &username, const QString &password, std::function<void(Status)> done);
    // A password as above, or an OAuth 2.0 access token through AUTHENTICATE OAUTHBEARER or XOAUTH2 (whichever
    // the server announces, OAUTHBEARER first). A refused token is Auth / oauth-token-refused, with what the
    // server's error challenge said as detail.
    void login(const LoginCredentials &credentials, std::function<void(Status)> done);
    // ENABLE (RFC 5161) those of `extensions` the server offers; done also when it offers none or
    // refuses (the session then simply works without them). While an ENABLE of UTF8=ACCEPT is in
    // flight, status() and select() wait for its answer, as it decides how mailbox names are encoded.
    void enable(const QList<QByteArray> &extensions, std::function<void(Status)> done);
    bool isEnabled(const QByteArray &extension) const;
    // UTF-8 once UTF8=ACCEPT is enabled (RFC 6855), modified UTF-7 before.
    MailboxEncoding mailboxEncoding() const;
    // MESSAGES, UIDNEXT, UIDVALIDITY (and HIGHESTMODSEQ with CONDSTORE) of each folder without selecting
    // it, in one round trip: one LIST-STATUS command for several folders where offered (RFC 5819), else
    // pipelined STATUS commands.
    void status(const QStringList &folders, std::function<void(Result<StatusReport>)> done);
    void select(const QString &folder, bool readOnly, std::function<void(Result<SelectInfo>)> done);
    // Every folder the server lists (LIST "" "*", asking for RFC 6154's special uses where offered), up to
    // maxFolders: the rest of a longer answer is read past and the list is marked truncated.
    void list(std::function<void(Result<FolderList>)> done, int maxFolders = 10000);
    void execute(const Command &command, UntaggedHandler onUntagged, Done done);
    // IDLE (RFC 2177) on the selected folder (imapsessionidle.cpp): `onUntagged` sees what the server reports
    // while idling (EXISTS, EXPUNGE, FETCH), `started` runs once the server accepts, `done` when the command
    // completes after stopIdle(), or fails. Nothing else is sent until stopIdle(). An idle not stopped within
    // maxIdleMs fails as a timeout: a client must renew it (servers end idles after 30 minutes).
    void idle(UntaggedHandler onUntagged, std::function<void()> started, Done done, qint64 maxIdleMs);
    // Sends DONE; the idle's `done` follows with the server's tagged answer.
    void stopIdle();
    bool isIdling() const { return m_idling; }
    // LOGOUT, then close; done runs in any case (also when the server does not answer). Commands the server
    // leaves unanswered, and an open() still under way, complete as cancelled first.
    void logout(std::function<void()> done);
    // Ends the session now: every pending command completes with `reason`.
    void abort(const SyncError &reason);

    bool hasCapability(const QByteArray &capability) const;
    QList<QByteArray> capabilities() const;
    bool isEncrypted() const;
    bool isAuthenticated() const { return m_authenticated; }
    // How login() authenticated: "AUTHENTICATE PLAIN", "AUTHENTICATE LOGIN" or "LOGIN"; empty before.
    const QByteArray &authenticationMethod() const { return m_authMethod; }
    bool isUsable() const { return m_state == State::Ready; }
    TlsSessionInfo tlsSessionInfo() const;
    int commandsInFlight() const { return int(m_inFlight.size()); }
    int commandsQueued() const { return int(m_queued.size()); }

Q_SIGNALS:
    void failed(const SyncDesk::SyncError &error);

private:
    enum class State { Idle, Connecting, Greeting, StartingTls, Ready, LoggingOut, Closed, Failed };

    struct Pending
    {
        QByteArray tag;
        Command command;
        QList<QByteArray> chunks;
        int nextChunk = 0;
        UntaggedHandler onUntagged;
        Done done;
        qint64 deadlineMs = 0; // on m_clock, once sent
        qint64 idleMs = 0;     // an IDLE: how long it may last once accepted (0: not an IDLE)
        std::function<void()> idleStarted = {};
    };

    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onDisconnected();
    void handle(const Response &response);
    void handleGreeting(const Response &response);
    void afterGreeting();
    void startTlsUpgrade();
    void requestCapabilities(std::function<void(Status)> then);
    void updateCapabilities(const QList<Value> &values);
    void pump();
    void sendChunk(Pending &pending);
    void armWatchdog(int timeoutMs, const QString &waitingFor);
    void armCommandDeadline(); // the watchdog, for the first deadline of the commands in flight
    void onWatchdog();
    void disarmWatchdogIfIdle();
    void fail(const SyncError &failure);
    ErrorStage currentStage() const;
    void finishLogout(bool closeStream);
    void completeUnanswered(std::function<void()> alsoDone);
    void finishOpen(const Status &status);
    void trace(const QByteArray &direction, const QByteArray &line);

    std::unique_ptr<ByteStream> m_stream;
    SessionOptions m_options;
    ResponseParser m_parser;
    State m_state = State::Idle;
    Security m_security = Security::Tls;
    QString m_host;
    QSet<QByteArray> m_capabilities;
    QByteArray m_lastContinuation; // the text of the last continuation request (a SASL challenge)
    bool m_idling = false;         // an IDLE was accepted and DONE not sent yet
    QSet<QByteArray> m_enabled;
    bool m_encodingPending = false;               // an ENABLE UTF8=ACCEPT awaits its answer
    QList<std::function<void()>> m_afterEncoding; // status() and select() calls waiting for it
    QByteArray m_authMethod;
    bool m_authenticated = false;
    std::function<void(Status)> m_openDone;
    std::function<void()> m_logoutDone;
    std::deque<std::shared_ptr<Pending>> m_queued;
    std::deque<std::shared_ptr<Pending>> m_inFlight;
    std::shared_ptr<Pending> m_awaitingContinuation;
    quint32 m_nextTag = 1;
    QTimer m_watchdog{this}; // a child, so that moveToThread() moves it too
    QElapsedTimer m_clock;   // monotonic, for command deadlines
    QString m_waitingFor;
    bool m_tracing = false;
};

} // namespace SyncDesk::Imap
