#include "imapcommand.h"

#include <limits>

namespace SyncDesk::Imap {

namespace {

bool isAtomSafe(const QByteArray &bytes)
{
    if (bytes.isEmpty() || bytes.size() > 256) {
        return false;
    }
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == '(' || c == ')' || c == '{' || c == '%' || c == '*' || c == '"' ||
            c == '\\' || c == ']') {
            return false;
        }
    }
    return bytes.compare("NIL", Qt::CaseInsensitive) != 0;
}

bool isQuotable(const QByteArray &bytes)
{
    if (bytes.size() > 1000) {
        return false;
    }
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0 || u == '\r' || u == '\n' || u >= 0x80) {
            return false;
        }
    }
    return true;
}

QByteArray quote(const QByteArray &bytes)
{
    QByteArray out;
    out.reserve(bytes.size() + 2);
    out += '"';
    for (char c : bytes) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    out += '"';
    return out;
}

} // namespace

Command::Command(const QByteArray &name)
    : m_name(name)
{}

Command &Command::atom(const QByteArray &atom)
{
    m_parts.append({atom});
    return *this;
}

Command &Command::number(quint64 number)
{
    m_parts.append({QByteArray::number(number)});
    return *this;
}

Command &Command::astring(const QByteArray &bytes)
{
    if (isAtomSafe(bytes)) {
        m_parts.append({bytes});
        return *this;
    }
    return string(bytes);
}

Command &Command::string(const QByteArray &bytes)
{
    if (isQuotable(bytes)) {
        m_parts.append({quote(bytes)});
    } else {
        m_parts.append({bytes, true});
    }
    return *this;
}

// A mailbox name as a quoted string, or, in UTF-8 mode, as a literal when it holds what a quoted string
// cannot (a line break), which modified UTF-7 would have encoded.
Command &Command::mailbox(const QString &name, MailboxEncoding encoding)
{
    if (encoding == MailboxEncoding::ModifiedUtf7) {
        m_parts.append({quote(encodeMailboxName(name))});
        return *this;
    }
    const QByteArray utf8 = name.toUtf8();
    if (utf8.contains('\r') || utf8.contains('\n') || utf8.contains('\0')) {
        m_parts.append({utf8, true});
    } else {
        m_parts.append({quote(utf8)});
    }
    return *this;
}

Command &Command::mailboxList(const QStringList &names, MailboxEncoding encoding)
{
    // A list is one text part, where a literal cannot sit: in UTF-8 mode a name with a line break (which
    // no real server has) loses it here, is then not reported, and is selected on its own instead.
    QByteArray text = "(";
    for (const QString &name : names) {
        if (text.size() > 1) {
            text += ' ';
        }
        if (encoding == MailboxEncoding::ModifiedUtf7) {
            text += quote(encodeMailboxName(name));
        } else {
            QByteArray utf8 = name.toUtf8();
            utf8.replace('\r', QByteArray()).replace('\n', QByteArray()).replace('\0', QByteArray());
            text += quote(utf8);
        }
    }
    text += ')';
    m_parts.append({text});
    return *this;
}

Command &Command::expectBytes(qint64 bytes)
{
    m_expectedBytes = qMax<qint64>(0, bytes);
    return *this;
}

Command &Command::raw(const QByteArray &text)
{
    m_parts.append({text});
    return *this;
}

Command &Command::sensitive()
{
    m_sensitive = true;
    return *this;
}

Command &Command::continuation(const QByteArray &line)
{
    m_parts.append({line, false, true});
    return *this;
}

QList<QByteArray> Command::chunks(const QByteArray &tag, bool literalPlus) const
{
    return chunks(tag, literalPlus ? std::numeric_limits<qint64>::max() : qint64(0));
}

