// The floor of the benchmarks in tools/bench/run: the least that any program
// reading a claimgraph case file and writing its graph must do, timed on the
// same file in the same run as claimgraph so that claimgraph's time and
// memory can be given as ratios to it.
//   claimgraph_floor FILE OUT
// It parses FILE with simdjson's DOM parser (SIMD; checks the JSON syntax and
// the UTF-8, nothing else), visits every field of every node and the from, to
// and relation of every edge, and writes one DOT-like line per node and per
// edge to OUT through a 1 MB buffer. It keeps no graph of its own, checks no
// ids, kinds or fields, lints nothing and lays out no labels: what claimgraph
// spends beyond this is the price of those.

#include <simdjson.h>

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace {

std::string buffer;     // what is written to OUT, in 1 MB pieces
std::size_t seen = 0;   // bytes of string visited, printed so that no visit is optimized away

// Appends `s` between double quotes, with `"` and `\` escaped.
void quoted(std::string_view s) {
  buffer += '"';
  for (const char c : s) {
    if (c == '"' || c == '\\') buffer += '\\';
    buffer += c;
  }
  buffer += '"';
}

// Visits a value and everything in it (a node's cite and tags are arrays of
// objects and of strings), counting the bytes of its strings.
void visit(simdjson::dom::element value) {
  if (value.is_string()) {
    seen += std::string_view(value).size();
  } else if (value.is_array()) {
    for (const simdjson::dom::element item : simdjson::dom::array(value)) visit(item);
  } else if (value.is_object()) {
    for (const simdjson::dom::key_value_pair field : simdjson::dom::object(value)) visit(field.value);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) return std::fprintf(stderr, "usage: claimgraph_floor FILE OUT\n"), 2;
  std::FILE* out = std::fopen(argv[2], "wb");
  if (out == nullptr) return std::perror(argv[2]), 1;
  buffer.reserve((1 << 20) + 4096);
  const auto flush = [&] { std::fwrite(buffer.data(), 1, buffer.size(), out); buffer.clear(); };
  try {
    simdjson::dom::parser parser;
    const simdjson::dom::element doc = parser.load(argv[1]);  // throws on bad JSON or UTF-8
    for (const simdjson::dom::element node : doc["nodes"].get_array()) {
      visit(node);  // every field, id, kind and label among them
      quoted(std::string_view(node["id"]));
      buffer += " [label=";
      quoted(std::string_view(node["label"]));
      buffer += "];\n";
      if (buffer.size() >= (1 << 20)) flush();
    }
    for (const simdjson::dom::object edge : doc["edges"].get_array()) {
      seen += std::string_view(edge["relation"]).size();
      quoted(std::string_view(edge["from"]));
      buffer += " -> ";
      quoted(std::string_view(edge["to"]));
      buffer += ";\n";
      if (buffer.size() >= (1 << 20)) flush();
    }
  } catch (const simdjson::simdjson_error& e) {
    std::fprintf(stderr, "claimgraph_floor: %s: %s\n", argv[1], e.what());
    return 1;
  }
  flush();
  if (std::fclose(out) != 0) return std::perror(argv[2]), 1;
  std::fprintf(stderr, "claimgraph_floor: %zu bytes of strings visited\n", seen);
  return 0;
}
