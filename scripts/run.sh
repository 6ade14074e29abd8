#!/usr/bin/env bash
# Quick start, part 1: installs what is missing, builds, and opens the console in demo mode — a
# private mail server with demo mailboxes syncing live. Extra arguments go to the console
# (for example: scripts/run.sh --db /var/lib/syncdesk/syncdesk.db to open a real database instead).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
build

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No display: the console needs a desktop session (DISPLAY or WAYLAND_DISPLAY)." >&2
    echo "On a headless machine, try: xvfb-run -a $0 $*" >&2
    exit 1
fi

if [ "$#" -eq 0 ]; then
    set -- --demo
fi
echo "==> Starting the console: $BUILD_DIR/app/syncdesk $*"
exec "$BUILD_DIR/app/syncdesk" "$@"
