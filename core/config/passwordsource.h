#pragma once

#include "diagnostics/result.h"

#include <QString>

namespace SyncDesk {

// Where a mailbox's password comes from. Only this reference is stored, never the password:
// "file:/etc/syncdesk/alice.pass" (first line of the file), "env:ALICE_PASSWORD", or
// "keychain:alice@contoso.com" (an entry of the system keychain, service "SyncDesk").
class PasswordSource final
{
public:
    enum class Kind { None, File, Environment, Keychain };

    static PasswordSource fromFile(const QString &absolutePath);
    static PasswordSource fromEnvironment(const QString &variable);
    static PasswordSource fromKeychain(const QString &entry);
    static PasswordSource parse(const QString &encoded);

    Kind kind() const { return m_kind; }
    QString location() const { return m_location; }
    QString encode() const;
    QString describe() const;             // "password file /etc/…" / "environment variable X", translated
    QString describeUntranslated() const; // the same in English, for machine-readable output

    // Reads the password now. Errors are Config class with the password-unavailable hint.
    Result<QString> resolve() const;

private:
    Kind m_kind = Kind::None;
    QString m_location;
};

} // namespace SyncDesk
