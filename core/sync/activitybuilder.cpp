#include "activitybuilder.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

Activity ActivityBuilder::build(const DecodedMessage &message, const MessageLocation &location)
{
    Activity activity;
    activity.mailboxId = location.mailboxId;
    activity.folder = location.folder;
    activity.uidValidity = location.uidValidity;
    activity.uid = location.uid;
    activity.messageId = message.messageId;
    activity.dedupeKey =
        message.messageId.isEmpty() ? u"sha256:"_s + QString::fromLatin1(message.contentDigest) : message.messageId;
    if (message.messageId.isEmpty()) {
        activity.legacyDedupeKey = u"sha1:"_s + QString::fromLatin1(message.headerDigest);
    }
    activity.subject = message.subject;
    activity.from = message.from;
    activity.to = message.to;
    activity.cc = message.cc;
    activity.date = message.date.isValid() ? message.date : location.receivedAt.toUTC();
    activity.bodyText = message.bodyText;
    activity.attachments = message.attachments;
    activity.inReplyTo = message.inReplyTo;
    activity.references = message.references;
    activity.size = location.size;
    activity.warnings = message.warnings;
    if (!location.mailboxAddress.isEmpty() &&
        message.from.address.compare(location.mailboxAddress, Qt::CaseInsensitive) == 0) {
        activity.direction = u"outgoing"_s;
    }
    return activity;
}

} // namespace SyncDesk
