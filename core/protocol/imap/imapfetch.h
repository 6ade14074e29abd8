#pragma once

#include "imapresponse.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <optional>

namespace SyncDesk::Imap {

// The items of one "* n FETCH (...)" response that a sync uses.
struct FetchedMessage
{
    quint64 sequence = 0;
    quint32 uid = 0;
    qint64 size = -1;
    QDateTime internalDate;
    std::optional<QByteArray> body; // BODY[] / RFC822; nullopt when not part of the response
    // The body was larger than the parser keeps (ParserLimits::maxLiteralSize): read past, not kept; body is
    // nullopt and this is the size the server really sent (not the RFC822.SIZE it declared). -1 otherwise.
    qint64 bodySkippedBytes = -1;
    std::optional<QByteArray> header; // BODY[HEADER…] (HEADER.FIELDS included); nullopt when not in the response

    friend bool operator==(const FetchedMessage &, const FetchedMessage &) = default;
};

// Reads a FETCH response; nullopt when it is not one or its item list is malformed.
std::optional<FetchedMessage> parseFetch(const Response &response);

// "17-Jul-1996 02:44:25 -0700" as UTC; invalid on malformed input.
QDateTime parseInternalDate(const QByteArray &text);

// Compact UID set for a command: 1:5,7,9:12. Input need not be sorted; duplicates are dropped.
QByteArray uidSet(QList<quint32> uids);

} // namespace SyncDesk::Imap
