#include "crmconfigparser.h"

#include "configvalues.h"
#include "model/accessscope.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace SyncDesk {

using namespace Qt::StringLiterals;

using ConfigValues::describe;

namespace {

const QStringList kSettingKeys{u"roles"_s, u"field_security_profiles"_s, u"tracking_token"_s, u"tracked_keyword"_s,
                               u"conversation_days"_s};
const QStringList kWithholdableFields{u"body"_s, u"attachments"_s, u"cc"_s};

bool isPlainKey(const QString &key)
{
    if (key.isEmpty() || key.size() > 200) {
        return false;
    }
    for (QChar c : key) {
        if (c.category() == QChar::Other_Control) {
            return false;
        }
    }
    return true;
}

} // namespace

CrmConfigParser::CrmConfigParser(QList<ConfigIssue> &errors, QList<ConfigIssue> &warnings)
    : m_errors(errors)
    , m_warnings(warnings)
{}

QString CrmConfigParser::listKeyFor(const QString &type)
{
    if (type == u"systemuser"_s) {
        return u"system_users"_s;
    }
    if (type == u"businessunit"_s) {
        return u"business_units"_s;
    }
    if (type == u"opportunity"_s) {
        return u"opportunities"_s;
    }
    return type + u's';
}

QStringList CrmConfigParser::fieldsFor(const QString &type)
{
    QStringList fields{u"id"_s, u"name"_s};
    if (CrmRecord::isEmailEnabled(type)) {
        fields.append(u"email"_s);
    }
    if (type == u"businessunit"_s) {
        fields.append(u"parent"_s);
        return fields;
    }
    if (type != u"systemuser"_s) {
        fields.append(u"owner"_s);
    }
    fields.append(u"business_unit"_s);
    if (type == u"contact"_s || type == u"opportunity"_s) {
        fields.append(u"account"_s);
    } else if (type == u"lead"_s) {
        fields.append(u"company"_s);
    } else if (type == u"case"_s) {
        fields.append(u"customer"_s);
    } else if (type == u"systemuser"_s) {
        fields.append({u"roles"_s, u"field_security_profile"_s});
    } else if (type == u"queue"_s) {
        fields.append({u"roles"_s, u"members"_s}); // members: the system users who may send through it
    }
    return fields;
}

std::optional<RecordRef> CrmConfigParser::parseReference(const QString &text, const QStringList &types,
                                                         QString *problem)
{
    const qsizetype colon = text.indexOf(u':');
    const QString type = colon < 0 ? QString() : text.left(colon).trimmed().toLower();
    const QString key = colon < 0 ? QString() : text.mid(colon + 1).trimmed();
    if (colon < 0 || !types.contains(type) || !isPlainKey(key)) {
        *problem = tr("expected TYPE:ID with TYPE one of %1, got \"%2\"").arg(types.join(u", "_s), text.left(80));
        return std::nullopt;
    }
    return RecordRef{type, key};
}

