#include "signindialog.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QPushButton>
#include <QRandomGenerator>
#include <QVBoxLayout>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

std::function<bool(const QUrl &)> &browserOpener()
{
    static std::function<bool(const QUrl &)> opener = [](const QUrl &url) {
        return QDesktopServices::openUrl(url);
    };
    return opener;
}

// RFC 7636 4.1: 43 to 128 characters of [A-Za-z0-9-._~]; 64 random bytes, base64url, make 86.
QString newVerifier()
{
    QByteArray bytes(64, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()),
                                         reinterpret_cast<quint32 *>(bytes.data() + bytes.size()));
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

void SignInDialog::setBrowserOpener(std::function<bool(const QUrl &)> opener)
{
    browserOpener() = std::move(opener);
}

SignInDialog::SignInDialog(const Mailbox &mailbox, const ServerProfile &profile, QWidget *parent)
    : QDialog(parent)
    , m_mailbox(mailbox)
    , m_settings(profile.oauth ? profile.oauth->resolved() : OAuthSettings())
{
    setObjectName(u"signInDialog"_s);
    //: %1: a mailbox address
    setWindowTitle(tr("Sign in %1").arg(mailbox.address));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        //: %1: a mailbox address, %2: a user name
        tr("Sign in as the mailbox's user (%2) in the browser that opens. SyncDesk keeps the sign-in for %1 and "
           "refreshes it by itself.")
            .arg(mailbox.address, mailbox.username),
        this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_state = new QLabel(tr("Opening the browser…"), this);
    m_state->setObjectName(u"signInState"_s);
    m_state->setTextFormat(Qt::PlainText); // provider errors are untrusted text
    m_state->setWordWrap(true);
    layout->addWidget(m_state);
    auto *linkLabel = new QLabel(tr("If the browser did not open, or the wrong one did, open this &link:"), this);
    m_link = new QLineEdit(this);
    m_link->setObjectName(u"signInLink"_s);
    m_link->setReadOnly(true);
    linkLabel->setBuddy(m_link);
    layout->addWidget(linkLabel);
    layout->addWidget(m_link);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *again = m_buttons->addButton(tr("&Open the browser again"), QDialogButtonBox::ActionRole);
    connect(again, &QPushButton::clicked, this, [this] {
        if (m_url.isValid()) {
            openBrowser();
        }
    });
    QPushButton *copy = m_buttons->addButton(tr("Co&py link"), QDialogButtonBox::ActionRole);
    copy->setObjectName(u"copyLink"_s);
    connect(copy, &QPushButton::clicked, this, [this] {
        if (m_url.isValid()) {
            QGuiApplication::clipboard()->setText(m_url.toString());
            m_state->setText(tr("The link is copied: paste it into a browser on this computer (the sign-in comes "
                                "back to this console at %1).")
                                 .arg(redirectUri()));
        }
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    resize(560, sizeHint().height());
    start();
}

SignInDialog::~SignInDialog() = default;

QString SignInDialog::redirectUri() const
{
    return m_flow && m_flow->replyHandler() ? m_flow->replyHandler()->callback() : QString();
}

void SignInDialog::openBrowser()
{
    if (browserOpener()(m_url)) {
        m_state->setText(tr("Waiting for the sign-in in the browser…"));
        return;
    }
    // A console on a server without a desktop browser (xdg-open finds none): say so rather than wait.
    m_state->setText(tr("No web browser could be started on this computer. Copy the link below into a browser on "
                        "this computer: the sign-in comes back to this console at %1.")
                         .arg(redirectUri()));
}

void SignInDialog::showProblem(const QString &text)
{
    m_state->setText(text);
    m_state->setStyleSheet(u"color: palette(bright-text); background: #b3261e; padding: 4px;"_s);
}

void SignInDialog::start()
{
    if (m_settings.authorizationEndpoint.isEmpty() || m_settings.tokenEndpoint.isEmpty()) {
        showProblem(tr("The profile's OAuth settings have no authorization endpoint: sign in with 'syncdesk-node "
                       "oauth login %1' on a server instead.")
                        .arg(m_mailbox.address));
        return;
    }
    m_flow = new QOAuth2AuthorizationCodeFlow(this);
    // The browser comes back to this computer only: 127.0.0.1 on a port free now.
    auto *handler = new QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, 0, this);
    handler->setCallbackText(tr("SyncDesk received the sign-in. You can close this page."));
    if (!handler->isListening()) {
        showProblem(tr("SyncDesk cannot listen on 127.0.0.1 for the browser's answer."));
        return;
    }
    m_flow->setReplyHandler(handler);
    m_flow->setAuthorizationUrl(m_settings.authorizationEndpoint);
    m_flow->setAccessTokenUrl(m_settings.tokenEndpoint);
    m_flow->setClientIdentifier(m_settings.clientId);
    if (const QString secret = m_settings.clientSecret(); !secret.isEmpty()) {
        m_flow->setClientIdentifierSharedKey(secret);
    }
    m_flow->setScope(m_settings.scopes.join(u' '));
    // PKCE (RFC 7636), which Qt 6.4's flow does not do by itself: the challenge goes with the authorization
    // request, the verifier with the code.
    m_verifier = newVerifier();
    const QString challenge =
        QString::fromLatin1(QCryptographicHash::hash(m_verifier.toLatin1(), QCryptographicHash::Sha256)
                                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QString verifier = m_verifier;
    const QString hint = m_mailbox.username;
    const bool google = m_settings.provider == OAuthSettings::Provider::Google;
    m_flow->setModifyParametersFunction(
        [challenge, verifier, hint, google](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant> *parameters) {
            if (stage == QAbstractOAuth::Stage::RequestingAuthorization) {
                parameters->insert(u"code_challenge"_s, challenge);
                parameters->insert(u"code_challenge_method"_s, u"S256"_s);
                parameters->insert(u"login_hint"_s, hint);
                if (google) {
                    parameters->insert(u"access_type"_s, u"offline"_s); // Google's way to a refresh token
                    parameters->insert(u"prompt"_s, u"consent"_s);
                }
            } else if (stage == QAbstractOAuth::Stage::RequestingAccessToken) {
                parameters->insert(u"code_verifier"_s, verifier);
            }
        });
    connect(m_flow, &QAbstractOAuth::authorizeWithBrowser, this, [this](const QUrl &url) {
        m_url = url;
        m_link->setText(url.toString());
        m_link->setCursorPosition(0);
        openBrowser();
    });
    connect(m_flow, &QAbstractOAuth2::error, this,
            [this](const QString &error, const QString &description, const QUrl &) {
                //: %1: the provider's error code (access_denied, …), %2: its description
                showProblem(tr("The identity provider refused the sign-in: %1 %2").arg(error, description.left(300)));
            });
    connect(m_flow, &QAbstractOAuth::granted, this, [this] {
        OAuthTokenResponse token;
        token.accessToken = m_flow->token();
        token.refreshToken = m_flow->refreshToken();
        const QDateTime expires = m_flow->expirationAt();
        token.expiresInSeconds =
            expires.isValid() ? qMax<qint64>(1, QDateTime::currentDateTimeUtc().secsTo(expires)) : 3600;
        token.scope = m_flow->extraTokens().value(u"scope"_s).toString();
        if (token.refreshToken.isEmpty()) {
            showProblem(tr("The identity provider issued no refresh token: add offline_access (Microsoft) to the "
                           "profile's scopes, or consent again."));
            return;
        }
        m_state->setText(tr("Signed in."));
        Q_EMIT signedIn(m_mailbox.id, token);
        accept();
    });
    m_flow->grant();
}

} // namespace SyncDesk
