#pragma once
// A list of one pointer: what std::vector<T> says, in 8 bytes instead of 24,
// for lists that are empty in nearly every record of a large case (a
// node's citations, a node's or an edge's unknown fields). An empty list
// is a null pointer; a list with items holds a std::vector on the heap.
//
// It reads like the vector it stands for (size, empty, [], front, back,
// iteration, push_back, emplace_back, clear, reserve; std::sort on begin()
// and end()), converts to `const std::vector<T>&` for code written against
// one, and compares equal to another list with equal items in the same
// order. Its iterators are pointers, valid as a vector's are.

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <utility>
#include <vector>

namespace claimgraph {

template <class T>
class CompactVector {
 public:
  using value_type = T;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  using reference = T&;
  using const_reference = const T&;
  using iterator = T*;
  using const_iterator = const T*;

  CompactVector() noexcept = default;
  CompactVector(std::initializer_list<T> items) { take(std::vector<T>(items)); }
  CompactVector(std::vector<T> items) { take(std::move(items)); }  // NOLINT: reads like the vector
  CompactVector(const CompactVector& other) : p_(other.empty() ? nullptr : std::make_unique<std::vector<T>>(*other.p_)) {}
  CompactVector(CompactVector&&) noexcept = default;
  CompactVector& operator=(const CompactVector& other) {
    if (this != &other) *this = CompactVector(other);
    return *this;
  }
  CompactVector& operator=(CompactVector&&) noexcept = default;
  CompactVector& operator=(std::vector<T> items) {
    p_.reset();
    take(std::move(items));
    return *this;
  }
  CompactVector& operator=(std::initializer_list<T> items) { return *this = std::vector<T>(items); }
  ~CompactVector() = default;

  [[nodiscard]] std::size_t size() const noexcept { return p_ ? p_->size() : 0; }
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }
  [[nodiscard]] T* data() noexcept { return p_ ? p_->data() : nullptr; }
  [[nodiscard]] const T* data() const noexcept { return p_ ? p_->data() : nullptr; }
  [[nodiscard]] iterator begin() noexcept { return data(); }
  [[nodiscard]] iterator end() noexcept { return data() + size(); }
  [[nodiscard]] const_iterator begin() const noexcept { return data(); }
  [[nodiscard]] const_iterator end() const noexcept { return data() + size(); }
  [[nodiscard]] const_iterator cbegin() const noexcept { return begin(); }
  [[nodiscard]] const_iterator cend() const noexcept { return end(); }
  /// Item `i`; `i` must be below size().
  [[nodiscard]] T& operator[](std::size_t i) noexcept { return (*p_)[i]; }
  [[nodiscard]] const T& operator[](std::size_t i) const noexcept { return (*p_)[i]; }
  /// The first and last items; the list must not be empty.
  [[nodiscard]] T& front() noexcept { return p_->front(); }
  [[nodiscard]] const T& front() const noexcept { return p_->front(); }
  [[nodiscard]] T& back() noexcept { return p_->back(); }
  [[nodiscard]] const T& back() const noexcept { return p_->back(); }

  void push_back(const T& item) { list().push_back(item); }
  void push_back(T&& item) { list().push_back(std::move(item)); }
  template <class... Args>
  T& emplace_back(Args&&... args) {
    return list().emplace_back(std::forward<Args>(args)...);
  }
  /// Removes the last item; the list must not be empty.
  void pop_back() noexcept { p_->pop_back(); }
  void resize(std::size_t n) {
    if (n == 0) {
      clear();
    } else {
      list().resize(n);
    }
  }
  void reserve(std::size_t n) {
    if (n > 0) list().reserve(n);
  }
  /// Empties the list and frees what it held.
  void clear() noexcept { p_.reset(); }
  /// Removes the items for which `pred` is true, as std::erase_if does for a
  /// vector: the number removed.
  template <class Pred>
  friend std::size_t erase_if(CompactVector& v, Pred pred) {
    return v.p_ ? static_cast<std::size_t>(std::erase_if(*v.p_, pred)) : 0;
  }

  /// As a std::vector, for code that reads one.
  operator const std::vector<T>&() const noexcept {  // NOLINT: reads like the vector
    static const std::vector<T> none;
    return p_ ? *p_ : none;
  }

  friend bool operator==(const CompactVector& a, const CompactVector& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!(a[i] == b[i])) return false;
    }
    return true;
  }

 private:
  void take(std::vector<T>&& items) {
    if (!items.empty()) p_ = std::make_unique<std::vector<T>>(std::move(items));
  }
  std::vector<T>& list() {
    if (!p_) p_ = std::make_unique<std::vector<T>>();
    return *p_;
  }
  std::unique_ptr<std::vector<T>> p_;
};

}  // namespace claimgraph
