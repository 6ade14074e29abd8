#include "imaplist.h"

#include <array>

namespace SyncDesk::Imap {

bool ListedFolder::hasAttribute(const char *attribute) const
{
    for (const QByteArray &candidate : attributes) {
        if (candidate.compare(attribute, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

bool ListedFolder::isSelectable() const
{
    return !hasAttribute("\\Noselect") && !hasAttribute("\\NonExistent");
}

QByteArray ListedFolder::specialUse() const
{
    static constexpr std::array kUses{"\\Sent", "\\Drafts", "\\Trash", "\\Junk", "\\Archive", "\\All", "\\Flagged"};
    for (const char *use : kUses) {
        if (hasAttribute(use)) {
            return QByteArray(use);
        }
    }
    return {};
}

std::optional<ListedFolder> parseList(const Response &response, MailboxEncoding encoding)
{
    // (attributes) delimiter name [extended data, RFC 5258]
    if (!response.is("LIST") || response.data.size() < 3 || !response.data.at(0).isList()) {
        return std::nullopt;
    }
    ListedFolder folder;
    for (const Value &attribute : response.data.at(0).items()) {
        if (!attribute.isAtom()) {
            return std::nullopt;
        }
        folder.attributes.append(attribute.bytes());
    }
    const Value &delimiter = response.data.at(1);
    if (delimiter.isString() && delimiter.bytes().size() == 1) {
        folder.delimiter = QString::fromLatin1(delimiter.bytes());
    } else if (!delimiter.isNil()) {
        return std::nullopt;
    }
    const Value &name = response.data.at(2);
    if ((!name.isAtom() && !name.isString() && !name.isNumber()) || name.text().isEmpty()) {
        return std::nullopt;
    }
    folder.name = decodeMailboxName(name.text(), encoding);
    return folder;
}

} // namespace SyncDesk::Imap
