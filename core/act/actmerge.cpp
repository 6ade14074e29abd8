#include "actmerge.h"

namespace SyncDesk::ActMerge {

Outcome merge(const QJsonObject &base, const QJsonObject &crm, const QJsonObject &server, ConflictRule rule,
              const QStringList &fields)
{
    Outcome outcome;
    for (const QString &field : fields) {
        const QJsonValue c = crm.value(field);
        const QJsonValue s = server.value(field);
        QJsonValue merged;
        if (c == s) {
            merged = c;
        } else if (base.contains(field) && base.value(field) == c) {
            merged = s;
        } else if (base.contains(field) && base.value(field) == s) {
            merged = c;
        } else {
            const bool crmWins = rule == ConflictRule::CrmWins;
            merged = crmWins ? c : s;
            outcome.conflicts.append({field, c, s, crmWins});
        }
        outcome.merged.insert(field, merged);
        outcome.crmChanged = outcome.crmChanged || merged != c;
        outcome.serverChanged = outcome.serverChanged || merged != s;
    }
    return outcome;
}

QJsonObject project(const QJsonObject &fields, const QStringList &names)
{
    QJsonObject result;
    for (const QString &name : names) {
        result.insert(name, fields.value(name));
    }
    return result;
}

} // namespace SyncDesk::ActMerge
