#pragma once

#include "diagnostics/syncerror.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace SyncDesk {

// What a session logs in with: a password, or an OAuth 2.0 access token (SASL OAUTHBEARER, RFC 7628, or
// XOAUTH2, whichever the server offers, OAUTHBEARER first).
struct LoginCredentials
{
    enum class Kind { Password, Bearer };

    Kind kind = Kind::Password;
    QString username;
    QString secret; // the password or the access token
    // OAUTHBEARER names the server it is meant for (its "host" and "port" keys).
    QString host;
    quint16 port = 0;
    // A token the provider just issued (not one from the cache): when the server refuses it, asking for
    // another will not help.
    bool freshToken = false;

    bool isBearer() const { return kind == Kind::Bearer; }
    // Overwrites the secret in memory.
    void wipe()
    {
        secret.fill(u'\0');
        secret.clear();
    }
};

namespace Sasl {

// The bearer mechanisms in order of preference.
inline const QList<QByteArray> &bearerMechanisms()
{
    static const QList<QByteArray> mechanisms{"OAUTHBEARER", "XOAUTH2"};
    return mechanisms;
}

// The first bearer mechanism the server offers (`offers("OAUTHBEARER")`, …); empty when it offers none.
QByteArray chooseBearerMechanism(const std::function<bool(const QByteArray &)> &offers);

// A refusal of the token: an authentication failure of the server becomes Auth / oauth-token-refused with
// `message`, and what its error challenge said (base64, may be empty) leads the detail. Other errors pass.
SyncError bearerRefusal(SyncError error, const QString &message, const QByteArray &challenge);

// The client's first message of the mechanism (not yet base64-encoded).
QByteArray bearerInitialResponse(const QByteArray &mechanism, const LoginCredentials &credentials);

// What the client answers to a server's error challenge so that the server ends the exchange with a failure:
// "\x01" for OAUTHBEARER (RFC 7628 3.2.3), an empty response for XOAUTH2. Already base64-encoded.
QByteArray bearerErrorAcknowledgement(const QByteArray &mechanism);

// A server's error challenge (base64 JSON such as {"status":"401","schemes":"bearer","scope":"..."}), as text
// for an error's detail; at most 300 characters, control characters removed.
QString describeBearerChallenge(const QByteArray &base64);

} // namespace Sasl

} // namespace SyncDesk
