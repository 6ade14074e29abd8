#include "syncrun.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

QString syncTriggerName(SyncTrigger trigger)
{
    switch (trigger) {
    case SyncTrigger::Scheduled:
        return u"scheduled"_s;
    case SyncTrigger::Manual:
        return u"manual"_s;
    case SyncTrigger::Once:
        return u"once"_s;
    case SyncTrigger::Push:
        return u"push"_s;
    }
    return u"scheduled"_s;
}

} // namespace SyncDesk
