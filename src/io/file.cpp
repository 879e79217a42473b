#include "claimgraph/io/file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <streambuf>
#include <string_view>
#include <vector>

#include "claimgraph/error.hpp"

namespace claimgraph::io {

namespace {

std::string errno_text(int err) { return std::strerror(err); }

std::string too_big(std::size_t max_bytes) {
  return "input exceeds the limit of " + std::to_string(max_bytes) + " bytes";
}

// An output stream buffer over a file descriptor that remembers the first
// write error, so that a full disk is reported instead of leaving a short file.
class FdBuf : public std::streambuf {
 public:
  // `synced`: the file is to be fsync'ed when written, so the kernel is
  // asked to start writing each stretch out as soon as it is written, and
  // the final fsync waits only for the last of it.
  explicit FdBuf(int fd, bool synced = false) : fd_(fd), synced_(synced), buffer_(std::size_t{1} << 20) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  FdBuf(const FdBuf&) = delete;
  FdBuf& operator=(const FdBuf&) = delete;
  ~FdBuf() override = default;
  [[nodiscard]] int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override {
    if (!flush_buffer()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override { return flush_buffer() ? 0 : -1; }
  // A large piece (a writer's chunk of text, rendered elsewhere) goes
  // straight to the file after what the buffer holds, without a copy into
  // it; only small ones, for which a call each would cost, are gathered.
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n >= static_cast<std::streamsize>(direct)) {
      if (!flush_buffer() || !write_all(s, static_cast<std::size_t>(n))) return 0;
      return n;
    }
    return std::streambuf::xsputn(s, n);
  }

 private:
  bool write_all(const char* data, std::size_t size) {
    while (size > 0) {
      const ssize_t written = ::write(fd_, data, size);
      if (written < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
        return false;
      }
      data += written;
      size -= static_cast<std::size_t>(written);
      written_ += static_cast<std::size_t>(written);
    }
    if (synced_ && written_ - started_ >= sync_stretch) {
      // Only a hint: where the file system cannot, fsync does it all.
      (void)::sync_file_range(fd_, static_cast<off_t>(started_), static_cast<off_t>(written_ - started_),
                              SYNC_FILE_RANGE_WRITE);
      started_ = written_;
    }
    return true;
  }
  bool flush_buffer() {
    if (error_ != 0) return false;
    const auto size = static_cast<std::size_t>(pptr() - pbase());
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return write_all(buffer_.data(), size);
  }

  static constexpr std::size_t sync_stretch = std::size_t{8} << 20;
  static constexpr std::size_t direct = std::size_t{64} << 10;  // pieces written without a copy: this and more
  int fd_;
  bool synced_;
  std::vector<char> buffer_;
  int error_ = 0;
  std::size_t written_ = 0;  // bytes written to fd_
  std::size_t started_ = 0;  // of which the kernel was asked to write out
};

mode_t default_mode() {
  // The mode a newly created file would get: 0666 less the umask.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return static_cast<mode_t>(0666 & ~mask);
}

void write_to_fd(int fd, const std::string& path, const std::function<void(std::ostream&)>& write,
                 bool synced = false) {
  FdBuf buf(fd, synced);
  std::ostream out(&buf);
  write(out);
  out.flush();
  if (buf.error() != 0) throw IoError(path, "cannot write: " + errno_text(buf.error()));
  if (!out) throw IoError(path, "cannot write");
}

}  // namespace

std::string read_all(std::istream& in, const std::string& name, std::size_t max_bytes) {
  std::string text;
  std::vector<char> chunk(std::size_t{1} << 16);
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (text.size() + got > max_bytes) throw IoError(name, too_big(max_bytes), Limit::input_bytes);
    text.append(chunk.data(), got);
  }
  if (in.bad()) throw IoError(name, "cannot read");
  return text;
}

std::string read_file(const std::string& path, std::size_t max_bytes) {
  if (path == "-") return read_all(std::cin, "<stdin>", max_bytes);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw IoError(path, "cannot open: " + errno_text(errno));
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw IoError(path, "cannot read: " + errno_text(errno));
  if (S_ISDIR(st.st_mode)) throw IoError(path, "is a directory, not a case file");
  std::string text;
  if (S_ISREG(st.st_mode)) {
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size > max_bytes) throw IoError(path, too_big(max_bytes), Limit::input_bytes);
    text.reserve(size + input_padding);  // InputText::padding()
  }
  std::vector<char> chunk(std::size_t{1} << 20);
  for (;;) {
    const ssize_t got = ::read(fd, chunk.data(), chunk.size());
    if (got < 0) {
      if (errno == EINTR) continue;
      throw IoError(path, "cannot read: " + errno_text(errno));
    }
    if (got == 0) break;
    if (text.size() + static_cast<std::size_t>(got) > max_bytes) throw IoError(path, too_big(max_bytes), Limit::input_bytes);
    text.append(chunk.data(), static_cast<std::size_t>(got));
  }
  return text;
}

namespace {
// The descriptor a path names when it is one of this process's own standard
// streams (/dev/stdout, /dev/fd/1, /proc/self/fd/1...), else -1. Such a path
// is a symlink to whatever the stream is (often a regular file the shell
// redirected to), and must be written through the open descriptor: renaming
// a new file over it would replace the link, or the file the shell holds.
int standard_stream(const std::string& path) {
  for (int fd : {1, 2}) {
    const std::string n = std::to_string(fd);
    if (path == (fd == 1 ? "/dev/stdout" : "/dev/stderr") || path == "/dev/fd/" + n || path == "/proc/self/fd/" + n) {
      return fd;
    }
  }
  return -1;
}
}  // namespace

