#include "synctracker.h"

#include "logging/logger.h"
#include "store/store.h"

#include <QCoreApplication>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {
const QString kCategory = u"tracking"_s;
}

SyncTracker::SyncTracker(Store &store, const Mailbox &mailbox)
    : m_store(store)
    , m_crm(store)
    , m_mailbox(mailbox)
{}

SyncTracker::~SyncTracker() = default;

Status SyncTracker::prepare()
{
    auto settings = m_store.setting(u"crm"_s);
    if (!settings) {
        return settings.error();
    }
    auto security = SecurityContext::forMailbox(m_crm, *settings, m_mailbox);
    if (!security) {
        return security.error();
    }
    m_security = *security;
    m_engine = std::make_unique<TrackingEngine>(m_crm, m_mailbox, *m_security, TrackingSettings::fromJson(*settings));

    auto pending = m_crm.pendingTrackRequests(m_mailbox.id);
    if (!pending) {
        return pending.error();
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const TrackRequest &request : *pending) {
        auto existing = m_crm.activityInMailbox(m_mailbox.id, request.messageId);
        if (!existing) {
            return existing.error();
        }
        if (!existing->has_value()) {
            m_pending.insert(request.messageId, request);
            continue;
        }
        // Tracked already: the request sets its regarding record, if the owner may read it.
        const TrackedActivity &activity = **existing;
        QString state = u"done"_s;
        QString reason = QCoreApplication::translate("SyncTracker", "already tracked");
        if (request.regarding) {
            auto record = m_crm.record(request.regarding->type, request.regarding->id);
            if (!record) {
                return record.error();
            }
            const QString reference = request.regarding->type + u':' + request.regarding->id;
            if (!record->has_value()) {
                state = u"failed"_s;
                reason = QCoreApplication::translate("SyncTracker", "%1 is not a CRM record").arg(reference);
            } else if (!m_security->canRead(**record)) {
                state = u"failed"_s;
                //: "[hint: items-withheld]" names a troubleshooting hint: keep it as it is
                reason = QCoreApplication::translate("SyncTracker",
                                                     "the mailbox's owner may not read %1 [hint: items-withheld]")
                             .arg(reference);
            } else if (Status set = fenced([&] {
                           return m_crm.setRegarding(activity.activityId, *request.regarding, u"track-request"_s);
                       });
                       !set) {
                return set;
            } else {
                reason =
                    QCoreApplication::translate("SyncTracker", "already tracked; regarding set to %1").arg(reference);
            }
        }
        if (Status completed =
                fenced([&] { return m_crm.completeTrackRequest(request.id, state, reason, activity.activityId, now); });
            !completed) {
            return completed;
        }
        ++m_requestsCompleted;
        Log::info(kCategory, m_mailbox.address,
                  u"track request for <%1>: %2 (%3)"_s.arg(request.messageId, state, reason));
    }
    return {};
}

QString SyncTracker::describeSecurity() const
{
    return m_security ? m_security->describe() : QString();
}

QByteArray SyncTracker::keyword() const
{
    return m_engine ? m_engine->settings().keyword.toUtf8() : QByteArray();
}

QStringList SyncTracker::pendingMessageIds() const
{
    QStringList ids = m_pending.keys();
    ids.sort();
    return ids;
}

Status SyncTracker::prepareBatch(const QList<DecodedMessage> &messages)
{
    return m_engine ? m_engine->prepareBatch(messages) : Status();
}

