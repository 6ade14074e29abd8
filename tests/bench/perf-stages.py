#!/usr/bin/env python3
"""Splits a perf profile of a full IMAP pull into the stages of the pull.

Reads `perf script -F comm,tid,ip,sym` (recorded with call graphs) on standard input and prints the
CPU time per thread and per stage. Each sample counts for the first stage whose marker function is
found walking its stack from the leaf up: the stages nest (the socket handler calls the decoder,
which is followed by the insert), so the innermost marker names the work being done.

    perf script -i full.perf.data -F comm,tid,ip,sym | python3 perf-stages.py [frequency]
"""
import collections
import sys

# In order of precedence for one frame; the innermost frame with any marker decides.
STAGES = [
    ("ledger", ("LedgerStore::",)),
    ("SQL insert and commit", ("Store::insertActivities", "Store::writeBatch", "Store::commit",
                               "Store::begin", "StoreTransaction")),
    ("activity build and tracking", ("ActivityBuilder::", "SyncTracker::", "TrackingEngine::",
                                     "ItemFailures::", "CrmStore::")),
    ("MIME decode", ("MimeDecoder::", "GMimeBackend::", "BatchDecoder::", "HtmlToText", "g_mime_", "SharedWork")),
    ("socket read and IMAP parse", ("ResponseParser::", "Imap::parseFetch", "keepFetched", "SocketStream::",
                                    "Session::onReadyRead", "Imap::Session::handle", "Tokenizer::")),
    ("store open and schema", ("Store::open", "SchemaMigration", "migrate")),
    ("process start and exit", ("_dl_start", "_dl_init", "dl_main", "_dl_fini", "__libc_start_main",
                                "exit", "QCoreApplication::QCoreApplication", "QLibrary")),
]


def stage_of(frames):
    for symbol in frames:
        for name, markers in STAGES:
            if any(marker in symbol for marker in markers):
                return name
    return "other (event loop, scheduler, kernel without a user frame)"


def main():
    frequency = float(sys.argv[1]) if len(sys.argv) > 1 else 999.0
    per_stage = collections.Counter()
    per_thread = collections.Counter()
    per_thread_stage = collections.Counter()
    thread = None
    frames = []

    def flush():
        if thread is None:
            return
        stage = stage_of(frames)
        per_stage[stage] += 1
        per_thread[thread] += 1
        per_thread_stage[(thread, stage)] += 1

    for line in sys.stdin:
        if not line.strip():
            continue
        if not line[0].isspace():
            flush()
            parts = line.split()
            # comm may contain spaces ("Thread (pooled)"); the tid is the last field
            thread = " ".join(parts[:-1]) if len(parts) > 1 else parts[0]
            frames = []
        else:
            parts = line.strip().split(None, 1)
            frames.append(parts[1] if len(parts) > 1 else "")
    flush()

    total = sum(per_stage.values())
    if total == 0:
        print("no samples")
        return 1
    ms = 1000.0 / frequency
    print(f"{total} samples, {total * ms:.0f} ms of CPU")
    print("per thread:")
    for name, count in per_thread.most_common():
        print(f"  {name:<40} {count * ms:8.0f} ms  {100.0 * count / total:5.1f} %")
    print("per stage (innermost marker on the stack):")
    for name, count in per_stage.most_common():
        threads = ", ".join(f"{t} {c * ms:.0f}" for (t, s), c in per_thread_stage.most_common() if s == name)
        print(f"  {name:<40} {count * ms:8.0f} ms  {100.0 * count / total:5.1f} %   ({threads})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
