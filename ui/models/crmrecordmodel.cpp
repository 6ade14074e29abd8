#include "crmrecordmodel.h"

#include "model/untrustedtext.h"

#include <QCoreApplication>

namespace SyncDesk {

using namespace Qt::StringLiterals;

CrmRecordModel::CrmRecordModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QString CrmRecordModel::typeTitle(const QString &type)
{
    // The record types a configuration has (CrmRecord::types()); another one shows as its id, capitalised.
    static const std::pair<const char16_t *, const char *> kTitles[] = {
        //: CRM record type
        {u"account", QT_TRANSLATE_NOOP("SyncDesk::CrmRecordModel", "Account")},
        //: CRM record type
        {u"contact", QT_TRANSLATE_NOOP("SyncDesk::CrmRecordModel", "Contact")},
        //: CRM record type: a prospective customer
        {u"lead", QT_TRANSLATE_NOOP("SyncDesk::CrmRecordModel", "Lead")},
        //: CRM record type: a potential sale
        {u"opportunity", QT_TRANSLATE_NOOP("SyncDesk::CrmRecordModel", "Opportunity")},
        //: CRM record type: a support case
        {u"case", QT_TRANSLATE_NOOP("SyncDesk::CrmRecordModel", "Case")},
        //: CRM record type: a user of the CRM
        {u"systemuser", QT_TRANSLATE_NOOP("SyncDesk::CrmRecordModel", "System user")},
        //: CRM record type: a shared work queue
        {u"queue", QT_TRANSLATE_NOOP("SyncDesk::CrmRecordModel", "Queue")},
        //: CRM record type: a department
        {u"businessunit", QT_TRANSLATE_NOOP("SyncDesk::CrmRecordModel", "Business unit")},
    };
    for (const auto &[id, title] : kTitles) {
        if (type == QStringView(id)) {
            return QCoreApplication::translate("SyncDesk::CrmRecordModel", title);
        }
    }
    return type.isEmpty() ? type : type.left(1).toUpper() + type.mid(1);
}

int CrmRecordModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int CrmRecordModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CrmRecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount) {
        return {};
    }
    static const char *const kTitles[ColumnCount] = {
        //: column: the record's type
        QT_TRANSLATE_NOOP("SyncDesk::CrmRecordModel", "Type"),
        //: column: the record's key in the CRM
        QT_TRANSLATE_NOOP("SyncDesk::CrmRecordModel", "ID"),
        QT_TRANSLATE_NOOP("SyncDesk::CrmRecordModel", "Name"),
        QT_TRANSLATE_NOOP("SyncDesk::CrmRecordModel", "Email"),
        QT_TRANSLATE_NOOP("SyncDesk::CrmRecordModel", "Owner"),
        QT_TRANSLATE_NOOP("SyncDesk::CrmRecordModel", "Business unit"),
        //: column: the record's parent record (type:id)
        QT_TRANSLATE_NOOP("SyncDesk::CrmRecordModel", "Parent"),
    };
    return QCoreApplication::translate("SyncDesk::CrmRecordModel", kTitles[section]);
}

QVariant CrmRecordModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const CrmRecord &record = m_records.at(index.row());
    if (role == ReferenceRole) {
        return record.reference();
    }
    if (role == Qt::ToolTipRole && index.column() == Name) {
        QStringList lines{record.reference()};
        const QStringList roles = record.extra.value(u"roles"_s).toVariant().toStringList();
        if (!roles.isEmpty()) {
            lines.append(tr("Roles: %1").arg(roles.join(u", "_s)));
        }
        const QString profile = record.extra.value(u"field_security_profile"_s).toString();
        if (!profile.isEmpty()) {
            lines.append(tr("Field security profile: %1").arg(profile));
        }
        const QString company = record.extra.value(u"company"_s).toString();
        if (!company.isEmpty()) {
            lines.append(tr("Company: %1").arg(company));
        }
        return UntrustedText::toolTip(lines.join(u'\n'));
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case Type:
        return typeTitle(record.type);
    case Id:
        return record.key;
    case Name:
        return record.name;
    case Email:
        return record.email;
    case Owner:
        return record.ownerKey;
    case BusinessUnit:
        return record.businessUnit;
    case Parent:
        return record.parentKey.isEmpty() ? QString() : record.parentType + u':' + record.parentKey;
    default:
        return {};
    }
}

void CrmRecordModel::setRecords(const CrmRecordList &records)
{
    if (records == m_records) {
        return;
    }
    beginResetModel();
    m_records = records;
    endResetModel();
}

} // namespace SyncDesk
