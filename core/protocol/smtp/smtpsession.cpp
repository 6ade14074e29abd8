#include "smtpsession.h"

#include "logging/logger.h"
#include "protocol/sessionfailure.h"
#include "smtperrors.h"

namespace SyncDesk::Smtp {

using namespace Qt::StringLiterals;

namespace {

const QString kCategory = u"smtp"_s;

} // namespace

Session::Session(std::unique_ptr<ByteStream> stream, const SessionOptions &options, QObject *parent)
    : QObject(parent)
    , m_stream(std::move(stream))
    , m_options(options)
    , m_parser(options.limits)
{
    m_watchdog.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        if (m_state == State::Quitting) {
            finishQuit();
            return;
        }
        //: stands for the server's host name when it is not known
        const QString host = m_host.isEmpty() ? tr("the SMTP server") : m_host;
        //: %1 is the server, %2 says what the session was doing ("waiting for the greeting")
        fail(SyncError::make(ErrorClass::Timeout, u"timeout"_s,
                             tr("no answer from %1 while %2").arg(host, m_waitingFor)));
    });
    connect(m_stream.get(), &ByteStream::connected, this, [this] {
        if (m_state == State::Connecting) {
            m_state = State::Greeting;
            //: what the session was doing, as in "no answer from the server while …"
            armWatchdog(m_options.commandTimeoutMs, tr("waiting for the greeting"));
        }
    });
    connect(m_stream.get(), &ByteStream::encrypted, this, [this] {
        if (m_state != State::StartingTls) {
            return;
        }
        m_state = State::Ready;
        m_capabilities.clear(); // what was announced in clear text is not trusted (RFC 3207 4.2)
        ehlo([this](Status status) { finishOpen(status); });
    });
    connect(m_stream.get(), &ByteStream::readyRead, this, &Session::onReadyRead);
    connect(m_stream.get(), &ByteStream::disconnected, this, &Session::onDisconnected);
    connect(m_stream.get(), &ByteStream::failed, this, [this](const SyncError &error) {
        if (m_state == State::Quitting || m_state == State::Closed) {
            finishQuit();
            return;
        }
        fail(error);
    });
}

Session::~Session()
{
    m_state = State::Closed;
    m_watchdog.stop();
    if (m_stream) {
        m_stream->disconnect(this);
    }
}

QList<QByteArray> Session::capabilities() const
{
    QList<QByteArray> list(m_capabilities.begin(), m_capabilities.end());
    std::sort(list.begin(), list.end());
    return list;
}

bool Session::hasCapability(const QByteArray &capability) const
{
    return m_capabilities.contains(capability.toUpper());
}

bool Session::isEncrypted() const
{
    return m_stream && m_stream->isEncrypted();
}

void Session::trace(const QString &line)
{
    if (m_tracing) {
        Log::debug(kCategory, m_options.mailbox, line.left(300));
    }
}

void Session::open(const QString &host, quint16 port, Security security, std::function<void(Status)> done)
{
    m_host = host;
    m_security = security;
    m_openDone = std::move(done);
    m_tracing = Logger::instance().isDebugEnabled(m_options.mailbox);
    m_state = State::Connecting;
    //: what the session was doing, as in "no answer from the server while …"
    armWatchdog(m_options.connectTimeoutMs, tr("connecting to %1:%2").arg(host).arg(port));
    m_stream->connectToHost(host, port, security == Security::Tls);
}

void Session::armWatchdog(int timeoutMs, const QString &waitingFor)
{
    m_waitingFor = waitingFor;
    m_watchdog.start(timeoutMs);
}

