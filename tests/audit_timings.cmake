# ctest -P script: `shall audit --timings` names every stage on standard error, in pipeline
# order with its wall and CPU time, and leaves the report itself unchanged.
#   -DSHALL=<binary> -DRULES=<ruleset> -DEVIDENCE=<bundle>
execute_process(COMMAND ${SHALL} audit --rules ${RULES} --evidence ${EVIDENCE} --format json
                OUTPUT_VARIABLE plain RESULT_VARIABLE rc_plain)
execute_process(COMMAND ${SHALL} audit --rules ${RULES} --evidence ${EVIDENCE} --format json --timings
                OUTPUT_VARIABLE timed ERROR_VARIABLE timings RESULT_VARIABLE rc_timed)
if(NOT rc_plain EQUAL rc_timed)
  message(FATAL_ERROR "exit status ${rc_timed} with --timings, ${rc_plain} without")
endif()
if(NOT plain STREQUAL timed)
  message(FATAL_ERROR "--timings changed the report")
endif()
set(rest "${timings}")
foreach(stage "load evidence" "build graph" "evaluate rules" "reports" "total")
  string(FIND "${rest}" "timing: ${stage}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "no '${stage}' timing (in order) in:\n${timings}")
  endif()
  string(SUBSTRING "${rest}" ${at} -1 rest)
  if(NOT rest MATCHES "^timing: ${stage} +[0-9]+\\.[0-9][0-9][0-9] s +cpu +[0-9]+\\.[0-9][0-9][0-9] s\n")
    message(FATAL_ERROR "the '${stage}' line has no wall and CPU time in seconds:\n${timings}")
  endif()
  string(LENGTH "timing: ${stage}" skip)
  string(SUBSTRING "${rest}" ${skip} -1 rest)
endforeach()
