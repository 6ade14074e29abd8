#include "mailboxstate.h"

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
