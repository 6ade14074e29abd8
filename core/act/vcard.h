#pragma once

#include "act/actrecords.h"
#include "diagnostics/result.h"

#include <QByteArray>

// The vCard codec of the contacts direction (CardDAV). Our own, not a library: Debian 12 has none that reads
// both vCard 3.0 and 4.0 and writes unknown properties back untouched (see docs/research/caldav-carddav.md §3).
//
// Reading: vCard 3.0 and 4.0, and 2.1's QUOTED-PRINTABLE, BASE64 and CHARSET on the properties SyncDesk models.
// RFC 6350 §3.2 unfolding (CRLF or LF followed by a space or tab), [group.]NAME;params:value with quoted
// parameter values, the text escapes \n \N \, \; \\, and the structured N, ADR and ORG split on unescaped ';'.
// Text stays plain text: nothing is interpreted as HTML or rich text.
//
// What SyncDesk models (everything else is kept only through write()'s `previous`):
//  * UID verbatim (a "urn:uuid:" prefix stays); FN; N (family and given name); the first component of ORG;
//    TITLE; the first ADR (street, city, region, postal code, country); the first NOTE.
//  * EMAIL: all of them, lower case, the preferred one (4.0 PREF, lowest first; 3.0 TYPE=pref) first.
//  * TEL: all of them in card order; TYPE cell or iphone -> mobile, fax -> fax (a work fax is a fax), work,
//    home, anything else -> other. A 4.0 "tel:" URI value is read as the number.
//  * FN missing but N present: FN is the N components joined with spaces (prefix given additional family
//    suffix). N missing but FN present: N is FN split at its last space (given name before, family name
//    after; without a space the whole FN is the family name).
//
// Refused, as ErrorClass::Parse with hint "dav-bad-data" (scope Item, stage Parse): an empty card, more than
// 1 MiB (one card is passed at a time), more than 2000 properties, no BEGIN:VCARD, no END:VCARD, neither FN
// nor N. The error detail gives sizes and counts, never the card's content.

namespace SyncDesk::VCard {

constexpr qsizetype kMaxCardBytes = 1024 * 1024;
constexpr int kMaxProperties = 2000;

Result<ContactCard> parse(const QByteArray &data);

// Writes the card as vCard 3.0 (4.0 when `previous` was 4.0), CRLF line endings, lines folded at 75 octets
// without splitting a UTF-8 sequence. `previous` is the server's current text of the same card: every property
// SyncDesk does not model (PHOTO, X-*, grouped item1.X-ABLabel, BDAY, URL, CATEGORIES, a second ADR, ...) is
// kept exactly as it was and where it was (a label whose email was removed too), and a modelled property whose
// value is unchanged is kept as it was (group and parameters included). Unchanged lists of emails or phones stay
// where they were; a changed list is written in the card's order where its first entry was. A changed N, ORG or
// ADR keeps its group, its parameters and the components SyncDesk does not model (middle name, units, PO box).
// An email kept from `previous` loses its preference mark only where keeping it would change which email reads
// back first. Properties that `previous` lacks go before END:VCARD. A `previous` that does not parse is ignored.
QByteArray write(const ContactCard &card, const QByteArray &previous = {});

} // namespace SyncDesk::VCard
