// The "act" settings of the configuration file: a profile's CalDAV/CardDAV endpoint and a mailbox's directions.
#include "config/passwordsource.h"
#include "configparser.h"
#include "configvalues.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace SyncDesk {

using namespace Qt::StringLiterals;
using namespace ConfigValues;

std::optional<ActEndpoint> ConfigParser::parseActEndpoint(const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        error(path, tr("expected an object with the url of the CalDAV/CardDAV server, got %1").arg(describe(value)));
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    checkKeys(object, path, {u"url"_s, u"ca_file"_s});
    ActEndpoint endpoint;
    const QJsonValue url = object.value(u"url"_s);
    const QUrl parsed(url.toString().trimmed(), QUrl::StrictMode);
    if (!url.isString() || !parsed.isValid() || parsed.host().isEmpty() ||
        (parsed.scheme() != u"https"_s && parsed.scheme() != u"http"_s)) {
        error(path + u".url"_s,
              tr("expected an http or https URL such as https://dav.example.com/, got %1").arg(describe(url)));
        return std::nullopt;
    }
    endpoint.url = parsed;
    if (parsed.scheme() == u"http"_s && parsed.host() != u"localhost"_s && parsed.host() != u"127.0.0.1"_s &&
        parsed.host() != u"::1"_s) {
        warning(path + u".url"_s, tr("plain http: passwords would cross the network unencrypted, so the sync "
                                     "refuses it; use https"));
    }
    endpoint.caFile = caFilePath(object, path);
    return endpoint;
}

std::optional<ActSettings> ConfigParser::parseMailboxAct(const QJsonValue &value, const QString &path)
{
    if (value.isBool()) {
        // "act": true takes the defaults; false (or leaving it out) keeps the direction off.
        return value.toBool() ? std::optional(ActSettings()) : std::nullopt;
    }
    if (!value.isObject()) {
        error(path, tr("expected true, false or an object of act settings, got %1").arg(describe(value)));
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    checkKeys(object, path,
              {u"appointments"_s, u"contacts"_s, u"tasks"_s, u"conflict"_s, u"dav_username"_s, u"dav_password_file"_s,
               u"dav_password_env"_s, u"dav_password_keychain"_s});
    ActSettings settings;
    for (const QString &key : {u"appointments"_s, u"contacts"_s, u"tasks"_s}) {
        const QJsonValue direction = object.value(key);
        if (direction.isUndefined()) {
            continue;
        }
        const auto parsed = actDirectionFromName(direction.toString());
        if (!direction.isString() || !parsed) {
            error(path + u'.' + key,
                  tr("expected both, to-server, from-server or none, got %1").arg(describe(direction)));
            continue;
        }
        (key == u"appointments"_s ? settings.appointments
         : key == u"contacts"_s   ? settings.contacts
                                  : settings.tasks) = *parsed;
    }
    const QJsonValue conflict = object.value(u"conflict"_s);
    if (!conflict.isUndefined()) {
        const auto rule = conflictRuleFromName(conflict.toString());
        if (!conflict.isString() || !rule) {
            error(path + u".conflict"_s, tr("expected crm-wins or server-wins, got %1").arg(describe(conflict)));
        } else {
            settings.conflict = *rule;
        }
    }
    const QJsonValue username = object.value(u"dav_username"_s);
    if (!username.isUndefined()) {
        if (!username.isString() || username.toString().trimmed().isEmpty()) {
            error(path + u".dav_username"_s, tr("expected a user name, got %1").arg(describe(username)));
        } else {
            settings.davUsername = username.toString().trimmed();
        }
    }
    const QJsonValue file = object.value(u"dav_password_file"_s);
    const QJsonValue env = object.value(u"dav_password_env"_s);
    const QJsonValue keychain = object.value(u"dav_password_keychain"_s);
    const int sources = int(!file.isUndefined()) + int(!env.isUndefined()) + int(!keychain.isUndefined());
    if (sources > 1) {
        error(path, tr("give one of dav_password_file, dav_password_env and dav_password_keychain, not several"));
    } else if (!file.isUndefined()) {
        const QString resolved = file.isString() ? resolvePath(file.toString()) : QString();
        if (resolved.isEmpty() || !QFileInfo(resolved).isReadable()) {
            error(path + u".dav_password_file"_s, tr("expected a readable file, got %1").arg(describe(file)));
        } else {
            settings.davPasswordSource = PasswordSource::fromFile(resolved).encode();
        }
    } else if (!env.isUndefined()) {
        static const QRegularExpression variable(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
        if (!env.isString() || !variable.match(env.toString()).hasMatch()) {
            error(path + u".dav_password_env"_s,
                  tr("expected an environment variable name, got %1").arg(describe(env)));
        } else {
            settings.davPasswordSource = PasswordSource::fromEnvironment(env.toString()).encode();
        }
    } else if (!keychain.isUndefined()) {
        if (!keychain.isString() || keychain.toString().trimmed().isEmpty()) {
            error(path + u".dav_password_keychain"_s,
                  tr("expected the name of an entry of the system keychain, got %1").arg(describe(keychain)));
        } else {
            settings.davPasswordSource = PasswordSource::fromKeychain(keychain.toString().trimmed()).encode();
        }
    }
    if (sources == 1 && settings.davUsername.isEmpty()) {
        warning(path, tr("a DAV password without dav_username: the mailbox's username is used with it"));
    }
    return settings;
}

} // namespace SyncDesk
