#pragma once

#include "diagnostics/result.h"
#include "imapresponse.h"

#include <QByteArray>

namespace SyncDesk::Imap {

struct ParserLimits
{
    qsizetype maxLineLength = 1024 * 1024; // one line, literals excluded
    // A literal larger than this (a message body over the profile's max_message_bytes) is read past as it
    // arrives and dropped: its value is Value::skippedLiteral(size). Sizes the server announces are never
    // used to reserve memory.
    qint64 maxLiteralSize = 256LL * 1024 * 1024;
    // The bytes of one response held at once, kept literals included: more fails the parser (class Parse),
    // whatever the server declared beforehand.
    qint64 maxResponseSize = 512LL * 1024 * 1024;
    int maxNesting = 64; // nested parenthesized lists
};

// Incremental parser of IMAP server responses. Bytes go in as they arrive, in pieces of any size
// (split between CR and LF, inside a literal, ...); complete responses come out. Pure: no I/O.
// A malformed response becomes an error value (class Protocol), a response over maxResponseSize one of
// class Parse; the parser then stays failed, as the stream can no longer be trusted.
class ResponseParser final
{
public:
    enum class State { NeedMore, Ready, Failed };

    explicit ResponseParser(ParserLimits limits = {});

    void feed(const QByteArray &bytes);
    // Where new bytes may be appended directly, as feed() would (saving the caller's copy); null while the
    // rest of a dropped literal arrives or after a failure, when feed() must be used.
    QByteArray *appendTarget() { return m_failed || m_skipRemaining > 0 ? nullptr : &m_buffer; }
    // Fills `out` and returns Ready when a complete response is buffered.
    State next(Response &out);
    const SyncError &error() const { return m_error; }
    bool hasFailed() const { return m_failed; }
    qsizetype bufferedBytes() const { return m_buffer.size() - m_start; }
    // While a literal is being received: how many of its bytes are still missing (for progress).
    qint64 pendingLiteralBytes() const;

    // Parses exactly one complete response (CRLF included, literals inline).
    static Result<Response> parseOne(const QByteArray &complete, ParserLimits limits = {});
    // Every response in `bytes`; fails on the first malformed one or on trailing incomplete bytes.
    static Result<QList<Response>> parseAll(const QByteArray &bytes, ParserLimits limits = {});

private:
    State fail(const QString &message, const QByteArray &context, ErrorClass errorClass = ErrorClass::Protocol);
    State overBudget(qint64 size);
    void compact();

    ParserLimits m_limits;
    QByteArray m_buffer;
    qsizetype m_start = 0;       // start of the response being framed
    qsizetype m_lineStart = 0;   // start of the current line of that response
    qsizetype m_scan = 0;        // where to continue looking for LF
    qsizetype m_literalEnd = -1; // while waiting for a literal's bytes: where it ends
    qint64 m_skipRemaining = 0;  // bytes of a literal too large to keep, still to be dropped as they arrive
    // Literals of the response being framed that were dropped: where their "{" is, and their size.
    QList<QPair<qsizetype, qint64>> m_skipped;
    bool m_failed = false;
    SyncError m_error;
};

} // namespace SyncDesk::Imap
