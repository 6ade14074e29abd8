#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace SyncDesk {

// One step of the schema's history. Steps are append-only: once released a step is never edited,
// a change is a new step. Opening a database applies every step it has not seen, in order.
struct SchemaMigration
{
    int version = 0;
    QString description;
    QStringList statements;   // both backends (SqlDialect::schemaStatement translates the types)
    QStringList sqliteOnly;   // after `statements`, on SQLite only (triggers)
    QStringList postgresOnly; // after `statements`, on PostgreSQL only
};

const QList<SchemaMigration> &schemaMigrations();
int latestSchemaVersion();

} // namespace SyncDesk
