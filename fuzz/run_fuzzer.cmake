# Runs one fuzz target the way CI does: first every seed and regression input once (any crash
# there is a regression), then fuzzing from the seeds for SECONDS seconds in a scratch corpus
# (the checked-in corpus is never written). A crash writes crash-* into WORK and fails.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/corpus ${WORK}/artifacts)
set(inputs)
foreach(dir corpus regressions)
  if(IS_DIRECTORY ${SOURCE}/${dir}/${NAME})
    list(APPEND inputs ${SOURCE}/${dir}/${NAME})
  endif()
endforeach()
set(common -rss_limit_mb=4096 -timeout=20 -max_len=65536 -artifact_prefix=${WORK}/artifacts/)
if(IS_DIRECTORY ${SOURCE}/dict AND EXISTS ${SOURCE}/dict/${NAME}.dict)
  list(APPEND common -dict=${SOURCE}/dict/${NAME}.dict)
endif()
set(ENV{ASAN_OPTIONS} "detect_leaks=1:abort_on_error=0:allocator_may_return_null=1")
set(ENV{UBSAN_OPTIONS} "print_stacktrace=1:halt_on_error=1")
execute_process(COMMAND ${FUZZER} ${common} -runs=0 ${inputs} RESULT_VARIABLE replay)
if(NOT replay EQUAL 0)
  message(FATAL_ERROR "${NAME}: a seed or regression input fails (exit ${replay})")
endif()
execute_process(COMMAND ${FUZZER} ${common} -max_total_time=${SECONDS} -print_final_stats=1
                        ${WORK}/corpus ${inputs}
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  file(GLOB found ${WORK}/artifacts/*)
  message(FATAL_ERROR "${NAME}: the fuzzer found a problem (exit ${result}): ${found}\n"
                      "Reproduce: ${FUZZER} <file>; add the file to fuzz/regressions/${NAME}/ once fixed.")
endif()
