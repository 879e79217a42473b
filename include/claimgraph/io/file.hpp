#pragma once
// Reading whole inputs and writing outputs safely.

#include <cstddef>
#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>

namespace claimgraph::io {

/// Reads all of `in`; throws IoError naming `name` if it fails or holds more
/// than `max_bytes`.
[[nodiscard]] std::string read_all(std::istream& in, const std::string& name, std::size_t max_bytes);

/// Reads a whole file, or standard input for "-". Throws IoError for a
/// missing or unreadable file, a directory, or input over `max_bytes`.
[[nodiscard]] std::string read_file(const std::string& path, std::size_t max_bytes);

/// A whole input in memory: a regular file is mapped (no copy; the page
/// cache holds it), anything else (standard input, a pipe) is read.
class InputText {
 public:
  /// Opens `path` ("-" for standard input). Throws IoError like read_file.
  static InputText open(const std::string& path, std::size_t max_bytes);
  InputText(InputText&& other) noexcept;
  InputText& operator=(InputText&& other) = delete;
  InputText(const InputText&) = delete;
  InputText& operator=(const InputText&) = delete;
  ~InputText();
  /// The bytes.
  [[nodiscard]] std::string_view text() const noexcept { return view_; }
  /// How many bytes after text() may be read (ReadOptions::readable_past_end):
  /// at least input_padding for a file, however it was read.
  [[nodiscard]] std::size_t padding() const noexcept { return padding_; }
  /// Lets the system drop the whole pages of a mapped file's first `bytes`
  /// bytes from memory: text() stays readable (touched again, a page is
  /// read back from the file) but costs no memory until then. Does nothing
  /// for text read into memory.
  void release_pages(std::size_t bytes) const noexcept;

 private:
  InputText() = default;
  std::string owned_;
  void* map_ = nullptr;
  std::size_t map_size_ = 0;
  std::string_view view_;
  std::size_t padding_ = 0;
};

/// The readable bytes InputText keeps after a file's text, for parsers that
/// read past the end in wide steps (simdjson needs 64).
inline constexpr std::size_t input_padding = 64;

/// Writes a file atomically: `write` fills a stream backed by a temporary file
/// beside `path`, which then replaces `path` by renaming. If `write` throws or
/// any write fails, the temporary file is removed and `path` is untouched.
/// Only regular files (or nothing) are replaced: when `path` is a device or a
/// pipe (e.g. /dev/stdout) it is written directly. Throws IoError.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace claimgraph::io
