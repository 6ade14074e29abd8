#include "logfilterproxy.h"

#include <QElapsedTimer>

#include <algorithm>

namespace SyncDesk {

void LogFilterProxy::Criteria::reset(const LogFilter &newFilter)
{
    filter = newFilter;
    byMailbox = !filter.mailbox().isEmpty();
    byText = filter.hasText() || !filter.isValid();
    mailboxAccepted.clear();
    mailboxHasText.clear();
    categoryHasText.clear();
}

void LogFilterProxy::Criteria::sync(const LogRecordModel &model)
{
    for (auto i = qsizetype(mailboxAccepted.size()); i < model.mailboxTextCount(); ++i) {
        const QString &text = model.mailboxText(quint32(i));
        mailboxAccepted.push_back(filter.acceptsMailbox(text) ? 1 : 0);
        mailboxHasText.push_back(filter.hasText() && !text.isEmpty() && filter.matchesText(text) ? 1 : 0);
    }
    for (auto i = qsizetype(categoryHasText.size()); i < model.categoryTextCount(); ++i) {
        const QString &text = model.categoryText(quint16(i));
        categoryHasText.push_back(filter.hasText() && !text.isEmpty() && filter.matchesText(text) ? 1 : 0);
    }
}

LogFilterProxy::LogFilterProxy(QObject *parent)
    : QAbstractProxyModel(parent)
{
    m_sliceTimer.setSingleShot(true);
    m_sliceTimer.setInterval(0);
    connect(&m_sliceTimer, &QTimer::timeout, this, [this] { runSlice(m_sliceMs); });
}

LogFilterProxy::~LogFilterProxy() = default;

void LogFilterProxy::setSourceModel(QAbstractItemModel *sourceModel)
{
    auto *model = qobject_cast<LogRecordModel *>(sourceModel);
    Q_ASSERT_X(model || !sourceModel, "LogFilterProxy", "the source must be a LogRecordModel");
    beginResetModel();
    for (const QMetaObject::Connection &connection : std::as_const(m_connections)) {
        disconnect(connection);
    }
    m_connections.clear();
    QAbstractProxyModel::setSourceModel(model);
    m_model = model;
    if (model) {
        m_connections = {
            connect(model, &QAbstractItemModel::rowsInserted, this, &LogFilterProxy::onRowsInserted),
            connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, &LogFilterProxy::onRowsAboutToBeRemoved),
            connect(model, &QAbstractItemModel::rowsRemoved, this, &LogFilterProxy::onRowsRemoved),
            connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &LogFilterProxy::onAboutToBeReset),
            connect(model, &QAbstractItemModel::modelReset, this, &LogFilterProxy::onReset),
            connect(model, &QObject::destroyed, this,
                    [this] {
                        beginResetModel();
                        m_model = nullptr;
                        m_sequences.clear();
                        endResetModel();
                    }),
        };
    }
    const bool wasFiltering = m_job.has_value();
    if (m_job) {
        m_current = std::move(m_job->criteria);
        m_job.reset();
        m_sliceTimer.stop();
    }
    m_current.reset(m_current.filter); // the string caches belong to the previous source
    refilterNow();
    endResetModel();
    if (wasFiltering) {
        Q_EMIT filteringFinished();
    }
}

LogFilter LogFilterProxy::filter() const
{
    return m_job ? m_job->criteria.filter : m_current.filter;
}

void LogFilterProxy::setFilter(const LogFilter &filter)
{
    if (filter == this->filter()) {
        return;
    }
    Job job;
    job.criteria.reset(filter);
    job.scanLow = job.scanHigh = m_model ? m_model->firstSequence() : 0;
    m_job = std::move(job);
    Q_EMIT filteringStarted();
    runSlice(m_sliceMs);
}

void LogFilterProxy::scan(const LogRecordModel &model, Criteria &criteria, qint64 from, qint64 to,
                          std::vector<qint64> &out)
{
    criteria.sync(model);
    for (qint64 sequence = from; sequence < to; ++sequence) {
        if (criteria.accepts(model.entryAtSequence(sequence))) {
            out.push_back(sequence);
        }
    }
}

void LogFilterProxy::runSlice(int budgetMs)
{
    if (!m_job) {
        return;
    }
    Job &job = *m_job;
    if (m_model) {
        const LogRecordModel &model = *m_model;
        QElapsedTimer clock;
        clock.start();
        constexpr qint64 kStep = 2048;
        while (job.scanHigh < model.endSequence()) {
            const qint64 to = qMin(model.endSequence(), job.scanHigh + kStep);
            scan(model, job.criteria, job.scanHigh, to, job.matches);
            job.scanHigh = to;
            if (clock.elapsed() >= budgetMs && job.scanHigh < model.endSequence()) {
                m_sliceTimer.start(); // the rest after pending events
                return;
            }
        }
        // Older records paged in at the top since the job started.
        if (model.firstSequence() < job.scanLow) {
            std::vector<qint64> older;
            scan(model, job.criteria, model.firstSequence(), job.scanLow, older);
            job.matches.insert(job.matches.begin(), older.begin(), older.end());
        }
    }
    beginResetModel();
    m_sequences = std::move(job.matches);
    m_current = std::move(job.criteria);
    m_job.reset();
    endResetModel();
    Q_EMIT filteringFinished();
}

