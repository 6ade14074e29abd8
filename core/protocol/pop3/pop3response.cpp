#include "pop3response.h"

namespace SyncDesk::Pop3 {

QList<QByteArray> Response::lines() const
{
    QList<QByteArray> result;
    if (!body) {
        return result;
    }
    const QByteArray &data = *body;
    qsizetype start = 0;
    while (start < data.size()) {
        qsizetype end = data.indexOf('\n', start);
        const qsizetype next = end < 0 ? data.size() : end + 1;
        if (end < 0) {
            end = data.size();
        }
        if (end > start && data.at(end - 1) == '\r') {
            --end;
        }
        result.append(data.mid(start, end - start));
        start = next;
    }
    return result;
}

QByteArray dump(const Response &response)
{
    QByteArray out;
    switch (response.status) {
    case Response::Status::Ok:
        out = "+OK";
        break;
    case Response::Status::Err:
        out = "-ERR";
        break;
    case Response::Status::Continuation:
        out = "+";
        break;
    }
    if (!response.code.isEmpty()) {
        out += " [" + response.code + ']';
    }
    if (!response.text.isEmpty()) {
        out += ' ' + response.text;
    }
    if (response.body) {
        out += " <" + QByteArray::number(response.body->size()) + " bytes in " +
               QByteArray::number(response.lines().size()) + " lines>";
    }
    return out;
}

QDebug operator<<(QDebug debug, const Response &response)
{
    QDebugStateSaver saver(debug);
    debug.noquote().nospace() << "Pop3::Response(" << dump(response) << ')';
    return debug;
}

} // namespace SyncDesk::Pop3
