#include "pushstore.h"

#include "store.h"
#include "storerows.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;
using namespace StoreRows;

namespace {

PushStatus::State stateFromName(const QString &name)
{
    for (auto state : {PushStatus::State::Connecting, PushStatus::State::Idling, PushStatus::State::Reconnecting,
                       PushStatus::State::Unsupported}) {
        if (pushStateName(state) == name) {
            return state;
        }
    }
    return PushStatus::State::Connecting;
}

} // namespace

PushStore::PushStore(Store &store)
    : m_store(store)
{}

Status PushStore::save(const QString &node, const PushStatus &status)
{
    auto query = m_store.exec(
        u"INSERT INTO push_state (mailbox_id, node, state, reason, since, last_event_at, events, renewals, "
        "error_message, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mailbox_id) DO UPDATE SET node "
        "= excluded.node, "
        "state = excluded.state, reason = excluded.reason, since = excluded.since, "
        "last_event_at = excluded.last_event_at, events = excluded.events, renewals = excluded.renewals, error_message "
        "= excluded.error_message, "
        "updated_at = excluded.updated_at"_s,
        {status.mailboxId, node, pushStateName(status.state), status.reason, toMs(status.since),
         toMs(status.lastEventAt), status.events, status.renewals, status.error.left(1000),
         QDateTime::currentMSecsSinceEpoch()});
    if (!query) {
        return query.error();
    }
    return {};
}

Status PushStore::remove(qint64 mailboxId, const QString &node)
{
    auto query = m_store.exec(u"DELETE FROM push_state WHERE mailbox_id = ? AND node = ?"_s, {mailboxId, node});
    if (!query) {
        return query.error();
    }
    return {};
}

Status PushStore::removeNode(const QString &node)
{
    auto query = m_store.exec(u"DELETE FROM push_state WHERE node = ?"_s, {node});
    if (!query) {
        return query.error();
    }
    return {};
}

Result<QHash<qint64, PushStore::Row>> PushStore::all()
{
    auto query = m_store.exec(
        u"SELECT p.mailbox_id, m.address, p.node, p.state, p.reason, p.since, p.last_event_at, "
        "p.events, p.error_message, p.renewals FROM push_state p JOIN mailboxes m ON m.id = p.mailbox_id"_s);
    if (!query) {
        return query.error();
    }
    QHash<qint64, Row> rows;
    while (query->next()) {
        Row row;
        row.status.mailboxId = query->value(0).toLongLong();
        row.status.address = query->value(1).toString();
        row.node = query->value(2).toString();
        row.status.state = stateFromName(query->value(3).toString());
        row.status.reason = query->value(4).toString();
        row.status.since = fromMs(query->value(5));
        row.status.lastEventAt = fromMs(query->value(6));
        row.status.events = query->value(7).toInt();
        row.status.error = query->value(8).toString();
        row.status.renewals = query->value(9).toInt();
        rows.insert(row.status.mailboxId, row);
    }
    return rows;
}

} // namespace SyncDesk
