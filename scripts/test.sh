#!/usr/bin/env bash
# Quick start, part 2: installs what is missing, builds, and runs the whole test suite (CTest).
# Tests that need servers start their own (a private Dovecot per test); nothing is left running.
# Extra arguments go to ctest (for example: scripts/test.sh -L dovecot, or -R tst_corpus).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
build

echo "==> Running the tests"
export QT_QPA_PLATFORM=offscreen
cd "$BUILD_DIR"
ctest --output-on-failure --timeout 600 -j "$(nproc)" "$@"
