#include "trackrequestmodel.h"

#include "model/untrustedtext.h"
#include "themecolors.h"

#include <QBrush>
#include <QLocale>

namespace SyncDesk {

using namespace Qt::StringLiterals;

TrackRequestModel::TrackRequestModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int TrackRequestModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_requests.size());
}

int TrackRequestModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrackRequestModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount) {
        return {};
    }
    static const char16_t *const kTitles[ColumnCount] = {u"#",     u"Mailbox",   u"Message-ID", u"Regarding",
                                                         u"State", u"Requested", u"Result"};
    return QString::fromUtf16(kTitles[section]);
}

QVariant TrackRequestModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const TrackRequest &request = m_requests.at(index.row());
    if (role == Qt::ForegroundRole && index.column() == State) {
        if (request.state == u"failed"_s) {
            return QBrush(ThemeColors::error());
        }
        return request.state == u"done"_s ? QBrush(ThemeColors::success()) : QBrush(ThemeColors::warning());
    }
    if (role == Qt::ToolTipRole && (index.column() == Reason || index.column() == State)) {
        if (request.state == u"pending"_s) {
            return u"Waiting for a sync of the mailbox: an immediate one was asked for; if it fails, the next "
                   "scheduled sync completes it."_s;
        }
        return UntrustedText::toolTip(request.reason);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case Id:
        return request.id;
    case Mailbox:
        return request.mailboxAddress;
    case MessageId:
        return request.messageId;
    case Regarding:
        return request.regarding ? request.regarding->type + u':' + request.regarding->id : QString();
    case State:
        return request.state;
    case Requested:
        return QLocale().toString(request.requestedAt.toLocalTime(), QLocale::ShortFormat);
    case Reason:
        return request.reason;
    default:
        return {};
    }
}

void TrackRequestModel::setRequests(const QList<TrackRequest> &requests)
{
    beginResetModel();
    m_requests = requests;
    endResetModel();
}

} // namespace SyncDesk
