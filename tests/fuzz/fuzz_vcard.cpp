// libFuzzer target: the vCard codec on a server's card. What parses is written back over its own text (every
// property SyncDesk does not model kept in place) and read again; none of it may crash, hang or grow without bound.

#include "act/vcard.h"

#include <cstddef>
#include <cstdint>

using namespace SyncDesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    auto parsed = VCard::parse(input);
    if (!parsed) {
        return 0;
    }
    ContactCard card = *parsed;
    (void)VCard::parse(VCard::write(card, input));
    // A changed card over the old text: the merge paths.
    card.emails.append(QStringLiteral("new@example.test"));
    card.company.clear();
    (void)VCard::parse(VCard::write(card, input));
    return 0;
}
