#include "claimgraph/io/csv_writer.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "claimgraph/citation.hpp"
#include "detail/escape.hpp"
#include "detail/json_members.hpp"
#include "detail/number.hpp"
#include "detail/output.hpp"

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
  template <class Optional>  // std::optional<std::string> or OptionalString
  void optional_text(const Optional& s) {
    separate();
    if (s) detail::append_csv_field(out_, *s);
  }
  void flag(bool value) { text(value ? "true" : "false"); }
  // The shortest text that reads back as the same double.
  void number(double value) {
    separate();
    detail::append_number(out_, value);
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

}  // namespace

void write_csv_nodes(std::ostream& out, const Graph& graph, const CsvOptions& options) {
  detail::OutputBuffer buf(out);
  if (options.byte_order_mark) buf.text() += bom;
  buf.text() +=
      "id,kind,label,text,party,group,source,cite,exhibit,bates,pin,date,weight,standard,burden,test,scheme,tags,"
      "privileged,citations,extra";
  if (options.analyses.grounding != nullptr) buf.text() += ",lacks_evidence,gap";
  if (options.analyses.status != nullptr) buf.text() += ",status";
  if (options.analyses.strength != nullptr) buf.text() += ",strength,established";
  buf.text() += "\r\n";
  const std::size_t n = graph.node_count();
  for (Graph::NodeRef v = 0; v < n; ++v) {
    const Node& node = graph.node(v);
    Row row(buf.text());
    row.text(node.id);
    row.text(to_string(node.kind));
    row.text(node.label);
    row.optional_text(node.text);
    row.optional_text(node.party);
    row.optional_text(node.group);
    row.optional_text(node.source);
    if (node.cite.empty()) {
      for (int k = 0; k < 5; ++k) row.empty();
    } else {
      // One citation's fields to sort and filter by: the earliest dated,
      // else the first.
      const Citation& c = node.cite[earliest_dated(node).value_or(0)];
      row.text(format_citations(node.cite));
      row.optional_text(c.exhibit);
      row.optional_text(c.bates);
      row.optional_text(c.pin);
      row.optional_text(c.date);
    }
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
    if (node.test) {
      row.text(to_string(*node.test));
    } else {
      row.empty();
    }
    row.optional_text(node.scheme);
    if (node.tags) {
      row.text(detail::compact_json(*node.tags));
    } else {
      row.empty();
    }
    if (node.privileged) {
      row.text("true");
    } else {
      row.empty();
    }
    if (!node.cite.empty()) {
      row.text(detail::compact_json(node.cite));
    } else {
      row.empty();
    }
    if (!node.extra.empty()) {
      row.text(detail::compact_json(node.extra));
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
    buf.flush_if_full();
  }
  buf.flush();
}

void write_csv_edges(std::ostream& out, const Graph& graph, const CsvOptions& options) {
  detail::OutputBuffer buf(out);
  if (options.byte_order_mark) buf.text() += bom;
  buf.text() += "index,id,from,to,relation,undercut,undercuts,scheme,question,extra";
  if (options.analyses.status != nullptr) buf.text() += ",carries";
  buf.text() += "\r\n";
  const auto edges = graph.edges();
  const std::vector<bool> undercut = undercut_edges(graph);
  for (std::size_t i = 0; i < edges.size(); ++i) {
    graph.prefetch_end_ids_ahead(i, edges.size());
    const auto e = edges[i];
    const Edge& p = graph.edge(e);
    Row row(buf.text());
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
    for (const std::string_view name : {p.scheme(), p.question()}) {
      if (name.empty()) {
        row.empty();
      } else {
        row.text(name);
      }
    }
    if (!p.extra.empty()) {
      row.text(detail::compact_json(p.extra));
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
    buf.flush_if_full();
  }
  buf.flush();
}

}  // namespace claimgraph::io
