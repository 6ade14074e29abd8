#pragma once

#include "decodedmessage.h"

#include <QByteArray>

namespace SyncDesk {

// Decodes raw RFC 5322 messages with GMime: RFC 2047/2231 headers, addresses, dates, charsets,
// the text body (text/plain preferred, HTML turned into text otherwise) and attachment metadata.
// A malformed message gives what could be decoded plus warnings. Only a missing (or foreign) MIME module fails it:
// decodeFailure and moduleMissing say so. Thread-safe.
class MimeDecoder final
{
public:
    struct Options
    {
        qsizetype maxBodyChars = 1024 * 1024; // longer bodies are cut, with a warning
    };

    static DecodedMessage decode(const QByteArray &raw);
    static DecodedMessage decode(const QByteArray &raw, const Options &options);
};

} // namespace SyncDesk
