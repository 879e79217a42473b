#include "claimgraph/analysis/abstract.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include "analysis/search_budget.hpp"

namespace claimgraph::analysis {

std::string_view to_string(Semantics semantics) noexcept {
  switch (semantics) {
    case Semantics::grounded: return "grounded";
    case Semantics::preferred: return "preferred";
    case Semantics::stable: return "stable";
  }
  return "grounded";
}

std::optional<Semantics> parse_semantics(std::string_view name) noexcept {
  for (auto s : {Semantics::grounded, Semantics::preferred, Semantics::stable}) {
    if (to_string(s) == name) return s;
  }
  return std::nullopt;
}

namespace {
std::string limit_message(Semantics semantics, std::size_t max_steps) {
  return "the search for " + std::string(to_string(semantics)) + " extensions exceeded the limit of " +
         std::to_string(max_steps) + " steps";
}
}  // namespace

SearchLimitError::SearchLimitError(Semantics semantics, std::size_t max_steps)
    : Error(limit_message(semantics, max_steps), Limit::search_steps), semantics_(semantics), max_steps_(max_steps) {}

namespace {

using u32 = std::uint32_t;
constexpr u32 none = std::numeric_limits<u32>::max();

// Adjacency lists in one array (compressed sparse rows).
struct Adjacency {
  std::vector<std::size_t> start;  // n + 1 entries
  std::vector<u32> list;
  [[nodiscard]] std::span<const u32> of(u32 v) const noexcept {
    return {list.data() + start[v], list.data() + start[v + 1]};
  }
};

// The attack relation: the `contradicts` edges, each pair once, every list
// in ascending order.
struct Attacks {
  std::size_t n = 0;
  Adjacency out;  // whom each argument attacks
  Adjacency in;   // who attacks each argument
};

using Pair = std::pair<u32, u32>;

// Stable counting sort of `pairs` by `key`, a vertex below n.
template <class Key>
void counting_sort(std::vector<Pair>& pairs, std::size_t n, Key key) {
  std::vector<std::size_t> pos(n + 1, 0);
  for (const Pair& p : pairs) ++pos[key(p) + 1];
  for (std::size_t i = 1; i <= n; ++i) pos[i] += pos[i - 1];
  std::vector<Pair> sorted(pairs.size());
  for (const Pair& p : pairs) sorted[pos[key(p)]++] = p;
  pairs.swap(sorted);
}

// Both adjacencies of a sorted, repeat-free list of (attacker, attacked).
void build(std::size_t n, const std::vector<Pair>& pairs, Adjacency& out, Adjacency& in) {
  out.start.assign(n + 1, 0);
  in.start.assign(n + 1, 0);
  for (const Pair& p : pairs) {
    ++out.start[p.first + 1];
    ++in.start[p.second + 1];
  }
  for (std::size_t i = 1; i <= n; ++i) {
    out.start[i] += out.start[i - 1];
    in.start[i] += in.start[i - 1];
  }
  out.list.resize(pairs.size());
  in.list.resize(pairs.size());
  std::vector<std::size_t> fill(in.start.begin(), in.start.end() - 1);
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    out.list[i] = pairs[i].second;  // pairs are sorted by attacker
    in.list[fill[pairs[i].second]++] = pairs[i].first;
  }
}

Attacks attacks_of(const Graph& graph) {
  Attacks a;
  a.n = graph.node_count();
  std::vector<Pair> pairs;
  pairs.reserve(graph.edge_count());
  for (const auto& e : graph.edges()) {
    if (graph.edge(e).relation != Relation::contradicts) continue;
    pairs.emplace_back(static_cast<u32>(graph.source(e)), static_cast<u32>(graph.target(e)));
  }
  counting_sort(pairs, a.n, [](const Pair& p) { return p.second; });
  counting_sort(pairs, a.n, [](const Pair& p) { return p.first; });
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  build(a.n, pairs, a.out, a.in);
  return a;
}

// The least fixed point: an argument is IN when all its attackers are OUT,
// OUT when an attacker is IN. `live` counts the attackers not yet OUT.
std::vector<Label> grounded_of(const Attacks& a) {
  const std::size_t n = a.n;
  std::vector<Label> label(n, Label::undec);
  std::vector<std::size_t> live(n);
  std::vector<u32> queue;
  queue.reserve(n);
  for (u32 v = 0; v < n; ++v) {
    live[v] = a.in.start[v + 1] - a.in.start[v];
    if (live[v] == 0) {
      label[v] = Label::in;
      queue.push_back(v);
    }
  }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    for (u32 t : a.out.of(queue[head])) {
      if (label[t] != Label::undec) continue;
      label[t] = Label::out;
      for (u32 x : a.out.of(t)) {
        if (label[x] == Label::undec && --live[x] == 0) {
          label[x] = Label::in;
          queue.push_back(x);
        }
      }
    }
  }
  return label;
}

