#pragma once

#include <QMetaType>
#include <QString>

namespace SyncDesk {

// The classes of failure every layer reports. Stable: their names are stored in the database,
// printed by the CLI and matched by the hint catalog.
enum class ErrorClass {
    None,
    Network,    // DNS, connect, connection lost
    Timeout,    // a stage took longer than its limit
    Tls,        // handshake, certificate, STARTTLS not offered
    Auth,       // credentials refused, plaintext login disabled
    Throttled,  // the server asks us to slow down
    ServerNo,   // a NO the server did not explain further
    ServerBad,  // the server said our command was bad
    Protocol,   // the server broke the protocol (garbage, unexpected BYE)
    Parse,      // a message or response could not be decoded
    Config,     // our configuration is wrong or incomplete
    Permission, // the owner may not see this record or field
    Store,      // the CRM store failed (locked, read-only, full)
    Cancelled,  // shutdown or the user cancelled
    Internal,   // a bug: should never happen
};

// Where a failure applies.
enum class ErrorScope {
    Item,    // one message; the rest of the sync goes on
    Mailbox, // this mailbox
    Profile, // every mailbox of the server profile
};

QString errorClassName(ErrorClass errorClass);
ErrorClass errorClassFromName(const QString &name);
// Whether a failure of this class is normally worth retrying on the regular schedule.
bool isTransientByDefault(ErrorClass errorClass);
QString errorScopeName(ErrorScope scope);

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::ErrorClass)
