#pragma once

#include <QString>

namespace SyncDesk {

// How to reach the CRM store. SQLite is the embedded default; PostgreSQL comes with multi-node work.
struct StoreConfig
{
    QString sqlitePath;
    int busyTimeoutMs = 15000; // how long a writer waits for another writer's lock

    static StoreConfig sqlite(const QString &path)
    {
        StoreConfig config;
        config.sqlitePath = path;
        return config;
    }
    QString describe() const { return sqlitePath; }

    friend bool operator==(const StoreConfig &, const StoreConfig &) = default;
};

} // namespace SyncDesk
