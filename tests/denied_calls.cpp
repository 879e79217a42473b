// A library that the tests load into a claimgraph program they start
// (LD_PRELOAD) to take away what a machine may not give it, so that the
// program's answer when it is missing can be tested: CLAIMGRAPH_TEST_DENY
// lists, comma-separated,
//   threads    every new thread: pthread_create() fails with EAGAIN, as when
//              a process is at its limit of threads (std::thread and
//              std::async then throw std::system_error);
//   dlopen:S   dlopen() of a library whose name contains S, as on a machine
//              without it.
// Only in the claimgraph program: the programs it starts inherit the
// preload (LeakSanitizer's symbolizer, in a sanitizer build) and are left
// alone. Everything else is passed to the C library as it is. Each call
// denied adds a line to the file CLAIMGRAPH_TEST_DENY_LOG names, if it
// names one, so that a test knows the program asked.

#include <dlfcn.h>
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <cerrno>  // EAGAIN; program_invocation_short_name (GNU)
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace {

// Whether CLAIMGRAPH_TEST_DENY lists `what` ("threads") or, for a `prefix`
// such as "dlopen:", an entry whose rest `name` contains.
bool denied(std::string_view what, const char* name = nullptr) {
  const char* list = std::getenv("CLAIMGRAPH_TEST_DENY");
  if (list == nullptr || std::string_view(program_invocation_short_name) != "claimgraph") return false;
  std::string_view rest(list);
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view entry = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (name == nullptr) {
      if (entry == what) return true;
    } else if (entry.starts_with(what) && entry.size() > what.size() &&
               std::string_view(name).find(entry.substr(what.size())) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// The C library's own `name`, found after this library.
template <typename Function>
Function next(const char* name) {
  void* address = dlsym(RTLD_NEXT, name);
  Function function = nullptr;
  static_assert(sizeof function == sizeof address);
  std::memcpy(&function, &address, sizeof address);
  return function;
}

thread_local bool dlopen_denied = false;

// Adds "`what`\n" to the log, if there is one.
void log_denied(std::string_view what) {
  const char* path = std::getenv("CLAIMGRAPH_TEST_DENY_LOG");
  if (path == nullptr) return;
  const int fd = ::open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) return;
  const std::string_view line[] = {what, "\n"};
  for (const std::string_view part : line) {
    if (::write(fd, part.data(), part.size()) < 0) break;
  }
  ::close(fd);
}

}  // namespace

extern "C" {

int pthread_create(pthread_t* thread, const pthread_attr_t* attr, void* (*start)(void*), void* arg) {
  if (denied("threads")) {
    log_denied("threads");
    return EAGAIN;
  }
  static const auto real = next<int (*)(pthread_t*, const pthread_attr_t*, void* (*)(void*), void*)>("pthread_create");
  return real(thread, attr, start, arg);
}

void* dlopen(const char* file, int mode) {
  if (file != nullptr && denied("dlopen:", file)) {
    dlopen_denied = true;
    log_denied(file);
    return nullptr;
  }
  static const auto real = next<void* (*)(const char*, int)>("dlopen");
  return real(file, mode);
}

char* dlerror() {
  if (dlopen_denied) {
    dlopen_denied = false;
    static char message[] = "cannot open shared object file: No such file or directory";
    return message;
  }
  static const auto real = next<char* (*)()>("dlerror");
  return real();
}

}  // extern "C"
