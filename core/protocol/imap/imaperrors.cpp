#include "imaperrors.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <initializer_list>

namespace SyncDesk::Imap {

using namespace Qt::StringLiterals;

qint64 suggestedBackoffMs(const QByteArray &text)
{
    static const QRegularExpression pattern(
        u"(?:backoff|back-off|retry|wait|try again)[^0-9]{0,30}([0-9]{1,9})\\s*(ms|millisecond|milliseconds|s|sec|second|seconds)?"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(text));
    if (!match.hasMatch()) {
        return 0;
    }
    const qint64 value = match.captured(1).toLongLong();
    const QString unit = match.captured(2).toLower();
    // At most a day: whatever a server says, a mailbox is not parked longer than that.
    constexpr qint64 kMaxMs = 24LL * 3600 * 1000;
    return std::min(unit.startsWith(u's') ? value * 1000 : value, kMaxMs);
}

ErrorStage stageOfCommand(const QByteArray &commandName)
{
    if (commandName == "LOGIN" || commandName == "AUTHENTICATE") {
        return ErrorStage::Login;
    }
    if (commandName == "STARTTLS") {
        return ErrorStage::Tls;
    }
    if (commandName == "CAPABILITY" || commandName == "ENABLE" || commandName == "ID" || commandName == "greeting") {
        return ErrorStage::Greeting;
    }
    if (commandName == "SELECT" || commandName == "EXAMINE" || commandName == "STATUS" || commandName == "LIST") {
        return ErrorStage::Folder;
    }
    if (commandName.endsWith("FETCH") || commandName.endsWith("SEARCH") || commandName.endsWith("STORE")) {
        return ErrorStage::Fetch;
    }
    return ErrorStage::Unknown;
}

namespace {

bool containsAny(const QByteArray &text, std::initializer_list<const char *> words)
{
    const QByteArray lower = text.toLower();
    return std::any_of(words.begin(), words.end(), [&](const char *word) { return lower.contains(word); });
}

// Our words for what went wrong, then the server's own text when it gave one.
QString withReason(const QString &message, const QString &text)
{
    //: %1 is what went wrong, %2 the text the server sent (not translated)
    return text.isEmpty() ? message : QCoreApplication::translate("ImapErrors", "%1: %2").arg(message, text);
}

SyncError classify(const Response &response, const QByteArray &commandName);

} // namespace

SyncError errorFromResponse(const Response &response, const QByteArray &commandName)
{
    return classify(response, commandName).at(stageOfCommand(commandName));
}

namespace {

SyncError classify(const Response &response, const QByteArray &commandName)
{
    const QString text = QString::fromUtf8(response.text).trimmed();
    const QByteArray code = response.code ? response.code->name : QByteArray();
    const QString detail = QString::fromLatin1(dump(response)).left(300);
    const QString command = QString::fromLatin1(commandName);
    //: %1 is an IMAP command (SELECT), %2 the server's answer (NO, BAD)
    const QString said = QCoreApplication::translate("ImapErrors", "%1 answered %2")
                             .arg(command, QString::fromLatin1(statusName(response.status)));

    const bool throttled = code == "THROTTLED" || containsAny(response.text, {"throttl"});
    if (throttled) {
        SyncError error = SyncError::make(
            ErrorClass::Throttled, u"throttled"_s,
            withReason(QCoreApplication::translate("ImapErrors", "the server is throttling this client"), text),
            detail);
        error.retryAfterMs = suggestedBackoffMs(response.text);
        if (error.retryAfterMs > 0) {
            //: %1 is the message about throttling, %2 a number of seconds
            error.message = QCoreApplication::translate("ImapErrors", "%1 (it asks to wait %2 s)")
                                .arg(error.message, QString::number(double(error.retryAfterMs) / 1000.0, 'g', 4));
        }
        return error;
    }
    // Gmail: "[UNAVAILABLE] ... Account exceeded command or bandwidth limits"; others speak of a download quota.
    if (code == "OVERQUOTA" || code == "LIMIT" ||
        containsAny(response.text, {"bandwidth", "quota", "download limit"})) {
        const bool bandwidth = containsAny(response.text, {"bandwidth", "download limit", "command or bandwidth"});
        SyncError error = SyncError::make(
            bandwidth ? ErrorClass::Throttled : ErrorClass::ServerNo, u"quota-exceeded"_s,
            withReason(bandwidth
                           ? QCoreApplication::translate("ImapErrors", "a bandwidth limit of the account was reached")
                           : QCoreApplication::translate("ImapErrors", "a quota or limit of the account was reached"),
                       text),
            detail);
        error.transient = true;
        error.retryAfterMs = suggestedBackoffMs(response.text);
        return error;
    }
    if (code == "AUTHENTICATIONFAILED" || code == "AUTHORIZATIONFAILED") {
        return SyncError::make(
            ErrorClass::Auth, u"auth-failed"_s,
            withReason(QCoreApplication::translate("ImapErrors", "the server rejected the credentials"), text), detail);
    }
    if (code == "PRIVACYREQUIRED") {
        return SyncError::make(ErrorClass::Auth, u"login-disabled"_s,
                               withReason(QCoreApplication::translate(
                                              "ImapErrors", "the server requires an encrypted connection to log in"),
                                          text),
                               detail);
    }
    if (code == "EXPIRED" || code == "CONTACTADMIN") {
        return SyncError::make(
            ErrorClass::Auth, u"account-locked"_s,
            withReason(QCoreApplication::translate("ImapErrors", "the account cannot be used"), text), detail);
    }
    if (code == "NONEXISTENT") {
        return SyncError::make(ErrorClass::ServerNo, u"folder-missing"_s,
                               withReason(QCoreApplication::translate("ImapErrors", "the folder does not exist"), text),
                               detail);
    }
    if (code == "UNAVAILABLE" || code == "INUSE" || code == "SERVERBUG") {
        SyncError error = SyncError::make(
            ErrorClass::ServerNo, u"server-no"_s,
            withReason(QCoreApplication::translate("ImapErrors", "the server is temporarily unable to answer"), text),
            detail);
        error.transient = true;
        return error;
    }
    if (response.status == ResponseStatus::Bye) {
        return SyncError::make(
            ErrorClass::Network, u"server-bye"_s,
            withReason(QCoreApplication::translate("ImapErrors", "the server closed the session"), text), detail);
    }
    if (response.status == ResponseStatus::Bad) {
        return SyncError::make(ErrorClass::ServerBad, u"server-bad"_s, withReason(said, text), detail);
    }
    if (commandName == "LOGIN" || commandName == "AUTHENTICATE") {
        if (containsAny(response.text, {"plaintext", "cleartext", "ssl/tls", "encryption"})) {
            return SyncError::make(
                ErrorClass::Auth, u"login-disabled"_s,
                withReason(
                    QCoreApplication::translate("ImapErrors", "the server requires an encrypted connection to log in"),
                    text),
                detail);
        }
        if (containsAny(response.text, {"locked", "disabled", "suspended", "blocked", "inactive"})) {
            return SyncError::make(
                ErrorClass::Auth, u"account-locked"_s,
                withReason(QCoreApplication::translate("ImapErrors", "the account cannot be used"), text), detail);
        }
        // Servers without RFC 5530 codes just say NO to a bad password.
        return SyncError::make(
            ErrorClass::Auth, u"auth-failed"_s,
            withReason(QCoreApplication::translate("ImapErrors", "the server rejected the credentials"), text), detail);
    }
    if (commandName == "SELECT" || commandName == "EXAMINE" || commandName == "STATUS") {
        return SyncError::make(ErrorClass::ServerNo, u"folder-missing"_s, withReason(said, text), detail);
    }
    return SyncError::make(ErrorClass::ServerNo, u"server-no"_s, withReason(said, text), detail);
}

} // namespace

} // namespace SyncDesk::Imap
