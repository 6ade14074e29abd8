// Compiled into every executable that links the core (an INTERFACE source of syncdesk_core): installs
// the translators as soon as the application object exists, in the console, the node and the tests alike.

#include "i18n/translations.h"

#include <QCoreApplication>

namespace {

void installSyncDeskTranslations()
{
    SyncDesk::Translations::install();
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(installSyncDeskTranslations)
