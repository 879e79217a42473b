#pragma once
// Reading whole inputs and writing outputs safely.

#include <cstddef>
#include <functional>
#include <istream>
#include <ostream>
#include <string>

namespace claimgraph::io {

/// Reads all of `in`; throws IoError naming `name` if it fails or holds more
/// than `max_bytes`.
[[nodiscard]] std::string read_all(std::istream& in, const std::string& name, std::size_t max_bytes);

/// Reads a whole file, or standard input for "-". Throws IoError for a
/// missing or unreadable file, a directory, or input over `max_bytes`.
[[nodiscard]] std::string read_file(const std::string& path, std::size_t max_bytes);

/// Writes a file atomically: `write` fills a stream backed by a temporary file
/// beside `path`, which then replaces `path` by renaming. If `write` throws or
/// any write fails, the temporary file is removed and `path` is untouched.
/// Only regular files (or nothing) are replaced: when `path` is a device or a
/// pipe (e.g. /dev/stdout) it is written directly. Throws IoError.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace claimgraph::io
