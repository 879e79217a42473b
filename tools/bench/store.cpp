// Measures how a graph's edges are stored, to decide between two Boost.Graph
// representations for the model (README, "Speed"):
//
//   claimgraph_store NODES EDGES adjacency|csr
//
// Both sides first add the same nodes to a claimgraph Graph (records and id
// index), drawn as claimgraph_generate draws them: half the nodes claims,
// half evidence, every edge from any node to a claim, most of them
// `supports`. Then `adjacency` adds the edges the way the case-file reader
// does (Graph::add_edges: an edge record in insertion order and an entry in
// its source's out-list and its target's in-list, each list a vector of its
// own), and `csr` builds a compressed_sparse_row_graph (bidirectional) once
// from them instead, holding for each edge its relation and its position in
// insertion order, beside a vector of the edges' ends and one of their other
// fields, in that order.
//
// It prints one line: the seconds to add the edges; the seconds of one sweep
// that computes, for every node, a sum over its in-edges of a value of each
// edge's source signed by the edge's relation (the pattern of the status
// labelling and the DF-QuAD strengths), best of 5; the sum of what the sweep
// gave every node (the same for both stores, or one of them is wrong); the
// resident memory once the inputs are freed; and the process's peak. The nodes are the same on
// both sides, so a difference in memory is the edges' (the empty lists of a
// vertex record, 48 bytes a node, stay on both sides).

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/graph_traits.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

#include "claimgraph/graph.hpp"

namespace {

using claimgraph::Edge;
using claimgraph::Graph;
using claimgraph::Node;
using claimgraph::NodeKind;
using claimgraph::Relation;

constexpr std::uint64_t golden_gamma = 0x9E3779B97F4A7C15ULL;
std::uint64_t state = 42;
std::uint64_t next() {
  std::uint64_t z = state += golden_gamma;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}
std::uint64_t below(std::uint64_t n) { return next() % n; }

struct Endpoints {
  std::uint32_t from;
  std::uint32_t to;
  Relation relation;
};

// `prefix` and then `i`. (GCC 12 warns, wrongly, of overlapping copies in
// "literal" + std::to_string(i) once that is inlined here: -Wrestrict.)
std::string numbered(std::string_view prefix, std::size_t i) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, i).ptr;
  std::string out(prefix);
  out.append(digits, end);
  return out;
}

std::vector<Node> make_nodes(std::size_t n) {
  const std::size_t claims = n / 2;
  std::vector<Node> nodes(n);
  for (std::size_t i = 0; i < n; ++i) {
    Node& node = nodes[i];
    node.id = numbered("n", i);
    node.kind = i >= claims ? NodeKind::evidence : i % 5 == 0 ? NodeKind::counterclaim : NodeKind::claim;
    node.label = numbered("contract breach point ", i);
    node.group = numbered("Count ", i % 1000);
    if (i >= claims) node.source = numbered("Exh. ", i - claims + 1);
  }
  return nodes;
}

