#include "trackrequestmodel.h"

#include "model/untrustedtext.h"
#include "themecolors.h"

#include <QBrush>
#include <QCoreApplication>
#include <QLocale>

namespace SyncDesk {

using namespace Qt::StringLiterals;

TrackRequestModel::TrackRequestModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QString TrackRequestModel::stateText(const QString &state)
{
    // The state is an id ("pending", "done", "failed"): shown in words.
    if (state == u"pending"_s) {
        //: state of a track request
        return tr("pending");
    }
    if (state == u"done"_s) {
        //: state of a track request
        return tr("done");
    }
    if (state == u"failed"_s) {
        //: state of a track request
        return tr("failed");
    }
    return state;
}

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
    static const char *const kTitles[ColumnCount] = {
        //: column: the request's number
        QT_TRANSLATE_NOOP("SyncDesk::TrackRequestModel", "#"),
        QT_TRANSLATE_NOOP("SyncDesk::TrackRequestModel", "Mailbox"),
        //: column: the message's Message-ID header (the header's name, usually kept as it is)
        QT_TRANSLATE_NOOP("SyncDesk::TrackRequestModel", "Message-ID"),
        //: column: the CRM record the message is about
        QT_TRANSLATE_NOOP("SyncDesk::TrackRequestModel", "Regarding"),
        //: column: pending, done or failed
        QT_TRANSLATE_NOOP("SyncDesk::TrackRequestModel", "State"),
        //: column: when it was requested
        QT_TRANSLATE_NOOP("SyncDesk::TrackRequestModel", "Requested"),
        QT_TRANSLATE_NOOP("SyncDesk::TrackRequestModel", "Result"),
    };
    return QCoreApplication::translate("SyncDesk::TrackRequestModel", kTitles[section]);
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
            return tr("Waiting for a sync of the mailbox: an immediate one was asked for; if it fails, the next "
                      "scheduled sync completes it.");
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
        return stateText(request.state);
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
