#pragma once

#include "imapvalue.h"

#include <QByteArray>
#include <QDebug>
#include <QList>

#include <optional>

namespace SyncDesk::Imap {

// [UIDVALIDITY 3857529045], [CAPABILITY IMAP4rev1 ...], [ALERT], ...
struct ResponseCode
{
    QByteArray name; // upper case
    QList<Value> arguments;

    friend bool operator==(const ResponseCode &, const ResponseCode &) = default;
};

enum class ResponseStatus { None, Ok, No, Bad, Bye, Preauth };

// One complete server response: tagged status, untagged status or data, or a continuation request.
struct Response
{
    enum class Kind { Untagged, Tagged, Continuation };

    Kind kind = Kind::Untagged;
    QByteArray tag;                               // tagged responses only
    ResponseStatus status = ResponseStatus::None; // OK/NO/BAD/BYE/PREAUTH responses
    std::optional<quint64> number;                // "* 23 EXISTS": 23
    QByteArray name;                              // upper case: "OK", "EXISTS", "FETCH", "CAPABILITY", "LIST", ...
    std::optional<ResponseCode> code;
    QByteArray text;   // human-readable text of status responses and continuations
    QList<Value> data; // data responses: everything after the name

    bool isTagged() const { return kind == Kind::Tagged; }
    bool isUntagged() const { return kind == Kind::Untagged; }
    bool isContinuation() const { return kind == Kind::Continuation; }
    bool is(const char *untaggedName) const; // untagged response with this name, case-insensitive

    friend bool operator==(const Response &, const Response &) = default;
};

QByteArray statusName(ResponseStatus status);
QByteArray dump(const Response &response);
QDebug operator<<(QDebug debug, const Response &response);

} // namespace SyncDesk::Imap
