#include "imapresponse.h"

namespace SyncDesk::Imap {

bool Response::is(const char *untaggedName) const
{
    return kind == Kind::Untagged && name.compare(untaggedName, Qt::CaseInsensitive) == 0;
}

QByteArray statusName(ResponseStatus status)
{
    switch (status) {
    case ResponseStatus::None:
        return {};
    case ResponseStatus::Ok:
        return "OK";
    case ResponseStatus::No:
        return "NO";
    case ResponseStatus::Bad:
        return "BAD";
    case ResponseStatus::Bye:
        return "BYE";
    case ResponseStatus::Preauth:
        return "PREAUTH";
    }
    return {};
}

QByteArray dump(const Response &response)
{
    QByteArray out;
    switch (response.kind) {
    case Response::Kind::Continuation:
        return "+ " + response.text;
    case Response::Kind::Tagged:
        out = response.tag;
        break;
    case Response::Kind::Untagged:
        out = "*";
        break;
    }
    if (response.number) {
        out += ' ' + QByteArray::number(*response.number);
    }
    out += ' ' + response.name;
    if (response.code) {
        out += " [" + response.code->name;
        for (const Value &argument : response.code->arguments) {
            out += ' ' + dump(argument);
        }
        out += ']';
    }
    for (const Value &value : response.data) {
        out += ' ' + dump(value);
    }
    if (!response.text.isEmpty()) {
        out += ' ' + response.text;
    }
    return out;
}

QDebug operator<<(QDebug debug, const Response &response)
{
    QDebugStateSaver saver(debug);
    debug.noquote().nospace() << dump(response);
    return debug;
}

} // namespace SyncDesk::Imap
