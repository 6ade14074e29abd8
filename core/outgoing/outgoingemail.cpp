#include "outgoingemail.h"

#include <QCoreApplication>

namespace SyncDesk {

using namespace Qt::StringLiterals;

QString outgoingStatusName(OutgoingStatus status)
{
    switch (status) {
    case OutgoingStatus::Draft:
        return u"draft"_s;
    case OutgoingStatus::PendingSend:
        return u"pending-send"_s;
    case OutgoingStatus::Sending:
        return u"sending"_s;
    case OutgoingStatus::Sent:
        return u"sent"_s;
    case OutgoingStatus::Failed:
        return u"failed"_s;
    case OutgoingStatus::Cancelled:
        return u"cancelled"_s;
    }
    return u"failed"_s;
}

std::optional<OutgoingStatus> outgoingStatusFromName(const QString &name)
{
    const QString key = name.trimmed().toLower().replace(u' ', u'-').replace(u'_', u'-');
    for (OutgoingStatus status : {OutgoingStatus::Draft, OutgoingStatus::PendingSend, OutgoingStatus::Sending,
                                  OutgoingStatus::Sent, OutgoingStatus::Failed, OutgoingStatus::Cancelled}) {
        if (key == outgoingStatusName(status)) {
            return status;
        }
    }
    if (key == u"pending"_s) {
        return OutgoingStatus::PendingSend;
    }
    if (key == u"canceled"_s) {
        return OutgoingStatus::Cancelled;
    }
    return std::nullopt;
}

QString outgoingStatusTitle(OutgoingStatus status)
{
    switch (status) {
    case OutgoingStatus::Draft:
        return QCoreApplication::translate("SyncDesk::OutgoingStatus", "Draft");
    case OutgoingStatus::PendingSend:
        return QCoreApplication::translate("SyncDesk::OutgoingStatus", "Pending Send");
    case OutgoingStatus::Sending:
        return QCoreApplication::translate("SyncDesk::OutgoingStatus", "Sending");
    case OutgoingStatus::Sent:
        return QCoreApplication::translate("SyncDesk::OutgoingStatus", "Sent");
    case OutgoingStatus::Failed:
        return QCoreApplication::translate("SyncDesk::OutgoingStatus", "Failed");
    case OutgoingStatus::Cancelled:
        return QCoreApplication::translate("SyncDesk::OutgoingStatus", "Cancelled");
    }
    return {};
}

} // namespace SyncDesk
