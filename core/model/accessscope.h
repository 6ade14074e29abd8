#pragma once

#include <QString>

namespace SyncDesk {

// How far a role's read access to a record type reaches.
enum class AccessScope { None = 0, Own = 1, BusinessUnit = 2, Organization = 3 };

QString accessScopeName(AccessScope scope); // "none", "own", "business-unit", "organization"
AccessScope accessScopeFromName(const QString &name, bool *ok = nullptr);

} // namespace SyncDesk
