// libFuzzer target: the configuration file parser on arbitrary JSON (and non-JSON) input.

#include "config/configparser.h"

#include <cstddef>
#include <cstdint>

using namespace SyncDesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const ConfigParser::Outcome outcome = ConfigParser::parse(input, QStringLiteral("/nonexistent-fuzz-dir"));
    if (const auto *issues = std::get_if<QList<ConfigIssue>>(&outcome)) {
        for (const ConfigIssue &issue : *issues) {
            (void)issue.toString();
        }
    }
    return 0;
}
