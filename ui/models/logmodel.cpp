#include "logmodel.h"

#include <QBrush>
#include <QColor>

namespace SyncDesk {

using namespace Qt::StringLiterals;

LogModel::LogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(qMax(1, capacity))
{}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Time:
        return u"Time"_s;
    case Level:
        return u"Level"_s;
    case Mailbox:
        return u"Mailbox"_s;
    case Category:
        return u"Category"_s;
    case Message:
        return u"Message"_s;
    default:
        return {};
    }
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const LogRecord &record = m_records.at(size_t(index.row()));
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Time:
            return role == Qt::ToolTipRole ? record.at.toLocalTime().toString(Qt::ISODateWithMs)
                                           : record.at.toLocalTime().toString(u"HH:mm:ss"_s);
        case Level:
            return logLevelName(record.level);
        case Mailbox:
            return record.mailbox;
        case Category:
            return record.category;
        case Message:
            return record.message;
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Level) {
        if (record.level == LogLevel::Error) {
            return QBrush(QColor(0xcf, 0x22, 0x2e));
        }
        if (record.level == LogLevel::Warning) {
            return QBrush(QColor(0xbf, 0x87, 0x00));
        }
    }
    if (role == LevelRole) {
        return int(record.level);
    }
    return {};
}

void LogModel::append(const QList<LogRecord> &records)
{
    if (records.isEmpty()) {
        return;
    }
    const qsizetype incoming = qMin<qsizetype>(records.size(), m_capacity);
    const qsizetype overflow = qsizetype(m_records.size()) + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow - 1));
        m_records.erase(m_records.begin(), m_records.begin() + overflow);
        endRemoveRows();
    }
    beginInsertRows({}, int(m_records.size()), int(m_records.size() + incoming - 1));
    for (qsizetype i = records.size() - incoming; i < records.size(); ++i) {
        m_records.push_back(records.at(i));
    }
    endInsertRows();
}

void LogModel::clear()
{
    beginResetModel();
    m_records.clear();
    endResetModel();
}

} // namespace SyncDesk
