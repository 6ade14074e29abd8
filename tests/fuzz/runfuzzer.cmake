# Runs one libFuzzer target for SECONDS over a copy of its seed corpus; fails on any crash, leak, timeout
# or sanitizer report (libFuzzer exits non-zero and writes the input to WORK/crash-*).
# cmake -DFUZZER=path -DSEEDS=dir -DWORK=dir -DSECONDS=n -P runfuzzer.cmake
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/corpus" "${WORK}/artifacts")
execute_process(
    COMMAND "${FUZZER}" -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=2048 -max_len=65536
            -print_final_stats=1 -artifact_prefix=${WORK}/artifacts/ "${WORK}/corpus" "${SEEDS}"
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
string(REGEX MATCH "stat::number_of_executed_units: *[0-9]+" runs "${output}")
if(NOT result EQUAL 0 OR output MATCHES "ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|libFuzzer)"
   OR output MATCHES "runtime error:")
    message("${output}")
    file(GLOB artifacts "${WORK}/artifacts/*")
    message(FATAL_ERROR "${FUZZER} found a problem (exit ${result}); reproducer: ${artifacts}")
endif()
message(STATUS "${FUZZER}: no crash in ${SECONDS} s (${runs})")
