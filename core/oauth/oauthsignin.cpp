#include "oauthsignin.h"

#include "diagnostics/alertmanager.h"
#include "logging/logger.h"
#include "oauthtokenbroker.h"
#include "oauthtokenstore.h"
#include "store/store.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

Result<OAuthSignInOutcome> keepSignIn(Store &store, OAuthTokenStore &tokens, const Mailbox &mailbox,
                                      const OAuthTokenResponse &token)
{
    if (token.refreshToken.isEmpty()) {
        return SyncError::make(ErrorClass::Config, u"oauth-client"_s,
                               QCoreApplication::translate(
                                   "SyncDesk::OAuthSignIn",
                                   "the identity provider issued no refresh token: add the scope that allows offline "
                                   "access (offline_access for Microsoft and most providers) to the profile's scopes"))
            .at(ErrorStage::Config);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    OAuthTokenRecord record;
    record.address = mailbox.address;
    record.refreshToken = token.refreshToken;
    record.scope = token.scope;
    record.signedInAt = now;
    record.refreshedAt = now;
    record.accessExpiresAt = now.addSecs(token.expiresInSeconds);
    if (token.refreshExpiresInSeconds > 0) {
        record.refreshExpiresAt = now.addSecs(token.refreshExpiresInSeconds);
    }
    if (Status saved = tokens.save(record); !saved) {
        return saved.error();
    }
    OAuthTokenBroker::instance().forget(mailbox.address);
    Log::info(u"oauth"_s, mailbox.address, u"signed in; the refresh token is kept in %1"_s.arg(tokens.directory()));
    OAuthSignInOutcome outcome;
    if (!mailbox.enabled && mailbox.disabledReason == u"permanent-failure"_s) {
        Status enabled = store.transaction([&]() -> Status {
            if (Status set = store.setMailboxEnabled(mailbox.id, true, u"admin"_s, now); !set) {
                return set;
            }
            return AlertManager::mailboxEnabled(store, mailbox.id, now);
        });
        if (!enabled) {
            return enabled.error();
        }
        Log::info(u"oauth"_s, mailbox.address, u"enabled again after signing in"_s);
        outcome.reenabled = true;
    }
    return outcome;
}

OAuthDeviceLogin::OAuthDeviceLogin(const OAuthSettings &settings, QObject *parent)
    : QObject(parent)
    , m_http(settings)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &OAuthDeviceLogin::poll);
}

void OAuthDeviceLogin::start()
{
    m_http.requestDeviceCode([this](const Result<OAuthDeviceAuthorization> &device) {
        if (!device) {
            finish(device.error());
            return;
        }
        m_device = device.value();
        m_intervalMs = m_device.intervalSeconds * 1000;
        m_expiresAt = QDateTime::currentDateTimeUtc().addSecs(m_device.expiresInSeconds);
        Q_EMIT codeReady(m_device);
        m_timer.start(m_intervalMs);
    });
}

void OAuthDeviceLogin::poll()
{
    if (QDateTime::currentDateTimeUtc() >= m_expiresAt) {
        finish(
            SyncError::make(ErrorClass::Auth, u"oauth-denied"_s, tr("the sign-in code expired before it was approved"))
                .at(ErrorStage::Login));
        return;
    }
    m_http.pollDeviceToken(m_device.deviceCode, [this](const Result<OAuthTokenResponse> &token) {
        if (token) {
            finish(token);
            return;
        }
        const SyncError &error = token.error();
        if (error.hintId == u"oauth-authorization-pending"_s) {
            m_timer.start(m_intervalMs);
            return;
        }
        if (error.hintId == u"oauth-slow-down"_s) {
            m_intervalMs += 5000; // RFC 8628 3.5
            m_timer.start(m_intervalMs);
            return;
        }
        if (error.transient && error.errorClass != ErrorClass::Auth) {
            m_timer.start(m_intervalMs); // a network blip while waiting: keep waiting until the code expires
            return;
        }
        finish(error);
    });
}

void OAuthDeviceLogin::finish(const Result<OAuthTokenResponse> &result)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_timer.stop();
    Q_EMIT finished(result);
}

} // namespace SyncDesk
