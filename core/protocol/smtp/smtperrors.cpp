#include "smtperrors.h"

#include "protocol/imap/imaperrors.h"

namespace SyncDesk::Smtp {

using namespace Qt::StringLiterals;

namespace {

SyncError classify(const Reply &reply, const QByteArray &commandName)
{
    const QByteArray raw = reply.text();
    const QByteArray lower = raw.toLower();
    const QString text = QString::fromUtf8(raw).trimmed();
    const QString detail = QString::fromLatin1(dump(reply)).left(300);
    const QString command = QString::fromLatin1(commandName);
    const QString reason = text.isEmpty() ? QString() : u": "_s + text;
    const bool auth = commandName == "AUTH";

    if (lower.contains("throttl") || lower.contains("too many") || lower.contains("rate limit")) {
        SyncError error = SyncError::make(ErrorClass::Throttled, u"throttled"_s,
                                          u"the SMTP server is throttling this client"_s + reason, detail);
        error.retryAfterMs = Imap::suggestedBackoffMs(raw);
        return error;
    }
    if (reply.code == 421) {
        return SyncError::make(ErrorClass::Network, u"server-bye"_s, u"the SMTP server closed the session"_s + reason,
                               detail);
    }
    if (reply.code == 535 || (auth && reply.code == 501)) {
        return SyncError::make(ErrorClass::Auth, u"auth-failed"_s,
                               u"the SMTP server rejected the credentials"_s + reason, detail);
    }
    if (reply.code == 538 || reply.code == 534 || (reply.code == 530 && lower.contains("tls"))) {
        return SyncError::make(ErrorClass::Auth, u"login-disabled"_s,
                               u"the SMTP server requires an encrypted connection or another login"_s + reason, detail);
    }
    if (auth && (lower.contains("locked") || lower.contains("disabled") || lower.contains("suspended"))) {
        return SyncError::make(ErrorClass::Auth, u"account-locked"_s, u"the account cannot be used"_s + reason, detail);
    }
    if (commandName == "STARTTLS") {
        return SyncError::make(ErrorClass::Tls, u"starttls-not-offered"_s,
                               u"the SMTP server refused STARTTLS"_s + reason, detail);
    }
    if (reply.isTransientFailure()) {
        SyncError error = SyncError::make(ErrorClass::ServerNo, u"server-no"_s,
                                          u"%1 answered %2"_s.arg(command).arg(reply.code) + reason, detail);
        error.transient = true;
        return error;
    }
    if (reply.code == 500 || reply.code == 502 || reply.code == 504) {
        return SyncError::make(ErrorClass::ServerBad, u"server-bad"_s,
                               u"%1 answered %2"_s.arg(command).arg(reply.code) + reason, detail);
    }
    return SyncError::make(ErrorClass::ServerNo, u"server-no"_s,
                           u"%1 answered %2"_s.arg(command).arg(reply.code) + reason, detail);
}

} // namespace

SyncError errorFromReply(const Reply &reply, const QByteArray &commandName)
{
    return classify(reply, commandName).at(ErrorStage::Send);
}

} // namespace SyncDesk::Smtp
