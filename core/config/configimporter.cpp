#include "configimporter.h"

#include "crmconfigparser.h"
#include "store/crmstore.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

Status importCrm(Store &store, const ConfigFile &file, ImportSummary &summary, QList<ConfigIssue> &issues)
{
    CrmStore crm(store);
    auto stored = store.setting(u"crm"_s);
    if (!stored) {
        return stored.error();
    }
    QJsonObject settings = *stored;
    if (file.crm) {
        for (auto it = file.crm->begin(); it != file.crm->end(); ++it) {
            settings.insert(it.key(), it.value());
        }
        summary.crmSettingsUpdated = settings != *stored;
        if (Status saved = store.setSetting(u"crm"_s, settings); !saved) {
            return saved;
        }
    }
    if (file.crmRecords.isEmpty()) {
        return {};
    }

    const QJsonObject roles = settings.value(u"roles"_s).toObject();
    const QJsonObject fieldProfiles = settings.value(u"field_security_profiles"_s).toObject();
    for (const CrmRecord &record : file.crmRecords) {
        const QString path = u"$.crm.%1 (%2)"_s.arg(CrmConfigParser::listKeyFor(record.type), record.key);
        for (const QJsonValue &role : record.extra.value(u"roles"_s).toArray()) {
            if (!roles.contains(role.toString())) {
                issues.append({path + u".roles"_s,
                               roles.isEmpty()
                                   ? QCoreApplication::translate("ConfigImporter",
                                                                 "unknown role \"%1\"; none are defined in crm.roles")
                                         .arg(role.toString())
                                   : QCoreApplication::translate("ConfigImporter", "unknown role \"%1\"; defined: %2")
                                         .arg(role.toString(), roles.keys().join(u", "_s))});
            }
        }
        const QString profile = record.extra.value(u"field_security_profile"_s).toString();
        if (!profile.isEmpty() && !fieldProfiles.contains(profile)) {
            issues.append(
                {path + u".field_security_profile"_s,
                 QCoreApplication::translate("ConfigImporter", "unknown field security profile \"%1\"; define it in "
                                                               "crm.field_security_profiles")
                     .arg(profile)});
        }
    }
    if (!issues.isEmpty()) {
        return SyncError::make(
            ErrorClass::Config, u"config-invalid"_s,
            QCoreApplication::translate("ConfigImporter", "the crm section refers to unknown roles"));
    }
    auto counts = crm.upsertRecords(file.crmRecords);
    if (!counts) {
        return counts.error();
    }
    summary.crmRecordsCreated = counts->created;
    summary.crmRecordsUpdated = counts->updated;
    summary.crmRecordsUnchanged = counts->unchanged;
    return {};
}

// A mailbox's owner must exist; a tracked folder's record may come later (a warning).
Status checkTracking(Store &store, const Mailbox &mailbox, qsizetype index, ImportSummary &summary,
                     QList<ConfigIssue> &issues)
{
    CrmStore crm(store);
    if (!mailbox.ownerKey.isEmpty()) {
        auto owner = crm.record(mailbox.ownerType, mailbox.ownerKey);
        if (!owner) {
            return owner.error();
        }
        if (!owner->has_value()) {
            issues.append(
                {u"$.mailboxes[%1].owner"_s.arg(index),
                 QCoreApplication::translate("ConfigImporter", "no %1 \"%2\" in the crm section or in the database")
                     .arg(mailbox.ownerType, mailbox.ownerKey)});
        }
    }
    for (auto it = mailbox.trackedFolders.cbegin(); it != mailbox.trackedFolders.cend(); ++it) {
        auto record = crm.record(it.value().type, it.value().id);
        if (!record) {
            return record.error();
        }
        if (!record->has_value()) {
            summary.warnings.append(
                {u"$.mailboxes[%1].tracked_folders.%2"_s.arg(index).arg(it.key()),
                 QCoreApplication::translate("ConfigImporter",
                                             "%1:%2 is not a CRM record yet; messages in %3 are tracked without a "
                                             "regarding record until it is imported")
                     .arg(it.value().type, it.value().id, it.key())});
        }
    }
    return {};
}

} // namespace

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
        if (file.retention) {
            auto current = store.setting(u"retention"_s);
            if (!current) {
                return current.error();
            }
            summary.retentionUpdated = *current != *file.retention;
            if (Status saved = store.setSetting(u"retention"_s, *file.retention); !saved) {
                return saved;
            }
        }
        if (file.metrics) {
            if (Status saved = store.setSetting(u"metrics"_s, *file.metrics); !saved) {
                return saved;
            }
        }
        if (Status crm = importCrm(store, file, summary, issues); !crm) {
            return crm;
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
                issues.append({u"$.mailboxes[%1].profile"_s.arg(i),
                               QCoreApplication::translate(
                                   "ConfigImporter", "no server profile named \"%1\" in this file or in the database")
                                   .arg(mailbox.profileName)});
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
                     QCoreApplication::translate(
                         "ConfigImporter", "%1 stays disabled (%2); enable it with 'syncdesk-node mailbox enable %1'")
                         .arg(mailbox.address,
                              (*existing)->disabledReason.isEmpty() ? u"admin"_s : (*existing)->disabledReason)});
            }
            if (!existing->has_value()) {
                ++summary.mailboxesCreated;
            } else {
                Mailbox comparable = mailbox;
                comparable.id = (*existing)->id;
                comparable.verboseLog = (*existing)->verboseLog; // an operator's switch, not the file's
                ++(comparable == **existing ? summary.mailboxesUnchanged : summary.mailboxesUpdated);
            }
            if (Status owner = checkTracking(store, mailbox, i, summary, issues); !owner) {
                return owner;
            }
            auto id = store.upsertMailbox(mailbox);
            if (!id) {
                return id.error();
            }
        }
        if (!issues.isEmpty()) {
            return SyncError::make(ErrorClass::Config, u"config-invalid"_s,
                                   QCoreApplication::translate(
                                       "ConfigImporter", "configuration refers to unknown profiles, owners or roles"));
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
