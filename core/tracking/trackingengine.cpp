#include "trackingengine.h"

#include "store/crmstore.h"

#include <QDateTime>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

const QStringList kPartyTypes{u"contact"_s, u"lead"_s, u"account"_s};

const QRegularExpression &replyPrefix()
{
    // Re, Fwd, Fw and their German, Scandinavian, Dutch and French spellings, repeated or numbered.
    static const QRegularExpression pattern(u"^\\s*((re|fwd?|aw|wg|sv|vs|antw|tr|rif|fs)(\\[\\d+\\])?\\s*:\\s*)+"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

} // namespace

TrackingSettings TrackingSettings::fromJson(const QJsonObject &crmSettings)
{
    TrackingSettings settings;
    const QJsonObject token = crmSettings.value(u"tracking_token"_s).toObject();
    if (token.value(u"prefix"_s).isString()) {
        settings.tokenPrefix = token.value(u"prefix"_s).toString();
    }
    if (token.value(u"digits"_s).isDouble()) {
        settings.tokenDigits = token.value(u"digits"_s).toInt();
    }
    if (crmSettings.value(u"tracked_keyword"_s).isString()) {
        settings.keyword = crmSettings.value(u"tracked_keyword"_s).toString();
    }
    if (crmSettings.value(u"conversation_days"_s).isDouble()) {
        settings.conversationDays = crmSettings.value(u"conversation_days"_s).toInt();
    }
    return settings;
}

void TrackingDecision::applyTo(Activity &activity) const
{
    activity.regarding = regarding;
    activity.correlation = correlation;
    activity.parties = parties;
    activity.conversation = conversation;
    activity.withheldFields = withheldFields;
    for (const QString &field : withheldFields) {
        if (field == u"body"_s) {
            activity.bodyText.clear();
        } else if (field == u"attachments"_s) {
            activity.attachments.clear();
        } else if (field == u"cc"_s) {
            activity.cc.clear();
        }
    }
}

TrackingEngine::TrackingEngine(CrmStore &crm, const Mailbox &mailbox, const SecurityContext &security,
                               const TrackingSettings &settings)
    : m_crm(crm)
    , m_mailbox(mailbox)
    , m_security(security)
    , m_settings(settings)
    , m_token(u"(?<![\\w])"_s + QRegularExpression::escape(settings.tokenPrefix) + u":(\\d{"_s +
              QString::number(qMax(1, settings.tokenDigits)) + u"})(?!\\d)"_s)
{}

QString TrackingEngine::normalizeSubject(const QString &subject)
{
    QString text = subject;
    text.remove(replyPrefix());
    text = text.simplified().toLower();
    return text;
}

bool TrackingEngine::looksLikeReply(const QString &subject)
{
    return replyPrefix().match(subject).hasMatch();
}

QString TrackingEngine::tokenFor(qint64 activityId) const
{
    return m_settings.tokenPrefix + u':' + QString::number(activityId).rightJustified(m_settings.tokenDigits, u'0');
}

std::optional<qint64> TrackingEngine::tokenIn(const QString &subject) const
{
    const QRegularExpressionMatch match = m_token.match(subject);
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    bool ok = false;
    const qint64 id = match.captured(1).toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

void TrackingEngine::remember(const QString &messageId, const TrackingDecision &decision)
{
    if (!decision.tracked) {
        return;
    }
    TrackedActivity tracked;
    tracked.mailboxId = m_mailbox.id;
    tracked.messageId = messageId;
    tracked.regarding = decision.regarding;
    if (!messageId.isEmpty()) {
        m_remembered.insert(messageId, tracked);
    }
    if (decision.regarding && !decision.conversation.isEmpty()) {
        m_rememberedConversations.insert(decision.conversation, tracked);
    }
}

Result<std::optional<TrackedActivity>> TrackingEngine::trackedByMessageId(const QString &messageId)
{
    if (auto found = m_remembered.constFind(messageId); found != m_remembered.constEnd()) {
        return std::optional<TrackedActivity>(found.value());
    }
    return m_crm.activityByMessageId(messageId);
}

Result<CrmRecordList> TrackingEngine::recordsFor(const QString &address)
{
    const QString key = address.toLower();
    if (auto cached = m_byAddress.constFind(key); cached != m_byAddress.constEnd()) {
        return cached.value();
    }
    auto found = m_crm.recordsByEmail(key);
    if (!found) {
        return found.error();
    }
    m_byAddress.insert(key, *found);
    return *found;
}

Result<std::optional<CrmRecord>> TrackingEngine::recordFor(const RecordRef &reference)
{
    const QString key = reference.type + u':' + reference.id;
    if (auto cached = m_byReference.constFind(key); cached != m_byReference.constEnd()) {
        return cached.value();
    }
    auto found = m_crm.record(reference.type, reference.id);
    if (!found) {
        return found.error();
    }
    m_byReference.insert(key, *found);
    return *found;
}

Result<std::optional<RecordRef>> TrackingEngine::readable(const RecordRef &reference, bool *withheld)
{
    auto record = recordFor(reference);
    if (!record) {
        return record.error();
    }
    if (!record->has_value()) {
        return std::optional<RecordRef>(); // a record the CRM does not know (yet): no link
    }
    if (!m_security.canRead(**record)) {
        *withheld = true;
        return std::optional<RecordRef>();
    }
    return std::optional<RecordRef>(reference);
}

QDateTime TrackingEngine::conversationsSince() const
{
    return QDateTime::currentDateTimeUtc().addDays(-qMax(1, m_settings.conversationDays));
}

Status TrackingEngine::prepareBatch(const QList<DecodedMessage> &messages)
{
    m_batchConversations.clear();
    QStringList conversations;
    for (const DecodedMessage &message : messages) {
        // The same test as decide()'s, for the messages that would look their conversation up.
        if (!looksLikeReply(message.subject)) {
            continue;
        }
        const QString conversation = normalizeSubject(message.subject);
        if (conversation.size() >= 4 && !m_rememberedConversations.contains(conversation)) {
            conversations.append(conversation);
        }
    }
    if (conversations.isEmpty()) {
        return {};
    }
    auto found = m_crm.latestInConversations(conversations, conversationsSince());
    if (!found) {
        return found.error();
    }
    for (const QString &conversation : std::as_const(conversations)) {
        const auto hit = found->constFind(conversation);
        m_batchConversations.insert(conversation, hit == found->constEnd() ? std::optional<TrackedActivity>()
                                                                           : std::optional<TrackedActivity>(*hit));
    }
    return {};
}

Result<TrackingDecision> TrackingEngine::decide(const DecodedMessage &message, const QString &folder,
                                                const TrackRequest *request)
{
    TrackingDecision decision;
    decision.conversation = normalizeSubject(message.subject);
    bool withheldLink = false;

    // The party list: sender and recipients matched to contacts, leads and accounts the owner may read.
    bool senderKnown = false;        // an account, contact or lead, readable
    bool senderEmailEnabled = false; // any email-enabled record, readable
    bool senderOnlyUnreadable = false;
    auto addParties = [&](const QString &role, const QList<EmailAddress> &addresses) -> Status {
        for (const EmailAddress &address : addresses) {
            auto records = recordsFor(address.address);
            if (!records) {
                return records.error();
            }
            bool anyReadable = false;
            bool anyUnreadable = false;
            for (const CrmRecord &record : *records) {
                if (!m_security.canRead(record)) {
                    anyUnreadable = true;
                    continue;
                }
                anyReadable = true;
                if (role == u"from"_s) {
                    senderEmailEnabled = senderEmailEnabled || CrmRecord::isEmailEnabled(record.type);
                    senderKnown = senderKnown || kPartyTypes.contains(record.type);
                }
                if (kPartyTypes.contains(record.type)) {
                    decision.parties.append({role, address.address, {record.type, record.key}});
                }
            }
            if (anyUnreadable) {
                withheldLink = true;
            }
            if (role == u"from"_s && anyUnreadable && !anyReadable) {
                senderOnlyUnreadable = true;
            }
        }
        return {};
    };
    if (!message.from.address.isEmpty()) {
        if (Status added = addParties(u"from"_s, {message.from}); !added) {
            return added.error();
        }
    }
    if (Status added = addParties(u"to"_s, message.to); !added) {
        return added.error();
    }
    if (Status added = addParties(u"cc"_s, message.cc); !added) {
        return added.error();
    }

    // Correlation, in order. A reply to a tracked message counts as a response even if it has no regarding.
    bool isResponse = false;
    auto correlateWith = [&](const std::optional<TrackedActivity> &tracked, const QString &how) -> Status {
        if (!tracked || decision.regarding) {
            return {};
        }
        isResponse = true;
        if (!tracked->regarding) {
            return {};
        }
        auto link = readable(*tracked->regarding, &withheldLink);
        if (!link) {
            return link.error();
        }
        if (link->has_value()) {
            decision.regarding = **link;
            decision.correlation = how;
        }
        return {};
    };
    const QString folderKey = m_mailbox.trackedFolders.contains(folder) ? folder : QString();
    if (!folderKey.isEmpty()) {
        auto link = readable(m_mailbox.trackedFolders.value(folderKey), &withheldLink);
        if (!link) {
            return link.error();
        }
        if (link->has_value()) {
            decision.regarding = **link;
            decision.correlation = u"folder"_s;
        }
    }
    if (request && request->regarding && !decision.regarding) {
        auto link = readable(*request->regarding, &withheldLink);
        if (!link) {
            return link.error();
        }
        if (link->has_value()) {
            decision.regarding = **link;
            decision.correlation = u"track-request"_s;
        }
    }
    if (!message.inReplyTo.isEmpty()) {
        auto tracked = trackedByMessageId(message.inReplyTo);
        if (!tracked) {
            return tracked.error();
        }
        if (Status correlated = correlateWith(*tracked, u"in-reply-to"_s); !correlated) {
            return correlated.error();
        }
    }
    for (auto it = message.references.crbegin(); it != message.references.crend() && !decision.regarding; ++it) {
        auto tracked = trackedByMessageId(*it);
        if (!tracked) {
            return tracked.error();
        }
        if (Status correlated = correlateWith(*tracked, u"references"_s); !correlated) {
            return correlated.error();
        }
    }
    if (const auto token = tokenIn(message.subject); token && !decision.regarding) {
        auto tracked = m_crm.activityById(*token);
        if (!tracked) {
            return tracked.error();
        }
        if (Status correlated = correlateWith(*tracked, u"tracking-token"_s); !correlated) {
            return correlated.error();
        }
    }
    if (!decision.regarding && looksLikeReply(message.subject) && decision.conversation.size() >= 4) {
        auto tracked = m_rememberedConversations.contains(decision.conversation)
                           ? Result<std::optional<TrackedActivity>>(
                                 std::optional<TrackedActivity>(m_rememberedConversations.value(decision.conversation)))
                       : m_batchConversations.contains(decision.conversation)
                           ? Result<std::optional<TrackedActivity>>(m_batchConversations.value(decision.conversation))
                           : m_crm.latestInConversation(decision.conversation, conversationsSince());
        if (!tracked) {
            return tracked.error();
        }
        if (Status correlated = correlateWith(*tracked, u"conversation"_s); !correlated) {
            return correlated.error();
        }
    }
    if (!decision.regarding && !decision.parties.isEmpty()) {
        decision.correlation = u"party-list"_s;
    }

    // Tracked or not.
    if (request) {
        decision.tracked = true;
        decision.reason = u"track request"_s;
        if (decision.correlation == u"none"_s || decision.correlation == u"party-list"_s) {
            decision.correlation = decision.regarding ? decision.correlation : u"track-request"_s;
        }
    } else if (!folderKey.isEmpty()) {
        decision.tracked = true;
        decision.reason = u"folder "_s + folderKey;
    } else {
        switch (m_mailbox.tracking) {
        case TrackingOption::All:
            decision.tracked = true;
            decision.reason = u"tracking option all"_s;
            break;
        case TrackingOption::Responses:
            decision.tracked = isResponse;
            decision.reason = isResponse ? u"response to tracked email"_s : u"not a response to tracked email"_s;
            break;
        case TrackingOption::KnownRecords:
            decision.tracked = senderKnown;
            decision.reason = senderKnown ? u"from a known record"_s : u"not from an account, contact or lead"_s;
            break;
        case TrackingOption::EmailEnabled:
            decision.tracked = senderEmailEnabled;
            decision.reason =
                senderEmailEnabled ? u"from an email-enabled record"_s : u"not from an email-enabled record"_s;
            break;
        case TrackingOption::None:
            decision.tracked = false;
            decision.reason = u"tracking option none"_s;
            break;
        }
        // Not tracked only because the sender is a record the owner may not read: withheld, not unknown.
        if (!decision.tracked && senderOnlyUnreadable &&
            (m_mailbox.tracking == TrackingOption::KnownRecords ||
             m_mailbox.tracking == TrackingOption::EmailEnabled)) {
            decision.reason += u" the owner may read"_s;
            decision.itemWithheld = true;
        }
    }
    if (decision.tracked && withheldLink && !decision.regarding) {
        decision.itemWithheld = true; // tracked, but a link it would have had is withheld
    }
    if (decision.tracked) {
        const QSet<QString> &withheld = m_security.withheldFields();
        if (withheld.contains(u"body"_s) && !message.bodyText.isEmpty()) {
            decision.withheldFields.append(u"body"_s);
        }
        if (withheld.contains(u"attachments"_s) && !message.attachments.isEmpty()) {
            decision.withheldFields.append(u"attachments"_s);
        }
        if (withheld.contains(u"cc"_s) && !message.cc.isEmpty()) {
            decision.withheldFields.append(u"cc"_s);
        }
    }
    return decision;
}

} // namespace SyncDesk
