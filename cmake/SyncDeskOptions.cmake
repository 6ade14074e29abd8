# One INTERFACE target carries every compile option of the project. Every target links it.
add_library(syncdesk_options INTERFACE)
add_library(SyncDesk::options ALIAS syncdesk_options)

target_compile_features(syncdesk_options INTERFACE cxx_std_20)
target_compile_options(syncdesk_options INTERFACE
    -Wall -Wextra -Wpedantic
    -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-align -Wnull-dereference
    # GCC 12 reports std::optional members of copied structs as "maybe uninitialized" when they are not.
    $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>
    $<$<BOOL:${SYNCDESK_WERROR}>:-Werror>)

# Qt's strict mode: no implicit conversions between char* / QByteArray and QString, no Qt keywords
# (glib headers used by GMime define members called "signals"), QStringBuilder everywhere.
target_compile_definitions(syncdesk_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_KEYWORDS
    QT_NO_FOREACH
    QT_NO_JAVA_STYLE_ITERATORS
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    SYNCDESK_VERSION="${PROJECT_VERSION}")