CrmRecord CrmConfigParser::recordFrom(const QString &type, const QJsonObject &object, QList<RecordFieldIssue> &issues)
{
    const QStringList allowed = fieldsFor(type);
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            issues.append(
                {it.key(),
                 tr("unknown field for the record type %1; expected one of: %2").arg(type, allowed.join(u", "_s))});
        }
    }
    auto text = [&](const QString &field, bool required) -> QString {
        const QJsonValue value = object.value(field);
        if (value.isUndefined() || (value.isString() && value.toString().trimmed().isEmpty())) {
            if (required) {
                issues.append({field, tr("missing; every %1 needs one").arg(type)});
            }
            return {};
        }
        if (!value.isString()) {
            issues.append({field, tr("expected a string, got %1").arg(describe(value))});
            return {};
        }
        const QString trimmed = value.toString().trimmed();
        if (!isPlainKey(trimmed) && field != u"name"_s) {
            issues.append({field, tr("expected at most 200 characters without control characters")});
            return {};
        }
        return trimmed;
    };

    CrmRecord record;
    record.type = type;
    record.key = text(u"id"_s, true);
    record.name = text(u"name"_s, false);
    if (record.name.isEmpty()) {
        record.name = record.key;
    }
    if (allowed.contains(u"email"_s)) {
        record.email = text(u"email"_s, false).toLower();
        if (!record.email.isEmpty() && !ConfigValues::isEmailAddress(record.email)) {
            issues.append({u"email"_s, tr("\"%1\" is not an email address").arg(record.email.left(80))});
            record.email.clear();
        }
    }
    if (allowed.contains(u"owner"_s)) {
        record.ownerKey = text(u"owner"_s, false);
    }
    if (allowed.contains(u"business_unit"_s)) {
        record.businessUnit = text(u"business_unit"_s, false);
    }
    if (type == u"businessunit"_s) {
        record.parentKey = text(u"parent"_s, false);
        record.parentType = record.parentKey.isEmpty() ? QString() : u"businessunit"_s;
        record.businessUnit = record.key;
    } else if (type == u"contact"_s || type == u"opportunity"_s) {
        record.parentKey = text(u"account"_s, false);
        record.parentType = record.parentKey.isEmpty() ? QString() : u"account"_s;
    } else if (type == u"lead"_s) {
        const QString company = text(u"company"_s, false);
        if (!company.isEmpty()) {
            record.extra.insert(u"company"_s, company);
        }
    } else if (type == u"case"_s) {
        const QString customer = text(u"customer"_s, false);
        if (!customer.isEmpty()) {
            QString problem;
            if (auto reference = parseReference(customer, {u"account"_s, u"contact"_s}, &problem)) {
                record.parentType = reference->type;
                record.parentKey = reference->id;
            } else {
                issues.append({u"customer"_s, problem});
            }
        }
    }
    if (allowed.contains(u"roles"_s) && object.contains(u"roles"_s)) {
        const QJsonValue roles = object.value(u"roles"_s);
        QJsonArray names;
        bool valid = roles.isArray();
        for (const QJsonValue &role : roles.toArray()) {
            valid = valid && role.isString() && !role.toString().trimmed().isEmpty();
            names.append(role.toString().trimmed());
        }
        if (!valid) {
            issues.append({u"roles"_s, tr("expected an array of role names, got %1").arg(describe(roles))});
        } else {
            record.extra.insert(u"roles"_s, names);
        }
    }
    if (allowed.contains(u"members"_s) && object.contains(u"members"_s)) {
        const QJsonValue members = object.value(u"members"_s);
        QJsonArray keys;
        bool valid = members.isArray();
        for (const QJsonValue &member : members.toArray()) {
            valid = valid && member.isString() && isPlainKey(member.toString().trimmed());
            keys.append(member.toString().trimmed());
        }
        if (!valid) {
            issues.append({u"members"_s, tr("expected an array of system user ids, got %1").arg(describe(members))});
        } else {
            record.extra.insert(u"members"_s, keys);
        }
    }
    if (allowed.contains(u"field_security_profile"_s)) {
        const QString profile = text(u"field_security_profile"_s, false);
        if (!profile.isEmpty()) {
            record.extra.insert(u"field_security_profile"_s, profile);
        }
    }
    return record;
}

void CrmConfigParser::parse(const QJsonValue &value, const QString &path, ConfigFile &file)
{
    if (!value.isObject()) {
        error(path, tr("expected an object, got %1").arg(describe(value)));
        return;
    }
    const QJsonObject object = value.toObject();
    QStringList allowed = kSettingKeys;
    for (const QString &type : CrmRecord::types()) {
        allowed.append(listKeyFor(type));
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            error(path + u'.' + it.key(), tr("unknown key; expected one of: %1").arg(allowed.join(u", "_s)));
        }
    }

    QJsonObject settings;
    parseSettings(object, path, settings);
    if (!settings.isEmpty()) {
        file.crm = settings;
    }

    for (const QString &type : CrmRecord::types()) {
        const QString listKey = listKeyFor(type);
        const QJsonValue list = object.value(listKey);
        if (list.isUndefined()) {
            continue;
        }
        const QString listPath = path + u'.' + listKey;
        if (!list.isArray()) {
            error(listPath, tr("expected an array of records, got %1").arg(describe(list)));
            continue;
        }
        QSet<QString> keys;
        const QJsonArray array = list.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString itemPath = listPath + u"[%1]"_s.arg(i);
            if (!array.at(i).isObject()) {
                error(itemPath, tr("expected a record object, got %1").arg(describe(array.at(i))));
                continue;
            }
            QList<RecordFieldIssue> issues;
            const CrmRecord record = recordFrom(type, array.at(i).toObject(), issues);
            for (const RecordFieldIssue &issue : std::as_const(issues)) {
                error(itemPath + u'.' + issue.field, issue.message);
            }
            if (!issues.isEmpty()) {
                continue;
            }
            if (keys.contains(record.key)) {
                error(itemPath + u".id"_s, tr("the %1 \"%2\" is listed twice").arg(type, record.key));
                continue;
            }
            keys.insert(record.key);
            file.crmRecords.append(record);
        }
    }
}

