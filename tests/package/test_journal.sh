#!/usr/bin/env bash
# The node's log in a real journal: Debian's systemd-journald is started in a private mount namespace (its
# sockets and files on tmpfs, nothing of this machine's journal touched), `syncdesk-node run` logs a failing sync
# into it, and `journalctl MAILBOX=…` finds the record with its fields (PRIORITY, CATEGORY, ERROR_CLASS, HINT).
# Usage: test_journal.sh NODE_BINARY        (needs root for the mount namespace)
set -euo pipefail
NODE="$1"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
if ! unshare --mount --propagation private true 2>/dev/null || [ ! -x /lib/systemd/systemd-journald ]; then
    if [ -n "${CI:-}" ]; then
        echo "FAIL: needs root (a mount namespace) and systemd-journald (package systemd)" >&2
        exit 1
    fi
    echo "SKIP: needs root and systemd-journald"
    exit 77
fi
cat >"$WORK/config.json" <<'JSON'
{"server_profiles": [{"name": "closed", "incoming": {"protocol": "imap", "host": "127.0.0.1", "port": 1}}],
 "mailboxes": [{"address": "ana@contoso.com", "profile": "closed", "password_env": "SYNCDESK_TEST_PW"}]}
JSON
"$NODE" --db "$WORK/node.db" config import "$WORK/config.json" >/dev/null 2>&1

export NODE WORK
unshare --mount --propagation private bash -euo pipefail -c '
    mkdir -p /run/systemd/journal /run/log
    mount -t tmpfs tmpfs /run/systemd/journal
    mount -t tmpfs tmpfs /run/log
    if [ -d /var/log/journal ]; then mount -t tmpfs tmpfs /var/log/journal; fi
    /lib/systemd/systemd-journald >"$WORK/journald.log" 2>&1 &
    journald=$!
    trap "kill $journald 2>/dev/null || true" EXIT
    for _ in $(seq 100); do [ -S /run/systemd/journal/socket ] && break; sleep 0.1; done
    [ -S /run/systemd/journal/socket ] || { echo "FAIL: journald did not start" >&2; cat "$WORK/journald.log" >&2; exit 1; }
    # Under systemd the node sees JOURNAL_STREAM; here SYNCDESK_LOG=journal says the same. The first sync fails
    # at once (port 1 is closed); the node is stopped (SIGTERM, as systemctl stop) once the record is there, or
    # after 20 s.
    SYNCDESK_TEST_PW=x SYNCDESK_LOG=journal "$NODE" --db "$WORK/node.db" run >"$WORK/stderr.txt" 2>&1 &
    node=$!
    for _ in $(seq 200); do
        journalctl -D /run/log/journal --no-pager MAILBOX=ana@contoso.com -o export >"$WORK/records.txt" 2>/dev/null || true
        grep -q "^ERROR_CLASS=Network$" "$WORK/records.txt" && break
        sleep 0.1
    done
    kill -TERM "$node"
    wait "$node" || { echo "FAIL: the node did not exit cleanly on SIGTERM" >&2; exit 1; }
'
failures=0
for field in "PRIORITY=3" "CATEGORY=sync" "MAILBOX=ana@contoso.com" "ERROR_CLASS=Network" "HINT=connection-refused" \
    "SYSLOG_IDENTIFIER=syncdesk-node"; do
    grep -qx -- "$field" "$WORK/records.txt" || { echo "FAIL: the journal record lacks $field" >&2; failures=$((failures + 1)); }
done
grep -q "^MESSAGE=sync failed: Network" "$WORK/records.txt" || { echo "FAIL: no sync failure in the journal" >&2; failures=$((failures + 1)); }
# Nothing went to stderr instead.
if grep -q "sync failed" "$WORK/stderr.txt"; then
    echo "FAIL: the record went to stderr too" >&2
    failures=$((failures + 1))
fi
if ((failures > 0)); then
    echo "--- records"; grep -E "^(MESSAGE|PRIORITY|CATEGORY|MAILBOX|ERROR_CLASS|HINT)=" "$WORK/records.txt" || true
    exit 1
fi
echo "journal: $(grep -c '^MESSAGE=' "$WORK/records.txt") record(s) for MAILBOX=ana@contoso.com, with their fields"
