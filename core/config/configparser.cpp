#include "configparser.h"

#include "passwordsource.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return u"the number "_s + QString::number(value.toDouble());
    case QJsonValue::String:
        return u"the string \""_s + value.toString().left(60) + u'"';
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

// Line and column of a byte offset, for JSON syntax errors.
QString position(const QByteArray &json, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < json.size(); ++i) {
        if (json.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return u"line %1, column %2"_s.arg(line).arg(column);
}

bool isValidAddress(const QString &address)
{
    static const QRegularExpression pattern(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_s);
    return pattern.match(address).hasMatch();
}

bool isValidHost(const QString &host)
{
    static const QRegularExpression pattern(
        u"^[A-Za-z0-9]([A-Za-z0-9\\-\\.]*[A-Za-z0-9])?$|^\\[?[0-9A-Fa-f:\\.]+\\]?$"_s);
    return pattern.match(host).hasMatch();
}

quint16 defaultPort(MailProtocol protocol, Security security)
{
    const bool tls = security == Security::Tls;
    switch (protocol) {
    case MailProtocol::Imap:
        return tls ? 993 : 143;
    case MailProtocol::Pop3:
        return tls ? 995 : 110;
    case MailProtocol::Smtp:
        return tls ? 465 : 587;
    }
    return 0;
}

} // namespace

ConfigParser::ConfigParser(const QString &baseDir)
    : m_baseDir(baseDir)
{}

ConfigParser::Outcome ConfigParser::parseFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return QList<ConfigIssue>{{path, u"cannot read the file: "_s + file.errorString()}};
    }
    if (file.size() > 64 * 1024 * 1024) {
        return QList<ConfigIssue>{{path, u"the file is larger than 64 MiB"_s}};
    }
    return parse(file.readAll(), QFileInfo(path).absolutePath());
}

ConfigParser::Outcome ConfigParser::parse(const QByteArray &json, const QString &baseDir)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return QList<ConfigIssue>{
            // Qt reports the offset just past the character at fault (or the end, when input ran out).
            {u"$"_s,
             u"not valid JSON at %1: %2"_s.arg(
                 position(json, parseError.offset < json.size() ? qMax(0, parseError.offset - 1) : parseError.offset),
                 parseError.errorString())}};
    }
    if (!document.isObject()) {
        return QList<ConfigIssue>{{u"$"_s, u"expected an object with \"server_profiles\" and \"mailboxes\""_s}};
    }
    ConfigParser parser(baseDir);
    parser.parseRoot(document.object());
    if (!parser.m_errors.isEmpty()) {
        return parser.m_errors;
    }
    return parser.m_file;
}

void ConfigParser::error(const QString &path, const QString &message)
{
    m_errors.append({path, message});
}

void ConfigParser::warning(const QString &path, const QString &message)
{
    m_file.warnings.append({path, message});
}

bool ConfigParser::checkKeys(const QJsonObject &object, const QString &path, const QStringList &allowed)
{
    bool ok = true;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            error(path + u'.' + it.key(), u"unknown key; expected one of: "_s + allowed.join(u", "_s));
            ok = false;
        }
    }
    return ok;
}

QString ConfigParser::resolvePath(const QString &fileName) const
{
    return QDir::cleanPath(QDir(m_baseDir).absoluteFilePath(fileName));
}

void ConfigParser::parseRoot(const QJsonObject &root)
{
    checkKeys(root, u"$"_s, {u"server_profiles"_s, u"mailboxes"_s});

    const QJsonValue profiles = root.value(u"server_profiles"_s);
    if (profiles.isUndefined()) {
        // A file with only mailboxes may refer to profiles already in the store.
    } else if (!profiles.isArray()) {
        error(u"$.server_profiles"_s, u"expected an array of server profiles, got "_s + describe(profiles));
    } else {
        const QJsonArray array = profiles.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            parseProfile(array.at(i), u"$.server_profiles[%1]"_s.arg(i));
        }
    }

    const QJsonValue mailboxes = root.value(u"mailboxes"_s);
    if (mailboxes.isUndefined()) {
        // A file with only profiles is fine.
    } else if (!mailboxes.isArray()) {
        error(u"$.mailboxes"_s, u"expected an array of mailboxes, got "_s + describe(mailboxes));
    } else {
        const QJsonArray array = mailboxes.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            parseMailbox(array.at(i), u"$.mailboxes[%1]"_s.arg(i));
        }
    }
    if (profiles.isUndefined() && mailboxes.isUndefined()) {
        error(u"$"_s, u"the file has neither \"server_profiles\" nor \"mailboxes\""_s);
    }
}

