#pragma once
// The index from node id to vertex: an open-addressing table of 64-bit slots
// (32 bits of hash, 32 bits of vertex + 1) with linear probing, over its own
// compact copy of the ids. A lookup touches one slot and, on a hash match,
// a few bytes of the id pool: both stay small enough to be cached for a
// million-node graph, where a node-based std::unordered_map, or comparing
// against the ids inside the (large) node records, costs several misses to
// main memory per lookup.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::detail {

class IdIndex {
 public:
  IdIndex() : starts_{0} {}

  /// Makes room for `n` ids.
  void reserve(std::size_t n) {
    starts_.reserve(n + 1);
    if (n * 2 > slots_.size()) rehash(capacity_for(n));
  }

  /// The vertex whose id is `id`, if any.
  [[nodiscard]] std::optional<std::size_t> find(std::string_view id) const noexcept {
    if (slots_.empty()) return std::nullopt;
    const std::uint64_t h = hash(id);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const std::uint64_t slot = slots_[i];
      if (slot == 0) return std::nullopt;
      if (static_cast<std::uint32_t>(slot >> 32) == tag) {
        const std::size_t v = static_cast<std::uint32_t>(slot) - 1;
        if (id_of(v) == id) return v;
      }
    }
  }

  /// Adds `id` as the next vertex (number size()); the caller has checked
  /// that it is new.
  void push_back(std::string_view id) {
    const std::size_t v = size();
    pool_.append(id);
    starts_.push_back(pool_.size());
    if ((v + 1) * 2 > slots_.size()) {
      rehash(slots_.empty() ? 16 : slots_.size() * 2);  // places every id, this one included
    } else {
      place(hash(id), v);
    }
  }

  /// The id of vertex `v` (< size()).
  [[nodiscard]] std::string_view id(std::size_t v) const noexcept { return id_of(v); }

  /// Number of ids held.
  [[nodiscard]] std::size_t size() const noexcept { return starts_.size() - 1; }

  /// Largest number of vertices the index can hold.
  static constexpr std::size_t max_vertices = 0xFFFFFFFEu;

 private:
  [[nodiscard]] std::string_view id_of(std::size_t v) const noexcept {
    return std::string_view(pool_).substr(starts_[v], starts_[v + 1] - starts_[v]);
  }
  static std::uint64_t hash(std::string_view s) noexcept {
    // FNV-1a with a final avalanche, so that the low bits index well.
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
  }
  static std::size_t capacity_for(std::size_t n) {
    std::size_t c = 16;
    while (c < n * 2) c *= 2;
    return c;
  }
  void place(std::uint64_t h, std::size_t v) {
    const std::uint64_t slot = (h & 0xFFFFFFFF00000000ULL) | static_cast<std::uint64_t>(v + 1);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      if (slots_[i] == 0) {
        slots_[i] = slot;
        return;
      }
    }
  }
  void rehash(std::size_t capacity) {
    slots_.assign(capacity, 0);
    mask_ = capacity - 1;
    for (std::size_t v = 0; v < size(); ++v) place(hash(id_of(v)), v);
  }

  std::string pool_;                 // every id, back to back
  std::vector<std::size_t> starts_;  // id v is pool_[starts_[v], starts_[v + 1])
  std::vector<std::uint64_t> slots_;
  std::size_t mask_ = 0;
};

}  // namespace claimgraph::detail