// A weakly connected part of the arguments the grounded labelling leaves
// UNDEC, with the attacks among them, renumbered 0..k-1 in node order.
struct Component {
  std::vector<u32> nodes;  // vertices, ascending: local index -> vertex
  Adjacency out;
  Adjacency in;
  std::vector<bool> self;  // attacks itself
  std::vector<u32> order;  // the order in which the search decides arguments
};

// Strongly connected components in topological order (attackers first):
// Tarjan's algorithm with its own stack. Within a component, the arguments
// that attack more than they are attacked come first (an IN decision on
// them settles more), then node order.
std::vector<u32> branching_order(const Adjacency& out, const Adjacency& in, std::size_t k) {
  std::vector<u32> index(k, none), low(k, 0);
  std::vector<bool> on_stack(k, false);
  std::vector<u32> stack;
  std::vector<std::pair<u32, std::size_t>> calls;  // vertex, next edge position
  std::vector<std::vector<u32>> sccs;              // sinks first
  u32 counter = 0;
  for (u32 root = 0; root < k; ++root) {
    if (index[root] != none) continue;
    const auto open = [&](u32 v) {
      index[v] = low[v] = counter++;
      stack.push_back(v);
      on_stack[v] = true;
      calls.emplace_back(v, out.start[v]);
    };
    open(root);
    while (!calls.empty()) {
      auto& [v, pos] = calls.back();
      if (pos < out.start[v + 1]) {
        const u32 w = out.list[pos++];
        if (index[w] == none) {
          open(w);
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      const u32 done = v;
      calls.pop_back();
      if (low[done] == index[done]) {
        std::vector<u32>& scc = sccs.emplace_back();
        u32 w = none;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          scc.push_back(w);
        } while (w != done);
        const auto score = [&](u32 x) {
          return static_cast<std::int64_t>(out.start[x + 1] - out.start[x]) -
                 static_cast<std::int64_t>(in.start[x + 1] - in.start[x]);
        };
        std::sort(scc.begin(), scc.end(), [&](u32 a, u32 b) {
          const auto sa = score(a);
          const auto sb = score(b);
          return sa != sb ? sa > sb : a < b;
        });
      }
      if (!calls.empty()) low[calls.back().first] = std::min(low[calls.back().first], low[done]);
    }
  }
  std::vector<u32> order;
  order.reserve(k);
  for (auto it = sccs.rbegin(); it != sccs.rend(); ++it) order.insert(order.end(), it->begin(), it->end());
  return order;
}

// What the search needs: the grounded labelling and the components of what
// it leaves open.
struct Prepared {
  std::vector<Label> grounded;
  std::vector<Component> components;  // by smallest vertex
  std::vector<u32> component_of;      // per vertex: its component, or `none`
  std::vector<u32> local;             // per vertex: its index in its component
};

u32 find_root(std::vector<u32>& parent, u32 v) {
  while (parent[v] != v) {
    parent[v] = parent[parent[v]];
    v = parent[v];
  }
  return v;
}

Prepared prepare(const Graph& graph) {
  const Attacks a = attacks_of(graph);
  Prepared p;
  p.grounded = grounded_of(a);
  const std::size_t n = a.n;
  std::vector<u32> parent(n);
  for (u32 v = 0; v < n; ++v) parent[v] = v;
  for (u32 v = 0; v < n; ++v) {
    if (p.grounded[v] != Label::undec) continue;
    for (u32 t : a.out.of(v)) {
      if (p.grounded[t] != Label::undec) continue;
      const u32 rv = find_root(parent, v);
      const u32 rt = find_root(parent, t);
      if (rv != rt) parent[std::max(rv, rt)] = std::min(rv, rt);
    }
  }
  p.component_of.assign(n, none);
  p.local.assign(n, none);
  for (u32 v = 0; v < n; ++v) {
    if (p.grounded[v] != Label::undec) continue;
    const u32 r = find_root(parent, v);
    if (p.component_of[r] == none) {
      p.component_of[r] = static_cast<u32>(p.components.size());
      p.components.emplace_back();
    }
    const u32 c = p.component_of[r];
    p.component_of[v] = c;
    p.local[v] = static_cast<u32>(p.components[c].nodes.size());
    p.components[c].nodes.push_back(v);
  }
  for (Component& c : p.components) {
    const std::size_t k = c.nodes.size();
    std::vector<Pair> pairs;
    for (u32 i = 0; i < k; ++i) {
      for (u32 t : a.out.of(c.nodes[i])) {
        if (p.grounded[t] == Label::undec) pairs.emplace_back(i, p.local[t]);
      }
    }
    build(k, pairs, c.out, c.in);
    c.self.assign(k, false);
    for (const Pair& e : pairs) {
      if (e.first == e.second) c.self[e.first] = true;
    }
    c.order = branching_order(c.out, c.in, k);
  }
  return p;
}


enum class Mode : std::uint8_t { preferred, stable };

// Labels during the search. `excluded` arguments are not IN in any leaf
// below: for preferred they end UNDEC unless something IN attacks them;
// for stable every excluded argument must end OUT, so exclusion is must_out.
enum class State : std::uint8_t { blank, in, out, must_out, undec };

// A requirement on one argument in every leaf (for the acceptance queries).
struct Force {
  u32 argument;
  bool in;  // IN, or excluded
};

// The depth-first labelling search over one component (see the header).
class Search {
 public:
  Search(const Component& c, Mode mode, SearchBudget& budget)
      : c_(c), mode_(mode), budget_(budget), k_(static_cast<u32>(c.nodes.size())) {
    state_.assign(k_, State::blank);
    blank_.resize(k_);
    undec_.assign(k_, 0);
    for (u32 v = 0; v < k_; ++v) blank_[v] = static_cast<u32>(c.in.start[v + 1] - c.in.start[v]);
    queued_.assign(k_, false);
    if (mode_ == Mode::preferred) {
      words_ = (std::size_t{k_} + 63) / 64;
      possible_.assign(words_, ~std::uint64_t{0});
      if (k_ % 64 != 0) possible_.back() = (std::uint64_t{1} << (k_ % 64)) - 1;
    }
  }

  // Calls `leaf(in)` with the IN arguments (local, ascending) of each leaf:
  // for preferred, each preferred extension of the component (or, with a
  // force, each complete extension that obeys it and is not contained in
  // one visited before); for stable, each stable extension. Stops when
  // `leaf` returns false; returns false then, true when the search is done.
  template <class Leaf>
  bool run(std::optional<Force> force, Leaf&& leaf) {
    bool ok = start(force);
    std::size_t scan = 0;  // positions of `order` before it are decided
    struct Decision {
      std::size_t mark;
      std::size_t scan;
      u32 argument;
      bool excluded;  // the second branch is being tried
    };
    std::vector<Decision> stack;
    std::vector<u32> in;
    for (;;) {
      if (ok) {
        if (mode_ == Mode::preferred && dominated()) {
          ok = false;
        } else {
          while (scan < k_ && state_[c_.order[scan]] != State::blank) ++scan;
          if (scan < k_) {
            const u32 v = choose(scan);
            stack.push_back({trail_.size(), scan, v, false});
            ok = assign_in(v) && propagate();
            continue;
          }
          // A leaf.
          if (mode_ == Mode::preferred) accepted_.insert(accepted_.end(), possible_.begin(), possible_.end());
          in.clear();
          for (u32 v = 0; v < k_; ++v) {
            if (state_[v] == State::in) in.push_back(v);
          }
          if (!leaf(std::span<const u32>(in))) return false;
          ok = false;
        }
      }
      // Backtrack to the latest decision whose second branch is untried.
      clear_queue();
      for (;;) {
        if (stack.empty()) return true;
        Decision& d = stack.back();
        undo(d.mark);
        if (!d.excluded) {
          d.excluded = true;
          scan = d.scan;
          ok = exclude(d.argument) && propagate();
          break;
        }
        stack.pop_back();
      }
    }
  }

 private:
  struct Change {
    u32 argument;
    State before;
  };

  // Self-attackers are excluded; then propagation and the force.
  bool start(std::optional<Force> force) {
    for (u32 v = 0; v < k_; ++v) {
      if (c_.self[v] && state_[v] == State::blank) exclude(v);
      enqueue(v);
    }
    if (!propagate()) return false;
    if (!force) return true;
    const u32 x = force->argument;
    if (force->in) {
      if (state_[x] == State::in) return true;
      if (state_[x] != State::blank) return false;
      return assign_in(x) && propagate();
    }
    if (state_[x] == State::in) return false;
    if (state_[x] == State::blank) return exclude(x) && propagate();
    return true;
  }

  void enqueue(u32 v) {
    if (queued_[v]) return;
    queued_[v] = true;
    queue_.push_back(v);
  }
  void clear_queue() {
    for (std::size_t i = head_; i < queue_.size(); ++i) queued_[queue_[i]] = false;
    queue_.clear();
    head_ = 0;
  }

  // Relabels v, keeping the counters of its targets and the trail.
  void set(u32 v, State s) {
    budget_.spend();
    const State before = state_[v];
    trail_.push_back({v, before});
    state_[v] = s;
    if (before == State::blank && s != State::in && mode_ == Mode::preferred) {
      possible_[v / 64] &= ~(std::uint64_t{1} << (v % 64));
    }
    const bool was_blank = before == State::blank;
    const bool was_undec = before == State::undec;
    const bool is_undec = s == State::undec;
    for (u32 t : c_.out.of(v)) {
      if (was_blank) --blank_[t];
      if (was_undec) --undec_[t];
      if (is_undec) ++undec_[t];
      if (was_blank || was_undec) enqueue(t);
    }
    if (s == State::must_out || s == State::undec) enqueue(v);
    if (s == State::must_out) must_.push_back(v);
  }

  void undo(std::size_t mark) {
    while (trail_.size() > mark) {
      const Change change = trail_.back();
      trail_.pop_back();
      const u32 v = change.argument;
      const State now = state_[v];
      const bool was_blank = change.before == State::blank;
      const bool was_undec = change.before == State::undec;
      const bool is_undec = now == State::undec;
      for (u32 t : c_.out.of(v)) {
        if (is_undec) --undec_[t];
        if (was_blank) ++blank_[t];
        if (was_undec) ++undec_[t];
      }
      state_[v] = change.before;
      if (now == State::must_out) must_.pop_back();  // pushed by this change
      if (was_blank && now != State::in && mode_ == Mode::preferred) {
        possible_[v / 64] |= std::uint64_t{1} << (v % 64);
        low_ = std::min(low_, std::size_t{v} / 64);
      }
    }
  }

  // The argument to decide next (some is blank; none before `scan` in the
  // order is). Like a SAT solver taking the shortest clause first: when an
  // argument must be OUT, one of its blank attackers must be IN, so the one
  // with the fewest is the most constrained; its first blank attacker is
  // decided. Otherwise the first blank argument in the order.
  [[nodiscard]] u32 choose(std::size_t scan) const {
    u32 best = none;
    u32 fewest = std::numeric_limits<u32>::max();
    for (u32 v : must_) {
      if (state_[v] == State::must_out && blank_[v] < fewest) {
        fewest = blank_[v];
        best = v;
        if (fewest <= 2) break;
      }
    }
    if (best != none) {
      // Of its blank attackers, the one whose IN settles the most.
      u32 chosen = none;
      std::size_t most = 0;
      for (u32 a : c_.in.of(best)) {
        if (state_[a] != State::blank) continue;
        std::size_t open = 0;
        for (u32 t : c_.out.of(a)) {
          if (state_[t] != State::out) ++open;
        }
        if (chosen == none || open > most) {
          chosen = a;
          most = open;
        }
      }
      return chosen;
    }
    return c_.order[scan];
  }

  // v (blank) becomes IN: what it attacks is OUT, its attackers must be.
  bool assign_in(u32 v) {
    set(v, State::in);
    for (u32 t : c_.out.of(v)) {
      if (state_[t] == State::in) return false;
      if (state_[t] != State::out) set(t, State::out);
    }
    for (u32 a : c_.in.of(v)) {
      if (state_[a] == State::in) return false;
      if (state_[a] == State::blank || state_[a] == State::undec) set(a, State::must_out);
    }
    return true;
  }

  // v (blank) is not IN in any leaf below.
  bool exclude(u32 v) {
    set(v, mode_ == Mode::preferred ? State::undec : State::must_out);
    return true;
  }

  // Applies the rules to every argument whose neighbourhood changed, until
  // nothing follows; false when the labelling cannot end complete.
  bool propagate() {
    while (head_ < queue_.size()) {
      const u32 v = queue_[head_++];
      queued_[v] = false;
      switch (state_[v]) {
        case State::blank:
          // Every attacker is OUT or must be: v is defended, hence IN.
          if (blank_[v] + undec_[v] == 0 && !assign_in(v)) return false;
          break;
        case State::must_out:
          // Something IN must attack v.
          if (blank_[v] == 0) return false;
          if (blank_[v] == 1) {
            for (u32 a : c_.in.of(v)) {
              if (state_[a] == State::blank) {
                if (!assign_in(a)) return false;
                break;
              }
            }
          }
          break;
        case State::undec:
          // v ends UNDEC unless attacked by IN: then some attacker must
          // end UNDEC too, else v would be defended and not UNDEC.
          if (blank_[v] + undec_[v] == 0) return false;
          break;
        default: break;
      }
    }
    clear_queue();
    return true;
  }

  // Whether every leaf below lies inside a preferred extension found before.
  // Every 8 words compared cost a step.
  [[nodiscard]] bool dominated() {
    // Words of `possible_` below low_ are zero: nothing to compare there.
    while (low_ < words_ && possible_[low_] == 0) ++low_;
    std::size_t compared = 0;
    bool found = false;
    for (std::size_t f = 0; f < accepted_.size() && !found; f += words_) {
      bool inside = true;
      for (std::size_t w = low_; w < words_ && inside; ++w) {
        inside = (possible_[w] & ~accepted_[f + w]) == 0;
        ++compared;
      }
      found = inside;
    }
    budget_.spend(compared / 8);
    return found;
  }

  const Component& c_;
  Mode mode_;
  SearchBudget& budget_;
  u32 k_;
  std::vector<State> state_;
  std::vector<u32> blank_;  // per argument: attackers still blank
  std::vector<u32> undec_;  // per argument: attackers UNDEC
  std::vector<Change> trail_;
  std::vector<u32> must_;  // the arguments made must_out on the trail, in order
  std::vector<u32> queue_;
  std::size_t head_ = 0;
  std::vector<bool> queued_;
  // Preferred only: the arguments IN or blank, and the preferred extensions
  // found so far, `words_` words each.
  std::size_t words_ = 0;
  std::vector<std::uint64_t> possible_;
  std::size_t low_ = 0;  // possible_'s words below this one are zero
  std::vector<std::uint64_t> accepted_;
};

Mode mode_of(Semantics semantics) { return semantics == Semantics::stable ? Mode::stable : Mode::preferred; }

Extension in_of(const std::vector<Label>& labels) {
  Extension out;
  for (std::size_t v = 0; v < labels.size(); ++v) {
    if (labels[v] == Label::in) out.push_back(v);
  }
  return out;
}

// The first leaf of a component's search, as vertices; nothing when there is none.
std::optional<std::vector<u32>> first_leaf(const Component& c, Mode mode, SearchBudget& budget, std::optional<Force> force) {
  std::optional<std::vector<u32>> found;
  Search(c, mode, budget).run(force, [&](std::span<const u32> in) {
    auto& out = found.emplace();
    for (u32 v : in) out.push_back(c.nodes[v]);
    return false;
  });
  return found;
}

// Whether every component but `skip` has a stable extension.
bool others_stable(const Prepared& p, u32 skip, SearchBudget& budget) {
  for (u32 i = 0; i < p.components.size(); ++i) {
    if (i != skip && !first_leaf(p.components[i], Mode::stable, budget, std::nullopt)) return false;
  }
  return true;
}

}  // namespace

