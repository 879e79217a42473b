// Writes a synthetic case file of a given size for benchmarks:
//   claimgraph_generate NODES EDGES [SEED] [--tests all|any|balance|mixed] > big.json
// Half the nodes are evidence, the rest claims and counterclaims spread over
// a thousand groups; edges are mostly supports, with contradictions and
// elements, pointing from a reason to what it bears on. The same arguments
// always give the same file.
//
// --tests gives the claims with elements a test of elements (see
// docs/semantics.md). The default, all, writes no "test" field, so the file
// is the one this program always wrote. The others change nothing but the
// "test" of those claims and the "weight" of the factors of the balanced
// ones: the nodes, labels and edges are those of the default file, so that
// timings compare the tests and nothing else.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

constexpr std::uint64_t golden_gamma = 0x9E3779B97F4A7C15ULL;

// SplitMix64's output function.
std::uint64_t mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t state = 0;
std::uint64_t next() { return mix(state += golden_gamma); }
std::uint64_t below(std::uint64_t n) { return next() % n; }

const char* const words[] = {"contract", "breach", "notice",  "hosting", "policy", "conspiracy", "damages",
                             "harm",     "speech", "account", "posts",   "deal",   "termination", "market"};

/// What --tests gives the claims with elements: one row per choice.
struct TestsMode {
  const char* name;
  const char* help;
};
constexpr TestsMode tests_modes[] = {
    {"all", "no \"test\" field: every claim needs all its elements (the default)"},
    {"any", "every claim with elements has \"test\": \"any\""},
    {"balance", "every claim with elements has \"test\": \"balance\", its factors weighted"},
    {"mixed", "all, any and balance in turn over the claims with elements, factors weighted"},
};

/// The tests of elements that mode `mode` gives, in turn, to the claims with elements.
std::vector<const char*> tests_of(std::string_view mode) {
  if (mode == "any") return {"any"};
  if (mode == "balance") return {"balance"};
  if (mode == "mixed") return {"all", "any", "balance"};
  return {};
}

/// The weight of node `i` as a factor: 0.25, 0.5, 0.75 or 1, from a hash of
/// its index, so that the random stream of the default file is not touched.
const char* factor_weight(std::uint64_t i) {
  static const char* const weights[] = {"0.25", "0.5", "0.75", "1"};
  return weights[mix(i ^ 0x5DEECE66DULL) % 4];
}

/// One edge as the stream draws it: three draws, in this order.
struct DrawnEdge {
  std::uint64_t from = 0;
  std::uint64_t to = 0;
  const char* relation = nullptr;
};
DrawnEdge draw_edge(std::uint64_t nodes, std::uint64_t claims) {
  // The target is a claim; the source any other node.
  DrawnEdge e;
  e.to = below(claims);
  e.from = below(nodes);
  if (e.from == e.to) e.from = (e.from + 1) % nodes;
  const std::uint64_t r = below(100);
  e.relation = r < 70 ? "supports" : r < 88 ? "contradicts" : "element-of";
  return e;
}

int usage() {
  std::fprintf(stderr, "usage: claimgraph_generate NODES EDGES [SEED] [--tests MODE]\n");
  for (const TestsMode& m : tests_modes) std::fprintf(stderr, "  --tests %-8s %s\n", m.name, m.help);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<const char*> numbers;
  std::string_view mode = "all";
  for (int a = 1; a < argc; ++a) {
    if (std::strcmp(argv[a], "--tests") == 0) {
      if (a + 1 == argc) return usage();
      mode = argv[++a];
      bool known = false;
      for (const TestsMode& m : tests_modes) known = known || mode == m.name;
      if (!known) {
        std::fprintf(stderr, "claimgraph_generate: unknown --tests %s\n", argv[a]);
        return usage();
      }
    } else {
      numbers.push_back(argv[a]);
    }
  }
  if (numbers.size() < 2 || numbers.size() > 3) return usage();
  const auto nodes = std::strtoull(numbers[0], nullptr, 10);
  const auto edges = std::strtoull(numbers[1], nullptr, 10);
  const std::uint64_t seed = numbers.size() > 2 ? std::strtoull(numbers[2], nullptr, 10) : 42;
  if (nodes < 2) {
    std::fprintf(stderr, "claimgraph_generate: need at least 2 nodes\n");
    return 2;
  }
  const std::uint64_t claims = nodes / 2;  // nodes [0, claims) are claims, the rest evidence

  // The test of each claim and the weight of each factor come from the
  // edges, which are written after the nodes: with --tests they are drawn
  // once here, from where the stream stands after the nodes (two draws a
  // node), and again as they are written.
  std::vector<const char*> test;  // by claim; null for a claim without elements
  std::vector<bool> factor;       // by node: an element of a balanced claim
  if (const std::vector<const char*> turns = tests_of(mode); !turns.empty()) {
    state = seed + 2 * nodes * golden_gamma;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> elements;  // (element, claim)
    for (std::uint64_t k = 0; k < edges; ++k) {
      const DrawnEdge e = draw_edge(nodes, claims);
      if (std::string_view(e.relation) == "element-of") elements.emplace_back(e.from, e.to);
    }
    std::vector<bool> has_elements(claims, false);
    for (const auto& [from, to] : elements) has_elements[to] = true;
    test.assign(claims, nullptr);
    std::size_t turn = 0;
    for (std::uint64_t c = 0; c < claims; ++c) {
      if (has_elements[c]) test[c] = turns[turn++ % turns.size()];
    }
    factor.assign(nodes, false);
    for (const auto& [from, to] : elements) {
      if (std::string_view(test[to]) == "balance") factor[from] = true;
    }
  }
  state = seed;
  std::string out;
  out.reserve(1 << 22);
  auto flush = [&] {
    std::fwrite(out.data(), 1, out.size(), stdout);
    out.clear();
  };
  out += "{\n  \"claimgraph\": 1,\n  \"title\": \"Synthetic dispute of " + std::to_string(nodes) + " nodes\",\n";
  out += "  \"nodes\": [\n";
  for (std::uint64_t i = 0; i < nodes; ++i) {
    const char* kind = i < claims ? (i % 10 == 9 ? "counterclaim" : "claim") : "evidence";
    out += "    {\"id\": \"n" + std::to_string(i) + "\", \"kind\": \"" + kind + "\", \"label\": \"";
    out += words[below(14)];
    out += ' ';
    out += words[below(14)];
    out += " point " + std::to_string(i) + "\", \"group\": \"Count " + std::to_string(i % 1000) + "\"";
    if (i >= claims) out += ", \"source\": \"Exh. " + std::to_string(i - claims + 1) + "\"";
    if (i < factor.size() && factor[i]) out += std::string(", \"weight\": ") + factor_weight(i);
    if (i < test.size() && test[i] != nullptr) out += std::string(", \"test\": \"") + test[i] + "\"";
    out += i + 1 < nodes ? "},\n" : "}\n";
    if (out.size() > (1 << 22)) flush();
  }
  out += "  ],\n  \"edges\": [\n";
  for (std::uint64_t k = 0; k < edges; ++k) {
    const DrawnEdge e = draw_edge(nodes, claims);
    out += "    {\"from\": \"n" + std::to_string(e.from) + "\", \"to\": \"n" + std::to_string(e.to) +
           "\", \"relation\": \"" + e.relation + "\"}";
    out += k + 1 < edges ? ",\n" : "\n";
    if (out.size() > (1 << 22)) flush();
  }
  out += "  ]\n}\n";
  flush();
  return 0;
}
