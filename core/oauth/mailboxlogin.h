#pragma once

#include "diagnostics/result.h"
#include "model/mailbox.h"
#include "model/serverprofile.h"
#include "protocol/logincredentials.h"

#include <QObject>
#include <QString>

#include <functional>
#include <utility>

namespace SyncDesk {

// How one mailbox logs in to one of its servers: with its password, or with an OAuth 2.0 access token from the
// process's OAuthTokenBroker when its profile says "auth": {"method": "oauth2"}. Every direction (incoming,
// outgoing, audits, the connection test) logs in through this, so they all behave alike.
class MailboxLogin final
{
public:
    MailboxLogin(const Mailbox &mailbox, const ServerProfile &profile, const Endpoint &endpoint);

    bool usesOAuth() const { return m_oauth.has_value(); }
    // Reads the password now (password mailboxes only; a no-op for OAuth). Its failures are Config errors.
    Status readPassword();
    // What to log in with, in `context`'s thread: at once for a password, after the broker answers for a token.
    // `done` does not run when `context` is destroyed first.
    void obtain(QObject *context, bool forceRefresh, std::function<void(Result<LoginCredentials>)> done) const;
    // Forgets the password in memory.
    void wipe();
    // The same login for another endpoint of the profile (its host and port go into OAUTHBEARER).
    MailboxLogin forEndpoint(const Endpoint &endpoint) const;

private:
    QString m_address;
    QString m_username;
    QString m_passwordSource;
    QString m_password;
    QString m_host;
    quint16 m_port = 0;
    std::optional<OAuthSettings> m_oauth;
};

// Logs `session` (an IMAP, POP3 or SMTP session) in. A cached access token the server refuses is replaced by a
// freshly issued one once: the provider may have revoked it before it expired.
template <typename Session>
void logInWith(Session *session, const MailboxLogin &login, std::function<void(Status)> done, bool retried = false)
{
    login.obtain(session, retried,
                 [session, login, done = std::move(done), retried](const Result<LoginCredentials> &credentials) {
                     if (!credentials) {
                         done(credentials.error());
                         return;
                     }
                     LoginCredentials secret = credentials.value();
                     const bool fresh = secret.freshToken || !secret.isBearer();
                     session->login(secret, [session, login, done, retried, fresh](Status status) {
                         if (!status && !retried && !fresh && status.error().hintId == u"oauth-token-refused") {
                             logInWith(session, login, done, true);
                             return;
                         }
                         done(status);
                     });
                     secret.wipe();
                 });
}

} // namespace SyncDesk
