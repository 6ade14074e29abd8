#pragma once

#include <QString>

// The boundary between the core and its keychain module (libsyncdesk-keychain.so, built from
// keychainmodule.cpp). QtKeychain, and with it Qt D-Bus, libdbus and libsystemd, is linked into that module
// only, which the core opens the first time a password is read from or written to the keychain: every
// command of the node and the console would otherwise load them at start for what only a keychain password
// source uses (a few milliseconds of each short command). Both sides are built from this header in the same
// build, with the same Qt.
namespace SyncDesk::KeychainModule {

enum class Operation : int { Read = 0, Write = 1, Delete = 2 };

// What the keychain answered, QtKeychain's errors mapped to the few the core tells apart.
// ModuleMissing is the core's own: the module could not be opened.
enum class Outcome : int { Ok = 0, EntryNotFound, NoBackend, AccessDenied, OtherError, ModuleMissing };

struct Answer
{
    bool finished = false; // false: no answer within the timeout
    Outcome outcome = Outcome::OtherError;
    QString errorText;
    QString password;
};

// Runs one keychain job to its end in the calling thread (a nested event loop bounded by timeoutMs).
using RunFunction = void (*)(Operation operation, const QString &service, const QString &entry, const QString &password,
                             int timeoutMs, Answer *answer);

inline constexpr auto kRunSymbol = "syncdesk_keychain_run";
inline constexpr auto kFileName = "libsyncdesk-keychain.so";

} // namespace SyncDesk::KeychainModule
