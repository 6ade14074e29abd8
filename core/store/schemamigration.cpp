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
         },
         {},
         {}},
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
         },
         {},
         {}},
        {3,
         u"adaptive schedule, overdue causes, disabling, per-profile polling bounds, settings, nodes, alerts"_s,
         {
             u"ALTER TABLE mailbox_state ADD COLUMN interval_ms INTEGER"_s,
             u"UPDATE mailbox_state SET interval_ms = interval_seconds * 1000"_s,
             u"ALTER TABLE mailbox_state ADD COLUMN avg_new_items REAL NOT NULL DEFAULT 0"_s,
             u"ALTER TABLE mailbox_state ADD COLUMN last_new_item_at INTEGER"_s,
             u"ALTER TABLE mailbox_state ADD COLUMN first_sync_at INTEGER"_s,
             u"ALTER TABLE mailbox_state ADD COLUMN overdue_cause TEXT"_s,
             u"ALTER TABLE mailboxes ADD COLUMN disabled_reason TEXT"_s,
             u"ALTER TABLE mailboxes ADD COLUMN disabled_at INTEGER"_s,
             u"ALTER TABLE server_profiles ADD COLUMN min_interval_seconds INTEGER"_s,
             u"ALTER TABLE server_profiles ADD COLUMN base_interval_seconds INTEGER"_s,
             u"ALTER TABLE server_profiles ADD COLUMN max_interval_seconds INTEGER"_s,
             uR"(CREATE TABLE settings (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL))"_s,
             // Bumped by triggers whenever mailboxes, profiles or settings change, so that a running
             // engine notices changes made by any process with one cheap read.
             uR"(CREATE TABLE meta (
                    key TEXT PRIMARY KEY,
                    value INTEGER NOT NULL))"_s,
             u"INSERT INTO meta (key, value) VALUES ('config_version', 1)"_s,
             uR"(CREATE TABLE nodes (
                    node_id TEXT PRIMARY KEY,
                    host TEXT NOT NULL,
                    pid INTEGER NOT NULL,
                    started_at INTEGER NOT NULL,
                    heartbeat_at INTEGER NOT NULL,
                    workers_total INTEGER NOT NULL,
                    workers_busy INTEGER NOT NULL,
                    capacity INTEGER NOT NULL,
                    running INTEGER NOT NULL,
                    queued INTEGER NOT NULL,
                    overdue INTEGER NOT NULL,
                    profiles_json TEXT NOT NULL DEFAULT '[]',
                    stopped INTEGER NOT NULL DEFAULT 0))"_s,
             uR"(CREATE TABLE alerts (
                    id INTEGER PRIMARY KEY,
                    cause_key TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    mailbox_id INTEGER REFERENCES mailboxes(id) ON DELETE CASCADE,
                    profile_id INTEGER REFERENCES server_profiles(id) ON DELETE CASCADE,
                    hint_id TEXT NOT NULL DEFAULT '',
                    message TEXT NOT NULL,
                    raised_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    occurrences INTEGER NOT NULL DEFAULT 1,
                    state TEXT NOT NULL DEFAULT 'open',
                    acknowledged_at INTEGER,
                    closed_at INTEGER))"_s,
             u"CREATE INDEX mailbox_state_leases ON mailbox_state (lease_owner) WHERE lease_owner IS NOT NULL"_s,
             u"ALTER TABLE sync_runs ADD COLUMN interval_ms INTEGER"_s,
             u"ALTER TABLE sync_runs ADD COLUMN interval_reason TEXT"_s,
             u"CREATE INDEX sync_runs_started ON sync_runs (started_at)"_s,
             // One open alert per cause.
             u"CREATE UNIQUE INDEX alerts_open_cause ON alerts (cause_key) WHERE state <> 'closed'"_s,
         },
         {
             u"CREATE TRIGGER mailboxes_changed_insert AFTER INSERT ON mailboxes BEGIN "
             "UPDATE meta SET value = value + 1 WHERE key = 'config_version'; END"_s,
             u"CREATE TRIGGER mailboxes_changed_update AFTER UPDATE ON mailboxes BEGIN "
             "UPDATE meta SET value = value + 1 WHERE key = 'config_version'; END"_s,
             u"CREATE TRIGGER mailboxes_changed_delete AFTER DELETE ON mailboxes BEGIN "
             "UPDATE meta SET value = value + 1 WHERE key = 'config_version'; END"_s,
             u"CREATE TRIGGER profiles_changed_insert AFTER INSERT ON server_profiles BEGIN "
             "UPDATE meta SET value = value + 1 WHERE key = 'config_version'; END"_s,
             u"CREATE TRIGGER profiles_changed_update AFTER UPDATE ON server_profiles BEGIN "
             "UPDATE meta SET value = value + 1 WHERE key = 'config_version'; END"_s,
             u"CREATE TRIGGER settings_changed_insert AFTER INSERT ON settings BEGIN "
             "UPDATE meta SET value = value + 1 WHERE key = 'config_version'; END"_s,
             u"CREATE TRIGGER settings_changed_update AFTER UPDATE ON settings BEGIN "
             "UPDATE meta SET value = value + 1 WHERE key = 'config_version'; END"_s,
         },
         {
             uR"(CREATE FUNCTION bump_config_version() RETURNS trigger LANGUAGE plpgsql AS $body$
                    BEGIN UPDATE meta SET value = value + 1 WHERE key = 'config_version'; RETURN NULL; END
                    $body$)"_s,
             u"CREATE TRIGGER mailboxes_changed AFTER INSERT OR UPDATE OR DELETE ON mailboxes "
             "FOR EACH STATEMENT EXECUTE FUNCTION bump_config_version()"_s,
             u"CREATE TRIGGER profiles_changed AFTER INSERT OR UPDATE ON server_profiles "
             "FOR EACH STATEMENT EXECUTE FUNCTION bump_config_version()"_s,
             u"CREATE TRIGGER settings_changed AFTER INSERT OR UPDATE ON settings "
             "FOR EACH STATEMENT EXECUTE FUNCTION bump_config_version()"_s,
         }},
        {4,
         u"CRM records, mailbox owners and tracking options, correlation, withheld fields, track requests"_s,
         {
             uR"(CREATE TABLE crm_records (
                    id INTEGER PRIMARY KEY,
                    type TEXT NOT NULL,
                    record_key TEXT NOT NULL,
                    name TEXT NOT NULL DEFAULT '',
                    email TEXT NOT NULL DEFAULT '',
                    owner_key TEXT NOT NULL DEFAULT '',
                    business_unit TEXT NOT NULL DEFAULT '',
                    parent_type TEXT NOT NULL DEFAULT '',
                    parent_key TEXT NOT NULL DEFAULT '',
                    extra_json TEXT NOT NULL DEFAULT '{}',
                    updated_at INTEGER NOT NULL,
                    UNIQUE (type, record_key)))"_s,
             u"CREATE INDEX crm_records_email ON crm_records (email) WHERE email <> ''"_s,
             u"ALTER TABLE mailboxes ADD COLUMN owner_type TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE mailboxes ADD COLUMN owner_key TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE mailboxes ADD COLUMN tracking TEXT NOT NULL DEFAULT 'all'"_s,
             u"ALTER TABLE mailboxes ADD COLUMN tracked_folders_json TEXT NOT NULL DEFAULT '{}'"_s,
             u"ALTER TABLE activities ADD COLUMN parties_json TEXT NOT NULL DEFAULT '[]'"_s,
             u"ALTER TABLE activities ADD COLUMN withheld_json TEXT NOT NULL DEFAULT '[]'"_s,
             u"ALTER TABLE activities ADD COLUMN conversation TEXT NOT NULL DEFAULT ''"_s,
             u"CREATE INDEX activities_conversation ON activities (conversation) WHERE conversation <> ''"_s,
             u"ALTER TABLE mailbox_state ADD COLUMN items_withheld INTEGER NOT NULL DEFAULT 0"_s,
             u"ALTER TABLE mailbox_state ADD COLUMN fields_withheld INTEGER NOT NULL DEFAULT 0"_s,
             uR"(CREATE TABLE track_requests (
                    id INTEGER PRIMARY KEY,
                    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
                    message_id TEXT NOT NULL,
                    regarding_type TEXT,
                    regarding_key TEXT,
                    state TEXT NOT NULL DEFAULT 'pending',
                    reason TEXT NOT NULL DEFAULT '',
                    requested_at INTEGER NOT NULL,
                    completed_at INTEGER,
                    activity_id INTEGER))"_s,
             u"CREATE INDEX track_requests_pending ON track_requests (mailbox_id) WHERE state = 'pending'"_s,
         },
         {},
         {}},
        {5,
         u"POP3: the UIDLs seen per mailbox"_s,
         {
             uR"(CREATE TABLE pop3_seen (
                    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
                    uidl TEXT NOT NULL,
                    local_uid INTEGER NOT NULL,
                    seen_at INTEGER NOT NULL,
                    PRIMARY KEY (mailbox_id, uidl)))"_s,
         },
         {},
         {}},
        {6,
         u"diagnostics: failure stage, per-mailbox verbose log, alert incidents and their mailboxes, item failures"_s,
         {
             u"ALTER TABLE mailbox_state ADD COLUMN last_error_stage TEXT"_s,
             u"ALTER TABLE mailboxes ADD COLUMN verbose_log INTEGER NOT NULL DEFAULT 0"_s,
             u"CREATE INDEX mailboxes_profile ON mailboxes (profile_id)"_s,
             // A mailbox alert grouped into a profile incident points at the incident's alert.
             u"ALTER TABLE alerts ADD COLUMN incident_id INTEGER"_s,
             u"CREATE INDEX alerts_mailbox ON alerts (mailbox_id) WHERE mailbox_id IS NOT NULL"_s,
             // The mailboxes a profile incident grouped, and which of them it disabled.
             uR"(CREATE TABLE alert_mailboxes (
                    alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
                    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
                    joined_at INTEGER NOT NULL,
                    error_class TEXT NOT NULL DEFAULT '',
                    hint_id TEXT NOT NULL DEFAULT '',
                    disabled_at INTEGER,
                    reenabled_at INTEGER,
                    PRIMARY KEY (alert_id, mailbox_id)))"_s,
             // Messages that could not be decoded or stored; the rest of the sync went on without them.
             uR"(CREATE TABLE item_failures (
                    id INTEGER PRIMARY KEY,
                    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
                    folder TEXT NOT NULL,
                    uidvalidity INTEGER NOT NULL DEFAULT 0,
                    uid INTEGER NOT NULL DEFAULT 0,
                    pop3_uidl TEXT NOT NULL DEFAULT '',
                    message_id TEXT NOT NULL DEFAULT '',
                    subject TEXT NOT NULL DEFAULT '',
                    size_bytes INTEGER NOT NULL DEFAULT 0,
                    error_class TEXT NOT NULL,
                    hint_id TEXT NOT NULL,
                    stage TEXT NOT NULL DEFAULT '',
                    reason TEXT NOT NULL,
                    detail TEXT NOT NULL DEFAULT '',
                    first_failed_at INTEGER NOT NULL,
                    last_failed_at INTEGER NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 1,
                    state TEXT NOT NULL DEFAULT 'failed',
                    UNIQUE (mailbox_id, folder, uidvalidity, uid, pop3_uidl)))"_s,
         },
         {},
         {}},
        {7,
         u"exactly once: the folder ledger, aliases of duplicates, POP3 dispositions, audits, process_from"_s,
         {
             // Per folder and UIDVALIDITY, the UID spans the sync passed and what became of them.
             uR"(CREATE TABLE folder_ledger (
                    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
                    folder TEXT NOT NULL,
                    uidvalidity BIGINT NOT NULL,
                    first_uid BIGINT NOT NULL,
                    last_uid BIGINT NOT NULL,
                    disposition TEXT NOT NULL,
                    PRIMARY KEY (mailbox_id, folder, uidvalidity, first_uid)))"_s,
             // What earlier versions passed is accounted for as such.
             uR"(INSERT INTO folder_ledger (mailbox_id, folder, uidvalidity, first_uid, last_uid, disposition)
                    SELECT mailbox_id, folder, uidvalidity, 1, uidnext - 1, 'before-ledger' FROM folder_state
                    WHERE uidvalidity <> 0 AND uidnext > 1)"_s,
             // A message stored as a duplicate of an activity made from another copy of it.
             uR"(CREATE TABLE activity_aliases (
                    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
                    folder TEXT NOT NULL,
                    uidvalidity BIGINT NOT NULL,
                    uid BIGINT NOT NULL,
                    activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
                    PRIMARY KEY (mailbox_id, folder, uidvalidity, uid)))"_s,
             u"ALTER TABLE pop3_seen ADD COLUMN disposition TEXT NOT NULL DEFAULT 'before-ledger'"_s,
             u"ALTER TABLE mailbox_state ADD COLUMN last_audit_at INTEGER"_s,
             u"ALTER TABLE mailbox_state ADD COLUMN last_audit_missing INTEGER"_s,
             u"ALTER TABLE mailboxes ADD COLUMN process_from INTEGER"_s,
             u"ALTER TABLE nodes ADD COLUMN pid_namespace TEXT NOT NULL DEFAULT ''"_s,
         },
         {},
         {}},
        {8,
         u"retention: indexes for pruning the log, closed alerts and completed track requests by age"_s,
         {
             // sync_runs (started_at) has sync_runs_started; nodes and the leases are few rows.
             u"CREATE INDEX log_records_level_at ON log_records (level, at)"_s,
             u"CREATE INDEX alerts_closed ON alerts (closed_at) WHERE state = 'closed'"_s,
             u"CREATE INDEX track_requests_completed ON track_requests (completed_at) WHERE state <> 'pending'"_s,
         },
         {},
         {}},
        {9,
         u"per-profile message size limit, store probe"_s,
         {
             // NULL: the default (SyncTuning's maxMessageBytes).
             u"ALTER TABLE server_profiles ADD COLUMN max_message_bytes BIGINT"_s,
             // Written and emptied again to find out whether a failed store takes writes again.
             u"CREATE TABLE store_probe (id INTEGER PRIMARY KEY, data BLOB NOT NULL)"_s,
         },
         {},
         {}},
        {10,
         u"several engines: lease epochs (fencing), the epoch and engine of each run, engine versions"_s,
         {
             // Incremented by every claim: a run's writes carry it and are refused once the lease moved on.
             u"ALTER TABLE mailbox_state ADD COLUMN lease_epoch INTEGER NOT NULL DEFAULT 0"_s,
             u"ALTER TABLE sync_runs ADD COLUMN lease_epoch INTEGER"_s,
             u"ALTER TABLE nodes ADD COLUMN version TEXT NOT NULL DEFAULT ''"_s,
             u"CREATE INDEX sync_runs_node ON sync_runs (node, started_at)"_s,
             u"CREATE INDEX mailbox_state_due ON mailbox_state (next_due_at)"_s,
         },
         {},
         {}},
        {11,
         u"the leases held, indexed: a claim counts its profile's live leases without reading every mailbox"_s,
         {
             // A few hundred rows among 100,000 (bench_multinode: 7.4 ms a claim on SQLite without it).
             u"CREATE INDEX mailbox_state_leased ON mailbox_state (lease_until) WHERE lease_owner IS NOT NULL"_s,
         },
         {},
         {}},
        {12,
         u"each lease names its profile: a claim counts the profile's live leases from one index"_s,
         {
             // Written by every claim. Counting through mailboxes (for their profile) and nodes (for dead
             // engines) row by row cost 0.8 ms a claim at 700 live leases (bench_multinode, SQLite); from this
             // index it is a range per profile, grouped by engine before the engines are looked at.
             u"ALTER TABLE mailbox_state ADD COLUMN lease_profile INTEGER"_s,
             u"UPDATE mailbox_state SET lease_profile = (SELECT m.profile_id FROM mailboxes m WHERE m.id = "
             "mailbox_state.mailbox_id) WHERE lease_owner IS NOT NULL"_s,
             u"DROP INDEX mailbox_state_leased"_s,
             u"CREATE INDEX mailbox_state_leased ON mailbox_state (lease_profile, lease_until, lease_owner) "
             "WHERE lease_owner IS NOT NULL"_s,
         },
         {},
         {}},
        {13,
         u"engines that run the schedule share it: a run-once says it is one"_s,
         {
             // Each engine schedules its share of the mailboxes, among the live engines with runs_schedule = 1;
             // a run-once (sync --once) beats too, so that its leases are taken over if it is killed.
             u"ALTER TABLE nodes ADD COLUMN runs_schedule INTEGER NOT NULL DEFAULT 1"_s,
         },
         {},
         {}},
        {14,
         u"item failures say which message: its sender and date"_s,
         {
             // From the message's header (or, for one too large to fetch, from its header alone, fetched after).
             u"ALTER TABLE item_failures ADD COLUMN sender TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE item_failures ADD COLUMN message_date INTEGER"_s,
         },
         {},
         {}},
        {15,
         u"outgoing email: activities with a direction, the outbox, a mailbox's outgoing switch, a Sent folder"_s,
         {
             u"ALTER TABLE activities ADD COLUMN direction TEXT NOT NULL DEFAULT 'incoming'"_s,
             u"ALTER TABLE mailboxes ADD COLUMN outgoing INTEGER NOT NULL DEFAULT 1"_s,
             u"ALTER TABLE server_profiles ADD COLUMN sent_folder TEXT NOT NULL DEFAULT ''"_s,
             // One row per outgoing email activity: what is sent (the message, fixed before the first attempt)
             // and how sending went. The activity row holds what the CRM shows (subject, parties, body).
             uR"(CREATE TABLE outgoing_emails (
                    activity_id INTEGER PRIMARY KEY REFERENCES activities(id) ON DELETE CASCADE,
                    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
                    status TEXT NOT NULL,
                    owner TEXT NOT NULL DEFAULT '',
                    bcc_json TEXT NOT NULL DEFAULT '[]',
                    body_html TEXT NOT NULL DEFAULT '',
                    raw_message BLOB NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at INTEGER,
                    first_attempt_at INTEGER,
                    last_attempt_at INTEGER,
                    sent_at INTEGER,
                    error_class TEXT NOT NULL DEFAULT '',
                    error_message TEXT NOT NULL DEFAULT '',
                    error_hint TEXT NOT NULL DEFAULT '',
                    server_reply TEXT NOT NULL DEFAULT '',
                    refused_json TEXT NOT NULL DEFAULT '[]',
                    sent_copy TEXT NOT NULL DEFAULT '',
                    interruptions INTEGER NOT NULL DEFAULT 0,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL))"_s,
             u"CREATE INDEX outgoing_emails_mailbox ON outgoing_emails (mailbox_id, status, next_attempt_at)"_s,
             u"CREATE INDEX outgoing_emails_status ON outgoing_emails (status, updated_at)"_s,
         },
         {},
         {}},
        {16,
         u"appointments, contacts and tasks (the ACT direction): records, links to the server, collections, "
         "conflicts, state"_s,
         {
             // A mailbox's ACT settings (directions, conflict rule, its own DAV login) and a profile's DAV
             // endpoint, as JSON objects; '' when the mailbox or profile has none.
             u"ALTER TABLE mailboxes ADD COLUMN act_json TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE server_profiles ADD COLUMN act_json TEXT NOT NULL DEFAULT ''"_s,
             // The CRM's appointments and tasks. What syncs is fields_json (one object, compared field by field
             // with a link's base_json); the columns beside it serve listings and security checks.
             uR"(CREATE TABLE act_records (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    uid TEXT NOT NULL,
                    subject TEXT NOT NULL DEFAULT '',
                    start_at INTEGER,
                    end_at INTEGER,
                    owner_key TEXT NOT NULL DEFAULT '',
                    business_unit TEXT NOT NULL DEFAULT '',
                    regarding_type TEXT NOT NULL DEFAULT '',
                    regarding_key TEXT NOT NULL DEFAULT '',
                    fields_json TEXT NOT NULL DEFAULT '{}',
                    created_at INTEGER NOT NULL,
                    modified_at INTEGER NOT NULL,
                    UNIQUE (kind, uid)))"_s,
             u"CREATE INDEX act_records_owner ON act_records (kind, owner_key)"_s,
             u"CREATE INDEX act_records_start ON act_records (kind, start_at)"_s,
             // One record in one mailbox's calendar or address book. record_id is an act_records id, or a
             // crm_records id for contacts; a link whose record is gone is a deletion in the CRM. base_json holds
             // the fields both sides had at the last sync, server_data the server's text then (what SyncDesk does
             // not model is written back from it).
             uR"(CREATE TABLE act_links (
                    id INTEGER PRIMARY KEY,
                    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    record_id INTEGER NOT NULL,
                    href TEXT NOT NULL,
                    etag TEXT NOT NULL DEFAULT '',
                    base_json TEXT NOT NULL DEFAULT '{}',
                    server_data BLOB,
                    synced_at INTEGER NOT NULL,
                    UNIQUE (mailbox_id, kind, record_id),
                    UNIQUE (mailbox_id, href)))"_s,
             // The collections discovery found for a mailbox (one per kind) and their sync token.
             uR"(CREATE TABLE act_collections (
                    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    url TEXT NOT NULL,
                    display_name TEXT NOT NULL DEFAULT '',
                    sync_token TEXT NOT NULL DEFAULT '',
                    sync_collection INTEGER NOT NULL DEFAULT 1,
                    discovered_at INTEGER NOT NULL,
                    checked_at INTEGER,
                    config_version INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (mailbox_id, kind)))"_s,
             // A field both sides changed since the last sync: both values, and which one the rule kept.
             uR"(CREATE TABLE act_conflicts (
                    id INTEGER PRIMARY KEY,
                    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    record_id INTEGER NOT NULL,
                    uid TEXT NOT NULL,
                    subject TEXT NOT NULL DEFAULT '',
                    field TEXT NOT NULL,
                    crm_value TEXT NOT NULL,
                    server_value TEXT NOT NULL,
                    winner TEXT NOT NULL,
                    detected_at INTEGER NOT NULL))"_s,
             u"CREATE INDEX act_conflicts_mailbox ON act_conflicts (mailbox_id, detected_at)"_s,
             // The ACT direction's state per mailbox, as outgoing has its own.
             uR"(CREATE TABLE act_state (
                    mailbox_id INTEGER PRIMARY KEY REFERENCES mailboxes(id) ON DELETE CASCADE,
                    last_attempt_at INTEGER,
                    last_success_at INTEGER,
                    failures_in_row INTEGER NOT NULL DEFAULT 0,
                    error_class TEXT NOT NULL DEFAULT '',
                    error_message TEXT NOT NULL DEFAULT '',
                    error_hint TEXT NOT NULL DEFAULT '',
                    conflicts INTEGER NOT NULL DEFAULT 0,
                    to_server INTEGER NOT NULL DEFAULT 0,
                    from_server INTEGER NOT NULL DEFAULT 0,
                    requested_at INTEGER))"_s,
         },
         {},
         {}},
        {17,
         u"OAuth 2.0 sign-in of a profile's mailboxes, push (IMAP IDLE) settings and state"_s,
         {
             // The profile's "auth" object when its mailboxes sign in with OAuth 2.0; '' for passwords.
             u"ALTER TABLE server_profiles ADD COLUMN auth_json TEXT NOT NULL DEFAULT ''"_s,
             u"ALTER TABLE server_profiles ADD COLUMN max_push_connections INTEGER NOT NULL DEFAULT 0"_s,
             u"ALTER TABLE mailboxes ADD COLUMN push INTEGER NOT NULL DEFAULT 0"_s,
             // Which mailboxes a node keeps an IDLE connection for, since when, and how that connection is.
             uR"(CREATE TABLE push_state (
                    mailbox_id INTEGER PRIMARY KEY REFERENCES mailboxes(id) ON DELETE CASCADE,
                    node TEXT NOT NULL DEFAULT '',
                    state TEXT NOT NULL,
                    reason TEXT NOT NULL DEFAULT '',
                    since INTEGER NOT NULL,
                    last_event_at INTEGER,
                    events INTEGER NOT NULL DEFAULT 0,
                    renewals INTEGER NOT NULL DEFAULT 0,
                    error_message TEXT NOT NULL DEFAULT '',
                    updated_at INTEGER NOT NULL))"_s,
         },
         {},
         {}},
        {18,
         u"replies to tracked email: an index of the conversations of activities regarding a record"_s,
         {
             // A batch asks for the latest tracked activity of each of its conversations: answered from this
             // index alone (only tracked rows are in it, with every column the lookup reads), not by reading
             // every row of each conversation.
             u"CREATE INDEX activities_tracked_conversation ON activities (conversation, created_at, regarding_type, "
             "id) WHERE conversation <> '' AND regarding_type IS NOT NULL"_s,
         },
         {},
         {}},
    };
    return migrations;
}

int latestSchemaVersion()
{
    return schemaMigrations().constLast().version;
}

} // namespace SyncDesk
