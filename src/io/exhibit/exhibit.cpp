#include "claimgraph/io/exhibit.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <optional>
#include <sstream>
#include <utility>

#include "claimgraph/io/dot_writer.hpp"
#include "detail/number.hpp"
#include "detail/pdf_date.hpp"
#include "io/exhibit/arrange.hpp"
#include "io/exhibit/compose.hpp"
#include "io/exhibit/fit.hpp"
#include "io/exhibit/split.hpp"
#include "io/exhibit/surface.hpp"

namespace claimgraph::io {

namespace {

constexpr std::array<Paper, 3> papers{Paper::letter, Paper::a4, Paper::legal};
// PNG pages are drawn at this many dots to the inch.
constexpr double png_dpi = 150;

}  // namespace

const char* to_string(Paper paper) noexcept {
  switch (paper) {
    case Paper::letter: return "letter";
    case Paper::a4: return "a4";
    case Paper::legal: return "legal";
  }
  return "letter";
}

std::span<const Paper> all_papers() noexcept { return papers; }

PageSize page_size(const PageSetup& page) noexcept {
  PageSize size;
  switch (page.paper) {
    case Paper::letter: size = {612, 792}; break;
    case Paper::a4: size = {595.28, 841.89}; break;
    case Paper::legal: size = {612, 1008}; break;
  }
  if (page.landscape) std::swap(size.width, size.height);
  return size;
}

std::string page_path(std::string_view path, std::size_t number, std::size_t count) {
  if (count <= 1) return std::string(path);
  const std::size_t slash = path.find_last_of('/');
  const std::size_t dot = path.find_last_of('.');
  const std::size_t cut = dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash) ? path.size() : dot;
  std::string out(path.substr(0, cut));
  out += '-';
  out += std::to_string(number);
  out += path.substr(cut);
  return out;
}

namespace {

using exhibit::Fitted;
using exhibit::Unit;

// A page laid out, before it is numbered and composed.
struct Planned {
  std::string heading;
  Fitted fitted;
  /// Whether the legend goes on it.
  bool legend = false;
};

class Planner {
 public:
  Planner(const Graph& graph, const ExhibitOptions& options)
      : graph_(graph), options_(options), area_(exhibit::printable_area(options.page)) {
    render_.on_warning = [this](const std::string& w) { warn("Graphviz: " + w); };
    render_.on_stage = options.draw.on_stage;
  }

  void warn(std::string message) const {
    if (options_.draw.on_warning) {
      options_.draw.on_warning(
          Diagnostic{Severity::warning, Location{options_.draw.name, 0, 0, ""}, std::move(message), std::nullopt});
    }
  }

  Fitted fit_dot(const std::string& dot) const {
    return exhibit::fit([&dot](std::size_t) { return dot; }, area_, render_);
  }

  Fitted fit_graph(const Graph& graph, const DotOptions& dot) const {
    (void)choose_layout(graph.node_count(), layout_options());
    return exhibit::fit(
        [&](std::size_t wrap) {
          DotOptions narrower = dot;
          narrower.wrap_width = std::min(wrap, dot.wrap_width);
          std::ostringstream text;
          write_dot(text, graph, narrower);
          return std::move(text).str();
        },
        area_, render_);
  }

  // The legend, drawn on its own, when the diagrams have one.
  std::optional<exhibit::Drawing> legend() const {
    if (!options_.draw.dot.legend) return std::nullopt;
    std::ostringstream text;
    write_dot(text, Graph(), options_.draw.dot);
    RenderOptions svg = render_;
    svg.format = RenderFormat::svg;
    return exhibit::measure(render(text.str(), svg));
  }

  PageSize area() const { return area_; }

  // The whole case on one page (its title is in the page's header).
  Fitted whole() const {
    Graph untitled = graph_;
    untitled.title.reset();
    return fit_graph(untitled, page_dot(options_.draw.dot));
  }

  // The page of units[k], with page numbers `page_of`.
  Fitted unit(std::span<const Unit> units, std::size_t k, std::span<const std::size_t> page_of) const {
    const exhibit::UnitPage page = exhibit::unit_page(graph_, options_.draw.dot.analyses, units, k, page_of);
    DotOptions dot = page_dot(options_.draw.dot);
    dot.analyses = page.results.analyses();
    dot.references = &page.references;
    // What a view hid beneath each node, for the nodes of the page.
    std::vector<std::size_t> hidden;
    if (dot.hidden_below != nullptr) {
      for (const auto v : page.view.node_of) hidden.push_back(v < dot.hidden_below->size() ? (*dot.hidden_below)[v] : 0);
      dot.hidden_below = &hidden;
    }
    dot.clusters = false;  // the page is one group: its header names it
    dot.legend = false;    // the overview page carries it
    Graph untitled = page.view.graph;
    untitled.title.reset();
    return fit_graph(untitled, dot);
  }

