# Fails when the given binary carries a library search path (RPATH or RUNPATH). Everything it links is in the
# system's library directories and its modules are opened by their full path, so a search path only adds places
# to look first: an empty entry is the current directory (a library planted there would be loaded), "$ORIGIN"
# the binary's own directory, and each is tried with every hardware subdirectory at every start.
execute_process(COMMAND readelf -d ${BINARY} OUTPUT_VARIABLE dynamic RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "readelf -d ${BINARY} failed")
endif()
if(dynamic MATCHES "\\((RPATH|RUNPATH)\\)[^\n]*")
    message(FATAL_ERROR "${BINARY} has a library search path: ${CMAKE_MATCH_0}")
endif()
if(NOT dynamic MATCHES "NEEDED")
    message(FATAL_ERROR "unexpected readelf output for ${BINARY}:\n${dynamic}")
endif()
message(STATUS "${BINARY}: no RPATH or RUNPATH")
