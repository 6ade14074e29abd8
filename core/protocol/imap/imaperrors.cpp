#include "imaperrors.h"

#include <QRegularExpression>

namespace SyncDesk::Imap {

using namespace Qt::StringLiterals;

qint64 suggestedBackoffMs(const QByteArray &text)
{
    static const QRegularExpression pattern(
        u"(?:backoff|back-off|retry|wait)[^0-9]{0,30}([0-9]{1,9})\\s*(ms|millisecond|milliseconds|s|sec|second|seconds)?"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(text));
    if (!match.hasMatch()) {
        return 0;
    }
    const qint64 value = match.captured(1).toLongLong();
    const QString unit = match.captured(2).toLower();
    if (unit.startsWith(u's')) {
        return value * 1000;
    }
    return value;
}

SyncError errorFromResponse(const Response &response, const QByteArray &commandName)
{
    const QString text = QString::fromUtf8(response.text).trimmed();
    const QByteArray code = response.code ? response.code->name : QByteArray();
    const QString detail = QString::fromLatin1(dump(response)).left(300);
    const QString command = QString::fromLatin1(commandName);
    const QString said = u"%1 answered %2"_s.arg(command, QString::fromLatin1(statusName(response.status)));
    const QString reason = text.isEmpty() ? QString() : u": "_s + text;

    const bool throttled =
        code == "THROTTLED" || response.text.contains("throttl") || response.text.contains("Throttl");
    if (throttled) {
        SyncError error = SyncError::make(ErrorClass::Throttled, u"throttled"_s,
                                          u"the server is throttling this client"_s + reason, detail);
        error.retryAfterMs = suggestedBackoffMs(response.text);
        return error;
    }
    if (code == "AUTHENTICATIONFAILED" || code == "AUTHORIZATIONFAILED") {
        return SyncError::make(ErrorClass::Auth, u"auth-failed"_s, u"the server rejected the credentials"_s + reason,
                               detail);
    }
    if (code == "PRIVACYREQUIRED") {
        return SyncError::make(ErrorClass::Auth, u"login-disabled"_s,
                               u"the server requires an encrypted connection to log in"_s + reason, detail);
    }
    if (code == "EXPIRED" || code == "CONTACTADMIN") {
        return SyncError::make(ErrorClass::Auth, u"account-locked"_s, u"the account cannot be used"_s + reason, detail);
    }
    if (code == "NONEXISTENT") {
        return SyncError::make(ErrorClass::ServerNo, u"folder-missing"_s, u"the folder does not exist"_s + reason,
                               detail);
    }
    if (code == "OVERQUOTA" || code == "LIMIT") {
        SyncError error = SyncError::make(ErrorClass::ServerNo, u"quota-exceeded"_s,
                                          u"a quota or limit of the account was reached"_s + reason, detail);
        error.transient = true;
        return error;
    }
    if (code == "UNAVAILABLE" || code == "INUSE" || code == "SERVERBUG") {
        SyncError error = SyncError::make(ErrorClass::ServerNo, u"server-no"_s,
                                          u"the server is temporarily unable to answer"_s + reason, detail);
        error.transient = true;
        return error;
    }
    if (response.status == ResponseStatus::Bye) {
        return SyncError::make(ErrorClass::Network, u"server-bye"_s, u"the server closed the session"_s + reason,
                               detail);
    }
    if (response.status == ResponseStatus::Bad) {
        return SyncError::make(ErrorClass::ServerBad, u"server-bad"_s, said + reason, detail);
    }
    if (commandName == "LOGIN" || commandName == "AUTHENTICATE") {
        // Servers without RFC 5530 codes just say NO to a bad password.
        return SyncError::make(ErrorClass::Auth, u"auth-failed"_s, u"the server rejected the credentials"_s + reason,
                               detail);
    }
    if (commandName == "SELECT" || commandName == "EXAMINE" || commandName == "STATUS") {
        return SyncError::make(ErrorClass::ServerNo, u"folder-missing"_s, said + reason, detail);
    }
    return SyncError::make(ErrorClass::ServerNo, u"server-no"_s, said + reason, detail);
}

} // namespace SyncDesk::Imap
