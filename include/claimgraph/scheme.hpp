#pragma once
// Argumentation schemes and their critical questions (docs/schemes.md): the
// kinds of inference a case relies on (witness testimony, expert opinion,
// a document, a precedent) and the questions that test each one, as a
// cross-examiner or an opponent's brief would. A question is an assumption
// (it holds until it is questioned, then must be answered) or an exception
// (it does not hold unless it is shown), as in Carneades. The library of
// schemes is data: io/scheme_reader.hpp reads the shipped schemes and a
// user's.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph {

/// How a critical question bears on an inference that has not answered it.
enum class QuestionType : std::uint8_t {
  assumption,  ///< holds until questioned; once questioned, the inference fails unless it is answered
  exception,   ///< does not hold unless shown; once shown, the inference fails unless it is answered
};

/// "assumption" or "exception".
[[nodiscard]] std::string_view to_string(QuestionType type) noexcept;
/// The type spelled `text`, if any.
[[nodiscard]] std::optional<QuestionType> parse_question_type(std::string_view text) noexcept;

/// One critical question of a scheme.
struct CriticalQuestion {
  std::string id;         ///< how case files name it ("expertise"), unique in its scheme
  QuestionType type = QuestionType::assumption;
  std::string text;       ///< the question, in words
  std::string rule;       ///< the rule of law it corresponds to, if any ("Fed. R. Evid. 702")
  friend bool operator==(const CriticalQuestion&, const CriticalQuestion&) = default;
};

/// An argumentation scheme.
struct Scheme {
  std::string name;                      ///< how case files name it ("expert-opinion")
  std::string title;                     ///< "Argument from expert opinion"
  std::string source;                    ///< where it comes from
  std::vector<std::string> premises;     ///< its premises, in words
  std::string conclusion;                ///< its conclusion, in words
  std::vector<CriticalQuestion> questions;
  /// The position of question `id` in `questions`, if it has one.
  [[nodiscard]] std::optional<std::size_t> find_question(std::string_view id) const noexcept;
  friend bool operator==(const Scheme&, const Scheme&) = default;
};

/// The schemes a case may name, by name.
class SchemeLibrary {
 public:
  /// Adds `scheme` unless one of its name is there already (the first of a
  /// name is the one used); returns whether it was added.
  bool add(Scheme scheme);
  /// The scheme named `name`, or null.
  [[nodiscard]] const Scheme* find(std::string_view name) const noexcept;
  /// Every scheme, in the order added.
  [[nodiscard]] std::span<const Scheme> schemes() const noexcept { return schemes_; }
  /// Every name, in the order added.
  [[nodiscard]] std::vector<std::string_view> names() const;
  [[nodiscard]] bool empty() const noexcept { return schemes_.empty(); }

 private:
  std::vector<Scheme> schemes_;
};

}  // namespace claimgraph
