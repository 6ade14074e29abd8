#include "logrecord.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

QString logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return u"debug"_s;
    case LogLevel::Info:
        return u"info"_s;
    case LogLevel::Warning:
        return u"warning"_s;
    case LogLevel::Error:
        return u"error"_s;
    }
    return u"info"_s;
}

LogLevel logLevelFromName(const QString &name, LogLevel fallback)
{
    for (LogLevel level : {LogLevel::Debug, LogLevel::Info, LogLevel::Warning, LogLevel::Error}) {
        if (name.compare(logLevelName(level), Qt::CaseInsensitive) == 0) {
            return level;
        }
    }
    return fallback;
}

} // namespace SyncDesk
