include(CMakePackageConfigHelpers)

install(TARGETS claimgraph EXPORT claimgraphTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/claimgraph DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT claimgraphTargets NAMESPACE claimgraph::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/claimgraph)
if(TARGET claimgraph_cli)
  install(TARGETS claimgraph_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(FILES schema/claimgraph-1.schema.json DESTINATION ${CMAKE_INSTALL_DATADIR}/claimgraph OPTIONAL)
# The cause-of-action templates `claimgraph new` starts a case from: data,
# found by the program relative to itself.
install(DIRECTORY templates/ DESTINATION ${CMAKE_INSTALL_DATADIR}/claimgraph/templates
  FILES_MATCHING PATTERN "*.json")

# A static library exports its private dependencies as link-only ones, which
# the package config must then find (see claimgraphConfig.cmake.in).
get_target_property(claimgraph_type claimgraph TYPE)
if(claimgraph_type STREQUAL "STATIC_LIBRARY")
  set(CLAIMGRAPH_STATIC TRUE)
else()
  set(CLAIMGRAPH_STATIC FALSE)
endif()
configure_package_config_file(cmake/claimgraphConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/claimgraphConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/claimgraph)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/claimgraphConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/claimgraphConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/claimgraphConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/claimgraph)

# The manual page and shell completion, where man, bash-completion and zsh
# look for them.
if(TARGET claimgraph_manpage)
  install(FILES ${PROJECT_BINARY_DIR}/claimgraph.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(FILES tools/completion/claimgraph.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
    RENAME claimgraph)
  install(FILES ${PROJECT_BINARY_DIR}/_claimgraph DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)
endif()
