#pragma once
// Citations for tests, field by field, in any order and with any subset of
// the fields: cite({{"exhibit", "PX-1"}, {"date", "2021-02"}}).

#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "claimgraph/graph.hpp"

namespace claimgraph::test {

inline Citation cite(std::initializer_list<std::pair<std::string_view, std::string>> fields, Attributes extra = {}) {
  Citation c;
  for (const auto& [key, value] : fields) {
    std::optional<std::string>* member = key == "document"    ? &c.document
                                         : key == "exhibit"   ? &c.exhibit
                                         : key == "bates"     ? &c.bates
                                         : key == "pin"       ? &c.pin
                                         : key == "date"      ? &c.date
                                         : key == "quote"     ? &c.quote
                                         : key == "authority" ? &c.authority
                                         : key == "url"       ? &c.url
                                                              : nullptr;
    if (member == nullptr) throw std::invalid_argument("no citation field " + std::string(key));
    *member = value;
  }
  c.extra = std::move(extra);
  return c;
}

}  // namespace claimgraph::test
