# cmake -DSERVICES_DIR=<dir> -DLAYERS=<layers.cmake> -DWORK_DIR=<scratch> -P check_layers_selftest.cmake
# Proves the layer check can fail: on a copy of services/, an include of a module from each
# lower layer (jobs/, billing/, db/) must make check_layers.cmake fail, and the untouched copy
# must pass.
set(checker ${CMAKE_CURRENT_LIST_DIR}/check_layers.cmake)

function(run_check dir expect_failure label)
    execute_process(COMMAND ${CMAKE_COMMAND} -DSERVICES_DIR=${dir} -DLAYERS=${LAYERS} -P ${checker}
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(expect_failure AND rc EQUAL 0)
        message(FATAL_ERROR "${label}: the layer check passed although it should have failed")
    elseif(NOT expect_failure AND NOT rc EQUAL 0)
        message(FATAL_ERROR "${label}: the layer check failed on the untouched tree:\n${out}${err}")
    endif()
    message(STATUS "${label}: as expected (exit ${rc})")
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
file(COPY ${SERVICES_DIR}/ DESTINATION ${WORK_DIR}/clean)
run_check(${WORK_DIR}/clean FALSE "untouched services/")

foreach(layer jobs billing db)
    set(copy ${WORK_DIR}/${layer})
    file(COPY ${SERVICES_DIR}/ DESTINATION ${copy})
    file(WRITE ${copy}/${layer}/planted_violation.cpp "#include \"cloudpods/cloud_pods.h\"\n")
    run_check(${copy} TRUE "${layer}/ including cloudpods/")
endforeach()
file(REMOVE_RECURSE ${WORK_DIR})
