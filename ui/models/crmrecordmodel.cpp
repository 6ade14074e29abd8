#include "crmrecordmodel.h"

#include "model/untrustedtext.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

CrmRecordModel::CrmRecordModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QString CrmRecordModel::typeTitle(const QString &type)
{
    if (type == u"systemuser"_s) {
        return u"System user"_s;
    }
    if (type == u"businessunit"_s) {
        return u"Business unit"_s;
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
    static const char16_t *const kTitles[ColumnCount] = {u"Type",          u"ID",    u"Name", u"Email", u"Owner",
                                                         u"Business unit", u"Parent"};
    return QString::fromUtf16(kTitles[section]);
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
            lines.append(u"Roles: "_s + roles.join(u", "_s));
        }
        const QString profile = record.extra.value(u"field_security_profile"_s).toString();
        if (!profile.isEmpty()) {
            lines.append(u"Field security profile: "_s + profile);
        }
        const QString company = record.extra.value(u"company"_s).toString();
        if (!company.isEmpty()) {
            lines.append(u"Company: "_s + company);
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
