#!/usr/bin/env bash
# Builds the two Debian packages, syncdesk-node and syncdesk, into build/packages/ (CPack's DEB generator):
# installs what is missing, builds as the Quick start does (CPack strips the binaries) and packs.
# Usage: scripts/package.sh            then: sudo apt install ./build/packages/syncdesk-node_*.deb
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_packages "${BUILD_PACKAGES[@]}" dpkg-dev fakeroot
build
cmake --build "$BUILD_DIR" --target manpages debian_changelog
rm -rf "$BUILD_DIR/packages"
(cd "$BUILD_DIR" && fakeroot cpack --config CPackConfig.cmake) >&2
ls -1 "$BUILD_DIR"/packages/*.deb
