#pragma once

#include "diagnostics/result.h"

#include <QString>

namespace SyncDesk::Keychain {

// Passwords in the system keychain through QtKeychain: the Secret Service (GNOME Keyring, KeePassXC, …) or
// KWallet of the session, under the service name "SyncDesk" and an entry name of the administrator's choice
// (usually the mailbox address). The calls block the calling thread until the keychain answers or
// `timeoutMs` passes; they may be called from any thread (the keychain itself is always asked from the
// application's main thread, whose event loop must be running when the caller is another thread).
// Errors are Config class with the password-unavailable hint.
inline constexpr auto kService = "SyncDesk";

Result<QString> read(const QString &entry, int timeoutMs = 15000);
Status write(const QString &entry, const QString &password, int timeoutMs = 15000);
Status remove(const QString &entry, int timeoutMs = 15000);

} // namespace SyncDesk::Keychain
