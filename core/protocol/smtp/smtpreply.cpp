#include "smtpreply.h"

namespace SyncDesk::Smtp {

QByteArray dump(const Reply &reply)
{
    QByteArray out;
    for (qsizetype i = 0; i < reply.lines.size(); ++i) {
        if (i > 0) {
            out += " | ";
        }
        out += QByteArray::number(reply.code) + (i + 1 < reply.lines.size() ? '-' : ' ') + reply.lines.at(i);
    }
    if (reply.lines.isEmpty()) {
        out = QByteArray::number(reply.code);
    }
    return out;
}

} // namespace SyncDesk::Smtp
