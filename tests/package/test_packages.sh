#!/usr/bin/env bash
# The packages as a user gets them: scripts/package.sh builds syncdesk-node and syncdesk, then this checks their
# file lists and dependencies, runs lintian (no errors allowed), unpacks the node into a throwaway root
# (dpkg -x), runs syncdesk-node --version, config import of the shipped example and status from there, verifies
# the systemd unit with systemd-analyze (verify, and security at "OK" or better) and renders both man pages.
# Usage: test_packages.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
SOURCE_DIR="$1"
BUILD_DIR="$2"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
check_contains() { # WHAT TEXT NEEDLE
    grep -qF -- "$3" <<<"$2" || fail "$1 lacks $3"
}
check_lacks() {
    ! grep -qF -- "$3" <<<"$2" || fail "$1 must not have $3"
}

echo "==> scripts/package.sh"
SYNCDESK_BUILD_DIR="$BUILD_DIR" bash "$SOURCE_DIR/scripts/package.sh" >"$WORK/package.log" 2>&1 ||
    { cat "$WORK/package.log" >&2; fail "scripts/package.sh failed"; exit 1; }
node_deb="$(ls "$BUILD_DIR"/packages/syncdesk-node_*.deb)"
console_deb="$(ls "$BUILD_DIR"/packages/syncdesk_*.deb)"
echo "    $node_deb"
echo "    $console_deb"

echo "==> file lists"
node_files="$(dpkg-deb -c "$node_deb" | awk '{print $6}')"
for path in ./usr/bin/syncdesk-node ./lib/systemd/system/syncdesk-node.service \
    ./usr/share/man/man1/syncdesk-node.1.gz ./usr/share/doc/syncdesk-node/copyright \
    ./usr/share/doc/syncdesk-node/changelog.Debian.gz ./usr/share/doc/syncdesk-node/README.md \
    ./usr/share/doc/syncdesk-node/examples/config.json ./usr/share/doc/syncdesk-node/examples/syncdesk-dashboard.json; do
    check_contains "syncdesk-node's files" "$node_files" "$path"
done
grep -qx -- "./usr/bin/syncdesk" <<<"$node_files" && fail "syncdesk-node must not have the console"
for module in keychain mime ical; do
    grep -qE -- "^\./usr/lib/(.*/)?syncdesk/libsyncdesk-$module\.so$" <<<"$node_files" ||
        fail "syncdesk-node lacks its $module module (usr/lib/.../syncdesk/libsyncdesk-$module.so)"
done
console_files="$(dpkg-deb -c "$console_deb" | awk '{print $6}')"
for path in ./usr/bin/syncdesk ./usr/share/applications/syncdesk.desktop ./usr/share/man/man1/syncdesk.1.gz \
    ./usr/share/icons/hicolor/scalable/apps/syncdesk.svg ./usr/share/doc/syncdesk/copyright; do
    check_contains "syncdesk's files" "$console_files" "$path"
done
check_lacks "syncdesk's files" "$console_files" "syncdesk-node"

echo "==> dependencies"
node_depends="$(dpkg-deb -f "$node_deb" Depends)"
console_depends="$(dpkg-deb -f "$console_deb" Depends)"
echo "    syncdesk-node: $node_depends"
echo "    syncdesk:      $console_depends"
# libqt6keychain1, libgmime-3.0 and libical3 through the modules' own dependencies (dpkg-shlibdeps reads them too).
for lib in libqt6core6 libqt6network6 libqt6sql6 libqt6sql6-sqlite libgmime-3.0 libical3 libsystemd0 libqt6keychain1 adduser; do
    check_contains "syncdesk-node's Depends" "$node_depends" "$lib"
done
for gui in libqt6gui6 libqt6widgets6; do
    check_lacks "syncdesk-node's Depends (no GUI libraries)" "$node_depends" "$gui"
done
check_contains "syncdesk-node's Recommends" "$(dpkg-deb -f "$node_deb" Recommends)" "libqt6sql6-psql"
version="$(dpkg-deb -f "$node_deb" Version)"
check_contains "syncdesk's Depends" "$console_depends" "syncdesk-node (= $version)"
check_contains "syncdesk's Depends" "$console_depends" "libqt6widgets6"

echo "==> no library search paths"
# The binaries and modules find their libraries in the system's directories only: an RPATH or RUNPATH would be
# searched first at every start ("$ORIGIN" and its subdirectories, or an empty entry: the current directory).
SEARCH="$WORK/search"
dpkg -x "$node_deb" "$SEARCH"
dpkg -x "$console_deb" "$SEARCH"
elves=0
while IFS= read -r -d '' file; do
    [[ "$(head -c 4 "$file" | tr -d '\000')" == $'\x7fELF' ]] || continue
    elves=$((elves + 1))
    if ! dynamic="$(readelf -d "$file" 2>&1)"; then
        fail "readelf -d ${file#"$SEARCH"} failed: $dynamic"
        continue
    fi
    path="$(grep -E '\((RPATH|RUNPATH)\)' <<<"$dynamic" || true)"
    [[ -z "$path" ]] || fail "${file#"$SEARCH"} has a library search path: $path"
