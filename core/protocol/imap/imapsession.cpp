#include "imapsession.h"

#include "imaperrors.h"
#include "logging/logger.h"
#include "protocol/sessionfailure.h"

#include <limits>

namespace SyncDesk::Imap {

using namespace Qt::StringLiterals;

namespace {

const QString kCategory = u"imap"_s;

SyncError lostConnection(const QString &waitingFor)
{
    //: %1 says what the session was doing ("waiting for the greeting")
    return SyncError::make(ErrorClass::Network, u"connection-lost"_s,
                           Session::tr("the server closed the connection while %1").arg(waitingFor));
}

} // namespace

Session::Session(std::unique_ptr<ByteStream> stream, const SessionOptions &options, QObject *parent)
    : QObject(parent)
    , m_stream(std::move(stream))
    , m_options(options)
    , m_parser(options.limits)
{
    m_watchdog.setSingleShot(true);
    m_clock.start();
    connect(&m_watchdog, &QTimer::timeout, this, &Session::onWatchdog);
    connect(m_stream.get(), &ByteStream::connected, this, &Session::onConnected);
    connect(m_stream.get(), &ByteStream::encrypted, this, &Session::onEncrypted);
    connect(m_stream.get(), &ByteStream::readyRead, this, &Session::onReadyRead);
    connect(m_stream.get(), &ByteStream::disconnected, this, &Session::onDisconnected);
    connect(m_stream.get(), &ByteStream::failed, this, [this](const SyncError &error) {
        if (m_state == State::LoggingOut || m_state == State::Closed) {
            finishLogout(false);
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

bool Session::isEncrypted() const
{
    return m_stream && m_stream->isEncrypted();
}

TlsSessionInfo Session::tlsSessionInfo() const
{
    return m_stream ? m_stream->tlsSessionInfo() : TlsSessionInfo{};
}

void Session::trace(const QByteArray &direction, const QByteArray &line)
{
    if (m_tracing) {
        Log::debug(kCategory, m_options.mailbox, QString::fromLatin1(direction + ' ' + line.left(300)));
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

void Session::onConnected()
{
    if (m_state != State::Connecting) {
        return;
    }
    m_state = State::Greeting;
    //: what the session was doing, as in "no answer from the server while …"
    armWatchdog(m_options.commandTimeoutMs, tr("waiting for the greeting"));
}

void Session::handleGreeting(const Response &response)
{
    if (!response.isUntagged() ||
        (response.status != ResponseStatus::Ok && response.status != ResponseStatus::Preauth &&
         response.status != ResponseStatus::Bye)) {
        fail(SyncError::make(ErrorClass::Protocol, u"protocol-error"_s,
                             tr("the server did not greet with an IMAP greeting; is this an IMAP port?"),
                             QString::fromLatin1(dump(response)).left(200)));
        return;
    }
    if (response.status == ResponseStatus::Bye) {
        fail(errorFromResponse(response, "greeting"));
        return;
    }
    if (response.code && response.code->name == "CAPABILITY") {
        updateCapabilities(response.code->arguments);
    }
    m_authenticated = response.status == ResponseStatus::Preauth;
    m_state = State::Ready;
    afterGreeting();
}

void Session::afterGreeting()
{
    auto continueOpen = [this](Status status) {
        if (!status) {
            finishOpen(status);
            return;
        }
        if (m_security != Security::StartTls || isEncrypted()) {
            finishOpen({});
            return;
        }
        if (!hasCapability("STARTTLS")) {
            fail(SyncError::make(ErrorClass::Tls, u"starttls-not-offered"_s,
                                 tr("the server does not offer STARTTLS; refusing to continue unencrypted"))
                     .at(ErrorStage::Tls));
            return;
        }
        startTlsUpgrade();
    };
    if (m_capabilities.isEmpty()) {
        requestCapabilities(continueOpen);
    } else {
        continueOpen({});
    }
}

void Session::startTlsUpgrade()
{
    execute(Command("STARTTLS"), nullptr, [this](const Result<Response> &result) {
        if (!result) {
            SyncError error = result.error();
            error.errorClass = ErrorClass::Tls;
            error.hintId = u"starttls-not-offered"_s;
            error.transient = false;
            fail(error);
            return;
        }
        if (m_parser.bufferedBytes() > 0) {
            // Anything after the OK was sent before encryption: a man in the middle could have injected it.
            fail(SyncError::make(ErrorClass::Tls, u"tls-handshake"_s,
                                 tr("the server sent unencrypted data after agreeing to STARTTLS"))
                     .at(ErrorStage::Tls));
            return;
        }
        m_state = State::StartingTls;
        //: what the session was doing, as in "no answer from the server while …"
        armWatchdog(m_options.connectTimeoutMs, tr("negotiating TLS"));
        m_stream->startTls();
    });
}

void Session::onEncrypted()
{
    if (m_state != State::StartingTls) {
        return;
    }
    m_state = State::Ready;
    m_capabilities.clear(); // capabilities learnt in clear text must not be trusted (RFC 3501 6.2.1)
    disarmWatchdogIfIdle();
    requestCapabilities([this](Status status) { finishOpen(status); });
}

void Session::finishOpen(const Status &status)
{
    if (auto done = std::exchange(m_openDone, nullptr)) {
        done(status);
    }
}

void Session::requestCapabilities(std::function<void(Status)> then)
{
    execute(Command("CAPABILITY"), nullptr, [then = std::move(then)](const Result<Response> &result) {
        if (!result) {
            then(result.error());
            return;
        }
        then({});
    });
}

void Session::updateCapabilities(const QList<Value> &values)
{
    m_capabilities.clear();
    for (const Value &value : values) {
        if (value.isAtom()) {
            m_capabilities.insert(value.bytes().toUpper());
        }
    }
}

void Session::login(const QString &username, const QString &password, std::function<void(Status)> done)
{
    if (m_authenticated) {
        done({});
        return;
    }
    const QByteArray user = username.toUtf8();
    const QByteArray pass = password.toUtf8();
    // The first mechanism of ours the server announces: SASL PLAIN (one round trip with SASL-IR), SASL
    // LOGIN (server-first, one continuation per credential); else the LOGIN command.
    QByteArray mechanism;
    for (const QByteArray &candidate : std::as_const(m_options.saslMechanisms)) {
        if (hasCapability("AUTH=" + candidate.toUpper())) {
            mechanism = candidate.toUpper();
            break;
        }
    }
    if (mechanism.isEmpty() && hasCapability("LOGINDISABLED")) {
        done(SyncError::make(ErrorClass::Auth, u"login-disabled"_s,
                             isEncrypted() ? tr("the server does not allow logging in with a password")
                                           : tr("the server does not allow a password login on an unencrypted "
                                                "connection"))
                 .at(ErrorStage::Login));
        return;
    }
    std::optional<Command> command;
    if (mechanism == "PLAIN") {
        QByteArray plain;
        plain.append('\0').append(user).append('\0').append(pass);
        const QByteArray initial = plain.toBase64();
        command.emplace("AUTHENTICATE");
        command->atom("PLAIN");
        if (hasCapability("SASL-IR")) {
            command->raw(initial.isEmpty() ? QByteArray("=") : initial);
        } else {
            command->continuation(initial);
        }
        m_authMethod = "AUTHENTICATE PLAIN";
    } else if (mechanism == "LOGIN") {
        command.emplace("AUTHENTICATE");
        command->atom("LOGIN");
        command->continuation(user.toBase64());
        command->continuation(pass.toBase64());
        m_authMethod = "AUTHENTICATE LOGIN";
    } else {
        command.emplace("LOGIN");
        command->astring(user).astring(pass);
        m_authMethod = "LOGIN";
    }
    command->sensitive();
    execute(*command, nullptr, [this, done = std::move(done)](const Result<Response> &result) {
        if (!result) {
            done(result.error());
            return;
        }
        m_authenticated = true;
        const Response &ok = result.value();
        if (ok.code && ok.code->name == "CAPABILITY") {
            updateCapabilities(ok.code->arguments);
            done({});
            return;
        }
        // Capabilities often change after login; ask again.
        requestCapabilities(done);
    });
}

void Session::login(const LoginCredentials &credentials, std::function<void(Status)> done)
{
    if (!credentials.isBearer()) {
        login(credentials.username, credentials.secret, std::move(done));
        return;
    }
    if (m_authenticated) {
        done({});
        return;
    }
    const QByteArray mechanism =
        Sasl::chooseBearerMechanism([this](const QByteArray &name) { return hasCapability("AUTH=" + name); });
    if (mechanism.isEmpty()) {
        done(SyncError::make(ErrorClass::Auth, u"oauth-not-offered"_s,
                             tr("the IMAP server offers neither AUTHENTICATE OAUTHBEARER nor XOAUTH2"))
                 .at(ErrorStage::Login));
        return;
    }
    const QByteArray initial = Sasl::bearerInitialResponse(mechanism, credentials).toBase64();
    Command command("AUTHENTICATE");
    command.atom(mechanism);
    if (hasCapability("SASL-IR")) {
        command.raw(initial);
    } else {
        command.continuation(initial);
    }
    // Sent only when the server answers the token with an error challenge; it then ends the exchange with NO.
    command.continuation(Sasl::bearerErrorAcknowledgement(mechanism));
    command.sensitive();
    m_authMethod = "AUTHENTICATE " + mechanism;
    m_lastContinuation.clear();
    execute(command, nullptr, [this, done = std::move(done)](const Result<Response> &result) {
        if (!result) {
            done(Sasl::bearerRefusal(result.error(), tr("the IMAP server refused the access token"),
                                     m_lastContinuation));
            return;
        }
        m_authenticated = true;
        const Response &ok = result.value();
        if (ok.code && ok.code->name == "CAPABILITY") {
            updateCapabilities(ok.code->arguments);
            done({});
            return;
        }
        requestCapabilities(done);
    });
}

void Session::execute(const Command &command, UntaggedHandler onUntagged, Done done)
{
    if (m_state == State::Failed || m_state == State::Closed || m_state == State::LoggingOut) {
        done(
            SyncError::make(ErrorClass::Network, u"connection-lost"_s,
                            tr("the IMAP session is closed; cannot send %1").arg(QString::fromLatin1(command.name()))));
        return;
    }
    auto pending = std::make_shared<Pending>(Pending{{}, command, {}, 0, std::move(onUntagged), std::move(done)});
    m_queued.push_back(std::move(pending));
    pump();
}

void Session::pump()
{
    if (m_state != State::Ready && m_state != State::LoggingOut) {
        return;
    }
    while (!m_queued.empty() && !m_awaitingContinuation && int(m_inFlight.size()) < qMax(1, m_options.maxInFlight)) {
        std::shared_ptr<Pending> pending = m_queued.front();
        m_queued.pop_front();
        pending->tag = 'A' + QByteArray::number(m_nextTag++).rightJustified(4, '0');
        const qint64 nonSynchronizing = hasCapability("LITERAL+")   ? std::numeric_limits<qint64>::max()
                                        : hasCapability("LITERAL-") ? qint64(4096)
                                                                    : qint64(0);
        pending->chunks = pending->command.chunks(pending->tag, nonSynchronizing);
        // From now to its tagged completion, plus its transfer at the floor rate; after the deadline of the
        // command ahead of it, less that one's base time, as the server answers in order.
        const qint64 now = m_clock.elapsed();
        const qint64 transferMs =
            pending->command.expectedBytes() * 1000 / qMax<qint64>(1, m_options.minBytesPerSecond);
        const qint64 startMs =
            m_inFlight.empty() ? now : qMax(now, m_inFlight.back()->deadlineMs - m_options.commandTimeoutMs);
        pending->deadlineMs = startMs + m_options.commandTimeoutMs + transferMs;
        m_inFlight.push_back(pending);
        if (m_tracing) {
            trace("C:", pending->command.redacted(pending->tag));
        }
        sendChunk(*pending);
        if (pending->nextChunk < pending->chunks.size()) {
            m_awaitingContinuation = pending;
        }
        // A command that changes the connection's state must complete before anything else is sent.
        const QByteArray &name = pending->command.name();
        if (name == "STARTTLS" || name == "LOGIN" || name == "AUTHENTICATE" || name == "LOGOUT") {
            break;
        }
    }
    armCommandDeadline();
}

void Session::armCommandDeadline()
{
    if (m_inFlight.empty() || m_state == State::LoggingOut) {
        return;
    }
    const auto first = std::min_element(m_inFlight.begin(), m_inFlight.end(),
                                        [](const auto &a, const auto &b) { return a->deadlineMs < b->deadlineMs; });
    //: what the session was doing, as in "no answer from the server while …"
    m_waitingFor = tr("waiting for the answer to %1").arg(QString::fromLatin1((*first)->command.name()));
    m_watchdog.start(int(qBound<qint64>(0, (*first)->deadlineMs - m_clock.elapsed(), 24LL * 3600 * 1000)));
}

void Session::onWatchdog()
{
    //: stands for the server's host name when it is not known
    const QString host = m_host.isEmpty() ? tr("the server") : m_host;
    if (m_state == State::Ready && !m_inFlight.empty()) {
        const qint64 now = m_clock.elapsed();
        const auto late = std::find_if(m_inFlight.begin(), m_inFlight.end(),
                                       [now](const auto &pending) { return pending->deadlineMs <= now; });
        if (late == m_inFlight.end()) {
            armCommandDeadline(); // the command it was set for has completed
            return;
        }
        const Pending &pending = **late;
        const QString command = QString::fromLatin1(pending.command.name());
        const QString seconds = QString::number(m_options.commandTimeoutMs / 1000.0, 'g', 4);
        const qint64 bytes = pending.command.expectedBytes();
        // %n is an int: a larger size is shown as the largest int.
        const int byteCount = int(qMin<qint64>(bytes, std::numeric_limits<int>::max()));
        //: %1 is the server, %2 an IMAP command (UID FETCH), %3 a number of seconds, %4 a rate in KiB per second
        const QString message =
            bytes > 0 ? tr("%1 did not complete %2 in time (%3 s allowed from sending it, plus the time for %n "
                           "byte(s) at %4 KiB/s)",
                           nullptr, byteCount)
                            .arg(host, command, seconds, QString::number(m_options.minBytesPerSecond / 1024))
                      //: %1 is the server, %2 an IMAP command (UID FETCH), %3 a number of seconds
                      : tr("%1 did not complete %2 in time (%3 s allowed from sending it)").arg(host, command, seconds);
        fail(SyncError::make(ErrorClass::Timeout, u"timeout"_s, message));
        return;
    }
    //: %1 is the server, %2 says what the session was doing ("waiting for the greeting")
    fail(SyncError::make(ErrorClass::Timeout, u"timeout"_s, tr("no answer from %1 while %2").arg(host, m_waitingFor)));
}

void Session::sendChunk(Pending &pending)
{
    m_stream->write(pending.chunks.at(pending.nextChunk));
    ++pending.nextChunk;
}

void Session::armWatchdog(int timeoutMs, const QString &waitingFor)
{
    m_waitingFor = waitingFor;
    m_watchdog.start(timeoutMs);
}

void Session::disarmWatchdogIfIdle()
{
    if (m_inFlight.empty() && m_queued.empty() && m_state == State::Ready) {
        m_watchdog.stop();
    }
}

void Session::onReadyRead()
{
    if (m_state == State::Failed || m_state == State::Closed) {
        return;
    }
    // Bytes extend no deadline: a trickle of data must not hold a session open.
    if (QByteArray *target = m_parser.appendTarget()) {
        if (m_stream->appendTo(*target) == 0) {
            return;
        }
    } else {
        const QByteArray bytes = m_stream->readAll();
        if (bytes.isEmpty()) {
            return;
        }
        m_parser.feed(bytes);
    }
    Response response;
    while (m_state != State::Failed && m_state != State::Closed) {
        // TLS must start right after the STARTTLS OK: further bytes stay buffered until then (and are
        // refused as injected data).
        if (m_state == State::StartingTls) {
            return;
        }
        const ResponseParser::State state = m_parser.next(response);
        if (state == ResponseParser::State::NeedMore) {
            return;
        }
        if (state == ResponseParser::State::Failed) {
            fail(m_parser.error());
            return;
        }
        if (m_tracing) { // dumping every FETCH costs more than parsing it
            trace("S:", dump(response));
        }
        handle(response);
    }
}

void Session::handle(const Response &response)
{
    if (m_state == State::Greeting) {
        handleGreeting(response);
        return;
    }
    if (response.isContinuation()) {
        if (!m_awaitingContinuation) {
            fail(SyncError::make(ErrorClass::Protocol, u"protocol-error"_s,
                                 tr("the server sent a continuation request nobody asked for"),
                                 QString::fromLatin1(response.text).left(200)));
            return;
        }
        std::shared_ptr<Pending> pending = m_awaitingContinuation;
        m_lastContinuation = response.text.left(4096);
        if (pending->idleMs > 0 && !m_idling) {
            // The server idles: DONE waits for stopIdle(), and the idle may last its own time.
            m_idling = true;
            pending->deadlineMs = m_clock.elapsed() + pending->idleMs;
            armCommandDeadline();
            if (auto started = std::exchange(pending->idleStarted, nullptr)) {
                started();
            }
            return;
        }
        sendChunk(*pending);
        if (pending->nextChunk >= pending->chunks.size()) {
            m_awaitingContinuation.reset();
            pump();
        }
        return;
    }
    if (response.isTagged()) {
        auto it = std::find_if(m_inFlight.begin(), m_inFlight.end(),
                               [&](const std::shared_ptr<Pending> &pending) { return pending->tag == response.tag; });
        if (it == m_inFlight.end()) {
            fail(SyncError::make(ErrorClass::Protocol, u"protocol-error"_s,
                                 tr("the server answered a command that was never sent"),
                                 QString::fromLatin1(dump(response)).left(200)));
            return;
        }
        std::shared_ptr<Pending> pending = *it;
        m_inFlight.erase(it);
        if (m_awaitingContinuation == pending) {
            m_awaitingContinuation.reset(); // rejected before its literal was sent
        }
        if (response.code && response.code->name == "CAPABILITY") {
            updateCapabilities(response.code->arguments);
        }
        if (pending->command.name() == "LOGOUT") {
            finishLogout(true);
            return;
        }
        if (pending->done) {
            if (response.status == ResponseStatus::Ok) {
                pending->done(response);
            } else {
                pending->done(errorFromResponse(response, pending->command.name()));
            }
        }
        pump();
        armCommandDeadline();
        disarmWatchdogIfIdle();
        return;
    }
    // Untagged.
    if (response.status == ResponseStatus::Bye) {
        if (m_state == State::LoggingOut) {
            return; // the expected goodbye
        }
        fail(errorFromResponse(response,
                               m_inFlight.empty() ? QByteArray("session") : m_inFlight.front()->command.name()));
        return;
    }
    if (response.is("CAPABILITY")) {
        updateCapabilities(response.data);
    } else if (response.code && response.code->name == "CAPABILITY") {
        updateCapabilities(response.code->arguments);
    }
    // A server may interleave the data of pipelined commands (RFC 3501 5.5): every command in flight
    // sees every untagged response and keeps what concerns it (FETCH by UID, for example).
    const std::deque<std::shared_ptr<Pending>> inFlight = m_inFlight;
    for (const auto &pending : inFlight) {
        if (pending->onUntagged && m_state != State::Failed) {
            pending->onUntagged(response);
        }
    }
}

void Session::logout(std::function<void()> done)
{
    if (m_state != State::Ready) {
        // Not open yet, already ending or failed: nothing to say goodbye to. What is still pending (an
        // open() under way, a LOGOUT being sent) completes now.
        m_state = m_state == State::Failed ? State::Failed : State::Closed;
        m_watchdog.stop();
        if (m_stream) {
            m_stream->close();
        }
        completeUnanswered(std::move(done));
        return;
    }
    m_logoutDone = std::move(done);
    // Commands nobody sent yet will not be: they complete as cancelled.
    std::deque<std::shared_ptr<Pending>> unsent;
    unsent.swap(m_queued);
    m_state = State::LoggingOut;
    for (const auto &command : unsent) {
        if (command->done) {
            command->done(SyncError::make(
                ErrorClass::Cancelled, u"cancelled"_s,
                tr("%1 was not sent: the session is logging out").arg(QString::fromLatin1(command->command.name()))));
        }
    }
    auto pending = std::make_shared<Pending>(Pending{{}, Command("LOGOUT"), {}, 0, nullptr, nullptr});
    m_queued.push_back(pending);
    pump();
    //: what the session was doing, as in "no answer from the server while …"
    armWatchdog(qMin(m_options.commandTimeoutMs, 5000), tr("logging out"));
    // A server that does not answer LOGOUT must not hold us up: the watchdog closes the session.
    QObject::disconnect(&m_watchdog, nullptr, this, nullptr);
    connect(&m_watchdog, &QTimer::timeout, this, [this] { finishLogout(true); });
}

void Session::finishLogout(bool closeStream)
{
    m_state = State::Closed;
    m_watchdog.stop();
    if (closeStream) {
        m_stream->close();
    }
    completeUnanswered(nullptr);
}

void Session::completeUnanswered(std::function<void()> alsoDone)
{
    m_awaitingContinuation.reset();
    completeAsCancelled(m_inFlight, m_queued, m_openDone, m_logoutDone, std::move(alsoDone), "IMAP");
}

void Session::onDisconnected()
{
    if (m_state == State::LoggingOut || m_state == State::Closed) {
        finishLogout(false);
        return;
    }
    if (m_state == State::Failed) {
        return;
    }
    // Whatever the server sent last may explain why (a BYE in the buffer is handled by onReadyRead).
    //: completes "the server closed the connection while …" when no command was waiting for an answer
    fail(lostConnection(m_waitingFor.isEmpty() ? tr("idle") : m_waitingFor));
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
            return stageOfCommand(m_inFlight.front()->command.name());
        }
        return m_openDone ? ErrorStage::Greeting : ErrorStage::Unknown;
    case State::LoggingOut:
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
    m_awaitingContinuation.reset();
    auto openDone = std::exchange(m_openDone, nullptr);
    auto logoutDone = std::exchange(m_logoutDone, nullptr);
    notifySessionFailure(pending, openDone, logoutDone, error);
    Q_EMIT failed(error);
}

} // namespace SyncDesk::Imap
