#include "configparser.h"

#include "configvalues.h"
#include "crmconfigparser.h"
#include "metrics/listenaddress.h"
#include "passwordsource.h"
#include "store/retentionsettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace SyncDesk {

using namespace Qt::StringLiterals;

using ConfigValues::describe;

namespace {

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
    return QCoreApplication::translate("ConfigParser", "line %1, column %2").arg(line).arg(column);
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
        return QList<ConfigIssue>{{path, tr("cannot read the file: %1").arg(file.errorString())}};
    }
    if (file.size() > 64 * 1024 * 1024) {
        return QList<ConfigIssue>{{path, tr("the file is larger than 64 MiB")}};
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
            {u"$"_s, tr("not valid JSON at %1: %2")
                         .arg(position(json, parseError.offset < json.size() ? qMax(0, parseError.offset - 1)
                                                                             : parseError.offset),
                              parseError.errorString())}};
    }
    if (!document.isObject()) {
        return QList<ConfigIssue>{{u"$"_s, tr("expected an object with \"server_profiles\" and \"mailboxes\"")}};
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
            error(path + u'.' + it.key(), tr("unknown key; expected one of: %1").arg(allowed.join(u", "_s)));
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
    checkKeys(root, u"$"_s,
              {u"server_profiles"_s, u"mailboxes"_s, u"scheduler"_s, u"retention"_s, u"crm"_s, u"metrics"_s});
    if (root.contains(u"scheduler"_s)) {
        parseScheduler(root.value(u"scheduler"_s), u"$.scheduler"_s);
    }
    if (root.contains(u"retention"_s)) {
        parseRetention(root.value(u"retention"_s), u"$.retention"_s);
    }
    if (root.contains(u"metrics"_s)) {
        parseMetrics(root.value(u"metrics"_s), u"$.metrics"_s);
    }
    if (root.contains(u"crm"_s)) {
        CrmConfigParser(m_errors, m_file.warnings).parse(root.value(u"crm"_s), u"$.crm"_s, m_file);
    }

    const QJsonValue profiles = root.value(u"server_profiles"_s);
    if (profiles.isUndefined()) {
        // A file with only mailboxes may refer to profiles already in the store.
    } else if (!profiles.isArray()) {
        error(u"$.server_profiles"_s, tr("expected an array of server profiles, got %1").arg(describe(profiles)));
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
        error(u"$.mailboxes"_s, tr("expected an array of mailboxes, got %1").arg(describe(mailboxes)));
    } else {
        const QJsonArray array = mailboxes.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            parseMailbox(array.at(i), u"$.mailboxes[%1]"_s.arg(i));
        }
    }
    if (profiles.isUndefined() && mailboxes.isUndefined() && !root.contains(u"crm"_s) &&
        !root.contains(u"retention"_s) && !root.contains(u"metrics"_s)) {
        error(u"$"_s, tr("the file has none of \"server_profiles\", \"mailboxes\", \"crm\" and \"retention\""));
    }
}

