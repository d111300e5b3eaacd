# Two audits of fixtures/northwind-nc, one with --threads 1 and one with --threads 2: the JSON
# reports must be byte-identical.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
foreach(threads 1 2)
  execute_process(COMMAND ${SHALL} audit --rules rulesets/iso20000-1 --evidence fixtures/northwind-nc
                          --threads ${threads} --format json:${WORK}/report-${threads}.json
                  RESULT_VARIABLE code ERROR_VARIABLE err)
  if(NOT code EQUAL 1)
    message(FATAL_ERROR "audit with --threads ${threads} exited ${code} (expected 1)\n${err}")
  endif()
endforeach()
file(SHA256 ${WORK}/report-1.json one)
file(SHA256 ${WORK}/report-2.json two)
if(NOT one STREQUAL two)
  message(FATAL_ERROR "the JSON reports differ between --threads 1 and --threads 2: diff ${WORK}/report-1.json ${WORK}/report-2.json")
endif()
file(SIZE ${WORK}/report-1.json size)
if(size LESS 1000)
  message(FATAL_ERROR "the JSON report is suspiciously small (${size} bytes)")
endif()
