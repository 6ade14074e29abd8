#include "syncerror.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

SyncError SyncError::make(ErrorClass errorClass, const QString &hintId, const QString &message, const QString &detail)
{
    SyncError error;
    error.errorClass = errorClass;
    error.hintId = hintId;
    error.message = message;
    error.detail = detail;
    error.transient = isTransientByDefault(errorClass);
    return error;
}

SyncError SyncError::at(ErrorStage where) const
{
    SyncError located = *this;
    if (located.stage == ErrorStage::Unknown) {
        located.stage = where;
    }
    return located;
}

QString SyncError::toString() const
{
    QString text = errorClassName(errorClass) + u": "_s + message;
    if (!detail.isEmpty() && !message.contains(detail)) {
        text += u" ("_s + detail + u')';
    }
    return text;
}

QDebug operator<<(QDebug debug, const SyncError &error)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "SyncError(" << errorClassName(error.errorClass) << ", " << error.hintId << ", " << error.message
                    << ", detail=" << error.detail << ", stage=" << errorStageName(error.stage) << ')';
    return debug;
}

} // namespace SyncDesk
