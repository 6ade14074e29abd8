#include "auditrotation.h"

#include <QHashFunctions>

namespace SyncDesk {

namespace {
constexpr qint64 kRetryMs = 3600LL * 1000;
}

AuditRotation::AuditRotation(qint64 intervalMs)
    : m_intervalMs(intervalMs)
{}

void AuditRotation::load(const QHash<qint64, QDateTime> &lastAudits, qint64 nowMs)
{
    if (!enabled()) {
        return;
    }
    for (auto it = lastAudits.cbegin(); it != lastAudits.cend(); ++it) {
        if (m_due.contains(it.key()) && !it.value().isValid()) {
            continue; // known already; the store has nothing newer
        }
        if (it.value().isValid()) {
            m_due.insert(it.key(), it.value().toMSecsSinceEpoch() + m_intervalMs);
            continue;
        }
        // Never audited: somewhere within the first interval, the same place for the same mailbox.
        const qint64 spread = qint64(qHash(it.key(), 0x5d1e) % quint64(qMax<qint64>(1, m_intervalMs)));
        m_due.insert(it.key(), nowMs + spread);
    }
}

void AuditRotation::forget(const QSet<qint64> &keep)
{
    for (auto it = m_due.begin(); it != m_due.end();) {
        it = keep.contains(it.key()) ? std::next(it) : m_due.erase(it);
    }
}

std::optional<qint64> AuditRotation::next(const QSet<qint64> &candidates, qint64 nowMs) const
{
    if (!enabled()) {
        return std::nullopt;
    }
    std::optional<qint64> best;
    qint64 bestDue = nowMs + 1;
    for (qint64 id : candidates) {
        const auto due = m_due.constFind(id);
        if (due != m_due.constEnd() && *due < bestDue) {
            best = id;
            bestDue = *due;
        }
    }
    return best;
}

void AuditRotation::finished(qint64 mailboxId, qint64 nowMs, bool succeeded)
{
    m_due.insert(mailboxId, nowMs + (succeeded ? m_intervalMs : kRetryMs));
}

} // namespace SyncDesk
