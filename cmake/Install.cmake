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
# The argumentation schemes are compiled in; their files are installed as
# well, for a user to read and copy into a --schemes directory of their own.
install(DIRECTORY schemes/ DESTINATION ${CMAKE_INSTALL_DATADIR}/claimgraph/schemes
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
  # zsh looks in share/zsh/vendor-completions for what the system's
  # packages install (prefix /usr) and in share/zsh/site-functions under
  # /usr/local: the prefix of the install, as it is then, decides.
  install(CODE "
    if(CMAKE_INSTALL_PREFIX STREQUAL \"/usr\")
      set(claimgraph_zsh_dir vendor-completions)
    else()
      set(claimgraph_zsh_dir site-functions)
    endif()
    file(INSTALL DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/zsh/\${claimgraph_zsh_dir}\"
      TYPE FILE FILES \"${PROJECT_BINARY_DIR}/_claimgraph\")")
endif()

# A Debian package of everything installed: `cpack -G DEB` in the build
# directory writes claimgraph_VERSION_ARCH.deb. Its Depends are computed by
# dpkg-shlibdeps from the program's shared libraries, and name librsvg and
# cairo besides, which the program opens when it draws an exhibit's pages
# (src/io/exhibit/surface.cpp) and so does not link; the headers and the
# CMake package need the -dev packages of the libraries claimgraph's own
# static library links (Recommends), and pandoc writes DOCX (Suggests).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME claimgraph)
set(CPACK_PACKAGE_VENDOR claimgraph)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "argument and claim graphs of legal theories")
set(CPACK_PACKAGE_DESCRIPTION
  "claimgraph reads a dispute written as a graph of claims, their elements, the evidence behind them and the other side's counterclaims; checks which claims lack evidence and why; evaluates which claims stand; and writes the graph as diagrams, an HTML page, reports and data formats. The package holds the program, its manual page and shell completion, the cause-of-action templates, the JSON Schema of case files, and the C++ library with its headers and CMake package.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "claimgraph maintainers <claimgraph@localhost>")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "librsvg2-2 (>= 2.52), libcairo2")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
  "libboost-graph-dev, nlohmann-json3-dev, libsimdjson-dev, libgraphviz-dev, pkg-config, cmake")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "pandoc, bash-completion")
include(CPack)
