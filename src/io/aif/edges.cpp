// The edges of an AIF map: each from one known node to another, with the
// "claimgraph" object it may carry.

#include <utility>

#include "claimgraph/suggest.hpp"
#include "detail/text.hpp"
#include "io/aif/map.hpp"

namespace claimgraph::io::aif {

using detail::shown;

namespace {

// Above this many nodes an unknown node id gets no suggestion: finding the
// nearest would cost more than it helps.
constexpr std::size_t max_nodes_suggested = 5000;

class EdgeReader {
 public:
  EdgeReader(Context& cx, Map& map) : cx_(cx), map_(map) {}

  // Edge `i`, the value `v`, added to the map when it joins two known nodes;
  // every problem with it is reported either way.
  void read(const Value& v, std::size_t i) {
    const std::string pointer = cx_.edge_pointer(i);
    if (!is_object(cx_, v, pointer,
                   "an edge object such as {\"edgeID\": \"1\", \"fromID\": \"1\", \"toID\": \"2\"}")) {
      return;
    }
    MapEdge edge;
    edge.index = i;
    edge.value = &v;
    edge.ext = member(v, "claimgraph");
    const std::optional<std::size_t> from = end(v, pointer, "fromID");
    const std::optional<std::size_t> to = end(v, pointer, "toID");
    check_edge_id(v, pointer);
    if (edge.ext != nullptr) read_edge_fields(cx_, *edge.ext, field_pointer(pointer, "claimgraph"), edge_ids_);
    if (!from || !to) return;
    edge.from = *from;
    edge.to = *to;
    if (edge.from == edge.to) {
      cx_.diagnostics.error(v.offset, pointer,
                            "edge from " + shown(map_.nodes[edge.from].id) +
                                " to itself; an edge must join two different nodes");
      return;
    }
    map_.edges.push_back(edge);
  }

 private:
  // The node that end `field` ("fromID" or "toID") of edge `v` names, when
  // it is a known one (else reported).
  std::optional<std::size_t> end(const Value& v, const std::string& pointer, std::string_view field) {
    const Value* given = member(v, field);
    if (given == nullptr) {
      cx_.diagnostics.parse_error(v.offset, pointer, "edge is missing the required field \"" + std::string(field) + "\"");
      return std::nullopt;
    }
    const std::string p = field_pointer(pointer, field);
    const auto id = read_id(cx_, *given, p, "a node's id");
    if (!id) return std::nullopt;
    auto it = map_.ids.find(*id);
    if (it == map_.ids.end()) {
      cx_.diagnostics.error(given->offset, p, "unknown node " + shown(*id) + suggestion(*id));
      return std::nullopt;
    }
    return it->second;
  }

  // "; did you mean ..." for an unknown node id, when there are few nodes.
  std::string suggestion(const std::string& id) {
    if (map_.nodes.size() > max_nodes_suggested) return {};
    if (known_.empty()) {
      known_.reserve(map_.nodes.size());
      for (const auto& n : map_.nodes) known_.push_back(n.id);
    }
    return did_you_mean(id, known_);
  }

  // The edgeID, which claimgraph does not keep, must still be an id.
  void check_edge_id(const Value& v, const std::string& pointer) {
    const Value* id = member(v, "edgeID");
    if (id == nullptr) return;
    const bool integer = id->type == Type::number && id->text.find_first_of(".eE") == std::string::npos;
    if (!integer && id->type != Type::string && id->type != Type::null) {
      wrong_type(cx_, *id, field_pointer(pointer, "edgeID"), "the edge's id, a string or an integer");
    }
  }

  Context& cx_;
  Map& map_;
  std::vector<std::string_view> known_;                     // the node ids, for suggestions
  std::unordered_map<std::string, std::size_t> edge_ids_;  // claimgraph edge ids, where each is written
};

}  // namespace

void read_edges(Context& cx, const Value& list, Map& map) {
  map.edges.reserve(list.elements.size());
  EdgeReader reader(cx, map);
  for (std::size_t i = 0; i < list.elements.size(); ++i) reader.read(list.elements[i], i);
}

}  // namespace claimgraph::io::aif
