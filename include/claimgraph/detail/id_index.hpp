#pragma once
// The index from node id to vertex: an open-addressing table with linear
// probing, over its own compact copy of the ids. Each 32-byte slot holds the
// vertex, part of the hash, the id's length and its first 20 bytes, so that
// a lookup of a short id (the usual case) touches one slot and nothing else;
// longer ids are confirmed against the id pool. On a million-node graph a
// node-based std::unordered_map, or comparing against the ids inside the
// (large) node records, costs several misses to main memory per lookup.

#include <cstddef>
#include <cstdint>
#include <cstring>
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
    const std::size_t v = find_hashed(id, hash(id));
    if (v == npos) return std::nullopt;
    return v;
  }

  /// Looks up many ids at once: out[i] is the vertex of ids[i], or `npos`.
  /// The slots of later ids are prefetched while earlier ones are compared,
  /// so that the memory latency of a large table overlaps.
  void find_many(const std::string_view* ids, std::size_t count, std::size_t* out) const noexcept {
    constexpr std::size_t ahead = 16;
    std::uint64_t hashes[ahead];
    const std::size_t first = count < ahead ? count : ahead;
    for (std::size_t i = 0; i < first; ++i) {
      hashes[i] = hash(ids[i]);
      if (!slots_.empty()) __builtin_prefetch(&slots_[hashes[i] & mask_]);
    }
    for (std::size_t i = 0; i < count; ++i) {
      const std::uint64_t h = hashes[i % ahead];
      if (i + ahead < count) {
        const std::uint64_t next = hash(ids[i + ahead]);
        hashes[i % ahead] = next;
        if (!slots_.empty()) __builtin_prefetch(&slots_[next & mask_]);
      }
      out[i] = find_hashed(ids[i], h);
    }
  }

  /// Returned by find_many for an id that is not there.
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  /// The hash of `id` that insert() and find() place it by.
  static std::uint64_t hash_of(std::string_view id) noexcept { return hash(id); }

  /// Starts loading the slot where an id of hash `h` goes, for a caller that
  /// inserts a batch of ids: prefetching every slot of the batch first lets
  /// the cache misses of a large table overlap. Only a hint; always inlined,
  /// since a function whose only effect is a prefetch is otherwise taken
  /// for one without effects and its calls dropped.
  [[gnu::always_inline]] inline void prefetch(std::uint64_t h) const noexcept {
    if (!slots_.empty()) __builtin_prefetch(&slots_[h & mask_]);
  }

  /// Hints that id(v) is to be read soon, in two steps for a walk over
  /// vertices scattered through a large index: where the id is (some places
  /// ahead), then, once that has come, its bytes (a few places ahead).
  /// Only hints; `v` must be below size().
  [[gnu::always_inline]] inline void prefetch_place(std::size_t v) const noexcept {
    __builtin_prefetch(starts_.data() + v);
  }
  [[gnu::always_inline]] inline void prefetch_id(std::size_t v) const noexcept {
    __builtin_prefetch(pool_.data() + starts_[v]);
  }

  /// Adds `id` as the next vertex (number size()) unless it is there: then
  /// returns the vertex that has it. One probe of the table either way.
  std::optional<std::size_t> insert(std::string_view id) { return insert(id, hash(id)); }

  /// insert() for an id whose hash_of() is `h`.
  std::optional<std::size_t> insert(std::string_view id, std::uint64_t h) {
    std::size_t free = npos;
    if (!slots_.empty()) {
      const Slot key = make_slot(h, id, 0);
      for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
        const Slot& slot = slots_[i];
        if (slot.vertex == 0) {
          free = i;
          break;
        }
        if (same(slot, key, id)) return slot.vertex - 1;
      }
    }
    // Whatever throws (allocation) leaves the index as it was.
    const std::size_t v = size();
    const std::size_t end = pool_.size();
    const bool grow = (v + 1) * 2 > slots_.size();
    starts_.push_back(end + id.size());
    try {
      pool_.append(id);
      if (grow) rehash(slots_.empty() ? 16 : slots_.size() * 2);  // places every id, this one included
    } catch (...) {
      starts_.pop_back();
      pool_.resize(end);
      throw;
    }
    if (!grow) slots_[free] = make_slot(h, id_of(v), v);
    return std::nullopt;
  }

  /// Takes back the id added last (for a caller whose own step after
  /// insert() failed). O(size()), and allocates nothing.
  void pop_back() noexcept {
    if (size() == 0) return;
    pool_.resize(starts_[size() - 1]);
    starts_.pop_back();
    for (Slot& slot : slots_) slot = Slot{};
    for (std::size_t v = 0; v < size(); ++v) place(hash(id_of(v)), v);
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
  [[nodiscard]] std::size_t find_hashed(std::string_view id, std::uint64_t h) const noexcept {
    if (slots_.empty()) return npos;
    const Slot key = make_slot(h, id, 0);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.vertex == 0) return npos;
      if (same(slot, key, id)) return slot.vertex - 1;
    }
  }

  struct Slot {
    char prefix[20];        // the id's first bytes, zero-padded
    std::uint32_t length;   // the id's length (saturated)
    std::uint32_t tag;      // high bits of the hash
    std::uint32_t vertex;   // vertex + 1; 0 marks an empty slot
  };
  static_assert(sizeof(Slot) == 32);

  // Whether the occupied `slot` holds `id`, whose slot would be `key`.
  [[nodiscard]] bool same(const Slot& slot, const Slot& key, std::string_view id) const noexcept {
    return slot.tag == key.tag && slot.length == key.length &&
           std::memcmp(slot.prefix, key.prefix, sizeof key.prefix) == 0 &&
           (id.size() <= sizeof key.prefix || id_of(slot.vertex - 1) == id);
  }

  static Slot make_slot(std::uint64_t h, std::string_view id, std::size_t v) noexcept {
    Slot slot{};
    if (!id.empty()) {  // an empty view may have no data pointer at all
      std::memcpy(slot.prefix, id.data(), id.size() < sizeof slot.prefix ? id.size() : sizeof slot.prefix);
    }
    slot.length = id.size() < 0xFFFFFFFFu ? static_cast<std::uint32_t>(id.size()) : 0xFFFFFFFFu;
    slot.tag = static_cast<std::uint32_t>(h >> 32);
    slot.vertex = static_cast<std::uint32_t>(v + 1);
    return slot;
  }
  void place(std::uint64_t h, std::size_t v) {
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].vertex == 0) {
        slots_[i] = make_slot(h, id_of(v), v);
        return;
      }
    }
  }
  void rehash(std::size_t capacity) {
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (std::size_t v = 0; v < size(); ++v) place(hash(id_of(v)), v);
  }

  std::string pool_;                 // every id, back to back
  std::vector<std::size_t> starts_;  // id v is pool_[starts_[v], starts_[v + 1])
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

}  // namespace claimgraph::detail
