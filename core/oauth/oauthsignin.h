#pragma once

#include "diagnostics/result.h"
#include "model/mailbox.h"
#include "oauthhttp.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace SyncDesk {

class OAuthTokenStore;
class Store;

// What a finished sign-in did.
struct OAuthSignInOutcome
{
    bool reenabled = false; // the mailbox had been disabled by its failures (needs sign-in) and syncs again
};

// Keeps the tokens of a completed sign-in (device grant or authorization code) for a mailbox: the refresh token
// goes to the token store, the process's cached access token is dropped, and a mailbox its failures disabled
// (a refused refresh token is permanent) is enabled again with its failure alerts resolved. A provider that
// issued no refresh token is an error (Config, oauth-client): without one the mailbox would need a new sign-in
// every hour.
Result<OAuthSignInOutcome> keepSignIn(Store &store, OAuthTokenStore &tokens, const Mailbox &mailbox,
                                      const OAuthTokenResponse &token);

// The device authorization grant (RFC 8628) for a headless sign-in: asks for a user code, then polls the token
// endpoint at the interval the provider asks (slower after slow_down) until the user approves, declines, or the
// code expires.
class OAuthDeviceLogin final : public QObject
{
    Q_OBJECT
public:
    explicit OAuthDeviceLogin(const OAuthSettings &settings, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void codeReady(const SyncDesk::OAuthDeviceAuthorization &device);
    void finished(const SyncDesk::Result<SyncDesk::OAuthTokenResponse> &result);

private:
    void poll();
    void finish(const Result<OAuthTokenResponse> &result);

    OAuthHttp m_http;
    OAuthDeviceAuthorization m_device;
    QTimer m_timer;
    QDateTime m_expiresAt;
    int m_intervalMs = 5000;
    bool m_done = false;
};

} // namespace SyncDesk
