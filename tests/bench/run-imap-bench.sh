#!/usr/bin/env bash
# The IMAP pull benchmark: syncdesk-node against mbsync and offlineimap on a private Dovecot.
# Run as root, installs what it needs (also isync and offlineimap3, which only the benchmark uses),
# builds, and runs build/tests/bench/bench_imapsync with the arguments given (see --help).
# Takes a few minutes; offlineimap is the slow one (--no-offlineimap skips it).
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/common.sh"

ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}" isync offlineimap3 linux-perf
echo "==> Building in $BUILD_DIR"
cmake -S "$SYNCDESK_ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSYNCDESK_WERROR=ON
cmake --build "$BUILD_DIR" --parallel "$(nproc)" --target bench_imapsync syncdesk-node
echo "==> Running the benchmark"
exec "$BUILD_DIR/tests/bench/bench_imapsync" "$@"
