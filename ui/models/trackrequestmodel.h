#pragma once

#include "model/trackrequest.h"

#include <QAbstractTableModel>
#include <QList>

namespace SyncDesk {

// Track requests, newest first: pending, done (what the message became) or failed (why).
class TrackRequestModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    // A request's state ("pending", "done", "failed") in the user's language.
    static QString stateText(const QString &state);
    enum Column { Id, Mailbox, MessageId, Regarding, State, Requested, Reason, ColumnCount };

    explicit TrackRequestModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRequests(const QList<TrackRequest> &requests);
    const QList<TrackRequest> &requests() const { return m_requests; }

private:
    QList<TrackRequest> m_requests;
};

} // namespace SyncDesk
