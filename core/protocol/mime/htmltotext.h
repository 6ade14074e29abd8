#pragma once

#include <QString>

namespace SyncDesk {

// Readable plain text from an HTML mail body: scripts, styles and comments dropped, block elements and
// <br> as line breaks, list items as bullets, links as "text (url)" when they differ, entities decoded,
// whitespace collapsed. Not a browser: good enough to read and search an email.
//
// Linear in the input, whatever it holds (mail is untrusted: a body of nothing but "&", "<br>" or
// unclosed tags must not stall a worker). With maxChars ≥ 0 the conversion stops once the text is longer
// than that, and *truncated says so; the caller cuts the text to maxChars.
class HtmlToText final
{
public:
    static QString convert(const QString &html, qsizetype maxChars = -1, bool *truncated = nullptr);
};

} // namespace SyncDesk
