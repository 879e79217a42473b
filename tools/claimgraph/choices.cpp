#include "choices.hpp"

#include <algorithm>

namespace claimgraph::cli {

std::string alias_key(std::string_view value) {
  if (value.starts_with('.')) value.remove_prefix(1);
  std::string out(value);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::vector<std::string> extension_aliases(std::span<const std::string_view> extensions) {
  std::vector<std::string> out;
  for (auto e : extensions) out.push_back(alias_key(e));
  return out;
}

Choices<const io::InputFormat*> input_choices(bool abstract) {
  Choices<const io::InputFormat*> out;
  for (const auto& f : io::input_formats()) {
    if (!abstract || f.abstract) out.push_back({std::string(f.name), &f, extension_aliases(f.extensions)});
  }
  return out;
}

Choices<const io::OutputFormat*> output_choices() {
  Choices<const io::OutputFormat*> out;
  for (const auto& f : io::output_formats()) out.push_back({std::string(f.name), &f, extension_aliases(f.extensions)});
  return out;
}

Choices<const io::DrawingFormat*> drawing_choices() {
  Choices<const io::DrawingFormat*> out;
  for (const auto& f : io::drawing_formats()) out.push_back({std::string(f.name), &f, extension_aliases(f.extensions)});
  return out;
}

Choices<io::ReportFormat> report_choices() {
  Choices<io::ReportFormat> out;
  for (const auto& f : io::report_formats()) out.push_back({std::string(f.name), f.format});
  return out;
}

Choices<io::DiffFormat> diff_format_choices() {
  Choices<io::DiffFormat> out;
  for (const auto& f : io::report_formats()) {
    out.push_back({std::string(f.name), f.format == io::ReportFormat::text ? io::DiffFormat::text : io::DiffFormat::json});
  }
  // The page `serve` keeps live is the HTML page.
  for (const auto& f : io::output_formats()) {
    if (f.uses(io::Setting::live)) out.push_back({std::string(f.name), io::DiffFormat::html});
  }
  return out;
}

Choices<analysis::Semantics> semantics_choices() {
  Choices<analysis::Semantics> out;
  for (auto s : {analysis::Semantics::grounded, analysis::Semantics::preferred, analysis::Semantics::stable}) {
    out.push_back({std::string(analysis::to_string(s)), s});
  }
  return out;
}

Choices<io::LayoutEngine> layout_choices() {
  Choices<io::LayoutEngine> out;
  for (auto e : {io::LayoutEngine::dot, io::LayoutEngine::neato, io::LayoutEngine::fdp, io::LayoutEngine::sfdp}) {
    out.push_back({io::to_string(e), e});
  }
  return out;
}

Choices<std::optional<io::Paper>> paper_choices() {
  Choices<std::optional<io::Paper>> out;
  for (auto p : io::all_papers()) out.push_back({io::to_string(p), p});
  return out;
}

Choices<io::DiagramStyle> style_choices() {
  Choices<io::DiagramStyle> out;
  for (const auto& s : io::diagram_styles()) out.push_back({std::string(s.name), s.style});
  return out;
}

std::string style_help() {
  std::vector<std::string> styles;
  for (const auto& s : io::diagram_styles()) styles.push_back(std::string(s.name) + " (" + std::string(s.description) + ")");
  return "Colours of the diagram: " + joined(styles) +
         "; in both, relations, kinds and statuses differ by line, arrowhead, border and words";
}

Choices<RedactMode> redact_mode_choices() {
  Choices<RedactMode> out;
  for (const auto& m : redact_modes()) out.push_back({std::string(m.name), m.mode});
  return out;
}

std::string redact_mode_help() {
  std::vector<std::string> modes;
  for (const auto& m : redact_modes()) modes.push_back(std::string(m.name) + " (" + std::string(m.description) + ")");
  return "What becomes of a redacted node: " + joined(modes);
}

std::string joined(const std::vector<std::string>& words, const char* conjunction) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0 && i + 1 == words.size()) {
      out.append(1, ' ').append(conjunction).append(1, ' ');
    } else if (i > 0) {
      out += ", ";
    }
    out += words[i];
  }
  return out;
}

std::string drawing_extensions() {
  std::vector<std::string> extensions;
  for (const auto& f : io::drawing_formats()) extensions.emplace_back(f.extensions.front());
  return joined(extensions);
}

std::string extensions_text(std::span<const std::string_view> extensions) {
  std::string out;
  for (std::string_view e : extensions) {
    if (!out.empty()) out += '/';
    out += e;
  }
  return out;
}

std::string input_file_help() {
  // Each family once, in table order: "claimgraph JSON, AIF, Argdown or ICCMA (.apx, .tgf, .i23)".
  std::vector<std::string> titles;
  for (const auto& f : io::input_formats()) {
    std::string title(f.title);
    if (f.abstract) {
      std::string extensions;
      for (const auto& g : io::input_formats()) {
        if (g.title == f.title) extensions += (extensions.empty() ? "" : ", ") + std::string(g.extensions.front());
      }
      title += " (" + extensions + ")";
    }
    if (std::find(titles.begin(), titles.end(), title) == titles.end()) titles.push_back(title);
  }
  return "Case file: " + joined(titles) + "; or - for standard input";
}

}  // namespace claimgraph::cli
