#pragma once

#include "act/actsettings.h"
#include "oauth/oauthsettings.h"

#include <QString>
#include <QtGlobal>

#include <optional>

namespace SyncDesk {

enum class MailProtocol { Imap, Pop3, Smtp };
enum class Security { None, StartTls, Tls };

QString protocolName(MailProtocol protocol);                       // "imap", "pop3", "smtp"
std::optional<MailProtocol> protocolFromName(const QString &name); // case-sensitive, as in the config file
QString securityName(Security security);                           // "none", "starttls", "tls"
std::optional<Security> securityFromName(const QString &name);

// Where and how to reach one server.
struct Endpoint
{
    MailProtocol protocol = MailProtocol::Imap;
    QString host;
    quint16 port = 0;
    Security security = Security::Tls;
    QString caFile; // extra PEM certificate authorities to trust, besides the system store

    friend bool operator==(const Endpoint &, const Endpoint &) = default;
};

// A mail server many mailboxes share: incoming (IMAP or POP3), optional outgoing (SMTP) and limits.
struct ServerProfile
{
    qint64 id = 0;
    QString name;
    Endpoint incoming;
    std::optional<Endpoint> outgoing;
    int maxConcurrentConnections = 10;
    // Polling bounds of this server, overriding the global ones ("polling" in the configuration).
    std::optional<int> minIntervalSeconds;
    std::optional<int> baseIntervalSeconds;
    std::optional<int> maxIntervalSeconds;
    // A message larger than this is not kept: its bytes are read past and it becomes an item failure
    // ("max_message_bytes"; unset: SyncTuning's default, 50 MiB).
    std::optional<qint64> maxMessageBytes;
    // Where copies of sent email go ("sent_folder"); empty: the folder the server marks \Sent, else "Sent".
    QString sentFolder;
    // The CalDAV/CardDAV server of the mailboxes' calendars and address books ("act"); unset: none.
    std::optional<ActEndpoint> act;
    // How its mailboxes sign in ("auth": {"method": "oauth2", ...}); unset: with their passwords.
    std::optional<OAuthSettings> oauth;
    // How many of its mailboxes may keep an IMAP IDLE connection open for push ("max_push_connections"; 0: only
    // the mailboxes with "push": true, none chosen by the scheduler).
    int maxPushConnections = 0;

    friend bool operator==(const ServerProfile &, const ServerProfile &) = default;
};

} // namespace SyncDesk
