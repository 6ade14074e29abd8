#pragma once

#include "diagnostics/result.h"
#include "model/serverprofile.h"
#include "protocol/bytestream.h"
#include "protocol/logincredentials.h"
#include "smtpreply.h"
#include "smtpreplyparser.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSet>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>

namespace SyncDesk::Smtp {

struct SessionOptions
{
    int connectTimeoutMs = 30000;
    int commandTimeoutMs = 60000;
    QByteArray heloName = "syncdesk.localdomain"; // the name given in EHLO
    ParserLimits limits;
    QString mailbox; // address, for log records
};

// What the server made of one mail transaction.
struct Delivery
{
    Reply finalReply;                        // to the end of DATA: "250 2.0.0 Ok: queued as ..."
    QList<QByteArray> accepted;              // recipients RCPT accepted
    QList<QPair<QByteArray, Reply>> refused; // recipients RCPT refused, with the reply to each
};

// One SMTP client connection (RFC 5321), asynchronous, driven by the event loop of the thread it lives in.
// The session connects, greets (EHLO), upgrades with STARTTLS when asked to (never falling back to clear
// text), authenticates (RFC 4954: AUTH PLAIN, else AUTH LOGIN) and sends messages, several over one
// connection (sendMail). Every failure is a classified error at the Send stage.
class Session final : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Result<Reply> &)>;

    Session(std::unique_ptr<ByteStream> stream, const SessionOptions &options, QObject *parent = nullptr);
    ~Session() override;

    // Connects, reads the 220 greeting, sends EHLO, and with StartTls upgrades and greets again.
    void open(const QString &host, quint16 port, Security security, std::function<void(Status)> done);
    // AUTH PLAIN when offered, else AUTH LOGIN; a server offering neither fails with smtp-auth-unsupported.
    void login(const QString &username, const QString &password, std::function<void(Status)> done);
    // A password as above, or an OAuth 2.0 access token through AUTH OAUTHBEARER or XOAUTH2 (whichever EHLO
    // offers, OAUTHBEARER first). A refused token is Auth / oauth-token-refused.
    void login(const LoginCredentials &credentials, std::function<void(Status)> done);
    // One mail transaction: MAIL FROM, RCPT TO for each recipient, DATA and the message (dot-stuffed, CRLF line
    // ends). Recipients refused while others were accepted are listed in the delivery; a transaction every
    // recipient refused, or whose MAIL or DATA was refused, fails with that reply's error (and is reset with
    // RSET, so that the session can send the next message). The session stays open for the next one.
    void sendMail(const QByteArray &from, const QList<QByteArray> &recipients, const QByteArray &message,
                  std::function<void(Result<Delivery>)> done);
    // QUIT, then close; done runs in any case.
    void quit(std::function<void()> done);
    void abort(const SyncError &reason);

    // EHLO keywords, upper case: "STARTTLS", "AUTH", "SIZE", ...; the AUTH mechanisms as "AUTH=PLAIN".
    QList<QByteArray> capabilities() const;
    bool hasCapability(const QByteArray &capability) const;
    bool isEncrypted() const;
    // Open, greeted (and logged in if asked), not failed: another command may be sent.
    bool isUsable() const { return m_state == State::Ready; }
    QByteArray greeting() const { return m_greeting; }
    QByteArray authenticationMethod() const { return m_authMethod; }

Q_SIGNALS:
    void failed(const SyncDesk::SyncError &error);

private:
    enum class State { Idle, Connecting, Greeting, Ready, StartingTls, Quitting, Closed, Failed };

    struct Pending
    {
        QByteArray command; // the line, without CRLF
        QByteArray name;    // for errors: "EHLO", "AUTH", ...
        bool sensitive = false;
        Done done;
        bool raw = false; // done receives the reply whatever its code (RCPT: refusals are results)
    };

    void onReadyRead();
    void onDisconnected();
    void send(const QByteArray &command, const QByteArray &name, Done done, bool sensitive = false);
    void sendRaw(const QByteArray &command, const QByteArray &name, Done done);
    void resetAfter(const SyncError &error, std::function<void(Result<Delivery>)> done);
    void ehlo(std::function<void(Status)> then);
    void startTls();
    void armWatchdog(int timeoutMs, const QString &waitingFor);
    void fail(const SyncError &failure);
    void finishOpen(const Status &status);
    void finishQuit();
    void trace(const QString &line);

    std::unique_ptr<ByteStream> m_stream;
    SessionOptions m_options;
    ReplyParser m_parser;
    State m_state = State::Idle;
    Security m_security = Security::Tls;
    QString m_host;
    QSet<QByteArray> m_capabilities;
    QByteArray m_greeting;
    QByteArray m_authMethod;
    std::function<void(Status)> m_openDone;
    std::function<void()> m_quitDone;
    std::deque<std::shared_ptr<Pending>> m_pending; // sent, waiting for their reply, in order
    QTimer m_watchdog{this};
    QString m_waitingFor;
    bool m_tracing = false;
};

} // namespace SyncDesk::Smtp