void ConfigParser::parseProfile(const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        error(path, tr("expected a server profile object, got %1").arg(describe(value)));
        return;
    }
    const QJsonObject object = value.toObject();
    checkKeys(object, path,
              {u"name"_s, u"incoming"_s, u"outgoing"_s, u"max_concurrent_connections"_s, u"polling"_s,
               u"max_message_bytes"_s, u"sent_folder"_s, u"act"_s, u"auth"_s, u"max_push_connections"_s});

    ServerProfile profile;
    const QJsonValue name = object.value(u"name"_s);
    if (!name.isString() || name.toString().trimmed().isEmpty()) {
        error(path + u".name"_s, tr("expected a non-empty string, got %1").arg(describe(name)));
    } else {
        profile.name = name.toString().trimmed();
        for (const ServerProfile &other : std::as_const(m_file.profiles)) {
            if (other.name == profile.name) {
                error(path + u".name"_s, tr("the profile name \"%1\" is used twice").arg(profile.name));
            }
        }
    }

    const QJsonValue incoming = object.value(u"incoming"_s);
    if (incoming.isUndefined()) {
        error(path + u".incoming"_s, tr("missing: every profile needs an incoming server"));
    } else if (auto endpoint = parseEndpoint(incoming, path + u".incoming"_s, false)) {
        profile.incoming = *endpoint;
    }

    const QJsonValue outgoing = object.value(u"outgoing"_s);
    if (!outgoing.isUndefined() && !outgoing.isNull()) {
        profile.outgoing = parseEndpoint(outgoing, path + u".outgoing"_s, true);
    }

    if (const QJsonValue act = object.value(u"act"_s); !act.isUndefined() && !act.isNull()) {
        profile.act = parseActEndpoint(act, path + u".act"_s);
    }
    if (const QJsonValue auth = object.value(u"auth"_s); !auth.isUndefined() && !auth.isNull()) {
        profile.oauth = parseProfileAuth(auth, path + u".auth"_s, profile);
    }
    if (auto push = integer(object, u"max_push_connections"_s, path, 0, 1000)) {
        profile.maxPushConnections = *push;
    }

    const QJsonValue sentFolder = object.value(u"sent_folder"_s);
    if (!sentFolder.isUndefined() && !sentFolder.isNull()) {
        if (!sentFolder.isString() || sentFolder.toString().trimmed().isEmpty() ||
            sentFolder.toString().contains(u'\n') || sentFolder.toString().contains(u'\r')) {
            error(path + u".sent_folder"_s, tr("expected a folder name, got %1").arg(describe(sentFolder)));
        } else {
            profile.sentFolder = sentFolder.toString().trimmed();
        }
    }

    const QJsonValue connections = object.value(u"max_concurrent_connections"_s);
    if (!connections.isUndefined()) {
        const double number = connections.toDouble(-1);
        // Range first: converting a double outside qint64's range is undefined (found by the fuzzer).
        if (!connections.isDouble() || number < 1 || number > 1000 || number != std::trunc(number)) {
            error(path + u".max_concurrent_connections"_s,
                  tr("expected an integer from 1 to 1000, got %1").arg(describe(connections)));
        } else {
            profile.maxConcurrentConnections = int(number);
        }
    }
    if (object.contains(u"polling"_s)) {
        parsePolling(object.value(u"polling"_s), path + u".polling"_s, profile);
    }
    // From 64 KiB (a message with a small attachment) to 2 GiB.
    if (auto maxMessage = integer(object, u"max_message_bytes"_s, path, 64 * 1024, 2147483647)) {
        profile.maxMessageBytes = *maxMessage;
    }
    m_file.profiles.append(profile);
}

QString ConfigParser::caFilePath(const QJsonObject &object, const QString &path)
{
    const QJsonValue caFile = object.value(u"ca_file"_s);
    if (caFile.isUndefined()) {
        return {};
    }
    if (!caFile.isString() || caFile.toString().isEmpty()) {
        error(path + u".ca_file"_s, tr("expected the path of a PEM file, got %1").arg(describe(caFile)));
        return {};
    }
    const QString file = resolvePath(caFile.toString());
    if (!QFileInfo(file).isReadable()) {
        error(path + u".ca_file"_s, tr("the file %1 does not exist or cannot be read").arg(file));
        return {};
    }
    return file;
}

std::optional<Endpoint> ConfigParser::parseEndpoint(const QJsonValue &value, const QString &path, bool outgoing)
{
    if (!value.isObject()) {
        error(path, tr("expected an object with protocol, host, port and security, got %1").arg(describe(value)));
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
            error(path + u".protocol"_s, tr("expected \"smtp\" for outgoing mail, got %1").arg(describe(protocol)));
        }
    } else if (auto parsed = protocolFromName(protocol.toString()); parsed && *parsed != MailProtocol::Smtp) {
        endpoint.protocol = *parsed;
    } else {
        error(path + u".protocol"_s, tr("expected \"imap\" or \"pop3\", got %1").arg(describe(protocol)));
    }

    const QJsonValue host = object.value(u"host"_s);
    if (!host.isString() || !isValidHost(host.toString().trimmed())) {
        error(path + u".host"_s, tr("expected a host name or IP address, got %1").arg(describe(host)));
    } else {
        endpoint.host = host.toString().trimmed();
    }

    const QJsonValue security = object.value(u"security"_s);
    if (security.isUndefined()) {
        endpoint.security = Security::Tls;
    } else if (auto parsed = securityFromName(security.toString()); parsed && security.isString()) {
        endpoint.security = *parsed;
    } else {
        error(path + u".security"_s, tr("expected \"none\", \"starttls\" or \"tls\", got %1").arg(describe(security)));
    }

    const QJsonValue port = object.value(u"port"_s);
    if (port.isUndefined()) {
        endpoint.port = defaultPort(endpoint.protocol, endpoint.security);
    } else {
        const double number = port.toDouble(-1);
        if (!port.isDouble() || number < 1 || number > 65535 || number != std::trunc(number)) {
            error(path + u".port"_s, tr("expected an integer from 1 to 65535, got %1").arg(describe(port)));
        } else {
            endpoint.port = quint16(number);
        }
    }

    endpoint.caFile = caFilePath(object, path);
    if (!endpoint.caFile.isEmpty() && endpoint.security == Security::None) {
        warning(path + u".ca_file"_s, tr("ignored: security is \"none\""));
    }
    if (int(m_errors.size()) != errorsBefore) {
        return std::nullopt;
    }
    return endpoint;
}

