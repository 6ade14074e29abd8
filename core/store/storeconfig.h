#pragma once

#include "diagnostics/result.h"

#include <QMap>
#include <QString>

namespace SyncDesk {

// How to reach the CRM store: a SQLite file (the embedded default, nothing to set up) or a PostgreSQL
// database shared by several nodes. Never holds a password: libpq finds it in PGPASSWORD, ~/.pgpass or
// PGPASSFILE, or `passwordSource` names where to read it (a keychain entry, a file or a variable).
struct StoreConfig
{
    enum class Backend { SQLite, PostgreSQL };

    Backend backend = Backend::SQLite;
    QString sqlitePath;
    // PostgreSQL
    QString host; // a host name or address, or a socket directory (starts with '/')
    int port = 5432;
    QString user;                   // empty: libpq's default (PGUSER or the operating-system user)
    QString database;               // empty: libpq's default (PGDATABASE or the user name)
    QMap<QString, QString> options; // libpq connection options from the URL's query (sslmode, …)
    QString passwordSource;         // PasswordSource encoding ("keychain:ENTRY", "file:PATH", "env:NAME") or empty
    int busyTimeoutMs = 15000;      // how long a writer waits for another writer's lock
    // SQLite: open only a database that exists (commands that only read): a missing file is store-missing,
    // and neither the file nor its folders are created.
    bool mustExist = false;

    static StoreConfig sqlite(const QString &path)
    {
        StoreConfig config;
        config.sqlitePath = path;
        return config;
    }
    // A file path (SQLite) or postgresql://[USER@]HOST[:PORT]/DBNAME[?sslmode=…&…] (also postgres://).
    // Refuses a password in the URL: it would show in the process list and the shell's history.
    static Result<StoreConfig> fromLocation(const QString &location);
    static bool isUrl(const QString &location);

    bool isPostgres() const { return backend == Backend::PostgreSQL; }
    // The file path, or the URL without secrets: for messages and the console's title.
    QString describe() const;

    friend bool operator==(const StoreConfig &, const StoreConfig &) = default;
};

} // namespace SyncDesk
