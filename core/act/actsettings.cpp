#include "actsettings.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

QString actKindName(ActKind kind)
{
    switch (kind) {
    case ActKind::Appointment:
        return u"appointment"_s;
    case ActKind::Task:
        return u"task"_s;
    case ActKind::Contact:
        return u"contact"_s;
    }
    return {};
}

std::optional<ActKind> actKindFromName(const QString &name)
{
    for (ActKind kind : {ActKind::Appointment, ActKind::Task, ActKind::Contact}) {
        if (actKindName(kind) == name) {
            return kind;
        }
    }
    return std::nullopt;
}

QString actDirectionName(ActDirection direction)
{
    switch (direction) {
    case ActDirection::None:
        return u"none"_s;
    case ActDirection::ToServer:
        return u"to-server"_s;
    case ActDirection::FromServer:
        return u"from-server"_s;
    case ActDirection::Both:
        return u"both"_s;
    }
    return {};
}

std::optional<ActDirection> actDirectionFromName(const QString &name)
{
    for (ActDirection d : {ActDirection::None, ActDirection::ToServer, ActDirection::FromServer, ActDirection::Both}) {
        if (actDirectionName(d) == name) {
            return d;
        }
    }
    return std::nullopt;
}

QString conflictRuleName(ConflictRule rule)
{
    return rule == ConflictRule::ServerWins ? u"server-wins"_s : u"crm-wins"_s;
}

std::optional<ConflictRule> conflictRuleFromName(const QString &name)
{
    if (name == u"crm-wins"_s) {
        return ConflictRule::CrmWins;
    }
    if (name == u"server-wins"_s) {
        return ConflictRule::ServerWins;
    }
    return std::nullopt;
}

QJsonObject ActEndpoint::toJson() const
{
    QJsonObject object{{u"url"_s, url.toString()}};
    if (!caFile.isEmpty()) {
        object.insert(u"ca_file"_s, caFile);
    }
    return object;
}

ActEndpoint ActEndpoint::fromJson(const QJsonObject &object)
{
    return {QUrl(object.value(u"url"_s).toString()), object.value(u"ca_file"_s).toString()};
}

ActDirection ActSettings::direction(ActKind kind) const
{
    switch (kind) {
    case ActKind::Appointment:
        return appointments;
    case ActKind::Task:
        return tasks;
    case ActKind::Contact:
        return contacts;
    }
    return ActDirection::None;
}

QJsonObject ActSettings::toJson() const
{
    QJsonObject object{{u"appointments"_s, actDirectionName(appointments)},
                       {u"contacts"_s, actDirectionName(contacts)},
                       {u"tasks"_s, actDirectionName(tasks)},
                       {u"conflict"_s, conflictRuleName(conflict)}};
    if (!davUsername.isEmpty()) {
        object.insert(u"dav_username"_s, davUsername);
    }
    if (!davPasswordSource.isEmpty()) {
        object.insert(u"dav_password"_s, davPasswordSource);
    }
    return object;
}

ActSettings ActSettings::fromJson(const QJsonObject &object)
{
    ActSettings settings;
    settings.appointments =
        actDirectionFromName(object.value(u"appointments"_s).toString()).value_or(settings.appointments);
    settings.contacts = actDirectionFromName(object.value(u"contacts"_s).toString()).value_or(settings.contacts);
    settings.tasks = actDirectionFromName(object.value(u"tasks"_s).toString()).value_or(settings.tasks);
    settings.conflict = conflictRuleFromName(object.value(u"conflict"_s).toString()).value_or(settings.conflict);
    settings.davUsername = object.value(u"dav_username"_s).toString();
    settings.davPasswordSource = object.value(u"dav_password"_s).toString();
    return settings;
}

} // namespace SyncDesk
