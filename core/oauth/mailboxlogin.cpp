#include "mailboxlogin.h"

#include "config/passwordsource.h"
#include "oauthtokenbroker.h"

namespace SyncDesk {

MailboxLogin::MailboxLogin(const Mailbox &mailbox, const ServerProfile &profile, const Endpoint &endpoint)
    : m_address(mailbox.address)
    , m_username(mailbox.username)
    , m_passwordSource(mailbox.passwordSource)
    , m_host(endpoint.host)
    , m_port(endpoint.port)
    , m_oauth(profile.oauth)
{}

Status MailboxLogin::readPassword()
{
    if (m_oauth) {
        return {};
    }
    auto password = PasswordSource::parse(m_passwordSource).resolve();
    if (!password) {
        return password.error().at(ErrorStage::Config);
    }
    m_password = password.value();
    return {};
}

MailboxLogin MailboxLogin::forEndpoint(const Endpoint &endpoint) const
{
    MailboxLogin other = *this;
    other.m_host = endpoint.host;
    other.m_port = endpoint.port;
    return other;
}

void MailboxLogin::wipe()
{
    m_password.fill(u'\0');
    m_password.clear();
}

void MailboxLogin::obtain(QObject *context, bool forceRefresh, std::function<void(Result<LoginCredentials>)> done) const
{
    LoginCredentials credentials;
    credentials.username = m_username;
    credentials.host = m_host;
    credentials.port = m_port;
    if (!m_oauth) {
        credentials.secret = m_password;
        done(credentials);
        return;
    }
    credentials.kind = LoginCredentials::Kind::Bearer;
    OAuthTokenBroker::instance().accessToken(
        m_address, *m_oauth, context,
        [credentials, done = std::move(done)](const Result<OAuthAccessToken> &token) mutable {
            if (!token) {
                done(token.error());
                return;
            }
            credentials.secret = token->token;
            credentials.freshToken = token->refreshed;
            done(credentials);
        },
        forceRefresh);
}

} // namespace SyncDesk
