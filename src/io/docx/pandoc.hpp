#pragma once
// pandoc, run as a converter: found before any work is done, given a
// private temporary directory to work in (mode 0700, removed with all it
// holds when the Pandoc object goes, whatever happened), started without a
// shell in that directory, its standard error kept for the messages.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::io::docx {

class Pandoc {
 public:
  /// Finds `program` (a name looked up in PATH, or a path) and makes the
  /// directory. Throws ConversionError when it is not installed, or the
  /// directory cannot be made.
  explicit Pandoc(std::string program);
  ~Pandoc();
  Pandoc(const Pandoc&) = delete;
  Pandoc& operator=(const Pandoc&) = delete;

  /// Writes the file `name` in the directory. Throws ConversionError.
  void write(std::string_view name, std::string_view bytes) const;
  /// The file `name` in the directory. Throws ConversionError.
  [[nodiscard]] std::string read(std::string_view name) const;

  /// Runs pandoc with `arguments` in the directory, its standard input on
  /// /dev/null and its standard output into the file `output` there (none:
  /// /dev/null), with the environment of this process plus each
  /// NAME=VALUE of `defaults` that it does not set. Returns what pandoc
  /// wrote on its standard error (its warnings). Throws ConversionError
  /// when it cannot be started or fails, with what it said.
  std::string run(const std::vector<std::string>& arguments, const std::vector<std::string>& defaults,
                  std::string_view output = {}) const;

  /// The directory.
  [[nodiscard]] const std::filesystem::path& directory() const noexcept { return directory_; }

 private:
  std::string program_;  // as given, for messages
  std::string path_;     // where it was found, absolute
  std::filesystem::path directory_;
};

}  // namespace claimgraph::io::docx
