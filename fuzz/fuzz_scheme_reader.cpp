// Fuzz target: the scheme reader (a user's scheme files are read from
// directories the user names). Any bytes give a scheme or an InputError with
// at least one error, placed inside the input; a scheme read has a name,
// its questions have distinct ids that find_question() finds, and reading
// the same bytes again gives the same scheme.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "claimgraph/error.hpp"
#include "claimgraph/io/scheme_reader.hpp"
#include "claimgraph/scheme.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  claimgraph::Scheme scheme;
  try {
    scheme = claimgraph::io::read_scheme(text, "fuzzed", "fuzzed.json");
  } catch (const claimgraph::InputError& e) {
    bool error = false;
    for (const auto& d : e.diagnostics()) {
      error = error || d.severity == claimgraph::Severity::error;
      if (d.where.line > lines || d.message.empty()) std::abort();
    }
    if (!error) std::abort();  // refused without saying why
    return 0;
  }
  if (scheme.name != "fuzzed") std::abort();
  for (std::size_t i = 0; i < scheme.questions.size(); ++i) {
    if (scheme.find_question(scheme.questions[i].id) != i) std::abort();  // ids not distinct
  }
  if (claimgraph::io::read_scheme(text, "fuzzed", "fuzzed.json") != scheme) std::abort();
  claimgraph::SchemeLibrary library;
  if (!library.add(scheme) || library.find("fuzzed") == nullptr) std::abort();
  return 0;
}
