#include "claimgraph/scheme.hpp"

#include <algorithm>

namespace claimgraph {

std::string_view to_string(QuestionType type) noexcept {
  return type == QuestionType::assumption ? "assumption" : "exception";
}

std::optional<QuestionType> parse_question_type(std::string_view text) noexcept {
  if (text == "assumption") return QuestionType::assumption;
  if (text == "exception") return QuestionType::exception;
  return std::nullopt;
}

std::optional<std::size_t> Scheme::find_question(std::string_view id) const noexcept {
  for (std::size_t i = 0; i < questions.size(); ++i) {
    if (questions[i].id == id) return i;
  }
  return std::nullopt;
}

bool SchemeLibrary::add(Scheme scheme) {
  if (find(scheme.name) != nullptr) return false;
  schemes_.push_back(std::move(scheme));
  return true;
}

const Scheme* SchemeLibrary::find(std::string_view name) const noexcept {
  const auto it = std::find_if(schemes_.begin(), schemes_.end(), [&](const Scheme& s) { return s.name == name; });
  return it == schemes_.end() ? nullptr : &*it;
}

std::vector<std::string_view> SchemeLibrary::names() const {
  std::vector<std::string_view> out;
  out.reserve(schemes_.size());
  for (const auto& s : schemes_) out.emplace_back(s.name);
  return out;
}

}  // namespace claimgraph
