#include "claimgraph/io/diagram.hpp"

#include <sstream>
#include <utility>

namespace claimgraph::io {

namespace {

void warn(const DrawOptions& options, std::string message, std::optional<Limit> limit = std::nullopt) {
  if (options.on_warning) {
    options.on_warning(Diagnostic{Severity::warning, Location{options.name, 0, 0, ""}, std::move(message), limit});
  }
}

RenderOptions render_options(const Graph& graph, const DrawOptions& options) {
  RenderOptions render;
  render.format = options.format;
  render.layout = choose_layout(graph.node_count(), options);
  render.on_stage = options.on_stage;
  render.pdf_date = options.pdf_date;
  render.on_warning = [&options](const std::string& warning) { warn(options, "Graphviz: " + warning); };
  return render;
}

// The diagram for `layout`: only dot keeps the legend's sample edges in
// their row (DotOptions::layered).
std::string dot_text(const Graph& graph, const DrawOptions& options, LayoutEngine layout) {
  DotOptions dot_options = options.dot;
  dot_options.layered = dot_options.layered && layout == LayoutEngine::dot;
  std::ostringstream dot;
  write_dot(dot, graph, dot_options);
  return std::move(dot).str();
}

}  // namespace

LayoutEngine choose_layout(std::size_t nodes, const DrawOptions& options) {
  const std::size_t limit = options.max_render_nodes;
  if (options.layout) {
    if (nodes > limit && *options.layout != LayoutEngine::sfdp) {
      throw Error(options.name + ": the diagram has " + std::to_string(nodes) + " nodes, more than the limit of " +
                      std::to_string(limit) + " for the " + to_string(*options.layout) +
                      " layout, which would take minutes or hours; use the sfdp layout",
                  Limit::render_nodes);
    }
    return *options.layout;
  }
  if (nodes <= limit) return LayoutEngine::dot;
  warn(options,
       "the diagram has " + std::to_string(nodes) + " nodes, more than the limit of " + std::to_string(limit) +
           " for the dot layout; drawing it with sfdp instead (groups are not drawn as clusters)",
       Limit::render_nodes);
  return LayoutEngine::sfdp;
}

void draw(std::ostream& out, const Graph& graph, const DrawOptions& options) {
  const RenderOptions settings = render_options(graph, options);
  render(out, dot_text(graph, options, settings.layout), settings);
}

std::string draw(const Graph& graph, const DrawOptions& options) {
  const RenderOptions settings = render_options(graph, options);
  return render(dot_text(graph, options, settings.layout), settings);
}

}  // namespace claimgraph::io