InputText InputText::open(const std::string& path, std::size_t max_bytes) {
  InputText input;
  if (path != "-") {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
      struct stat st {};
      const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
      const auto size = static_cast<std::size_t>(st.st_size);
      // The mapping's last page is readable to its end (zeros past the
      // file's). A file that leaves less than input_padding there gets a
      // page of zeros after it: the whole span is taken first, as zeros,
      // and the file mapped over its start (a page of the file's mapping
      // wholly past its end could not be read).
      const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
      const std::size_t pages = (size + page - 1) / page * page;
      const std::size_t span = pages - size >= input_padding ? pages : pages + page;
      if (regular && size <= max_bytes) {
        void* area = span == pages ? nullptr
                                   : ::mmap(nullptr, span, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        void* map = area == MAP_FAILED ? MAP_FAILED
                                       : ::mmap(area, size, PROT_READ,
                                                MAP_PRIVATE | MAP_POPULATE | (area != nullptr ? MAP_FIXED : 0), fd, 0);
        if (map != MAP_FAILED) {
          ::madvise(map, size, MADV_SEQUENTIAL);
          ::close(fd);
          input.map_ = map;
          input.map_size_ = span;
          input.view_ = std::string_view(static_cast<const char*>(map), size);
          input.padding_ = span - size;
          return input;
        }
        if (area != nullptr && area != MAP_FAILED) ::munmap(area, span);
      }
      ::close(fd);
    }
  }
  // Standard input, pipes, empty or unmappable files, and every error case:
  // read_file says what is wrong.
  input.owned_ = read_file(path, max_bytes);
  input.view_ = input.owned_;
  input.padding_ = input.owned_.capacity() - input.owned_.size();
  return input;
}

InputText::InputText(InputText&& other) noexcept
    : owned_(std::move(other.owned_)), map_(other.map_), map_size_(other.map_size_) {
  view_ = map_ != nullptr ? other.view_ : std::string_view(owned_);
  padding_ = map_ != nullptr ? other.padding_ : owned_.capacity() - owned_.size();
  other.map_ = nullptr;
  other.map_size_ = 0;
  other.view_ = {};
}

void InputText::release_pages(std::size_t bytes) const noexcept {
  // The mapping is private and never written, so every page is the file's:
  // dropped, it is read back from the file (the page cache) when touched.
  if (map_ == nullptr) return;
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t whole = bytes >= view_.size() ? map_size_ : bytes / page * page;
  if (whole > 0) ::madvise(map_, whole, MADV_DONTNEED);
}

InputText::~InputText() {
  if (map_ != nullptr) ::munmap(map_, map_size_);
}

void write_file_atomically(const std::string& requested, const std::function<void(std::ostream&)>& write) {
  namespace fs = std::filesystem;
  if (const int fd = standard_stream(requested); fd >= 0) {
    write_to_fd(fd, requested, write);
    return;
  }
  // A symlink is kept: the file it points to is what gets replaced. A link
  // into /proc/.../fd or /dev/fd names an open stream: written through.
  std::string path = requested;
  bool stream = false;
  {
    fs::path hop(requested);
    std::error_code ec;
    for (int k = 0; k < 40 && fs::is_symlink(hop, ec); ++k) {
      fs::path target = fs::read_symlink(hop, ec);
      if (ec) break;
      if (target.is_relative()) target = hop.parent_path() / target;
      const std::string t = target.string();
      if (t.rfind("/proc/", 0) == 0 || t.rfind("/dev/fd/", 0) == 0) stream = true;
      hop = target;
    }
    if (!stream && hop != fs::path(requested)) path = hop.string();
  }
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (stream && exists && !S_ISDIR(st.st_mode)) {
    const int fd = ::open(requested.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) throw IoError(requested, "cannot open for writing: " + errno_text(errno));
    struct FdCloser {
      int fd;
      ~FdCloser() { ::close(fd); }
    } closer{fd};
    write_to_fd(fd, requested, write);
    return;
  }
  if (exists && S_ISDIR(st.st_mode)) throw IoError(path, "is a directory; give a file name for the output");
  if (exists && !S_ISREG(st.st_mode)) {
    // A device, pipe or socket: there is nothing to replace, write through.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) throw IoError(path, "cannot open for writing: " + errno_text(errno));
    struct FdCloser {
      int fd;
      ~FdCloser() { ::close(fd); }
    } closer{fd};
    write_to_fd(fd, path, write);
    return;
  }
  const fs::path target(path);
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::string name = ".";
  name += target.filename().string();
  name += ".tmp-XXXXXX";
  std::string temp = (dir / name).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) throw IoError(path, "cannot create a file in " + dir.string() + ": " + errno_text(errno));
  bool committed = false;
  struct Cleanup {
    int fd;
    const std::string& temp;
    bool& committed;
    ~Cleanup() {
      if (fd >= 0) ::close(fd);
      if (!committed) ::unlink(temp.c_str());
    }
  } cleanup{fd, temp, committed};
  ::fchmod(fd, exists ? (st.st_mode & 07777) : default_mode());
  write_to_fd(fd, path, write, true);
  if (::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) throw IoError(path, "cannot write: " + errno_text(errno));
  const int closed = ::close(fd);
  cleanup.fd = -1;
  if (closed != 0) throw IoError(path, "cannot write: " + errno_text(errno));
  if (::rename(temp.c_str(), path.c_str()) != 0) throw IoError(path, "cannot replace: " + errno_text(errno));
  committed = true;
}

}  // namespace claimgraph::io
