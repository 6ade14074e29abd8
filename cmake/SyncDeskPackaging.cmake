# Installation and the two Debian packages (CPack's DEB generator; scripts/package.sh builds them):
#   syncdesk-node  the engine and CLI, its systemd unit, man page, example configuration and Grafana dashboard;
#                  no GUI libraries.
#   syncdesk       the console (depends on syncdesk-node of the same version, built from the same core).
# Dependencies on shared libraries come from dpkg-shlibdeps.

include(GNUInstallDirs)

# SYNCDESK_PACKAGE_VERSION, SYNCDESK_GIT_COMMIT and SYNCDESK_CHANGELOG_DATE: cmake/SyncDeskVersion.cmake.
set(SYNCDESK_DEBIAN_REVISION 1)
set(SYNCDESK_DEBIAN_VERSION "${SYNCDESK_PACKAGE_VERSION}-${SYNCDESK_DEBIAN_REVISION}")

# Manual pages from the programs themselves (--man prints what --help lists, as roff), compressed for /usr/share/man.
# HOME=~ so that the default database shows as ~/.local/share/… rather than the build machine's home.
set(_man_dir "${PROJECT_BINARY_DIR}/man")
add_custom_command(
    OUTPUT "${_man_dir}/syncdesk-node.1.gz" "${_man_dir}/syncdesk.1.gz"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${_man_dir}"
    COMMAND ${CMAKE_COMMAND} -E env HOME=~ XDG_DATA_HOME= SYNCDESK_LANGUAGE=en QT_QPA_PLATFORM=offscreen
            sh -c "'$<TARGET_FILE:syncdesk-node>' --man > '${_man_dir}/syncdesk-node.1' && gzip -9nf '${_man_dir}/syncdesk-node.1'"
    COMMAND ${CMAKE_COMMAND} -E env HOME=~ XDG_DATA_HOME= SYNCDESK_LANGUAGE=en QT_QPA_PLATFORM=offscreen
            sh -c "'$<TARGET_FILE:syncdesk>' --man > '${_man_dir}/syncdesk.1' 2>/dev/null && gzip -9nf '${_man_dir}/syncdesk.1'"
    DEPENDS syncdesk-node syncdesk
    COMMENT "Manual pages from --man"
    VERBATIM)
add_custom_target(manpages ALL DEPENDS "${_man_dir}/syncdesk-node.1.gz" "${_man_dir}/syncdesk.1.gz")

# Debian's changelog and copyright, per package (/usr/share/doc/PACKAGE).
set(_deb_dir "${PROJECT_BINARY_DIR}/debian")
file(MAKE_DIRECTORY "${_deb_dir}")
set(_built_from "Built from the SyncDesk sources.")
if(SYNCDESK_GIT_COMMIT)
    set(_built_from "Built from the SyncDesk sources, git commit ${SYNCDESK_GIT_COMMIT}.")
endif()
file(WRITE "${_deb_dir}/changelog.Debian"
     "syncdesk (${SYNCDESK_DEBIAN_VERSION}) unstable; urgency=medium\n\n"
     "  * ${_built_from}\n"
     "  * syncdesk-node: engine and CLI, hardened systemd unit (Type=notify,\n"
     "    watchdog), journal fields, /metrics, /healthz and /readyz.\n"
     "  * syncdesk: the monitoring console.\n\n"
     " -- SyncDesk developers <dev@syncdesk.example.org>  ${SYNCDESK_CHANGELOG_DATE}\n")
add_custom_command(
    OUTPUT "${_deb_dir}/changelog.Debian.gz"
    COMMAND sh -c "gzip -9nc '${_deb_dir}/changelog.Debian' > '${_deb_dir}/changelog.Debian.gz'"
    DEPENDS "${_deb_dir}/changelog.Debian"
    VERBATIM)
add_custom_target(debian_changelog ALL DEPENDS "${_deb_dir}/changelog.Debian.gz")

# --- syncdesk-node ---
install(TARGETS syncdesk-node RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT node)
install(TARGETS syncdesk_keychain syncdesk_mime syncdesk_ical LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/syncdesk COMPONENT node)
install(FILES "${PROJECT_SOURCE_DIR}/packaging/systemd/syncdesk-node.service" DESTINATION /lib/systemd/system
        COMPONENT node)
