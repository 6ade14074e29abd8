#pragma once

#include "model/mailbox.h"
#include "model/serverprofile.h"
#include "store/actstore.h"

#include <QDateTime>
#include <QJsonObject>

namespace SyncDesk {

// The ACT direction of one mailbox as status --json and the console show it, beside incoming and outgoing:
// off (the mailbox has no act settings), not-configured (its profile has no act endpoint), never (not synced
// yet), requested (an immediate sync waits), ok, or failing (failures in a row).
struct ActStatus
{
    QString state = QStringLiteral("off");
    std::optional<ActSettings> settings;
    ActStore::State stored;

    static ActStatus evaluate(const Mailbox &mailbox, const std::optional<ServerProfile> &profile,
                              const ActStore::State &state);
    QJsonObject toJson() const;
    bool failing() const { return state == QStringLiteral("failing") || state == QStringLiteral("not-configured"); }
};

} // namespace SyncDesk
