#pragma once

#include "dovecotserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace SyncDesk::Testing {

// Builds SyncDesk configuration files pointing at a private Dovecot, with password files written
// beside them. Used by the integration tests and the demo.
class TestConfig final
{
public:
    explicit TestConfig(const QString &directory);

    // A server profile for the Dovecot: security "none" (plain port), "starttls" or "tls".
    void addProfile(const QString &name, const DovecotServer &server, const QString &security, int maxConnections = 10);
    // A POP3 profile for the Dovecot: "none" (port 110's), "starttls" (STLS) or "tls" (995's).
    void addPop3Profile(const QString &name, const DovecotServer &server, const QString &security);
    // A profile pointing at a port where nothing listens.
    void addClosedPortProfile(const QString &name, quint16 port) { addLoopbackProfile(name, port); }
    // An IMAP profile for a server on 127.0.0.1 without TLS (a scripted or hostile test server).
    void addLoopbackProfile(const QString &name, quint16 port);
    void addMailbox(const QString &address, const QString &profile, const QString &username, const QString &password,
                    const QStringList &folders = {});

    // A mailbox of a profile that signs in with OAuth 2.0: no password.
    void addOAuthMailbox(const QString &address, const QString &profile, const QString &username);
    // Extra keys of a profile added before (outgoing, sent_folder, polling, ...).
    void setProfileKey(const QString &name, const QString &key, const QJsonValue &value);
    // The Dovecot's submission service as the profile's outgoing endpoint (STARTTLS, its CA).
    void addSubmission(const QString &name, const DovecotServer &server);
    // Extra keys of a mailbox added before (owner, tracking, tracked_folders, ...).
    void setMailboxKey(const QString &address, const QString &key, const QJsonValue &value);
    // The "crm" section.
    void setCrm(const QJsonObject &crm) { m_crm = crm; }

    QJsonObject json() const;
    // Writes config.json into the directory; returns its path.
    QString write() const;

private:
    QString m_directory;
    QJsonArray m_profiles;
    QJsonArray m_mailboxes;
    QJsonObject m_crm;
};

} // namespace SyncDesk::Testing
