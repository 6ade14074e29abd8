#include "oauthtokenbroker.h"

#include "logging/logger.h"
#include "oauthhttp.h"
#include "oauthtokenstore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QThread>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

const QString kCategory = u"oauth"_s;

SyncError needsSignIn(const QString &address, const QString &why)
{
    return SyncError::make(ErrorClass::Auth, u"oauth-needs-sign-in"_s,
                           QCoreApplication::translate("SyncDesk::OAuthTokenBroker", "%1 needs to sign in again: %2")
                               .arg(address, why))
        .at(ErrorStage::Login);
}

} // namespace

namespace {

OAuthTokenBroker *s_broker = nullptr;

// Stops the broker's thread while the application still exists (static destructors run too late for that).
void shutDownBroker()
{
    delete s_broker;
    s_broker = nullptr;
}

} // namespace

OAuthTokenBroker &OAuthTokenBroker::instance()
{
    static QMutex creation;
    QMutexLocker locker(&creation);
    if (!s_broker) {
        s_broker = new OAuthTokenBroker;
        if (QCoreApplication::instance()) {
            qAddPostRoutine(shutDownBroker);
        }
    }
    return *s_broker;
}

OAuthTokenBroker::OAuthTokenBroker()
    : m_thread(new QThread)
{
    m_thread->setObjectName(u"oauth"_s);
    moveToThread(m_thread);
    // Started by the first request (startThread): most commands, and mailboxes with passwords, never ask.
}

void OAuthTokenBroker::startThread()
{
    QMutexLocker locker(&m_mutex);
    if (!m_threadStarted) {
        m_threadStarted = true;
        m_thread->start();
    }
}

OAuthTokenBroker::~OAuthTokenBroker()
{
    disconnect(); // the receivers' functors go now, while what they clean up still exists
    {
        QMutexLocker locker(&m_mutex);
        if (!m_threadStarted) { // nothing was ever asked: no client, no account
            locker.unlock();
            delete m_thread;
            return;
        }
    }
    // The clients live in the broker's thread: they go with it.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_accounts.clear();
            qDeleteAll(m_clients);
            m_clients.clear();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    if (!m_thread->wait(5000)) {
        m_thread->terminate();
        m_thread->wait();
    }
    delete m_thread;
}

void OAuthTokenBroker::setStore(std::shared_ptr<OAuthTokenStore> store)
{
    QMutexLocker locker(&m_mutex);
    m_store = std::move(store);
}

std::shared_ptr<OAuthTokenStore> OAuthTokenBroker::store() const
{
    QMutexLocker locker(&m_mutex);
    return m_store;
}

void OAuthTokenBroker::setRefreshMarginSeconds(int seconds)
{
    QMutexLocker locker(&m_mutex);
    m_marginSeconds = qMax(0, seconds);
}

void OAuthTokenBroker::setRequestTimeoutMs(int ms)
{
    QMutexLocker locker(&m_mutex);
    m_timeoutMs = qMax(100, ms);
}

int OAuthTokenBroker::refreshCount(const QString &address) const
{
    QMutexLocker locker(&m_mutex);
    return m_refreshCounts.value(address.toLower());
}

void OAuthTokenBroker::accessToken(const QString &address, const OAuthSettings &settings, QObject *context, Done done,
                                   bool forceRefresh)
{
    quint64 ticket = 0;
    {
        QMutexLocker locker(&m_mutex);
        ticket = m_nextTicket++;
        m_waiting.insert(ticket);
    }
    // A queued connection per request: Qt drops it, and what it posted, when `context` goes away first. Its
    // functor owns `forget`: when it goes (answered or not), the ticket's result goes with it.
    struct Forget
    {
        OAuthTokenBroker *broker;
        quint64 ticket;
        ~Forget()
        {
            QMutexLocker locker(&broker->m_mutex);
            broker->m_waiting.remove(ticket);
            broker->m_results.erase(ticket);
        }
    };
    const std::shared_ptr<Forget> forget(new Forget{this, ticket}); // no temporary: its destructor would forget now
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(
        this, &OAuthTokenBroker::delivered, context,
        [this, ticket, connection, forget, done = std::move(done)](quint64 which) {
            if (which != ticket) {
                return;
            }
            disconnect(*connection);
            done(takeResult(ticket));
        },
        Qt::QueuedConnection);
    const QString key = address.toLower();
    startThread();
    QMetaObject::invokeMethod(
        this, [this, key, settings, ticket, forceRefresh] { serve(key, settings, ticket, forceRefresh); },
        Qt::QueuedConnection);
}

void OAuthTokenBroker::forget(const QString &address)
{
    const QString key = address.toLower();
    startThread();
    QMetaObject::invokeMethod(
        this,
        [this, key] {
            auto it = m_accounts.find(key);
            if (it != m_accounts.end()) {
                it->cached = {};
                it->unsavedRefreshToken.clear();
            }
        },
        Qt::QueuedConnection);
}

Result<OAuthAccessToken> OAuthTokenBroker::takeResult(quint64 ticket)
{
    QMutexLocker locker(&m_mutex);
    auto it = m_results.find(ticket);
    if (it == m_results.end()) {
        return SyncError::make(ErrorClass::Internal, u"internal-error"_s, u"no token result for the request"_s);
    }
    Result<OAuthAccessToken> result = std::move(it->second);
    m_results.erase(it);
    return result;
}

void OAuthTokenBroker::complete(quint64 ticket, const Result<OAuthAccessToken> &result)
{
    {
        QMutexLocker locker(&m_mutex);
        if (!m_waiting.contains(ticket)) {
            return; // its receiver is gone
        }
        m_results.insert_or_assign(ticket, result);
    }
    Q_EMIT delivered(ticket);
}