std::optional<int> ConfigParser::integer(const QJsonObject &object, const QString &key, const QString &path,
                                         int minimum, int maximum)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined()) {
        return std::nullopt;
    }
    const double number = value.toDouble(-1e18);
    if (!value.isDouble() || number != double(qint64(number)) || number < minimum || number > maximum) {
        error(path + u'.' + key,
              tr("expected an integer from %1 to %2, got %3").arg(minimum).arg(maximum).arg(describe(value)));
        return std::nullopt;
    }
    return int(number);
}

void ConfigParser::checkBounds(std::optional<int> minimum, std::optional<int> base, std::optional<int> maximum,
                               const QString &path)
{
    // Unset bounds take the defaults, so that a lone value is checked against them too.
    const int low = minimum.value_or(120);
    const int middle = base.value_or(300);
    const int high = maximum.value_or(720);
    if (low > middle || middle > high) {
        error(path, tr("the intervals must satisfy min_interval_seconds (%1) <= base_interval_seconds (%2) <= "
                       "max_interval_seconds (%3)")
                        .arg(low)
                        .arg(middle)
                        .arg(high));
    }
}

void ConfigParser::parsePolling(const QJsonValue &value, const QString &path, ServerProfile &profile)
{
    if (!value.isObject()) {
        error(path,
              tr("expected an object with min_interval_seconds, base_interval_seconds, max_interval_seconds, got %1")
                  .arg(describe(value)));
        return;
    }
    const QJsonObject object = value.toObject();
    checkKeys(object, path, {u"min_interval_seconds"_s, u"base_interval_seconds"_s, u"max_interval_seconds"_s});
    // Every mailbox syncs at least every 12 minutes: no bound may go beyond that.
    profile.minIntervalSeconds = integer(object, u"min_interval_seconds"_s, path, 10, 720);
    profile.baseIntervalSeconds = integer(object, u"base_interval_seconds"_s, path, 10, 720);
    profile.maxIntervalSeconds = integer(object, u"max_interval_seconds"_s, path, 10, 720);
    checkBounds(profile.minIntervalSeconds, profile.baseIntervalSeconds, profile.maxIntervalSeconds, path);
}

void ConfigParser::parseScheduler(const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        error(path, tr("expected an object, got %1").arg(describe(value)));
        return;
    }
    const QJsonObject object = value.toObject();
    checkKeys(object, path,
              {u"base_interval_seconds"_s, u"min_interval_seconds"_s, u"max_interval_seconds"_s,
               u"busy_items_per_sync"_s, u"quiet_after_minutes"_s, u"max_transient_failures"_s,
               u"overdue_grace_seconds"_s, u"audit_interval_hours"_s, u"max_run_seconds"_s, u"response_budget_mib"_s,
               u"heartbeat_seconds"_s, u"send_max_attempts"_s, u"push_renew_seconds"_s});
    const int errorsBefore = int(m_errors.size());
    const auto minimum = integer(object, u"min_interval_seconds"_s, path, 10, 720);
    const auto base = integer(object, u"base_interval_seconds"_s, path, 10, 720);
    const auto maximum = integer(object, u"max_interval_seconds"_s, path, 10, 720);
    checkBounds(minimum, base, maximum, path);
    integer(object, u"quiet_after_minutes"_s, path, 1, 1440);
    integer(object, u"max_transient_failures"_s, path, 1, 1000);
    integer(object, u"overdue_grace_seconds"_s, path, 0, 3600);
    integer(object, u"audit_interval_hours"_s, path, 0, 24 * 30);
    integer(object, u"max_run_seconds"_s, path, 60, 24 * 3600);
    integer(object, u"response_budget_mib"_s, path, 4, 4096);
    integer(object, u"heartbeat_seconds"_s, path, 1, 60);
    integer(object, u"send_max_attempts"_s, path, 1, 100);
    // RFC 2177: servers may end an IDLE after 30 minutes of silence.
    integer(object, u"push_renew_seconds"_s, path, 5, 29 * 60);
    const QJsonValue busy = object.value(u"busy_items_per_sync"_s);
    if (!busy.isUndefined() && (!busy.isDouble() || busy.toDouble() <= 0 || busy.toDouble() > 100000)) {
        error(path + u".busy_items_per_sync"_s,
              tr("expected a number above 0 and at most 100000, got %1").arg(describe(busy)));
    }
    if (int(m_errors.size()) == errorsBefore) {
        m_file.scheduler = object;
    }
}

