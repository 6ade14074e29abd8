#include "smtperrors.h"

#include "protocol/imap/imaperrors.h"

#include <QCoreApplication>

namespace SyncDesk::Smtp {

using namespace Qt::StringLiterals;

namespace {

// Our words for what went wrong, then the server's own text when it gave one.
QString withReason(const QString &message, const QString &text)
{
    //: %1 is what went wrong, %2 the text the server sent (not translated)
    return text.isEmpty() ? message : QCoreApplication::translate("SmtpErrors", "%1: %2").arg(message, text);
}

SyncError classify(const Reply &reply, const QByteArray &commandName)
{
    const QByteArray raw = reply.text();
    const QByteArray lower = raw.toLower();
    const QString text = QString::fromUtf8(raw).trimmed();
    const QString detail = QString::fromLatin1(dump(reply)).left(300);
    const QString command = QString::fromLatin1(commandName);
    //: %1 is an SMTP command (MAIL), %2 the server's reply code (550)
    const QString said = QCoreApplication::translate("SmtpErrors", "%1 answered %2").arg(command).arg(reply.code);
    const bool auth = commandName == "AUTH";

    if (lower.contains("throttl") || lower.contains("too many") || lower.contains("rate limit")) {
        SyncError error = SyncError::make(
            ErrorClass::Throttled, u"throttled"_s,
            withReason(QCoreApplication::translate("SmtpErrors", "the SMTP server is throttling this client"), text),
            detail);
        error.retryAfterMs = Imap::suggestedBackoffMs(raw);
        return error;
    }
    if (reply.code == 421) {
        return SyncError::make(
            ErrorClass::Network, u"server-bye"_s,
            withReason(QCoreApplication::translate("SmtpErrors", "the SMTP server closed the session"), text), detail);
    }
    if (reply.code == 535 || (auth && reply.code == 501)) {
        return SyncError::make(
            ErrorClass::Auth, u"auth-failed"_s,
            withReason(QCoreApplication::translate("SmtpErrors", "the SMTP server rejected the credentials"), text),
            detail);
    }
    if (reply.code == 538 || reply.code == 534 || (reply.code == 530 && lower.contains("tls"))) {
        return SyncError::make(
            ErrorClass::Auth, u"login-disabled"_s,
            withReason(QCoreApplication::translate("SmtpErrors",
                                                   "the SMTP server requires an encrypted connection or another login"),
                       text),
            detail);
    }
    if (auth && (lower.contains("locked") || lower.contains("disabled") || lower.contains("suspended"))) {
        return SyncError::make(
            ErrorClass::Auth, u"account-locked"_s,
            withReason(QCoreApplication::translate("SmtpErrors", "the account cannot be used"), text), detail);
    }
    if (commandName == "STARTTLS") {
        return SyncError::make(
            ErrorClass::Tls, u"starttls-not-offered"_s,
            withReason(QCoreApplication::translate("SmtpErrors", "the SMTP server refused STARTTLS"), text), detail);
    }
    if (reply.code >= 500 &&
        (reply.code == 552 || lower.contains("5.3.4") || lower.contains("too large") || lower.contains("too big"))) {
        return SyncError::make(
            ErrorClass::ServerNo, u"smtp-message-too-large"_s,
            withReason(QCoreApplication::translate("SmtpErrors", "the email is larger than the SMTP server accepts"),
                       text),
            detail);
    }
    if (reply.code >= 500 && commandName == "RCPT") {
        return SyncError::make(
            ErrorClass::ServerNo, u"smtp-recipient-refused"_s,
            withReason(QCoreApplication::translate("SmtpErrors", "the SMTP server refused the recipient"), text),
            detail);
    }
    if (reply.code >= 500 && (commandName == "MAIL" || commandName == "DATA")) {
        return SyncError::make(ErrorClass::ServerNo, u"smtp-send-refused"_s, withReason(said, text), detail);
    }
    if (reply.isTransientFailure()) {
        SyncError error = SyncError::make(ErrorClass::ServerNo, u"server-no"_s, withReason(said, text), detail);
        error.transient = true;
        return error;
    }
    if (reply.code == 500 || reply.code == 502 || reply.code == 504) {
        return SyncError::make(ErrorClass::ServerBad, u"server-bad"_s, withReason(said, text), detail);
    }
    return SyncError::make(ErrorClass::ServerNo, u"server-no"_s, withReason(said, text), detail);
}

} // namespace

SyncError errorFromReply(const Reply &reply, const QByteArray &commandName)
{
    SyncError error = classify(reply, commandName).at(ErrorStage::Send);
    // RFC 5321 4.2.1: in a mail transaction a 4yz reply is worth trying again, a 5yz reply is not (whatever the
    // class's default).
    const bool transaction = commandName == "MAIL" || commandName == "RCPT" || commandName == "DATA";
    if (transaction && reply.code >= 400 && reply.code < 600) {
        error.transient = reply.code < 500;
    }
    return error;
}

} // namespace SyncDesk::Smtp
