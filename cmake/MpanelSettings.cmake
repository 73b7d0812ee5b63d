# One place for the settings every mPanel target shares (after ownCloud's OCApplyCommonSettings).
function(mpanel_apply_common_settings target)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_FOREACH
        QT_NO_KEYWORDS)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Werror=switch)
    if(MPANEL_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
