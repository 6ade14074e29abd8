#pragma once

#include <QByteArray>
#include <QDebug>
#include <QList>

#include <optional>

namespace SyncDesk::Pop3 {

// One complete POP3 server response: a status line (+OK / -ERR), with the dot-unstuffed lines of a
// multi-line response after it, or a SASL continuation ("+ base64").
struct Response
{
    enum class Status { Ok, Err, Continuation };

    Status status = Status::Ok;
    QByteArray code;                // RFC 2449 extended response code: "AUTH", "SYS/TEMP", "IN-USE", ...
    QByteArray text;                // the rest of the status line, code removed
    std::optional<QByteArray> body; // multi-line responses: the data, line endings kept, without the final "."
    // The data was larger than the parser keeps (ParserLimits::maxResponseSize): read past to its final ".",
    // not kept (body is empty); this many bytes were sent. -1 otherwise.
    qint64 bodySkippedBytes = -1;

    bool isOk() const { return status == Status::Ok; }
    bool isErr() const { return status == Status::Err; }
    // The body split into lines without their endings (UIDL, LIST, CAPA).
    QList<QByteArray> lines() const;

    friend bool operator==(const Response &, const Response &) = default;
};

QByteArray dump(const Response &response);
QDebug operator<<(QDebug debug, const Response &response);

} // namespace SyncDesk::Pop3
