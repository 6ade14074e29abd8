#pragma once

#include "diagnostics/result.h"
#include "pop3response.h"

#include <QByteArray>

namespace SyncDesk::Pop3 {

struct ParserLimits
{
    qsizetype maxLineLength = 1024 * 1024; // one line, status or data
    // The data of one multi-line response (a message) kept: larger data is read past to its final "." and
    // dropped (Response::bodySkippedBytes), whatever size LIST declared.
    qint64 maxResponseSize = 256LL * 1024 * 1024;
};

// Incremental parser of POP3 server responses. Bytes go in as they arrive, in pieces of any size;
// complete responses come out. Whether a response has a multi-line body depends on the command it
// answers, so the caller says what it expects; a -ERR never has one. Dot-stuffing is undone. Pure:
// no I/O. A malformed response or a limit exceeded becomes an error value (class Protocol); the parser
// then stays failed.
class ResponseParser final
{
public:
    enum class State { NeedMore, Ready, Failed };

    explicit ResponseParser(ParserLimits limits = {});

    void feed(const QByteArray &bytes);
    // multiLine: an +OK answers a command whose data follows (CAPA, UIDL, LIST, RETR, TOP). Ignored
    // while the body of a response is being read.
    State next(Response &out, bool multiLine);
    const SyncError &error() const { return m_error; }
    bool hasFailed() const { return m_failed; }
    qsizetype bufferedBytes() const { return m_buffer.size() - m_pos; }

    // Parses exactly one complete response.
    static Result<Response> parseOne(const QByteArray &complete, bool multiLine, ParserLimits limits = {});

private:
    State fail(const QString &message, const QByteArray &context);
    void compact();

    ParserLimits m_limits;
    QByteArray m_buffer;
    qsizetype m_pos = 0; // first byte not consumed
    bool m_inBody = false;
    Response m_pending;      // status line read, body in progress
    bool m_skipping = false; // the body in progress is over maxResponseSize: counted, not kept
    bool m_failed = false;
    SyncError m_error;
};

} // namespace SyncDesk::Pop3
