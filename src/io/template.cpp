#include "claimgraph/io/template.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "claimgraph/io/json_reader.hpp"
#include "claimgraph/suggest.hpp"
#include "detail/diagnostics.hpp"
#include "detail/json_parser.hpp"
#include "detail/text.hpp"

namespace claimgraph::io {

namespace {

constexpr std::string_view header_key = "template";
constexpr std::string_view authorities_key = "authorities";

// Reads the header, "template": {"authorities": [...]}, from a text the
// case-file reader has accepted, placing each problem at its value. Depth
// counts the containers open: the case's object is 1, the header 2, the
// array of authorities 3.
class HeaderReader {
 public:
  explicit HeaderReader(detail::TextDiagnostics& diags) : diags_(diags) {}

  bool start_object(std::size_t at) { return open(at, true); }
  bool start_array(std::size_t at) { return open(at, false); }
  bool end_object(std::size_t) { return close(); }
  bool end_array(std::size_t) { return close(); }
  bool key(std::string_view k, std::size_t at) {
    if (depth_ == 1) top_key_.assign(k);
    if (depth_ == 2 && in_header_) {
      member_.assign(k);
      if (k != authorities_key) {
        static constexpr std::string_view known[] = {authorities_key};
        diags_.warning(at, "/" + std::string(header_key) + "/" + std::string(k),
                       "unknown field " + detail::shown(k) + " of the template header" + did_you_mean(k, known));
      }
    }
    return true;
  }
  bool string(std::string_view s, std::size_t at) {
    if (in_authorities_ && depth_ == 3) {
      authorities_.emplace_back(s);
      ++index_;
      return true;
    }
    return scalar(at, "a string");
  }
  bool number(std::string_view, std::size_t at) { return scalar(at, "a number"); }
  bool boolean(bool, std::size_t at) { return scalar(at, "true or false"); }
  bool null(std::size_t at) { return scalar(at, "null"); }

  [[nodiscard]] std::vector<std::string> take_authorities() { return std::move(authorities_); }

 private:
  // A value of the wrong type: `what` says what it is.
  bool wrong(std::size_t at, const std::string& pointer, const std::string& expected, const char* what) {
    diags_.error(at, pointer, "expected " + expected + ", found " + what);
    return true;
  }
  [[nodiscard]] std::string header_pointer() const { return "/" + std::string(header_key); }
  [[nodiscard]] std::string member_pointer() const { return header_pointer() + "/" + member_; }

  bool open(std::size_t at, bool is_object) {
    ++depth_;
    const char* what = is_object ? "an object" : "an array";
    if (depth_ == 2 && top_key_ == header_key) {
      if (is_object) {
        in_header_ = true;
      } else {
        wrong(at, header_pointer(), "an object, {\"authorities\": [...]}", what);
      }
    } else if (depth_ == 3 && in_header_ && member_ == authorities_key) {
      if (!is_object) {
        in_authorities_ = true;
        index_ = 0;
      } else {
        wrong(at, member_pointer(), "an array of strings", what);
      }
    } else if (depth_ == 4 && in_authorities_) {
      wrong(at, member_pointer() + "/" + std::to_string(index_++), "a string", what);
    }
    return true;
  }
  bool close() {
    if (depth_ == 3) in_authorities_ = false;
    if (depth_ == 2) in_header_ = false;
    --depth_;
    return true;
  }
  bool scalar(std::size_t at, const char* what) {
    if (depth_ == 1 && top_key_ == header_key) return wrong(at, header_pointer(), "an object, {\"authorities\": [...]}", what);
    if (depth_ == 2 && in_header_ && member_ == authorities_key) {
      return wrong(at, member_pointer(), "an array of strings", what);
    }
    if (depth_ == 3 && in_authorities_) return wrong(at, member_pointer() + "/" + std::to_string(index_++), "a string", what);
    return true;
  }