QList<QByteArray> Command::chunks(const QByteArray &tag, qint64 maxNonSynchronizingLiteral) const
{
    QList<QByteArray> chunks;
    QByteArray current = tag + ' ' + m_name;
    for (const Part &part : m_parts) {
        if (part.afterContinuation) {
            chunks.append(current + "\r\n");
            current = part.text;
            continue;
        }
        current += ' ';
        if (!part.literal) {
            current += part.text;
            continue;
        }
        if (part.text.size() <= maxNonSynchronizingLiteral) {
            current += '{' + QByteArray::number(part.text.size()) + "+}\r\n" + part.text;
        } else {
            current += '{' + QByteArray::number(part.text.size()) + "}\r\n";
            chunks.append(current);
            current = part.text;
        }
    }
    chunks.append(current + "\r\n");
    return chunks;
}

QByteArray Command::redacted(const QByteArray &tag) const
{
    QByteArray out = tag + ' ' + m_name;
    if (m_sensitive) {
        return out + " <credentials hidden>";
    }
    for (const Part &part : m_parts) {
        if (part.afterContinuation) {
            out += " <continuation>";
        } else if (part.literal) {
            out += " {" + QByteArray::number(part.text.size()) + " bytes}";
        } else {
            out += ' ' + part.text;
        }
    }
    return out;
}

// RFC 3501 5.1.3: printable ASCII stands for itself ("&" as "&-"); other characters are UTF-16,
// base64-encoded with ',' instead of '/', between '&' and '-'.
QByteArray encodeMailboxName(const QString &name)
{
    static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";
    QByteArray out;
    QList<char16_t> pending;
    auto flush = [&] {
        if (pending.isEmpty()) {
            return;
        }
        out += '&';
        quint32 buffer = 0;
        int bits = 0;
        for (char16_t unit : pending) {
            buffer = (buffer << 16) | unit;
            bits += 16;
            while (bits >= 6) {
                bits -= 6;
                out += kAlphabet[(buffer >> bits) & 0x3f];
            }
        }
        if (bits > 0) {
            out += kAlphabet[(buffer << (6 - bits)) & 0x3f];
        }
        out += '-';
        pending.clear();
    };
    for (QChar ch : name) {
        const char16_t unit = ch.unicode();
        if (unit >= 0x20 && unit <= 0x7e) {
            flush();
            if (unit == '&') {
                out += "&-";
            } else {
                out += char(unit);
            }
        } else {
            pending.append(unit);
        }
    }
    flush();
    return out;
}

QString decodeMailboxName(const QByteArray &encoded, MailboxEncoding encoding)
{
    return encoding == MailboxEncoding::Utf8 ? QString::fromUtf8(encoded) : decodeMailboxName(encoded);
}

QString decodeMailboxName(const QByteArray &encoded)
{
    QString out;
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded.at(i);
        if (c != '&') {
            out += QLatin1Char(c);
            continue;
        }
        const qsizetype end = encoded.indexOf('-', i + 1);
        if (end < 0) {
            out += QString::fromLatin1(encoded.mid(i)); // malformed: keep as it is
            break;
        }
        if (end == i + 1) {
            out += u'&';
            i = end;
            continue;
        }
        quint32 buffer = 0;
        int bits = 0;
        for (qsizetype j = i + 1; j < end; ++j) {
            const char d = encoded.at(j);
            int value = -1;
            if (d >= 'A' && d <= 'Z') {
                value = d - 'A';
            } else if (d >= 'a' && d <= 'z') {
                value = d - 'a' + 26;
            } else if (d >= '0' && d <= '9') {
                value = d - '0' + 52;
            } else if (d == '+') {
                value = 62;
            } else if (d == ',') {
                value = 63;
            }
            if (value < 0) {
                continue;
            }
            buffer = (buffer << 6) | quint32(value);
            bits += 6;
            if (bits >= 16) {
                bits -= 16;
                out += QChar(char16_t((buffer >> bits) & 0xffff));
            }
        }
        i = end;
    }
    return out;
}

} // namespace SyncDesk::Imap