std::vector<Endpoints> make_edges(std::size_t n, std::size_t m) {
  const std::size_t claims = n / 2;
  std::vector<Endpoints> edges(m);
  for (auto& e : edges) {
    auto to = below(claims), from = below(n);
    if (from == to) from = (from + 1) % n;
    const auto r = below(10);
    e = {static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to),
         r < 8 ? Relation::supports : r < 9 ? Relation::contradicts : Relation::element_of};
  }
  return edges;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double resident_mb() {
  long pages = 0, resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

double peak_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

double sign(Relation r) { return r == Relation::contradicts ? -1.0 : 1.0; }

// What best_sweep() measured: the best time of a sweep, and the sum of what
// the last one gave every node, which must be the same on both sides.
struct Swept {
  double seconds = 1e300;
  double sum = 0;
};

// Best of 5 sweeps of `sweep(value, result)`, which must fill `result` from `value`.
template <class Sweep>
Swept best_sweep(std::size_t n, Sweep sweep) {
  std::vector<double> value(n), result(n);
  // Whole numbers, so that the sums are exact whatever the order of a
  // node's in-edges, which the two stores keep differently.
  for (std::size_t v = 0; v < n; ++v) value[v] = static_cast<double>(v % 7);
  Swept swept;
  for (int round = 0; round < 5; ++round) {
    const auto start = std::chrono::steady_clock::now();
    sweep(value, result);
    swept.seconds = std::min(swept.seconds, seconds_since(start));
  }
  for (double r : result) swept.sum += r;
  return swept;
}

// The sweep both stores are timed on, through Boost.Graph's interface alone:
// every node's in-edges, each edge's relation and source, as the status
// labelling and DF-QuAD read them.
template <class Store>
Swept sweep_in_edges(std::size_t n, const Store& store) {
  using Vertex = typename boost::graph_traits<Store>::vertex_descriptor;
  return best_sweep(n, [&](const std::vector<double>& value, std::vector<double>& result) {
    for (Vertex v = 0; v < n; ++v) {
      double sum = 0;
      for (const auto& e : boost::make_iterator_range(boost::in_edges(v, store))) {
        sum += sign(store[e].relation) * value[boost::source(e, store)];
      }
      result[v] = sum;
    }
  });
}

struct CsrEdge {
  std::uint32_t index = 0;  // position in insertion order
  Relation relation = Relation::supports;
};
using Csr = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, CsrEdge,
                                               boost::no_property, std::uint32_t, std::uint32_t>;

// The adjacency_list the model held its edges in before the compressed rows,
// filled the way its add_edges() did: every touched edge list sized once,
// then each edge appended to its source's out-list and its target's in-list.
using Adjacency =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property, Edge, boost::no_property, boost::vecS>;

void fill(Adjacency& store, const std::vector<Endpoints>& ends) {
  const std::size_t n = boost::num_vertices(store);
  std::vector<std::uint32_t> out(n, 0), in(n, 0);
  for (const auto& e : ends) {
    ++out[e.from];
    ++in[e.to];
  }
  for (std::size_t v = 0; v < n; ++v) {
    store.m_vertices[v].m_out_edges.reserve(out[v]);
    store.m_vertices[v].m_in_edges.reserve(in[v]);
  }
  store.m_edges.reserve(ends.size());
  for (std::size_t i = 0; i < ends.size(); ++i) {
    boost::add_edge(ends[i].from, ends[i].to, Edge{ends[i].relation, i, {}, {}}, store);
  }
}

// The same sweep through the Graph's own accessors, as the analyses read it.
Swept sweep_graph(std::size_t n, const Graph& g) {
  return best_sweep(n, [&](const std::vector<double>& value, std::vector<double>& result) {
    for (Graph::NodeRef v = 0; v < n; ++v) {
      double sum = 0;
      for (const auto e : g.in_edges(v)) sum += sign(g.edge(e).relation) * value[g.source(e)];
      result[v] = sum;
    }
  });
}

int run(std::size_t n, std::size_t m, std::string_view store) {
  if (store != "adjacency" && store != "csr" && store != "graph") {
    std::fprintf(stderr, "claimgraph_store: the store is adjacency, csr or graph, not %.*s\n",
                 static_cast<int>(store.size()), store.data());
    return 2;
  }
  auto ends = make_edges(n, m);
  // The nodes and their ids, the same on every side.
  Graph g;
  {
    auto nodes = make_nodes(n);
    g.reserve(n, store == "graph" ? m : 0);
    for (auto& node : nodes) g.add_node(std::move(node));
  }
  double build = 0, held = 0;
  Swept sweep;
  if (store == "adjacency") {
    const auto start = std::chrono::steady_clock::now();
    Adjacency adjacency(n);
    fill(adjacency, ends);
    build = seconds_since(start);
    std::vector<Endpoints>().swap(ends);
    held = resident_mb();
    sweep = sweep_in_edges(n, adjacency);
  } else if (store == "graph") {
    // The model itself: the edges added in bulk, as the case-file reader
    // adds them, and its rows built by the first question about a node.
    const auto start = std::chrono::steady_clock::now();
    std::vector<Graph::EdgeSpec> specs;
    specs.reserve(m);
    for (const auto& e : ends) specs.push_back({e.from, e.to, e.relation, {}});
    g.add_edges(std::move(specs));
    static_cast<void>(g.in_degree(0));
    build = seconds_since(start);
    std::vector<Endpoints>().swap(ends);
    held = resident_mb();
    sweep = sweep_graph(n, g);
  } else {
    // The CSR structure, and per edge in insertion order its ends and its
    // other fields.
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edge_ends;
    std::vector<Edge> edges;
    std::vector<CsrEdge> props;
    edge_ends.reserve(m);
    edges.reserve(m);
    props.reserve(m);
    for (std::size_t i = 0; i < m; ++i) {
      edge_ends.emplace_back(ends[i].from, ends[i].to);
      props.push_back({static_cast<std::uint32_t>(i), ends[i].relation});
      edges.push_back(Edge{ends[i].relation, i, {}, {}});
    }
    const Csr csr(boost::edges_are_unsorted_multi_pass, edge_ends.begin(), edge_ends.end(), props.begin(),
                  static_cast<std::uint32_t>(n));
    build = seconds_since(start);
    std::vector<CsrEdge>().swap(props);
    std::vector<Endpoints>().swap(ends);
    held = resident_mb();
    sweep = sweep_in_edges(n, csr);
  }
  std::printf("%.*s nodes=%zu edges=%zu build=%.3fs sweep=%.4fs sum=%.0f held=%.0fMB peak=%.0fMB\n",
              static_cast<int>(store.size()), store.data(), n, m, build, sweep.seconds, sweep.sum, held, peak_mb());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: claimgraph_store NODES EDGES adjacency|csr|graph\n");
    return 2;
  }
  const auto n = std::strtoull(argv[1], nullptr, 10), m = std::strtoull(argv[2], nullptr, 10);
  if (n < 2 || n > 0xFFFFFFF0ULL || m > 0xFFFFFFF0ULL) {
    std::fprintf(stderr, "claimgraph_store: NODES must be 2 or more, and both below 2^32\n");
    return 2;
  }
  return run(n, m, argv[3]);
}
