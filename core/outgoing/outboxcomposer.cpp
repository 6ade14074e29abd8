#include "outboxcomposer.h"

#include "config/configvalues.h"
#include "messagebuilder.h"
#include "store/crmstore.h"
#include "store/outboxstore.h"
#include "store/store.h"
#include "tracking/securitycontext.h"
#include "tracking/trackingengine.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

SyncError refusal(ErrorClass errorClass, const QString &hint, const QString &message)
{
    return SyncError::make(errorClass, hint, message).at(ErrorStage::Config);
}

// Whether `owner` (systemuser:KEY) may send from a mailbox owned by `mailboxOwner`: their own mailbox, or a
// queue's whose owner or member they are (the queue's "members").
Result<bool> maySendFrom(CrmStore &crm, const QString &owner, const Mailbox &mailbox)
{
    if (mailbox.ownerKey.isEmpty() || owner == mailbox.owner()) {
        return true;
    }
    if (mailbox.ownerType != u"queue"_s || !owner.startsWith(u"systemuser:"_s)) {
        return false;
    }
    auto queue = crm.record(u"queue"_s, mailbox.ownerKey);
    if (!queue) {
        return queue.error();
    }
    if (!queue->has_value()) {
        return false;
    }
    const QString user = owner.section(u':', 1);
    if ((*queue)->ownerKey == user) {
        return true;
    }
    const QJsonArray members = (*queue)->extra.value(u"members"_s).toArray();
    return members.contains(QJsonValue(user));
}

} // namespace

OutboxComposer::OutboxComposer(Store &store)
    : m_store(store)
{}

