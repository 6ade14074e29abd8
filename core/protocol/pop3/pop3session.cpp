#include "pop3session.h"

#include "logging/logger.h"
#include "pop3errors.h"
#include "protocol/sessionfailure.h"

#include <limits>

namespace SyncDesk::Pop3 {

using namespace Qt::StringLiterals;

namespace {
const QString kCategory = u"pop3"_s;
}

Session::Session(std::unique_ptr<ByteStream> stream, const SessionOptions &options, QObject *parent)
    : QObject(parent)
    , m_stream(std::move(stream))
    , m_options(options)
    , m_parser(options.limits)
{
    m_watchdog.setSingleShot(true);
    m_clock.start();
    connect(&m_watchdog, &QTimer::timeout, this, &Session::onWatchdog);
    connect(m_stream.get(), &ByteStream::connected, this, [this] {
        if (m_state != State::Connecting) {
            return;
        }
        m_state = State::Greeting;
        //: what the session was doing, as in "no answer from the server while …"
        armWatchdog(m_options.commandTimeoutMs, tr("waiting for the greeting"));
    });
    connect(m_stream.get(), &ByteStream::encrypted, this, [this] {
        if (m_state != State::StartingTls) {
            return;
        }
        m_state = State::Ready;
        m_watchdog.stop();
        m_capabilities.clear(); // what was said in clear text must not be trusted
        m_capaKnown = false;
        requestCapabilities([this] { finishOpen({}); });
    });
    connect(m_stream.get(), &ByteStream::readyRead, this, &Session::onReadyRead);
    connect(m_stream.get(), &ByteStream::disconnected, this, &Session::onDisconnected);
    connect(m_stream.get(), &ByteStream::failed, this, [this](const SyncError &error) {
        if (m_state == State::Quitting || m_state == State::Closed) {
            finishQuit(false);
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

bool Session::hasCapability(const QByteArray &capability) const
{
    return m_capabilities.contains(capability.toUpper());
}

QList<QByteArray> Session::capabilities() const
{
    QList<QByteArray> list(m_capabilities.begin(), m_capabilities.end());
    std::sort(list.begin(), list.end());
    return list;
}

TlsSessionInfo Session::tlsSessionInfo() const
{
    return m_stream ? m_stream->tlsSessionInfo() : TlsSessionInfo{};
}

bool Session::isEncrypted() const
{
    return m_stream && m_stream->isEncrypted();
}

QByteArray Session::commandName(const QByteArray &command) const
{
    const qsizetype space = command.indexOf(' ');
    return (space < 0 ? command : command.left(space)).toUpper();
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

void Session::handleGreeting(const Response &response)
{
    if (response.isErr()) {
        fail(errorFromResponse(response, "greeting"));
        return;
    }
    if (!response.isOk()) {
        fail(SyncError::make(ErrorClass::Protocol, u"protocol-error"_s,
                             tr("the server did not greet with a POP3 greeting; is this a POP3 port?"),
                             QString::fromLatin1(dump(response)).left(200)));
        return;
    }
    m_state = State::Ready;
    m_watchdog.stop();
    afterGreeting();
}

void Session::afterGreeting()
{
    requestCapabilities([this] {
        if (m_security != Security::StartTls || isEncrypted()) {
            finishOpen({});
            return;
        }
        if (m_capaKnown && !hasCapability("STLS")) {
            fail(SyncError::make(ErrorClass::Tls, u"starttls-not-offered"_s,
                                 tr("the server does not offer STLS; refusing to continue unencrypted"))
                     .at(ErrorStage::Tls));
            return;
        }
        execute("STLS", false, [this](const Result<Response> &result) {
            if (!result) {
                SyncError error = result.error();
                if (m_state == State::Failed) {
                    return;
                }
                error.errorClass = ErrorClass::Tls;
                error.hintId = u"starttls-not-offered"_s;
                error.transient = false;
                fail(error);
                return;
            }
            if (m_parser.bufferedBytes() > 0) {
                fail(SyncError::make(ErrorClass::Tls, u"tls-handshake"_s,
                                     tr("the server sent unencrypted data after agreeing to STLS")));
                return;
            }
            m_state = State::StartingTls;
            //: what the session was doing, as in "no answer from the server while …"
            armWatchdog(m_options.connectTimeoutMs, tr("negotiating TLS"));
            m_stream->startTls();
        });
    });
}

void Session::requestCapabilities(std::function<void()> then)
{
    execute("CAPA", true, [this, then = std::move(then)](const Result<Response> &result) {
        if (m_state == State::Failed || m_state == State::Closed) {
            return;
        }
        m_capaKnown = result.ok();
        takeCapabilities(result ? result->lines() : QList<QByteArray>{});
        then();
    });
}

void Session::takeCapabilities(const QList<QByteArray> &lines)
{
    m_capabilities.clear();
    m_loginDelaySeconds = 0;
    m_loginDelayPerUser = false;
    for (const QByteArray &line : lines) {
        const QList<QByteArray> words = line.simplified().split(' ');
        const QByteArray name = words.constFirst().toUpper();
        if (!name.isEmpty()) {
            m_capabilities.insert(name);
        }
        if (name == "LOGIN-DELAY" && words.size() >= 2) {
            // A day at most: a server's word is capped like a throttling delay.
            m_loginDelaySeconds = int(std::clamp(words.at(1).toLongLong(), 0LL, 86400LL));
            m_loginDelayPerUser = words.size() >= 3 && words.at(2).toUpper() == "USER";
        }
        if (line.toUpper().startsWith("SASL ")) {
            for (const QByteArray &mechanism : line.mid(5).split(' ')) {
                if (!mechanism.isEmpty()) {
                    m_capabilities.insert("SASL=" + mechanism.toUpper());
                }
            }
        }
    }
}

void Session::finishOpen(const Status &status)
{
    if (auto done = std::exchange(m_openDone, nullptr)) {
        done(status);
    }
}

void Session::login(const QString &username, const QString &password, std::function<void(Status)> done)
{
    if (m_capaKnown && !hasCapability("USER")) {
        done(SyncError::make(ErrorClass::Auth, u"login-disabled"_s,
                             isEncrypted() ? tr("the server does not allow USER/PASS login")
                                           : tr("the server does not allow a password login on an unencrypted "
                                                "connection"))
                 .at(ErrorStage::Login));
        return;
    }
    const QByteArray user = username.toUtf8();
    const QByteArray pass = password.toUtf8();
    if (user.contains('\r') || user.contains('\n') || pass.contains('\r') || pass.contains('\n')) {
        done(
            SyncError::make(ErrorClass::Config, u"auth-failed"_s, tr("the user name or password contains a line break"))
                .at(ErrorStage::Login));
        return;
    }
    auto finished = std::make_shared<std::function<void(Status)>>(std::move(done));
    if (hasCapability("UTF8") && !m_utf8) {
        // Refused: the session simply goes on without it. Pipelined with USER where the server allows.
        execute("UTF8", false, [this](const Result<Response> &result) { m_utf8 = result.ok(); });
    }
    execute("USER " + user, false, [this, pass, finished](const Result<Response> &result) {
        if (!result) {
            if (auto callback = std::exchange(*finished, nullptr)) {
                callback(result.error());
            }
            return;
        }
        execute(
            "PASS " + pass, false,
            [this, finished](const Result<Response> &answer) {
                if (!answer) {
                    SyncError error = answer.error();
                    if (error.errorClass == ErrorClass::Throttled && error.retryAfterMs == 0) {
                        error.retryAfterMs = qint64(m_loginDelaySeconds) * 1000; // [LOGIN-DELAY]: as CAPA said
                    }
                    if (auto callback = std::exchange(*finished, nullptr)) {
                        callback(error);
                    }
                    return;
                }
                if (!m_loginDelayPerUser) {
                    if (auto callback = std::exchange(*finished, nullptr)) {
                        callback({});
                    }
                    return;
                }
                // The value for this user; a refused CAPA keeps what was said before login.
                execute("CAPA", true, [this, finished](const Result<Response> &capa) {
                    if (capa) {
                        takeCapabilities(capa->lines());
                    }
                    if (auto callback = std::exchange(*finished, nullptr)) {
                        callback(capa || m_state == State::Ready ? Status() : Status(capa.error()));
                    }
                });
            },
            true);
    });
}

void Session::login(const LoginCredentials &credentials, std::function<void(Status)> done)
{
    if (!credentials.isBearer()) {
        login(credentials.username, credentials.secret, std::move(done));
        return;
    }
    const QByteArray mechanism =
        Sasl::chooseBearerMechanism([this](const QByteArray &name) { return hasCapability("SASL=" + name); });
    if (mechanism.isEmpty()) {
        done(SyncError::make(ErrorClass::Auth, u"oauth-not-offered"_s,
                             tr("the POP3 server offers neither AUTH OAUTHBEARER nor XOAUTH2"))
                 .at(ErrorStage::Login));
        return;
    }
    const QByteArray initial = Sasl::bearerInitialResponse(mechanism, credentials).toBase64();
    QByteArray command = "AUTH " + mechanism;
    m_saslReplies.clear();
    // RFC 5034 4: an AUTH line longer than 255 octets (CRLF included) sends its initial response after the
    // empty challenge.
    if (command.size() + 1 + initial.size() + 2 <= 255) {
        command += ' ' + initial;
    } else {
        m_saslReplies.append(initial);
    }
    // For an error challenge: the server then ends the exchange with -ERR.
    m_saslReplies.append(Sasl::bearerErrorAcknowledgement(mechanism));
    m_lastChallenge.clear();
    execute(
        command, false,
        [this, done = std::move(done)](const Result<Response> &result) {
            m_saslReplies.clear();
            if (!result) {
                done(Sasl::bearerRefusal(result.error(), tr("the POP3 server refused the access token"),
                                         m_lastChallenge));
                return;
            }
            done({});
        },
        true);
}

void Session::execute(const QByteArray &command, bool multiLine, Done done, bool sensitive, qint64 expectedBytes)
{
    if (m_state == State::Failed || m_state == State::Closed || m_state == State::Quitting) {
        done(SyncError::make(
            ErrorClass::Network, u"connection-lost"_s,
            tr("the POP3 session is closed; cannot send %1").arg(QString::fromLatin1(commandName(command)))));
        return;
    }
    m_queued.push_back(std::make_shared<Pending>(
        Pending{command, multiLine, sensitive, std::move(done), qMax<qint64>(0, expectedBytes)}));
    pump();
}

void Session::pump()
{
    if (m_state != State::Ready && m_state != State::Quitting) {
        return;
    }
    const int limit = hasCapability("PIPELINING") ? qMax(1, m_options.maxInFlight) : 1;
    QByteArray out;
    // The connection changes after these (and AUTH answers continuations): nothing may follow them on the wire
    // until they are answered.
    auto barrier = [](const QByteArray &name) {
        return name == "STLS" || name == "QUIT" || name == "USER" || name == "PASS" || name == "AUTH";
    };
    while (!m_queued.empty() && int(m_inFlight.size()) < limit &&
           (m_inFlight.empty() || !barrier(commandName(m_inFlight.back()->command)))) {
        std::shared_ptr<Pending> pending = m_queued.front();
        m_queued.pop_front();
        if (m_tracing) {
            Log::debug(kCategory, m_options.mailbox,
                       u"C: "_s + (pending->sensitive
                                       ? QString::fromLatin1(commandName(pending->command)) + u" <credentials hidden>"_s
                                       : QString::fromLatin1(pending->command)));
        }
        out += pending->command + "\r\n";
        // From now to its answer, plus its transfer at the floor rate, after the one ahead of it.
        const qint64 now = m_clock.elapsed();
        const qint64 transferMs = pending->expectedBytes * 1000 / qMax<qint64>(1, m_options.minBytesPerSecond);
        const qint64 startMs =
            m_inFlight.empty() ? now : qMax(now, m_inFlight.back()->deadlineMs - m_options.commandTimeoutMs);
        pending->deadlineMs = startMs + m_options.commandTimeoutMs + transferMs;
        m_inFlight.push_back(pending);
        if (barrier(commandName(pending->command))) {
            break;
        }
    }
    if (!out.isEmpty()) {
        m_stream->write(out);
    }
    if (m_state == State::Quitting && !m_inFlight.empty()) {
        //: what the session was doing, as in "no answer from the server while …"
        armWatchdog(qMin(m_options.commandTimeoutMs, 5000), tr("quitting"));
        return;
    }
    armCommandDeadline();
}

void Session::armCommandDeadline()
{
    if (m_inFlight.empty() || m_state != State::Ready) {
        return;
    }
    // Answers come in order, and each deadline is at least the one before: the first is the earliest.
    const Pending &first = *m_inFlight.front();
    //: what the session was doing, as in "no answer from the server while …"
    m_waitingFor = tr("waiting for the answer to %1").arg(QString::fromLatin1(commandName(first.command)));
    m_watchdog.start(int(qBound<qint64>(0, first.deadlineMs - m_clock.elapsed(), 24LL * 3600 * 1000)));
}

void Session::onWatchdog()
{
    if (m_state == State::Quitting) {
        finishQuit(true); // a server that does not answer QUIT must not hold us up
        return;
    }
    //: stands for the server's host name when it is not known
    const QString host = m_host.isEmpty() ? tr("the server") : m_host;
    if (m_state == State::Ready && !m_inFlight.empty()) {
        const Pending &first = *m_inFlight.front();
        if (first.deadlineMs > m_clock.elapsed()) {
            armCommandDeadline(); // the command it was set for has completed
            return;
        }
        const QString command = QString::fromLatin1(commandName(first.command));
        const QString seconds = QString::number(m_options.commandTimeoutMs / 1000.0, 'g', 4);
        // %n is an int: a larger size is shown as the largest int.
        const int byteCount = int(qMin<qint64>(first.expectedBytes, std::numeric_limits<int>::max()));
        //: %1 is the server, %2 a POP3 command (RETR), %3 a number of seconds, %4 a rate in KiB per second
        const QString message =
            first.expectedBytes > 0
                ? tr("%1 did not complete %2 in time (%3 s allowed from sending it, plus the time for %n byte(s) at "
                     "%4 KiB/s)",
                     nullptr, byteCount)
                      .arg(host, command, seconds, QString::number(m_options.minBytesPerSecond / 1024))
                //: %1 is the server, %2 a POP3 command (RETR), %3 a number of seconds
                : tr("%1 did not complete %2 in time (%3 s allowed from sending it)").arg(host, command, seconds);
        fail(SyncError::make(ErrorClass::Timeout, u"timeout"_s, message));
        return;
    }
    //: %1 is the server, %2 says what the session was doing ("waiting for the greeting")
    fail(SyncError::make(ErrorClass::Timeout, u"timeout"_s, tr("no answer from %1 while %2").arg(host, m_waitingFor)));
}

void Session::armWatchdog(int timeoutMs, const QString &waitingFor)
{
    m_waitingFor = waitingFor;
    m_watchdog.start(timeoutMs);
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
    m_parser.feed(bytes); // bytes extend no deadline: a trickle of data must not hold a session open
    while (m_state != State::Failed && m_state != State::Closed) {
        if (m_state == State::StartingTls) {
            return;
        }
        if (m_state != State::Greeting && m_inFlight.empty()) {
            if (m_parser.bufferedBytes() > 0) {
                fail(SyncError::make(ErrorClass::Protocol, u"protocol-error"_s,
                                     tr("the server sent data nobody asked for")));
            }
            return;
        }
        const bool multiLine = m_state != State::Greeting && m_inFlight.front()->multiLine;
        Response response;
        const ResponseParser::State state = m_parser.next(response, multiLine);
        if (state == ResponseParser::State::NeedMore) {
            return;
        }
        if (state == ResponseParser::State::Failed) {
            fail(m_parser.error());
            return;
        }
        if (m_tracing) {
            Log::debug(kCategory, m_options.mailbox, QString::fromLatin1(QByteArray("S: ") + dump(response)));
        }
        if (m_state == State::Greeting) {
            handleGreeting(response);
            continue;
        }
        if (response.status == Response::Status::Continuation && !m_saslReplies.isEmpty()) {
            m_lastChallenge = response.text.left(4096);
            m_stream->write(m_saslReplies.takeFirst() + "\r\n"); // secrets: never traced
            continue;
        }
        if (response.status == Response::Status::Continuation) {
            // Before the command it answers leaves the queue, so that its callback gets the error too.
            fail(SyncError::make(ErrorClass::Protocol, u"protocol-error"_s,
                                 tr("the server sent a continuation request nobody asked for")));
            return;
        }
        std::shared_ptr<Pending> pending = m_inFlight.front();
        m_inFlight.pop_front();
        if (commandName(pending->command) == "QUIT") {
            finishQuit(true);
            return;
        }
        if (pending->done) {
            if (response.isOk()) {
                pending->done(response);
            } else {
                pending->done(errorFromResponse(response, commandName(pending->command)));
            }
        }
        if (m_state == State::Ready) {
            pump();
            if (m_inFlight.empty() && m_queued.empty()) {
                m_watchdog.stop();
            }
        }
    }
}

void Session::quit(std::function<void()> done)
{
    if (m_state != State::Ready) {
        // Not open yet, already ending or failed: nothing to say goodbye to. What is still pending (an
        // open() under way, a QUIT being sent) completes now.
        m_state = m_state == State::Failed ? State::Failed : State::Closed;
        m_watchdog.stop();
        if (m_stream) {
            m_stream->close();
        }
        completeUnanswered(std::move(done));
        return;
    }
    m_quitDone = std::move(done);
    std::deque<std::shared_ptr<Pending>> unsent;
    unsent.swap(m_queued);
    m_state = State::Quitting;
    for (const auto &command : unsent) {
        if (command->done) {
            command->done(SyncError::make(
                ErrorClass::Cancelled, u"cancelled"_s,
                tr("%1 was not sent: the session is ending").arg(QString::fromLatin1(commandName(command->command)))));
        }
    }
    m_queued.push_back(std::make_shared<Pending>(Pending{"QUIT", false, false, nullptr}));
    pump();
}

void Session::finishQuit(bool closeStream)
{
    m_state = State::Closed;
    m_watchdog.stop();
    if (closeStream && m_stream) {
        m_stream->close();
    }
    completeUnanswered(nullptr);
}

void Session::completeUnanswered(std::function<void()> alsoDone)
{
    completeAsCancelled(m_inFlight, m_queued, m_openDone, m_quitDone, std::move(alsoDone), "POP3");
}

void Session::onDisconnected()
{
    if (m_state == State::Quitting || m_state == State::Closed) {
        finishQuit(false);
        return;
    }
    if (m_state == State::Failed) {
        return;
    }
    //: completes "the server closed the connection while …" when no command was waiting for an answer
    const QString doing = m_waitingFor.isEmpty() ? tr("idle") : m_waitingFor;
    //: %1 says what the session was doing ("waiting for the greeting")
    fail(SyncError::make(ErrorClass::Network, u"connection-lost"_s,
                         tr("the server closed the connection while %1").arg(doing)));
}

void Session::abort(const SyncError &reason)
{
    fail(reason);
}

ErrorStage Session::currentStage() const
{
    switch (m_state) {
    case State::Idle:
    case State::Connecting:
        return ErrorStage::Connect;
    case State::Greeting:
        return ErrorStage::Greeting;
    case State::StartingTls:
        return ErrorStage::Tls;
    case State::Ready:
        if (!m_inFlight.empty()) {
            return stageOfCommand(commandName(m_inFlight.front()->command));
        }
        return m_openDone ? ErrorStage::Greeting : ErrorStage::Unknown;
    case State::Quitting:
    case State::Closed:
    case State::Failed:
        break;
    }
    return ErrorStage::Unknown;
}

void Session::fail(const SyncError &failure)
{
    if (m_state == State::Failed || m_state == State::Closed) {
        return;
    }
    const SyncError error = failure.at(currentStage());
    m_state = State::Failed;
    m_watchdog.stop();
    if (m_tracing) {
        Log::debug(kCategory, m_options.mailbox, u"session failed: "_s + error.toString());
    }
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->close();
    }
    std::deque<std::shared_ptr<Pending>> pending;
    pending.swap(m_inFlight);
    for (auto &queued : m_queued) {
        pending.push_back(queued);
    }
    m_queued.clear();
    auto openDone = std::exchange(m_openDone, nullptr);
    auto quitDone = std::exchange(m_quitDone, nullptr);
    notifySessionFailure(pending, openDone, quitDone, error);
    Q_EMIT failed(error);
}

} // namespace SyncDesk::Pop3
