#include "mailboxstate.h"

#include <QCoreApplication>

namespace SyncDesk {

using namespace Qt::StringLiterals;

QString intervalReasonName(IntervalReason reason)
{
    switch (reason) {
    case IntervalReason::Normal:
        return u"normal"_s;
    case IntervalReason::Busy:
        return u"busy"_s;
    case IntervalReason::Quiet:
        return u"quiet"_s;
    case IntervalReason::Backoff:
        return u"backoff"_s;
    case IntervalReason::Immediate:
        return u"immediate"_s;
    case IntervalReason::ServerMinimum:
        return u"server-minimum"_s;
    }
    return u"normal"_s;
}

QString intervalReasonTitle(IntervalReason reason)
{
    switch (reason) {
    case IntervalReason::Normal:
        //: Why a mailbox syncs as often as it does: the normal interval
        return QCoreApplication::translate("SyncDesk::IntervalReason", "normal");
    case IntervalReason::Busy:
        //: Why a mailbox syncs as often as it does: much new mail, so more often
        return QCoreApplication::translate("SyncDesk::IntervalReason", "busy");
    case IntervalReason::Quiet:
        //: Why a mailbox syncs as often as it does: little new mail, so less often
        return QCoreApplication::translate("SyncDesk::IntervalReason", "quiet");
    case IntervalReason::Backoff:
        //: Why a mailbox syncs as often as it does: waiting longer after failures
        return QCoreApplication::translate("SyncDesk::IntervalReason", "backing off");
    case IntervalReason::Immediate:
        //: Why a mailbox syncs as often as it does: asked to sync now
        return QCoreApplication::translate("SyncDesk::IntervalReason", "requested now");
    case IntervalReason::ServerMinimum:
        //: Why a mailbox syncs as often as it does: the server allows a login only this often
        return QCoreApplication::translate("SyncDesk::IntervalReason", "the server's minimum");
    }
    return intervalReasonName(reason);
}

IntervalReason intervalReasonFromName(const QString &name)
{
    for (IntervalReason reason : {IntervalReason::Normal, IntervalReason::Busy, IntervalReason::Quiet,
                                  IntervalReason::Backoff, IntervalReason::Immediate, IntervalReason::ServerMinimum}) {
        if (name == intervalReasonName(reason)) {
            return reason;
        }
    }
    return IntervalReason::Normal;
}

} // namespace SyncDesk
