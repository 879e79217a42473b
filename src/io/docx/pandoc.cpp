#include "io/docx/pandoc.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>
#include <utility>

#include "claimgraph/error.hpp"

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX has programs declare it

namespace claimgraph::io::docx {

namespace {

namespace fs = std::filesystem;

// Most of pandoc's standard error kept for a message.
constexpr std::size_t max_said = 64 * 1024;

std::string missing(const std::string& program, bool named_by_path) {
  std::string out = "pandoc is needed to write DOCX";
  if (named_by_path) out += ", and " + program + " is not a program that can be run";
  return out + ": install it with `apt-get install pandoc` (or run tools/setup)";
}

bool executable_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

// Where `program` is, as an absolute path (pandoc runs in another
// directory), or empty: itself when it holds a '/', else the first
// executable file of that name in PATH, as execvp looks.
std::string find(const std::string& program) {
  std::error_code ec;
  if (program.find('/') != std::string::npos) {
    if (!executable_file(program)) return {};
    const fs::path absolute = fs::absolute(program, ec);
    return ec ? std::string() : absolute.string();
  }
  const char* path = std::getenv("PATH");
  const std::string dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  std::size_t begin = 0;
  while (begin <= dirs.size()) {
    std::size_t end = dirs.find(':', begin);
    if (end == std::string::npos) end = dirs.size();
    const std::string dir = end == begin ? std::string(".") : dirs.substr(begin, end - begin);
    const std::string candidate = dir + "/" + program;
    if (executable_file(candidate)) {
      const fs::path absolute = fs::absolute(candidate, ec);
      if (!ec) return absolute.string();
    }
    begin = end + 1;
  }
  return {};
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
  return text;
}

// The environment for pandoc: this process's, and each NAME=VALUE of
// `defaults` whose NAME it does not set.
std::vector<std::string> environment(const std::vector<std::string>& defaults) {
  std::vector<std::string> out;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) out.emplace_back(*e);
  for (const std::string& d : defaults) {
    const std::string name = d.substr(0, d.find('=') + 1);
    bool set = false;
    for (const std::string& e : out) set = set || e.starts_with(name);
    if (!set) out.push_back(d);
  }
  return out;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  out.reserve(strings.size() + 1);
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// posix_spawn's file actions, released however the spawn ends.
class FileActions {
 public:
  FileActions() { ::posix_spawn_file_actions_init(&actions_); }
  ~FileActions() { ::posix_spawn_file_actions_destroy(&actions_); }
  FileActions(const FileActions&) = delete;
  FileActions& operator=(const FileActions&) = delete;
  posix_spawn_file_actions_t* get() noexcept { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_{};
};

// A file descriptor, closed when it goes.
class Descriptor {
 public:
  explicit Descriptor(int fd = -1) noexcept : fd_(fd) {}
  ~Descriptor() { close(); }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  [[nodiscard]] int get() const noexcept { return fd_; }
  void close() noexcept {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

}  // namespace

Pandoc::Pandoc(std::string program) : program_(std::move(program)) {
  path_ = find(program_);
  if (path_.empty()) throw ConversionError(missing(program_, program_.find('/') != std::string::npos), program_);
  std::error_code ec;
  const fs::path tmp = fs::temp_directory_path(ec);
  std::string pattern = ((ec ? fs::path("/tmp") : tmp) / "claimgraph-docx-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    const int error = errno;
    throw ConversionError("cannot make a temporary directory for pandoc (" + pattern + "): " + std::strerror(error),
                          program_);
  }
  directory_ = pattern;
}

Pandoc::~Pandoc() {
  std::error_code ignored;
  fs::remove_all(directory_, ignored);
}

void Pandoc::write(std::string_view name, std::string_view bytes) const {
  const fs::path path = directory_ / name;
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) {
    const int error = errno;
    throw ConversionError("cannot write " + path.string() + " for pandoc: " + std::strerror(error), program_);
  }
}

std::string Pandoc::read(std::string_view name) const {
  const fs::path path = directory_ / name;
  std::ifstream file(path, std::ios::binary);
  if (!file.is_open()) throw ConversionError("pandoc succeeded but wrote no " + path.string(), program_);
  std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (file.bad()) throw ConversionError("cannot read " + path.string() + ", which pandoc wrote", program_);
  return bytes;
}

std::string Pandoc::run(const std::vector<std::string>& arguments, const std::vector<std::string>& defaults,
                        std::string_view output) const {
  const std::string output_name = output.empty() ? std::string("/dev/null") : std::string(output);
  std::vector<std::string> argv{path_};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  std::vector<std::string> env = environment(defaults);
  std::vector<char*> argv_pointers = pointers(argv);
  std::vector<char*> env_pointers = pointers(env);

  std::array<int, 2> fds{-1, -1};
  if (::pipe2(fds.data(), O_CLOEXEC) != 0) {
    const int error = errno;
    throw ConversionError("cannot run pandoc: pipe: " + std::string(std::strerror(error)), program_);
  }
  Descriptor read_end(fds[0]);
  Descriptor write_end(fds[1]);
  FileActions actions;
  // Into the directory first, so that `output` is made there; standard
  // error onto the pipe (dup2 clears close-on-exec for it); the pipe's own
  // ends close on exec.
  int failed = ::posix_spawn_file_actions_addchdir_np(actions.get(), directory_.c_str());
  if (failed == 0) failed = ::posix_spawn_file_actions_addopen(actions.get(), 0, "/dev/null", O_RDONLY, 0);
  if (failed == 0) {
    failed = ::posix_spawn_file_actions_addopen(actions.get(), 1, output_name.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  }
  if (failed == 0) failed = ::posix_spawn_file_actions_adddup2(actions.get(), write_end.get(), 2);
  pid_t pid = -1;
  // The path was found in PATH already (so that a missing pandoc is known
  // before the diagrams are drawn): no second search.
  if (failed == 0) failed = ::posix_spawn(&pid, path_.c_str(), actions.get(), nullptr, argv_pointers.data(), env_pointers.data());
  if (failed != 0) {
    if (failed == ENOENT) throw ConversionError(missing(program_, program_.find('/') != std::string::npos), program_);
    throw ConversionError("cannot run pandoc (" + path_ + "): " + std::strerror(failed), program_);
  }
  write_end.close();

  std::string said;
  std::array<char, 4096> buffer{};
  bool cut = false;
  for (;;) {
    const ssize_t got = ::read(read_end.get(), buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    const auto n = static_cast<std::size_t>(got);
    if (said.size() < max_said) {
      said.append(buffer.data(), std::min(n, max_said - said.size()));
    } else {
      cut = true;
    }
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    const int error = errno;
    if (error != EINTR) throw ConversionError("cannot wait for pandoc: " + std::string(std::strerror(error)), program_);
  }
  said = trimmed(std::move(said));
  if (cut) said += "\n...";
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return said;

  std::string message = "pandoc failed to convert the report to DOCX (";
  if (WIFEXITED(status)) {
    message += "exit status " + std::to_string(WEXITSTATUS(status));
  } else if (WIFSIGNALED(status)) {
    const char* name = ::strsignal(WTERMSIG(status));
    message += "killed by signal " + std::to_string(WTERMSIG(status));
    if (name != nullptr) message += std::string(", ") + name;
  }
  message += said.empty() ? std::string("), and said nothing") : "): " + said;
  throw ConversionError(message, program_, said);
}

}  // namespace claimgraph::io::docx
