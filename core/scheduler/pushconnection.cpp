#include "pushconnection.h"

#include "logging/logger.h"
#include "oauth/mailboxlogin.h"
#include "protocol/imap/imapsession.h"

#include <QRandomGenerator>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

const QString kCategory = u"push"_s;
constexpr int kUnsupportedRetryMs = 3600 * 1000; // a server without IDLE is asked again after an hour

} // namespace

PushConnection::PushConnection(const PushTarget &target, ByteStreamFactory streams, const PushSettings &settings,
                               QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_streams(std::move(streams))
    , m_settings(settings)
{
    m_status.mailboxId = target.mailbox.id;
    m_status.address = target.mailbox.address;
    m_status.reason = target.reason;
    m_status.since = QDateTime::currentDateTimeUtc();
    m_renewTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_renewTimer, &QTimer::timeout, this, &PushConnection::renew);
    connect(&m_retryTimer, &QTimer::timeout, this, &PushConnection::connectNow);
}

PushConnection::~PushConnection()
{
    ++m_generation;
    if (m_session) {
        m_session->abort(SyncError::make(ErrorClass::Cancelled, u"cancelled"_s, u"push stopped"_s));
    }
}

void PushConnection::start()
{
    connectNow();
}

void PushConnection::setState(PushStatus::State state, const QString &error)
{
    const bool entered = state != m_status.state;
    m_status.state = state;
    m_status.error = error;
    if (entered) {
        m_status.since = QDateTime::currentDateTimeUtc();
    }
    Q_EMIT statusChanged(m_status);
}

void PushConnection::connectNow()
{
    const quint64 generation = ++m_generation;
    m_idlingSince.invalidate();
    if (m_session) {
        m_session->abort(SyncError::make(ErrorClass::Cancelled, u"cancelled"_s, u"reconnecting"_s));
        m_session.release()->deleteLater(); // it may be in the middle of its own callback
    }
    if (m_status.state != PushStatus::State::Connecting) {
        setState(PushStatus::State::Connecting);
    }
    const Endpoint &incoming = m_target.profile.incoming;
    TlsSettings tls;
    tls.caFile = incoming.caFile;
    tls.plainOnly = incoming.security == Security::None;
    Imap::SessionOptions options;
    options.connectTimeoutMs = m_settings.connectTimeoutMs;
    options.commandTimeoutMs = m_settings.commandTimeoutMs;
    options.mailbox = m_target.mailbox.address;
    m_session = std::make_unique<Imap::Session>(m_streams(tls), options);
    Imap::Session *session = m_session.get();
    connect(session, &Imap::Session::failed, this, [this, generation](const SyncError &error) {
        if (generation == m_generation) {
            failed(error);
        }
    });
    session->open(incoming.host, incoming.port, incoming.security, [this, session, generation](Status opened) {
        if (generation != m_generation) {
            return;
        }
        if (!opened) {
            failed(opened.error());
            return;
        }
        MailboxLogin login(m_target.mailbox, m_target.profile, m_target.profile.incoming);
        if (Status read = login.readPassword(); !read) {
            failed(read.error());
            return;
        }
        logInWith(session, login, [this, session, generation](Status loggedIn) {
            if (generation != m_generation) {
                return;
            }
            if (!loggedIn) {
                failed(loggedIn.error());
                return;
            }
            // What the server offers after login is what counts.
            if (!session->hasCapability("IDLE")) {
                failed(SyncError::make(ErrorClass::ServerNo, u"push-unsupported"_s,
                                       tr("the server does not offer IDLE: the mailbox is polled")));
                return;
            }
            // EXAMINE: read-only, so that watching takes nothing (\Recent) from the syncs.
            session->select(u"INBOX"_s, true, [this, generation](const Result<Imap::SelectInfo> &selected) {
                if (generation != m_generation) {
                    return;
                }
                if (!selected) {
                    failed(selected.error());
                    return;
                }
                m_exists = selected->exists;
                startIdle();
            });
        });
    });
}

