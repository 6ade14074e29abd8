#pragma once

#include "diagnostics/result.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace SyncDesk {

class Store;

// Whether this engine's store takes writes. A full disk, an I/O error, a lock held too long or a read-only
// file is a problem of the node, not of the mailbox that happened to be writing: the scheduler then starts
// no sync (nothing is counted against a mailbox, nothing is disabled, no message becomes an item failure),
// raises one engine-level alert (cause "store:NODE", hint store-full, store-error, store-locked or
// store-readonly), and probes the store with backoff — 5 s, doubling up to 5 minutes — resuming by itself
// once a probe write succeeds (the alert then closes). Writing the alert may itself fail while the disk is
// full: it is written as soon as the store takes it.
class StoreHealth final
{
public:
    StoreHealth(Store &store, const QString &nodeId);

    // Whether an error is the store's (the node's) rather than the mailbox's.
    static bool isStoreFailure(const SyncError &error);

    // A sync or the scheduler met a store failure at `now`: pause, or stay paused.
    void failed(const SyncError &error, const QDateTime &now);
    // While paused: false. When a probe is due, probes first (and resumes when it succeeds).
    bool mayStart(const QDateTime &now);
    bool isPaused() const { return m_error.has_value(); }
    const std::optional<SyncError> &error() const { return m_error; }
    // When the next probe is due (invalid when not paused): for the scheduler's wake-up.
    QDateTime nextProbeAt() const { return m_nextProbe; }
    int failures() const { return m_failures; }

    static constexpr qint64 kFirstDelayMs = 5000;
    static constexpr qint64 kMaxDelayMs = 5 * 60 * 1000;

private:
    void tryAlert(const QDateTime &now);
    QString causeKey() const { return QStringLiteral("store:") + m_nodeId; }

    Store &m_store;
    QString m_nodeId;
    std::optional<SyncError> m_error;
    QDateTime m_since;
    QDateTime m_nextProbe;
    int m_failures = 0;
    bool m_alertWritten = false;
};

} // namespace SyncDesk
