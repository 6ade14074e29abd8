#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace SyncDesk::Testing {

// A private Dovecot (IMAP and POP3) for tests and the demo: its own temporary directory, passwd-file
// users, maildir storage, free loopback ports, its own CA-signed certificate. Started and stopped by
// its owner; nothing is left running when it is destroyed. Mail is delivered with doveadm, the real
// delivery path, so UIDs and indexes are Dovecot's own.
class DovecotServer final
{
public:
    enum class Certificate {
        Trusted,    // signed by the private CA of caFile()
        SelfSigned, // trusted by nobody
        WrongHost,  // signed by the CA but for mail.example.invalid
        Expired,    // signed by the CA for localhost, but valid only during 2020
    };

    struct Options
    {
        Certificate certificate = Certificate::Trusted;
        // false: "disable_plaintext_auth = yes" and "ssl = required", also for loopback clients: the plain
        // IMAP port announces LOGINDISABLED, POP3's CAPA leaves out USER.
        bool allowPlaintextAuth = true;
        // Dovecot's auth_mechanisms: which SASL mechanisms IMAP announces (AUTH=...) and accepts.
        QString authMechanisms = QStringLiteral("plain login");
        // Dovecot's documented high-performance mode (benchmarks): login and imap processes are kept and
        // reused instead of one fresh process per connection.
        bool highPerformance = false;
        // Mail sent through the submission service is delivered: it relays to a private mail transfer agent
        // (Debian's python3-aiosmtpd, see smtpRelayAvailable()) that hands every message to this Dovecot's LMTP
        // service, so it lands in the recipients' INBOX (recipient user@any.domain is the user "user").
        bool deliverSubmissions = false;
        // When set, Dovecot also accepts OAuth 2.0 access tokens (SASL XOAUTH2 and OAUTHBEARER on IMAP, POP3 and
        // submission) and validates each one itself at this RFC 7662 introspection URL (passdb driver oauth2);
        // passwords keep working for the other mechanisms.
        QString oauthIntrospectionUrl;
        QString oauthMechanisms = QStringLiteral("xoauth2 oauthbearer");
        // Dovecot's LMTP service on a loopback port, for deliverLmtp() (the path a mail transfer agent takes).
        bool lmtp = false;
        // Dovecot's imap_capability: what IMAP announces (after login), replacing its own list; empty: its own.
        QString imapCapability;
    };

    DovecotServer();
    explicit DovecotServer(const Options &options);
    ~DovecotServer();
    DovecotServer(const DovecotServer &) = delete;
    DovecotServer &operator=(const DovecotServer &) = delete;

    // Whether the dovecot binaries are installed (tests skip, saying so, when they are not).
    static bool isAvailable();

    // Writes the configuration, starts Dovecot and waits until it greets; false with a reason on failure.
    bool start(QString *error = nullptr);
    void stop();
    bool isRunning() const;
    // Stops Dovecot and starts it again on the same ports, with the same mail (a server restart).
    bool restart(QString *error = nullptr);
    // Delivers a message over LMTP as a mail transfer agent would (needs Options::lmtp).
    bool deliverLmtp(const QString &user, const QByteArray &message, QString *error = nullptr);

    // "localhost"; a strict server (allowPlaintextAuth false) is at 127.0.0.2.
    QString host() const
    {
        return m_options.allowPlaintextAuth ? QStringLiteral("localhost") : QStringLiteral("127.0.0.2");
    }
    quint16 imapPort() const { return m_imapPort; }
    quint16 imapsPort() const { return m_imapsPort; }
    quint16 pop3Port() const { return m_pop3Port; }
    quint16 pop3sPort() const { return m_pop3sPort; }
    // Dovecot's SMTP submission service (STARTTLS, AUTH against the same users), when the dovecot-submissiond
    // package is installed; 0 otherwise. Its relay is itself, so that a login succeeds and sending nothing
    // needs no mail transfer agent.
    quint16 submissionPort() const { return m_submissionPort; }
    static bool hasSubmission();
    // Whether the relay deliverSubmissions needs can run (python3 with aiosmtpd, and Dovecot's LMTP).
    static bool smtpRelayAvailable();
    // Messages the relay handed to LMTP so far, and its log.
    QString relayLog() const;
    QString caFile() const;
    QString directory() const;

    // Adds or changes a user; Dovecot rereads the passwd file on its own.
    bool setUser(const QString &user, const QString &password);
    bool deliver(const QString &user, const QString &folder, const QByteArray &message, QString *error = nullptr);
    // Many messages at once into a user's INBOX (or another folder, created first with createFolder()): written
    // straight into the maildir (message(i) for i in [0, count)), handed to the mail user, then indexed by Dovecot. For
    // benchmarks: thousands per second.
    bool bulkDeliver(const QString &user, int count, const std::function<QByteArray(int)> &message,
                     QString *error = nullptr, const QString &folder = QStringLiteral("INBOX"),
                     const std::function<QDateTime(int)> &receivedAt = {});
    bool createFolder(const QString &user, const QString &folder, QString *error = nullptr);
    bool setUidValidity(const QString &user, const QString &folder, quint32 uidValidity, QString *error = nullptr);
    // Message count of a folder, from doveadm; -1 on error.
    int messageCount(const QString &user, const QString &folder);
    QString log() const;

private:
    bool writeConfiguration(QString *error);
    bool waitUntilReady(QString *error);
    bool doveadm(const QStringList &arguments, const QByteArray &input, QString *error, QByteArray *output = nullptr);
    bool writePasswd();
    bool startRelay(QString *error);

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_process;
    QProcess m_relay;
    quint16 m_lmtpPort = 0;
    quint16 m_relayPort = 0;
    QHash<QString, QString> m_users;
    quint16 m_imapPort = 0;
    quint16 m_imapsPort = 0;
    quint16 m_pop3Port = 0;
    quint16 m_pop3sPort = 0;
    quint16 m_submissionPort = 0;
    QString m_caFile;
};

} // namespace SyncDesk::Testing
