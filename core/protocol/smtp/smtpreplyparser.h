#pragma once

#include "diagnostics/result.h"
#include "smtpreply.h"

#include <QByteArray>

namespace SyncDesk::Smtp {

struct ParserLimits
{
    qsizetype maxLineLength = 64 * 1024; // RFC 5321 says 512; servers send longer EHLO lines
    int maxLines = 1000;                 // lines of one multi-line reply
};

// Incremental parser of SMTP server replies: bytes go in as they arrive, in pieces of any size; complete
// replies come out. A malformed line or a limit exceeded becomes an error value (class Protocol) and the
// parser stays failed. Pure: no I/O.
class ReplyParser final
{
public:
    enum class State { NeedMore, Ready, Failed };

    explicit ReplyParser(ParserLimits limits = {});

    void feed(const QByteArray &bytes);
    State next(Reply &out);
    const SyncError &error() const { return m_error; }
    qsizetype bufferedBytes() const { return m_buffer.size() - m_start; }

    // Every reply in `bytes`; fails on the first malformed one or on trailing incomplete bytes.
    static Result<QList<Reply>> parseAll(const QByteArray &bytes, ParserLimits limits = {});

private:
    State fail(const QString &message, const QByteArray &context); // message: the whole sentence

    ParserLimits m_limits;
    QByteArray m_buffer;
    qsizetype m_start = 0;
    Reply m_pending; // the lines of a multi-line reply read so far
    bool m_failed = false;
    SyncError m_error;
};

} // namespace SyncDesk::Smtp