void ConfigParser::parseRetention(const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        error(path, tr("expected an object, got %1").arg(describe(value)));
        return;
    }
    const QJsonObject object = value.toObject();
    const QStringList keys{u"debug_log_days"_s,      u"log_days"_s,       u"runs_days"_s, u"closed_alerts_days"_s,
                           u"track_requests_days"_s, u"dead_nodes_days"_s};
    checkKeys(object, path, keys);
    const int errorsBefore = int(m_errors.size());
    for (const QString &key : std::as_const(keys)) {
        integer(object, key, path, RetentionSettings::kMinDays, RetentionSettings::kMaxDays);
    }
    if (int(m_errors.size()) == errorsBefore) {
        m_file.retention = object;
    }
}

void ConfigParser::parseMetrics(const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        error(path, tr("expected an object, got %1").arg(describe(value)));
        return;
    }
    const QJsonObject object = value.toObject();
    checkKeys(object, path, {u"listen"_s});
    const QJsonValue listen = object.value(u"listen"_s);
    if (!listen.isUndefined()) {
        if (!listen.isString()) {
            error(path + u".listen"_s, tr("expected ADDRESS:PORT as a string, got %1").arg(describe(listen)));
            return;
        }
        if (auto address = ListenAddress::parse(listen.toString()); !address) {
            error(path + u".listen"_s, address.error().message);
            return;
        }
    }
    m_file.metrics = object;
}

