#include "huge_pages.hpp"

#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#if defined(__linux__) && defined(__GLIBC__)
#include <unistd.h>
#endif

// A sanitizer brings a malloc of its own, which the tunable does not reach,
// and starting such a program costs much: it is not started twice.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define CLAIMGRAPH_OWN_MALLOC 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define CLAIMGRAPH_OWN_MALLOC 1
#endif
#endif

namespace claimgraph::cli {

namespace {

constexpr std::string_view tunable = "glibc.malloc.hugetlb=";

std::string_view environment(const char* name) noexcept {
  const char* value = std::getenv(name);
  return value != nullptr ? std::string_view(value) : std::string_view();
}

#if defined(__linux__) && defined(__GLIBC__) && !defined(CLAIMGRAPH_OWN_MALLOC)
// Whether the kernel gives transparent huge pages to memory that asks:
// "always" or "madvise" is chosen in the file ("[madvise]").
bool kernel_has_huge_pages() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string line;
  if (!std::getline(in, line)) return false;
  return line.find("[always]") != std::string::npos || line.find("[madvise]") != std::string::npos;
}
#endif

}  // namespace

void use_huge_pages(char** argv) noexcept {
#if defined(__linux__) && defined(__GLIBC__) && !defined(CLAIMGRAPH_OWN_MALLOC)
  try {
    const std::string tunables(environment("GLIBC_TUNABLES"));
    if (tunables.find(tunable) != std::string::npos || !environment("LD_PRELOAD").empty()) return;
    if (!kernel_has_huge_pages()) return;
    std::string value = tunables;
    if (!value.empty()) value += ':';
    value.append(tunable).append("1");
    if (setenv("GLIBC_TUNABLES", value.c_str(), 1) != 0) return;
    execv("/proc/self/exe", argv);
    // Still here: run on as we are, without the tunable for what it starts.
    if (tunables.empty()) {
      unsetenv("GLIBC_TUNABLES");
    } else {
      setenv("GLIBC_TUNABLES", tunables.c_str(), 1);
    }
  } catch (...) {
    // Out of memory building a short string: run on as we are.
  }
#else
  (void)argv;
#endif
}

bool on_huge_pages() noexcept {
  const std::string_view tunables = environment("GLIBC_TUNABLES");
  for (std::size_t at = tunables.find(tunable); at != std::string_view::npos; at = tunables.find(tunable, at + 1)) {
    const std::string_view rest = tunables.substr(at + tunable.size());
    if (!rest.empty() && rest.front() == '1' && (rest.size() == 1 || rest[1] == ':')) return true;
  }
  return false;
}

}  // namespace claimgraph::cli
