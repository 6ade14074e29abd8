// libFuzzer target: the GMime-based MIME decoder on arbitrary messages, and the HTML-to-text conversion
// it uses on its own.

#include "protocol/mime/htmltotext.h"
#include "protocol/mime/mimemodule.h"

#include <cstddef>
#include <cstdint>

using namespace SyncDesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    // GMime's side of MimeDecoder::decode, called directly (the product opens it as the MIME module).
    const DecodedMessage decoded = GMimeBackend::decode(input, 4096);
    (void)decoded;
    (void)HtmlToText::convert(QString::fromUtf8(input));
    return 0;
}
