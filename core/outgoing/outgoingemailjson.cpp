#include "outgoingemailjson.h"

#include <QJsonArray>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

QJsonValue time(const QDateTime &when)
{
    return when.isValid() ? QJsonValue(when.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonArray addresses(const QList<EmailAddress> &list)
{
    QJsonArray array;
    for (const EmailAddress &address : list) {
        array.append(QJsonObject{{u"name"_s, address.name}, {u"address"_s, address.address}});
    }
    return array;
}

} // namespace

QJsonObject outgoingEmailToJson(const OutgoingEmail &email, bool withBody)
{
    const Activity &a = email.activity;
    QJsonArray refused;
    for (const RefusedRecipient &recipient : email.refused) {
        refused.append(QJsonObject{{u"address"_s, recipient.address}, {u"reply"_s, recipient.reply}});
    }
    QJsonArray attachments;
    for (const AttachmentInfo &attachment : a.attachments) {
        attachments.append(QJsonObject{{u"file_name"_s, attachment.fileName},
                                       {u"content_type"_s, attachment.contentType},
                                       {u"size"_s, attachment.size}});
    }
    QJsonObject object{
        {u"id"_s, a.id},
        {u"mailbox"_s, a.mailboxAddress},
        {u"status"_s, outgoingStatusName(email.status)},
        {u"status_title"_s, outgoingStatusTitle(email.status)},
        {u"from"_s, QJsonObject{{u"name"_s, a.from.name}, {u"address"_s, a.from.address}}},
        {u"to"_s, addresses(a.to)},
        {u"cc"_s, addresses(a.cc)},
        {u"bcc"_s, addresses(email.bcc)},
        {u"subject"_s, a.subject},
        {u"message_id"_s, a.messageId},
        {u"in_reply_to"_s, a.inReplyTo.isEmpty() ? QJsonValue() : QJsonValue(a.inReplyTo)},
        {u"regarding"_s, a.regarding ? QJsonValue(a.regarding->type + u':' + a.regarding->id) : QJsonValue()},
        {u"owner"_s, email.owner},
        {u"attempts"_s, email.attempts},
        {u"created_at"_s, time(email.createdAt)},
        {u"first_attempt_at"_s, time(email.firstAttemptAt)},
        {u"last_attempt_at"_s, time(email.lastAttemptAt)},
        {u"next_attempt_at"_s, email.status == OutgoingStatus::PendingSend ? time(email.nextAttemptAt) : QJsonValue()},
        {u"sent_at"_s, time(email.sentAt)},
        {u"server_reply"_s, email.serverReply},
        {u"refused"_s, refused},
        {u"error"_s, email.errorClass.isEmpty() ? QJsonValue()
                                                : QJsonValue(QJsonObject{{u"class"_s, email.errorClass},
                                                                         {u"message"_s, email.errorMessage},
                                                                         {u"hint"_s, email.errorHint}})},
        {u"sent_copy"_s, email.sentCopy},
        {u"interruptions"_s, email.interruptions},
        {u"folder"_s, a.folder.isEmpty() ? QJsonValue() : QJsonValue(a.folder)},
        {u"uid"_s, a.folder.isEmpty() ? QJsonValue() : QJsonValue(qint64(a.uid))},
        {u"size_bytes"_s, email.rawMessage.isEmpty() ? a.size : qint64(email.rawMessage.size())},
        {u"attachments"_s, attachments},
    };
    if (withBody) {
        object.insert(u"body_text"_s, a.bodyText);
        object.insert(u"body_html"_s, email.bodyHtml);
    }
    return object;
}

} // namespace SyncDesk
