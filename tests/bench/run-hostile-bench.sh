#!/usr/bin/env bash
# The hostile-input benchmark: what crafted mail costs a node, against html2text in the same run.
# Run as root, installs what it needs (also html2text, which only the benchmark uses), builds, and runs
# build/tests/bench/bench_hostile with the arguments given (see --help). Takes about five minutes
# (the hostile-size case moves 19 GiB through loopback; --messages 20 makes it one).
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/common.sh"

ensure_packages "${BUILD_PACKAGES[@]}" html2text
echo "==> Building in $BUILD_DIR"
cmake -S "$SYNCDESK_ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSYNCDESK_WERROR=ON
cmake --build "$BUILD_DIR" --parallel "$(nproc)" --target bench_hostile
echo "==> Running the benchmark"
exec "$BUILD_DIR/tests/bench/bench_hostile" "$@"
