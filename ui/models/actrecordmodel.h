#pragma once

#include "act/actrecordservice.h"

#include <QAbstractTableModel>

namespace SyncDesk {

// The CRM's appointments or tasks, one row each, read-only (the CRM tab edits them through a dialog). Rows keep their
// place when the list is reloaded and only what changed is signalled, so a selection survives a refresh.
class ActRecordModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    // Appointments: Subject, Start, End, Location, Owner, Regarding, Modified. Tasks: Subject, Due, Status (with
    // percent complete), Priority, Owner, Regarding, Modified.
    enum Column { Subject, When, Until, Detail, Owner, Regarding, Modified, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, UidRole, SortRole };

    explicit ActRecordModel(ActKind kind, QObject *parent = nullptr);

    ActKind kind() const { return m_kind; }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRecords(const ActRecordViewList &records);
    const ActRecordViewList &records() const { return m_records; }
    std::optional<ActRecordView> recordById(qint64 id) const;

    static QString taskStatusTitle(const QString &status); // "in-progress" → "In progress"

private:
    QString text(const ActRecordView &record, int column) const;

    ActKind m_kind;
    ActRecordViewList m_records;
};

} // namespace SyncDesk
