#pragma once

#include "connectiontestreport.h"
#include "model/mailbox.h"
#include "model/serverprofile.h"
#include "protocol/bytestream.h"
#include "protocol/logincredentials.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

namespace SyncDesk {

namespace Imap {
class Session;
}
namespace Pop3 {
class Session;
}
namespace Smtp {
class Session;
}

struct ConnectionTestOptions
{
    int dnsTimeoutMs = 15000;
    int connectTimeoutMs = 15000; // connecting and the TLS handshake
    int commandTimeoutMs = 30000;
    bool testOutgoing = true; // the SMTP steps, when the profile has an outgoing endpoint
    // The servers of a profile alone, with no mailbox: no password, no login; dns, connect, tls and
    // capabilities (and the SMTP ones up to EHLO).
    bool serverOnly = false;
    // The server's folders, for choosing what to sync: after the login, a "list" step (IMAP: LIST; POP3:
    // its one folder, INBOX) instead of the inbox and folder checks, and no SMTP steps. The folders are
    // in the report.
    bool listFolders = false;
    int maxFolders = 10000; // a longer list is cut here and marked truncated
};

// "Test connection" for one mailbox: the steps a sync goes through, one at a time, each timed and reported,
// stopping at the first failure with its classified error and hint:
//   credentials  the password source can be read
//   dns          the host name resolves
//   connect      the TCP connection opens
//   tls          the TLS handshake (implicit, or STARTTLS), with the certificate's subject, issuer and expiry
//   capabilities the greeting and what the server offers
//   login        authentication with the mailbox's credentials
//   inbox        IMAP: INBOX opens read-only; POP3 ("maildrop"): STAT, and UIDL support
//   folders      IMAP: the other configured folders exist
//   list         only with listFolders, instead of inbox and folders: the server's folders
// and, when the profile has an outgoing endpoint: smtp-dns, smtp-connect, smtp-tls, smtp-ehlo, smtp-auth;
// and, when the mailbox has act settings and the profile a CalDAV/CardDAV server: dav (discovery, read only).
// Asynchronous, driven by the event loop of the thread it lives in (never the console's UI thread);
// nothing is written to the mail servers or to the store.
class ConnectionTest final : public QObject
{
    Q_OBJECT
public:
    ConnectionTest(const Mailbox &mailbox, const ServerProfile &profile, const ConnectionTestOptions &options = {},
                   ByteStreamFactory streams = {}, QObject *parent = nullptr);
    ~ConnectionTest() override;

    void start();
    // Stops at once: the running step is reported as skipped and finished() follows.
    void cancel();
    bool isFinished() const { return m_finished; }
    const ConnectionTestReport &report() const { return m_report; }

Q_SIGNALS:
    void stepStarted(const SyncDesk::ConnectionStep &step);
    void stepFinished(const SyncDesk::ConnectionStep &step);
    void finished(const SyncDesk::ConnectionTestReport &report);

private:
    void connectIncoming();
    LoginCredentials credentialsFor(const Endpoint &endpoint) const;
    void begin(const QString &id, const QString &title);
    void pass(const QString &detail, const QJsonObject &data = {});
    void failStep(const SyncError &error);
    void complete();
    bool stepIs(const QString &id) const;

    void checkCredentials();
    void resolve(const QString &stepId, const QString &host, std::function<void()> next);
    void watchStream(ByteStream *stream, const QString &prefix, Security security, const QString &where);
    QString tlsTitle(Security security, const QString &host) const;

    // Begins the connect step and makes the incoming stream, watched for the TLS step.
    std::unique_ptr<ByteStream> incomingStream();
    template <typename SessionOptions>
    SessionOptions sessionOptions() const
    {
        SessionOptions options;
        options.connectTimeoutMs = m_options.connectTimeoutMs;
        options.commandTimeoutMs = m_options.commandTimeoutMs;
        options.mailbox = m_mailbox.address;
        return options;
    }
    // The ACT direction's discovery ("dav"), when the mailbox has act settings and its profile a DAV server.
    void testAct();
    void openImap();
    void imapLogin();
    void imapInbox();
    void imapFolders();
    void imapList();
    void openPop3();
    void pop3Login();
    void pop3Maildrop();
    void pop3List();
    void closeIncoming();
    void testOutgoing();
    void openSmtp();
    void smtpLogin();

    Mailbox m_mailbox;
    ServerProfile m_profile;
    ConnectionTestOptions m_options;
    ByteStreamFactory m_streams;
    ConnectionTestReport m_report;
    LoginCredentials m_credentials; // the password or access token, wiped once the last login used it
    int m_current = -1;             // index of the running step
    QElapsedTimer m_stepClock;
    QElapsedTimer m_totalClock;
    QTimer m_dnsTimer{this};
    int m_lookupId = -1;
    std::unique_ptr<Imap::Session> m_imap;
    std::unique_ptr<Pop3::Session> m_pop3;
    std::unique_ptr<Smtp::Session> m_smtp;
    QPointer<ByteStream> m_stream; // of the session in use, for its TCP and TLS milestones
    bool m_started = false;
    bool m_finished = false;
};

} // namespace SyncDesk