  detail::TextDiagnostics& diags_;
  std::size_t depth_ = 0;
  std::string top_key_;
  std::string member_;
  bool in_header_ = false;
  bool in_authorities_ = false;
  std::size_t index_ = 0;
  std::vector<std::string> authorities_;
};

bool is_prefix_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

std::string ordinal(std::size_t n) {
  const std::size_t tens = n % 100;
  const char* suffix = "th";
  if (tens < 11 || tens > 13) {
    if (n % 10 == 1) suffix = "st";
    if (n % 10 == 2) suffix = "nd";
    if (n % 10 == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

// "the 2nd template, \"contract:k\"".
std::string use_name(std::span<const TemplateUse> uses, std::size_t i) {
  return "the " + ordinal(i + 1) + " template, \"" + uses[i].spelling() + "\"";
}

std::string with_prefix(const TemplateUse& use, const std::string& id) {
  return use.prefix.empty() ? id : use.prefix + std::string(template_prefix_separator) + id;
}

// Renames the parties of `graph` as `parties` says; throws Error when one
// to rename is nowhere.
void rename_parties(Graph& graph, const std::vector<std::pair<std::string, std::string>>& parties) {
  std::set<std::string> present;
  for (std::size_t v = 0; v < graph.node_count(); ++v) {
    const Node& n = graph.node(v);
    if (n.party) present.insert(*n.party);
    if (n.burden) present.insert(*n.burden);
  }
  for (const auto& [from, to] : parties) {
    if (!present.contains(from)) {
      std::vector<std::string_view> names(present.begin(), present.end());
      std::string list;
      for (const auto& p : names) list += (list.empty() ? "" : ", ") + detail::shown(p);
      throw Error("party " + detail::shown(from) + " to rename is not in the templates" + did_you_mean(from, names) +
                  (list.empty() ? std::string(" (they name no party)") : " (they name " + list + ")"));
    }
  }
  for (std::size_t v = 0; v < graph.node_count(); ++v) {
    Node& n = graph.node(v);
    for (const auto& [from, to] : parties) {
      if (n.party == from) n.party = to;
      if (n.burden == from) n.burden = to;
    }
  }
}

}  // namespace

CaseTemplate read_template(std::string_view text, std::string name, const ReadOptions& options) {
  ReadResult read = read_json(text, options);
  // The header is a field the case-file reader does not know: it warns of
  // it, and keeps it with the graph. Neither belongs to the template.
  std::erase_if(read.warnings, [](const Diagnostic& d) {
    return d.severity == Severity::warning && d.where.pointer == "/" + std::string(header_key);
  });
  erase_if(read.graph.extra, [](const Attribute& a) { return a.key == header_key; });

  const std::string_view body = detail::without_bom(text);
  detail::TextDiagnostics diags(body, options.file_name, options.max_errors, options.max_warnings);
  HeaderReader header(diags);
  auto header_warnings = diags.collect([&] {
    detail::JsonParser<HeaderReader> parser(body, header);
    (void)parser.parse();  // the case-file reader has accepted its syntax
  });

  CaseTemplate out{std::move(name), options.file_name, header.take_authorities(), std::move(read.graph),
                   std::move(read.warnings)};
  out.warnings.insert(out.warnings.end(), header_warnings.begin(), header_warnings.end());
  return out;
}

TemplateUse TemplateUse::parse(std::string_view text) {
  TemplateUse use;
  const auto colon = text.find(':');
  use.name.assign(text.substr(0, colon));
  if (use.name.empty()) throw Error("template " + detail::shown(text) + ": no name before the ':'; write NAME[:PREFIX]");
  if (colon == std::string_view::npos) return use;
  use.prefix.assign(text.substr(colon + 1));
  if (use.prefix.empty()) {
    throw Error("template " + detail::shown(text) + ": the prefix after ':' is empty; write NAME or NAME:PREFIX");
  }
  const auto bad = std::find_if_not(use.prefix.begin(), use.prefix.end(), is_prefix_character);
  if (bad != use.prefix.end()) {
    throw Error("template " + detail::shown(text) + ": the prefix " + detail::shown(use.prefix) +
                " may hold only ASCII letters, digits, '-' and '_'");
  }
  return use;
}

std::string TemplateUse::spelling() const { return prefix.empty() ? name : name + ":" + prefix; }

Graph new_case(std::span<const TemplateUse> uses, std::span<const CaseTemplate* const> templates,
               const NewCaseOptions& options) {
  if (uses.size() != templates.size()) throw std::invalid_argument("new_case: one template per use");
  // The same template twice with the same prefix would give every id twice:
  // say so, before the first clash of ids would.
  std::map<std::string, std::size_t> used;  // name:prefix -> first use
  std::map<std::string, std::size_t> uses_of;
  for (std::size_t i = 0; i < uses.size(); ++i) {
    ++uses_of[uses[i].name];
    const auto [it, fresh] = used.emplace(uses[i].spelling(), i);
    if (!fresh) {
      const std::string& n = uses[i].name;
      throw Error(use_name(uses, i) + ", repeats the " + ordinal(it->second + 1) +
                  (uses[i].prefix.empty() ? " without a prefix" : " with the same prefix") +
                  ": their ids would clash; give each use a prefix of its own, as in \"" + n + ":a\" and \"" + n +
                  ":b\"");
    }
  }

  Graph graph;
  std::map<std::string, std::size_t> node_owner;  // id -> use
  std::map<std::string, std::size_t> edge_owner;
  std::string spelled;
  for (std::size_t i = 0; i < uses.size(); ++i) {
    const TemplateUse& use = uses[i];
    const Graph& part = templates[i]->graph;
    const bool repeated = uses_of[use.name] > 1 && !use.prefix.empty();
    auto clash = [&](const char* what, const std::string& id, std::size_t other) {
      return Error(use_name(uses, i) + ", has the " + what + " id " + detail::shown(id) + ", as " +
                   use_name(uses, other) + ", has: give one of them a prefix (\"" + use.name + ":PREFIX\")");
    };
    const std::size_t first = graph.node_count();
    for (std::size_t v = 0; v < part.node_count(); ++v) {
      Node n = part.node(v);
      n.id = with_prefix(use, n.id);
      if (repeated && n.group) *n.group += " (" + use.prefix + ")";
      if (const auto [it, fresh] = node_owner.emplace(n.id, i); !fresh) throw clash("node", n.id, it->second);
      (void)graph.add_node(std::move(n));
    }
    const std::size_t edge_base = graph.edge_count();
    std::vector<Graph::EdgeSpec> specs;
    specs.reserve(part.edge_count());
    for (const auto e : part.edges()) {
      const Edge& props = part.edge(e);
      Graph::EdgeSpec spec{first + part.source(e), first + part.target(e), props.relation, props.extra};
      if (props.id) {
        spec.id = with_prefix(use, *props.id);
        if (const auto [it, fresh] = edge_owner.emplace(*spec.id, i); !fresh) throw clash("edge", *spec.id, it->second);
      }
      if (props.relation == Relation::undercuts) spec.undercut = edge_base + props.undercut;
      specs.push_back(std::move(spec));
    }
    graph.add_edges(std::move(specs));
    spelled += (spelled.empty() ? "" : ", ") + use.spelling();
  }
  rename_parties(graph, options.parties);
  graph.title = options.title;
  if (!uses.empty()) {
    graph.description = std::string("Started from the claimgraph ") + (uses.size() == 1 ? "template " : "templates ") +
                        spelled + ".";
  }
  return graph;
}

}  // namespace claimgraph::io
