# Embed.cmake: turn files into C++ sources holding their bytes, so scenarios,
# presets and the font travel inside the binaries.
#
# trustlab_embed(OUT_CPP NAMESPACE_ID FILES...) generates one .cpp that defines
#   const tl::EmbeddedFile tl_embedded_<id>[]; and its count.
function(trustlab_embed out_cpp id)
  set(files ${ARGN})
  set(script ${CMAKE_SOURCE_DIR}/cmake/EmbedRun.cmake)
  add_custom_command(
    OUTPUT ${out_cpp}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out_cpp} -DID=${id} -DROOT=${CMAKE_SOURCE_DIR}
            "-DFILES=${files}" -P ${script}
    DEPENDS ${files} ${script}
    COMMENT "Embedding ${id} files"
    VERBATIM)
endfunction()
