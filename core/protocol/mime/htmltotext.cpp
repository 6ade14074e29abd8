#include "htmltotext.h"

#include <QHash>

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

QString decodeEntities(const QString &text)
{
    if (!text.contains(u'&')) {
        return text;
    }
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != u'&') {
            out += c;
            continue;
        }
        const qsizetype semicolon = text.indexOf(u';', i + 1);
        if (semicolon < 0 || semicolon - i > 12) {
            out += c;
            continue;
        }
        const QString entity = text.mid(i + 1, semicolon - i - 1);
        char32_t code = 0;
        if (entity.startsWith(u'#')) {
            bool ok = false;
            const uint value = entity.startsWith(u"#x"_s, Qt::CaseInsensitive) ? entity.mid(2).toUInt(&ok, 16)
                                                                               : entity.mid(1).toUInt(&ok, 10);
            if (ok && value > 0 && value <= 0x10ffff && (value < 0xd800 || value > 0xdfff)) {
                code = value;
            }
        } else {
            code = namedEntities().value(entity, 0);
        }
        if (code == 0) {
            out += c;
            continue;
        }
        out += QString::fromUcs4(&code, 1);
        i = semicolon;
    }
    return out;
}

} // namespace

QString HtmlToText::convert(const QString &html)
{
    QString out;
    out.reserve(html.size() / 2);
    bool pendingSpace = false;
    bool inPre = false;
    QString linkHref;
    qsizetype linkTextStart = -1;

    auto newline = [&](int count) {
        while (out.endsWith(u' ')) {
            out.chop(1);
        }
        int existing = 0;
        for (qsizetype i = out.size() - 1; i >= 0 && out.at(i) == u'\n'; --i) {
            ++existing;
        }
        if (out.isEmpty()) {
            return;
        }
        for (int i = existing; i < count; ++i) {
            out += u'\n';
        }
        pendingSpace = false;
    };
    auto appendText = [&](const QString &text) {
        const QString decoded = decodeEntities(text);
        if (inPre) {
            out += decoded;
            return;
        }
        for (QChar ch : decoded) {
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

    qsizetype i = 0;
    const qsizetype n = html.size();
    while (i < n) {
        const QChar c = html.at(i);
        if (c != u'<') {
            const qsizetype next = html.indexOf(u'<', i);
            const qsizetype end = next < 0 ? n : next;
            appendText(html.mid(i, end - i));
            i = end;
            continue;
        }
        if (html.mid(i, 4) == u"<!--"_s) {
            const qsizetype end = html.indexOf(u"-->"_s, i + 4);
            i = end < 0 ? n : end + 3;
            continue;
        }
        const qsizetype close = html.indexOf(u'>', i + 1);
        if (close < 0) {
            appendText(html.mid(i)); // a stray '<' in text
            break;
        }
        const QString tag = html.mid(i + 1, close - i - 1);
        i = close + 1;
        const bool closing = tag.startsWith(u'/');
        qsizetype nameStart = closing ? 1 : 0;
        qsizetype nameEnd = nameStart;
        while (nameEnd < tag.size() && (tag.at(nameEnd).isLetterOrNumber() || tag.at(nameEnd) == u'!')) {
            ++nameEnd;
        }
        const QString name = tag.mid(nameStart, nameEnd - nameStart).toLower();
        if (!closing && (name == u"script"_s || name == u"style"_s || name == u"head"_s || name == u"title"_s)) {
            const qsizetype end = html.indexOf(u"</"_s + name, i, Qt::CaseInsensitive);
            if (end < 0) {
                break;
            }
            const qsizetype endClose = html.indexOf(u'>', end);
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
                linkHref = attribute(tag, u"href"_s);
                linkTextStart = out.size();
            } else if (linkTextStart >= 0) {
                const QString text = out.mid(linkTextStart).trimmed();
                if (!linkHref.isEmpty() && !linkHref.startsWith(u"mailto:"_s, Qt::CaseInsensitive) &&
                    !linkHref.startsWith(u'#') && text != linkHref && !text.isEmpty()) {
                    out += u" ("_s + decodeEntities(linkHref) + u')';
                }
                linkHref.clear();
                linkTextStart = -1;
            }
        } else if (name == u"img"_s) {
            const QString alt = attribute(tag, u"alt"_s);
            if (!alt.isEmpty()) {
                appendText(u" ["_s + alt + u"] "_s);
            }
        }
    }
    // Trim trailing spaces of each line and the text as a whole.
    QStringList lines = out.split(u'\n');
    for (QString &line : lines) {
        while (line.endsWith(u' ')) {
            line.chop(1);
        }
    }
    return lines.join(u'\n').trimmed();
}

} // namespace SyncDesk