Result<qint64> OutboxComposer::compose(const OutgoingDraft &draft, const QString &ownerArgument)
{
    auto found = m_store.mailboxByAddress(draft.fromAddress.trimmed().toLower());
    if (!found) {
        return found.error();
    }
    if (!found->has_value()) {
        //: %1 is an email address
        return refusal(ErrorClass::Config, u"config-invalid"_s,
                       tr("%1 is not a mailbox of this store; --from names the mailbox the email leaves through")
                           .arg(draft.fromAddress));
    }
    const Mailbox mailbox = **found;
    CrmStore crm(m_store);
    const QString owner = ownerArgument.isEmpty() ? mailbox.owner() : ownerArgument;
    if (!ownerArgument.isEmpty()) {
        const QString type = owner.section(u':', 0, 0);
        auto record = crm.record(type, owner.section(u':', 1));
        if (!record) {
            return record.error();
        }
        if (type != u"systemuser"_s || !record->has_value()) {
            //: %1 is what was given, such as systemuser:ana
            return refusal(ErrorClass::Config, u"config-invalid"_s,
                           tr("%1 is not a system user of the CRM; the owner is given as systemuser:ID").arg(owner));
        }
    }
    auto allowed = maySendFrom(crm, owner, mailbox);
    if (!allowed) {
        return allowed.error();
    }
    if (!*allowed) {
        //: %1 is who sends (systemuser:ana), %2 the mailbox, %3 its owner (queue:support)
        return refusal(ErrorClass::Permission, u"send-not-allowed"_s,
                       tr("%1 may not send from %2: it belongs to %3, and only its owner (or a member of its queue) "
                          "may send from it")
                           .arg(owner, mailbox.address, mailbox.owner()));
    }

    const QList<EmailAddress> everyone = draft.to + draft.cc + draft.bcc;
    if (everyone.isEmpty()) {
        return refusal(ErrorClass::Config, u"smtp-no-recipients"_s,
                       tr("the email has no recipients: give at least one with --to, --cc or --bcc"));
    }
    for (const EmailAddress &recipient : everyone) {
        if (!ConfigValues::isEmailAddress(recipient.address)) {
            //: %1 is what was given as a recipient
            return refusal(ErrorClass::Config, u"smtp-no-recipients"_s,
                           tr("\"%1\" is not an email address").arg(recipient.address.left(200)));
        }
    }
    if (draft.subject.contains(u'\n') || draft.subject.contains(u'\r')) {
        return refusal(ErrorClass::Config, u"config-invalid"_s, tr("the subject cannot contain line breaks"));
    }

    auto settings = m_store.setting(u"crm"_s);
    if (!settings) {
        return settings.error();
    }
    OutgoingEmail email;
    email.owner = owner;
    email.status = draft.draft ? OutgoingStatus::Draft : OutgoingStatus::PendingSend;
    email.bcc = draft.bcc;
    email.bodyHtml = draft.bodyHtml;
    Activity &activity = email.activity;
    activity.mailboxId = mailbox.id;
    activity.mailboxAddress = mailbox.address;
    activity.to = draft.to;
    activity.cc = draft.cc;
    activity.bodyText = draft.bodyText;
    activity.direction = u"outgoing"_s;
    activity.correlation = u"none"_s;
    for (const OutgoingAttachment &attachment : draft.attachments) {
        activity.attachments.append({attachment.fileName,
                                     attachment.contentType.isEmpty()
                                         ? MessageBuilder::contentTypeFor(attachment.fileName, attachment.data)
                                         : attachment.contentType,
                                     attachment.data.size()});
    }

    // A reply: In-Reply-To and References, and the regarding record of what it answers.
    std::optional<RecordRef> regarding = draft.regarding;
    if (draft.replyToActivityId > 0) {
        auto answered = crm.activityById(draft.replyToActivityId);
        if (!answered) {
            return answered.error();
        }
        if (!answered->has_value() || (*answered)->messageId.isEmpty()) {
            //: %1 is an activity id
            return refusal(
                ErrorClass::Config, u"config-invalid"_s,
                tr("activity %1 does not exist or has no Message-ID to answer").arg(draft.replyToActivityId));
        }
        activity.inReplyTo = (*answered)->messageId;
        activity.references = {(*answered)->messageId};
        if (!regarding) {
            regarding = (*answered)->regarding;
        }
        activity.correlation = u"in-reply-to"_s;
    }
    if (regarding) {
        auto record = crm.record(regarding->type, regarding->id);
        if (!record) {
            return record.error();
        }
        if (!record->has_value()) {
            //: %1 is a record reference such as account:contoso
            return refusal(ErrorClass::Config, u"config-invalid"_s,
                           tr("%1 is not a record of the CRM").arg(regarding->type + u':' + regarding->id));
        }
        Mailbox asOwner = mailbox;
        if (!owner.isEmpty()) {
            asOwner.ownerType = owner.section(u':', 0, 0);
            asOwner.ownerKey = owner.section(u':', 1);
        }
        auto security = SecurityContext::forMailbox(crm, *settings, asOwner);
        if (!security) {
            return security.error();
        }
        if (!security->canRead(**record)) {
            //: %1 is who sends, %2 a record reference
            return refusal(ErrorClass::Permission, u"items-withheld"_s,
                           tr("%1 may not read %2, so the email cannot be regarding it")
                               .arg(owner, regarding->type + u':' + regarding->id));
        }
        activity.regarding = regarding;
        if (activity.correlation == u"none"_s) {
            activity.correlation = u"regarding"_s;
        }
    }

    // The sender's name: the owner's or the queue's, as the CRM knows it.
    QString fromName;
    if (!mailbox.ownerKey.isEmpty()) {
        auto ownerRecord = crm.record(mailbox.ownerType, mailbox.ownerKey);
        if (!ownerRecord) {
            return ownerRecord.error();
        }
        if (ownerRecord->has_value()) {
            fromName = (*ownerRecord)->name;
        }
    }
    activity.from = {fromName, mailbox.address};

    const TrackingSettings tracking = TrackingSettings::fromJson(*settings);
    const bool tokens = settings->value(u"tracking_token"_s).toObject().value(u"enabled"_s).toBool(true);
    const QString subject = draft.subject.trimmed();
    const QList<OutgoingAttachment> attachments = draft.attachments;
    auto created = OutboxStore(m_store).create(email, [&](OutgoingEmail &made) -> Result<QByteArray> {
        Activity &a = made.activity;
        const QString token =
            tracking.tokenPrefix + u':' + QString::number(a.id).rightJustified(tracking.tokenDigits, u'0');
        a.subject = tokens ? (subject.isEmpty() ? token : subject + u' ' + token) : subject;
        a.conversation = TrackingEngine::normalizeSubject(a.subject);
        a.messageId = MessageBuilder::newMessageId(a.id, mailbox.address);
        MessageParts parts;
        parts.from = a.from;
        parts.to = a.to;
        parts.cc = a.cc;
        parts.subject = a.subject;
        parts.bodyText = a.bodyText;
        parts.bodyHtml = made.bodyHtml;
        parts.attachments = attachments;
        parts.messageId = a.messageId;
        parts.inReplyTo = a.inReplyTo;
        parts.references = a.references;
        parts.date = QDateTime::currentDateTimeUtc();
        return MessageBuilder::build(parts);
    });
    if (!created) {
        return created.error();
    }
    if (!draft.draft) {
        // At once, as a track request would: the mailbox syncs and sends; the schedule picks it up otherwise.
        if (Status requested = m_store.requestSync(mailbox.id, u"outgoing"_s, QDateTime::currentDateTimeUtc());
            !requested) {
            return requested.error();
        }
    }
    return *created;
}

} // namespace SyncDesk
