#include "crmrecord.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

const QStringList &CrmRecord::types()
{
    static const QStringList list{u"account"_s, u"contact"_s,    u"lead"_s,  u"opportunity"_s,
                                  u"case"_s,    u"systemuser"_s, u"queue"_s, u"businessunit"_s};
    return list;
}

bool CrmRecord::isEmailEnabled(const QString &type)
{
    return type == u"account"_s || type == u"contact"_s || type == u"lead"_s || type == u"systemuser"_s ||
           type == u"queue"_s;
}

} // namespace SyncDesk
