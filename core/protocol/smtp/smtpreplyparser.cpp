#include "smtpreplyparser.h"

#include "diagnostics/result.h"

#include <QCoreApplication>

#include <cctype>

namespace SyncDesk::Smtp {

using namespace Qt::StringLiterals;

ReplyParser::ReplyParser(ParserLimits limits)
    : m_limits(limits)
{}

void ReplyParser::feed(const QByteArray &bytes)
{
    if (m_start > 0 && (m_start == m_buffer.size() || m_start > 64 * 1024)) {
        m_buffer.remove(0, m_start);
        m_start = 0;
    }
    m_buffer.append(bytes);
}

ReplyParser::State ReplyParser::fail(const QString &message, const QByteArray &context)
{
    m_failed = true;
    m_error =
        SyncError::make(ErrorClass::Protocol, u"protocol-error"_s, message, QString::fromLatin1(context.left(120)));
    return State::Failed;
}

ReplyParser::State ReplyParser::next(Reply &out)
{
    if (m_failed) {
        return State::Failed;
    }
    const int maxLine = int(m_limits.maxLineLength);
    const int maxLines = m_limits.maxLines;
    while (true) {
        const qsizetype end = m_buffer.indexOf('\n', m_start);
        if (end < 0) {
            if (m_buffer.size() - m_start > m_limits.maxLineLength) {
                return fail(QCoreApplication::translate("SmtpReplyParser",
                                                        "the SMTP server sent a line longer than %n byte(s)", nullptr,
                                                        maxLine),
                            m_buffer.mid(m_start, 80));
            }
            return State::NeedMore;
        }
        QByteArray line = m_buffer.mid(m_start, end - m_start);
        m_start = end + 1;
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        if (line.size() > m_limits.maxLineLength) {
            return fail(QCoreApplication::translate(
                            "SmtpReplyParser", "the SMTP server sent a line longer than %n byte(s)", nullptr, maxLine),
                        line.left(80));
        }
        // "NNN", "NNN text" or "NNN-text".
        if (line.size() < 3 || !std::isdigit(static_cast<unsigned char>(line.at(0))) ||
            !std::isdigit(static_cast<unsigned char>(line.at(1))) ||
            !std::isdigit(static_cast<unsigned char>(line.at(2))) || line.at(0) < '2' || line.at(0) > '5' ||
            (line.size() > 3 && line.at(3) != ' ' && line.at(3) != '-')) {
            return fail(
                QCoreApplication::translate("SmtpReplyParser", "the SMTP server sent a line that is not an SMTP reply"),
                line);
        }
        const int code = line.left(3).toInt();
        const bool more = line.size() > 3 && line.at(3) == '-';
        if (!m_pending.lines.isEmpty() && code != m_pending.code) {
            return fail(
                QCoreApplication::translate("SmtpReplyParser",
                                            "the SMTP server sent a multi-line reply whose lines have different codes"),
                line);
        }
        m_pending.code = code;
        m_pending.lines.append(line.size() > 4 ? line.mid(4) : QByteArray());
        if (m_pending.lines.size() > m_limits.maxLines) {
            return fail(QCoreApplication::translate("SmtpReplyParser",
                                                    "the SMTP server sent a reply of more than %n line(s)", nullptr,
                                                    maxLines),
                        line);
        }
        if (!more) {
            out = std::exchange(m_pending, Reply{});
            return State::Ready;
        }
    }
}

Result<QList<Reply>> ReplyParser::parseAll(const QByteArray &bytes, ParserLimits limits)
{
    ReplyParser parser(limits);
    parser.feed(bytes);
    QList<Reply> replies;
    Reply reply;
    while (true) {
        switch (parser.next(reply)) {
        case State::Ready:
            replies.append(reply);
            continue;
        case State::Failed:
            return parser.error();
        case State::NeedMore:
            if (parser.bufferedBytes() > 0 || !parser.m_pending.lines.isEmpty()) {
                return SyncError::make(
                    ErrorClass::Protocol, u"protocol-error"_s,
                    QCoreApplication::translate("SmtpReplyParser", "the SMTP server's reply is incomplete"));
            }
            return replies;
        }
    }
}

} // namespace SyncDesk::Smtp
