// Store: folder state and activities — a batch written with its folder position and ledger in one
// transaction, and the activity queries.

#include "ledgerstore.h"
#include "store.h"
#include "storerows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace SyncDesk {

using namespace Qt::StringLiterals;
using namespace StoreRows;

Result<FolderState> Store::folderState(qint64 mailboxId, const QString &folder)
{
    auto query = exec(u"SELECT uidvalidity, uidnext, highestmodseq, updated_at FROM folder_state "
                      "WHERE mailbox_id = ? AND folder = ?"_s,
                      {mailboxId, folder});
    if (!query) {
        return query.error();
    }
    FolderState state;
    state.mailboxId = mailboxId;
    state.folder = folder;
    if (query->next()) {
        state.uidValidity = query->value(0).toUInt();
        state.uidNext = query->value(1).toUInt();
        state.highestModSeq = query->value(2).toULongLong();
        state.updatedAt = fromMs(query->value(3));
    }
    return state;
}

Status Store::insertActivities(const QList<Activity> &activities, qint64 now, BatchResult &result)
{
    const QVariant nullText(QMetaType::fromType<QString>());
    for (const Activity &activity : activities) {
        // Already stored under its Message-ID (or header digest)? After a UIDVALIDITY reset of the
        // same folder the stored row moves to the new UID; a copy in another folder stays one activity.
        auto existing = execFirstRow(u"SELECT id, folder, uidvalidity FROM activities WHERE mailbox_id = ? AND "
                                     "dedupe_key = ?"_s,
                                     {activity.mailboxId, activity.dedupeKey});
        if (!existing) {
            return existing.error();
        }
        std::optional<std::tuple<qint64, bool, quint32>> match; // id, same folder, its UIDVALIDITY
        if (const std::optional<QVariantList> &found = *existing) {
            match = {found->at(0).toLongLong(), found->at(1).toString() == activity.folder, found->at(2).toUInt()};
        }
        if (!match && !activity.legacyDedupeKey.isEmpty()) {
            // Stored by a version that keyed messages without a Message-ID by their header block: matched in
            // the same folder only (after a UIDVALIDITY reset), and given today's key from then on.
            auto legacy = execFirstRow(u"SELECT id, uidvalidity FROM activities WHERE mailbox_id = ? AND "
                                       "dedupe_key = ? AND folder = ?"_s,
                                       {activity.mailboxId, activity.legacyDedupeKey, activity.folder});
            if (!legacy) {
                return legacy.error();
            }
            if (const std::optional<QVariantList> &found = *legacy) {
                match = {found->at(0).toLongLong(), true, found->at(1).toUInt()};
            }
            if (match) {
                auto rekeyed = execCached(u"UPDATE activities SET dedupe_key = ? WHERE id = ?"_s,
                                          {activity.dedupeKey, std::get<0>(*match)});
                if (!rekeyed) {
                    return rekeyed.error();
                }
            }
        }
        if (match) {
            const auto [id, sameFolder, storedValidity] = *match;
            result.ids.append(id);
            if (!sameFolder || storedValidity == activity.uidValidity) {
                // Another copy of a stored message: this UID points at that activity, for the audit.
                if (Status aliased = LedgerStore(*this).recordAlias(activity.mailboxId, activity.folder,
                                                                    activity.uidValidity, activity.uid, id);
                    !aliased) {
                    return aliased;
                }
            }
            if (sameFolder && storedValidity != activity.uidValidity) {
                auto moved = execCached(u"UPDATE activities SET uidvalidity = ?, uid = ? WHERE id = ?"_s,
                                        {activity.uidValidity, activity.uid, id});
                if (!moved) {
                    return moved.error();
                }
                ++result.relinked;
            }
            ++result.duplicates;
            continue;
        }
        result.ids.append(0);
        // A row already at this folder/UIDVALIDITY/UID (a message seen again without a Message-ID match)
        // makes the insert do nothing: a duplicate, found by the unique index instead of one more query.
        auto inserted = execFirstRow(
            u"INSERT INTO activities (mailbox_id, folder, uidvalidity, uid, message_id, dedupe_key, subject, "
            "from_name, from_address, to_json, cc_json, sent_at, body_text, regarding_type, regarding_id, "
            "correlation, created_at, in_reply_to, references_json, attachments_json, size_bytes, warnings_json, "
            "parties_json, withheld_json, conversation, direction) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (mailbox_id, folder, uidvalidity, uid) DO NOTHING RETURNING id"_s,
            {activity.mailboxId,
             activity.folder,
             activity.uidValidity,
             activity.uid,
             activity.messageId,
             activity.dedupeKey,
             activity.subject,
             activity.from.name,
             activity.from.address,
             addressesToJson(activity.to),
             addressesToJson(activity.cc),
             toMs(activity.date),
             activity.bodyText,
             activity.regarding ? QVariant(activity.regarding->type) : nullText,
             activity.regarding ? QVariant(activity.regarding->id) : nullText,
             activity.correlation,
             now,
             activity.inReplyTo,
             stringsToJson(activity.references),
             attachmentsToJson(activity.attachments),
             activity.size,
             stringsToJson(activity.warnings),
             partiesToJson(activity.parties),
             stringsToJson(activity.withheldFields),
             activity.conversation,
             activity.direction});
        if (!inserted) {
            return inserted.error();
        }
        // Nothing returned: the conflict made it do nothing.
        if (!*inserted) {
            ++result.duplicates;
            continue;
        }
        result.ids.last() = (*inserted)->at(0).toLongLong();
        ++result.inserted;
    }
    return {};
}

