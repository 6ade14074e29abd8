#pragma once

#include "diagnostics/result.h"

#include <QDateTime>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

namespace SyncDesk {

// What is kept of one mailbox's OAuth sign-in between runs. Access tokens are not: they live in memory only.
struct OAuthTokenRecord
{
    QString address;
    QString refreshToken;
    QString scope;         // what the provider granted, as it said
    QDateTime signedInAt;  // the last interactive sign-in
    QDateTime refreshedAt; // the last successful refresh
    QDateTime accessExpiresAt;
    QDateTime refreshExpiresAt; // when the provider said (refresh_token_expires_in); invalid when it did not
    bool needsSignIn = false;   // the provider refused the refresh token: only a new sign-in helps
    QString problem;            // why, in the provider's words ("invalid_grant: ...")
    QDateTime problemAt;
};

// The refresh tokens of the mailboxes that sign in with OAuth: one file per mailbox in a folder of the node's
// state directory (folder 0700, files 0600). With `keychain`, the refresh token itself goes to the system
// keychain (entry "oauth:ADDRESS", service "SyncDesk") and the file keeps only the dates and state. Every
// write goes to a new file that replaces the old one with rename(2), after fsync: a crash leaves the old token
// or the new one, never a mix and never none. Safe to use from any thread.
class OAuthTokenStore final
{
public:
    enum class SecretLocation { File, Keychain };

    explicit OAuthTokenStore(const QString &directory, SecretLocation secrets = SecretLocation::File);

    // The folder a node keeps tokens in: $SYNCDESK_STATE_DIR/oauth when set, else "oauth" beside the database
    // file (`databasePath`; for PostgreSQL, beside the default SQLite location).
    static QString defaultDirectory(const QString &databasePath);
    // The store a process uses for a database (an SQLite path, or empty for PostgreSQL): defaultDirectory(), the
    // refresh tokens in the keychain when SYNCDESK_OAUTH_TOKENS=keychain.
    static std::shared_ptr<OAuthTokenStore> forDatabase(const QString &databasePath);

    QString directory() const { return m_directory; }
    SecretLocation secretLocation() const { return m_secrets; }

    // The mailbox's record; nullopt when it never signed in (or logged out). Errors: unreadable or damaged file.
    Result<std::optional<OAuthTokenRecord>> load(const QString &address) const;
    Status save(const OAuthTokenRecord &record);
    Status remove(const QString &address);
    // Addresses with a record, sorted.
    QStringList addresses() const;

    QString pathOf(const QString &address) const;
    // Tests: every save fails as a full or read-only disk would.
    void failWritesForTesting(bool fail) { m_failWrites = fail; }

private:
    QString m_directory;
    SecretLocation m_secrets;
    mutable QMutex m_mutex;
    std::atomic_bool m_failWrites = false;
};

} // namespace SyncDesk
