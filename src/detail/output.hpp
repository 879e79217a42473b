#pragma once
// How writers hand their text to a stream: appended to a string and written
// in pieces of about a megabyte, so that a million-node graph needs neither
// a stream call per token nor all of its output in memory at once.

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace claimgraph::detail {

class OutputBuffer {
 public:
  // The text starts with room for a small output and grows as appended to:
  // reserving the whole megabyte at once cost each small export a fresh
  // mapping of pages it never used.
  explicit OutputBuffer(std::ostream& out) : out_(out) { text_.reserve(initial); }
  OutputBuffer(const OutputBuffer&) = delete;
  OutputBuffer& operator=(const OutputBuffer&) = delete;
  ~OutputBuffer() = default;

  /// The text not yet written: writers append to it.
  [[nodiscard]] std::string& text() noexcept { return text_; }

  /// Writes the text once it has grown past the threshold; writers call it
  /// between the items they write.
  void flush_if_full() {
    if (text_.size() >= threshold) flush();
  }

  /// Appends `more`, a large piece, by writing the text before it and then
  /// it, without a copy into the text.
  void write(std::string_view more) {
    flush();
    out_.write(more.data(), static_cast<std::streamsize>(more.size()));
  }

  /// Writes all the text. Writers call it last.
  void flush() {
    out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
    text_.clear();
  }

 private:
  static constexpr std::size_t threshold = std::size_t{1} << 20;
  static constexpr std::size_t initial = std::size_t{1} << 16;
  std::ostream& out_;
  std::string text_;
};

}  // namespace claimgraph::detail
