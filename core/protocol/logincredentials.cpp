#include "logincredentials.h"

namespace SyncDesk::Sasl {

namespace {

// RFC 5801's saslname: "," and "=" are escaped in the authorization identity of the GS2 header.
QByteArray saslName(const QString &name)
{
    QByteArray out;
    for (const char c : name.toUtf8()) {
        if (c == ',') {
            out += "=2C";
        } else if (c == '=') {
            out += "=3D";
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

QByteArray chooseBearerMechanism(const std::function<bool(const QByteArray &)> &offers)
{
    for (const QByteArray &candidate : bearerMechanisms()) {
        if (offers(candidate)) {
            return candidate;
        }
    }
    return {};
}

SyncError bearerRefusal(SyncError error, const QString &message, const QByteArray &challenge)
{
    if (error.errorClass != ErrorClass::Auth || error.hintId != QLatin1StringView("auth-failed")) {
        return error;
    }
    error.hintId = QStringLiteral("oauth-token-refused");
    error.message = message;
    if (!challenge.isEmpty()) {
        error.detail = describeBearerChallenge(challenge) + QLatin1Char(' ') + error.detail;
    }
    return error;
}

QByteArray bearerInitialResponse(const QByteArray &mechanism, const LoginCredentials &credentials)
{
    const QByteArray token = credentials.secret.toUtf8();
    if (mechanism == "XOAUTH2") {
        return "user=" + credentials.username.toUtf8() +
               "\x01"
               "auth=Bearer " +
               token + "\x01\x01";
    }
    QByteArray out = "n,a=" + saslName(credentials.username) + ",\x01";
    if (!credentials.host.isEmpty()) {
        out += "host=" + credentials.host.toUtf8() + "\x01";
    }
    if (credentials.port != 0) {
        out += "port=" + QByteArray::number(credentials.port) + "\x01";
    }
    out += "auth=Bearer " + token + "\x01\x01";
    return out;
}

QByteArray bearerErrorAcknowledgement(const QByteArray &mechanism)
{
    return mechanism == "XOAUTH2" ? QByteArray() : QByteArray("\x01").toBase64();
}

QString describeBearerChallenge(const QByteArray &base64)
{
    const QByteArray decoded = QByteArray::fromBase64(base64.trimmed());
    QString text;
    for (const QChar c : QString::fromUtf8(decoded.left(600))) {
        if (c.isPrint()) {
            text.append(c);
        }
    }
    return text.left(300);
}

} // namespace SyncDesk::Sasl
