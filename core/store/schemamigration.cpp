#include "schemamigration.h"

namespace SyncDesk {

using namespace Qt::StringLiterals;

// Times are INTEGER milliseconds since the epoch, UTC. Booleans are INTEGER 0/1. Lists are JSON text.
const QList<SchemaMigration> &schemaMigrations()
{
    static const QList<SchemaMigration> migrations{
        {1,
         u"profiles, mailboxes, mailbox and folder state, activities"_s,
         {
             uR"(CREATE TABLE server_profiles (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    incoming_protocol TEXT NOT NULL,
                    incoming_host TEXT NOT NULL,
                    incoming_port INTEGER NOT NULL,
                    incoming_security TEXT NOT NULL,
                    incoming_ca_file TEXT NOT NULL DEFAULT '',
                    outgoing_host TEXT,
                    outgoing_port INTEGER,
                    outgoing_security TEXT,
                    outgoing_ca_file TEXT,
                    max_concurrent_connections INTEGER NOT NULL DEFAULT 10,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL))"_s,
             uR"(CREATE TABLE mailboxes (
                    id INTEGER PRIMARY KEY,
                    address TEXT NOT NULL UNIQUE,
                    profile_id INTEGER NOT NULL REFERENCES server_profiles(id),
                    username TEXT NOT NULL,
                    password_source TEXT NOT NULL,
                    enabled INTEGER NOT NULL DEFAULT 1,
                    folders TEXT NOT NULL DEFAULT '["INBOX"]',
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL))"_s,
             uR"(CREATE TABLE mailbox_state (
                    mailbox_id INTEGER PRIMARY KEY REFERENCES mailboxes(id) ON DELETE CASCADE,
                    interval_seconds INTEGER NOT NULL DEFAULT 300,
                    interval_reason TEXT NOT NULL DEFAULT 'normal',
                    last_sync_at INTEGER,
                    last_success_at INTEGER,
                    next_due_at INTEGER,
                    consecutive_failures INTEGER NOT NULL DEFAULT 0,
                    last_error_class TEXT,
                    last_error_message TEXT,
                    last_error_detail TEXT,
                    last_error_hint TEXT,
                    items_last_sync INTEGER NOT NULL DEFAULT 0,
                    lease_owner TEXT,
                    lease_until INTEGER))"_s,
             uR"(CREATE TABLE folder_state (
                    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
                    folder TEXT NOT NULL,
                    uidvalidity INTEGER NOT NULL,
                    uidnext INTEGER NOT NULL,
                    highestmodseq INTEGER NOT NULL DEFAULT 0,
                    updated_at INTEGER NOT NULL,
                    PRIMARY KEY (mailbox_id, folder)))"_s,
             uR"(CREATE TABLE activities (
                    id INTEGER PRIMARY KEY,
                    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
                    folder TEXT NOT NULL,
                    uidvalidity INTEGER NOT NULL,
                    uid INTEGER NOT NULL,
                    message_id TEXT NOT NULL DEFAULT '',
                    dedupe_key TEXT NOT NULL,
                    subject TEXT NOT NULL DEFAULT '',
                    from_name TEXT NOT NULL DEFAULT '',
                    from_address TEXT NOT NULL DEFAULT '',
                    to_json TEXT NOT NULL DEFAULT '[]',
                    cc_json TEXT NOT NULL DEFAULT '[]',
                    sent_at INTEGER,
                    body_text TEXT NOT NULL DEFAULT '',
                    regarding_type TEXT,
                    regarding_id TEXT,
                    correlation TEXT NOT NULL DEFAULT '',
                    created_at INTEGER NOT NULL,
                    UNIQUE (mailbox_id, folder, uidvalidity, uid),
                    UNIQUE (mailbox_id, dedupe_key)))"_s,
             u"CREATE INDEX activities_message_id ON activities (message_id)"_s,
         }},
        {2,
         u"sync run history, structured log, sync requests, message details"_s,
         {
             uR"(CREATE TABLE sync_runs (
                    id INTEGER PRIMARY KEY,
                    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
                    started_at INTEGER NOT NULL,
                    finished_at INTEGER NOT NULL,
                    trigger TEXT NOT NULL,
                    success INTEGER NOT NULL,
                    items_new INTEGER NOT NULL DEFAULT 0,
                    items_seen INTEGER NOT NULL DEFAULT 0,
                    error_class TEXT,
                    error_message TEXT,
                    node TEXT NOT NULL DEFAULT ''))"_s,
             u"CREATE INDEX sync_runs_mailbox ON sync_runs (mailbox_id, started_at)"_s,
             uR"(CREATE TABLE log_records (
                    id INTEGER PRIMARY KEY,
                    at INTEGER NOT NULL,
                    level INTEGER NOT NULL,
                    category TEXT NOT NULL,
                    mailbox TEXT NOT NULL DEFAULT '',
                    message TEXT NOT NULL))"_s,
             u"CREATE INDEX log_records_mailbox ON log_records (mailbox, id)"_s,
             uR"(CREATE TABLE sync_requests (
                    id INTEGER PRIMARY KEY,
                    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
                    reason TEXT NOT NULL,
                    requested_at INTEGER NOT NULL))"_s,
             u"ALTER TABLE activities ADD COLUMN in_reply_to TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE activities ADD COLUMN references_json TEXT NOT NULL DEFAULT '[]'"_s,
             u"ALTER TABLE activities ADD COLUMN attachments_json TEXT NOT NULL DEFAULT '[]'"_s,
             u"ALTER TABLE activities ADD COLUMN size_bytes INTEGER NOT NULL DEFAULT 0"_s,
             u"ALTER TABLE activities ADD COLUMN warnings_json TEXT NOT NULL DEFAULT '[]'"_s,
         }},
        {3,
         u"POP3: the UIDLs seen per mailbox"_s,
         {
             uR"(CREATE TABLE pop3_seen (
                    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
                    uidl TEXT NOT NULL,
                    local_uid INTEGER NOT NULL,
                    seen_at INTEGER NOT NULL,
                    PRIMARY KEY (mailbox_id, uidl)))"_s,
         }},
    };
    return migrations;
}

int latestSchemaVersion()
{
    return schemaMigrations().constLast().version;
}

} // namespace SyncDesk
