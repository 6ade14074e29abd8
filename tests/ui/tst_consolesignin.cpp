// The console's "Sign in…" for a mailbox of an OAuth 2.0 profile: the authorization-code flow with PKCE against the
// test authorization server, the browser played by the test (it follows the link, and the provider's redirect to
// the console's loopback address), the tokens kept on disk, and the mailbox its refused sign-in had disabled
// enabled again. The action is off for a password mailbox.

#include "consoleharness.h"
#include "dialogs/signindialog.h"
#include "models/mailboxtablemodel.h"
#include "oauth/oauthtokenbroker.h"
#include "oauth/oauthtokenstore.h"
#include "oauthserver.h"
#include "synchelper.h"
#include "views/mailboxdetailspane.h"

#include <QAction>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncDesk;
using namespace SyncDesk::Testing;
using namespace Qt::StringLiterals;

class TestConsoleSignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void signInThroughTheBrowser();
    void passwordMailboxHasNoSignIn();
    void noBrowserSaysSoAndOffersTheLink();

private:
    OAuthServer m_oauth;
    QTemporaryDir m_dir;
    StoreConfig m_store;
    std::shared_ptr<OAuthTokenStore> m_tokens;
    ConsoleHarness m_console;
    QNetworkAccessManager m_browser;
    QString m_browserPage;
};

void TestConsoleSignIn::initTestCase()
{
    useTestSettings(u"tst_consolesignin"_s);
    QString error;
    QVERIFY2(m_oauth.start(&error), qPrintable(error));
    m_oauth.setAuthorizeAs(u"ana"_s);
    m_store = StoreConfig::sqlite(m_dir.filePath(u"signin.db"_s));
    QVERIFY(writeSecretFile(m_dir.filePath(u"pw"_s)));
    QFile config(m_dir.filePath(u"config.json"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(uR"({
      "server_profiles": [
        {"name": "Hosted", "incoming": {"protocol": "imap", "host": "imap.example.test"},
         "auth": {"method": "oauth2", "provider": "generic", "client_id": "syncdesk-console",
                  "authorization_endpoint": "%1", "token_endpoint": "%2", "scopes": ["mail", "offline_access"]}},
        {"name": "Passwords", "incoming": {"protocol": "imap", "host": "imap2.example.test"}}],
      "mailboxes": [
        {"address": "ana@corp.example", "profile": "Hosted", "username": "ana"},
        {"address": "plain@corp.example", "profile": "Passwords", "password_file": "pw"}]
    })"_s.arg(m_oauth.authorizationEndpoint().toString(), m_oauth.tokenEndpoint().toString())
                     .toUtf8());
    config.close();
    const QString imported = SyncHelper::importConfig(m_store, config.fileName());
    QVERIFY2(imported.isEmpty(), qPrintable(imported));
    // Its refresh token was refused: the scheduler disabled it for good.
    {
        auto store = Store::open(m_store);
        QVERIFY(store.ok());
        QVERIFY((*store)->setMailboxEnabled(SyncHelper::mailboxId(m_store, u"ana@corp.example"_s), false,
                                            u"permanent-failure"_s, QDateTime::currentDateTimeUtc()));
    }
    m_tokens = std::make_shared<OAuthTokenStore>(m_dir.filePath(u"oauth"_s));
    OAuthTokenBroker::instance().setStore(m_tokens);
    // The browser: follows the link and the provider's redirect back to the console, and keeps the last page.
    m_browser.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    SignInDialog::setBrowserOpener([this](const QUrl &url) {
        QNetworkReply *reply = m_browser.get(QNetworkRequest(url));
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            m_browserPage = QString::fromUtf8(reply->readAll());
            reply->deleteLater();
        });
        return true;
    });
    m_console.start(m_store);
    QTRY_VERIFY_WITH_TIMEOUT(m_console.window->mailboxModel()->rowCount() == 2, 10000);
}

void TestConsoleSignIn::cleanupTestCase()
{
    QVERIFY(m_console.stop());
}

