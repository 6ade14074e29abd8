#include "configimporter.h"

#include "store/store.h"

#include <QHash>

namespace SyncDesk {

using namespace Qt::StringLiterals;

ConfigImporter::Outcome ConfigImporter::import(Store &store, const ConfigFile &file)
{
    ImportSummary summary;
    QList<ConfigIssue> issues;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Status status = store.transaction([&]() -> Status {
        if (file.scheduler) {
            auto current = store.setting(u"scheduler"_s);
            if (!current) {
                return current.error();
            }
            summary.schedulerUpdated = *current != *file.scheduler;
            if (Status saved = store.setSetting(u"scheduler"_s, *file.scheduler); !saved) {
                return saved;
            }
        }
        auto existingProfiles = store.profiles();
        if (!existingProfiles) {
            return existingProfiles.error();
        }
        QHash<QString, ServerProfile> profilesByName;
        for (const ServerProfile &profile : *existingProfiles) {
            profilesByName.insert(profile.name, profile);
        }
        for (const ServerProfile &profile : file.profiles) {
            auto found = profilesByName.constFind(profile.name);
            if (found == profilesByName.constEnd()) {
                ++summary.profilesCreated;
            } else {
                ServerProfile comparable = profile;
                comparable.id = found->id;
                ++(comparable == *found ? summary.profilesUnchanged : summary.profilesUpdated);
            }
            auto id = store.upsertProfile(profile);
            if (!id) {
                return id.error();
            }
            ServerProfile stored = profile;
            stored.id = *id;
            profilesByName.insert(profile.name, stored);
        }

        for (qsizetype i = 0; i < file.mailboxes.size(); ++i) {
            Mailbox mailbox = file.mailboxes.at(i);
            auto profile = profilesByName.constFind(mailbox.profileName);
            if (profile == profilesByName.constEnd()) {
                issues.append(
                    {u"$.mailboxes[%1].profile"_s.arg(i),
                     u"no server profile named \"%1\" in this file or in the database"_s.arg(mailbox.profileName)});
                continue;
            }
            mailbox.profileId = profile->id;
            auto existing = store.mailboxByAddress(mailbox.address);
            if (!existing) {
                return existing.error();
            }
            if (!mailbox.enabled) {
                const bool alreadyDisabled = existing->has_value() && !(*existing)->enabled;
                mailbox.disabledReason = alreadyDisabled ? (*existing)->disabledReason : u"config"_s;
                mailbox.disabledAt = alreadyDisabled ? (*existing)->disabledAt : now;
            } else if (existing->has_value() && !(*existing)->enabled && (*existing)->disabledReason != u"config"_s) {
                mailbox.enabled = false;
                mailbox.disabledReason = (*existing)->disabledReason;
                mailbox.disabledAt = (*existing)->disabledAt;
                summary.warnings.append(
                    {u"$.mailboxes[%1].enabled"_s.arg(i),
                     u"%1 stays disabled (%2); enable it with 'syncdesk-node mailbox enable %1'"_s.arg(
                         mailbox.address,
                         (*existing)->disabledReason.isEmpty() ? u"admin"_s : (*existing)->disabledReason)});
            }
            if (!existing->has_value()) {
                ++summary.mailboxesCreated;
            } else {
                Mailbox comparable = mailbox;
                comparable.id = (*existing)->id;
                ++(comparable == **existing ? summary.mailboxesUnchanged : summary.mailboxesUpdated);
            }
            auto id = store.upsertMailbox(mailbox);
            if (!id) {
                return id.error();
            }
        }
        if (!issues.isEmpty()) {
            return SyncError::make(ErrorClass::Config, u"config-invalid"_s,
                                   u"configuration refers to unknown profiles"_s);
        }
        return {};
    });
    if (!issues.isEmpty()) {
        return issues;
    }
    if (!status) {
        return status.error();
    }
    return summary;
}

} // namespace SyncDesk
