#pragma once

#include "imapcommand.h"
#include "imapresponse.h"

#include <QList>
#include <QString>

#include <optional>

namespace SyncDesk::Imap {

// One folder of a LIST answer (RFC 3501 7.2.2): "* LIST (\HasNoChildren \Sent) "/" "Sent"".
struct ListedFolder
{
    QString name;                 // decoded from modified UTF-7 (or UTF-8)
    QString delimiter;            // the hierarchy delimiter; empty for a flat namespace (NIL)
    QList<QByteArray> attributes; // as sent: \Noselect, \HasChildren, \Sent, ...

    bool hasAttribute(const char *attribute) const; // case-insensitive
    // \Noselect and \NonExistent folders hold no messages: they are only steps of the hierarchy.
    bool isSelectable() const;
    // RFC 6154's use of the folder in its canonical spelling (\Sent, \Drafts, \Trash, \Junk, \Archive,
    // \All, \Flagged), or empty.
    QByteArray specialUse() const;
};

struct FolderList
{
    QList<ListedFolder> folders; // in the server's order
    bool truncated = false;      // the server listed more than the bound; the rest was read past
};

// Reads a LIST response; nullopt when it is not one or is malformed.
std::optional<ListedFolder> parseList(const Response &response,
                                      MailboxEncoding encoding = MailboxEncoding::ModifiedUtf7);

} // namespace SyncDesk::Imap
