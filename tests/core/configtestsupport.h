#pragma once

// What the configuration tests share: readable QCOMPARE output for profiles and mailboxes, a valid
// configuration file with what it must give, and small helpers to write files and read outcomes.

#include "config/configimporter.h"
#include "config/configparser.h"

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QTest>

namespace SyncDesk {
// Readable QCOMPARE failures.
inline QDebug operator<<(QDebug debug, const Endpoint &endpoint)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << protocolName(endpoint.protocol) << "://" << endpoint.host << ':' << endpoint.port << " ("
                    << securityName(endpoint.security) << ", ca " << endpoint.caFile << ')';
    return debug;
}
inline QDebug operator<<(QDebug debug, const ServerProfile &profile)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "ServerProfile(" << profile.id << ", " << profile.name << ", " << profile.incoming << ", ";
    if (profile.outgoing) {
        debug << *profile.outgoing;
    } else {
        debug << "no outgoing";
    }
    debug << ", " << profile.maxConcurrentConnections << ')';
    return debug;
}
inline QDebug operator<<(QDebug debug, const Mailbox &mailbox)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "Mailbox(" << mailbox.id << ", " << mailbox.address << ", profile " << mailbox.profileId << ' '
                    << mailbox.profileName << ", " << mailbox.username << ", " << mailbox.passwordSource << ", "
                    << mailbox.enabled << ", " << mailbox.folders << ')';
    return debug;
}
inline QDebug operator<<(QDebug debug, const ConfigIssue &issue)
{
    QDebugStateSaver saver(debug);
    debug.noquote() << issue.toString();
    return debug;
}
} // namespace SyncDesk

namespace SyncDesk::ConfigTest {

using namespace Qt::StringLiterals;

inline const QString kPassword = u"Sup3r-Secret-Pa55word!"_s;

inline QString summaryText(const ImportSummary &s)
{
    return u"profiles %1 created, %2 updated, %3 unchanged; mailboxes %4 created, %5 updated, %6 unchanged"_s
        .arg(s.profilesCreated)
        .arg(s.profilesUpdated)
        .arg(s.profilesUnchanged)
        .arg(s.mailboxesCreated)
        .arg(s.mailboxesUpdated)
        .arg(s.mailboxesUnchanged);
}

inline QString summaryText(int pc, int pu, int pn, int mc, int mu, int mn)
{
    ImportSummary summary;
    summary.profilesCreated = pc;
    summary.profilesUpdated = pu;
    summary.profilesUnchanged = pn;
    summary.mailboxesCreated = mc;
    summary.mailboxesUpdated = mu;
    summary.mailboxesUnchanged = mn;
    return summaryText(summary);
}

inline bool writeFile(const QString &path, const QByteArray &content, QFileDevice::Permissions permissions = {})
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
        return false;
    }
    file.close();
    return permissions ? file.setPermissions(permissions) : true;
}

inline Endpoint endpoint(MailProtocol protocol, const QString &host, quint16 port, Security security)
{
    Endpoint e;
    e.protocol = protocol;
    e.host = host;
    e.port = port;
    e.security = security;
    return e;
}

inline ServerProfile profile(const QString &name, const Endpoint &incoming,
                             std::optional<Endpoint> outgoing = std::nullopt, int connections = 10)
{
    ServerProfile p;
    p.name = name;
    p.incoming = incoming;
    p.outgoing = outgoing;
    p.maxConcurrentConnections = connections;
    return p;
}

// A valid file covering the defaults: ports by protocol and security, security "tls", username = address,
// folders = INBOX, enabled = true; INBOX in any case becomes "INBOX".
inline const QByteArray kValid = R"({
  "server_profiles": [
    {"name": "Main", "incoming": {"protocol": "imap", "host": "imap.example.test"}},
    {"name": "Starttls", "incoming": {"protocol": "imap", "host": "mail.example.test", "security": "starttls"},
     "outgoing": {"host": "smtp.example.test", "security": "starttls"}, "max_concurrent_connections": 3},
    {"name": "Plain", "incoming": {"protocol": "imap", "host": "imap.example.test", "security": "none"},
     "outgoing": {"protocol": "smtp", "host": "smtp.example.test"}},
    {"name": "Pop", "incoming": {"protocol": "pop3", "host": "pop.example.test"}},
    {"name": "PopNone", "incoming": {"protocol": "pop3", "host": "10.0.0.5", "security": "none"}},
    {"name": "Custom", "incoming": {"protocol": "pop3", "host": "pop.example.test", "security": "none", "port": 1110}}
  ],
  "mailboxes": [
    {"address": " Alice@Example.TEST ", "profile": "Main", "password_file": "secrets/alice.pass"},
    {"address": "bob@example.test", "profile": "Starttls", "username": "bob.b", "password_env": "SYNCDESK_TEST_UNSET_VAR",
     "enabled": false, "folders": ["inbox", "Sent", "Kunden/Müller"]},
    {"address": "carol@example.test", "profile": "Pop", "password_file": "../shared/carol.pass", "enabled": true}
  ]
})";