void OAuthTokenBroker::serve(const QString &address, const OAuthSettings &settings, quint64 ticket, bool forceRefresh)
{
    Account &account = m_accounts[address];
    int margin = 60;
    {
        QMutexLocker locker(&m_mutex);
        margin = m_marginSeconds;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!forceRefresh && !account.cached.token.isEmpty() && account.cached.expiresAt.addSecs(-margin) > now) {
        OAuthAccessToken token = account.cached;
        token.refreshed = false;
        complete(ticket, token);
        return;
    }
    if (forceRefresh && !account.refreshing) {
        account.cached = {};
    }
    account.waiting.append(ticket);
    if (!account.refreshing) {
        startRefresh(address, settings);
    }
}

OAuthHttp *OAuthTokenBroker::clientFor(const OAuthSettings &settings)
{
    int timeout = 30000;
    {
        QMutexLocker locker(&m_mutex);
        timeout = m_timeoutMs;
    }
    const QString key =
        QString::fromUtf8(QJsonDocument(settings.toJson()).toJson(QJsonDocument::Compact)) + QString::number(timeout);
    OAuthHttp *&client = m_clients[key];
    if (!client) {
        client = new OAuthHttp(settings, timeout);
    }
    return client;
}

void OAuthTokenBroker::startRefresh(const QString &address, const OAuthSettings &settings, bool retried)
{
    Account &account = m_accounts[address];
    const std::shared_ptr<OAuthTokenStore> tokens = store();
    if (!tokens) {
        finishRefresh(address, SyncError::make(ErrorClass::Internal, u"internal-error"_s,
                                               u"no OAuth token store is configured in this process"_s));
        return;
    }
    auto loaded = tokens->load(address);
    if (!loaded) {
        finishRefresh(address, loaded.error());
        return;
    }
    const std::optional<OAuthTokenRecord> &record = loaded.value();
    if (!record || record->refreshToken.isEmpty()) {
        finishRefresh(address,
                      needsSignIn(address, QCoreApplication::translate("SyncDesk::OAuthTokenBroker",
                                                                       "it has not signed in on this node yet")));
        return;
    }
    if (record->needsSignIn) {
        finishRefresh(address, needsSignIn(address, record->problem));
        return;
    }
    const QString refreshToken =
        account.unsavedRefreshToken.isEmpty() ? record->refreshToken : account.unsavedRefreshToken;
    account.refreshing = true;
    OAuthHttp *client = clientFor(settings);
    const QString onDisk = record->refreshToken;
    client->refresh(refreshToken, [this, address, settings, refreshToken, onDisk, retried,
                                   tokens](const Result<OAuthTokenResponse> &answer) {
        auto loadedNow = tokens->load(address);
        OAuthTokenRecord record;
        record.address = address;
        record.refreshToken = refreshToken;
        if (loadedNow && loadedNow.value()) {
            record = *loadedNow.value();
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (!answer) {
            const SyncError &error = answer.error();
            if (error.hintId == u"oauth-needs-sign-in"_s) {
                m_accounts[address].unsavedRefreshToken.clear(); // refused: it is worth nothing now
                if (!retried && !record.refreshToken.isEmpty() && record.refreshToken != onDisk &&
                    record.refreshToken != refreshToken) {
                    // Another process (a sign-in, a refresh elsewhere) wrote a newer token meanwhile: try it, once.
                    Log::info(kCategory, address, u"the refresh token changed on disk during a refresh; retrying"_s);
                    m_accounts[address].refreshing = false;
                    startRefresh(address, settings, true);
                    return;
                }
                record.needsSignIn = true;
                record.problem = error.detail.isEmpty() ? error.message : error.detail;
                record.problemAt = now;
                if (Status saved = tokens->save(record); !saved) {
                    Log::warning(kCategory, address, saved.error().toString());
                }
                Log::error(kCategory, address,
                           u"the identity provider refused the refresh token: %1"_s.arg(record.problem));
            } else {
                Log::warning(kCategory, address, u"token refresh failed: %1"_s.arg(error.toString()));
            }
            finishRefresh(address, error);
            return;
        }
        const OAuthTokenResponse &token = answer.value();
        Account &account = m_accounts[address];
        if (!token.refreshToken.isEmpty()) {
            record.refreshToken = token.refreshToken; // rotated: it must be on disk before anything else
        }
        record.refreshedAt = now;
        record.accessExpiresAt = now.addSecs(token.expiresInSeconds);
        if (token.refreshExpiresInSeconds > 0) {
            record.refreshExpiresAt = now.addSecs(token.refreshExpiresInSeconds);
        }
        if (!token.scope.isEmpty()) {
            record.scope = token.scope;
        }
        record.needsSignIn = false;
        record.problem.clear();
        record.problemAt = {};
        if (Status saved = tokens->save(record); !saved) {
            account.unsavedRefreshToken = record.refreshToken;
            Log::error(kCategory, address,
                       u"the rotated refresh token could not be saved, so the new access token is not used: %1"_s.arg(
                           saved.error().toString()));
            finishRefresh(address, saved.error());
            return;
        }
        account.unsavedRefreshToken.clear();
        {
            QMutexLocker locker(&m_mutex);
            ++m_refreshCounts[address];
        }
        ++account.refreshes;
        finishRefresh(address, OAuthAccessToken{token.accessToken, record.accessExpiresAt, true});
    });
}

void OAuthTokenBroker::finishRefresh(const QString &address, const Result<OAuthAccessToken> &result)
{
    Account &account = m_accounts[address];
    account.refreshing = false;
    if (result) {
        account.cached = result.value();
    }
    const QList<quint64> waiting = std::exchange(account.waiting, {});
    for (quint64 ticket : waiting) {
        complete(ticket, result);
    }
}

} // namespace SyncDesk