  // The units, split until each page is legible or cannot be split further.
  std::vector<Unit> units() const {
    std::vector<Graph::NodeRef> all(graph_.node_count());
    for (std::size_t v = 0; v < all.size(); ++v) all[v] = v;
    const bool grouped = options_.draw.dot.clusters && has_groups();
    std::deque<Unit> todo;
    for (auto& u : exhibit::split_units(graph_, all, grouped)) todo.push_back(std::move(u));
    std::vector<Unit> done;
    while (!todo.empty()) {
      Unit u = std::move(todo.front());
      todo.pop_front();
      std::vector<Unit> parts = exhibit::split_units(graph_, u.nodes, false);
      if (parts.size() > 1 && !legible_alone(u)) {
        for (std::size_t i = 0; i < parts.size(); ++i) {
          parts[i].heading = u.heading + ": " + parts[i].heading;
          parts[i].name = u.name + " (" + std::to_string(i + 1) + ")";
        }
        for (auto it = parts.rbegin(); it != parts.rend(); ++it) todo.push_front(std::move(*it));
        continue;
      }
      done.push_back(std::move(u));
    }
    return done;
  }

 private:
  // The legend is drawn on its own, beside or under the diagram.
  static DotOptions page_dot(DotOptions dot) {
    dot.legend = false;
    return dot;
  }

  DrawOptions layout_options() const {
    DrawOptions d = options_.draw;
    d.layout = LayoutEngine::dot;
    return d;
  }

  bool has_groups() const {
    for (std::size_t v = 0; v < graph_.node_count(); ++v) {
      if (graph_.node(v).group) return true;
    }
    return false;
  }

  // Whether `u` drawn on a page of its own is legible (page numbers as wide
  // as they will be).
  bool legible_alone(const Unit& u) const {
    const std::vector<Unit> one{u, Unit{"", "", {}}};
    const std::vector<std::size_t> pages{88, 88};
    if (u.nodes.size() > options_.draw.max_render_nodes) return false;
    return unit(one, 0, pages).legible;
  }

  const Graph& graph_;
  const ExhibitOptions& options_;
  PageSize area_;
  RenderOptions render_;
};

std::string title_of(const Graph& graph, const ExhibitOptions& options) {
  if (!options.title.empty()) return options.title;
  if (graph.title) return *graph.title;
  return options.draw.name;
}

std::string percent(double scale) { return std::to_string(static_cast<int>(std::lround(scale * 100))) + "%"; }

std::vector<Planned> plan(const Graph& graph, const ExhibitOptions& options, const Planner& planner,
                          const exhibit::Drawing* legend) {
  const std::string title = title_of(graph, options);
  if (!options.split || graph.node_count() <= options.draw.max_render_nodes) {
    Fitted whole = planner.whole();
    if (!options.split || exhibit::arrange(whole.drawing, legend, planner.area()).legible) {
      return {Planned{"The whole case", std::move(whole), true}};
    }
  }
  const std::vector<Unit> units = planner.units();
  std::vector<std::size_t> page_of(units.size());
  for (std::size_t k = 0; k < units.size(); ++k) page_of[k] = k + 2;
  std::vector<Planned> pages;
  pages.push_back({"Overview of the case",
                   planner.fit_dot(exhibit::overview_dot(graph, options.draw.dot.analyses, units, page_of)), true});
  for (std::size_t k = 0; k < units.size(); ++k) {
    pages.push_back({units[k].heading, planner.unit(units, k, page_of), false});
  }
  return pages;
}

}  // namespace

Exhibit draw_exhibit(const Graph& graph, const ExhibitOptions& options) {
  const Planner planner(graph, options);
  const std::optional<exhibit::Drawing> legend = planner.legend();
  const exhibit::Drawing* key = legend ? &*legend : nullptr;
  std::vector<Planned> planned = plan(graph, options, planner, key);
  const std::string title = title_of(graph, options);
  Exhibit out;
  std::vector<std::string> composed;
  for (std::size_t i = 0; i < planned.size(); ++i) {
    const exhibit::Arranged a =
        exhibit::arrange(planned[i].fitted.drawing, planned[i].legend ? key : nullptr, planner.area());
    const double smallest = exhibit::smallest_text(planned[i].fitted.drawing, a.scale);
    if (!a.legible) {
      std::string message = "page " + std::to_string(i + 1) + " (" + planned[i].heading + ") is printed at " +
                            percent(a.scale) + " of its size, its smallest text at ";
      detail::append_number(message, std::round(smallest * 10) / 10);
      message += " pt: too small to read; show less of the case on it (--focus, --group)";
      planner.warn(message);
    }
    composed.push_back(
        exhibit::compose_page(a.placed, options.page, {title, planned[i].heading, i + 1, planned.size()}));
    ExhibitPage page{planned[i].heading, a.scale, smallest, {}};
    if (options.draw.format == RenderFormat::svg) page.bytes = composed.back();
    if (options.draw.format == RenderFormat::png) {
      page.bytes = exhibit::png_of(composed.back(), page_size(options.page), png_dpi);
    }
    out.pages.push_back(std::move(page));
  }
  if (options.draw.format == RenderFormat::pdf) {
    out.document = exhibit::pdf_of(composed, page_size(options.page), title);
    if (options.draw.pdf_date) (void)detail::set_pdf_creation_date(out.document, *options.draw.pdf_date);
  }
  return out;
}

}  // namespace claimgraph::io