void Session::send(const QByteArray &command, const QByteArray &name, Done done, bool sensitive)
{
    if (m_state == State::Failed || m_state == State::Closed) {
        done(SyncError::make(ErrorClass::Network, u"connection-lost"_s,
                             tr("the SMTP session is closed; cannot send %1").arg(QString::fromLatin1(name)))
                 .at(ErrorStage::Send));
        return;
    }
    trace(u"C: "_s +
          (sensitive ? QString::fromLatin1(name) + u" <credentials hidden>"_s : QString::fromLatin1(command)));
    m_pending.push_back(std::make_shared<Pending>(Pending{command, name, sensitive, std::move(done)}));
    m_stream->write(command + "\r\n");
    //: what the session was doing, as in "no answer from the server while …"
    armWatchdog(m_options.commandTimeoutMs, tr("waiting for the answer to %1").arg(QString::fromLatin1(name)));
}

void Session::onReadyRead()
{
    if (m_state == State::Failed || m_state == State::Closed) {
        return;
    }
    const QByteArray bytes = m_stream->readAll();
    if (bytes.isEmpty()) {
        return;
    }
    m_parser.feed(bytes);
    Reply reply;
    while (m_state != State::Failed && m_state != State::Closed && m_state != State::StartingTls) {
        const ReplyParser::State state = m_parser.next(reply);
        if (state == ReplyParser::State::NeedMore) {
            return;
        }
        if (state == ReplyParser::State::Failed) {
            fail(m_parser.error());
            return;
        }
        trace(u"S: "_s + QString::fromLatin1(dump(reply)));
        if (m_state == State::Greeting) {
            m_watchdog.stop();
            if (reply.code != 220) {
                fail(reply.code == 554 || reply.code == 421
                         ? errorFromReply(reply, "greeting")
                         : SyncError::make(ErrorClass::Protocol, u"protocol-error"_s,
                                           tr("the server did not greet with an SMTP greeting; is this an SMTP port?"),
                                           QString::fromLatin1(dump(reply)).left(200)));
                return;
            }
            m_greeting = reply.text();
            m_state = State::Ready;
            ehlo([this](Status status) {
                if (!status) {
                    finishOpen(status);
                    return;
                }
                if (m_security != Security::StartTls || isEncrypted()) {
                    finishOpen({});
                    return;
                }
                startTls();
            });
            continue;
        }
        if (m_pending.empty()) {
            if (reply.code == 421) {
                fail(errorFromReply(reply, "session"));
                return;
            }
            fail(SyncError::make(ErrorClass::Protocol, u"protocol-error"_s,
                                 tr("the SMTP server answered a command that was never sent"),
                                 QString::fromLatin1(dump(reply)).left(200)));
            return;
        }
        std::shared_ptr<Pending> pending = m_pending.front();
        m_pending.pop_front();
        if (m_pending.empty()) {
            m_watchdog.stop();
        }
        if (pending->name == "QUIT") {
            finishQuit();
            return;
        }
        if (pending->done) {
            if (reply.isPositive() || pending->raw) {
                pending->done(reply);
            } else {
                pending->done(errorFromReply(reply, pending->name));
            }
        }
    }
}

void Session::ehlo(std::function<void(Status)> then)
{
    send("EHLO " + m_options.heloName, "EHLO", [this, then](const Result<Reply> &result) {
        if (!result) {
            if (result.error().errorClass != ErrorClass::ServerBad) {
                then(result.error());
                return;
            }
            // An old server without ESMTP: HELO, and no extensions at all.
            send("HELO " + m_options.heloName, "HELO",
                 [then](const Result<Reply> &helo) { then(helo ? Status() : Status(helo.error())); });
            return;
        }
        m_capabilities.clear();
        const QList<QByteArray> &lines = result->lines;
        for (qsizetype i = 1; i < lines.size(); ++i) { // the first line is the server's name
            const QList<QByteArray> words = lines.at(i).simplified().toUpper().split(' ');
            if (words.isEmpty() || words.constFirst().isEmpty()) {
                continue;
            }
            QByteArray keyword = words.constFirst();
            if (keyword.startsWith("AUTH=")) { // the pre-RFC 4954 form some servers still send
                m_capabilities.insert("AUTH");
                for (const QByteArray &mechanism : keyword.mid(5).split(',')) {
                    m_capabilities.insert("AUTH=" + mechanism);
                }
                continue;
            }
            m_capabilities.insert(keyword);
            if (keyword == "AUTH") {
                for (qsizetype w = 1; w < words.size(); ++w) {
                    m_capabilities.insert("AUTH=" + words.at(w));
                }
            }
        }
        then({});
    });
}

