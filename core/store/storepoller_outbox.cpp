// The console's Outbox through the store poller: the list it shows, Compose, and Retry, Cancel, Send draft.
#include "outgoing/outboxactions.h"
#include "outgoing/outboxcomposer.h"
#include "store.h"
#include "storepoller.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

void StorePoller::watchOutbox(const OutboxStore::Filter &filter)
{
    m_outboxFilter = filter;
    m_outboxFilter->withMessage = false;
    if (!m_store) {
        pollNow(); // reads the outbox too, once the store is open
        return;
    }
    auto emails = OutboxStore(*m_store).emails(*m_outboxFilter);
    if (!emails) {
        Q_EMIT failed(emails.error());
        return;
    }
    Q_EMIT outboxLoaded(*emails);
}

void StorePoller::unwatchOutbox()
{
    m_outboxFilter.reset();
}

void StorePoller::setReportOutgoing(bool report)
{
    m_reportOutgoing = report;
    if (report && m_timer.isActive()) {
        m_dataVersion = -1; // the next poll reads everything, the directions with it
        pollNow();
    }
}

void StorePoller::pollOutbox(const MailboxStatusList &statuses)
{
    if (m_reportOutgoing) {
        auto directions = OutgoingDirection::evaluateAll(*m_store, statuses, QDateTime::currentDateTimeUtc());
        if (!directions) {
            Q_EMIT failed(directions.error());
            return;
        }
        Q_EMIT outgoingChanged(*directions);
    }
    if (m_outboxFilter) {
        auto emails = OutboxStore(*m_store).emails(*m_outboxFilter);
        if (!emails) {
            Q_EMIT failed(emails.error());
            return;
        }
        Q_EMIT outboxLoaded(*emails);
    }
}

void StorePoller::composeEmail(const OutgoingDraft &draft)
{
    if (!m_store) {
        pollNow();
    }
    if (!m_store) {
        Q_EMIT emailComposed(0, tr("the database cannot be opened"), u"store-error"_s);
        return;
    }
    auto created = OutboxComposer(*m_store).compose(draft);
    if (!created) {
        Q_EMIT emailComposed(0, created.error().message, created.error().hintId);
        return;
    }
    m_dataVersion = -1; // our own write does not move data_version: read again now
    pollNow();
    Q_EMIT emailComposed(*created, {}, {});
}

void StorePoller::outboxAction(const QList<qint64> &activityIds, const QString &action)
{
    const auto which = OutboxActions::fromName(action);
    if (!which) {
        Q_EMIT actionDone({}, tr("Unknown outbox action '%1'.").arg(action));
        return;
    }
    writeThenPoll([&](QString &message) -> QString {
        OutboxActions actions(*m_store);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        int changed = 0;
        QStringList refused;
        for (qint64 id : activityIds) {
            auto outcome = actions.apply(id, *which, now);
            if (!outcome) {
                return outcome.error().message;
            }
            if (outcome->changed) {
                ++changed;
            } else {
                refused.append(outcome->message);
            }
        }
        if (changed == 0 && !refused.isEmpty()) {
            return refused.join(u"; "_s);
        }
        //: %1: the action (retry, cancel, send-draft); %n: how many emails it changed
        message = tr("%1: %n email(s) changed.", nullptr, changed).arg(OutboxActions::name(*which));
        if (!refused.isEmpty()) {
            message += u' ' + refused.join(u"; "_s);
        }
        return QString();
    });
}

} // namespace SyncDesk
