#!/usr/bin/env bash
# The ACT benchmark (issue 16): SyncDesk's first sync and re-sync of appointments and contacts against a private
# Radicale, beside vdirsyncer (Debian's CalDAV/CardDAV sync tool) on the same server in the same run.
# usage: tests/bench/run-act-bench.sh [--items N]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/common.sh
ensure_packages "${BUILD_PACKAGES[@]}" radicale python3-tz vdirsyncer
build
exec "$BUILD_DIR/tests/bench/bench_act" "$@"
