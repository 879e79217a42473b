#include "io/argdown/include.hpp"

#include <filesystem>
#include <system_error>
#include <utility>

#include "claimgraph/error.hpp"
#include "claimgraph/io/file.hpp"
#include "detail/text.hpp"
#include "io/argdown/lexer.hpp"

namespace claimgraph::io::argdown {

namespace fs = std::filesystem;

namespace {

// One file being copied into the whole text: where the copy has got to,
// and which file included it (for cycles and depth).
struct Frame {
  std::size_t file;    // in TextOrigins and `paths`
  std::size_t pos;     // the next byte of the file to copy
  std::size_t parent;  // the frame that included it, or npos for the first
  std::size_t depth;   // 0 for the first file
};

constexpr std::size_t none = static_cast<std::size_t>(-1);

std::string_view trimmed(std::string_view s) {
  const auto begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const auto end = s.find_last_not_of(" \t\r\n");
  return s.substr(begin, end + 1 - begin);
}

// The names in a call's parentheses, separated by commas.
std::vector<std::string_view> names_in(std::string_view inside) {
  std::vector<std::string_view> out;
  std::size_t from = 0;
  while (from <= inside.size()) {
    const std::size_t comma = std::min(inside.find(',', from), inside.size());
    const auto name = trimmed(inside.substr(from, comma - from));
    if (!name.empty()) out.push_back(name);
    from = comma + 1;
  }
  return out;
}

// The file as it is named in messages: relative to the first file's
// directory when it lies below it, else as resolved.
std::string display_name(const fs::path& file, const fs::path& first_dir, const std::string& first_name) {
  const fs::path shown = fs::path(first_name).parent_path();
  const fs::path relative = file.lexically_relative(first_dir);
  if (!relative.empty() && *relative.begin() != "..") return (shown / relative).lexically_normal().string();
  return file.string();
}

}  // namespace

bool has_include(std::string_view text) {
  for (std::size_t at = text.find(include_call); at != std::string_view::npos; at = text.find(include_call, at + 1)) {
    const std::size_t close = text.find(')', at + include_call.size());
    if (close == std::string_view::npos) return false;
    if (close > at + include_call.size()) return true;
  }
  return false;
}

Included expand_includes(std::string_view text, const std::string& path, const std::string& file_name,
                         const Limits& limits, detail::TextDiagnostics& diagnostics) {
  Included out;
  out.origins = std::make_unique<detail::TextOrigins>();
  detail::TextOrigins& origins = *out.origins;
  std::vector<std::string_view> texts{text};
  std::vector<fs::path> paths;  // resolved, per file
  std::error_code ec;
  const fs::path first = path.empty() ? fs::path() : fs::weakly_canonical(fs::absolute(path, ec), ec);
  paths.push_back(first);
  origins.add_file(file_name, text);
  const fs::path first_dir = first.parent_path();

  std::vector<Frame> frames{{0, 0, none, 0}};  // every frame made; `stack` holds those still being copied
  std::vector<std::size_t> stack{0};
  // Each call and what it names, for the frames it pushes.
  while (!stack.empty()) {
    Frame& f = frames[stack.back()];
    const std::string_view t = texts[f.file];
    std::size_t at = t.find(include_call, f.pos);
    std::size_t close = std::string_view::npos;
    // A call has something between its parentheses; "@include()" and an
    // unclosed "@include(" stay text, as the tool's pattern leaves them.
    while (at != std::string_view::npos) {
      close = t.find(')', at + include_call.size());
      if (close == std::string_view::npos) {
        at = std::string_view::npos;
        break;
      }
      if (close > at + include_call.size()) break;
      at = t.find(include_call, at + 1);
    }
    const std::size_t upto = at == std::string_view::npos ? t.size() : at;
    origins.add_piece(out.text.size(), f.file, f.pos, upto - f.pos);
    out.text.append(t.substr(f.pos, upto - f.pos));
    if (at == std::string_view::npos) {
      stack.pop_back();
      continue;
    }
    f.pos = close + 1;
    const std::size_t self = stack.back();
    const Frame caller = f;  // `f` dangles once frames grows
    const auto [name, place] = origins.locate_in(caller.file, at);
    const Location where{name, place.first, place.second, {}};
    const std::string call(t.substr(at, close + 1 - at));
    if (path.empty() && caller.file == 0) {
      diagnostics.error_at(out.text.size(), where,
                           call + ": an @include is followed relative to the including file, and " + file_name +
                               " is not a file; read the case by its path, or inline the included files");
      continue;
    }
    const fs::path dir = paths[caller.file].parent_path();
    std::vector<std::size_t> pushed;
    for (const auto named : names_in(t.substr(at + include_call.size(), close - at - include_call.size()))) {
      const fs::path target = fs::weakly_canonical(dir / fs::path(std::string(named)), ec);
      const std::string target_name = display_name(target, first_dir, file_name);
      // A file that includes itself, directly or through others.
      bool cycle = false;
      for (std::size_t k = self; k != none; k = frames[k].parent) {
        if (paths[frames[k].file] == target) cycle = true;
      }
      if (cycle) {
        diagnostics.error_at(out.text.size(), where,
                             call + " includes " + detail::shown(target_name) +
                                 ", which is being read already: a file cannot include itself, directly or through "
                                 "the files it includes");
        continue;
      }
      if (caller.depth + 1 > max_include_depth) {
        diagnostics.error_at(out.text.size(), where,
                             call + ": includes nest more than " + std::to_string(max_include_depth) +
                                 " files deep; include the files from fewer levels");
        continue;
      }
      bool again = false;
      for (const auto& p : paths) again = again || p == target;
      if (again) {
        diagnostics.warning_at(out.text.size(), where,
                               call + " names " + detail::shown(target_name) +
                                   " a second time; it is included once, where it was first named");
        continue;
      }
      std::unique_ptr<std::string> contents;
      try {
        contents = std::make_unique<std::string>(read_file(target.string(), limits.max_input_bytes));
      } catch (const IoError& e) {
        std::string why = e.what();
        const std::string prefix = target.string() + ": ";
        if (why.starts_with(prefix)) why = why.substr(prefix.size());
        if (why.starts_with("error: ")) why = why.substr(7);
        diagnostics.error_at(out.text.size(), where,
                             call + ": cannot read " + detail::shown(target_name) + ": " + why);
        continue;
      }
      const std::string_view body = detail::without_bom(*contents);
      const std::size_t skip = contents->size() - body.size();
      out.files.push_back(std::move(contents));
      texts.push_back(*out.files.back());
      paths.push_back(target);
      const std::size_t file = origins.add_file(target_name, texts.back());
      frames.push_back({file, skip, self, caller.depth + 1});
      pushed.push_back(frames.size() - 1);
    }
    // The first named is copied first: the stack takes them in reverse.
    for (auto it = pushed.rbegin(); it != pushed.rend(); ++it) stack.push_back(*it);
    if (out.text.size() > limits.max_input_bytes) break;  // the caller reports the size
  }
  return out;
}

}  // namespace claimgraph::io::argdown
