#include "oauthsettings.h"

#include <QFile>
#include <QJsonArray>

namespace SyncDesk {

using namespace Qt::StringLiterals;

QString oauthProviderName(OAuthSettings::Provider provider)
{
    switch (provider) {
    case OAuthSettings::Provider::Microsoft:
        return u"microsoft"_s;
    case OAuthSettings::Provider::Google:
        return u"google"_s;
    case OAuthSettings::Provider::Generic:
        break;
    }
    return u"generic"_s;
}

std::optional<OAuthSettings::Provider> oauthProviderFromName(const QString &name)
{
    for (auto provider :
         {OAuthSettings::Provider::Microsoft, OAuthSettings::Provider::Google, OAuthSettings::Provider::Generic}) {
        if (oauthProviderName(provider) == name) {
            return provider;
        }
    }
    return std::nullopt;
}

OAuthSettings OAuthSettings::resolved() const
{
    OAuthSettings out = *this;
    auto fill = [](QUrl &url, const QString &value) {
        if (url.isEmpty()) {
            url = QUrl(value);
        }
    };
    switch (provider) {
    case Provider::Microsoft: {
        // The Microsoft identity platform (v2.0 endpoints); IMAP, POP and SMTP each need their own scope, and
        // offline_access is what yields a refresh token.
        const QString base =
            u"https://login.microsoftonline.com/%1/oauth2/v2.0/"_s.arg(tenant.isEmpty() ? u"organizations"_s : tenant);
        fill(out.authorizationEndpoint, base + u"authorize"_s);
        fill(out.tokenEndpoint, base + u"token"_s);
        fill(out.deviceAuthorizationEndpoint, base + u"devicecode"_s);
        if (out.scopes.isEmpty()) {
            out.scopes = {u"https://outlook.office.com/IMAP.AccessAsUser.All"_s,
                          u"https://outlook.office.com/POP.AccessAsUser.All"_s,
                          u"https://outlook.office.com/SMTP.Send"_s, u"offline_access"_s};
        }
        break;
    }
    case Provider::Google:
        // Google issues a refresh token when the authorization request asks for access_type=offline.
        fill(out.authorizationEndpoint, u"https://accounts.google.com/o/oauth2/v2/auth"_s);
        fill(out.tokenEndpoint, u"https://oauth2.googleapis.com/token"_s);
        fill(out.deviceAuthorizationEndpoint, u"https://oauth2.googleapis.com/device/code"_s);
        if (out.scopes.isEmpty()) {
            out.scopes = {u"https://mail.google.com/"_s};
        }
        break;
    case Provider::Generic:
        break;
    }
    return out;
}

QString OAuthSettings::clientSecret() const
{
    if (clientSecretFile.isEmpty()) {
        return {};
    }
    QFile file(clientSecretFile);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readLine(4096)).trimmed();
}

QJsonObject OAuthSettings::toJson() const
{
    QJsonObject object{
        {u"method"_s, u"oauth2"_s}, {u"provider"_s, oauthProviderName(provider)}, {u"client_id"_s, clientId}};
    auto put = [&object](const QString &key, const QString &value) {
        if (!value.isEmpty()) {
            object.insert(key, value);
        }
    };
    put(u"client_secret_file"_s, clientSecretFile);
    put(u"tenant"_s, tenant);
    put(u"authorization_endpoint"_s, authorizationEndpoint.toString());
    put(u"token_endpoint"_s, tokenEndpoint.toString());
    put(u"device_authorization_endpoint"_s, deviceAuthorizationEndpoint.toString());
    put(u"ca_file"_s, caFile);
    if (!scopes.isEmpty()) {
        object.insert(u"scopes"_s, QJsonArray::fromStringList(scopes));
    }
    return object;
}

OAuthSettings OAuthSettings::fromJson(const QJsonObject &object)
{
    OAuthSettings settings;
    settings.provider = oauthProviderFromName(object.value(u"provider"_s).toString()).value_or(Provider::Generic);
    settings.clientId = object.value(u"client_id"_s).toString();
    settings.clientSecretFile = object.value(u"client_secret_file"_s).toString();
    settings.tenant = object.value(u"tenant"_s).toString();
    settings.authorizationEndpoint = QUrl(object.value(u"authorization_endpoint"_s).toString());
    settings.tokenEndpoint = QUrl(object.value(u"token_endpoint"_s).toString());
    settings.deviceAuthorizationEndpoint = QUrl(object.value(u"device_authorization_endpoint"_s).toString());
    settings.caFile = object.value(u"ca_file"_s).toString();
    const QJsonArray scopes = object.value(u"scopes"_s).toArray();
    for (const QJsonValue &scope : scopes) {
        settings.scopes.append(scope.toString());
    }
    return settings;
}

} // namespace SyncDesk
