#include "claimgraph/io/csv_writer.hpp"

#include <charconv>
#include <string>
#include <string_view>
#include <vector>

#include "detail/escape.hpp"

namespace claimgraph::io {

namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";

// Builds one row: cells separated by commas, CRLF at the end.
class Row {
 public:
  explicit Row(std::string& out) : out_(out) {}
  void text(std::string_view s) {
    separate();
    detail::append_csv_field(out_, s);
  }
  void optional_text(const std::optional<std::string>& s) {
    separate();
    if (s) detail::append_csv_field(out_, *s);
  }
  void flag(bool value) { text(value ? "true" : "false"); }
  // The shortest text that reads back as the same double.
  void number(double value) {
    separate();
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, ec == std::errc() ? static_cast<std::size_t>(end - buffer) : 0);
  }
  void count(std::size_t value) {
    separate();
    out_ += std::to_string(value);
  }
  void empty() { separate(); }
  void end() { out_ += "\r\n"; }

 private:
  void separate() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  std::string& out_;
  bool first_ = true;
};

std::string extras_json(const Attributes& extra) {
  std::string json = "{";
  for (std::size_t i = 0; i < extra.size(); ++i) {
    if (i > 0) json += ',';
    detail::append_json_string(json, extra[i].key);
    json += ':';
    json += extra[i].json;
  }
  json += '}';
  return json;
}

std::string tags_json(const std::vector<std::string>& tags) {
  std::string json = "[";
  for (std::size_t i = 0; i < tags.size(); ++i) {
    if (i > 0) json += ',';
    detail::append_json_string(json, tags[i]);
  }
  json += ']';
  return json;
}

constexpr std::size_t flush_at = std::size_t{1} << 20;

class Buffer {
 public:
  explicit Buffer(std::ostream& out) : out_(out) { text.reserve(flush_at + 4096); }
  void flush(bool force) {
    if (force || text.size() >= flush_at) {
      out_.write(text.data(), static_cast<std::streamsize>(text.size()));
      text.clear();
    }
  }
  std::string text;

 private:
  std::ostream& out_;
};

}  // namespace

void write_csv_nodes(std::ostream& out, const Graph& graph, const CsvOptions& options) {
  Buffer buf(out);
  if (options.byte_order_mark) buf.text += bom;
  buf.text += "id,kind,label,text,party,group,source,weight,standard,burden,tags,extra";
  if (options.analyses.grounding != nullptr) buf.text += ",lacks_evidence,gap";
  if (options.analyses.status != nullptr) buf.text += ",status";
  if (options.analyses.strength != nullptr) buf.text += ",strength,established";
  buf.text += "\r\n";
  const std::size_t n = graph.node_count();
  for (Graph::NodeRef v = 0; v < n; ++v) {
    const Node& node = graph.node(v);
    Row row(buf.text);
    row.text(node.id);
    row.text(to_string(node.kind));
    row.text(node.label);
    row.optional_text(node.text);
    row.optional_text(node.party);
    row.optional_text(node.group);
    row.optional_text(node.source);
    if (node.weight) {
      row.number(*node.weight);
    } else {
      row.empty();
    }
    if (node.standard) {
      row.text(to_string(*node.standard));
    } else {
      row.empty();
    }
    row.optional_text(node.burden);
    if (node.tags) {
      row.text(tags_json(*node.tags));
    } else {
      row.empty();
    }
    if (!node.extra.empty()) {
      row.text(extras_json(node.extra));
    } else {
      row.empty();
    }
    if (options.analyses.grounding != nullptr) {
      const std::size_t k = v < options.analyses.grounding->claim_index.size() ? options.analyses.grounding->claim_index[v]
                                                                       : analysis::GroundingReport::npos;
      const analysis::ClaimStatus* status = k == analysis::GroundingReport::npos ? nullptr : &options.analyses.grounding->claims[k];
      const bool lacks = status != nullptr && !status->grounded;
      row.flag(lacks);
      if (lacks) {
        row.text(analysis::to_string(status->gap));
      } else {
        row.empty();
      }
    }
    if (options.analyses.status != nullptr) row.text(analysis::to_string(options.analyses.status->labels[v]));
    if (options.analyses.strength != nullptr) {
      row.number(options.analyses.strength->strength[v]);
      if (is_claim_like(node.kind)) {
        row.flag(options.analyses.strength->established[v]);
      } else {
        row.empty();
      }
    }
    row.end();
    buf.flush(false);
  }
  buf.flush(true);
}

void write_csv_edges(std::ostream& out, const Graph& graph, const CsvOptions& options) {
  Buffer buf(out);
  if (options.byte_order_mark) buf.text += bom;
  buf.text += "index,id,from,to,relation,undercut,undercuts,extra";
  if (options.analyses.status != nullptr) buf.text += ",carries";
  buf.text += "\r\n";
  const auto edges = graph.edges();
  std::vector<bool> undercut(edges.size(), false);
  for (const auto& e : edges) {
    const Edge& p = graph.edge(e);
    if (p.relation == Relation::undercuts && p.undercut < edges.size()) undercut[p.undercut] = true;
  }
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const auto e = edges[i];
    const Edge& p = graph.edge(e);
    Row row(buf.text);
    row.count(i);
    row.optional_text(p.id);
    row.text(graph.id(graph.source(e)));
    row.text(graph.id(graph.target(e)));
    row.text(to_string(p.relation));
    if (p.relation == Relation::supports) {
      row.flag(undercut[i]);
    } else {
      row.empty();
    }
    if (p.relation == Relation::undercuts && p.undercut < edges.size()) {
      row.optional_text(graph.edge(edges[p.undercut]).id);
    } else {
      row.empty();
    }
    if (!p.extra.empty()) {
      row.text(extras_json(p.extra));
    } else {
      row.empty();
    }
    if (options.analyses.status != nullptr) {
      if (p.relation == Relation::supports) {
        row.flag(!(i < options.analyses.status->undercut.size() && options.analyses.status->undercut[i]));
      } else {
        row.empty();
      }
    }
    row.end();
    buf.flush(false);
  }
  buf.flush(true);
}

}  // namespace claimgraph::io
