#include "claimgraph/io/scheme_report.hpp"

#include <string>

#include "detail/escape.hpp"
#include "detail/json_members.hpp"
#include "detail/text.hpp"

namespace claimgraph::io {

using detail::plain;

void write_schemes_text(std::ostream& out, const SchemeLibrary& schemes) {
  std::string buf;
  for (const Scheme& s : schemes.schemes()) {
    buf += plain(s.name) + " — " + plain(s.title) + "\n";
    buf += "  source: " + plain(s.source) + "\n";
    for (const auto& p : s.premises) buf += "  premise: " + plain(p) + "\n";
    if (!s.conclusion.empty()) buf += "  conclusion: " + plain(s.conclusion) + "\n";
    buf += "  critical questions:\n";
    for (const auto& q : s.questions) {
      buf += "    " + plain(q.id) + " (" + std::string(to_string(q.type));
      if (!q.rule.empty()) buf += ", " + plain(q.rule);
      buf += "): " + plain(q.text) + "\n";
    }
    buf += "\n";
  }
  buf += std::to_string(schemes.schemes().size()) + " schemes. An assumption holds until an undercut names it, then "
         "needs an answer; an exception defeats the inference once what names it stands, unless it is answered.\n";
  out << buf;
}

void write_schemes_json(std::ostream& out, const SchemeLibrary& schemes) {
  std::string buf = "{\"schemes\": [";
  bool first = true;
  for (const Scheme& s : schemes.schemes()) {
    buf += first ? "\n  {" : ",\n  {";
    first = false;
    detail::JsonMembers m(buf);
    m.string("name", s.name).string("title", s.title).string("source", s.source).strings("premises", s.premises);
    m.string("conclusion", s.conclusion).key("questions");
    buf += '[';
    for (std::size_t i = 0; i < s.questions.size(); ++i) {
      const auto& q = s.questions[i];
      buf += i > 0 ? ", {" : "{";
      detail::JsonMembers mq(buf);
      mq.string("id", q.id).string("type", to_string(q.type)).string("question", q.text);
      if (!q.rule.empty()) mq.string("rule", q.rule);
      buf += '}';
    }
    buf += "]}";
  }
  buf += first ? "]}\n" : "\n]}\n";
  out << buf;
}

}  // namespace claimgraph::io
