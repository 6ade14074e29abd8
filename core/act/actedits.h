#pragma once

#include "actrecords.h"
#include "diagnostics/result.h"

#include <QJsonObject>
#include <QStringList>

namespace SyncDesk::ActEdits {

// Applies FIELD=VALUE assignments, as an administrator types them (`appointments set 12 location="Room 4"`), to a
// record's fields (ActFields' object). Times: 2026-03-10T09:00 (in the record's time_zone, else UTC),
// 2026-03-10T09:00Z or with an offset, or 2026-03-10 for an all-day record. attendees: a comma-separated list of
// addresses, "Name <address>" allowed; regarding: TYPE:ID; "" clears a field. time_zone is applied first, whatever
// its place. A bad assignment is refused (class Config, hint config-invalid) naming the field and what it takes;
// nothing is applied then. `owner=KEY` is not a field: it is returned in *owner.
Result<QJsonObject> apply(ActKind kind, QJsonObject fields, const QStringList &assignments, QString *owner = nullptr);

// The fields an assignment may name, per kind.
QStringList editableFields(ActKind kind);

} // namespace SyncDesk::ActEdits
