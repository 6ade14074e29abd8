#include "htmltotext.h"

#include <QHash>

#include <algorithm>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

const QHash<QString, char32_t> &namedEntities()
{
    static const QHash<QString, char32_t> entities{
        {u"amp"_s, U'&'},     {u"lt"_s, U'<'},      {u"gt"_s, U'>'},       {u"quot"_s, U'"'},     {u"apos"_s, U'\''},
        {u"nbsp"_s, 0xa0},    {u"copy"_s, 0xa9},    {u"reg"_s, 0xae},      {u"trade"_s, 0x2122},  {u"euro"_s, 0x20ac},
        {u"pound"_s, 0xa3},   {u"yen"_s, 0xa5},     {u"cent"_s, 0xa2},     {u"sect"_s, 0xa7},     {u"deg"_s, 0xb0},
        {u"middot"_s, 0xb7},  {u"bull"_s, 0x2022},  {u"hellip"_s, 0x2026}, {u"ndash"_s, 0x2013},  {u"mdash"_s, 0x2014},
        {u"lsquo"_s, 0x2018}, {u"rsquo"_s, 0x2019}, {u"ldquo"_s, 0x201c},  {u"rdquo"_s, 0x201d},  {u"laquo"_s, 0xab},
        {u"raquo"_s, 0xbb},   {u"times"_s, 0xd7},   {u"divide"_s, 0xf7},   {u"auml"_s, 0xe4},     {u"ouml"_s, 0xf6},
        {u"uuml"_s, 0xfc},    {u"Auml"_s, 0xc4},    {u"Ouml"_s, 0xd6},     {u"Uuml"_s, 0xdc},     {u"szlig"_s, 0xdf},
        {u"eacute"_s, 0xe9},  {u"egrave"_s, 0xe8},  {u"ecirc"_s, 0xea},    {u"aacute"_s, 0xe1},   {u"agrave"_s, 0xe0},
        {u"acirc"_s, 0xe2},   {u"ccedil"_s, 0xe7},  {u"ntilde"_s, 0xf1},   {u"oacute"_s, 0xf3},   {u"iacute"_s, 0xed},
        {u"uacute"_s, 0xfa},  {u"Eacute"_s, 0xc9},  {u"aring"_s, 0xe5},    {u"oslash"_s, 0xf8},   {u"aelig"_s, 0xe6},
        {u"shy"_s, 0xad},     {u"zwnj"_s, 0x200c},  {u"zwj"_s, 0x200d},    {u"thinsp"_s, 0x2009}, {u"ensp"_s, 0x2002},
        {u"emsp"_s, 0x2003},
    };
    return entities;
}

bool isBlockTag(const QString &name)
{
    static const QStringList blocks{u"p"_s,      u"div"_s,        u"tr"_s, u"table"_s,   u"h1"_s,      u"h2"_s,
                                    u"h3"_s,     u"h4"_s,         u"h5"_s, u"h6"_s,      u"ul"_s,      u"ol"_s,
                                    u"pre"_s,    u"blockquote"_s, u"hr"_s, u"address"_s, u"section"_s, u"article"_s,
                                    u"header"_s, u"footer"_s,     u"dl"_s, u"dt"_s,      u"dd"_s,      u"center"_s};
    return blocks.contains(name);
}

QString attribute(const QString &tag, const QString &name)
{
    const qsizetype at = tag.indexOf(name + u'=', 0, Qt::CaseInsensitive);
    if (at < 0) {
        return {};
    }
    qsizetype pos = at + name.size() + 1;
    if (pos >= tag.size()) {
        return {};
    }
    const QChar quote = tag.at(pos);
    if (quote == u'"' || quote == u'\'') {
        const qsizetype end = tag.indexOf(quote, pos + 1);
        return end < 0 ? QString() : tag.mid(pos + 1, end - pos - 1);
    }
    qsizetype end = pos;
    while (end < tag.size() && !tag.at(end).isSpace() && tag.at(end) != u'>') {
        ++end;
    }
    return tag.mid(pos, end - pos);
}

