#pragma once

#include "diagnostics/result.h"
#include "scheduler/pushmanager.h"

#include <QHash>
#include <QString>

namespace SyncDesk {

class Store;

// Which mailboxes are on push, on which node and since when (push_state), so that `status --json` and the
// console of any process show it. Each engine writes the rows of its own connections and removes them when it
// stops; rows of a node that died are ignored by readers once its heartbeat is old (see nodes).
class PushStore final
{
public:
    explicit PushStore(Store &store);

    Status save(const QString &node, const PushStatus &status);
    // The row of the mailbox if this node wrote it (after a move, another node's row stays).
    Status remove(qint64 mailboxId, const QString &node);
    Status removeNode(const QString &node);
    struct Row
    {
        PushStatus status;
        QString node;
    };
    // Every row, by mailbox id.
    Result<QHash<qint64, Row>> all();

private:
    Store &m_store;
};

} // namespace SyncDesk
