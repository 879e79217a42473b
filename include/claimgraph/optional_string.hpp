#pragma once
// An optional string of one pointer: what std::optional<std::string> says,
// in 8 bytes instead of 40. A node has six optional text fields and an edge
// one, most of them empty in a large case; held this way, an empty field
// costs a null pointer and a set one a string on the heap.
//
// It reads like std::optional<std::string> (`if (f)`, `*f`, `f->size()`,
// `f.value_or("")`, `f = "x"`, `f = std::nullopt`), converts to and from
// it, and compares equal to another when both are empty or both hold equal
// strings.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace claimgraph {

class OptionalString {
 public:
  using value_type = std::string;

  OptionalString() noexcept = default;
  OptionalString(std::nullopt_t) noexcept {}  // NOLINT: as std::optional converts
  OptionalString(std::string value) : p_(std::make_unique<std::string>(std::move(value))) {}  // NOLINT
  OptionalString(const char* value) : p_(std::make_unique<std::string>(value)) {}  // NOLINT
  OptionalString(const std::optional<std::string>& value)  // NOLINT
      : p_(value ? std::make_unique<std::string>(*value) : nullptr) {}
  OptionalString(std::optional<std::string>&& value)  // NOLINT
      : p_(value ? std::make_unique<std::string>(std::move(*value)) : nullptr) {}
  OptionalString(const OptionalString& other) : p_(other.p_ ? std::make_unique<std::string>(*other.p_) : nullptr) {}
  OptionalString(OptionalString&&) noexcept = default;
  OptionalString& operator=(const OptionalString& other) {
    if (this != &other) assign(other.p_.get());
    return *this;
  }
  OptionalString& operator=(OptionalString&&) noexcept = default;
  OptionalString& operator=(std::nullopt_t) noexcept {
    p_.reset();
    return *this;
  }
  OptionalString& operator=(std::string value) {
    if (p_) {
      *p_ = std::move(value);
    } else {
      p_ = std::make_unique<std::string>(std::move(value));
    }
    return *this;
  }
  OptionalString& operator=(const char* value) { return *this = std::string(value); }
  OptionalString& operator=(const std::optional<std::string>& value) {
    assign(value ? &*value : nullptr);
    return *this;
  }
  OptionalString& operator=(std::optional<std::string>&& value) {
    if (value) return *this = std::move(*value);
    p_.reset();
    return *this;
  }
  ~OptionalString() = default;

  [[nodiscard]] bool has_value() const noexcept { return p_ != nullptr; }
  explicit operator bool() const noexcept { return p_ != nullptr; }
  /// The string; the field must hold one.
  [[nodiscard]] const std::string& operator*() const noexcept { return *p_; }
  [[nodiscard]] std::string& operator*() noexcept { return *p_; }
  [[nodiscard]] const std::string* operator->() const noexcept { return p_.get(); }
  [[nodiscard]] std::string* operator->() noexcept { return p_.get(); }
  /// The string; throws std::bad_optional_access when there is none.
  [[nodiscard]] const std::string& value() const {
    if (!p_) throw std::bad_optional_access();
    return *p_;
  }
  [[nodiscard]] std::string& value() {
    if (!p_) throw std::bad_optional_access();
    return *p_;
  }
  template <class U>
  [[nodiscard]] std::string value_or(U&& fallback) const {
    return p_ ? *p_ : std::string(std::forward<U>(fallback));
  }
  void reset() noexcept { p_.reset(); }
  template <class... Args>
  std::string& emplace(Args&&... args) {
    p_ = std::make_unique<std::string>(std::forward<Args>(args)...);
    return *p_;
  }
  /// As a std::optional (a copy of the string).
  operator std::optional<std::string>() const {  // NOLINT: reads like one
    return p_ ? std::optional<std::string>(*p_) : std::nullopt;
  }

  friend bool operator==(const OptionalString& a, const OptionalString& b) noexcept {
    return a.p_ && b.p_ ? *a.p_ == *b.p_ : a.p_ == b.p_;
  }
  friend bool operator==(const OptionalString& a, std::nullopt_t) noexcept { return !a.p_; }
  friend bool operator==(const OptionalString& a, const std::optional<std::string>& b) noexcept {
    return a.p_ && b ? *a.p_ == *b : !a.p_ && !b;
  }
  /// Holds a string equal to `b`, as std::optional compares with a value.
  template <class T>
    requires std::is_convertible_v<const T&, std::string_view> &&
             (!std::is_same_v<T, OptionalString>) && (!std::is_same_v<T, std::optional<std::string>>)
  friend bool operator==(const OptionalString& a, const T& b) noexcept {
    return a.p_ && std::string_view(*a.p_) == std::string_view(b);
  }

 private:
  void assign(const std::string* value) {
    if (value == nullptr) {
      p_.reset();
    } else if (p_) {
      *p_ = *value;
    } else {
      p_ = std::make_unique<std::string>(*value);
    }
  }
  std::unique_ptr<std::string> p_;
};

}  // namespace claimgraph
