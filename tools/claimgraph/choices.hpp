#pragma once
// Options whose value is one of a list of names (formats, semantics,
// layouts), with the names, the help and the "did you mean" built from the
// library's tables, never spelt out here.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "claimgraph/analysis/abstract.hpp"
#include "claimgraph/io/diff_report.hpp"
#include "claimgraph/io/exhibit.hpp"
#include "claimgraph/io/dot_writer.hpp"
#include "claimgraph/io/formats.hpp"
#include "claimgraph/io/render.hpp"
#include "claimgraph/redact.hpp"
#include "claimgraph/suggest.hpp"

namespace claimgraph::cli {

/// One value an option can take, by name.
template <class T>
struct Choice {
  std::string name;
  T value;
  /// Other words for it, suggested but not taken: a format's extensions
  /// ("md" for markdown).
  std::vector<std::string> aliases = {};
};

template <class T>
using Choices = std::vector<Choice<T>>;

/// The formats of `diff`'s report: those of the reports, and the HTML page.
[[nodiscard]] Choices<io::DiffFormat> diff_format_choices();
/// The formats read (only the abstract frameworks, with `abstract`).
[[nodiscard]] Choices<const io::InputFormat*> input_choices(bool abstract = false);
/// The formats `export` writes.
[[nodiscard]] Choices<const io::OutputFormat*> output_choices();
/// The pictures `render` draws.
[[nodiscard]] Choices<const io::DrawingFormat*> drawing_choices();
/// text, json.
[[nodiscard]] Choices<io::ReportFormat> report_choices();
/// grounded, preferred, stable.
[[nodiscard]] Choices<analysis::Semantics> semantics_choices();
/// dot, neato, fdp, sfdp.
[[nodiscard]] Choices<io::LayoutEngine> layout_choices();
/// colour, mono.
[[nodiscard]] Choices<io::DiagramStyle> style_choices();
/// The --style help: "Colours of the diagram: colour (...) or mono (...)".
[[nodiscard]] std::string style_help();

/// mask, drop.
[[nodiscard]] Choices<RedactMode> redact_mode_choices();
/// The --redact-mode help: "What becomes of a redacted node: mask (...) or drop (...)".
[[nodiscard]] std::string redact_mode_help();

/// letter, a4, legal.
[[nodiscard]] Choices<std::optional<io::Paper>> paper_choices();

/// "a, b or c".
[[nodiscard]] std::string joined(const std::vector<std::string>& words, const char* conjunction = "or");

/// The names of `choices`: "a, b or c".
template <class T>
[[nodiscard]] std::string names(const Choices<T>& choices) {
  std::vector<std::string> words;
  for (const auto& c : choices) words.push_back(c.name);
  return joined(words);
}

/// The usual extension of each picture format: ".svg, .png or .pdf".
[[nodiscard]] std::string drawing_extensions();

/// The help of FILE: "Case file: claimgraph JSON, AIF, Argdown or ICCMA
/// (.apx, .tgf, .i23), or - for standard input".
[[nodiscard]] std::string input_file_help();

/// Extensions as help lists them: ".dot/.gv".
[[nodiscard]] std::string extensions_text(std::span<const std::string_view> extensions);

/// `value` as aliases are kept: lower case, without a leading dot (".MD" is "md").
[[nodiscard]] std::string alias_key(std::string_view value);

/// A format's extensions as aliases ("md" for markdown's ".md").
[[nodiscard]] std::vector<std::string> extension_aliases(std::span<const std::string_view> extensions);

/// Adds `name`, whose value is one of `choices` by name, to `cmd`; the
/// value chosen goes to `target`. Another name is refused, with
/// `elsewhere(name)` when it says something (a format another command
/// writes), else with the list and a suggestion.
template <class T>
CLI::Option* add_choice(CLI::App& cmd, const std::string& name, T& target, Choices<T> choices, const std::string& help,
                        std::function<std::string(const std::string&)> elsewhere = {}) {
  std::string listed;
  for (const auto& c : choices) listed += (listed.empty() ? "{" : ",") + c.name;
  listed += "}";
  auto* option = cmd.add_option_function<std::string>(
      name,
      [&target, choices](const std::string& value) {
        for (const auto& c : choices) {
          if (c.name == value) target = c.value;
        }
      },
      help);
  for (const auto& c : choices) {
    if (c.value == target) option->default_str(c.name);
  }
  option->check(CLI::Validator(
      [choices, elsewhere](std::string& value) -> std::string {
        std::vector<std::string_view> candidates;
        for (const auto& c : choices) {
          if (c.name == value) return {};
          candidates.push_back(c.name);
        }
        if (elsewhere) {
          std::string message = elsewhere(value);
          if (!message.empty()) return message;
        }
        const std::string expected = "unknown value \"" + value + "\"; expected " + names(choices);
        for (const auto& c : choices) {
          if (std::find(c.aliases.begin(), c.aliases.end(), alias_key(value)) != c.aliases.end()) {
            return expected + "; did you mean \"" + c.name + "\"?";
          }
        }
        return expected + did_you_mean(value, candidates);
      },
      listed));
  return option;
}

}  // namespace claimgraph::cli
