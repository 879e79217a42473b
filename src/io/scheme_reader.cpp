#include "claimgraph/io/scheme_reader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <set>
#include <system_error>

#include "claimgraph/error.hpp"
#include "claimgraph/io/file.hpp"
#include "claimgraph/io/formats.hpp"
#include "claimgraph/limits.hpp"
#include "claimgraph/suggest.hpp"
#include "io/scheme_data.hpp"

namespace claimgraph::io {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::array scheme_keys{std::string_view("claimgraph-scheme"), std::string_view("title"),
                                 std::string_view("source"),            std::string_view("premises"),
                                 std::string_view("conclusion"),        std::string_view("questions")};
constexpr std::array question_keys{std::string_view("id"), std::string_view("type"), std::string_view("question"),
                                   std::string_view("rule")};

// Collects a file's problems, each placed by JSON pointer.
class Problems {
 public:
  explicit Problems(const std::string& file) : file_(file) {}
  void add(std::string pointer, std::string message) {
    diagnostics_.push_back({Severity::error, {file_, 0, 0, std::move(pointer)}, std::move(message)});
  }
  [[nodiscard]] bool any() const noexcept { return !diagnostics_.empty(); }
  [[noreturn]] void raise() { throw ValidationError(std::move(diagnostics_)); }

 private:
  const std::string& file_;
  std::vector<Diagnostic> diagnostics_;
};

std::string shown(std::string_view s) { return json(std::string(s)).dump(); }

// A required, non-blank string member.
std::string text(const json& object, std::string_view key, const std::string& at, Problems& problems,
                 bool required = true) {
  const auto it = object.find(key);
  if (it == object.end()) {
    if (required) problems.add(at, "missing \"" + std::string(key) + "\" (a string)");
    return {};
  }
  if (!it->is_string() || it->get_ref<const std::string&>().find_first_not_of(" \t\r\n") == std::string::npos) {
    problems.add(at + "/" + std::string(key), "\"" + std::string(key) + "\" must be a string that is not blank");
    return {};
  }
  return it->get<std::string>();
}

template <std::size_t N>
void unknown_keys(const json& object, const std::array<std::string_view, N>& known, const std::string& at,
                  Problems& problems) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    problems.add(at + "/" + key, "unknown field " + shown(key) + did_you_mean(key, known));
  }
}

CriticalQuestion question(const json& q, const std::string& at, Problems& problems) {
  CriticalQuestion out;
  if (!q.is_object()) {
    problems.add(at, "a critical question must be an object: {\"id\", \"type\", \"question\"}");
    return out;
  }
  unknown_keys(q, question_keys, at, problems);
  out.id = text(q, "id", at, problems);
  if (std::any_of(out.id.begin(), out.id.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
    problems.add(at + "/id", "a question id must not hold control characters");
  }
  const std::string type = text(q, "type", at, problems);
  if (!type.empty()) {
    if (const auto t = parse_question_type(type)) {
      out.type = *t;
    } else {
      problems.add(at + "/type", "unknown question type " + shown(type) +
                                     ": \"assumption\" (holds until questioned) or \"exception\" (holds only if shown)");
    }
  }
  out.text = text(q, "question", at, problems);
  out.rule = text(q, "rule", at, problems, false);
  return out;
}

}  // namespace

