// Telling an AIF map from a claimgraph case file by their first tokens
// (io::looks_like_aif), so that `--from` can be left out for either.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "claimgraph/io/aif_reader.hpp"
#include "detail/json_parser.hpp"
#include "detail/text.hpp"

namespace claimgraph::io {

namespace aif {
namespace {

// Reads JSON events until the first one that tells.
class Sniffer {
 public:
  explicit Sniffer(std::size_t max_depth) : max_depth_(max_depth) {}

  enum class Verdict : std::uint8_t { unknown, aif, case_file };
  Verdict verdict = Verdict::unknown;

  bool null(std::size_t) { return scalar(false); }
  bool boolean(bool, std::size_t) { return scalar(false); }
  bool number(std::string_view, std::size_t) { return scalar(true); }
  bool string(std::string_view, std::size_t) { return scalar(false); }
  bool key(std::string_view k, std::size_t) {
    if (depth_ == 1) {
      top_key_.assign(k);
      if (k == "AIF" || k == "locutions") return decide(Verdict::aif);
    } else if (depth_ == 3 && first_element_ && (in_ == In::nodes || in_ == In::edges)) {
      if (in_ == In::nodes && k == "nodeID") return decide(Verdict::aif);
      if (in_ == In::nodes && k == "id") return decide(Verdict::case_file);
      if (in_ == In::edges && (k == "fromID" || k == "toID")) return decide(Verdict::aif);
      if (in_ == In::edges && (k == "from" || k == "to")) return decide(Verdict::case_file);
    }
    return true;
  }
  bool start_object(std::size_t) { return open(false); }
  bool start_array(std::size_t) { return open(true); }
  bool end_object(std::size_t) { return close(); }
  bool end_array(std::size_t) { return close(); }

 private:
  enum class In : std::uint8_t { other, nodes, edges };

  bool decide(Verdict v) {
    verdict = v;
    return false;  // stop reading
  }
  bool scalar(bool is_number) {
    // "claimgraph": 1 at the top is a case file's version.
    if (depth_ == 1 && top_key_ == "claimgraph" && is_number) return decide(Verdict::case_file);
    return true;
  }
  bool open(bool array) {
    if (depth_ == 0 && array) return decide(Verdict::case_file);  // neither; let the case-file reader say so
    if (++depth_ > max_depth_) return false;
    if (depth_ == 2 && array) {
      in_ = top_key_ == "nodes" ? In::nodes : top_key_ == "edges" ? In::edges : In::other;
      first_element_ = true;
    }
    return true;
  }
  bool close() {
    if (depth_ == 3) first_element_ = false;  // only the first node or edge is looked at
    if (depth_ == 2) in_ = In::other;
    --depth_;
    return true;
  }

  std::size_t max_depth_;
  std::size_t depth_ = 0;
  std::string top_key_;
  In in_ = In::other;
  bool first_element_ = false;
};

}  // namespace
}  // namespace aif

bool looks_like_aif(std::string_view text, std::size_t max_depth) {
  text = detail::without_bom(text);
  aif::Sniffer sniffer(max_depth);
  detail::JsonParser<aif::Sniffer> parser(text, sniffer);
  (void)parser.parse();
  return sniffer.verdict == aif::Sniffer::Verdict::aif;
}

}  // namespace claimgraph::io
