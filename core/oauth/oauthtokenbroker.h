#pragma once

#include "diagnostics/result.h"
#include "oauthsettings.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <unordered_map>

class QThread;

namespace SyncDesk {

class OAuthHttp;
class OAuthTokenStore;

struct OAuthAccessToken
{
    QString token;
    QDateTime expiresAt;
    bool refreshed = false; // obtained from the provider for this request, not from the cache
};

// One per process: hands out the access tokens of the mailboxes that sign in with OAuth. Tokens are cached in
// memory until a minute before they expire; when several sessions of a mailbox ask at once, one refresh
// serves them all. A rotated refresh token is written to the token store (atomically) before the new access
// token goes to anybody; when that write fails the new token is kept in memory for the next try and nobody
// gets the access token. The refreshes run in the broker's own thread, each with its own time limit, so
// a provider that does not answer for one mailbox never holds up another mailbox's sync.
//
// A refused refresh token (invalid_grant) marks the mailbox "needs sign-in" in the store: it fails at once
// with Auth / oauth-needs-sign-in until someone signs in again. A network failure is transient.
class OAuthTokenBroker final : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Result<OAuthAccessToken> &)>;

    // The process's broker; its token store must be set before the first request (setStore).
    static OAuthTokenBroker &instance();

    OAuthTokenBroker();
    ~OAuthTokenBroker() override;

    void setStore(std::shared_ptr<OAuthTokenStore> store);
    std::shared_ptr<OAuthTokenStore> store() const;
    // Refresh this long before expiry (default 60 s). Tests shorten the tokens' life instead.
    void setRefreshMarginSeconds(int seconds);
    void setRequestTimeoutMs(int ms);

    // A valid access token for the mailbox; `done` runs in `context`'s thread, and not at all when `context`
    // is destroyed first. forceRefresh: the server refused the token the cache held, get another.
    void accessToken(const QString &address, const OAuthSettings &settings, QObject *context, Done done,
                     bool forceRefresh = false);
    // Drops the cached access token (logout, a new sign-in).
    void forget(const QString &address);
    // How many refreshes the provider answered for this mailbox in this process (tests and status).
    int refreshCount(const QString &address) const;

Q_SIGNALS:
    void delivered(quint64 ticket);

private:
    struct Account
    {
        OAuthAccessToken cached;
        QList<quint64> waiting;
        bool refreshing = false;
        QString unsavedRefreshToken; // rotated by the provider, not yet written to the store
        int refreshes = 0;
    };
    void serve(const QString &address, const OAuthSettings &settings, quint64 ticket, bool forceRefresh);
    // retried: this is the one retry with a newer token another process wrote (never more than one).
    void startRefresh(const QString &address, const OAuthSettings &settings, bool retried = false);
    OAuthHttp *clientFor(const OAuthSettings &settings);
    void finishRefresh(const QString &address, const Result<OAuthAccessToken> &result);
    void complete(quint64 ticket, const Result<OAuthAccessToken> &result);
    Result<OAuthAccessToken> takeResult(quint64 ticket);

    void startThread();

    QThread *m_thread = nullptr;
    bool m_threadStarted = false; // guarded by m_mutex
    std::shared_ptr<OAuthTokenStore> m_store;
    int m_marginSeconds = 60;
    int m_timeoutMs = 30000;
    QHash<QString, Account> m_accounts; // broker thread only
    mutable QMutex m_mutex;             // guards m_results, m_store, the settings and refresh counts
    std::unordered_map<quint64, Result<OAuthAccessToken>> m_results;
    QSet<quint64> m_waiting;               // tickets whose receiver still exists
    QHash<QString, OAuthHttp *> m_clients; // broker thread only, by the settings' JSON
    QHash<QString, int> m_refreshCounts;
    quint64 m_nextTicket = 1;
};

} // namespace SyncDesk
