#include "pop3errors.h"

#include "protocol/imap/imaperrors.h"

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
    const QString reason = text.isEmpty() ? QString() : u": "_s + text;
    const QString command = QString::fromLatin1(commandName);
    const QByteArray &code = response.code;

    if (code == "LOGIN-DELAY" || response.text.contains("throttl") || response.text.contains("Throttl")) {
        SyncError error = SyncError::make(ErrorClass::Throttled, u"throttled"_s,
                                          u"the server is throttling this client"_s + reason, detail);
        error.retryAfterMs = Imap::suggestedBackoffMs(response.text);
        if (error.retryAfterMs > 0) {
            error.message += u" (it asks to wait %1 s)"_s.arg(double(error.retryAfterMs) / 1000.0, 0, 'g', 4);
        }
        return error;
    }
    if (code == "IN-USE") {
        SyncError error = SyncError::make(ErrorClass::ServerNo, u"server-no"_s,
                                          u"another client holds the POP3 maildrop"_s + reason, detail);
        error.transient = true;
        return error;
    }
    if (code == "SYS/TEMP") {
        SyncError error = SyncError::make(ErrorClass::ServerNo, u"server-no"_s,
                                          u"the server is temporarily unable to answer"_s + reason, detail);
        error.transient = true;
        return error;
    }
    if (code == "AUTH" || commandName == "USER" || commandName == "PASS" || commandName == "AUTH" ||
        commandName == "APOP") {
        if (text.contains(u"plaintext"_s, Qt::CaseInsensitive) || text.contains(u"SSL/TLS"_s)) {
            return SyncError::make(
                ErrorClass::Auth, u"login-disabled"_s,
                u"the server does not allow a password login on an unencrypted connection"_s + reason, detail);
        }
        for (const QString &word : {u"locked"_s, u"disabled"_s, u"suspended"_s, u"blocked"_s, u"inactive"_s}) {
            if (text.contains(word, Qt::CaseInsensitive)) {
                return SyncError::make(ErrorClass::Auth, u"account-locked"_s, u"the account cannot be used"_s + reason,
                                       detail);
            }
        }
        return SyncError::make(ErrorClass::Auth, u"auth-failed"_s, u"the server rejected the credentials"_s + reason,
                               detail);
    }
    if (code == "SYS/PERM") {
        return SyncError::make(ErrorClass::ServerNo, u"server-no"_s, u"the server refused the mailbox"_s + reason,
                               detail);
    }
    SyncError error =
        SyncError::make(ErrorClass::ServerNo, u"server-no"_s, command + u" answered -ERR"_s + reason, detail);
    return error;
}

} // namespace

} // namespace SyncDesk::Pop3
