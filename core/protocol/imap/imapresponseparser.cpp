#include "imapresponseparser.h"

#include <QCoreApplication>

#include <limits>

namespace SyncDesk::Imap {

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

// Splits a complete response (its final line ending removed) into tokens.
class Tokenizer
{
public:
    Tokenizer(const QByteArray &data, qsizetype begin, qsizetype end, const ParserLimits &limits,
              const QList<QPair<qsizetype, qint64>> *skipped = nullptr)
        : m_data(data)
        , m_pos(begin)
        , m_end(end)
        , m_limits(limits)
        , m_skipped(skipped)
    {}

    bool atEnd() const { return m_pos >= m_end; }
    char peek() const { return atEnd() ? '\0' : m_data.at(m_pos); }
    qsizetype position() const { return m_pos; }
    void setPosition(qsizetype pos) { m_pos = pos; }
    const QString &error() const { return m_error; }
    bool failed() const { return !m_error.isEmpty(); }

    bool expectSpace()
    {
        if (peek() != ' ') {
            return setError(atEnd() ? QCoreApplication::translate("ImapResponseParser", "response ends too early")
                                    : QCoreApplication::translate("ImapResponseParser", "expected a space"));
        }
        ++m_pos;
        return true;
    }

    void skipSpaces()
    {
        while (!atEnd() && m_data.at(m_pos) == ' ') {
            ++m_pos;
        }
    }

    // An atom; "[...]" runs inside it (section specs) may hold spaces and parentheses.
    QByteArray readAtom()
    {
        const qsizetype begin = m_pos;
        while (!atEnd()) {
            const char c = m_data.at(m_pos);
            if (c == '[') {
                if (!skipBracket()) {
                    return {};
                }
                continue;
            }
            if (c == ' ' || c == '(' || c == ')' || c == '"' || c == '{' || c == '\r' || c == '\n' ||
                static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                break;
            }
            ++m_pos;
        }
        return m_data.mid(begin, m_pos - begin);
    }

