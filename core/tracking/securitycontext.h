#pragma once

#include "diagnostics/result.h"
#include "model/accessscope.h"
#include "model/crmrecord.h"
#include "model/mailbox.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>

namespace SyncDesk {

class CrmStore;

// What a mailbox's owner may see, from the CRM's security model: roles grant read access to record
// types at a scope (their own records, their business unit's, the whole organization's); a field
// security profile names activity fields ("body", "attachments", "cc") the owner may not sync.
// Without roles configured, or for a mailbox without an owner, nothing is restricted.
class SecurityContext final
{
public:
    static SecurityContext unrestricted();
    // crmSettings: the "crm" settings of the store (roles, field_security_profiles).
    static Result<SecurityContext> forMailbox(CrmStore &crm, const QJsonObject &crmSettings, const Mailbox &mailbox);

    bool isUnrestricted() const { return m_unrestricted; }
    bool canRead(const CrmRecord &record) const;
    AccessScope scopeFor(const QString &type) const;
    const QSet<QString> &withheldFields() const { return m_withheldFields; }
    QString describe() const; // for the log: "ana (business unit sales): account business-unit, ..."

private:
    bool m_unrestricted = true;
    QString m_ownerKey;
    QString m_businessUnit;
    QHash<QString, AccessScope> m_scopes;
    QSet<QString> m_withheldFields;
};

} // namespace SyncDesk