void Session::startTls()
{
    if (!hasCapability("STARTTLS")) {
        fail(SyncError::make(ErrorClass::Tls, u"starttls-not-offered"_s,
                             tr("the SMTP server does not offer STARTTLS; refusing to continue unencrypted")));
        return;
    }
    send("STARTTLS", "STARTTLS", [this](const Result<Reply> &result) {
        if (!result) {
            fail(result.error());
            return;
        }
        if (m_parser.bufferedBytes() > 0) {
            fail(SyncError::make(ErrorClass::Tls, u"tls-handshake"_s,
                                 tr("the SMTP server sent unencrypted data after agreeing to STARTTLS")));
            return;
        }
        m_state = State::StartingTls;
        //: what the session was doing, as in "no answer from the server while …"
        armWatchdog(m_options.connectTimeoutMs, tr("negotiating TLS"));
        m_stream->startTls();
    });
}

void Session::finishOpen(const Status &status)
{
    if (auto done = std::exchange(m_openDone, nullptr)) {
        done(status);
    }
}

void Session::login(const QString &username, const QString &password, std::function<void(Status)> done)
{
    const QByteArray user = username.toUtf8();
    const QByteArray pass = password.toUtf8();
    auto finished = std::make_shared<std::function<void(Status)>>(std::move(done));
    auto complete = [finished](const Result<Reply> &result) {
        if (auto callback = std::exchange(*finished, nullptr)) {
            callback(result ? Status() : Status(result.error()));
        }
    };
    if (hasCapability("AUTH=PLAIN")) {
        m_authMethod = "AUTH PLAIN";
        QByteArray plain;
        plain.append('\0').append(user).append('\0').append(pass);
        send("AUTH PLAIN " + plain.toBase64(), "AUTH", complete, true);
        return;
    }
    if (hasCapability("AUTH=LOGIN")) {
        m_authMethod = "AUTH LOGIN";
        send("AUTH LOGIN", "AUTH", [this, user, pass, complete](const Result<Reply> &challenge) {
            if (!challenge || challenge->code != 334) {
                complete(challenge);
                return;
            }
            send(
                user.toBase64(), "AUTH",
                [this, pass, complete](const Result<Reply> &second) {
                    if (!second || second->code != 334) {
                        complete(second);
                        return;
                    }
                    send(pass.toBase64(), "AUTH", complete, true);
                },
                true);
        });
        return;
    }
    complete(SyncError::make(ErrorClass::Auth, u"smtp-auth-unsupported"_s,
                             isEncrypted()
                                 ? tr("the SMTP server offers no AUTH PLAIN or AUTH LOGIN")
                                 : tr("the SMTP server offers no AUTH PLAIN or AUTH LOGIN on this unencrypted "
                                      "connection"))
                 .at(ErrorStage::Send));
}