void PushConnection::startIdle()
{
    const quint64 generation = m_generation;
    m_idleAccepted = false;
    Imap::Session *session = m_session.get();
    session->idle(
        [this, generation](const Imap::Response &response) {
            if (generation != m_generation || !response.isUntagged() || !response.number) {
                return;
            }
            const bool exists = response.name == "EXISTS";
            if (!exists && response.name != "EXPUNGE") {
                return; // FETCH (flags the syncs set), RECENT: nothing to fetch
            }
            if (exists) {
                const quint32 count = quint32(*response.number);
                const bool grew = count > m_exists;
                m_exists = count;
                if (!grew) {
                    return;
                }
            } else if (m_exists > 0) {
                --m_exists;
            }
            ++m_status.events;
            m_status.lastEventAt = QDateTime::currentDateTimeUtc();
            Log::debug(
                kCategory, m_target.mailbox.address,
                u"INBOX changed (%1 %2): syncing now"_s.arg(QString::fromLatin1(response.name)).arg(*response.number));
            Q_EMIT changed(m_target.mailbox.id);
            Q_EMIT statusChanged(m_status); // the events and their time, for status and the console
        },
        [this, generation] {
            if (generation != m_generation) {
                return;
            }
            m_idleAccepted = true;
            if (!m_idlingSince.isValid()) {
                m_idlingSince.start(); // this connection's first IDLE (renewals keep the time)
            }
            if (m_status.state != PushStatus::State::Idling) {
                Log::info(kCategory, m_target.mailbox.address, u"on push (IMAP IDLE on INBOX)"_s);
                setState(PushStatus::State::Idling);
            }
            m_renewTimer.start(m_settings.renewSeconds * 1000);
        },
        [this, generation](const Result<Imap::Response> &result) {
            if (generation != m_generation) {
                return;
            }
            if (!result) {
                failed(result.error());
                return;
            }
            if (!m_idleAccepted) {
                // Ended before it began: IDLE again at once would loop; wait like after a failure.
                failed(SyncError::make(ErrorClass::Protocol, u"protocol-error"_s,
                                       tr("the server ended IDLE before accepting it")));
                return;
            }
            ++m_status.renewals;
            Q_EMIT statusChanged(m_status);
            startIdle(); // DONE was answered: renew
        },
        qint64(m_settings.renewSeconds) * 1000 + m_settings.commandTimeoutMs);
}

void PushConnection::renew()
{
    if (m_session && m_session->isIdling()) {
        m_session->stopIdle();
    }
}

void PushConnection::failed(const SyncError &error)
{
    ++m_generation;
    m_renewTimer.stop();
    if (m_session) {
        m_session->abort(error);
        m_session.release()->deleteLater();
    }
    if (error.errorClass == ErrorClass::Auth || error.errorClass == ErrorClass::Config) {
        // Retrying a refused login often can lock the account; the syncs report it, push waits an hour.
        Log::warning(kCategory, m_target.mailbox.address,
                     u"push connection refused (%1); trying again in an hour"_s.arg(error.toString()));
        setState(PushStatus::State::Reconnecting, error.toString());
        m_retryTimer.start(kUnsupportedRetryMs);
        return;
    }
    if (error.hintId == u"push-unsupported"_s) {
        Log::info(kCategory, m_target.mailbox.address, error.message);
        setState(PushStatus::State::Unsupported, error.message);
        m_retryTimer.start(kUnsupportedRetryMs);
        return;
    }
    // Only a connection that held its IDLE for a while starts the waits again from the shortest: one that dies
    // young (a server or load balancer that accepts IDLE and then closes) keeps backing off, instead of logging in
    // again every second for ever.
    if (m_idlingSince.isValid() && m_idlingSince.elapsed() >= m_settings.stableAfterMs) {
        m_backoffMs = 0;
    }
    m_idlingSince.invalidate();
    m_backoffMs = m_backoffMs == 0 ? m_settings.backoffMinMs : qMin(m_backoffMs * 2, m_settings.backoffMaxMs);
    // ±10 %: connections that failed together (a server restart) do not all come back at the same moment.
    const int jitter = int(QRandomGenerator::global()->bounded(m_backoffMs / 5 + 1)) - m_backoffMs / 10;
    const int delay = qMax(100, m_backoffMs + jitter);
    Log::warning(kCategory, m_target.mailbox.address,
                 u"push connection lost (%1); reconnecting in %2 s"_s.arg(error.toString()).arg(delay / 1000.0));
    setState(PushStatus::State::Reconnecting, error.toString());
    m_retryTimer.start(delay);
}

} // namespace SyncDesk
