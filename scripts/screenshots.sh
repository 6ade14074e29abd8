#!/usr/bin/env bash
# Takes the README's pictures of the console into docs/: the demo (a private Dovecot with healthy,
# failing and disabled mailboxes, syncing live) under xvfb-run, one window per picture. Installs what
# is missing and builds first, like the Quick start. Usage: scripts/screenshots.sh [OUTPUT_DIR]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# xdotool: the bulk-action pictures select rows and open a menu the way a user would (mouse and keys).
ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}" xvfb xauth fonts-dejavu-core xdotool
build

OUT="${1:-$SYNCDESK_ROOT/docs}"
mkdir -p "$OUT"
# A settings folder of its own: the pictures do not depend on the window layout someone saved.
SETTINGS="$(mktemp -d)"
trap 'rm -rf "$SETTINGS"' EXIT
# The demo's schedule runs 60 times faster: after 25 s every mailbox synced several times, the failing
# one failed a few times and the wrong password disabled its mailbox.
DELAY="${SYNCDESK_SCREENSHOT_DELAY:-25}"

# shot NAME [ARGS...]: the window at 1920×1080 (SIZE=1366x768 for the small screen; LANG for another language).
shot() {
    local name="$1"
    shift
    local size="${SIZE:-1920x1080}"
    local width="${size%x*}" height="${size#*x}"
    echo "==> $OUT/$name.png ($size${LANG_SHOT:+, $LANG_SHOT})"
    rm -f "$OUT/$name.png"
    # Each picture starts as a first start would: no layout saved by the one before.
    local settings
    settings="$(mktemp -d -p "$SETTINGS")"
    # -geometry (Qt's X11 option): the whole screen but a title bar's height. With DRIVE set, xdotool
    # runs that script (after the demo synced, before the picture) against the window, so that a menu or a
    # dialog a user would open is in the picture.
    env ${LANG_SHOT:+LANG=$LANG_SHOT LANGUAGE= LC_ALL= LC_MESSAGES= SYNCDESK_LANGUAGE=} \
        XDG_CONFIG_HOME="$settings" xvfb-run -a -s "-screen 0 ${size}x24" \
        bash -c 'app="$1"; shift; drive="$1"; shift; delay="$1"; shift
                 "$app" "$@" & pid=$!
                 if [ -n "$drive" ]; then sleep "$((delay - 8))"; bash -c "$drive"; fi
                 wait "$pid"' _ \
        "$BUILD_DIR/app/syncdesk" "${DRIVE:-}" "$DELAY" \
        -geometry "${width}x$((height - 28))+0+0" --demo --screenshot "$OUT/$name.png" \
        --screenshot-delay "$DELAY" "$@" \
        2> >(grep -v "XDG_RUNTIME_DIR" >&2)
    if [ ! -s "$OUT/$name.png" ]; then
        echo "screenshots: $name.png was not written" >&2
        exit 1
    fi
}

# English and the C locale for the pictures in English, whatever this machine's language.
export SYNCDESK_LANGUAGE=en

# 1920×1080
shot console-mailboxes --select ana.sales@contoso.demo             # healthy, failing and disabled mailboxes
shot console-details-failing --select frank.legacy@contoso.demo    # the details pane of a failing mailbox
shot console-details-disabled --select erin.wrongpass@contoso.demo # ... and of a disabled one
shot console-log --select support-queue@contoso.demo --log         # the log viewer, filtered to a mailbox
shot console-overview --tab overview
shot console-alerts --tab alerts
shot console-crm --tab crm
shot console-failures --tab failures

# 1366×768: from the alert to the mailbox and its fix
SIZE=1366x768 shot console-1366-alerts --tab alerts
SIZE=1366x768 shot console-1366-details-disabled --select erin.wrongpass@contoso.demo
SIZE=1366x768 shot console-1366-outbox --tab outbox                  # outgoing email: sent, failed, a draft
SIZE=1366x768 shot console-1366-appointments --tab appointments      # the CRM tab's appointments, one from Ana's calendar

# 1366×768: bulk actions on the failing and the disabled mailbox (rows 5 and 6), selected with Ctrl+click:
# their context menu, then Test & Enable's one confirmation for both.
SELECT_TWO='xdotool mousemove 100 352 click 1; sleep 0.5; xdotool keydown ctrl mousemove 100 382 click 1 keyup ctrl
            sleep 0.5; xdotool mousemove 300 382 click 3; sleep 1'
SIZE=1366x768 DRIVE="$SELECT_TWO" shot console-1366-bulk-menu
SIZE=1366x768 DRIVE="$SELECT_TWO; xdotool mousemove 374 506 click 1" shot console-1366-bulk-confirm

# German, as under a German desktop (LANG=de_DE.UTF-8)
SIZE=1366x768 LANG_SHOT=de_DE.UTF-8 shot console-de-mailboxes --select frank.legacy@contoso.demo
SIZE=1366x768 LANG_SHOT=de_DE.UTF-8 shot console-de-alerts --tab alerts
echo "==> Done: look at them before committing."