void TestConsoleSignIn::signInThroughTheBrowser()
{
    MainWindow *window = m_console.window.get();
    window->selectMailbox(u"ana@corp.example"_s);
    QAction *action = window->action(u"signIn"_s);
    QVERIFY(action);
    QTRY_VERIFY_WITH_TIMEOUT(action->isEnabled(), 5000);
    action->trigger();
    auto *dialog = window->findChild<SignInDialog *>();
    QVERIFY(dialog);
    QPointer<SignInDialog> guard(dialog);
    // The link asks for a code with an S256 challenge and comes back to this computer.
    QTRY_VERIFY_WITH_TIMEOUT(dialog->authorizationUrl().isValid(), 5000);
    const QString link = dialog->authorizationUrl().toString();
    QVERIFY2(link.contains(u"code_challenge_method=S256"_s), qPrintable(link));
    QVERIFY2(dialog->redirectUri().startsWith(u"http://127.0.0.1:"_s), qPrintable(dialog->redirectUri()));
    // The browser was sent back to the console's address, the code became tokens, the dialog closed.
    auto closed = [&guard] {
        SignInDialog *open = guard.data();
        return !open || !open->isVisible();
    };
    QTRY_VERIFY_WITH_TIMEOUT(closed(), 15000);
    QVERIFY2(m_oauth.lastRedirect().startsWith(u"http://127.0.0.1:"_s), qPrintable(m_oauth.lastRedirect()));
    QTRY_VERIFY_WITH_TIMEOUT(m_browserPage.contains(u"SyncDesk received the sign-in"_s), 5000);
    QTRY_VERIFY_WITH_TIMEOUT((*m_tokens->load(u"ana@corp.example"_s)).has_value(), 10000);
    const OAuthTokenRecord record = **m_tokens->load(u"ana@corp.example"_s);
    QVERIFY(!record.refreshToken.isEmpty());
    QVERIFY(!record.needsSignIn);
    // Enabled again.
    MailboxTableModel *model = window->mailboxModel();
    QTRY_VERIFY_WITH_TIMEOUT(
        model->status(model->rowOfMailbox(SyncHelper::mailboxId(m_store, u"ana@corp.example"_s))).mailbox.enabled,
        10000);
    // The details pane says so.
    auto *incoming = window->detailsPane()->findChild<QLabel *>(u"incomingState"_s);
    QVERIFY(incoming);
    QTRY_VERIFY_WITH_TIMEOUT(incoming->text().contains(u"signed in"_s), 10000);
    // The broker of this process uses the new sign-in at once.
    std::optional<Result<OAuthAccessToken>> token;
    OAuthSettings settings;
    settings.clientId = u"syncdesk-console"_s;
    settings.tokenEndpoint = m_oauth.tokenEndpoint();
    OAuthTokenBroker::instance().accessToken(u"ana@corp.example"_s, settings, this,
                                             [&](const Result<OAuthAccessToken> &answer) { token.emplace(answer); });
    QTRY_VERIFY_WITH_TIMEOUT(token.has_value(), 10000);
    QVERIFY2(token->ok(), token->ok() ? "" : qPrintable(token->error().toString()));
}

void TestConsoleSignIn::passwordMailboxHasNoSignIn()
{
    MainWindow *window = m_console.window.get();
    window->selectMailbox(u"plain@corp.example"_s);
    QAction *action = window->action(u"signIn"_s);
    QVERIFY(action);
    QTRY_VERIFY_WITH_TIMEOUT(!action->isEnabled(), 5000);
}

void TestConsoleSignIn::noBrowserSaysSoAndOffersTheLink()
{
    // A server console without a browser (xdg-open finds none): the dialog says so rather than waiting, and the
    // link can be copied to a browser on this computer (the answer comes back to 127.0.0.1).
    int opened = 0;
    SignInDialog::setBrowserOpener([&opened](const QUrl &) {
        ++opened;
        return false;
    });
    MainWindow *window = m_console.window.get();
    window->selectMailbox(u"ana@corp.example"_s);
    QAction *action = window->action(u"signIn"_s);
    QTRY_VERIFY_WITH_TIMEOUT(action->isEnabled(), 5000);
    action->trigger();
    auto *dialog = window->findChild<SignInDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->authorizationUrl().isValid(), 5000);
    QCOMPARE(opened, 1);
    auto *state = dialog->findChild<QLabel *>(u"signInState"_s);
    QVERIFY(state);
    QVERIFY2(state->text().contains(u"No web browser could be started"_s), qPrintable(state->text()));
    auto *copy = dialog->findChild<QPushButton *>(u"copyLink"_s);
    QVERIFY(copy);
    QGuiApplication::clipboard()->clear();
    copy->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), dialog->authorizationUrl().toString());
    QVERIFY2(state->text().contains(u"copied"_s), qPrintable(state->text()));
    dialog->reject();
}

QTEST_MAIN(TestConsoleSignIn)
#include "tst_consolesignin.moc"
