// libFuzzer target: the POP3 response parser, fed in pieces, with the first bytes choosing the piece size,
// the limits and which responses are expected to be multi-line.

#include "protocol/pop3/pop3errors.h"
#include "protocol/pop3/pop3responseparser.h"

#include <cstddef>
#include <cstdint>

using namespace SyncDesk;
using namespace SyncDesk::Pop3;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3) {
        return 0;
    }
    const qsizetype piece = qsizetype(data[0]) + 1;
    const quint8 multiLineBits = data[1];
    ParserLimits limits;
    if (data[2] & 1) {
        limits.maxLineLength = 32;
        limits.maxResponseSize = 128;
    }
    const QByteArray input(reinterpret_cast<const char *>(data) + 3, qsizetype(size) - 3);
    ResponseParser parser(limits);
    int index = 0;
    for (qsizetype at = 0; at < input.size(); at += piece) {
        parser.feed(input.mid(at, piece));
        Response response;
        while (parser.next(response, (multiLineBits >> (index % 8)) & 1) == ResponseParser::State::Ready) {
            ++index;
            (void)dump(response);
            (void)response.lines();
            if (response.isErr()) {
                (void)errorFromResponse(response, "RETR");
            }
        }
        if (parser.hasFailed()) {
            break;
        }
    }
    (void)ResponseParser::parseOne(input, multiLineBits & 1, limits);
    return 0;
}
