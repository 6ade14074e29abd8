#pragma once

#include "logging/logrecord.h"
#include "ringbuffer.h"
#include "stringinterner.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <limits>
#include <vector>

namespace SyncDesk {

// The log records the console holds in memory, oldest first, bounded: when more arrive than it holds,
// the oldest go (and when older records are paged in from the store, the newest go). Rows are compact —
// mailbox and category are interned — so that 100,000 records cost a few tens of megabytes.
//
// Every record held has a sequence number that does not change while it is held (rows shift when the
// oldest go; sequence numbers do not): the filter proxy maps its rows through them.
class LogRecordModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Level, Mailbox, Category, Message, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // qint64, 0 for a record that is not in the store
        LevelRole,                 // int (LogLevel)
        TimestampRole,             // QDateTime, UTC
        MailboxRole,
        CategoryRole,
        MessageRole,
    };
    static constexpr int kDefaultCapacity = 100000;

    struct Entry
    {
        qint64 id = 0;
        qint64 atMs = 0; // kNoTime when the record has no time
        QString message;
        quint32 mailbox = 0;  // index into the mailbox strings
        quint16 category = 0; // index into the category strings
        quint8 level = 0;
    };
    static constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();

    explicit LogRecordModel(int capacity = kDefaultCapacity, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int capacity() const { return m_capacity; }
    // Shrinking drops the oldest records.
    void setCapacity(int capacity);

    // Newer records (oldest first) at the bottom; the oldest go beyond the capacity.
    void append(const QList<LogRecord> &records);
    // Older records (oldest first) at the top; the newest go beyond the capacity. Returns how many went.
    int prepend(const QList<LogRecord> &records);
    void replace(const QList<LogRecord> &records);
    void clear();

    LogRecord record(int row) const;
    qint64 firstId() const; // 0 when empty
    qint64 lastId() const;  // 0 when empty
    // How many records went because the capacity was reached, since the model was made.
    qint64 evictedCount() const { return m_evicted; }
    // Every mailbox address seen, sorted.
    QStringList mailboxes() const;

    // For the filter proxy: sequence numbers and the compact rows behind them.
    qint64 firstSequence() const { return m_firstSequence; }
    qint64 endSequence() const { return m_firstSequence + qint64(m_entries.size()); }
    const Entry &entry(int row) const { return m_entries[row]; }
    const Entry &entryAtSequence(qint64 sequence) const { return m_entries[sequence - m_firstSequence]; }
    const QString &mailboxText(quint32 index) const { return m_mailboxes.text(index); }
    const QString &categoryText(quint16 index) const { return m_categories.text(index); }
    qsizetype mailboxTextCount() const { return m_mailboxes.size(); }
    qsizetype categoryTextCount() const { return m_categories.size(); }

Q_SIGNALS:
    // Addresses seen for the first time (for the mailbox filter's list).
    void mailboxesAdded(const QStringList &addresses);

private:
    Entry toEntry(const LogRecord &record, QStringList &newMailboxes);

    RingBuffer<Entry> m_entries;
    qint64 m_firstSequence = 0;
    int m_capacity;
    qint64 m_evicted = 0;
    StringInterner m_mailboxes;
    StringInterner m_categories;
};

} // namespace SyncDesk
