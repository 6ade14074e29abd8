#include "securitycontext.h"

#include "store/crmstore.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace SyncDesk {

using namespace Qt::StringLiterals;

SecurityContext SecurityContext::unrestricted()
{
    return {};
}

Result<SecurityContext> SecurityContext::forMailbox(CrmStore &crm, const QJsonObject &crmSettings,
                                                    const Mailbox &mailbox)
{
    const QJsonObject roles = crmSettings.value(u"roles"_s).toObject();
    if (roles.isEmpty() || mailbox.ownerKey.isEmpty()) {
        return unrestricted();
    }
    auto owner = crm.record(mailbox.ownerType.isEmpty() ? u"systemuser"_s : mailbox.ownerType, mailbox.ownerKey);
    if (!owner) {
        return owner.error();
    }
    if (!owner->has_value()) {
        return SyncError::make(
            ErrorClass::Config, u"config-invalid"_s,
            QCoreApplication::translate(
                "SecurityContext", "the mailbox's owner %1 is not a CRM record; import it or fix the mailbox's owner")
                .arg(mailbox.owner()));
    }
    CrmRecord user = **owner;
    // A queue's permissions are its owner's, unless the queue has roles of its own.
    if (user.type == u"queue"_s && !user.extra.contains(u"roles"_s) && !user.ownerKey.isEmpty()) {
        auto queueOwner = crm.record(u"systemuser"_s, user.ownerKey);
        if (!queueOwner) {
            return queueOwner.error();
        }
        if (queueOwner->has_value()) {
            user = **queueOwner;
        }
    }
    SecurityContext context;
    context.m_unrestricted = false;
    context.m_ownerKey = user.key;
    context.m_businessUnit = user.businessUnit;
    for (const QJsonValue &roleName : user.extra.value(u"roles"_s).toArray()) {
        const QJsonObject privileges = roles.value(roleName.toString()).toObject();
        for (auto it = privileges.begin(); it != privileges.end(); ++it) {
            const AccessScope scope = accessScopeFromName(it.value().toString());
            if (scope > context.m_scopes.value(it.key(), AccessScope::None)) {
                context.m_scopes.insert(it.key(), scope);
            }
        }
    }
    const QString profile = user.extra.value(u"field_security_profile"_s).toString();
    if (!profile.isEmpty()) {
        const QJsonArray fields = crmSettings.value(u"field_security_profiles"_s).toObject().value(profile).toArray();
        for (const QJsonValue &field : fields) {
            context.m_withheldFields.insert(field.toString());
        }
    }
    return context;
}

AccessScope SecurityContext::scopeFor(const QString &type) const
{
    return m_unrestricted ? AccessScope::Organization : m_scopes.value(type, AccessScope::None);
}

bool SecurityContext::canRead(const CrmRecord &record) const
{
    switch (scopeFor(record.type)) {
    case AccessScope::Organization:
        return true;
    case AccessScope::BusinessUnit:
        return record.ownerKey == m_ownerKey || (!m_businessUnit.isEmpty() && record.businessUnit == m_businessUnit);
    case AccessScope::Own:
        return !m_ownerKey.isEmpty() && record.ownerKey == m_ownerKey;
    case AccessScope::None:
        break;
    }
    return false;
}

QString SecurityContext::describe() const
{
    if (m_unrestricted) {
        return u"no restrictions"_s;
    }
    QStringList parts;
    for (auto it = m_scopes.cbegin(); it != m_scopes.cend(); ++it) {
        parts.append(it.key() + u' ' + accessScopeName(it.value()));
    }
    parts.sort();
    QString text =
        u"%1 (business unit %2): read %3"_s.arg(m_ownerKey, m_businessUnit.isEmpty() ? u"-"_s : m_businessUnit,
                                                parts.isEmpty() ? u"nothing"_s : parts.join(u", "_s));
    if (!m_withheldFields.isEmpty()) {
        QStringList fields(m_withheldFields.cbegin(), m_withheldFields.cend());
        fields.sort();
        text += u"; fields withheld: "_s + fields.join(u", "_s);
    }
    return text;
}

} // namespace SyncDesk