// The longest entity looked at, "&" and ";" excluded: a bounded look-ahead keeps a text of nothing but
// "&" linear (each "&" once searched the rest of the text for a ";").
constexpr qsizetype kMaxEntityLength = 12;
// A link's address longer than this is not written after its text (nobody reads a 2 KB URL, and a tag
// must not add more than a little to the text); an image's alt text is cut here.
constexpr qsizetype kMaxUrlLength = 2048;
constexpr qsizetype kMaxAltLength = 1024;

// Appends `text` to `out` with its character references decoded; unknown ones stay as they are.
void appendDecoded(QStringView text, QString &out)
{
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype amp = text.indexOf(u'&', i);
        if (amp < 0) {
            out += text.mid(i);
            return;
        }
        out += text.mid(i, amp - i);
        i = amp + 1;
        qsizetype semicolon = -1;
        for (qsizetype j = i; j < text.size() && j - i <= kMaxEntityLength; ++j) {
            const QChar ch = text.at(j);
            if (ch == u';') {
                semicolon = j;
                break;
            }
            if (!ch.isLetterOrNumber() && ch != u'#') {
                break;
            }
        }
        if (semicolon < 0) {
            out += u'&';
            continue;
        }
        const QStringView entity = text.mid(i, semicolon - i);
        char32_t code = 0;
        if (entity.startsWith(u'#')) {
            bool ok = false;
            const bool hex = entity.size() > 1 && (entity.at(1) == u'x' || entity.at(1) == u'X');
            const uint value = hex ? entity.mid(2).toUInt(&ok, 16) : entity.mid(1).toUInt(&ok, 10);
            if (ok && value > 0 && value <= 0x10ffff && (value < 0xd800 || value > 0xdfff)) {
                code = value;
            }
        } else if (!entity.isEmpty()) {
            code = namedEntities().value(entity.toString(), 0);
        }
        if (code == 0) {
            out += u'&';
            continue;
        }
        out += QString::fromUcs4(&code, 1);
        i = semicolon + 1;
    }
}

QString decodeEntities(QStringView text)
{
    QString out;
    out.reserve(text.size());
    appendDecoded(text, out);
    return out;
}

// What may follow "<" in a tag: a letter, "/", "!" or "?". Anything else ("a < b") is text, as browsers
// read it; otherwise one stray "<" would swallow everything up to the next ">".
bool startsTag(QStringView html, qsizetype at)
{
    if (at + 1 >= html.size()) {
        return false;
    }
    const QChar next = html.at(at + 1);
    return next.isLetter() || next == u'/' || next == u'!' || next == u'?';
}

} // namespace