std::vector<Label> grounded_labelling(const Graph& graph) { return grounded_of(attacks_of(graph)); }

Extension grounded_extension(const Graph& graph) { return in_of(grounded_labelling(graph)); }

std::size_t enumerate_extensions(const Graph& graph, Semantics semantics, const SearchLimits& limits,
                                 const ExtensionVisitor& visit) {
  if (semantics == Semantics::grounded) {
    visit(grounded_extension(graph));
    return 1;
  }
  const Prepared p = prepare(graph);
  const Extension base = in_of(p.grounded);
  SearchBudget budget(semantics, limits.max_steps);
  const Mode mode = mode_of(semantics);
  if (p.components.empty()) {
    visit(base);
    return 1;
  }
  // The extensions are the products of the components' extensions. Those
  // of every component but the largest are listed first (for stable, one
  // without any means there is none at all); the largest one's are then
  // streamed, each combined with every choice from the others.
  std::size_t big = 0;
  for (std::size_t i = 1; i < p.components.size(); ++i) {
    if (p.components[i].nodes.size() > p.components[big].nodes.size()) big = i;
  }
  std::vector<std::vector<std::vector<u32>>> others;
  for (std::size_t i = 0; i < p.components.size(); ++i) {
    if (i == big) continue;
    const Component& c = p.components[i];
    auto& leaves = others.emplace_back();
    Search(c, mode, budget).run(std::nullopt, [&](std::span<const u32> in) {
      auto& part = leaves.emplace_back();
      for (u32 v : in) part.push_back(c.nodes[v]);
      return true;
    });
    if (leaves.empty()) return 0;  // no stable extension
  }
  const Component& c = p.components[big];
  std::size_t count = 0;
  std::vector<std::size_t> choice(others.size());
  Extension e;
  Search(c, mode, budget).run(std::nullopt, [&](std::span<const u32> in) {
    std::fill(choice.begin(), choice.end(), 0);
    for (;;) {
      e = base;
      for (u32 v : in) e.push_back(c.nodes[v]);
      for (std::size_t i = 0; i < others.size(); ++i) {
        const auto& part = others[i][choice[i]];
        e.insert(e.end(), part.begin(), part.end());
      }
      std::sort(e.begin(), e.end());
      // Writing an extension out costs a step per argument.
      budget.spend(e.size() + 1);
      ++count;
      if (!visit(e)) return false;
      std::size_t i = others.size();
      for (; i > 0; --i) {
        if (++choice[i - 1] < others[i - 1].size()) break;
        choice[i - 1] = 0;
      }
      if (i == 0) return true;  // every choice made: the next leaf
    }
  });
  return count;
}

