#pragma once

#include "logging/logrecord.h"

#include <QAbstractTableModel>

#include <deque>

namespace SyncDesk {

// The most recent log records, bounded: when more arrive than it holds, the oldest go.
class LogModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Level, Mailbox, Category, Message, ColumnCount };
    enum Role { LevelRole = Qt::UserRole + 1 };

    explicit LogModel(int capacity = 20000, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void append(const QList<LogRecord> &records);
    void clear();
    int capacity() const { return m_capacity; }
    const LogRecord &record(int row) const { return m_records.at(size_t(row)); }

private:
    std::deque<LogRecord> m_records;
    int m_capacity;
};

} // namespace SyncDesk