void CrmConfigParser::parseSettings(const QJsonObject &object, const QString &path, QJsonObject &settings)
{
    const int errorsBefore = int(m_errors.size());
    if (object.contains(u"roles"_s)) {
        parseRoles(object.value(u"roles"_s), path + u".roles"_s);
    }
    if (object.contains(u"field_security_profiles"_s)) {
        parseFieldProfiles(object.value(u"field_security_profiles"_s), path + u".field_security_profiles"_s);
    }
    if (object.contains(u"tracking_token"_s)) {
        const QString tokenPath = path + u".tracking_token"_s;
        const QJsonValue token = object.value(u"tracking_token"_s);
        if (!token.isObject()) {
            error(tokenPath, tr("expected an object with \"prefix\" and \"digits\", got %1").arg(describe(token)));
        } else {
            const QJsonObject fields = token.toObject();
            for (auto it = fields.begin(); it != fields.end(); ++it) {
                if (it.key() != u"prefix"_s && it.key() != u"digits"_s && it.key() != u"enabled"_s) {
                    error(tokenPath + u'.' + it.key(), tr("unknown key; expected one of: prefix, digits, enabled"));
                }
            }
            static const QRegularExpression prefixPattern(u"^[A-Za-z][A-Za-z0-9]{0,15}$"_s);
            const QJsonValue prefix = fields.value(u"prefix"_s);
            if (!prefix.isUndefined() && (!prefix.isString() || !prefixPattern.match(prefix.toString()).hasMatch())) {
                error(tokenPath + u".prefix"_s,
                      tr("expected 1 to 16 letters and digits starting with a letter, got %1").arg(describe(prefix)));
            }
            // enabled: whether outgoing email carries the token in its subject (incoming mail is read for it anyway).
            if (const QJsonValue enabled = fields.value(u"enabled"_s); !enabled.isUndefined() && !enabled.isBool()) {
                error(tokenPath + u".enabled"_s, tr("expected true or false, got %1").arg(describe(enabled)));
            }
            const QJsonValue digits = fields.value(u"digits"_s);
            if (!digits.isUndefined() &&
                (!digits.isDouble() || digits.toDouble() != double(int(qBound(0.0, digits.toDouble(), 100.0))) ||
                 digits.toInt() < 3 || digits.toInt() > 12)) {
                error(tokenPath + u".digits"_s, tr("expected an integer from 3 to 12, got %1").arg(describe(digits)));
            }
        }
    }
    if (object.contains(u"tracked_keyword"_s)) {
        const QJsonValue keyword = object.value(u"tracked_keyword"_s);
        // An empty string turns the write-back off.
        if (!keyword.isString() ||
            (!keyword.toString().isEmpty() &&
             (!ConfigValues::isImapKeyword(keyword.toString()) || keyword.toString().startsWith(u'\\')))) {
            error(path + u".tracked_keyword"_s,
                  tr("expected an IMAP keyword such as $SyncDeskTracked (no spaces, brackets, quotes or wildcards), "
                     "or \"\" for none, got %1")
                      .arg(describe(keyword)));
        }
    }
    if (object.contains(u"conversation_days"_s)) {
        const QJsonValue days = object.value(u"conversation_days"_s);
        if (!days.isDouble() || days.toDouble() != double(int(qBound(0.0, days.toDouble(), 1e6))) || days.toInt() < 1 ||
            days.toInt() > 3650) {
            error(path + u".conversation_days"_s, tr("expected an integer from 1 to 3650, got %1").arg(describe(days)));
        }
    }
    if (int(m_errors.size()) != errorsBefore) {
        return;
    }
    for (const QString &key : kSettingKeys) {
        if (object.contains(key)) {
            settings.insert(key, object.value(key));
        }
    }
}

void CrmConfigParser::parseRoles(const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        error(path, tr("expected an object of roles, each {\"TYPE\": \"SCOPE\"}, got %1").arg(describe(value)));
        return;
    }
    const QJsonObject roles = value.toObject();
    for (auto role = roles.begin(); role != roles.end(); ++role) {
        const QString rolePath = path + u'.' + role.key();
        if (!role.value().isObject()) {
            error(rolePath, tr("expected an object of record types and scopes, got %1").arg(describe(role.value())));
            continue;
        }
        const QJsonObject privileges = role.value().toObject();
        for (auto it = privileges.begin(); it != privileges.end(); ++it) {
            if (!CrmRecord::types().contains(it.key())) {
                error(rolePath + u'.' + it.key(),
                      tr("unknown record type; expected one of: %1").arg(CrmRecord::types().join(u", "_s)));
                continue;
            }
            bool known = false;
            accessScopeFromName(it.value().toString(), &known);
            if (!it.value().isString() || !known) {
                error(
                    rolePath + u'.' + it.key(),
                    tr("expected a scope: none, own, business-unit or organization, got %1").arg(describe(it.value())));
            }
        }
    }
}

void CrmConfigParser::parseFieldProfiles(const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        error(path, tr("expected an object of profiles, each a list of withheld fields, got %1").arg(describe(value)));
        return;
    }
    const QJsonObject profiles = value.toObject();
    for (auto profile = profiles.begin(); profile != profiles.end(); ++profile) {
        const QString profilePath = path + u'.' + profile.key();
        if (!profile.value().isArray()) {
            error(profilePath,
                  tr("expected an array of fields (body, attachments, cc), got %1").arg(describe(profile.value())));
            continue;
        }
        const QJsonArray fields = profile.value().toArray();
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (!kWithholdableFields.contains(fields.at(i).toString())) {
                error(profilePath + u"[%1]"_s.arg(i),
                      tr("expected one of body, attachments, cc, got %1").arg(describe(fields.at(i))));
            }
        }
        if (fields.isEmpty()) {
            m_warnings.append({profilePath, tr("the profile withholds nothing")});
        }
    }
}

} // namespace SyncDesk