void LogFilterProxy::refilterNow()
{
    m_sequences.clear();
    if (m_model) {
        const LogRecordModel &model = *m_model;
        scan(model, m_current, model.firstSequence(), model.endSequence(), m_sequences);
    }
}

int LogFilterProxy::lowerBoundRow(qint64 sequence) const
{
    return int(std::lower_bound(m_sequences.begin(), m_sequences.end(), sequence) - m_sequences.begin());
}

int LogFilterProxy::rowOfSequence(qint64 sequence) const
{
    const int row = lowerBoundRow(sequence);
    return row < int(m_sequences.size()) && m_sequences[size_t(row)] == sequence ? row : -1;
}

QModelIndex LogFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= int(m_sequences.size()) || column < 0 ||
        column >= LogRecordModel::ColumnCount || !m_model) {
        return {};
    }
    return createIndex(row, column);
}

QModelIndex LogFilterProxy::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex LogFilterProxy::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int LogFilterProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sequences.size());
}

int LogFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_model ? 0 : LogRecordModel::ColumnCount;
}

bool LogFilterProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_sequences.empty();
}

QModelIndex LogFilterProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !m_model || proxyIndex.model() != this) {
        return {};
    }
    const qint64 sequence = m_sequences[size_t(proxyIndex.row())];
    return m_model->index(int(sequence - m_model->firstSequence()), proxyIndex.column());
}

QModelIndex LogFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || !m_model || sourceIndex.model() != m_model) {
        return {};
    }
    const int row = rowOfSequence(m_model->firstSequence() + sourceIndex.row());
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

QVariant LogFilterProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && m_model) {
        return m_model->headerData(section, orientation, role);
    }
    return QAbstractItemModel::headerData(section, orientation, role);
}

void LogFilterProxy::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid() || !m_model) {
        return;
    }
    const LogRecordModel &model = *m_model;
    const qint64 from = model.firstSequence() + first;
    const qint64 to = model.firstSequence() + last + 1;
    std::vector<qint64> accepted;
    scan(model, m_current, from, to, accepted);
    if (accepted.empty()) {
        return;
    }
    const int row = lowerBoundRow(from);
    beginInsertRows({}, row, row + int(accepted.size()) - 1);
    m_sequences.insert(m_sequences.begin() + row, accepted.begin(), accepted.end());
    endInsertRows();
}

void LogFilterProxy::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid() || !m_model) {
        return;
    }
    const qint64 from = m_model->firstSequence() + first;
    const qint64 to = m_model->firstSequence() + last + 1;
    if (m_job) {
        // Sequence numbers that go may be given again to other records: forget them now.
        Job &job = *m_job;
        auto begin = std::lower_bound(job.matches.begin(), job.matches.end(), from);
        auto end = std::lower_bound(begin, job.matches.end(), to);
        job.matches.erase(begin, end);
        if (first == 0) { // the oldest went
            job.scanLow = qMax(job.scanLow, to);
            job.scanHigh = qMax(job.scanHigh, job.scanLow);
        } else { // the newest went
            job.scanHigh = qMin(job.scanHigh, from);
            job.scanLow = qMin(job.scanLow, job.scanHigh);
        }
    }
    m_removeFrom = lowerBoundRow(from);
    m_removeTo = lowerBoundRow(to);
    if (m_removeFrom < m_removeTo) {
        beginRemoveRows({}, m_removeFrom, m_removeTo - 1);
    }
}

void LogFilterProxy::onRowsRemoved(const QModelIndex &parent, int, int)
{
    if (parent.isValid() || m_removeFrom < 0) {
        return;
    }
    if (m_removeFrom < m_removeTo) {
        m_sequences.erase(m_sequences.begin() + m_removeFrom, m_sequences.begin() + m_removeTo);
        endRemoveRows();
    }
    m_removeFrom = m_removeTo = -1;
}

void LogFilterProxy::onAboutToBeReset()
{
    beginResetModel();
}

void LogFilterProxy::onReset()
{
    const bool wasFiltering = m_job.has_value();
    if (m_job) {
        m_current = std::move(m_job->criteria);
        m_job.reset();
        m_sliceTimer.stop();
    }
    refilterNow();
    endResetModel();
    if (wasFiltering) {
        Q_EMIT filteringFinished();
    }
}

} // namespace SyncDesk
