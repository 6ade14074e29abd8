// libFuzzer target: HTML to text on arbitrary (untrusted) HTML. The first byte picks a text limit; beyond
// not crashing, the conversion must keep its promises: a limited conversion that says it was not cut gives
// exactly the unlimited text, and a cut one stays within twice the limit (the last slice's length).

#include "protocol/mime/htmltotext.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace SyncDesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) {
        return 0;
    }
    const qsizetype limit = data[0] == 0xff ? -1 : qsizetype(data[0]) * 4;
    const QString html = QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    bool truncated = false;
    const QString text = HtmlToText::convert(html, limit, &truncated);
    if (limit < 0) {
        if (truncated) {
            std::abort(); // no limit, nothing cut
        }
        return 0;
    }
    if (!truncated && text != HtmlToText::convert(html)) {
        std::abort(); // a limit that was not reached changed the text
    }
    // A slice of text, then at most one link's address or alt text (each capped) beyond the limit.
    if (text.size() > 2 * qMax<qsizetype>(limit, 4096) + 2 * 2048 + 16) {
        std::abort(); // the limit does not bound the work
    }
    return 0;
}
