#pragma once

#include "configfile.h"
#include "model/crmrecord.h"
#include "model/recordref.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace SyncDesk {

// A problem with one field of a CRM record ("email", "not an email address").
struct RecordFieldIssue
{
    QString field;
    QString message;
};

// Reads the "crm" section of a configuration file: the settings (roles, field security profiles, tracking
// token, tracked keyword) and the records (business units, system users, queues, accounts, contacts, leads,
// opportunities, cases). Records are also read from CSV rows, with the same rules per field.
class CrmConfigParser final
{
    Q_DECLARE_TR_FUNCTIONS(CrmConfigParser)

public:
    CrmConfigParser(QList<ConfigIssue> &errors, QList<ConfigIssue> &warnings);

    void parse(const QJsonValue &value, const QString &path, ConfigFile &file);

    // One record of a type from its fields (strings, or a list of roles). Problems go to `issues`.
    static CrmRecord recordFrom(const QString &type, const QJsonObject &object, QList<RecordFieldIssue> &issues);
    // The fields a record of a type may have, as keys of the config file and columns of a CSV file.
    static QStringList fieldsFor(const QString &type);
    // "account:contoso" -> {account, contoso}; the type must be one of `types`.
    static std::optional<RecordRef> parseReference(const QString &text, const QStringList &types, QString *problem);
    // The list key of a type in the "crm" section: "account" -> "accounts", "systemuser" -> "system_users".
    static QString listKeyFor(const QString &type);

private:
    void parseSettings(const QJsonObject &object, const QString &path, QJsonObject &settings);
    void parseRoles(const QJsonValue &value, const QString &path);
    void parseFieldProfiles(const QJsonValue &value, const QString &path);
    void error(const QString &path, const QString &message) { m_errors.append({path, message}); }

    QList<ConfigIssue> &m_errors;
    QList<ConfigIssue> &m_warnings;
};

} // namespace SyncDesk
