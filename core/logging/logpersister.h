#pragma once

#include <QObject>
#include <QTimer>

namespace SyncDesk {

class Store;

// Moves records from the Logger's pending queue into the store, in batches, on a timer and on demand.
// Lives in the thread that owns the store.
class LogPersister final : public QObject
{
    Q_OBJECT
public:
    explicit LogPersister(Store &store, int intervalMs = 500, QObject *parent = nullptr);
    ~LogPersister() override;

    void start();
    void flush();

private:
    Store &m_store;
    QTimer m_timer{this}; // a child, so that moveToThread() moves it too
};

} // namespace SyncDesk