Result<Pop3Maildrop> Store::pop3Maildrop(qint64 mailboxId)
{
    auto query = exec(u"SELECT uidl, local_uid FROM pop3_seen WHERE mailbox_id = ?"_s, {mailboxId});
    if (!query) {
        return query.error();
    }
    Pop3Maildrop maildrop;
    quint32 highest = 0;
    while (query->next()) {
        maildrop.seenUidls.insert(query->value(0).toString().toLatin1());
        highest = qMax(highest, query->value(1).toUInt());
    }
    // Activities of the mailbox in INBOX with UIDVALIDITY 0 were made by POP3 too (seen rows may be gone).
    auto activities = exec(u"SELECT COALESCE(MAX(uid), 0) FROM activities WHERE mailbox_id = ? AND folder = 'INBOX' "
                           "AND uidvalidity = 0"_s,
                           {mailboxId});
    if (!activities) {
        return activities.error();
    }
    if (activities->next()) {
        highest = qMax(highest, activities->value(0).toUInt());
    }
    maildrop.nextLocalUid = highest + 1;
    return maildrop;
}

Result<BatchResult> Store::writePop3Batch(qint64 mailboxId, const QList<Pop3SeenMessage> &seen,
                                          const QList<Activity> &activities)
{
    BatchResult result;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Status status = transaction([&]() -> Status {
        if (Status fenced = checkLeaseFence(mailboxId); !fenced) {
            return fenced;
        }
        if (Status inserted = insertActivities(activities, now, result); !inserted) {
            return inserted;
        }
        for (const Pop3SeenMessage &message : seen) {
            auto saved = execCached(u"INSERT INTO pop3_seen (mailbox_id, uidl, local_uid, seen_at, disposition) "
                                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (mailbox_id, uidl) DO UPDATE SET "
                                    "disposition = excluded.disposition"_s,
                                    {mailboxId, QString::fromLatin1(message.uidl), message.localUid, now,
                                     dispositionName(message.disposition)});
            if (!saved) {
                return saved.error();
            }
        }
        return {};
    });
    if (!status) {
        return status.error();
    }
    return result;
}

Result<BatchResult> Store::writeBatch(const FolderState &folderState, const QList<Activity> &activities,
                                      const LedgerEntries &ledger)
{
    BatchResult result;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Status status = transaction([&]() -> Status {
        if (Status fenced = checkLeaseFence(folderState.mailboxId); !fenced) {
            return fenced;
        }
        if (Status inserted = insertActivities(activities, now, result); !inserted) {
            return inserted;
        }
        if (Status recorded =
                LedgerStore(*this).record(folderState.mailboxId, folderState.folder, folderState.uidValidity, ledger);
            !recorded) {
            return recorded;
        }
        auto saved = execCached(u"INSERT INTO folder_state (mailbox_id, folder, uidvalidity, uidnext, highestmodseq, "
                                "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (mailbox_id, folder) DO UPDATE SET "
                                "uidvalidity = excluded.uidvalidity, uidnext = excluded.uidnext, "
                                "highestmodseq = excluded.highestmodseq, updated_at = excluded.updated_at"_s,
                                {folderState.mailboxId, folderState.folder, folderState.uidValidity,
                                 folderState.uidNext, qint64(folderState.highestModSeq), now});
        if (!saved) {
            return saved.error();
        }
        return {};
    });
    if (!status) {
        return status.error();
    }
    return result;
}

Result<qint64> Store::activityCount(std::optional<qint64> mailboxId)
{
    auto query = mailboxId ? exec(u"SELECT COUNT(*) FROM activities WHERE mailbox_id = ?"_s, {*mailboxId})
                           : exec(u"SELECT COUNT(*) FROM activities"_s);
    if (!query) {
        return query.error();
    }
    return query->next() ? query->value(0).toLongLong() : qint64(0);
}

Result<QList<Activity>> Store::recentActivities(qint64 mailboxId, int limit)
{
    auto query = exec(u"SELECT "_s + kActivityColumns +
                          u" FROM activities a JOIN mailboxes m ON m.id = a.mailbox_id WHERE a.mailbox_id = ? "
                          "ORDER BY a.id DESC LIMIT ?"_s,
                      {mailboxId, limit});
    if (!query) {
        return query.error();
    }
    QList<Activity> activities;
    while (query->next()) {
        activities.append(activityFromQuery(*query));
    }
    return activities;
}

Status Store::forEachActivity(const std::function<bool(const Activity &)> &callback, std::optional<qint64> mailboxId)
{
    const QString base =
        u"SELECT "_s + kActivityColumns + u" FROM activities a JOIN mailboxes m ON m.id = a.mailbox_id"_s;
    auto query = mailboxId ? exec(base + u" WHERE a.mailbox_id = ? ORDER BY a.id"_s, {*mailboxId})
                           : exec(base + u" ORDER BY a.id"_s);
    if (!query) {
        return query.error();
    }
    while (query->next()) {
        if (!callback(activityFromQuery(*query))) {
            break;
        }
    }
    return {};
}

} // namespace SyncDesk