void ConfigParser::parseMailbox(const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        error(path, tr("expected a mailbox object, got %1").arg(describe(value)));
        return;
    }
    const QJsonObject object = value.toObject();
    checkKeys(object, path,
              {u"address"_s, u"profile"_s, u"username"_s, u"password_file"_s, u"password_env"_s, u"password_keychain"_s,
               u"enabled"_s, u"folders"_s, u"owner"_s, u"tracking"_s, u"tracked_folders"_s, u"process_from"_s,
               u"outgoing"_s, u"act"_s, u"push"_s});

    Mailbox mailbox;
    const QJsonValue address = object.value(u"address"_s);
    if (!address.isString() || !ConfigValues::isEmailAddress(address.toString().trimmed())) {
        error(path + u".address"_s, tr("expected an email address, got %1").arg(describe(address)));
    } else {
        mailbox.address = address.toString().trimmed().toLower();
        for (const Mailbox &other : std::as_const(m_file.mailboxes)) {
            if (other.address == mailbox.address) {
                error(path + u".address"_s, tr("the mailbox %1 is listed twice").arg(mailbox.address));
            }
        }
    }

    const QJsonValue profile = object.value(u"profile"_s);
    if (!profile.isString() || profile.toString().trimmed().isEmpty()) {
        error(path + u".profile"_s, tr("expected the name of a server profile, got %1").arg(describe(profile)));
    } else {
        mailbox.profileName = profile.toString().trimmed();
    }

    const QJsonValue username = object.value(u"username"_s);
    if (username.isUndefined()) {
        mailbox.username = mailbox.address;
    } else if (!username.isString() || username.toString().isEmpty()) {
        error(path + u".username"_s, tr("expected a non-empty string, got %1").arg(describe(username)));
    } else {
        mailbox.username = username.toString();
    }

    const QJsonValue passwordFile = object.value(u"password_file"_s);
    const QJsonValue passwordEnv = object.value(u"password_env"_s);
    const QJsonValue passwordKeychain = object.value(u"password_keychain"_s);
    const int sources =
        int(!passwordFile.isUndefined()) + int(!passwordEnv.isUndefined()) + int(!passwordKeychain.isUndefined());
    const bool signsInWithOAuth =
        std::any_of(m_file.profiles.cbegin(), m_file.profiles.cend(), [&mailbox](const ServerProfile &candidate) {
            return candidate.name == mailbox.profileName && candidate.oauth.has_value();
        });
    if (signsInWithOAuth) {
        if (sources > 0) {
            warning(path, tr("the profile %1 signs in with OAuth 2.0: the mailbox's password is not used")
                              .arg(mailbox.profileName));
        }
    } else if (sources != 1) {
        error(path, sources == 0 ? tr("missing password_file, password_env or password_keychain")
                                 : tr("give one of password_file, password_env and password_keychain, not several"));
    } else if (!passwordKeychain.isUndefined()) {
        if (!passwordKeychain.isString() || passwordKeychain.toString().trimmed().isEmpty()) {
            error(path + u".password_keychain"_s,
                  tr("expected the name of an entry of the system keychain, got %1").arg(describe(passwordKeychain)));
        } else {
            mailbox.passwordSource = PasswordSource::fromKeychain(passwordKeychain.toString().trimmed()).encode();
        }
    } else if (!passwordFile.isUndefined()) {
        if (!passwordFile.isString() || passwordFile.toString().isEmpty()) {
            error(path + u".password_file"_s, tr("expected the path of a file, got %1").arg(describe(passwordFile)));
        } else {
            const QString file = resolvePath(passwordFile.toString());
            const QFileInfo info(file);
            if (!info.isFile() || !info.isReadable()) {
                error(path + u".password_file"_s, tr("the file %1 does not exist or cannot be read").arg(file));
            } else {
                if (info.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup)) {
                    warning(path + u".password_file"_s,
                            tr("%1 can be read by other users; restrict it with chmod 600").arg(file));
                }
                mailbox.passwordSource = PasswordSource::fromFile(file).encode();
            }
        }
    } else {
        static const QRegularExpression variable(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
        if (!passwordEnv.isString() || !variable.match(passwordEnv.toString()).hasMatch()) {
            error(path + u".password_env"_s,
                  tr("expected an environment variable name, got %1").arg(describe(passwordEnv)));
        } else {
            mailbox.passwordSource = PasswordSource::fromEnvironment(passwordEnv.toString()).encode();
            if (!qEnvironmentVariableIsSet(passwordEnv.toString().toLocal8Bit().constData())) {
                warning(path + u".password_env"_s,
                        tr("%1 is not set here; it must be set where the sync runs").arg(passwordEnv.toString()));
            }
        }
    }

    const QJsonValue enabled = object.value(u"enabled"_s);
    if (enabled.isUndefined()) {
        mailbox.enabled = true;
    } else if (!enabled.isBool()) {
        error(path + u".enabled"_s, tr("expected true or false, got %1").arg(describe(enabled)));
    } else {
        mailbox.enabled = enabled.toBool();
    }
    if (const QJsonValue act = object.value(u"act"_s); !act.isUndefined() && !act.isNull()) {
        mailbox.act = parseMailboxAct(act, path + u".act"_s);
    }
    const QJsonValue outgoing = object.value(u"outgoing"_s);
    if (!outgoing.isUndefined() && !outgoing.isBool()) {
        error(path + u".outgoing"_s, tr("expected true or false, got %1").arg(describe(outgoing)));
    } else {
        mailbox.outgoing = outgoing.toBool(true);
    }
    const QJsonValue push = object.value(u"push"_s);
    if (!push.isUndefined() && !push.isBool()) {
        error(path + u".push"_s, tr("expected true or false, got %1").arg(describe(push)));
    } else {
        mailbox.push = push.toBool(false);
    }

    const QJsonValue folders = object.value(u"folders"_s);
    if (!folders.isUndefined()) {
        if (!folders.isArray() || folders.toArray().isEmpty()) {
            error(path + u".folders"_s,
                  tr("expected a non-empty array of folder names, got %1").arg(describe(folders)));
        } else {
            QStringList names;
            const QJsonArray array = folders.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                const QJsonValue folder = array.at(i);
                const QString folderPath = path + u".folders[%1]"_s.arg(i);
                if (!folder.isString() || folder.toString().isEmpty()) {
                    error(folderPath, tr("expected a folder name, got %1").arg(describe(folder)));
                    continue;
                }
                QString name = folder.toString();
                if (name.compare(u"INBOX"_s, Qt::CaseInsensitive) == 0) {
                    name = u"INBOX"_s;
                }
                if (name.contains(u'\r') || name.contains(u'\n')) {
                    error(folderPath, tr("a folder name cannot contain line breaks"));
                } else if (names.contains(name)) {
                    error(folderPath, tr("the folder \"%1\" is listed twice").arg(name));
                } else {
                    names.append(name);
                }
            }
            mailbox.folders = names;
        }
    }
    const QJsonValue processFrom = object.value(u"process_from"_s);
    if (!processFrom.isUndefined() && !processFrom.isNull()) {
        mailbox.processFrom = ConfigValues::parseDateTime(processFrom.toString());
        if (!processFrom.isString() || !mailbox.processFrom.isValid()) {
            error(path + u".process_from"_s,
                  tr("expected an ISO-8601 date or time such as 2024-01-31 or 2024-01-31T08:00:00Z, got %1")
                      .arg(describe(processFrom)));
        }
    }
    parseMailboxTracking(object, path, mailbox);
    m_file.mailboxes.append(mailbox);
}

