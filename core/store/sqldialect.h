#pragma once

#include "diagnostics/syncerror.h"
#include "storeconfig.h"

#include <QString>

class QSqlError;

namespace SyncDesk::SqlDialect {

// Where SQLite and PostgreSQL differ, in one place. Everything else — upserts (ON CONFLICT … DO UPDATE,
// excluded.*), RETURNING, partial indexes, NULLS FIRST — is written once and runs on both.
//
// Schema statements are written in SQLite's terms and translated for PostgreSQL: INTEGER columns become
// BIGINT (times are milliseconds since the epoch), "id INTEGER PRIMARY KEY" an identity column, REAL double
// precision and BLOB bytea. Triggers and anything else that cannot be translated are written per backend
// (SchemaMigration::sqliteOnly / postgresOnly).
QString schemaStatement(StoreConfig::Backend backend, const QString &sqliteStatement);

// The keyword of a case-insensitive LIKE: SQLite's LIKE ignores ASCII case; PostgreSQL's needs ILIKE.
QString caseInsensitiveLike(StoreConfig::Backend backend);

// Classifies a driver error: the hint (store-locked, store-full, store-readonly, store-unreachable,
// store-auth, message-store for a refused row, store-error otherwise) and a sentence for the administrator.
// SQLite reports result codes, PostgreSQL SQLSTATEs (and, before a session exists, only libpq's text).
struct Classified
{
    QString hint;
    QString message;
    bool connectionLost = false; // PostgreSQL: the session is gone; a new connection may work
};
Classified classify(StoreConfig::Backend backend, const QSqlError &error);

} // namespace SyncDesk::SqlDialect
