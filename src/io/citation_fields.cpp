#include "io/citation_fields.hpp"

#include "claimgraph/citation.hpp"
#include "detail/text.hpp"

namespace claimgraph::io {

std::optional<std::string> citation_value_problem(const CaseField& field, std::string_view value) {
  std::string why;
  bool ok = true;
  switch (field.text) {
    case TextRule::not_blank:
      if (detail::only_whitespace(value)) {
        why = "must not be blank";
        ok = false;
      }
      break;
    case TextRule::bates: ok = parse_bates(value, why).has_value(); break;
    case TextRule::date: ok = parse_date(value, why).has_value(); break;
    case TextRule::url: ok = check_url(value, why); break;
    case TextRule::any:
    case TextRule::non_empty:
    case TextRule::identifier:
    case TextRule::reference: break;
  }
  if (ok) return std::nullopt;
  std::string message(field.what());
  message += ' ';
  message += detail::shown(value);
  message += ' ';
  message += why;
  return message;
}

std::optional<std::string>* citation_member(Citation& c, FieldKey key) noexcept {
  switch (key) {
    case FieldKey::cite_document: return &c.document;
    case FieldKey::cite_exhibit: return &c.exhibit;
    case FieldKey::cite_bates: return &c.bates;
    case FieldKey::cite_pin: return &c.pin;
    case FieldKey::cite_date: return &c.date;
    case FieldKey::cite_quote: return &c.quote;
    case FieldKey::cite_authority: return &c.authority;
    case FieldKey::cite_url: return &c.url;
    default: return nullptr;
  }
}

bool names_what_it_cites(const Citation& c) noexcept {
  return c.document || c.exhibit || c.bates || c.authority || c.url;
}

}  // namespace claimgraph::io
