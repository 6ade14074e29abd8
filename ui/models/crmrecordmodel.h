#pragma once

#include "model/crmrecord.h"

#include <QAbstractTableModel>

namespace SyncDesk {

// The CRM records, read-only, one row each.
class CrmRecordModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Type, Id, Name, Email, Owner, BusinessUnit, Parent, ColumnCount };
    enum Role { ReferenceRole = Qt::UserRole + 1 }; // "type:id"

    explicit CrmRecordModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRecords(const CrmRecordList &records);
    const CrmRecordList &records() const { return m_records; }

    static QString typeTitle(const QString &type); // "account" -> "Account", "systemuser" -> "System user"

private:
    CrmRecordList m_records;
};

} // namespace SyncDesk