done < <(find "$SEARCH" -type f -print0)
# Both programs and the three modules at least.
((elves >= 5)) || fail "only $elves ELF file(s) found in the packages"
echo "    $elves ELF files, none with RPATH or RUNPATH"

echo "==> lintian"
lintian --tag-display-limit 0 "$node_deb" "$console_deb" >"$WORK/lintian.txt" 2>&1 || true
sed 's/^/    /' "$WORK/lintian.txt"
if grep -q '^E: ' "$WORK/lintian.txt"; then
    fail "lintian reports errors"
fi

echo "==> unpacked into a throwaway root"
ROOT="$WORK/root"
dpkg -x "$node_deb" "$ROOT"
got="$("$ROOT/usr/bin/syncdesk-node" --version)"
upstream="${version%%+*}"
upstream="${upstream%-*}"
[[ "$got" == "syncdesk-node $upstream"* ]] || fail "--version said '$got', the package is $version"
echo "    $got"
printf 'example-password\n' >"$WORK/support.password"
chmod 600 "$WORK/support.password"
sed "s|/etc/syncdesk/support.password|$WORK/support.password|" \
    "$ROOT/usr/share/doc/syncdesk-node/examples/config.json" >"$WORK/config.json"
"$ROOT/usr/bin/syncdesk-node" --db "$WORK/node.db" config import "$WORK/config.json" >"$WORK/import.txt" 2>&1 ||
    { cat "$WORK/import.txt" >&2; fail "the shipped example configuration does not import"; }
status="$("$ROOT/usr/bin/syncdesk-node" --db "$WORK/node.db" status 2>&1)" || fail "status failed: $status"
# The unpacked node finds its keychain module next to itself (there is no keychain here: that error is expected).
keychain="$(printf 'pw\n' | DBUS_SESSION_BUS_ADDRESS="unix:path=$WORK/no-bus" \
    "$ROOT/usr/bin/syncdesk-node" --db "$WORK/node.db" password set someone@example.com 2>&1)" &&
    fail "password set without a keychain succeeded: $keychain"
grep -q "libsyncdesk-keychain" <<<"$keychain" && fail "the unpacked node does not find its keychain module: $keychain"
check_contains "status" "$status" "support@example.com"

echo "==> the systemd unit"
unit="$ROOT/lib/systemd/system/syncdesk-node.service"
# systemd-analyze verify checks that ExecStart's binary exists at /usr/bin/syncdesk-node: the unpacked one is put
# there with an overlay in a private mount namespace, nothing outside $WORK is written.
mkdir -p "$WORK/upper" "$WORK/overlay-work"
cp "$ROOT/usr/bin/syncdesk-node" "$WORK/upper/"
verify="$(unshare --mount --propagation private sh -c \
    "mount -t overlay overlay -o lowerdir=/usr/bin,upperdir=$WORK/upper,workdir=$WORK/overlay-work /usr/bin &&
     systemd-analyze verify '$unit'" 2>&1)" || fail "systemd-analyze verify failed: $verify"
# verify only warns (exit 0) about unknown keys or bad values: any output is a failure.
[[ -z "$verify" ]] || fail "systemd-analyze verify printed: $verify"
# Exposure 4.9 or lower is "OK" (systemd-analyze security's scale: 0 PERFECT ... 10 DANGEROUS).
security="$(systemd-analyze security --offline=yes --threshold=49 "$unit" 2>&1)" ||
    fail "systemd-analyze security above 4.9: $(tail -1 <<<"$security")"
echo "    $(grep 'Overall exposure' <<<"$security")"

echo "==> man pages"
dpkg -x "$console_deb" "$WORK/console"
for page in "$ROOT/usr/share/man/man1/syncdesk-node.1.gz" "$WORK/console/usr/share/man/man1/syncdesk.1.gz"; do
    warnings="$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null)"
    [[ -z "$warnings" ]] || fail "man reports for $(basename "$page"): $warnings"
done
rendered="$(MANWIDTH=80 man -l "$ROOT/usr/share/man/man1/syncdesk-node.1.gz" 2>/dev/null)"
check_contains "syncdesk-node(1)" "$rendered" "--http"
check_contains "syncdesk-node(1)" "$rendered" "config import FILE.json"
rendered="$(MANWIDTH=80 man -l "$WORK/console/usr/share/man/man1/syncdesk.1.gz" 2>/dev/null)"
check_contains "syncdesk(1)" "$rendered" "--monitor-only"

if ((failures > 0)); then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "all package checks passed"
