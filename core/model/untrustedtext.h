#pragma once

#include <QString>

namespace SyncDesk::UntrustedText {

// Text that comes from a server or a mail (replies, headers, subjects) is shown and logged as text,
// never interpreted.

// Control characters replaced by U+FFFD: C0 but tab and line feed, DEL, C1 (ESC and CSI sequences could
// drive a terminal), and the bidirectional overrides and isolates (they can reorder what a reader sees).
QString withoutControls(const QString &text);

// A tool tip that shows `text` as it is: escaped, so that Qt never takes it for rich text, with its
// line breaks and spaces kept, and without control characters.
QString toolTip(const QString &text);

} // namespace SyncDesk::UntrustedText
