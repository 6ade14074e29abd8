#include "storehealth.h"

#include "diagnostics/hintcatalog.h"
#include "logging/logger.h"
#include "model/alert.h"
#include "store/store.h"

#include <QCoreApplication>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {
const QString kCategory = u"store"_s;
}

StoreHealth::StoreHealth(Store &store, const QString &nodeId)
    : m_store(store)
    , m_nodeId(nodeId)
{}

bool StoreHealth::isStoreFailure(const SyncError &error)
{
    // "message-store" is the database refusing particular rows: an item failure, handled by the sync.
    // "lease-lost" is this run having lost its mailbox to another engine: the store works.
    return error.errorClass == ErrorClass::Store && error.hintId != u"message-store"_s &&
           error.hintId != u"lease-lost"_s;
}

void StoreHealth::failed(const SyncError &error, const QDateTime &now)
{
    ++m_failures;
    const bool first = !m_error.has_value();
    m_error = error;
    if (first) {
        m_since = now;
    }
    const qint64 delay = qMin(kMaxDelayMs, kFirstDelayMs << qMin(m_failures - 1, 10));
    m_nextProbe = now.addMSecs(delay);
    const QString hint = HintCatalog::instance().summary(error.hintId);
    if (first) {
        Log::error(kCategory, {},
                   u"the store failed: %1; syncs are paused (no mailbox is counted as failing) and the store is "
                   "tried again in %2 s [hint: %3]%4"_s.arg(error.toString())
                       .arg(delay / 1000)
                       .arg(error.hintId, hint.isEmpty() ? QString() : u" — "_s + hint));
    } else {
        Log::warning(kCategory, {},
                     u"the store still fails (%1); tried again in %2 s"_s.arg(error.message).arg(delay / 1000));
    }
    tryAlert(now);
}

bool StoreHealth::mayStart(const QDateTime &now)
{
    if (!m_error) {
        return true;
    }
    if (now < m_nextProbe) {
        return false;
    }
    if (Status probed = m_store.probeWrite(); !probed) {
        failed(probed.error(), now);
        return false;
    }
    Log::info(kCategory, {}, u"the store takes writes again after %1 s: syncs resume"_s.arg(m_since.secsTo(now)));
    if (!m_alertWritten) {
        tryAlert(now); // for the record: what happened, closed at once
    }
    if (Status closed = m_store.closeAlerts(causeKey(), now); !closed) {
        Log::warning(kCategory, {}, u"could not close the store alert: "_s + closed.error().toString());
    }
    m_error.reset();
    m_failures = 0;
    m_alertWritten = false;
    m_nextProbe = {};
    return true;
}

void StoreHealth::tryAlert(const QDateTime &now)
{
    if (m_alertWritten || !m_error) {
        return;
    }
    Alert alert;
    alert.causeKey = causeKey();
    alert.kind = u"store-failing"_s;
    alert.severity = u"error"_s;
    alert.hintId = m_error->hintId;
    alert.message = QCoreApplication::translate("StoreHealth",
                                                "node %1 cannot write its store (%2): syncs are paused and resume by "
                                                "themselves when it works again; no mailbox is counted as failing")
                        .arg(m_nodeId, m_error->message);
    alert.raisedAt = m_since.isValid() ? m_since : now;
    if (auto raised = m_store.raiseAlert(alert); raised) {
        m_alertWritten = true;
    }
}

} // namespace SyncDesk
