#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace SyncDesk {

// A record of the CRM: an account, contact or lead (with an email address), an opportunity or case
// (regarding targets), a system user or queue (owners of mailboxes), or a business unit.
struct CrmRecord
{
    qint64 id = 0;
    QString type; // "account", "contact", "lead", "opportunity", "case", "systemuser", "queue", "businessunit"
    QString key;  // its id in the CRM, e.g. "contoso" or "0001234"
    QString name;
    QString email;        // lower case; empty when it has none
    QString ownerKey;     // the system user owning it (record-level security "own")
    QString businessUnit; // the business unit it belongs to
    QString parentType;   // a contact's account, a case's customer, a business unit's parent, ...
    QString parentKey;
    QJsonObject extra; // per type: a system user's roles and field security profile, a lead's company, ...

    static const QStringList &types();
    static bool isEmailEnabled(const QString &type); // may have an email address that mail is matched against
    QString reference() const { return type + QLatin1Char(':') + key; }
    friend bool operator==(const CrmRecord &, const CrmRecord &) = default;
};

using CrmRecordList = QList<CrmRecord>;

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::CrmRecord)
