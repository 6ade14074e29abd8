// The "auth" setting of a server profile: how its mailboxes sign in (OAuth 2.0; passwords when left out).
#include "configparser.h"
#include "configvalues.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

namespace SyncDesk {

using namespace Qt::StringLiterals;
using namespace ConfigValues;

namespace {

// Without Qt Network (the configuration parser is also built alone, for its fuzzer).
bool isLoopbackHost(const QString &host)
{
    return host == u"localhost"_s || host == u"::1"_s || host == u"[::1]"_s || host.startsWith(u"127."_s);
}

} // namespace

std::optional<OAuthSettings> ConfigParser::parseProfileAuth(const QJsonValue &value, const QString &path,
                                                            const ServerProfile &profile)
{
    if (!value.isObject()) {
        error(path, tr("expected an object such as {\"method\": \"oauth2\", \"provider\": \"microsoft\", "
                       "\"client_id\": \"...\"}, got %1")
                        .arg(describe(value)));
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    checkKeys(object, path,
              {u"method"_s, u"provider"_s, u"client_id"_s, u"client_secret_file"_s, u"tenant"_s, u"scopes"_s,
               u"authorization_endpoint"_s, u"token_endpoint"_s, u"device_authorization_endpoint"_s, u"ca_file"_s});
    const QJsonValue method = object.value(u"method"_s);
    if (method.toString() == u"password"_s) {
        return std::nullopt; // the default, said out loud
    }
    if (method.toString() != u"oauth2"_s) {
        error(path + u".method"_s, tr("expected oauth2 or password, got %1").arg(describe(method)));
        return std::nullopt;
    }
    const int errorsBefore = int(m_errors.size());
    OAuthSettings settings;
    const QJsonValue provider = object.value(u"provider"_s);
    if (const auto parsed = oauthProviderFromName(provider.toString()); provider.isString() && parsed) {
        settings.provider = *parsed;
    } else {
        error(path + u".provider"_s, tr("expected microsoft, google or generic, got %1").arg(describe(provider)));
    }
    const QJsonValue clientId = object.value(u"client_id"_s);
    if (!clientId.isString() || clientId.toString().trimmed().isEmpty()) {
        error(path + u".client_id"_s,
              tr("expected the application (client) id registered with the identity provider, got %1")
                  .arg(describe(clientId)));
    } else {
        settings.clientId = clientId.toString().trimmed();
    }
    if (const QJsonValue secret = object.value(u"client_secret_file"_s); !secret.isUndefined()) {
        const QString file =
            secret.isString() && !secret.toString().isEmpty() ? resolvePath(secret.toString()) : QString();
        if (file.isEmpty() || !QFileInfo(file).isReadable()) {
            error(path + u".client_secret_file"_s, tr("expected a readable file, got %1").arg(describe(secret)));
        } else {
            settings.clientSecretFile = file;
            if (QFileInfo(file).permissions() & (QFile::ReadGroup | QFile::ReadOther)) {
                warning(path + u".client_secret_file"_s, tr("%1 can be read by other users; chmod 600 it").arg(file));
            }
        }
    }
    if (const QJsonValue tenant = object.value(u"tenant"_s); !tenant.isUndefined()) {
        static const QRegularExpression valid(u"^[A-Za-z0-9.-]{1,100}$"_s);
        if (!tenant.isString() || !valid.match(tenant.toString()).hasMatch()) {
            error(path + u".tenant"_s,
                  tr("expected a directory (tenant) id or domain such as contoso.onmicrosoft.com, got %1")
                      .arg(describe(tenant)));
        } else if (settings.provider != OAuthSettings::Provider::Microsoft) {
            warning(path + u".tenant"_s, tr("only the microsoft provider uses a tenant"));
        } else {
            settings.tenant = tenant.toString();
        }
    }
    if (const QJsonValue scopes = object.value(u"scopes"_s); !scopes.isUndefined()) {
        const QJsonArray array = scopes.toArray();
        bool valid = scopes.isArray() && !array.isEmpty();
        for (const QJsonValue &scope : array) {
            valid = valid && scope.isString() && !scope.toString().isEmpty() && !scope.toString().contains(u' ');
            settings.scopes.append(scope.toString());
        }
        if (!valid) {
            error(path + u".scopes"_s,
                  tr("expected a non-empty array of scopes without spaces, got %1").arg(describe(scopes)));
            settings.scopes.clear();
        }
    }
    for (const QString &key : {u"authorization_endpoint"_s, u"token_endpoint"_s, u"device_authorization_endpoint"_s}) {
        const QJsonValue endpoint = object.value(key);
        if (endpoint.isUndefined()) {
            continue;
        }
        const QUrl url(endpoint.toString().trimmed(), QUrl::StrictMode);
        if (!endpoint.isString() || !url.isValid() || url.host().isEmpty() ||
            !(url.scheme() == u"https"_s || (url.scheme() == u"http"_s && isLoopbackHost(url.host())))) {
            error(path + u'.' + key, tr("expected an https URL, got %1").arg(describe(endpoint)));
            continue;
        }
        (key == u"authorization_endpoint"_s ? settings.authorizationEndpoint
         : key == u"token_endpoint"_s       ? settings.tokenEndpoint
                                            : settings.deviceAuthorizationEndpoint) = url;
    }
    settings.caFile = caFilePath(object, path);
    if (settings.provider == OAuthSettings::Provider::Generic) {
        if (settings.tokenEndpoint.isEmpty()) {
            error(path + u".token_endpoint"_s, tr("missing: the generic provider needs the token endpoint"));
        }
        if (settings.authorizationEndpoint.isEmpty() && settings.deviceAuthorizationEndpoint.isEmpty()) {
            error(path, tr("the generic provider needs authorization_endpoint (sign-in in the console), "
                           "device_authorization_endpoint (oauth login on a server), or both"));
        }
        if (settings.scopes.isEmpty()) {
            warning(path + u".scopes"_s, tr("no scopes: the identity provider decides what the token allows"));
        }
    }
    if (profile.incoming.security == Security::None && !isLoopbackHost(profile.incoming.host)) {
        warning(path, tr("the incoming server is not encrypted: access tokens would cross the network in clear "
                         "text"));
    }
    if (int(m_errors.size()) != errorsBefore) {
        return std::nullopt;
    }
    return settings;
}

} // namespace SyncDesk