inline QList<ServerProfile> expectedProfiles()
{
    return {
        profile(u"Main"_s, endpoint(MailProtocol::Imap, u"imap.example.test"_s, 993, Security::Tls)),
        profile(u"Starttls"_s, endpoint(MailProtocol::Imap, u"mail.example.test"_s, 143, Security::StartTls),
                endpoint(MailProtocol::Smtp, u"smtp.example.test"_s, 587, Security::StartTls), 3),
        profile(u"Plain"_s, endpoint(MailProtocol::Imap, u"imap.example.test"_s, 143, Security::None),
                endpoint(MailProtocol::Smtp, u"smtp.example.test"_s, 465, Security::Tls)),
        profile(u"Pop"_s, endpoint(MailProtocol::Pop3, u"pop.example.test"_s, 995, Security::Tls)),
        profile(u"PopNone"_s, endpoint(MailProtocol::Pop3, u"10.0.0.5"_s, 110, Security::None)),
        profile(u"Custom"_s, endpoint(MailProtocol::Pop3, u"pop.example.test"_s, 1110, Security::None)),
    };
}

// configDir: the folder of the configuration file; passwords are below it and beside it.
inline QList<Mailbox> expectedMailboxes(const QString &configDir)
{
    Mailbox alice;
    alice.address = u"alice@example.test"_s;
    alice.profileName = u"Main"_s;
    alice.username = u"alice@example.test"_s;
    alice.passwordSource = u"file:"_s + QDir::cleanPath(configDir + u"/secrets/alice.pass"_s);
    Mailbox bob;
    bob.address = u"bob@example.test"_s;
    bob.profileName = u"Starttls"_s;
    bob.username = u"bob.b"_s;
    bob.passwordSource = u"env:SYNCDESK_TEST_UNSET_VAR"_s;
    bob.enabled = false;
    bob.folders = {u"INBOX"_s, u"Sent"_s, u"Kunden/Müller"_s};
    Mailbox carol;
    carol.address = u"carol@example.test"_s;
    carol.profileName = u"Pop"_s;
    carol.username = u"carol@example.test"_s;
    carol.passwordSource = u"file:"_s + QDir::cleanPath(configDir + u"/../shared/carol.pass"_s);
    return {alice, bob, carol};
}

// Writes kValid and its password files into `root`/config; returns the configuration file's path.
inline QString writeValidConfig(const QString &root, const QByteArray &json = kValid)
{
    const QString config = root + u"/config/syncdesk.json"_s;
    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!writeFile(config, json) ||
        !writeFile(root + u"/config/secrets/alice.pass"_s, kPassword.toUtf8() + '\n', ownerOnly) ||
        !writeFile(root + u"/shared/carol.pass"_s, "carol-" + kPassword.toUtf8() + '\n', ownerOnly)) {
        return {};
    }
    return config;
}

inline ConfigFile parsedOrFail(const ConfigParser::Outcome &outcome, bool *ok)
{
    if (const auto *issues = std::get_if<QList<ConfigIssue>>(&outcome)) {
        QStringList lines;
        for (const ConfigIssue &issue : *issues) {
            lines.append(issue.toString());
        }
        qWarning("unexpected configuration issues: %s", qPrintable(lines.join(u"; "_s)));
        *ok = false;
        return {};
    }
    *ok = true;
    return std::get<ConfigFile>(outcome);
}

// The base of the bad-file table: valid, without files to read. Rows change one thing in it.
inline const QByteArray kBase = R"({"server_profiles": [
  {"name": "Main", "incoming": {"protocol": "imap", "host": "imap.example.test"}},
  {"name": "Other", "incoming": {"protocol": "pop3", "host": "pop.example.test"}}],
 "mailboxes": [
  {"address": "alice@example.test", "profile": "Main", "password_env": "ALICE_PW"},
  {"address": "bob@example.test", "profile": "Other", "password_env": "BOB_PW"}]})";

inline QByteArray changed(const QByteArray &from, const QByteArray &to)
{
    if (!kBase.contains(from)) {
        qFatal("test table error: %s is not in the base file", from.constData());
    }
    return QByteArray(kBase).replace(from, to);
}

} // namespace SyncDesk::ConfigTest
