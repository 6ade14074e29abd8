#pragma once

#include <QFunctionPointer>
#include <QString>
#include <QStringList>

// SyncDesk's own modules: parts of the product that link a large library of their own (QtKeychain with
// D-Bus; GMime with GIO) and are opened with QLibrary the first time they are used, so that a command that
// does not need them does not pay for loading them at start (see the README's benchmark section: each short
// command of the node, such as a re-sync of an unchanged mailbox, is mostly process start).
namespace SyncDesk::Modules {

// Where modules are looked for, in order: only SYNCDESK_MODULE_DIR when it is set (a relocated
// installation); else LIBDIR/syncdesk relative to the program (the package), then this build's tree (the
// programs and tests run from the build).
QStringList searchPath();

// The function `symbol` of the module `fileName` (libsyncdesk-….so), from the first directory of the search
// path that has it. nullptr when none has it or it cannot be loaded; `problem` then says where it looked and
// why. The module stays loaded for the life of the process.
QFunctionPointer resolve(const char *fileName, const char *symbol, QString *problem);

} // namespace SyncDesk::Modules