Result<bool> SyncTracker::apply(const DecodedMessage &message, const QString &folder, Activity &activity)
{
    const auto request = m_pending.constFind(activity.messageId);
    const bool requested = !activity.messageId.isEmpty() && request != m_pending.constEnd();
    auto decision = m_engine->decide(message, folder, requested ? &request.value() : nullptr);
    if (!decision) {
        return decision.error();
    }
    m_lastWithheld = decision->itemWithheld;
    if (decision->itemWithheld) {
        ++m_itemsWithheld;
    }
    if (!decision->tracked) {
        ++m_skipped;
        Log::debug(kCategory, m_mailbox.address,
                   u"not tracked: \"%1\" from %2 (%3)"_s.arg(message.subject.left(80), message.from.address,
                                                             decision->reason));
        return false;
    }
    decision->applyTo(activity);
    m_fieldsWithheld += decision->withheldFields.size();
    m_engine->remember(activity.messageId, *decision);
    ++m_tracked;
    if (requested) {
        QString reason;
        if (decision->regarding) {
            reason = QCoreApplication::translate("SyncTracker", "tracked, correlation %1, regarding %2:%3")
                         .arg(decision->correlation, decision->regarding->type, decision->regarding->id);
        } else if (request->regarding) {
            //: "[hint: items-withheld]" names a troubleshooting hint: keep it as it is
            reason = QCoreApplication::translate(
                         "SyncTracker",
                         "tracked, correlation %1; %2:%3 withheld: the owner may not read it [hint: items-withheld]")
                         .arg(decision->correlation, request->regarding->type, request->regarding->id);
        } else {
            reason = QCoreApplication::translate("SyncTracker", "tracked, correlation %1").arg(decision->correlation);
        }
        m_matched.insert(activity.messageId, {request.value(), reason});
        m_pending.remove(activity.messageId);
    }
    return true;
}

Status SyncTracker::afterWrite(const QList<Activity> &written, const BatchResult &result)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qsizetype i = 0; i < written.size() && !m_matched.isEmpty(); ++i) {
        const auto matched = m_matched.constFind(written.at(i).messageId);
        if (matched == m_matched.constEnd()) {
            continue;
        }
        qint64 activityId = i < result.ids.size() ? result.ids.at(i) : 0;
        if (activityId == 0) {
            auto stored = m_crm.activityInMailbox(m_mailbox.id, written.at(i).messageId);
            if (!stored) {
                return stored.error();
            }
            activityId = stored->has_value() ? (*stored)->activityId : 0;
        }
        if (Status completed = fenced([&] {
                return m_crm.completeTrackRequest(matched->request.id, u"done"_s, matched->reason, activityId, now);
            });
            !completed) {
            return completed;
        }
        ++m_requestsCompleted;
        Log::info(kCategory, m_mailbox.address,
                  u"track request for <%1>: done (%2)"_s.arg(matched->request.messageId, matched->reason));
        m_matched.erase(matched);
    }
    return flushWithheld();
}

Status SyncTracker::fenced(const std::function<Status()> &write)
{
    // Written by this run only while it holds the mailbox's lease (Store::fencedWrite).
    return m_store.fencedWrite(m_mailbox.id, write);
}

Status SyncTracker::flushWithheld()
{
    if (m_itemsWithheld == 0 && m_fieldsWithheld == 0) {
        return {};
    }
    if (Status added = fenced([&] { return m_crm.addWithheld(m_mailbox.id, m_itemsWithheld, m_fieldsWithheld); });
        !added) {
        return added;
    }
    m_itemsWithheldTotal += m_itemsWithheld;
    m_fieldsWithheldTotal += m_fieldsWithheld;
    m_itemsWithheld = 0;
    m_fieldsWithheld = 0;
    return {};
}

Status SyncTracker::finish(bool complete, const QStringList &folders)
{
    if (Status flushed = flushWithheld(); !flushed) {
        return flushed;
    }
    if (!complete) {
        return {};
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const TrackRequest &request : std::as_const(m_pending)) {
        const QString reason = QCoreApplication::translate("SyncTracker", "no message with Message-ID <%1> in %2")
                                   .arg(request.messageId, folders.join(u", "_s));
        if (Status completed =
                fenced([&] { return m_crm.completeTrackRequest(request.id, u"failed"_s, reason, 0, now); });
            !completed) {
            return completed;
        }
        ++m_requestsCompleted;
        Log::warning(kCategory, m_mailbox.address, u"track request failed: "_s + reason);
    }
    m_pending.clear();
    return {};
}

} // namespace SyncDesk
