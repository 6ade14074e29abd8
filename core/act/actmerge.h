#pragma once

#include "actsettings.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace SyncDesk::ActMerge {

// A field both sides changed since the last sync, to different values.
struct FieldConflict
{
    QString field;
    QJsonValue crm;
    QJsonValue server;
    bool crmWon = true;
};

struct Outcome
{
    QJsonObject merged;         // what both sides should hold now (only the fields merged)
    bool crmChanged = false;    // the CRM must take merged
    bool serverChanged = false; // the server must be written
    QList<FieldConflict> conflicts;
};

// A three-way merge, field by field, of the fields named: a field only one side changed since `base` takes that
// side's value; a field both changed to different values follows the rule and is reported. Without a base (the
// record was never synced), every differing field counts as changed on both sides.
Outcome merge(const QJsonObject &base, const QJsonObject &crm, const QJsonObject &server, ConflictRule rule,
              const QStringList &fields);

// Only the fields named, for comparing and storing a base.
QJsonObject project(const QJsonObject &fields, const QStringList &names);

} // namespace SyncDesk::ActMerge
