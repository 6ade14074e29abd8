#include "logrecordmodel.h"

#include "model/untrustedtext.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QGuiApplication>
#include <QPalette>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QString levelText(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return QCoreApplication::translate("SyncDesk::LogRecordModel", "Debug");
    case LogLevel::Info:
        return QCoreApplication::translate("SyncDesk::LogRecordModel", "Info");
    case LogLevel::Warning:
        return QCoreApplication::translate("SyncDesk::LogRecordModel", "Warning");
    case LogLevel::Error:
        return QCoreApplication::translate("SyncDesk::LogRecordModel", "Error");
    }
    return {};
}

QDateTime localTime(qint64 atMs)
{
    return QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC).toLocalTime();
}

} // namespace

LogRecordModel::LogRecordModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(qMax(1, capacity))
{}

int LogRecordModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LogRecordModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogRecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Time:
        return tr("Time");
    case Level:
        return tr("Level");
    case Mailbox:
        return tr("Mailbox");
    case Category:
        return tr("Category");
    case Message:
        return tr("Message");
    default:
        return {};
    }
}

QVariant LogRecordModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Entry &entry = m_entries[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return entry.atMs == kNoTime ? QString() : localTime(entry.atMs).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
        case Level:
            return levelText(LogLevel(entry.level));
        case Mailbox:
            return m_mailboxes.text(entry.mailbox);
        case Category:
            return m_categories.text(entry.category);
        case Message:
            return entry.message;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Time:
            if (entry.atMs == kNoTime) {
                return {};
            } else {
                const QDateTime local = localTime(entry.atMs);
                return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODateWithMs);
            }
        case Message:
            return UntrustedText::toolTip(entry.message);
        case Mailbox:
            return UntrustedText::toolTip(m_mailboxes.text(entry.mailbox));
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() != Level && index.column() != Message) {
            return {};
        }
        switch (LogLevel(entry.level)) {
        case LogLevel::Error:
            return QBrush(QColor(0xcf, 0x22, 0x2e));
        case LogLevel::Warning:
            return index.column() == Level ? QVariant(QBrush(QColor(0xbf, 0x87, 0x00))) : QVariant();
        case LogLevel::Debug:
            return QBrush(QGuiApplication::palette().color(QPalette::PlaceholderText));
        case LogLevel::Info:
            return {};
        }
        return {};
    case IdRole:
        return entry.id;
    case LevelRole:
        return int(entry.level);
    case TimestampRole:
        return entry.atMs == kNoTime ? QDateTime() : QDateTime::fromMSecsSinceEpoch(entry.atMs, Qt::UTC);
    case MailboxRole:
        return m_mailboxes.text(entry.mailbox);
    case CategoryRole:
        return m_categories.text(entry.category);
    case MessageRole:
        return entry.message;
    default:
        return {};
    }
}

void LogRecordModel::setCapacity(int capacity)
{
    m_capacity = qMax(1, capacity);
    const qsizetype overflow = qsizetype(m_entries.size()) - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow - 1));
        m_entries.pop_front(overflow);
        m_firstSequence += overflow;
        m_evicted += overflow;
        endRemoveRows();
    }
}

LogRecordModel::Entry LogRecordModel::toEntry(const LogRecord &record, QStringList &newMailboxes)
{
    Entry entry;
    entry.id = record.id;
    entry.atMs = record.at.isValid() ? record.at.toMSecsSinceEpoch() : kNoTime;
    entry.message = record.message;
    bool added = false;
    entry.mailbox = m_mailboxes.intern(record.mailbox, &added);
    if (added) {
        newMailboxes.append(record.mailbox);
    }
    // Categories are a handful of fixed names; should a flood of new ones come, they show without one.
    if (const quint32 category = m_categories.intern(record.category); category <= 0xffff) {
        entry.category = quint16(category);
    }
    entry.level = quint8(qBound(0, int(record.level), 3));
    return entry;
}

