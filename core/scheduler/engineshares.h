#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace SyncDesk {

// Which of the live engines schedules a mailbox: its "home". Rendezvous (highest random weight) hashing of
// the mailbox id against each engine id, so that every engine computes the same home from the same list,
// homes are spread evenly, and when an engine joins or leaves only the mailboxes that were (or become) its
// own move. A home is a preference, not a lock: the store's claim still decides, and a mailbox its home
// leaves overdue is taken by any engine (MailboxScheduler's sweep).
class EngineShares final
{
public:
    // The live engines that run the schedule, this one among them; order does not matter.
    void setEngines(const QStringList &engines, const QString &self);
    const QStringList &engines() const { return m_engines; }
    // True with one engine or none known (every mailbox is this engine's).
    bool isHome(qint64 mailboxId) const;
    QString homeOf(qint64 mailboxId) const;

private:
    qsizetype homeIndex(qint64 mailboxId) const;

    QStringList m_engines; // sorted
    QList<quint64> m_keys; // a 64-bit hash of each engine id, same order
    qsizetype m_self = -1;
};

} // namespace SyncDesk
