#pragma once

#include "store/storeconfig.h"

#include <QSqlDatabase>
#include <QString>
#include <QTest>

namespace SyncDesk::Testing::TestStore {

// The store tests run on both backends: on SQLite by default, and on PostgreSQL when the environment has
// SYNCDESK_TEST_BACKEND=postgresql (CTest registers each store test a second time, suffixed _postgresql).
bool isPostgres();
// "SQLite" or "PostgreSQL", for messages.
QString backendName();

// A new, empty store: a SQLite file `name` in `directory`, or a new database on this process's private
// PostgreSQL 15 cluster (started on first use, stopped when the application object goes). Empty, with the
// reason in `why`, when PostgreSQL cannot be started.
std::optional<StoreConfig> config(const QString &directory, const QString &name, QString *why = nullptr);

// A new, empty database on this process's private PostgreSQL cluster, whatever the test's backend.
std::optional<StoreConfig> postgresConfig(const QString &name, QString *why = nullptr);

// A connection of its own to the store, named `name` (QSqlDatabase::removeDatabase(name) when done).
QSqlDatabase rawConnection(const StoreConfig &config, const QString &name);

// Runs SQL on the store by hand, on a connection of its own (what an administrator's sqlite3 or psql would
// do): the rows as text, or the error's text in `error`.
QList<QStringList> rawSql(const StoreConfig &config, const QString &sql, QString *error = nullptr);

// The same URL the nodes get on their command line (--db): a path or postgresql://….
QString location(const StoreConfig &config);

} // namespace SyncDesk::Testing::TestStore

// Declares `var` as a new store's StoreConfig, or ends the test: a failure under CI (where scripts/test.sh
// installed PostgreSQL, so a missing one is a missing install step), a skip that says why elsewhere.
#define SYNCDESK_NEW_STORE(var, directory, name)                                                                       \
    StoreConfig var;                                                                                                   \
    do {                                                                                                               \
        QString why_;                                                                                                  \
        auto made_ = ::SyncDesk::Testing::TestStore::config((directory), (name), &why_);                               \
        if (!made_) {                                                                                                  \
            if (qEnvironmentVariableIsSet("CI")) {                                                                     \
                QFAIL(qPrintable(why_));                                                                               \
            }                                                                                                          \
            QSKIP(qPrintable(why_ + QStringLiteral(": run scripts/test.sh, which installs PostgreSQL 15")));           \
        }                                                                                                              \
        var = *made_;                                                                                                  \
    } while (false)
