#include "pop3errors.h"

#include "protocol/imap/imaperrors.h"

#include <QCoreApplication>

namespace SyncDesk::Pop3 {

using namespace Qt::StringLiterals;

ErrorStage stageOfCommand(const QByteArray &commandName)
{
    if (commandName == "USER" || commandName == "PASS" || commandName == "AUTH" || commandName == "APOP") {
        return ErrorStage::Login;
    }
    if (commandName == "STLS") {
        return ErrorStage::Tls;
    }
    if (commandName == "CAPA" || commandName == "greeting") {
        return ErrorStage::Greeting;
    }
    if (commandName == "STAT" || commandName == "UIDL" || commandName == "LIST") {
        return ErrorStage::Folder;
    }
    if (commandName == "RETR" || commandName == "TOP") {
        return ErrorStage::Fetch;
    }
    return ErrorStage::Unknown;
}

namespace {

// Our words for what went wrong, then the server's own text when it gave one.
QString withReason(const QString &message, const QString &text)
{
    //: %1 is what went wrong, %2 the text the server sent (not translated)
    return text.isEmpty() ? message : QCoreApplication::translate("Pop3Errors", "%1: %2").arg(message, text);
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
    const QString detail = QString::fromLatin1(dump(response)).left(300);
    const QString command = QString::fromLatin1(commandName);
    const QByteArray &code = response.code;

    if (code == "LOGIN-DELAY" || response.text.contains("throttl") || response.text.contains("Throttl")) {
        SyncError error = SyncError::make(
            ErrorClass::Throttled, u"throttled"_s,
            withReason(QCoreApplication::translate("Pop3Errors", "the server is throttling this client"), text),
            detail);
        error.retryAfterMs = Imap::suggestedBackoffMs(response.text);
        if (error.retryAfterMs > 0) {
            //: %1 is the message about throttling, %2 a number of seconds
            error.message = QCoreApplication::translate("Pop3Errors", "%1 (it asks to wait %2 s)")
                                .arg(error.message, QString::number(double(error.retryAfterMs) / 1000.0, 'g', 4));
        }
        return error;
    }
    if (code == "IN-USE") {
        SyncError error = SyncError::make(
            ErrorClass::ServerNo, u"server-no"_s,
            withReason(QCoreApplication::translate("Pop3Errors", "another client holds the POP3 maildrop"), text),
            detail);
        error.transient = true;
        return error;
    }
    if (code == "SYS/TEMP") {
        SyncError error = SyncError::make(
            ErrorClass::ServerNo, u"server-no"_s,
            withReason(QCoreApplication::translate("Pop3Errors", "the server is temporarily unable to answer"), text),
            detail);
        error.transient = true;
        return error;
    }
    if (code == "AUTH" || commandName == "USER" || commandName == "PASS" || commandName == "AUTH" ||
        commandName == "APOP") {
        if (text.contains(u"plaintext"_s, Qt::CaseInsensitive) || text.contains(u"SSL/TLS"_s)) {
            return SyncError::make(
                ErrorClass::Auth, u"login-disabled"_s,
                withReason(QCoreApplication::translate(
                               "Pop3Errors", "the server does not allow a password login on an unencrypted connection"),
                           text),
                detail);
        }
        for (const QString &word : {u"locked"_s, u"disabled"_s, u"suspended"_s, u"blocked"_s, u"inactive"_s}) {
            if (text.contains(word, Qt::CaseInsensitive)) {
                return SyncError::make(
                    ErrorClass::Auth, u"account-locked"_s,
                    withReason(QCoreApplication::translate("Pop3Errors", "the account cannot be used"), text), detail);
            }
        }
        return SyncError::make(
            ErrorClass::Auth, u"auth-failed"_s,
            withReason(QCoreApplication::translate("Pop3Errors", "the server rejected the credentials"), text), detail);
    }
    if (code == "SYS/PERM") {
        return SyncError::make(
            ErrorClass::ServerNo, u"server-no"_s,
            withReason(QCoreApplication::translate("Pop3Errors", "the server refused the mailbox"), text), detail);
    }
    //: %1 is a POP3 command (RETR); -ERR is the server's error reply, kept as it is
    const QString said = QCoreApplication::translate("Pop3Errors", "%1 answered -ERR").arg(command);
    SyncError error = SyncError::make(ErrorClass::ServerNo, u"server-no"_s, withReason(said, text), detail);
    return error;
}

} // namespace

} // namespace SyncDesk::Pop3