Scheme read_scheme(std::string_view input, std::string name, const std::string& file_name) {
  // Where byte `at` is, as line and column (columns count characters).
  const auto place = [&](std::size_t at) {
    at = std::min(at, input.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < at; ++i) {
      if (input[i] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(input[i]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    return Location{file_name, line, column, ""};
  };
  const auto why = [](const std::exception& e) {
    std::string what = e.what();
    if (const auto colon = what.rfind(": "); colon != std::string::npos) what = what.substr(colon + 2);
    return what;
  };
  json doc;
  try {
    doc = json::parse(input.begin(), input.end());
  } catch (const json::parse_error& e) {
    throw ParseError({{Severity::error, place(e.byte > 0 ? e.byte - 1 : 0), "not a scheme file: " + why(e)}});
  } catch (const json::exception& e) {
    // A number too large for a double ("number overflow parsing '1e999'"):
    // placed at the number, which the message quotes.
    const std::string what = e.what();
    const auto open = what.find('\'');
    const auto close = open == std::string::npos ? open : what.find('\'', open + 1);
    const auto at = close == std::string::npos ? 0 : input.find(what.substr(open + 1, close - open - 1));
    throw ParseError({{Severity::error, place(at == std::string_view::npos ? 0 : at),
                       "not a scheme file: " + what.substr(what.find("] ") == std::string::npos ? 0 : what.find("] ") + 2) +
                           "; write a number a double can hold"}});
  }
  Problems problems(file_name);
  Scheme s;
  s.name = std::move(name);
  if (!doc.is_object()) {
    problems.add("", "a scheme file holds one object: {\"claimgraph-scheme\": 1, \"title\", \"questions\", ...}");
    problems.raise();
  }
  unknown_keys(doc, scheme_keys, "", problems);
  const auto version = doc.find("claimgraph-scheme");
  if (version == doc.end() || !version->is_number_integer() || version->get<long long>() != scheme_format_version) {
    problems.add("/claimgraph-scheme", "missing or unknown scheme format version: write \"claimgraph-scheme\": " +
                                           std::to_string(scheme_format_version));
  }
  s.title = text(doc, "title", "", problems);
  s.source = text(doc, "source", "", problems);
  s.conclusion = text(doc, "conclusion", "", problems, false);
  if (const auto premises = doc.find("premises"); premises != doc.end()) {
    if (!premises->is_array()) {
      problems.add("/premises", "\"premises\" must be an array of strings");
    } else {
      for (std::size_t i = 0; i < premises->size(); ++i) {
        const auto& p = (*premises)[i];
        if (p.is_string()) {
          s.premises.push_back(p.get<std::string>());
        } else {
          problems.add("/premises/" + std::to_string(i), "a premise must be a string");
        }
      }
    }
  }
  const auto questions = doc.find("questions");
  if (questions == doc.end() || !questions->is_array() || questions->empty()) {
    problems.add("/questions", "\"questions\" must be a non-empty array of critical questions");
  } else {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < questions->size(); ++i) {
      const std::string at = "/questions/" + std::to_string(i);
      CriticalQuestion q = question((*questions)[i], at, problems);
      if (!q.id.empty() && !seen.insert(q.id).second) problems.add(at + "/id", "question " + shown(q.id) + " twice");
      s.questions.push_back(std::move(q));
    }
  }
  if (problems.any()) problems.raise();
  return s;
}

const SchemeLibrary& standard_schemes() {
  static const SchemeLibrary library = [] {
    SchemeLibrary l;
    for (const auto& d : detail::shipped_schemes()) {
      l.add(read_scheme(d.text, std::string(d.name),
                        "schemes/" + std::string(d.name) + std::string(input_formats().front().extensions.front())));
    }
    return l;
  }();
  return library;
}

SchemeLibrary load_schemes(const std::vector<std::string>& directories) {
  SchemeLibrary library;
  for (const auto& dir : directories) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw IoError(dir, "no such directory of schemes");
    std::vector<fs::path> files;
    try {
      for (const auto& entry : fs::directory_iterator(dir)) {
        const auto& path = entry.path();
        // Scheme files are JSON, named as case files are.
        if (path.extension() == input_formats().front().extensions.front() && !path.stem().string().starts_with('.') &&
            entry.is_regular_file()) {
          files.push_back(path);
        }
      }
    } catch (const fs::filesystem_error& e) {
      throw IoError(dir, "cannot list the schemes: " + e.code().message());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      const std::string file = path.string();
      library.add(read_scheme(read_file(file, Limits{}.max_input_bytes), path.stem().string(), file));
    }
  }
  for (const auto& s : standard_schemes().schemes()) library.add(s);
  return library;
}

}  // namespace claimgraph::io
