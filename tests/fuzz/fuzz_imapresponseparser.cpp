// libFuzzer target: the IMAP response parser, fed the input in pieces split where the first bytes say,
// and every helper that reads its responses (FETCH, STATUS, LIST, error classification, dumps).

#include "protocol/imap/imapcommand.h"
#include "protocol/imap/imaperrors.h"
#include "protocol/imap/imapfetch.h"
#include "protocol/imap/imaplist.h"
#include "protocol/imap/imapresponseparser.h"
#include "protocol/imap/imapstatus.h"

#include <cstddef>
#include <cstdint>

using namespace SyncDesk;
using namespace SyncDesk::Imap;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) {
        return 0;
    }
    // First byte: piece size (1..256); second: small limits or the defaults.
    const qsizetype piece = qsizetype(data[0]) + 1;
    ParserLimits limits;
    if (data[1] & 1) {
        limits.maxLineLength = 64;
        limits.maxLiteralSize = 64;
        limits.maxNesting = 4;
    }
    const QByteArray input(reinterpret_cast<const char *>(data) + 2, qsizetype(size) - 2);
    ResponseParser parser(limits);
    for (qsizetype at = 0; at < input.size(); at += piece) {
        parser.feed(input.mid(at, piece));
        Response response;
        while (true) {
            const ResponseParser::State state = parser.next(response);
            if (state != ResponseParser::State::Ready) {
                break;
            }
            (void)dump(response);
            (void)parseFetch(response);
            (void)parseStatus(response);
            if (const auto folder = parseList(response, MailboxEncoding::Utf8)) {
                (void)folder->specialUse();
            }
            if (response.status != ResponseStatus::None) {
                (void)errorFromResponse(response, "FETCH");
            }
            for (const Value &value : response.data) {
                (void)decodeMailboxName(value.text());
                (void)parseInternalDate(value.text());
            }
        }
        if (parser.hasFailed()) {
            break;
        }
    }
    (void)ResponseParser::parseAll(input, limits);
    (void)suggestedBackoffMs(input.left(512));
    return 0;
}