QString HtmlToText::convert(const QString &html, qsizetype maxChars, bool *truncated)
{
    QString out;
    out.reserve(maxChars >= 0 ? std::min(html.size() / 2, maxChars + 16) : html.size() / 2);
    bool pendingSpace = false;
    bool inPre = false;
    QString linkHref;
    qsizetype linkTextStart = -1;
    QString decoded; // reused for each run of text

    auto newline = [&](int count) {
        while (out.endsWith(u' ')) {
            out.chop(1);
        }
        if (out.isEmpty()) {
            return;
        }
        // At most `count` characters back: never a scan of every line break before.
        int existing = 0;
        for (qsizetype i = out.size() - 1; i >= 0 && existing < count && out.at(i) == u'\n'; --i) {
            ++existing;
        }
        for (int i = existing; i < count; ++i) {
            out += u'\n';
        }
        pendingSpace = false;
    };
    auto appendText = [&](QStringView text) {
        if (inPre) {
            appendDecoded(text, out);
            return;
        }
        decoded.clear();
        appendDecoded(text, decoded);
        for (QChar ch : std::as_const(decoded)) {
            if (ch.isSpace() || ch == QChar(0xa0)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && !out.isEmpty() && !out.endsWith(u'\n') && !out.endsWith(u' ')) {
                out += u' ';
            }
            pendingSpace = false;
            out += ch;
        }
    };

    const QStringView source(html);
    qsizetype i = 0;
    const qsizetype n = source.size();
    bool stopped = false;
    while (i < n) {
        if (maxChars >= 0 && out.size() > maxChars) {
            stopped = true;
            break;
        }
        if (source.at(i) != u'<' || !startsTag(source, i)) {
            // Text up to the next "<" that starts a tag.
            qsizetype end = source.indexOf(u'<', i + 1);
            while (end >= 0 && !startsTag(source, end)) {
                end = source.indexOf(u'<', end + 1);
            }
            if (end < 0) {
                end = n;
            }
            // In slices, so that the length check above also bounds one huge run of text; a slice never
            // ends inside a character reference.
            qsizetype sliceEnd = maxChars >= 0 ? std::min(end, i + std::max<qsizetype>(maxChars, 4096)) : end;
            if (sliceEnd < end) {
                const qsizetype amp = source.lastIndexOf(u'&', sliceEnd - 1);
                if (amp > i && sliceEnd - amp <= kMaxEntityLength + 1) {
                    sliceEnd = amp;
                }
            }
            appendText(source.mid(i, sliceEnd - i));
            i = sliceEnd;
            continue;
        }
        if (source.mid(i, 4) == u"<!--") {
            const qsizetype end = source.indexOf(u"-->", i + 4);
            i = end < 0 ? n : end + 3;
            continue;
        }
        const qsizetype close = source.indexOf(u'>', i + 1);
        if (close < 0) {
            appendText(source.mid(i)); // an unclosed tag at the end: its text is all there is
            break;
        }
        const QStringView tag = source.mid(i + 1, close - i - 1);
        i = close + 1;
        const bool closing = tag.startsWith(u'/');
        const qsizetype nameStart = closing ? 1 : 0;
        qsizetype nameEnd = nameStart;
        while (nameEnd < tag.size() && nameEnd - nameStart < 16 &&
               (tag.at(nameEnd).isLetterOrNumber() || tag.at(nameEnd) == u'!')) {
            ++nameEnd;
        }
        const QString name = tag.mid(nameStart, nameEnd - nameStart).toString().toLower();
        if (!closing && (name == u"script"_s || name == u"style"_s || name == u"head"_s || name == u"title"_s)) {
            const qsizetype end = source.indexOf(QString(u"</"_s + name), i, Qt::CaseInsensitive);
            if (end < 0) {
                break;
            }
            const qsizetype endClose = source.indexOf(u'>', end);
            i = endClose < 0 ? n : endClose + 1;
            continue;
        }
        if (name == u"br"_s) {
            out += u'\n';
            pendingSpace = false;
        } else if (name == u"li"_s && !closing) {
            newline(1);
            out += u"• "_s;
        } else if (name == u"td"_s || name == u"th"_s) {
            if (!closing) {
                pendingSpace = true;
            }
        } else if (name == u"pre"_s) {
            inPre = !closing;
            newline(2);
        } else if (isBlockTag(name)) {
            newline(name == u"p"_s || name.startsWith(u'h') ? 2 : 1);
        } else if (name == u"a"_s) {
            if (!closing) {
                linkHref = attribute(tag.toString(), u"href"_s);
                linkTextStart = out.size();
            } else if (linkTextStart >= 0) {
                const QStringView text = QStringView(out).mid(linkTextStart).trimmed();
                if (!linkHref.isEmpty() && linkHref.size() <= kMaxUrlLength &&
                    !linkHref.startsWith(u"mailto:"_s, Qt::CaseInsensitive) && !linkHref.startsWith(u'#') &&
                    text != linkHref && !text.isEmpty()) {
                    out += u" ("_s + decodeEntities(linkHref) + u')';
                }
                linkHref.clear();
                linkTextStart = -1;
            }
        } else if (name == u"img"_s) {
            const QString alt = attribute(tag.toString(), u"alt"_s).left(kMaxAltLength);
            if (!alt.isEmpty()) {
                appendText(QString(u" ["_s + alt + u"] "_s));
            }
        }
    }
    if (maxChars >= 0 && out.size() > maxChars) {
        stopped = true;
    }
    if (truncated) {
        *truncated = stopped;
    }
    // Trim trailing spaces of each line and the text as a whole.
    QString result;
    result.reserve(out.size());
    bool first = true;
    for (QStringView line : QStringView(out).split(u'\n')) {
        if (!first) {
            result += u'\n';
        }
        first = false;
        while (line.endsWith(u' ')) {
            line.chop(1);
        }
        result += line;
    }
    return result.trimmed();
}

} // namespace SyncDesk
