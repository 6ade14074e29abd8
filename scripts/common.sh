# Shared by scripts/run.sh and scripts/test.sh: the Debian packages SyncDesk needs, installing the
# missing ones, and the build. Sourced, not run.

set -euo pipefail

SYNCDESK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${SYNCDESK_BUILD_DIR:-$SYNCDESK_ROOT/build}"

# What each package is for is in the README ("Dependencies").
BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config clang-format
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-charts-dev libqt6opengl6-dev libqt6sql6-sqlite libqt6sql6-psql
    qt6-l10n-tools qt6-translations-l10n qt6-networkauth-dev
    libgmime-3.0-dev qtkeychain-qt6-dev libsqlite3-dev libical-dev libsystemd-dev
)
TEST_PACKAGES=(
    dovecot-imapd dovecot-pop3d dovecot-submissiond dovecot-lmtpd python3-aiosmtpd msmtp openssl postgresql-15
    dbus-daemon gnome-keyring
    clang-14 libclang-rt-14-dev
    radicale python3-tz
    prometheus lintian dpkg-dev fakeroot systemd
)

missing_packages() {
    local package
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q "install ok installed"; then
            printf '%s\n' "$package"
        fi
    done
}

# Installs what is missing when running as root; otherwise prints the exact command and stops.
ensure_packages() {
    local missing
    mapfile -t missing < <(missing_packages "$@")
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi
    local command="apt-get install -y --no-install-recommends ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
        echo "SyncDesk needs these Debian packages, which are not installed:" >&2
        echo "    ${missing[*]}" >&2
        echo "Install them as root, then run this command again:" >&2
        echo "    sudo apt-get update && sudo $command" >&2
        exit 1
    fi
    echo "==> Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
    echo "==> Building in $BUILD_DIR"
    cmake -S "$SYNCDESK_ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSYNCDESK_WERROR=ON
    cmake --build "$BUILD_DIR" --parallel "$(nproc)"
}
