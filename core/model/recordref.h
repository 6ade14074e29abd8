#pragma once

#include <QString>

namespace SyncDesk {

// A reference to a CRM record, e.g. {"account", "contoso"}.
struct RecordRef
{
    QString type;
    QString id;

    bool isValid() const { return !type.isEmpty() && !id.isEmpty(); }
    friend bool operator==(const RecordRef &, const RecordRef &) = default;
};

} // namespace SyncDesk
