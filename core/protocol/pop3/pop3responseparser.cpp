#include "pop3responseparser.h"

#include <QCoreApplication>

namespace SyncDesk::Pop3 {

using namespace Qt::StringLiterals;

namespace {

QString printable(const QByteArray &bytes)
{
    QString out;
    const QByteArray shown = bytes.left(160);
    for (char c : shown) {
        const auto u = static_cast<unsigned char>(c);
        if (u == '\r') {
            out += u"\\r"_s;
        } else if (u == '\n') {
            out += u"\\n"_s;
        } else if (u < 0x20 || u >= 0x7f) {
            out += u"\\x"_s + QString::number(u, 16).rightJustified(2, u'0');
        } else {
            out += QLatin1Char(c);
        }
    }
    if (bytes.size() > shown.size()) {
        out += u"..."_s;
    }
    return out;
}

bool startsWithNoCase(const QByteArray &line, const char *prefix, qsizetype length)
{
    return line.size() >= length && qstrnicmp(line.constData(), prefix, length) == 0;
}

} // namespace

ResponseParser::ResponseParser(ParserLimits limits)
    : m_limits(limits)
{}

void ResponseParser::feed(const QByteArray &bytes)
{
    if (!m_failed) {
        m_buffer.append(bytes);
    }
}

ResponseParser::State ResponseParser::fail(const QString &message, const QByteArray &context)
{
    m_failed = true;
    m_error =
        SyncError::make(ErrorClass::Protocol, u"protocol-error"_s,
                        //: %1 says what is wrong with the response
                        QCoreApplication::translate("Pop3ResponseParser", "malformed POP3 response: %1").arg(message),
                        printable(context));
    m_buffer.clear();
    m_pos = 0;
    m_inBody = false;
    m_skipping = false;
    m_pending = {};
    return State::Failed;
}

void ResponseParser::compact()
{
    if (m_pos >= m_buffer.size()) {
        m_buffer.clear();
        m_pos = 0;
    } else if (m_pos > 64 * 1024 && m_pos * 2 > m_buffer.size()) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
}

ResponseParser::State ResponseParser::next(Response &out, bool multiLine)
{
    if (m_failed) {
        return State::Failed;
    }
    const int maxLine = int(m_limits.maxLineLength);
    if (!m_inBody) {
        const qsizetype newline = m_buffer.indexOf('\n', m_pos);
        if (newline < 0) {
            const qsizetype pending = m_buffer.size() - m_pos - (m_buffer.endsWith('\r') ? 1 : 0);
            if (pending > m_limits.maxLineLength) {
                return fail(QCoreApplication::translate("Pop3ResponseParser", "status line longer than %n byte(s)",
                                                        nullptr, maxLine),
                            m_buffer.mid(m_pos, 160));
            }
            return State::NeedMore;
        }
        qsizetype end = newline;
        if (end > m_pos && m_buffer.at(end - 1) == '\r') {
            --end;
        }
        const QByteArray line = m_buffer.mid(m_pos, end - m_pos);
        if (line.size() > m_limits.maxLineLength) {
            return fail(QCoreApplication::translate("Pop3ResponseParser", "status line longer than %n byte(s)", nullptr,
                                                    maxLine),
                        line);
        }
        Response response;
        QByteArray rest;
        if (startsWithNoCase(line, "+OK", 3) && (line.size() == 3 || line.at(3) == ' ')) {
            response.status = Response::Status::Ok;
            rest = line.mid(4);
        } else if (startsWithNoCase(line, "-ERR", 4) && (line.size() == 4 || line.at(4) == ' ')) {
            response.status = Response::Status::Err;
            rest = line.mid(5);
        } else if (line == "+" || line.startsWith("+ ")) {
            response.status = Response::Status::Continuation;
            rest = line.mid(2);
        } else {
            return fail(QCoreApplication::translate("Pop3ResponseParser", "not a POP3 status line (+OK or -ERR)"),
                        line);
        }
        // RFC 2449: "[CODE/SUB] text".
        if (response.status != Response::Status::Continuation && rest.startsWith('[')) {
            const qsizetype close = rest.indexOf(']');
            if (close > 1) {
                response.code = rest.mid(1, close - 1).toUpper();
                rest = rest.mid(close + 1).trimmed();
            }
        }
        response.text = rest;
        m_pos = newline + 1;
        if (!(multiLine && response.isOk())) {
            out = std::move(response);
            compact();
            return State::Ready;
        }
        response.body = QByteArray();
        m_pending = std::move(response);
        m_inBody = true;
    }
    // The body: lines up to one that is just ".", each with a leading "." removed (dot-stuffing).
    QByteArray &body = *m_pending.body;
    while (true) {
        const qsizetype newline = m_buffer.indexOf('\n', m_pos);
        if (newline < 0) {
            const qsizetype pending = m_buffer.size() - m_pos - (m_buffer.endsWith('\r') ? 1 : 0);
            if (pending > m_limits.maxLineLength) {
                return fail(
                    QCoreApplication::translate("Pop3ResponseParser", "line longer than %n byte(s)", nullptr, maxLine),
                    m_buffer.mid(m_pos, 160));
            }
            compact();
            return State::NeedMore;
        }
        qsizetype contentEnd = newline;
        if (contentEnd > m_pos && m_buffer.at(contentEnd - 1) == '\r') {
            --contentEnd;
        }
        if (contentEnd - m_pos > m_limits.maxLineLength) {
            return fail(
                QCoreApplication::translate("Pop3ResponseParser", "line longer than %n byte(s)", nullptr, maxLine),
                m_buffer.mid(m_pos, 160));
        }
        qsizetype start = m_pos;
        m_pos = newline + 1;
        if (m_buffer.at(start) == '.') {
            if (contentEnd == start + 1) {
                out = std::move(m_pending);
                m_pending = {};
                m_inBody = false;
                m_skipping = false;
                compact();
                return State::Ready;
            }
            ++start;
        }
        if (m_skipping) {
            m_pending.bodySkippedBytes += newline + 1 - start;
            continue;
        }
        if (body.size() + (newline + 1 - start) > m_limits.maxResponseSize) {
            // Too large to keep: read past to the final ".", counting.
            m_skipping = true;
            m_pending.bodySkippedBytes = body.size() + (newline + 1 - start);
            body = QByteArray();
            continue;
        }
        body.append(m_buffer.constData() + start, newline + 1 - start);
    }
}

Result<Response> ResponseParser::parseOne(const QByteArray &complete, bool multiLine, ParserLimits limits)
{
    ResponseParser parser(limits);
    parser.feed(complete);
    Response response;
    switch (parser.next(response, multiLine)) {
    case State::Ready:
        if (parser.bufferedBytes() != 0) {
            return SyncError::make(ErrorClass::Protocol, u"protocol-error"_s,
                                   QCoreApplication::translate("Pop3ResponseParser", "bytes after the response"),
                                   printable(complete.right(parser.bufferedBytes())));
        }
        return response;
    case State::Failed:
        return parser.error();
    case State::NeedMore:
        break;
    }
    return SyncError::make(ErrorClass::Protocol, u"protocol-error"_s,
                           QCoreApplication::translate("Pop3ResponseParser", "incomplete response"),
                           printable(complete));
}

} // namespace SyncDesk::Pop3
