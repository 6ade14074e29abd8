#pragma once

#include "actrecords.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace SyncDesk {

// Which way one kind of record syncs between the CRM and the mailbox's calendar or address book.
enum class ActDirection { None, ToServer, FromServer, Both };
QString actDirectionName(ActDirection direction); // "none", "to-server", "from-server", "both"
std::optional<ActDirection> actDirectionFromName(const QString &name);
inline bool writesToServer(ActDirection d)
{
    return d == ActDirection::ToServer || d == ActDirection::Both;
}
inline bool readsFromServer(ActDirection d)
{
    return d == ActDirection::FromServer || d == ActDirection::Both;
}

// What wins when the CRM and the server changed the same field of the same record since the last sync.
enum class ConflictRule { CrmWins, ServerWins };
QString conflictRuleName(ConflictRule rule); // "crm-wins", "server-wins"
std::optional<ConflictRule> conflictRuleFromName(const QString &name);

// A server profile's CalDAV/CardDAV endpoint ("act" in the configuration).
struct ActEndpoint
{
    QUrl url;       // where discovery starts: https://dav.example.com/
    QString caFile; // extra PEM certificate authorities to trust

    QJsonObject toJson() const;
    static ActEndpoint fromJson(const QJsonObject &object);
    friend bool operator==(const ActEndpoint &, const ActEndpoint &) = default;
};

// A mailbox's ACT settings ("act" in the configuration). Appointments sync both ways by default, contacts
// and tasks from the CRM to the server.
struct ActSettings
{
    ActDirection appointments = ActDirection::Both;
    ActDirection contacts = ActDirection::ToServer;
    ActDirection tasks = ActDirection::ToServer;
    ConflictRule conflict = ConflictRule::CrmWins;
    // The DAV login when it is not the mailbox's own (username and password source, as for mail).
    QString davUsername;
    QString davPasswordSource;

    ActDirection direction(ActKind kind) const;
    bool syncsAnything() const
    {
        return appointments != ActDirection::None || contacts != ActDirection::None || tasks != ActDirection::None;
    }
    QJsonObject toJson() const;
    static ActSettings fromJson(const QJsonObject &object);
    friend bool operator==(const ActSettings &, const ActSettings &) = default;
};

} // namespace SyncDesk
