#pragma once

#include <QList>
#include <QString>

namespace SyncDesk {

struct EmailAddress
{
    QString name;    // display name, decoded; may be empty
    QString address; // lower case

    friend bool operator==(const EmailAddress &, const EmailAddress &) = default;
};

} // namespace SyncDesk
