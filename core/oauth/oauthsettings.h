#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace SyncDesk {

// How a server profile's mailboxes sign in with OAuth 2.0 ("auth": {"method": "oauth2", ...} in the
// configuration). The provider fills in the endpoints and scopes of Microsoft 365 and Google Workspace; every
// one of them may be overridden, and "generic" takes them all from the configuration.
struct OAuthSettings
{
    enum class Provider { Microsoft, Google, Generic };

    Provider provider = Provider::Generic;
    QString clientId;
    QString clientSecretFile; // optional: a confidential client's secret, first line of this file
    QString tenant;           // Microsoft: the directory (tenant) id or domain; "organizations" when empty
    QStringList scopes;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl deviceAuthorizationEndpoint;
    QString caFile; // extra PEM authorities to trust for the endpoints (a private identity provider)

    // The same with what the provider implies filled in where the configuration left it out.
    OAuthSettings resolved() const;
    // The client secret read from clientSecretFile now; empty for a public client or an unreadable file.
    QString clientSecret() const;

    QJsonObject toJson() const;
    static OAuthSettings fromJson(const QJsonObject &object);
    friend bool operator==(const OAuthSettings &, const OAuthSettings &) = default;
};

QString oauthProviderName(OAuthSettings::Provider provider); // "microsoft", "google", "generic"
std::optional<OAuthSettings::Provider> oauthProviderFromName(const QString &name);

} // namespace SyncDesk