void ConfigParser::parseProfile(const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        error(path, u"expected a server profile object, got "_s + describe(value));
        return;
    }
    const QJsonObject object = value.toObject();
    checkKeys(object, path, {u"name"_s, u"incoming"_s, u"outgoing"_s, u"max_concurrent_connections"_s});

    ServerProfile profile;
    const QJsonValue name = object.value(u"name"_s);
    if (!name.isString() || name.toString().trimmed().isEmpty()) {
        error(path + u".name"_s, u"expected a non-empty string, got "_s + describe(name));
    } else {
        profile.name = name.toString().trimmed();
        for (const ServerProfile &other : std::as_const(m_file.profiles)) {
            if (other.name == profile.name) {
                error(path + u".name"_s, u"the profile name \"%1\" is used twice"_s.arg(profile.name));
            }
        }
    }

    const QJsonValue incoming = object.value(u"incoming"_s);
    if (incoming.isUndefined()) {
        error(path + u".incoming"_s, u"missing: every profile needs an incoming server"_s);
    } else if (auto endpoint = parseEndpoint(incoming, path + u".incoming"_s, false)) {
        profile.incoming = *endpoint;
    }

    const QJsonValue outgoing = object.value(u"outgoing"_s);
    if (!outgoing.isUndefined() && !outgoing.isNull()) {
        profile.outgoing = parseEndpoint(outgoing, path + u".outgoing"_s, true);
    }

    const QJsonValue connections = object.value(u"max_concurrent_connections"_s);
    if (!connections.isUndefined()) {
        const double number = connections.toDouble(-1);
        // Range first: converting a double outside qint64's range is undefined (found by the fuzzer).
        if (!connections.isDouble() || number < 1 || number > 1000 || number != std::trunc(number)) {
            error(path + u".max_concurrent_connections"_s,
                  u"expected an integer from 1 to 1000, got "_s + describe(connections));
        } else {
            profile.maxConcurrentConnections = int(number);
        }
    }
    m_file.profiles.append(profile);
}

