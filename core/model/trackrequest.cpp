#include "trackrequest.h"

namespace SyncDesk {

QString TrackRequest::normalizeMessageId(const QString &text)
{
    QString id = text.trimmed();
    if (id.startsWith(QLatin1Char('<')) && id.endsWith(QLatin1Char('>'))) {
        id = id.mid(1, id.size() - 2).trimmed();
    }
    if (id.isEmpty() || id.size() > 900) {
        return {};
    }
    for (QChar c : id) {
        if (c.isSpace() || c == QLatin1Char('<') || c == QLatin1Char('>') || c.category() == QChar::Other_Control) {
            return {};
        }
    }
    return id;
}

} // namespace SyncDesk
