#pragma once

#include <QString>

namespace SyncDesk {

// Readable plain text from an HTML mail body: scripts, styles and comments dropped, block elements and
// <br> as line breaks, list items as bullets, links as "text (url)" when they differ, entities decoded,
// whitespace collapsed. Not a browser: good enough to read and search an email.
class HtmlToText final
{
public:
    static QString convert(const QString &html);
};

} // namespace SyncDesk