install(FILES "${_man_dir}/syncdesk-node.1.gz" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT node)
set(_node_doc "${CMAKE_INSTALL_DATAROOTDIR}/doc/syncdesk-node")
install(FILES "${PROJECT_SOURCE_DIR}/packaging/debian/copyright" "${_deb_dir}/changelog.Debian.gz"
              "${PROJECT_SOURCE_DIR}/README.md" DESTINATION ${_node_doc} COMPONENT node)
install(FILES "${PROJECT_SOURCE_DIR}/packaging/debian/node/config.json.example" DESTINATION ${_node_doc}/examples
        RENAME config.json COMPONENT node)
install(FILES "${PROJECT_SOURCE_DIR}/docs/grafana/syncdesk-dashboard.json" DESTINATION ${_node_doc}/examples
        COMPONENT node)

# --- syncdesk (console) ---
install(TARGETS syncdesk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT console)
install(FILES "${PROJECT_SOURCE_DIR}/resources/syncdesk.desktop" DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/applications
        COMPONENT console)
install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/syncdesk.svg"
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/scalable/apps COMPONENT console)
install(FILES "${_man_dir}/syncdesk.1.gz" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT console)
install(FILES "${PROJECT_SOURCE_DIR}/packaging/debian/copyright" "${_deb_dir}/changelog.Debian.gz"
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/syncdesk COMPONENT console)

# --- CPack ---
set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL node console)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_NAME syncdesk)
set(CPACK_PACKAGE_VERSION "${SYNCDESK_PACKAGE_VERSION}")
set(CPACK_PACKAGE_CONTACT "SyncDesk developers <dev@syncdesk.example.org>")
set(CPACK_PACKAGE_VENDOR "SyncDesk")
set(CPACK_OUTPUT_FILE_PREFIX "${PROJECT_BINARY_DIR}/packages")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${SYNCDESK_DEBIAN_REVISION})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://syncdesk.example.org/")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_NODE_PACKAGE_NAME syncdesk-node)
# Qt loads its database drivers as plugins, which dpkg-shlibdeps cannot see: SQLite is the default store,
# PostgreSQL the one several nodes share.
# libsystemd is opened when first used (sd_notify, the journal), so dpkg-shlibdeps cannot see it either.
set(CPACK_DEBIAN_NODE_PACKAGE_DEPENDS "adduser, libqt6sql6-sqlite, libsystemd0")
set(CPACK_DEBIAN_NODE_PACKAGE_RECOMMENDS "libqt6sql6-psql")
set(CPACK_DEBIAN_NODE_PACKAGE_CONTROL_EXTRA
    "${PROJECT_SOURCE_DIR}/packaging/debian/node/postinst;${PROJECT_SOURCE_DIR}/packaging/debian/node/prerm;${PROJECT_SOURCE_DIR}/packaging/debian/node/postrm")
set(CPACK_COMPONENT_NODE_DESCRIPTION
    "mailbox synchronization engine for CRM stores (headless node)\n"
    "SyncDesk syncs mailboxes (IMAP, POP3, SMTP, CalDAV and CardDAV) with a\n"
    "CRM store in SQLite or PostgreSQL on a per-mailbox schedule. This package\n"
    "has the engine and its command line, syncdesk-node, with a hardened\n"
    "systemd service that reads /etc/syncdesk/config.json, logs to the journal\n"
    "and serves Prometheus metrics.")
set(CPACK_DEBIAN_CONSOLE_PACKAGE_NAME syncdesk)
set(CPACK_DEBIAN_CONSOLE_PACKAGE_SECTION mail)
set(CPACK_DEBIAN_CONSOLE_PACKAGE_DEPENDS "syncdesk-node (= ${SYNCDESK_DEBIAN_VERSION})")
set(CPACK_DEBIAN_CONSOLE_PACKAGE_RECOMMENDS "dovecot-imapd")
set(CPACK_COMPONENT_CONSOLE_DESCRIPTION
    "monitoring console for SyncDesk mailbox synchronization\n"
    "The SyncDesk console shows every mailbox of a SyncDesk database: its\n"
    "schedule, last and next sync, failures with a hint for each, alerts and\n"
    "the log, with manual resync and the actions an operator needs. Its demo\n"
    "mode (--demo) runs a private Dovecot, which dovecot-imapd provides.")
include(CPack)
