#include "huge_pages.hpp"

#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#if defined(__linux__) && defined(__GLIBC__)
#include <sys/stat.h>
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
// Freed blocks are kept in the heap (not mapped, nor given back to the
// kernel when freed): see huge_pages.hpp.
constexpr std::string_view no_mmap = "glibc.malloc.mmap_max=";

// Whether `tunables` (GLIBC_TUNABLES) sets `name` to `value`.
bool sets(std::string_view tunables, std::string_view name, std::string_view value) noexcept {
  for (std::size_t at = tunables.find(name); at != std::string_view::npos; at = tunables.find(name, at + 1)) {
    if (at != 0 && tunables[at - 1] != ':') continue;
    const std::string_view rest = tunables.substr(at + name.size());
    if (rest.substr(0, value.size()) == value && (rest.size() == value.size() || rest[value.size()] == ':')) return true;
  }
  return false;
}

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

// Starting again costs about as much as reading a case of a megabyte or two
// (0.05 s with the program's 62 shared libraries), and huge pages pay for it
// only past that: export --to dot on a 25 kB case took 0.05 s started once
// and 0.11 s started twice, on 940 kB 0.10 s either way, on 2.4 MB 0.21 s on
// small pages and 0.15 s on huge ones. So the program starts again only when
// an argument names a regular file of at least 2 MiB, or is "-" for a
// standard input that is a regular file of that size or a pipe, whose size
// nothing tells.
constexpr off_t large_input = off_t{2} << 20;

bool names_large_input(const char* argument) noexcept {
  struct stat info {};
  if (std::string_view(argument) == "-") {
    if (fstat(STDIN_FILENO, &info) != 0) return false;
    return S_ISFIFO(info.st_mode) || (S_ISREG(info.st_mode) && info.st_size >= large_input);
  }
  return stat(argument, &info) == 0 && S_ISREG(info.st_mode) && info.st_size >= large_input;
}

bool reads_large_input(char** argv) noexcept {
  for (char** arg = argv + 1; *arg != nullptr; ++arg) {
    if (names_large_input(*arg)) return true;
  }
  return false;
}
#endif

}  // namespace

void use_huge_pages(char** argv) noexcept {
#if defined(__linux__) && defined(__GLIBC__) && !defined(CLAIMGRAPH_OWN_MALLOC)
  try {
    const std::string tunables(environment("GLIBC_TUNABLES"));
    if (tunables.find(tunable) != std::string::npos || !environment("LD_PRELOAD").empty()) return;
    if (argv[0] == nullptr || !reads_large_input(argv) || !kernel_has_huge_pages()) return;
    std::string value = tunables;
    if (!value.empty()) value += ':';
    value.append(tunable).append("1");
    if (tunables.find(no_mmap) == std::string::npos) value.append(":").append(no_mmap).append("0");
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

bool on_huge_pages() noexcept { return sets(environment("GLIBC_TUNABLES"), tunable, "1"); }

bool reuses_freed_memory() noexcept { return sets(environment("GLIBC_TUNABLES"), no_mmap, "0"); }

}  // namespace claimgraph::cli
