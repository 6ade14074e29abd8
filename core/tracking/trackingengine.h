#pragma once

#include "diagnostics/result.h"
#include "model/activity.h"
#include "model/crmrecord.h"
#include "model/mailbox.h"
#include "model/trackrequest.h"
#include "protocol/mime/decodedmessage.h"
#include "securitycontext.h"
#include "store/crmstore.h"

#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>

#include <optional>

namespace SyncDesk {

class CrmStore;

struct TrackingSettings
{
    QString tokenPrefix = QStringLiteral("CRM"); // a tracking token looks like CRM:0001234
    int tokenDigits = 7;
    QString keyword = QStringLiteral("$SyncDeskTracked"); // IMAP keyword set on tracked messages
    int conversationDays = 30;                            // how far back a conversation is looked for

    static TrackingSettings fromJson(const QJsonObject &crmSettings);
};

// What to do with one message.
struct TrackingDecision
{
    bool tracked = false;
    QString reason; // why (not) tracked: "tracking option all", "folder Customers/Contoso", "not a response", ...
    std::optional<RecordRef> regarding;
    QString correlation = QStringLiteral("none");
    QList<ActivityParty> parties;
    QStringList withheldFields; // fields the owner may not sync that this message had
    bool itemWithheld = false;  // not tracked, or not linked, because of the owner's permissions
    QString conversation;

    // Applies the decision to an activity built from the message: regarding, correlation, parties, and
    // the withheld fields emptied and listed as withheld.
    void applyTo(Activity &activity) const;
};

// Decides, message by message, what a mailbox's owner tracks and what it is regarding:
//  1. tracking: a track request or a tracked folder always tracks; otherwise the mailbox's tracking
//     option (all, responses to tracked email, email from known records, from any email-enabled record,
//     none) decides;
//  2. correlation, in this order: In-Reply-To, then References, pointing at a tracked message (its
//     regarding); a tracking token in the subject (the activity it names); the conversation (a reply
//     whose subject matches a tracked conversation); then the sender and recipients matched to
//     contacts, leads and accounts (the party list). A folder mapping or a track request's regarding
//     comes first;
//  3. security: only records the owner may read are linked; fields the owner may not sync are withheld.
// One engine serves one sync of one mailbox; it caches its lookups.
class TrackingEngine final
{
public:
    TrackingEngine(CrmStore &crm, const Mailbox &mailbox, const SecurityContext &security,
                   const TrackingSettings &settings);

    Result<TrackingDecision> decide(const DecodedMessage &message, const QString &folder,
                                    const TrackRequest *request = nullptr);
    // A message of this sync that was tracked but is not stored yet: later messages of the same sync
    // (a reply in the same batch) correlate with it as with a stored one.
    void remember(const QString &messageId, const TrackingDecision &decision);
    // Before the messages of a batch are decided: looks up in one statement the conversations their replies
    // continue, instead of one lookup per reply. Holds until the next call.
    Status prepareBatch(const QList<DecodedMessage> &messages);

    // Re:, Fwd:, AW:, WG:, SV:, tokens and brackets removed, spaces collapsed, lower case.
    static QString normalizeSubject(const QString &subject);
    static bool looksLikeReply(const QString &subject);
    QString tokenFor(qint64 activityId) const;
    std::optional<qint64> tokenIn(const QString &subject) const;
    const TrackingSettings &settings() const { return m_settings; }

private:
    Result<std::optional<TrackedActivity>> trackedByMessageId(const QString &messageId);
    Result<CrmRecordList> recordsFor(const QString &address);
    Result<std::optional<CrmRecord>> recordFor(const RecordRef &reference);
    // The record if it exists and the owner may read it; `withheld` tells when it exists but may not be read.
    Result<std::optional<RecordRef>> readable(const RecordRef &reference, bool *withheld);

    CrmStore &m_crm;
    Mailbox m_mailbox;
    SecurityContext m_security;
    TrackingSettings m_settings;
    QRegularExpression m_token;
    QHash<QString, CrmRecordList> m_byAddress;
    QHash<QString, std::optional<CrmRecord>> m_byReference;
    QHash<QString, TrackedActivity> m_remembered; // by Message-ID
    QHash<QString, TrackedActivity> m_rememberedConversations;
    // prepareBatch(): conversations looked up for the batch (a null result: none in the store).
    QHash<QString, std::optional<TrackedActivity>> m_batchConversations;
    QDateTime conversationsSince() const;
};

} // namespace SyncDesk