std::vector<Extension> enumerate_extensions(const Graph& graph, Semantics semantics, const SearchLimits& limits) {
  std::vector<Extension> all;
  enumerate_extensions(graph, semantics, limits, [&](const Extension& e) {
    all.push_back(e);
    return true;
  });
  return all;
}

std::optional<Extension> some_extension(const Graph& graph, Semantics semantics, const SearchLimits& limits) {
  if (semantics == Semantics::grounded) return grounded_extension(graph);
  const Prepared p = prepare(graph);
  Extension e = in_of(p.grounded);
  SearchBudget budget(semantics, limits.max_steps);
  for (const Component& c : p.components) {
    auto leaf = first_leaf(c, mode_of(semantics), budget, std::nullopt);
    if (!leaf) return std::nullopt;
    e.insert(e.end(), leaf->begin(), leaf->end());
  }
  std::sort(e.begin(), e.end());
  return e;
}

bool credulously_accepted(const Graph& graph, Semantics semantics, Graph::NodeRef argument,
                          const SearchLimits& limits) {
  if (semantics == Semantics::grounded) return grounded_labelling(graph).at(argument) == Label::in;
  const Prepared p = prepare(graph);
  const Label g = p.grounded.at(argument);
  SearchBudget budget(semantics, limits.max_steps);
  const Mode mode = mode_of(semantics);
  if (g == Label::out) return false;
  if (g == Label::in) return mode == Mode::preferred || others_stable(p, none, budget);
  const u32 c = p.component_of[argument];
  if (!first_leaf(p.components[c], mode, budget, Force{p.local[argument], true})) return false;
  return mode == Mode::preferred || others_stable(p, c, budget);
}

