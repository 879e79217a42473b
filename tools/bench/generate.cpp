// Writes a synthetic case file of a given size for benchmarks:
//   claimgraph_generate NODES EDGES [SEED] > big.json
// Half the nodes are evidence, the rest claims and counterclaims spread over
// a thousand groups; edges are mostly supports, with contradictions and
// elements, pointing from a reason to what it bears on. The same arguments
// always give the same file.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

std::uint64_t state = 0;
std::uint64_t next() {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}
std::uint64_t below(std::uint64_t n) { return next() % n; }

const char* const words[] = {"contract", "breach", "notice",  "hosting", "policy", "conspiracy", "damages",
                             "harm",     "speech", "account", "posts",   "deal",   "termination", "market"};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: claimgraph_generate NODES EDGES [SEED]\n");
    return 2;
  }
  const auto nodes = std::strtoull(argv[1], nullptr, 10);
  const auto edges = std::strtoull(argv[2], nullptr, 10);
  state = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 42;
  if (nodes < 2) {
    std::fprintf(stderr, "claimgraph_generate: need at least 2 nodes\n");
    return 2;
  }
  std::string out;
  out.reserve(1 << 22);
  auto flush = [&] {
    std::fwrite(out.data(), 1, out.size(), stdout);
    out.clear();
  };
  out += "{\n  \"claimgraph\": 1,\n  \"title\": \"Synthetic dispute of " + std::to_string(nodes) + " nodes\",\n";
  out += "  \"nodes\": [\n";
  const std::uint64_t claims = nodes / 2;  // nodes [0, claims) are claims, the rest evidence
  for (std::uint64_t i = 0; i < nodes; ++i) {
    const char* kind = i < claims ? (i % 10 == 9 ? "counterclaim" : "claim") : "evidence";
    out += "    {\"id\": \"n" + std::to_string(i) + "\", \"kind\": \"" + kind + "\", \"label\": \"";
    out += words[below(14)];
    out += ' ';
    out += words[below(14)];
    out += " point " + std::to_string(i) + "\", \"group\": \"Count " + std::to_string(i % 1000) + "\"";
    if (i >= claims) out += ", \"source\": \"Exh. " + std::to_string(i - claims + 1) + "\"";
    out += i + 1 < nodes ? "},\n" : "}\n";
    if (out.size() > (1 << 22)) flush();
  }
  out += "  ],\n  \"edges\": [\n";
  for (std::uint64_t k = 0; k < edges; ++k) {
    // The target is a claim; the source any other node.
    const std::uint64_t to = below(claims);
    std::uint64_t from = below(nodes);
    if (from == to) from = (from + 1) % nodes;
    const std::uint64_t r = below(100);
    const char* relation = r < 70 ? "supports" : r < 88 ? "contradicts" : "element-of";
    out += "    {\"from\": \"n" + std::to_string(from) + "\", \"to\": \"n" + std::to_string(to) + "\", \"relation\": \"" +
           relation + "\"}";
    out += k + 1 < edges ? ",\n" : "\n";
    if (out.size() > (1 << 22)) flush();
  }
  out += "  ]\n}\n";
  flush();
  return 0;
}
