#include "testconfig.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace SyncDesk::Testing {

using namespace Qt::StringLiterals;

TestConfig::TestConfig(const QString &directory)
    : m_directory(directory)
{
    QDir().mkpath(directory);
}

void TestConfig::addProfile(const QString &name, const DovecotServer &server, const QString &security,
                            int maxConnections)
{
    const quint16 port = security == u"tls"_s ? server.imapsPort() : server.imapPort();
    QJsonObject incoming{
        {u"protocol"_s, u"imap"_s}, {u"host"_s, server.host()}, {u"port"_s, int(port)}, {u"security"_s, security}};
    if (security != u"none"_s) {
        incoming.insert(u"ca_file"_s, server.caFile());
    }
    m_profiles.append(
        QJsonObject{{u"name"_s, name}, {u"incoming"_s, incoming}, {u"max_concurrent_connections"_s, maxConnections}});
}

void TestConfig::addPop3Profile(const QString &name, const DovecotServer &server, const QString &security)
{
    const quint16 port = security == u"tls"_s ? server.pop3sPort() : server.pop3Port();
    QJsonObject incoming{
        {u"protocol"_s, u"pop3"_s}, {u"host"_s, server.host()}, {u"port"_s, int(port)}, {u"security"_s, security}};
    if (security != u"none"_s) {
        incoming.insert(u"ca_file"_s, server.caFile());
    }
    m_profiles.append(QJsonObject{{u"name"_s, name}, {u"incoming"_s, incoming}});
}

void TestConfig::addLoopbackProfile(const QString &name, quint16 port)
{
    m_profiles.append(QJsonObject{{u"name"_s, name},
                                  {u"incoming"_s, QJsonObject{{u"protocol"_s, u"imap"_s},
                                                              {u"host"_s, u"127.0.0.1"_s},
                                                              {u"port"_s, int(port)},
                                                              {u"security"_s, u"none"_s}}}});
}

void TestConfig::addMailbox(const QString &address, const QString &profile, const QString &username,
                            const QString &password, const QStringList &folders)
{
    const QString passwordFile = m_directory + u"/"_s + username + u".password"_s;
    QFile file(passwordFile);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        file.write(password.toUtf8() + '\n');
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    QJsonObject mailbox{{u"address"_s, address},
                        {u"profile"_s, profile},
                        {u"username"_s, username},
                        {u"password_file"_s, passwordFile},
                        {u"enabled"_s, true}};
    if (!folders.isEmpty()) {
        mailbox.insert(u"folders"_s, QJsonArray::fromStringList(folders));
    }
    m_mailboxes.append(mailbox);
}

void TestConfig::addOAuthMailbox(const QString &address, const QString &profile, const QString &username)
{
    m_mailboxes.append(
        QJsonObject{{u"address"_s, address}, {u"profile"_s, profile}, {u"username"_s, username}, {u"enabled"_s, true}});
}

void TestConfig::setProfileKey(const QString &name, const QString &key, const QJsonValue &value)
{
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        QJsonObject profile = m_profiles.at(i).toObject();
        if (profile.value(u"name"_s).toString() == name) {
            profile.insert(key, value);
            m_profiles.replace(i, profile);
        }
    }
}

void TestConfig::addSubmission(const QString &name, const DovecotServer &server)
{
    setProfileKey(name, u"outgoing"_s,
                  QJsonObject{{u"protocol"_s, u"smtp"_s},
                              {u"host"_s, server.host()},
                              {u"port"_s, int(server.submissionPort())},
                              {u"security"_s, u"starttls"_s},
                              {u"ca_file"_s, server.caFile()}});
}

void TestConfig::setMailboxKey(const QString &address, const QString &key, const QJsonValue &value)
{
    for (qsizetype i = 0; i < m_mailboxes.size(); ++i) {
        QJsonObject mailbox = m_mailboxes.at(i).toObject();
        if (mailbox.value(u"address"_s).toString() == address) {
            mailbox.insert(key, value);
            m_mailboxes.replace(i, mailbox);
        }
    }
}

QJsonObject TestConfig::json() const
{
    QJsonObject root{{u"server_profiles"_s, m_profiles}, {u"mailboxes"_s, m_mailboxes}};
    if (!m_crm.isEmpty()) {
        root.insert(u"crm"_s, m_crm);
    }
    return root;
}

QString TestConfig::write() const
{
    const QString path = m_directory + u"/config.json"_s;
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        file.write(QJsonDocument(json()).toJson());
    }
    return path;
}

} // namespace SyncDesk::Testing