std::optional<Endpoint> ConfigParser::parseEndpoint(const QJsonValue &value, const QString &path, bool outgoing)
{
    if (!value.isObject()) {
        error(path, u"expected an object with protocol, host, port and security, got "_s + describe(value));
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    const int errorsBefore = int(m_errors.size());
    checkKeys(object, path, {u"protocol"_s, u"host"_s, u"port"_s, u"security"_s, u"ca_file"_s});

    Endpoint endpoint;
    const QJsonValue protocol = object.value(u"protocol"_s);
    if (outgoing) {
        endpoint.protocol = MailProtocol::Smtp;
        if (!protocol.isUndefined() && protocol.toString() != u"smtp"_s) {
            error(path + u".protocol"_s, u"expected \"smtp\" for outgoing mail, got "_s + describe(protocol));
        }
    } else if (auto parsed = protocolFromName(protocol.toString()); parsed && *parsed != MailProtocol::Smtp) {
        endpoint.protocol = *parsed;
    } else {
        error(path + u".protocol"_s, u"expected \"imap\" or \"pop3\", got "_s + describe(protocol));
    }

    const QJsonValue host = object.value(u"host"_s);
    if (!host.isString() || !isValidHost(host.toString().trimmed())) {
        error(path + u".host"_s, u"expected a host name or IP address, got "_s + describe(host));
    } else {
        endpoint.host = host.toString().trimmed();
    }

    const QJsonValue security = object.value(u"security"_s);
    if (security.isUndefined()) {
        endpoint.security = Security::Tls;
    } else if (auto parsed = securityFromName(security.toString()); parsed && security.isString()) {
        endpoint.security = *parsed;
    } else {
        error(path + u".security"_s, u"expected \"none\", \"starttls\" or \"tls\", got "_s + describe(security));
    }

    const QJsonValue port = object.value(u"port"_s);
    if (port.isUndefined()) {
        endpoint.port = defaultPort(endpoint.protocol, endpoint.security);
    } else {
        const double number = port.toDouble(-1);
        if (!port.isDouble() || number < 1 || number > 65535 || number != std::trunc(number)) {
            error(path + u".port"_s, u"expected an integer from 1 to 65535, got "_s + describe(port));
        } else {
            endpoint.port = quint16(number);
        }
    }

    const QJsonValue caFile = object.value(u"ca_file"_s);
    if (!caFile.isUndefined()) {
        if (!caFile.isString() || caFile.toString().isEmpty()) {
            error(path + u".ca_file"_s, u"expected the path of a PEM file, got "_s + describe(caFile));
        } else {
            endpoint.caFile = resolvePath(caFile.toString());
            if (!QFileInfo(endpoint.caFile).isReadable()) {
                error(path + u".ca_file"_s, u"the file %1 does not exist or cannot be read"_s.arg(endpoint.caFile));
            } else if (endpoint.security == Security::None) {
                warning(path + u".ca_file"_s, u"ignored: security is \"none\""_s);
            }
        }
    }
    if (int(m_errors.size()) != errorsBefore) {
        return std::nullopt;
    }
    return endpoint;
}

void ConfigParser::parseMailbox(const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        error(path, u"expected a mailbox object, got "_s + describe(value));
        return;
    }
    const QJsonObject object = value.toObject();
    checkKeys(
        object, path,
        {u"address"_s, u"profile"_s, u"username"_s, u"password_file"_s, u"password_env"_s, u"enabled"_s, u"folders"_s});

    Mailbox mailbox;
    const QJsonValue address = object.value(u"address"_s);
    if (!address.isString() || !isValidAddress(address.toString().trimmed())) {
        error(path + u".address"_s, u"expected an email address, got "_s + describe(address));
    } else {
        mailbox.address = address.toString().trimmed().toLower();
        for (const Mailbox &other : std::as_const(m_file.mailboxes)) {
            if (other.address == mailbox.address) {
                error(path + u".address"_s, u"the mailbox %1 is listed twice"_s.arg(mailbox.address));
            }
        }
    }

    const QJsonValue profile = object.value(u"profile"_s);
    if (!profile.isString() || profile.toString().trimmed().isEmpty()) {
        error(path + u".profile"_s, u"expected the name of a server profile, got "_s + describe(profile));
    } else {
        mailbox.profileName = profile.toString().trimmed();
    }

    const QJsonValue username = object.value(u"username"_s);
    if (username.isUndefined()) {
        mailbox.username = mailbox.address;
    } else if (!username.isString() || username.toString().isEmpty()) {
        error(path + u".username"_s, u"expected a non-empty string, got "_s + describe(username));
    } else {
        mailbox.username = username.toString();
    }

    const QJsonValue passwordFile = object.value(u"password_file"_s);
    const QJsonValue passwordEnv = object.value(u"password_env"_s);
    if (passwordFile.isUndefined() == passwordEnv.isUndefined()) {
        error(path, passwordFile.isUndefined() ? u"missing password_file or password_env"_s
                                               : u"give either password_file or password_env, not both"_s);
    } else if (!passwordFile.isUndefined()) {
        if (!passwordFile.isString() || passwordFile.toString().isEmpty()) {
            error(path + u".password_file"_s, u"expected the path of a file, got "_s + describe(passwordFile));
        } else {
            const QString file = resolvePath(passwordFile.toString());
            const QFileInfo info(file);
            if (!info.isFile() || !info.isReadable()) {
                error(path + u".password_file"_s, u"the file %1 does not exist or cannot be read"_s.arg(file));
            } else {
                if (info.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup)) {
                    warning(path + u".password_file"_s,
                            u"%1 can be read by other users; restrict it with chmod 600"_s.arg(file));
                }
                mailbox.passwordSource = PasswordSource::fromFile(file).encode();
            }
        }
    } else {
        static const QRegularExpression variable(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
        if (!passwordEnv.isString() || !variable.match(passwordEnv.toString()).hasMatch()) {
            error(path + u".password_env"_s, u"expected an environment variable name, got "_s + describe(passwordEnv));
        } else {
            mailbox.passwordSource = PasswordSource::fromEnvironment(passwordEnv.toString()).encode();
            if (!qEnvironmentVariableIsSet(passwordEnv.toString().toLocal8Bit().constData())) {
                warning(path + u".password_env"_s,
                        u"%1 is not set here; it must be set where the sync runs"_s.arg(passwordEnv.toString()));
            }
        }
    }

    const QJsonValue enabled = object.value(u"enabled"_s);
    if (enabled.isUndefined()) {
        mailbox.enabled = true;
    } else if (!enabled.isBool()) {
        error(path + u".enabled"_s, u"expected true or false, got "_s + describe(enabled));
    } else {
        mailbox.enabled = enabled.toBool();
    }

    const QJsonValue folders = object.value(u"folders"_s);
    if (!folders.isUndefined()) {
        if (!folders.isArray() || folders.toArray().isEmpty()) {
            error(path + u".folders"_s, u"expected a non-empty array of folder names, got "_s + describe(folders));
        } else {
            QStringList names;
            const QJsonArray array = folders.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                const QJsonValue folder = array.at(i);
                const QString folderPath = path + u".folders[%1]"_s.arg(i);
                if (!folder.isString() || folder.toString().isEmpty()) {
                    error(folderPath, u"expected a folder name, got "_s + describe(folder));
                    continue;
                }
                QString name = folder.toString();
                if (name.compare(u"INBOX"_s, Qt::CaseInsensitive) == 0) {
                    name = u"INBOX"_s;
                }
                if (name.contains(u'\r') || name.contains(u'\n')) {
                    error(folderPath, u"a folder name cannot contain line breaks"_s);
                } else if (names.contains(name)) {
                    error(folderPath, u"the folder \"%1\" is listed twice"_s.arg(name));
                } else {
                    names.append(name);
                }
            }
            mailbox.folders = names;
        }
    }
    m_file.mailboxes.append(mailbox);
}

} // namespace SyncDesk
