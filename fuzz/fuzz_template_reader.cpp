// Fuzz target: the template reader and new_case. Any bytes must give a
// template or an InputError with at least one error diagnostic; a template
// read must serve twice under two prefixes, giving a case that the
// case-file reader reads back; never a crash, a hang or another exception.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include "claimgraph/error.hpp"
#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/io/json_writer.hpp"
#include "claimgraph/io/template.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  claimgraph::io::ReadOptions options;
  options.limits.max_input_bytes = 1 << 20;
  claimgraph::io::CaseTemplate read;
  try {
    read = claimgraph::io::read_template(text, "fuzz", options);
  } catch (const claimgraph::InputError& e) {
    bool error = false;
    for (const auto& d : e.diagnostics()) error = error || d.severity == claimgraph::Severity::error;
    if (!error) std::abort();  // refused without saying why
    return 0;
  }
  const claimgraph::io::TemplateUse uses[] = {claimgraph::io::TemplateUse::parse("fuzz:a"),
                                              claimgraph::io::TemplateUse::parse("fuzz:b")};
  const claimgraph::io::CaseTemplate* parts[] = {&read, &read};
  const claimgraph::Graph graph = claimgraph::io::new_case(uses, parts);
  std::ostringstream out;
  claimgraph::io::write_json(out, graph);
  try {
    (void)claimgraph::io::read_json(out.str());  // twice the template: past the input limit above
  } catch (const claimgraph::InputError&) {
    std::abort();  // new_case wrote a case the reader refuses
  }
  return 0;
}