void ConfigParser::parseMailboxTracking(const QJsonObject &object, const QString &path, Mailbox &mailbox)
{
    const QJsonValue owner = object.value(u"owner"_s);
    if (!owner.isUndefined()) {
        QString problem;
        const auto reference =
            owner.isString()
                ? CrmConfigParser::parseReference(owner.toString(), {u"systemuser"_s, u"queue"_s}, &problem)
                : std::nullopt;
        if (!reference) {
            error(path + u".owner"_s,
                  owner.isString() ? problem : tr("expected systemuser:ID or queue:ID, got %1").arg(describe(owner)));
        } else {
            mailbox.ownerType = reference->type;
            mailbox.ownerKey = reference->id;
        }
    }

    const QJsonValue tracking = object.value(u"tracking"_s);
    if (!tracking.isUndefined()) {
        const auto option = trackingOptionFromName(tracking.toString());
        if (!tracking.isString() || !option) {
            error(path + u".tracking"_s,
                  tr("expected one of all, responses, known-records, email-enabled, none, got %1")
                      .arg(describe(tracking)));
        } else {
            mailbox.tracking = *option;
        }
    }

    const QJsonValue trackedFolders = object.value(u"tracked_folders"_s);
    if (trackedFolders.isUndefined()) {
        return;
    }
    if (!trackedFolders.isObject()) {
        error(path + u".tracked_folders"_s,
              tr("expected an object of folder names and records, {\"Customers/Contoso\": \"account:contoso\"}, got %1")
                  .arg(describe(trackedFolders)));
        return;
    }
    const QJsonObject folders = trackedFolders.toObject();
    for (auto it = folders.begin(); it != folders.end(); ++it) {
        const QString folderPath = path + u".tracked_folders."_s + it.key();
        QString folder = it.key();
        if (folder.compare(u"INBOX"_s, Qt::CaseInsensitive) == 0) {
            folder = u"INBOX"_s;
        }
        if (folder.isEmpty() || folder.contains(u'\r') || folder.contains(u'\n')) {
            error(folderPath, tr("expected a folder name without line breaks"));
            continue;
        }
        QString problem;
        const auto regarding = it.value().isString()
                                   ? CrmConfigParser::parseReference(
                                         it.value().toString(),
                                         {u"account"_s, u"contact"_s, u"lead"_s, u"opportunity"_s, u"case"_s}, &problem)
                                   : std::nullopt;
        if (!regarding) {
            error(folderPath, it.value().isString()
                                  ? problem
                                  : tr("expected a record such as account:contoso, got %1").arg(describe(it.value())));
            continue;
        }
        mailbox.trackedFolders.insert(folder, *regarding);
        // A tracked folder is synced, whether or not "folders" lists it.
        if (!mailbox.folders.contains(folder)) {
            mailbox.folders.append(folder);
        }
    }
}

} // namespace SyncDesk
