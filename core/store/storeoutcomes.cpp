// Store: what a finished run writes — the mailbox's state and its row in the run history, fenced by the
// lease it ran under — in as few statements as each backend allows.

#include "store.h"
#include "storerows.h"

#include <QSqlQuery>

namespace SyncDesk {

using namespace Qt::StringLiterals;
using namespace StoreRows;

Store::Statement Store::stateUpsert(const MailboxState &state, bool releaseLease)
{
    const bool hasError = state.lastErrorClass != ErrorClass::None;
    const QVariant nullText(QMetaType::fromType<QString>());
    return {u"INSERT INTO mailbox_state (mailbox_id, interval_seconds, interval_reason, last_sync_at, last_success_at, "
            "next_due_at, consecutive_failures, last_error_class, last_error_message, last_error_detail, "
            "last_error_hint, items_last_sync, interval_ms, avg_new_items, last_new_item_at, first_sync_at, "
            "last_error_stage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (mailbox_id) DO UPDATE SET interval_seconds = excluded.interval_seconds, "
            "interval_reason = excluded.interval_reason, last_sync_at = excluded.last_sync_at, "
            "last_success_at = excluded.last_success_at, next_due_at = excluded.next_due_at, "
            "consecutive_failures = excluded.consecutive_failures, last_error_class = excluded.last_error_class, "
            "last_error_message = excluded.last_error_message, last_error_detail = excluded.last_error_detail, "
            "last_error_hint = excluded.last_error_hint, items_last_sync = excluded.items_last_sync, "
            "interval_ms = excluded.interval_ms, avg_new_items = excluded.avg_new_items, "
            "last_new_item_at = excluded.last_new_item_at, first_sync_at = excluded.first_sync_at, "
            "last_error_stage = excluded.last_error_stage"_s +
                (releaseLease ? u", lease_owner = NULL, lease_until = NULL"_s : QString()),
            {state.mailboxId, int((state.intervalMs + 500) / 1000), intervalReasonName(state.intervalReason),
             toMs(state.lastSyncAt), toMs(state.lastSuccessAt), toMs(state.nextDueAt), state.consecutiveFailures,
             hasError ? QVariant(errorClassName(state.lastErrorClass)) : nullText,
             hasError ? QVariant(state.lastErrorMessage) : nullText,
             hasError ? QVariant(state.lastErrorDetail) : nullText,
             hasError ? QVariant(state.lastErrorHintId) : nullText, state.itemsLastSync, state.intervalMs,
             state.itemsPerMinute, toMs(state.lastNewItemAt), toMs(state.firstSyncAt),
             hasError && state.lastErrorStage != ErrorStage::Unknown ? QVariant(errorStageName(state.lastErrorStage))
                                                                     : nullText}};
}

Status Store::saveMailboxState(const MailboxState &state, bool releaseLease)
{
    const Statement upsert = stateUpsert(state, releaseLease);
    auto query = execCached(upsert.sql, upsert.values);
    if (!query) {
        return query.error();
    }
    return {};
}

Status Store::saveStateAndRun(const MailboxState &state, bool releaseLease, const SyncRun &run)
{
    const Statement upsert = stateUpsert(state, releaseLease);
    const Statement insert = runInsert(run);
    if (!isPostgres()) { // SQLite has no data-modifying WITH; its statements are calls, not round trips
        auto saved = execCached(upsert.sql, upsert.values);
        if (!saved) {
            return saved.error();
        }
        auto recorded = execCached(insert.sql, insert.values);
        return recorded ? Status{} : Status(recorded.error());
    }
    // Both happen, whether or not the main statement reads the WITH's (PostgreSQL runs every data-modifying
    // WITH to completion), and fail or commit together.
    auto query = execCached(u"WITH run AS ("_s + insert.sql + u") "_s + upsert.sql, insert.values + upsert.values);
    return query ? Status{} : Status(query.error());
}

Result<bool> Store::finishLeasedRun(const MailboxState &state, const QString &node, qint64 epoch, const SyncRun &run)
{
    if (!isPostgres()) { // in-process calls: nothing to save by joining them
        auto held = leasedState(state.mailboxId, node, epoch);
        if (!held) {
            return held.error();
        }
        if (Status saved = saveStateAndRun(state, true, run); !saved) {
            return saved.error();
        }
        return held->consecutiveFailures > 0 || held->hasError();
    }
    // The row locked only while this lease holds it; the state written over it and the run recorded only
    // if it was found. The run's values are cast: in INSERT … SELECT PostgreSQL would read them as text.
    const Statement upsert = stateUpsert(state, true);
    const Statement insert = runInsert(run);
    static const QString sql = []() -> QString {
        const QString columns = u"interval_seconds, interval_reason, last_sync_at, last_success_at, next_due_at, "
                                "consecutive_failures, last_error_class, last_error_message, last_error_detail, "
                                "last_error_hint, items_last_sync, interval_ms, avg_new_items, last_new_item_at, "
                                "first_sync_at, last_error_stage"_s;
        QStringList sets;
        for (const QString &column : columns.split(u", "_s)) {
            sets.append(column + u" = ?"_s);
        }
        return u"WITH old AS (SELECT mailbox_id, consecutive_failures, last_error_class FROM mailbox_state "
               "WHERE mailbox_id = ? AND lease_owner = ? AND lease_epoch = ? FOR UPDATE), "
               "saved AS (UPDATE mailbox_state s SET "_s +
               sets.join(u", "_s) +
               u", lease_owner = NULL, lease_until = NULL FROM old WHERE s.mailbox_id = old.mailbox_id), "
               "run AS (INSERT INTO sync_runs (mailbox_id, started_at, finished_at, trigger, success, items_new, "
               "items_seen, error_class, error_message, node, interval_ms, interval_reason, lease_epoch) SELECT "
               "CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS BIGINT), "
               "CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), "
               "CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS BIGINT) FROM old) "
               "SELECT consecutive_failures, last_error_class FROM old"_s;
    }();
    // stateUpsert's values: the mailbox id, then the columns above in their order.
    QVariantList values{state.mailboxId, node, epoch};
    values += upsert.values.mid(1);
    values += insert.values;
    auto query = execCached(sql, values);
    if (!query) {
        return query.error();
    }
    if (!(*query)->next()) {
        (*query)->finish();
        // Not this lease's any more: the owner and epoch now, for the message.
        if (Status held = checkLease(state.mailboxId, node, epoch); !held) {
            return held.error();
        }
        return SyncError::make(ErrorClass::Store, u"lease-lost"_s, tr("the mailbox's state row is gone"));
    }
    const bool wasFailing = (*query)->value(0).toInt() > 0 || !(*query)->value(1).isNull();
    (*query)->finish();
    return wasFailing;
}

} // namespace SyncDesk
