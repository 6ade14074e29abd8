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

// The stage of the work where a failure happened: what the administrator should look at first.
enum class ErrorStage {
    Unknown,
    Config,     // reading the mailbox's settings or password
    Dns,        // resolving the server's host name
    Connect,    // opening the TCP connection
    Tls,        // TLS handshake, certificate, STARTTLS
    Greeting,   // the server's greeting and capabilities
    Login,      // authentication
    Folder,     // selecting or checking a folder
    Fetch,      // downloading messages
    Parse,      // decoding a message
    Store,      // writing to the CRM store
    Permission, // security permissions of the mailbox's owner
    Send,       // the outgoing (SMTP) endpoint
};

QString errorClassName(ErrorClass errorClass);
// The class as people read it, in their language ("Network", "Netzwerk"); errorClassName() is the id.
QString errorClassTitle(ErrorClass errorClass);
ErrorClass errorClassFromName(const QString &name);
// Whether a failure of this class is normally worth retrying on the regular schedule.
bool isTransientByDefault(ErrorClass errorClass);
QString errorScopeName(ErrorScope scope);
ErrorScope errorScopeFromName(const QString &name);
// "dns", "connect", "tls", ... ; an empty string for Unknown.
QString errorStageName(ErrorStage stage);
ErrorStage errorStageFromName(const QString &name);

} // namespace SyncDesk

Q_DECLARE_METATYPE(SyncDesk::ErrorClass)
Q_DECLARE_METATYPE(SyncDesk::ErrorStage)
