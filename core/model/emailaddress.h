#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace SyncDesk {

struct EmailAddress
{
    QString name;    // display name, decoded; may be empty
    QString address; // lower case

    friend bool operator==(const EmailAddress &, const EmailAddress &) = default;
};

// What a user types as recipients: "a@x.com, Bea <b@y.com>" (and several such values, e.g. --to given more
// than once). The addresses with their names, lower case; nothing is validated here (the composer does).
QList<EmailAddress> parseAddressList(const QStringList &values);
// The other way: "a@x.com, Bea <b@y.com>".
QString formatAddressList(const QList<EmailAddress> &addresses);

} // namespace SyncDesk
