#include "imapstatus.h"

#include "imapcommand.h"

namespace SyncDesk::Imap {

std::optional<FolderStatus> parseStatus(const Response &response, MailboxEncoding encoding)
{
    if (!response.is("STATUS") || response.data.size() != 2 || response.data.at(1).type() != Value::Type::List) {
        return std::nullopt;
    }
    const Value &name = response.data.at(0);
    if (!name.isAtom() && !name.isString() && !name.isNumber()) {
        return std::nullopt;
    }
    FolderStatus status;
    status.folder = decodeMailboxName(name.text(), encoding);
    const QList<Value> &items = response.data.at(1).items();
    if (items.size() % 2 != 0) {
        return std::nullopt;
    }
    for (qsizetype i = 0; i + 1 < items.size(); i += 2) {
        const Value &key = items.at(i);
        const Value &value = items.at(i + 1);
        if (!key.isAtom() || !value.isNumber()) {
            return std::nullopt;
        }
        const quint64 number = value.toNumber();
        const QByteArray item = key.bytes().toUpper();
        if (item == "HIGHESTMODSEQ") {
            status.highestModSeq = number;
            continue;
        }
        if (number > 0xffffffffULL) {
            return std::nullopt;
        }
        if (item == "MESSAGES") {
            status.messages = quint32(number);
            status.hasMessages = true;
        } else if (item == "UIDNEXT") {
            status.uidNext = quint32(number);
        } else if (item == "UIDVALIDITY") {
            status.uidValidity = quint32(number);
        }
    }
    return status;
}

} // namespace SyncDesk::Imap