void LogRecordModel::append(const QList<LogRecord> &records)
{
    if (records.isEmpty()) {
        return;
    }
    const qsizetype incoming = qMin<qsizetype>(records.size(), m_capacity);
    m_evicted += records.size() - incoming; // more than the capacity in one go: the oldest never show
    const qsizetype overflow = qsizetype(m_entries.size()) + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow - 1));
        m_entries.pop_front(overflow);
        m_firstSequence += overflow;
        m_evicted += overflow;
        endRemoveRows();
    }
    QStringList newMailboxes;
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(incoming) - 1);
    for (qsizetype i = records.size() - incoming; i < records.size(); ++i) {
        m_entries.push_back(toEntry(records.at(i), newMailboxes));
    }
    endInsertRows();
    if (!newMailboxes.isEmpty()) {
        Q_EMIT mailboxesAdded(newMailboxes);
    }
}

int LogRecordModel::prepend(const QList<LogRecord> &records)
{
    if (records.isEmpty()) {
        return 0;
    }
    // The newest of them join the oldest held; beyond the capacity, the oldest of them are not kept.
    const qsizetype incoming = qMin<qsizetype>(records.size(), m_capacity);
    const qsizetype overflow = qsizetype(m_entries.size()) + incoming - m_capacity;
    if (overflow > 0) {
        const int size = int(m_entries.size());
        beginRemoveRows({}, size - int(overflow), size - 1);
        m_entries.pop_back(overflow);
        m_evicted += overflow;
        endRemoveRows();
    }
    QStringList newMailboxes;
    beginInsertRows({}, 0, int(incoming) - 1);
    for (qsizetype i = records.size() - 1; i >= records.size() - incoming; --i) {
        m_entries.push_front(toEntry(records.at(i), newMailboxes));
    }
    m_firstSequence -= incoming;
    endInsertRows();
    if (!newMailboxes.isEmpty()) {
        Q_EMIT mailboxesAdded(newMailboxes);
    }
    return int(qMax<qsizetype>(0, overflow));
}

void LogRecordModel::replace(const QList<LogRecord> &records)
{
    QStringList newMailboxes;
    beginResetModel();
    m_firstSequence = endSequence();
    m_entries.clear();
    const qsizetype incoming = qMin<qsizetype>(records.size(), m_capacity);
    for (qsizetype i = records.size() - incoming; i < records.size(); ++i) {
        m_entries.push_back(toEntry(records.at(i), newMailboxes));
    }
    endResetModel();
    if (!newMailboxes.isEmpty()) {
        Q_EMIT mailboxesAdded(newMailboxes);
    }
}

void LogRecordModel::clear()
{
    beginResetModel();
    m_firstSequence = endSequence();
    m_entries.clear();
    endResetModel();
}

LogRecord LogRecordModel::record(int row) const
{
    const Entry &entry = m_entries[row];
    LogRecord record;
    record.id = entry.id;
    if (entry.atMs != kNoTime) {
        record.at = QDateTime::fromMSecsSinceEpoch(entry.atMs, Qt::UTC);
    }
    record.level = LogLevel(entry.level);
    record.category = m_categories.text(entry.category);
    record.mailbox = m_mailboxes.text(entry.mailbox);
    record.message = entry.message;
    return record;
}

qint64 LogRecordModel::firstId() const
{
    return m_entries.empty() ? 0 : m_entries.front().id;
}

qint64 LogRecordModel::lastId() const
{
    return m_entries.empty() ? 0 : m_entries.back().id;
}

QStringList LogRecordModel::mailboxes() const
{
    QStringList list;
    list.reserve(m_mailboxes.size() - 1);
    for (quint32 index = 1; index < quint32(m_mailboxes.size()); ++index) {
        list.append(m_mailboxes.text(index));
    }
    list.sort();
    return list;
}

} // namespace SyncDesk
