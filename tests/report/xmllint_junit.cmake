# cmake -DSCHEMA=JUnit.xsd -DFILE=report.junit -P xmllint_junit.cmake
# Validates a JUnit report with `xmllint --schema` (Debian package libxml2-utils).
if(NOT EXISTS ${SCHEMA})
  message(FATAL_ERROR "schema missing: ${SCHEMA} (the shared schemas sit next to the repository in ../shared/schemas)")
endif()
find_program(XMLLINT xmllint)
if(NOT XMLLINT)
  message(FATAL_ERROR "xmllint is missing: run tools/bootstrap (Debian package libxml2-utils)")
endif()
execute_process(COMMAND ${XMLLINT} --noout --schema ${SCHEMA} ${FILE} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 30)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${FILE} is not valid against ${SCHEMA}:\n${out}${err}")
endif()
message(STATUS "${err}")
