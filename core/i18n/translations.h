#pragma once

#include <QString>

namespace SyncDesk::Translations {

// Installs SyncDesk's translators into the running QCoreApplication, once: the English plural forms
// always, then the translation for the user's language if one ships (and Qt's own for its dialogs).
// The language is the system locale's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), or SYNCDESK_LANGUAGE when
// set ("de", "en", "de_DE"). Every executable that links the core calls this at startup on its own
// (a Q_COREAPP_STARTUP_FUNCTION compiled into it). Returns the language in use, e.g. "de" or "en".
QString install();

// The language install() chose ("en" before it ran).
QString language();

} // namespace SyncDesk::Translations
