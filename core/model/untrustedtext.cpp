#include "untrustedtext.h"

namespace SyncDesk::UntrustedText {

using namespace Qt::StringLiterals;

namespace {

bool isUnsafe(char16_t c)
{
    if (c == u'\t' || c == u'\n') {
        return false;
    }
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

} // namespace

QString withoutControls(const QString &text)
{
    qsizetype first = 0;
    while (first < text.size() && !isUnsafe(text.at(first).unicode())) {
        ++first;
    }
    if (first == text.size()) {
        return text; // the usual case: no copy
    }
    QString out = text;
    for (qsizetype i = first; i < out.size(); ++i) {
        if (isUnsafe(out.at(i).unicode())) {
            out[i] = QChar(0xfffd);
        }
    }
    return out;
}

QString toolTip(const QString &text)
{
    if (text.isEmpty()) {
        return {};
    }
    return u"<p style='white-space:pre-wrap'>"_s + withoutControls(text).toHtmlEscaped() + u"</p>"_s;
}

} // namespace SyncDesk::UntrustedText
