#pragma once
// An optional value of one pointer: what std::optional<T> says, in 8 bytes
// instead of sizeof(T) + 8. A node has six optional text fields, optional
// tags, and an edge an optional id, most of them empty in a large case;
// held this way, an empty field costs a null pointer and a set one its
// value on the heap.
//
// It reads like std::optional<T> (`if (f)`, `*f`, `f->size()`,
// `f.value_or("")`, `f = "x"`, `f = std::nullopt`), converts to and from
// it, and compares equal to another when both are empty or both hold equal
// values. OptionalString is the one for text, OptionalStrings the one for
// a list of text.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace claimgraph {

template <class T>
class BoxedOptional {
 public:
  using value_type = T;

  BoxedOptional() noexcept = default;
  BoxedOptional(std::nullopt_t) noexcept {}  // NOLINT: as std::optional converts
  BoxedOptional(T value) : p_(std::make_unique<T>(std::move(value))) {}  // NOLINT
  // Text from a C string, as a std::optional<std::string> takes one.
  template <class C = T>
    requires std::is_same_v<C, std::string>
  BoxedOptional(const char* value) : p_(std::make_unique<T>(value)) {}  // NOLINT
  BoxedOptional(const std::optional<T>& value)  // NOLINT
      : p_(value ? std::make_unique<T>(*value) : nullptr) {}
  BoxedOptional(std::optional<T>&& value)  // NOLINT
      : p_(value ? std::make_unique<T>(std::move(*value)) : nullptr) {}
  BoxedOptional(const BoxedOptional& other) : p_(other.p_ ? std::make_unique<T>(*other.p_) : nullptr) {}
  BoxedOptional(BoxedOptional&&) noexcept = default;
  BoxedOptional& operator=(const BoxedOptional& other) {
    if (this != &other) assign(other.p_.get());
    return *this;
  }
  BoxedOptional& operator=(BoxedOptional&&) noexcept = default;
  BoxedOptional& operator=(std::nullopt_t) noexcept {
    p_.reset();
    return *this;
  }
  BoxedOptional& operator=(T value) {
    if (p_) {
      *p_ = std::move(value);
    } else {
      p_ = std::make_unique<T>(std::move(value));
    }
    return *this;
  }
  template <class C = T>
    requires std::is_same_v<C, std::string>
  BoxedOptional& operator=(const char* value) {
    return *this = T(value);
  }
  BoxedOptional& operator=(const std::optional<T>& value) {
    assign(value ? &*value : nullptr);
    return *this;
  }
  BoxedOptional& operator=(std::optional<T>&& value) {
    if (value) return *this = std::move(*value);
    p_.reset();
    return *this;
  }
  ~BoxedOptional() = default;

  [[nodiscard]] bool has_value() const noexcept { return p_ != nullptr; }
  explicit operator bool() const noexcept { return p_ != nullptr; }
  /// The value; the field must hold one.
  [[nodiscard]] const T& operator*() const noexcept { return *p_; }
  [[nodiscard]] T& operator*() noexcept { return *p_; }
  [[nodiscard]] const T* operator->() const noexcept { return p_.get(); }
  [[nodiscard]] T* operator->() noexcept { return p_.get(); }
  /// The value; throws std::bad_optional_access when there is none.
  [[nodiscard]] const T& value() const {
    if (!p_) throw std::bad_optional_access();
    return *p_;
  }
  [[nodiscard]] T& value() {
    if (!p_) throw std::bad_optional_access();
    return *p_;
  }
  template <class U>
  [[nodiscard]] T value_or(U&& fallback) const {
    return p_ ? *p_ : T(std::forward<U>(fallback));
  }
  void reset() noexcept { p_.reset(); }
  template <class... Args>
  T& emplace(Args&&... args) {
    p_ = std::make_unique<T>(std::forward<Args>(args)...);
    return *p_;
  }
  /// As a std::optional (a copy of the value).
  operator std::optional<T>() const {  // NOLINT: reads like one
    return p_ ? std::optional<T>(*p_) : std::nullopt;
  }

  friend bool operator==(const BoxedOptional& a, const BoxedOptional& b) noexcept {
    return a.p_ && b.p_ ? *a.p_ == *b.p_ : a.p_ == b.p_;
  }
  friend bool operator==(const BoxedOptional& a, std::nullopt_t) noexcept { return !a.p_; }
  friend bool operator==(const BoxedOptional& a, const std::optional<T>& b) noexcept {
    return a.p_ && b ? *a.p_ == *b : !a.p_ && !b;
  }
  /// Holds a value equal to `b`, as std::optional compares with a value
  /// (text with anything that reads as text).
  template <class U>
    requires(!std::is_same_v<U, BoxedOptional> && !std::is_same_v<U, std::optional<T>> &&
             !std::is_same_v<U, std::nullopt_t> &&
             (std::is_same_v<U, T> ||
              (std::is_same_v<T, std::string> && std::is_convertible_v<const U&, std::string_view>)))
  friend bool operator==(const BoxedOptional& a, const U& b) noexcept {
    if constexpr (std::is_same_v<U, T>) {
      return a.p_ && *a.p_ == b;
    } else {
      return a.p_ && std::string_view(*a.p_) == std::string_view(b);
    }
  }

 private:
  void assign(const T* value) {
    if (value == nullptr) {
      p_.reset();
    } else if (p_) {
      *p_ = *value;
    } else {
      p_ = std::make_unique<T>(*value);
    }
  }
  std::unique_ptr<T> p_;
};

/// Optional text.
using OptionalString = BoxedOptional<std::string>;
/// An optional list of text (a node's tags: none, or a list, maybe empty).
using OptionalStrings = BoxedOptional<std::vector<std::string>>;

}  // namespace claimgraph