bool sceptically_accepted(const Graph& graph, Semantics semantics, Graph::NodeRef argument,
                          const SearchLimits& limits) {
  if (semantics == Semantics::grounded) return grounded_labelling(graph).at(argument) == Label::in;
  const Prepared p = prepare(graph);
  const Label g = p.grounded.at(argument);
  SearchBudget budget(semantics, limits.max_steps);
  if (g == Label::in) return true;
  if (semantics == Semantics::stable) {
    // Not accepted exactly when some stable extension lacks the argument.
    if (g == Label::out) return !others_stable(p, none, budget);
    const u32 c = p.component_of[argument];
    if (!first_leaf(p.components[c], Mode::stable, budget, Force{p.local[argument], false})) return true;
    return !others_stable(p, c, budget);
  }
  if (g == Label::out) return false;
  const u32 c = p.component_of[argument];
  const u32 x = p.local[argument];
  bool in_all = true;
  Search(p.components[c], Mode::preferred, budget).run(std::nullopt, [&](std::span<const u32> in) {
    in_all = std::binary_search(in.begin(), in.end(), x);
    return in_all;
  });
  return in_all;
}

std::vector<NodeAcceptance> acceptance(const Graph& graph, Semantics semantics, const SearchLimits& limits) {
  const std::size_t n = graph.node_count();
  std::vector<NodeAcceptance> result(n);
  if (semantics == Semantics::grounded) {
    const auto labels = grounded_labelling(graph);
    for (std::size_t v = 0; v < n; ++v) result[v] = {labels[v] == Label::in, labels[v] == Label::in};
    return result;
  }
  const Prepared p = prepare(graph);
  SearchBudget budget(semantics, limits.max_steps);
  const Mode mode = mode_of(semantics);
  for (std::size_t v = 0; v < n; ++v) {
    const bool in = p.grounded[v] == Label::in;
    result[v] = {in, in};
  }
  for (const Component& c : p.components) {
    const std::size_t k = c.nodes.size();
    std::vector<bool> in_some(k, false), in_all(k, true), member(k, false);
    std::size_t all_count = k;
    bool any = false;
    const bool done = Search(c, mode, budget).run(std::nullopt, [&](std::span<const u32> in) {
      any = true;
      for (u32 v : in) {
        in_some[v] = true;
        member[v] = true;
      }
      for (u32 v = 0; v < k; ++v) {
        if (in_all[v] && !member[v]) {
          in_all[v] = false;
          --all_count;
        }
      }
      for (u32 v : in) member[v] = false;
      // Once nothing is in every extension, the rest is credulous only.
      return all_count > 0;
    });
    if (!any) {
      // No stable extension at all: nothing credulous, everything sceptical.
      for (auto& r : result) r = {false, true};
      return result;
    }
    if (!done) {
      for (u32 v = 0; v < k; ++v) {
        if (in_some[v]) continue;
        if (auto leaf = first_leaf(c, mode, budget, Force{v, true})) {
          for (u32 w : *leaf) in_some[p.local[w]] = true;
        }
      }
    }
    for (u32 v = 0; v < k; ++v) result[c.nodes[v]] = {in_some[v], in_all[v]};
  }
  return result;
}

std::string format_extension(const Graph& graph, std::span<const Graph::NodeRef> extension) {
  std::vector<Graph::NodeRef> sorted(extension.begin(), extension.end());
  std::sort(sorted.begin(), sorted.end());
  std::string out = "[";
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i > 0) out += ',';
    out += graph.id(sorted[i]);
  }
  out += ']';
  return out;
}

std::string format_extensions(const Graph& graph, std::span<const Extension> extensions) {
  std::string out = "[";
  for (std::size_t i = 0; i < extensions.size(); ++i) {
    if (i > 0) out += ',';
    out += format_extension(graph, extensions[i]);
  }
  out += ']';
  return out;
}

std::string_view format_answer(bool accepted) noexcept { return accepted ? "YES" : "NO"; }

}  // namespace claimgraph::analysis
