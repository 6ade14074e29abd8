#include "ledgerstore.h"

#include "store.h"

#include <QSqlQuery>

#include <algorithm>

namespace SyncDesk {

using namespace Qt::StringLiterals;

namespace {

// Sorted, and neighbours or overlaps with the same disposition joined.
LedgerEntries coalesce(LedgerEntries entries)
{
    std::sort(entries.begin(), entries.end(),
              [](const LedgerRange &a, const LedgerRange &b) { return a.first < b.first; });
    LedgerEntries runs;
    for (const LedgerRange &entry : std::as_const(entries)) {
        if (entry.first == 0 || entry.last < entry.first) {
            continue;
        }
        if (!runs.isEmpty() && runs.last().disposition == entry.disposition &&
            qint64(entry.first) <= qint64(runs.last().last) + 1) {
            runs.last().last = qMax(runs.last().last, entry.last);
            continue;
        }
        runs.append(entry);
    }
    return runs;
}

} // namespace

LedgerStore::LedgerStore(Store &store)
    : m_store(store)
{}

Status LedgerStore::record(qint64 mailboxId, const QString &folder, quint32 uidValidity, const LedgerEntries &entries)
{
    const LedgerEntries runs = coalesce(entries);
    if (runs.isEmpty()) {
        return {};
    }
    return m_store.transaction([&]() -> Status {
        for (const LedgerRange &run : runs) {
            // The ranges this run overlaps or touches.
            auto found = m_store.execCached(
                u"SELECT first_uid, last_uid, disposition FROM folder_ledger WHERE mailbox_id = ? AND folder = ? "
                "AND uidvalidity = ? AND last_uid >= ? AND first_uid <= ? ORDER BY first_uid"_s,
                {mailboxId, folder, qint64(uidValidity), qint64(run.first) - 1, qint64(run.last) + 1});
            if (!found) {
                return found.error();
            }
            LedgerRange merged = run;
            LedgerEntries kept;
            QList<qint64> dropped;
            while ((*found)->next()) {
                LedgerRange existing;
                existing.first = (*found)->value(0).toUInt();
                existing.last = (*found)->value(1).toUInt();
                existing.disposition =
                    dispositionFromName((*found)->value(2).toString()).value_or(Disposition::BeforeLedger);
                dropped.append(existing.first);
                if (existing.disposition == run.disposition) {
                    merged.first = qMin(merged.first, existing.first);
                    merged.last = qMax(merged.last, existing.last);
                    continue;
                }
                if (existing.first < run.first) {
                    kept.append({existing.first, qMin(existing.last, run.first - 1), existing.disposition});
                }
                if (existing.last > run.last) {
                    kept.append({qMax(existing.first, run.last + 1), existing.last, existing.disposition});
                }
            }
            (*found)->finish();
            for (qint64 first : std::as_const(dropped)) {
                auto deleted = m_store.execCached(u"DELETE FROM folder_ledger WHERE mailbox_id = ? AND folder = ? AND "
                                                  "uidvalidity = ? AND first_uid = ?"_s,
                                                  {mailboxId, folder, qint64(uidValidity), first});
                if (!deleted) {
                    return deleted.error();
                }
            }
            kept.append(merged);
            for (const LedgerRange &range : std::as_const(kept)) {
                auto inserted = m_store.execCached(
                    u"INSERT INTO folder_ledger (mailbox_id, folder, uidvalidity, first_uid, last_uid, disposition) "
                    "VALUES (?, ?, ?, ?, ?, ?)"_s,
                    {mailboxId, folder, qint64(uidValidity), qint64(range.first), qint64(range.last),
                     dispositionName(range.disposition)});
                if (!inserted) {
                    return inserted.error();
                }
            }
        }
        return {};
    });
}

Result<LedgerEntries> LedgerStore::ranges(qint64 mailboxId, const QString &folder, quint32 uidValidity)
{
    auto query = m_store.exec(u"SELECT first_uid, last_uid, disposition FROM folder_ledger WHERE mailbox_id = ? AND "
                              "folder = ? AND uidvalidity = ? ORDER BY first_uid"_s,
                              {mailboxId, folder, qint64(uidValidity)});
    if (!query) {
        return query.error();
    }
    LedgerEntries ranges;
    while (query->next()) {
        ranges.append({query->value(0).toUInt(), query->value(1).toUInt(),
                       dispositionFromName(query->value(2).toString()).value_or(Disposition::BeforeLedger)});
    }
    return ranges;
}

Status LedgerStore::dropOtherValidities(qint64 mailboxId, const QString &folder, quint32 uidValidity)
{
    return m_store.transaction([&]() -> Status {
        for (const QString &table : {u"folder_ledger"_s, u"activity_aliases"_s}) {
            auto query =
                m_store.exec(u"DELETE FROM %1 WHERE mailbox_id = ? AND folder = ? AND uidvalidity <> ?"_s.arg(table),
                             {mailboxId, folder, qint64(uidValidity)});
            if (!query) {
                return query.error();
            }
        }
        return {};
    });
}

Status LedgerStore::recordAlias(qint64 mailboxId, const QString &folder, quint32 uidValidity, quint32 uid,
                                qint64 activityId)
{
    auto query = m_store.execCached(u"INSERT INTO activity_aliases (mailbox_id, folder, uidvalidity, uid, activity_id) "
                                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (mailbox_id, folder, uidvalidity, uid) "
                                    "DO UPDATE SET activity_id = excluded.activity_id"_s,
                                    {mailboxId, folder, qint64(uidValidity), qint64(uid), activityId});
    if (!query) {
        return query.error();
    }
    return {};
}

Result<QSet<quint32>> LedgerStore::storedUids(qint64 mailboxId, const QString &folder, quint32 uidValidity)
{
    QSet<quint32> uids;
    auto own = m_store.exec(u"SELECT uid FROM activities WHERE mailbox_id = ? AND folder = ? AND uidvalidity = ?"_s,
                            {mailboxId, folder, qint64(uidValidity)});
    if (!own) {
        return own.error();
    }
    while (own->next()) {
        uids.insert(own->value(0).toUInt());
    }
    auto aliases = m_store.exec(u"SELECT l.uid FROM activity_aliases l JOIN activities a ON a.id = l.activity_id "
                                "WHERE l.mailbox_id = ? AND l.folder = ? AND l.uidvalidity = ?"_s,
                                {mailboxId, folder, qint64(uidValidity)});
    if (!aliases) {
        return aliases.error();
    }
    while (aliases->next()) {
        uids.insert(aliases->value(0).toUInt());
    }
    return uids;
}

Result<QHash<QByteArray, LedgerStore::Pop3Entry>> LedgerStore::pop3Ledger(qint64 mailboxId)
{
    auto query =
        m_store.exec(u"SELECT uidl, local_uid, disposition FROM pop3_seen WHERE mailbox_id = ?"_s, {mailboxId});
    if (!query) {
        return query.error();
    }
    QHash<QByteArray, Pop3Entry> ledger;
    while (query->next()) {
        Pop3Entry entry;
        entry.localUid = query->value(1).toUInt();
        entry.disposition = dispositionFromName(query->value(2).toString()).value_or(Disposition::BeforeLedger);
        ledger.insert(query->value(0).toString().toLatin1(), entry);
    }
    return ledger;
}

Status LedgerStore::forgetPop3(qint64 mailboxId, const QStringList &uidls)
{
    return m_store.transaction([&]() -> Status {
        for (const QString &uidl : uidls) {
            auto query =
                m_store.execCached(u"DELETE FROM pop3_seen WHERE mailbox_id = ? AND uidl = ?"_s, {mailboxId, uidl});
            if (!query) {
                return query.error();
            }
        }
        return {};
    });
}

Status LedgerStore::recordAudit(qint64 mailboxId, const QDateTime &at, int missing)
{
    auto query =
        m_store.exec(u"UPDATE mailbox_state SET last_audit_at = ?, last_audit_missing = ? WHERE mailbox_id = ?"_s,
                     {at.toMSecsSinceEpoch(), missing, mailboxId});
    if (!query) {
        return query.error();
    }
    return {};
}

} // namespace SyncDesk
