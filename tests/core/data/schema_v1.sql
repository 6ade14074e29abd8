-- A SyncDesk database as schema version 1 left it: the version-1 statements of
-- core/store/schemamigration.cpp, copied verbatim, the schema_version table Store::migrate creates,
-- and a few rows. tst_storemigrations opens it with today's Store and checks the migration forward.
-- Every statement ends with a semicolon at the end of its last line.

CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL);

CREATE TABLE server_profiles (
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
                    updated_at INTEGER NOT NULL);

CREATE TABLE mailboxes (
                    id INTEGER PRIMARY KEY,
                    address TEXT NOT NULL UNIQUE,
                    profile_id INTEGER NOT NULL REFERENCES server_profiles(id),
                    username TEXT NOT NULL,
                    password_source TEXT NOT NULL,
                    enabled INTEGER NOT NULL DEFAULT 1,
                    folders TEXT NOT NULL DEFAULT '["INBOX"]',
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL);

CREATE TABLE mailbox_state (
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
                    lease_until INTEGER);

CREATE TABLE folder_state (
                    mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
                    folder TEXT NOT NULL,
                    uidvalidity INTEGER NOT NULL,
                    uidnext INTEGER NOT NULL,
                    highestmodseq INTEGER NOT NULL DEFAULT 0,
                    updated_at INTEGER NOT NULL,
                    PRIMARY KEY (mailbox_id, folder));

CREATE TABLE activities (
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
                    UNIQUE (mailbox_id, dedupe_key));

CREATE INDEX activities_message_id ON activities (message_id);
INSERT INTO schema_version (version, description, applied_at)
VALUES (1, 'profiles, mailboxes, mailbox and folder state, activities', 1704067200000);

INSERT INTO server_profiles (id, name, incoming_protocol, incoming_host, incoming_port, incoming_security,
    incoming_ca_file, outgoing_host, outgoing_port, outgoing_security, outgoing_ca_file,
    max_concurrent_connections, created_at, updated_at)
VALUES (1, 'Legacy', 'imap', 'imap.legacy.test', 10993, 'starttls', '/etc/ssl/legacy-ca.pem',
    'smtp.legacy.test', 465, 'tls', '', 4, 1704067200000, 1704067200000);

INSERT INTO mailboxes (id, address, profile_id, username, password_source, enabled, folders, created_at,
    updated_at)
VALUES (1, 'old@legacy.test', 1, 'old-user', 'env:OLD_PW', 1, '["INBOX","Archiv/2023"]', 1704067200000,
    1704067200000);

INSERT INTO mailbox_state (mailbox_id, interval_seconds, interval_reason, last_sync_at, last_success_at,
    next_due_at, consecutive_failures, last_error_class, last_error_message, last_error_detail,
    last_error_hint, items_last_sync, lease_owner, lease_until)
VALUES (1, 600, 'busy', 1709647200000, 1709643600000, 1709647800000, 2, 'Network',
    'connection refused', 'imap.legacy.test:10993', 'network-refused', 7, NULL, NULL);

INSERT INTO folder_state (mailbox_id, folder, uidvalidity, uidnext, highestmodseq, updated_at)
VALUES (1, 'INBOX', 1700000000, 43, 0, 1709647200000);

INSERT INTO activities (id, mailbox_id, folder, uidvalidity, uid, message_id, dedupe_key, subject, from_name,
    from_address, to_json, cc_json, sent_at, body_text, regarding_type, regarding_id, correlation, created_at)
VALUES (1, 1, 'INBOX', 1700000000, 41, 'first@legacy.test', 'first@legacy.test', 'Grüße; aus Köln',
    'Jörg Müller', 'joerg@legacy.test', '[{"name":"Old","address":"old@legacy.test"}]', '[]', 1709640000000,
    'Hallo, it''s me', 'account', 'ACC-1', 'from-address', 1709640001000);

INSERT INTO activities (id, mailbox_id, folder, uidvalidity, uid, message_id, dedupe_key, subject, from_name,
    from_address, to_json, cc_json, sent_at, body_text, regarding_type, regarding_id, correlation, created_at)
VALUES (2, 1, 'INBOX', 1700000000, 42, '', 'sha1:3f786850e387550fdab836ed7e6dc881de23001b', 'No id', '',
    'anon@legacy.test', '[]', '[{"name":"","address":"cc@legacy.test"}]', NULL, 'body', NULL, NULL, '',
    1709640002000);