void Session::login(const LoginCredentials &credentials, std::function<void(Status)> done)
{
    if (!credentials.isBearer()) {
        login(credentials.username, credentials.secret, std::move(done));
        return;
    }
    const QByteArray mechanism =
        Sasl::chooseBearerMechanism([this](const QByteArray &name) { return hasCapability("AUTH=" + name); });
    if (mechanism.isEmpty()) {
        done(SyncError::make(ErrorClass::Auth, u"oauth-not-offered"_s,
                             tr("the SMTP server offers neither AUTH OAUTHBEARER nor XOAUTH2"))
                 .at(ErrorStage::Send));
        return;
    }
    m_authMethod = "AUTH " + mechanism;
    const QByteArray initial = Sasl::bearerInitialResponse(mechanism, credentials).toBase64();
    const QByteArray acknowledgement = Sasl::bearerErrorAcknowledgement(mechanism);
    auto finished = std::make_shared<std::function<void(Status)>>(std::move(done));
    auto complete = [this, finished](const Result<Reply> &result, const QByteArray &challenge) {
        auto callback = std::exchange(*finished, nullptr);
        if (!callback) {
            return;
        }
        if (result) {
            callback({});
            return;
        }
        callback(Sasl::bearerRefusal(result.error(), tr("the SMTP server refused the access token"), challenge));
    };
    // The answer to the token: 235, or 334 with an error challenge, acknowledged so that the server says why.
    auto afterToken = [this, acknowledgement, complete](const Result<Reply> &answer) {
        if (!answer || answer->code != 334) {
            complete(answer, {});
            return;
        }
        const QByteArray challenge = answer->lines.value(0);
        send(acknowledgement, "AUTH", [complete, challenge](const Result<Reply> &last) {
            complete(last.ok() && last->code == 334
                         ? Result<Reply>(SyncError::make(ErrorClass::Auth, u"oauth-token-refused"_s,
                                                         tr("the SMTP server refused the access token")))
                         : last,
                     challenge);
        });
    };
    // RFC 4954 4: a command line over 512 octets sends the initial response after an empty challenge.
    if (QByteArray("AUTH ").size() + mechanism.size() + 1 + initial.size() + 2 <= 512) {
        send("AUTH " + mechanism + ' ' + initial, "AUTH", afterToken, true);
        return;
    }
    send("AUTH " + mechanism, "AUTH", [this, initial, afterToken, complete](const Result<Reply> &challenge) {
        if (!challenge || challenge->code != 334) {
            complete(challenge, {});
            return;
        }
        send(initial, "AUTH", afterToken, true);
    });
}

void Session::quit(std::function<void()> done)
{
    if (m_state != State::Ready) {
        m_state = m_state == State::Failed ? State::Failed : State::Closed;
        if (m_stream) {
            m_stream->close();
        }
        done();
        return;
    }
    m_quitDone = std::move(done);
    m_state = State::Quitting;
    trace(u"C: QUIT"_s);
    m_pending.push_back(std::make_shared<Pending>(Pending{"QUIT", "QUIT", false, nullptr}));
    m_stream->write("QUIT\r\n");
    //: what the session was doing, as in "no answer from the server while …"
    armWatchdog(qMin(m_options.commandTimeoutMs, 5000), tr("quitting"));
}

void Session::finishQuit()
{
    m_state = State::Closed;
    m_watchdog.stop();
    if (m_stream) {
        m_stream->close();
    }
    if (auto done = std::exchange(m_quitDone, nullptr)) {
        done();
    }
}

void Session::onDisconnected()
{
    if (m_state == State::Quitting || m_state == State::Closed) {
        finishQuit();
        return;
    }
    if (m_state == State::Failed) {
        return;
    }
    //: completes "the SMTP server closed the connection while …" when no command was waiting for an answer
    const QString doing = m_waitingFor.isEmpty() ? tr("idle") : m_waitingFor;
    //: %1 says what the session was doing ("waiting for the greeting")
    fail(SyncError::make(ErrorClass::Network, u"connection-lost"_s,
                         tr("the SMTP server closed the connection while %1").arg(doing)));
}

void Session::abort(const SyncError &reason)
{
    fail(reason);
}

void Session::fail(const SyncError &failure)
{
    if (m_state == State::Failed || m_state == State::Closed) {
        return;
    }
    SyncError error = failure;
    error.stage = ErrorStage::Send; // whatever went wrong, it went wrong with the outgoing server
    m_state = State::Failed;
    m_watchdog.stop();
    trace(u"session failed: "_s + error.toString());
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->close();
    }
    std::deque<std::shared_ptr<Pending>> pending;
    pending.swap(m_pending);
    auto openDone = std::exchange(m_openDone, nullptr);
    auto quitDone = std::exchange(m_quitDone, nullptr);
    notifySessionFailure(pending, openDone, quitDone, error);
    Q_EMIT failed(error);
}

} // namespace SyncDesk::Smtp
