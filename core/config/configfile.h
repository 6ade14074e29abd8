#pragma once

#include "model/crmrecord.h"
#include "model/mailbox.h"
#include "model/serverprofile.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace SyncDesk {

// A problem in a configuration file, located by its JSON path ("$.mailboxes[2].profile").
struct ConfigIssue
{
    QString path;
    QString message;

    QString toString() const { return path + QStringLiteral(": ") + message; }
    friend bool operator==(const ConfigIssue &, const ConfigIssue &) = default;
};

// The parsed content of a configuration file: profiles and mailboxes, not yet in the store.
struct ConfigFile
{
    QList<ServerProfile> profiles;
    QList<Mailbox> mailboxes; // profileName set, profileId not yet resolved
    // The "scheduler" section as given (validated), stored as the global schedule settings.
    std::optional<QJsonObject> scheduler;
    // The "retention" section as given (validated): how many days the store keeps the log, runs, closed
    // alerts, completed track requests and dead nodes; stored as the global retention settings.
    std::optional<QJsonObject> retention;
    // The "metrics" section (validated): {"listen": "127.0.0.1:9464"}, where `syncdesk-node run` serves /metrics,
    // /healthz and /readyz; stored as the global metrics settings, read when a node starts.
    std::optional<QJsonObject> metrics;
    // The settings of the "crm" section (roles, field_security_profiles, tracking_token, tracked_keyword,
    // conversation_days): the keys given replace the stored ones.
    std::optional<QJsonObject> crm;
    CrmRecordList crmRecords;
    QList<ConfigIssue> warnings;
};

} // namespace SyncDesk