    // Up to the matching ']', honouring quoted strings. Returns the position of that ']'.
    qsizetype findClosingBracket(qsizetype from) const
    {
        int depth = 0;
        bool quoted = false;
        for (qsizetype i = from; i < m_end; ++i) {
            const char c = m_data.at(i);
            if (quoted) {
                if (c == '\\') {
                    ++i;
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
            } else if (c == '[') {
                ++depth;
            } else if (c == ']') {
                if (--depth == 0) {
                    return i;
                }
            } else if (c == '\r' || c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    bool readValue(Value &out, int depth)
    {
        if (atEnd()) {
            return setError(
                QCoreApplication::translate("ImapResponseParser", "response ends where a value was expected"));
        }
        const char c = peek();
        if (c == '(') {
            if (depth >= m_limits.maxNesting) {
                const int levels = m_limits.maxNesting;
                return setError(QCoreApplication::translate("ImapResponseParser",
                                                            "lists nested deeper than %n level(s)", nullptr, levels));
            }
            ++m_pos;
            QList<Value> items;
            while (true) {
                skipSpaces();
                if (atEnd()) {
                    return setError(QCoreApplication::translate("ImapResponseParser", "unterminated list"));
                }
                if (peek() == ')') {
                    ++m_pos;
                    break;
                }
                Value item;
                if (!readValue(item, depth + 1)) {
                    return false;
                }
                items.append(std::move(item));
            }
            out = Value::list(items);
            return true;
        }
        if (c == '"') {
            QByteArray text;
            if (!readQuoted(text)) {
                return false;
            }
            out = Value::string(text);
            return true;
        }
        if (c == '{') {
            QByteArray bytes;
            qint64 skippedSize = -1;
            if (!readLiteral(bytes, skippedSize)) {
                return false;
            }
            out = skippedSize >= 0 ? Value::skippedLiteral(skippedSize) : Value::string(bytes);
            return true;
        }
        if (c == ')') {
            return setError(QCoreApplication::translate("ImapResponseParser", "unexpected ')'"));
        }
        const QByteArray atom = readAtom();
        if (failed()) {
            return false;
        }
        if (atom.isEmpty()) {
            return setError(QCoreApplication::translate("ImapResponseParser", "unexpected character 0x%1")
                                .arg(QString::number(static_cast<unsigned char>(peek()), 16).rightJustified(2, u'0')));
        }
        out = toValue(atom);
        return true;
    }

    static Value toValue(const QByteArray &atom)
    {
        if (atom.compare("NIL", Qt::CaseInsensitive) == 0) {
            return Value::nil();
        }
        if (atom.size() <= 20 && std::all_of(atom.begin(), atom.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            bool ok = false;
            const quint64 number = atom.toULongLong(&ok);
            if (ok) {
                return Value::number(number);
            }
        }
        return Value::atom(atom);
    }

    bool readQuoted(QByteArray &out)
    {
        ++m_pos; // opening quote
        while (!atEnd()) {
            const char c = m_data.at(m_pos++);
            if (c == '"') {
                return true;
            }
            if (c == '\\') {
                if (atEnd()) {
                    break;
                }
                out += m_data.at(m_pos++);
                continue;
            }
            if (c == '\r' || c == '\n') {
                return setError(QCoreApplication::translate("ImapResponseParser", "line break inside a quoted string"));
            }
            out += c;
        }
        return setError(QCoreApplication::translate("ImapResponseParser", "unterminated quoted string"));
    }

    bool readLiteral(QByteArray &out, qint64 &skippedSize)
    {
        const qsizetype open = m_pos;
        const qsizetype close = m_data.indexOf('}', m_pos);
        if (close < 0 || close >= m_end) {
            return setError(QCoreApplication::translate("ImapResponseParser", "malformed literal"));
        }
        QByteArray digits = m_data.mid(m_pos + 1, close - m_pos - 1);
        if (digits.endsWith('+')) {
            digits.chop(1);
        }
        bool ok = false;
        const qint64 size = digits.toLongLong(&ok);
        if (!ok || size < 0 || digits.isEmpty() || digits.startsWith('+') || digits.startsWith('-')) {
            return setError(QCoreApplication::translate("ImapResponseParser", "malformed literal size"));
        }
        qsizetype pos = close + 1;
        if (pos < m_end && m_data.at(pos) == '\r') {
            ++pos;
        }
        if (pos >= m_end || m_data.at(pos) != '\n') {
            return setError(
                QCoreApplication::translate("ImapResponseParser", "literal size not followed by a line break"));
        }
        ++pos;
        if (m_skipped) {
            // Read past by the framing: no bytes follow the line break here.
            const auto dropped = std::find_if(m_skipped->cbegin(), m_skipped->cend(),
                                              [open](const auto &entry) { return entry.first == open; });
            if (dropped != m_skipped->cend()) {
                skippedSize = dropped->second;
                m_pos = pos;
                return true;
            }
        }
        if (size > m_end - pos) {
            return setError(QCoreApplication::translate("ImapResponseParser", "literal shorter than announced"));
        }
        out = m_data.mid(pos, size);
        m_pos = pos + size;
        return true;
    }

    QByteArray rest() const { return m_data.mid(m_pos, m_end - m_pos); }

private:
    bool skipBracket()
    {
        const qsizetype close = findClosingBracket(m_pos);
        if (close < 0) {
            return setError(QCoreApplication::translate("ImapResponseParser", "unterminated '['"));
        }
        m_pos = close + 1;
        return true;
    }

    bool setError(const QString &message)
    {
        if (m_error.isEmpty()) {
            m_error = message;
        }
        return false;
    }

    const QByteArray &m_data;
    qsizetype m_pos;
    qsizetype m_end;
    const ParserLimits &m_limits;
    const QList<QPair<qsizetype, qint64>> *m_skipped = nullptr;
    QString m_error;
};

bool isStatusName(const QByteArray &name, ResponseStatus &status)
{
    static const std::pair<const char *, ResponseStatus> kStatuses[] = {
        {"OK", ResponseStatus::Ok},   {"NO", ResponseStatus::No},           {"BAD", ResponseStatus::Bad},
        {"BYE", ResponseStatus::Bye}, {"PREAUTH", ResponseStatus::Preauth},
    };
    for (const auto &[text, value] : kStatuses) {
        if (name == text) {
            status = value;
            return true;
        }
    }
    return false;
}

bool isValidTag(const QByteArray &tag)
{
    if (tag.isEmpty()) {
        return false;
    }
    for (char c : tag) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == '(' || c == ')' || c == '{' || c == '%' || c == '*' || c == '"' ||
            c == '\\' || c == '+') {
            return false;
        }
    }
    return true;
}

// Whether the line [begin, end) is a continuation request or a status response (tagged or untagged OK,
// NO, BAD, BYE, PREAUTH): responses whose rest is text.
bool isTextResponse(const QByteArray &buffer, qsizetype begin, qsizetype end)
{
    if (buffer.at(begin) == '+') {
        return true;
    }
    const qsizetype space = buffer.indexOf(' ', begin);
    if (space < 0 || space >= end) {
        return false;
    }
    qsizetype nameEnd = buffer.indexOf(' ', space + 1);
    if (nameEnd < 0 || nameEnd > end) {
        nameEnd = end;
    }
    const QByteArray name = buffer.mid(space + 1, nameEnd - space - 1).toUpper();
    return name == "OK" || name == "NO" || name == "BAD" || name == "BYE" || name == "PREAUTH";
}

// Parses "[CODE args] text" or "text" after a status name.
bool parseResponseText(Tokenizer &tokens, const QByteArray &data, qsizetype end, const ParserLimits &limits,
                       Response &response)
{
    if (tokens.atEnd()) {
        return true; // "* OK" with no text: tolerated
    }
    if (!tokens.expectSpace()) {
        return false;
    }
    if (tokens.peek() == '[') {
        const qsizetype open = tokens.position();
        const qsizetype close = tokens.findClosingBracket(open);
        if (close < 0) {
            // Not a response code after all (a '[' in free text): keep it as text.
            response.text = tokens.rest();
            return true;
        }
        Tokenizer code(data, open + 1, close, limits);
        ResponseCode responseCode;
        responseCode.name = code.readAtom().toUpper();
        while (!code.failed() && !code.atEnd()) {
            code.skipSpaces();
            if (code.atEnd()) {
                break;
            }
            Value argument;
            if (!code.readValue(argument, 0)) {
                break;
            }
            responseCode.arguments.append(argument);
        }
        if (code.failed() || responseCode.name.isEmpty()) {
            // Servers put free-form text in codes; keep it rather than reject the response.
            responseCode.arguments = {
                Value::atom(data.mid(open + 1, close - open - 1).mid(responseCode.name.size()).trimmed())};
        }
        response.code = responseCode;
        tokens.setPosition(close + 1);
        if (tokens.peek() == ' ') {
            tokens.setPosition(close + 2);
        }
    }
    Q_UNUSED(end)
    response.text = tokens.rest();
    return true;
}

} // namespace

ResponseParser::ResponseParser(ParserLimits limits)
    : m_limits(limits)
{}

void ResponseParser::feed(const QByteArray &bytes)
{
    if (m_failed) {
        return;
    }
    if (m_skipRemaining > 0) {
        // The rest of a literal too large to keep: dropped as it arrives.
        const qsizetype dropped = qsizetype(qMin<qint64>(m_skipRemaining, bytes.size()));
        m_skipRemaining -= dropped;
        if (dropped < bytes.size()) {
            m_buffer.append(bytes.constData() + dropped, bytes.size() - dropped);
        }
        return;
    }
    m_buffer.append(bytes);
}

qint64 ResponseParser::pendingLiteralBytes() const
{
    return m_skipRemaining + (m_literalEnd < 0 ? 0 : qMax<qint64>(0, m_literalEnd - m_buffer.size()));
}

ResponseParser::State ResponseParser::fail(const QString &message, const QByteArray &context, ErrorClass errorClass)
{
    m_failed = true;
    m_error = errorClass == ErrorClass::Protocol
                  ? SyncError::make(
                        ErrorClass::Protocol, u"protocol-error"_s,
                        //: %1 says what is wrong with the response
                        QCoreApplication::translate("ImapResponseParser", "malformed IMAP response: %1").arg(message),
                        printable(context))
                  : SyncError::make(errorClass, u"response-too-large"_s, message, printable(context));
    m_buffer.clear();
    m_buffer.squeeze();
    m_start = m_lineStart = m_scan = 0;
    m_literalEnd = -1;
    m_skipRemaining = 0;
    m_skipped.clear();
    return State::Failed;
}

ResponseParser::State ResponseParser::overBudget(qint64 size)
{
    // %n is an int: a larger size is shown as the largest int.
    const int bytes = int(qMin<qint64>(size, std::numeric_limits<int>::max()));
    //: %1 is the limit, a large number of bytes (512 MiB by default)
    return fail(QCoreApplication::translate(
                    "ImapResponseParser",
                    "the server sent a response of at least %n byte(s), more than the %1 bytes a session may hold "
                    "at once (response budget)",
                    nullptr, bytes)
                    .arg(m_limits.maxResponseSize),
                m_buffer.mid(m_start, 160), ErrorClass::Parse);
}

void ResponseParser::compact()
{
    if (m_start == 0) {
        return;
    }
    if (m_start >= m_buffer.size()) {
        m_buffer.clear();
        m_start = m_lineStart = m_scan = 0;
        return;
    }
    if (m_start > 64 * 1024 && m_start * 2 > m_buffer.size()) {
        m_buffer.remove(0, m_start);
        m_lineStart -= m_start;
        m_scan -= m_start;
        if (m_literalEnd >= 0) {
            m_literalEnd -= m_start;
        }
        m_start = 0;
    }
}

ResponseParser::State ResponseParser::next(Response &out)
{
    if (m_failed) {
        return State::Failed;
    }
    const int maxLine = int(m_limits.maxLineLength);
    while (true) {
        if (m_skipRemaining > 0) {
            return State::NeedMore;
        }
        if (m_literalEnd >= 0) {
            if (m_buffer.size() < m_literalEnd) {
                if (m_buffer.size() - m_start > m_limits.maxResponseSize) {
                    return overBudget(m_buffer.size() - m_start);
                }
                return State::NeedMore;
            }
            m_lineStart = m_scan = m_literalEnd;
            m_literalEnd = -1;
        }
        const qsizetype newline = m_buffer.indexOf('\n', m_scan);
        if (newline < 0) {
            // A CR waiting for its LF is not part of the line's length.
            const qsizetype pending = m_buffer.size() - m_lineStart - (m_buffer.endsWith('\r') ? 1 : 0);
            if (pending > m_limits.maxLineLength) {
                return fail(
                    QCoreApplication::translate("ImapResponseParser", "line longer than %n byte(s)", nullptr, maxLine),
                    m_buffer.mid(m_lineStart, 160));
            }
            if (m_buffer.size() - m_start > m_limits.maxResponseSize) {
                return overBudget(m_buffer.size() - m_start);
            }
            m_scan = m_buffer.size();
            return State::NeedMore;
        }
        qsizetype lineEnd = newline;
        if (lineEnd > m_lineStart && m_buffer.at(lineEnd - 1) == '\r') {
            --lineEnd;
        }
        if (lineEnd - m_lineStart > m_limits.maxLineLength) {
            return fail(
                QCoreApplication::translate("ImapResponseParser", "line longer than %n byte(s)", nullptr, maxLine),
                m_buffer.mid(m_lineStart, 160));
        }
        // A line ending in {N} or {N+} announces N bytes of literal data after the line break — except in a
        // status response or a continuation request, whose free text may end that way and which never
        // carry literals (RFC 3501 resp-text).
        if (lineEnd > m_lineStart && m_buffer.at(lineEnd - 1) == '}' &&
            !(m_lineStart == m_start && isTextResponse(m_buffer, m_start, lineEnd))) {
            const qsizetype open = m_buffer.lastIndexOf('{', lineEnd - 1);
            if (open >= m_lineStart) {
                QByteArray digits = m_buffer.mid(open + 1, lineEnd - 1 - open - 1);
                if (digits.endsWith('+')) {
                    digits.chop(1);
                }
                const bool numeric =
                    !digits.isEmpty() && digits.size() <= 19 &&
                    std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
                if (numeric) {
                    const qint64 size = digits.toLongLong();
                    const qsizetype literalStart = newline + 1;
                    if (size > m_limits.maxLiteralSize) {
                        // Too large to keep: dropped, what is buffered now and the rest as it arrives.
                        const qsizetype buffered = qsizetype(qMin<qint64>(size, m_buffer.size() - literalStart));
                        m_buffer.remove(literalStart, buffered);
                        m_skipRemaining = size - buffered;
                        m_skipped.append({open, size});
                        m_lineStart = m_scan = literalStart;
                        continue;
                    }
                    if (literalStart - m_start + size > m_limits.maxResponseSize) {
                        return overBudget(literalStart - m_start + size);
                    }
                    m_literalEnd = literalStart + qsizetype(size);
                    continue;
                }
            }
        }
        // The response is complete: [m_start, lineEnd).
        const qsizetype begin = m_start;
        m_start = m_lineStart = m_scan = newline + 1;

        const QList<QPair<qsizetype, qint64>> skipped = std::exchange(m_skipped, {});
        Tokenizer tokens(m_buffer, begin, lineEnd, m_limits, skipped.isEmpty() ? nullptr : &skipped);
        Response response;
        const QByteArray context = m_buffer.mid(begin, qMin<qsizetype>(lineEnd - begin, 160));
        if (tokens.peek() == '+') {
            response.kind = Response::Kind::Continuation;
            tokens.setPosition(begin + 1);
            if (tokens.peek() == ' ') {
                tokens.setPosition(begin + 2);
            }
            response.text = tokens.rest();
            out = std::move(response);
            compact();
            return State::Ready;
        }
        const QByteArray tag = tokens.readAtom();
        if (tag == "*") {
            response.kind = Response::Kind::Untagged;
        } else if (isValidTag(tag)) {
            response.kind = Response::Kind::Tagged;
            response.tag = tag;
        } else {
            return fail(QCoreApplication::translate("ImapResponseParser", "response does not start with a tag"),
                        context);
        }
        if (!tokens.expectSpace()) {
            return fail(tokens.error(), context);
        }
        QByteArray name = tokens.readAtom();
        if (tokens.failed()) {
            return fail(tokens.error(), context);
        }
        if (response.isUntagged() && !name.isEmpty() &&
            std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            bool ok = false;
            response.number = name.toULongLong(&ok);
            if (!ok || !tokens.expectSpace()) {
                return fail(tokens.failed() ? tokens.error()
                                            : QCoreApplication::translate("ImapResponseParser", "number out of range"),
                            context);
            }
            name = tokens.readAtom();
            if (tokens.failed()) {
                return fail(tokens.error(), context);
            }
        }
        if (name.isEmpty()) {
            return fail(QCoreApplication::translate("ImapResponseParser", "response without a name"), context);
        }
        response.name = name.toUpper();
        const bool isStatus = isStatusName(response.name, response.status);
        if (response.isTagged() &&
            (!isStatus || response.status == ResponseStatus::Bye || response.status == ResponseStatus::Preauth)) {
            return fail(QCoreApplication::translate("ImapResponseParser", "tagged response is not OK, NO or BAD"),
                        context); // RFC 3501 7.1
        }
        if (isStatus) {
            if (response.number) {
                return fail(QCoreApplication::translate("ImapResponseParser", "status response with a number"),
                            context);
            }
            if (!parseResponseText(tokens, m_buffer, lineEnd, m_limits, response)) {
                return fail(tokens.error(), context);
            }
        } else {
            while (true) {
                tokens.skipSpaces();
                if (tokens.atEnd()) {
                    break;
                }
                Value value;
                if (!tokens.readValue(value, 0)) {
                    return fail(tokens.error(), context);
                }
                response.data.append(std::move(value));
            }
        }
        out = std::move(response);
        compact();
        return State::Ready;
    }
}

Result<Response> ResponseParser::parseOne(const QByteArray &complete, ParserLimits limits)
{
    auto all = parseAll(complete, limits);
    if (!all) {
        return all.error();
    }
    if (all->size() != 1) {
        return SyncError::make(
            ErrorClass::Protocol, u"protocol-error"_s,
            QCoreApplication::translate("ImapResponseParser", "expected one response, got %1").arg(all->size()));
    }
    return all->constFirst();
}

Result<QList<Response>> ResponseParser::parseAll(const QByteArray &bytes, ParserLimits limits)
{
    ResponseParser parser(limits);
    parser.feed(bytes);
    QList<Response> responses;
    Response response;
    while (true) {
        switch (parser.next(response)) {
        case State::Ready:
            responses.append(response);
            continue;
        case State::Failed:
            return parser.error();
        case State::NeedMore:
            if (parser.bufferedBytes() > 0) {
                return SyncError::make(ErrorClass::Protocol, u"protocol-error"_s,
                                       QCoreApplication::translate("ImapResponseParser", "incomplete response"),
                                       printable(bytes.right(parser.bufferedBytes())));
            }
            return responses;
        }
    }
}

} // namespace SyncDesk::Imap
