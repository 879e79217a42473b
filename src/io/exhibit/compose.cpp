#include "io/exhibit/compose.hpp"

#include <algorithm>
#include <charconv>
#include <utility>

#include "detail/escape.hpp"
#include "detail/number.hpp"
#include "detail/text.hpp"
#include "io/exhibit/surface.hpp"

namespace claimgraph::io::exhibit {

namespace {

constexpr double header_points = 9;

// The smallest font-size="..." in Graphviz's SVG.
double smallest_font(std::string_view svg) {
  constexpr std::string_view key = "font-size=\"";
  double smallest = 0;
  for (std::size_t at = svg.find(key); at != std::string_view::npos; at = svg.find(key, at + 1)) {
    const char* first = svg.data() + at + key.size();
    double size = 0;
    const auto [end, error] = std::from_chars(first, svg.data() + svg.size(), size);
    if (error != std::errc() || end == first || size <= 0) continue;
    if (smallest == 0 || size < smallest) smallest = size;
  }
  return smallest;
}

// The root element's attribute `name`, from its opening tag.
std::string_view attribute(std::string_view tag, std::string_view name) {
  std::string key(1, ' ');
  key.append(name).append("=\"");
  const std::size_t at = tag.find(key);
  if (at == std::string_view::npos) return {};
  const std::size_t start = at + key.size();
  const std::size_t end = tag.find('"', start);
  return end == std::string_view::npos ? std::string_view() : tag.substr(start, end - start);
}

void append_number(std::string& out, double value) { detail::append_fixed2(out, value); }

// Text cut to about `width` points at `points` a letter's height, with an
// ellipsis when cut.
std::string fitted(std::string_view text, double width, double points) {
  const auto fits = static_cast<std::size_t>(std::max(4.0, width / (points * 0.55)));
  if (detail::utf8_length(text) <= fits) return std::string(text);
  std::string out;
  std::size_t letters = 0;
  for (std::size_t i = 0; i < text.size() && letters + 1 < fits; ++letters) {
    std::size_t next = i + 1;
    while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
    out.append(text.substr(i, next - i));
    i = next;
  }
  return out + "…";
}

void append_text(std::string& out, double x, double y, std::string_view anchor, std::string_view weight,
                 std::string_view text) {
  out += "<text x=\"";
  append_number(out, x);
  out += "\" y=\"";
  append_number(out, y);
  out += "\" text-anchor=\"";
  out += anchor;
  out += "\" font-weight=\"";
  out += weight;
  out += "\">";
  detail::append_xml(out, text);
  out += "</text>\n";
}

// Two lines in the top margin: the case's title and the page number, then
// what the page shows, in bold; a rule under them.
void append_header(std::string& out, const PageSetup& page, PageSize size, const Header& header) {
  const double left = page.margin;
  const double right = size.width - page.margin;
  const double width = right - left;
  const double first = page.margin - 20;
  const double second = page.margin - 7;
  std::string count = "page ";
  count.append(std::to_string(header.number)).append(" of ").append(std::to_string(header.count));
  out += "<g font-family=\"Helvetica,Arial,sans-serif\" font-size=\"";
  append_number(out, header_points);
  out += "\" fill=\"#263238\">\n";
  append_text(out, left, first, "start", "normal", fitted(header.title, width * 0.8, header_points));
  append_text(out, right, first, "end", "normal", count);
  out += "</g>\n<g font-family=\"Helvetica,Arial,sans-serif\" font-size=\"";
  append_number(out, header_points + 2);
  out += "\" fill=\"#263238\">\n";
  append_text(out, left, second, "start", "bold", fitted(header.heading, width, header_points + 2));
  out += "</g>\n<line x1=\"";
  append_number(out, left);
  out += "\" y1=\"";
  append_number(out, page.margin - 3.5);
  out += "\" x2=\"";
  append_number(out, right);
  out += "\" y2=\"";
  append_number(out, page.margin - 3.5);
  out += "\" stroke=\"#90a4ae\" stroke-width=\"0.5\"/>\n";
}

}  // namespace

Drawing measure(std::string svg) {
  Drawing d;
  d.size = svg_size(svg);
  d.smallest_font = smallest_font(svg);
  d.svg = std::move(svg);
  return d;
}

PageSize printable_area(const PageSetup& page) noexcept {
  const PageSize size = page_size(page);
  return {std::max(1.0, size.width - 2 * page.margin), std::max(1.0, size.height - 2 * page.margin)};
}

namespace {

// Graphviz's drawing as an <svg> element nested in the page, placed.
void append_placed(std::string& out, const Placed& placed, const PageSetup& page) {
  const std::string_view svg = placed.drawing->svg;
  const std::size_t open = svg.find("<svg");
  const std::size_t open_end = open == std::string_view::npos ? open : svg.find('>', open);
  const std::size_t close = svg.rfind("</svg>");
  if (open_end == std::string_view::npos || close == std::string_view::npos || close < open_end) {
    throw RenderError("the diagram's SVG has no <svg> element", {});
  }
  const std::string_view tag = svg.substr(open, open_end - open);
  out += "<svg x=\"";
  append_number(out, page.margin + placed.x);
  out += "\" y=\"";
  append_number(out, page.margin + placed.y);
  out += "\" width=\"";
  append_number(out, placed.drawing->size.width * placed.scale);
  out += "\" height=\"";
  append_number(out, placed.drawing->size.height * placed.scale);
  out += "\" viewBox=\"";
  out += attribute(tag, "viewBox");
  out += "\" preserveAspectRatio=\"xMidYMin meet\">\n";
  out += svg.substr(open_end + 1, close - open_end - 1);
  out += "</svg>\n";
}

}  // namespace

std::string compose_page(std::span<const Placed> drawings, const PageSetup& page, const Header& header) {
  const PageSize size = page_size(page);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"";
  append_number(out, size.width);
  out += "pt\" height=\"";
  append_number(out, size.height);
  out += "pt\" viewBox=\"0 0 ";
  append_number(out, size.width);
  out += ' ';
  append_number(out, size.height);
  out += "\">\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  append_header(out, page, size, header);
  for (const Placed& placed : drawings) append_placed(out, placed, page);
  out += "</svg>\n";
  return out;
}

}  // namespace claimgraph::io::exhibit
