#include "accessscope.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

QString accessScopeName(AccessScope scope)
{
    switch (scope) {
    case AccessScope::None:
        return u"none"_s;
    case AccessScope::Own:
        return u"own"_s;
    case AccessScope::BusinessUnit:
        return u"business-unit"_s;
    case AccessScope::Organization:
        return u"organization"_s;
    }
    return u"none"_s;
}

AccessScope accessScopeFromName(const QString &name, bool *ok)
{
    for (AccessScope scope :
         {AccessScope::None, AccessScope::Own, AccessScope::BusinessUnit, AccessScope::Organization}) {
        if (name == accessScopeName(scope)) {
            if (ok) {
                *ok = true;
            }
            return scope;
        }
    }
    if (ok) {
        *ok = false;
    }
    return AccessScope::None;
}

} // namespace SyncDesk
