# The version: the project's, plus the commit count and id when built from git (ordered, and traceable).
set(SYNCDESK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(SYNCDESK_CHANGELOG_DATE "Sun, 06 Dec 2026 00:00:00 +0000")
set(SYNCDESK_GIT_COMMIT "")
find_package(Git QUIET)
if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
    execute_process(COMMAND "${GIT_EXECUTABLE}" rev-list --count HEAD WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
                    OUTPUT_VARIABLE _count OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE _count_rc)
    execute_process(COMMAND "${GIT_EXECUTABLE}" log -1 --format=%h%n%aD WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
                    OUTPUT_VARIABLE _head OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE _head_rc)
    if(_count_rc EQUAL 0 AND _head_rc EQUAL 0)
        string(REPLACE "\n" ";" _head "${_head}")
        list(GET _head 0 SYNCDESK_GIT_COMMIT)
        list(GET _head 1 SYNCDESK_CHANGELOG_DATE)
        set(SYNCDESK_PACKAGE_VERSION "${PROJECT_VERSION}+git${_count}.${SYNCDESK_GIT_COMMIT}")
    endif()
endif()
