#pragma once

#include "model/mailbox.h"
#include "model/serverprofile.h"

#include <QList>
#include <QString>

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
    QList<ConfigIssue> warnings;
};

} // namespace SyncDesk
