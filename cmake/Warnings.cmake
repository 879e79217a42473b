# Warnings live in a non-exported INTERFACE target so that consumers of the
# installed package never inherit them.
add_library(claimgraph_warnings INTERFACE)
target_compile_options(claimgraph_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast
  $<$<BOOL:${CLAIMGRAPH_WARNINGS_AS_ERRORS}>:-Werror>)
