#pragma once

#include <QDateTime>
#include <QHash>
#include <QSet>

#include <optional>

namespace SyncDesk {

// When the engine audits each mailbox by itself (the `verify` comparison, read-only): about once per
// interval (a day by default), one mailbox at a time, and only when no sync is due or queued. Mailboxes
// never audited are spread over the first interval (by a hash of their id), so that an upgraded node does
// not audit thousands of mailboxes at once; an audit that failed is tried again after an hour.
class AuditRotation final
{
public:
    explicit AuditRotation(qint64 intervalMs = 24LL * 3600 * 1000);

    // The last audit of each mailbox the engine knows (invalid: never audited).
    void load(const QHash<qint64, QDateTime> &lastAudits, qint64 nowMs);
    void forget(const QSet<qint64> &keep); // mailboxes no longer known
    // The mailbox to audit now, if any: the most overdue of `candidates` whose audit is due.
    std::optional<qint64> next(const QSet<qint64> &candidates, qint64 nowMs) const;
    void finished(qint64 mailboxId, qint64 nowMs, bool succeeded);
    qint64 dueMs(qint64 mailboxId) const { return m_due.value(mailboxId, 0); }
    bool enabled() const { return m_intervalMs > 0; }
    qint64 intervalMs() const { return m_intervalMs; }

private:
    qint64 m_intervalMs;
    QHash<qint64, qint64> m_due; // mailbox -> when its next audit is due
};

} // namespace SyncDesk
