# Installs the built project into a fresh prefix, then configures, builds and
# runs tests/consumer against it, as another project would use claimgraph.
#
#   cmake -DBUILD_DIR=... -DCONSUMER_SOURCE_DIR=... -DWORK_DIR=... [-DGENERATOR=...]
#         [-DCXX_COMPILER=...] [-DBUILD_TYPE=...] -P consumer_test.cmake

foreach(var BUILD_DIR CONSUMER_SOURCE_DIR WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "consumer_test.cmake: ${var} is not set")
  endif()
endforeach()
if(NOT BUILD_TYPE)
  set(BUILD_TYPE Release)
endif()

set(prefix "${WORK_DIR}/prefix")
set(build "${WORK_DIR}/build")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

function(step name)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "consumer test: ${name} failed (${status}):\n${out}\n${err}")
  endif()
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

step("install" ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}" --config "${BUILD_TYPE}")
if(NOT EXISTS "${prefix}/include/claimgraph/builder.hpp")
  message(FATAL_ERROR "consumer test: the headers were not installed under ${prefix}/include")
endif()

set(configure ${CMAKE_COMMAND} -S "${CONSUMER_SOURCE_DIR}" -B "${build}" "-DCMAKE_PREFIX_PATH=${prefix}"
    "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}")
if(GENERATOR)
  list(APPEND configure -G "${GENERATOR}")
endif()
if(CXX_COMPILER)
  list(APPEND configure "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
endif()
step("configure" ${configure})

# The package must come from the fresh prefix, not from the build tree.
file(STRINGS "${build}/CMakeCache.txt" found REGEX "^claimgraph_DIR:")
if(NOT found MATCHES "^claimgraph_DIR:PATH=${prefix}/")
  message(FATAL_ERROR "consumer test: claimgraph was found outside the install prefix: ${found}")
endif()

step("build" ${CMAKE_COMMAND} --build "${build}" --config "${BUILD_TYPE}")
find_program(consumer NAMES consumer PATHS "${build}" "${build}/${BUILD_TYPE}" NO_DEFAULT_PATH REQUIRED)
step("run" "${consumer}")
if(NOT step_output STREQUAL "consumer: OK\n")
  message(FATAL_ERROR "consumer test: unexpected output: ${step_output}")
endif()
message(STATUS "consumer test: ${step_output}")
file(REMOVE_RECURSE "${WORK_DIR}")
