#pragma once

#include "model/mailbox.h"
#include "model/serverprofile.h"
#include "oauth/oauthhttp.h"

#include <QDialog>
#include <QPointer>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QOAuth2AuthorizationCodeFlow;

namespace SyncDesk {

// "Sign in…" for a mailbox of an OAuth 2.0 profile: the authorization-code flow with PKCE (S256) of Qt Network
// Authorization, in the system browser, with the answer coming back to a loopback address of this computer
// (http://127.0.0.1:PORT/). The tokens go to signedIn(); the dialog closes itself then. The link is shown too,
// to be opened in another browser when the default one is not the right one.
class SignInDialog final : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(const Mailbox &mailbox, const ServerProfile &profile, QWidget *parent = nullptr);
    ~SignInDialog() override;

    // How the browser is opened, false when none could be (tests replace it: they follow the link themselves).
    // Default: QDesktopServices.
    static void setBrowserOpener(std::function<bool(const QUrl &)> opener);
    QUrl authorizationUrl() const { return m_url; }
    QString redirectUri() const;

Q_SIGNALS:
    void signedIn(qint64 mailboxId, const SyncDesk::OAuthTokenResponse &token);

private:
    void start();
    void showProblem(const QString &text);
    void openBrowser();

    Mailbox m_mailbox;
    OAuthSettings m_settings;
    QString m_verifier;
    QUrl m_url;
    QOAuth2AuthorizationCodeFlow *m_flow = nullptr;
    QLabel *m_state = nullptr;
    QLineEdit *m_link = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace SyncDesk
