#pragma once

#include "logging/logfilter.h"
#include "logrecordmodel.h"

#include <QAbstractProxyModel>
#include <QTimer>

#include <optional>
#include <vector>

namespace SyncDesk {

// The records of a LogRecordModel that pass a LogFilter, in the same order. Rows are mapped through the
// source's sequence numbers, so appending at the bottom, dropping the oldest at the top and paging older
// records in at the top cost only the rows concerned.
//
// A new filter is applied at once when that is quick. Over many records, or with an expensive regular
// expression, it runs in slices of a few milliseconds between other events; the previous result stays
// until the new one is complete, and then replaces it with one reset (filteringFinished()).
class LogFilterProxy final : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit LogFilterProxy(QObject *parent = nullptr);
    ~LogFilterProxy() override;

    // Must be a LogRecordModel (or null).
    void setSourceModel(QAbstractItemModel *sourceModel) override;
    LogRecordModel *recordModel() const { return m_model; }

    // The filter last asked for (it may still be being applied: isFiltering()).
    LogFilter filter() const;
    void setFilter(const LogFilter &filter);
    bool isFiltering() const { return m_job.has_value(); }
    // Time spent filtering before the event loop runs again (the first slice runs inside setFilter()).
    void setSliceMilliseconds(int milliseconds) { m_sliceMs = qMax(1, milliseconds); }

    // The source sequence number behind a row, and the row of a sequence number (-1 when filtered out).
    qint64 sequenceAt(int row) const { return m_sequences[size_t(row)]; }
    int rowOfSequence(qint64 sequence) const;
    // The first row whose sequence number is at least `sequence` (rowCount() when none is).
    int lowerBoundRow(qint64 sequence) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void filteringStarted();
    // The last filter asked for now shows.
    void filteringFinished();

private:
    // A filter with what it concluded about each interned mailbox and category string.
    struct Criteria
    {
        LogFilter filter;
        bool byMailbox = false;
        bool byText = false;
        std::vector<char> mailboxAccepted;
        std::vector<char> mailboxHasText;
        std::vector<char> categoryHasText;

        void reset(const LogFilter &newFilter);
        void sync(const LogRecordModel &model); // covers strings interned since the last call
        bool accepts(const LogRecordModel::Entry &entry) const
        {
            if (entry.level < quint8(filter.minimumLevel()) || (byMailbox && !mailboxAccepted[entry.mailbox])) {
                return false;
            }
            return !byText || (filter.isValid() && (categoryHasText[entry.category] || mailboxHasText[entry.mailbox] ||
                                                    filter.matchesText(entry.message)));
        }
    };
    // A filter being applied: it has looked at [scanLow, scanHigh) of the source's sequence numbers.
    struct Job
    {
        Criteria criteria;
        qint64 scanLow = 0;
        qint64 scanHigh = 0;
        std::vector<qint64> matches;
    };

    void runSlice(int budgetMs);
    void refilterNow(); // with m_current, inside a reset
    static void scan(const LogRecordModel &model, Criteria &criteria, qint64 from, qint64 to, std::vector<qint64> &out);

    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onAboutToBeReset();
    void onReset();

    LogRecordModel *m_model = nullptr;
    QList<QMetaObject::Connection> m_connections;
    std::vector<qint64> m_sequences; // sorted
    Criteria m_current;
    std::optional<Job> m_job;
    QTimer m_sliceTimer;
    int m_sliceMs = 12;
    int m_removeFrom = -1;
    int m_removeTo = -1;
};

} // namespace SyncDesk
