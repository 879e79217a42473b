#include "claimgraph/io/lint_report.hpp"

#include <algorithm>
#include <cstddef>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "detail/json_members.hpp"
#include "detail/output.hpp"

namespace claimgraph::io {

namespace {

// Where a finding is written, then its code, then the order lint found it
// in: a total order, so that the findings shown are the same on every run.
struct Key {
  SourcePlace place;
  analysis::LintCode code;
  std::size_t index;
};

bool before(const Key& a, const Key& b) {
  return std::tie(a.place.line, a.place.column, a.code, a.index) <
         std::tie(b.place.line, b.place.column, b.code, b.index);
}

// Counts every finding and keeps the first `limit` of them in that order.
// Until `limit` are kept they are appended, noting whether they came in
// order (a rule finds most in node or edge order, which is mostly the
// file's); from then on they are a heap whose top is the last kept, so
// that a finding after it costs one comparison, and a case with a million
// findings holds `limit` of them.
class FirstFindings final : public analysis::LintSink {
 public:
  FirstFindings(const SourceMap& places, std::size_t limit) : places_(places), limit_(limit) {
    kept_.reserve(std::min<std::size_t>(limit, 1024));
  }

  void add(analysis::LintFinding finding) override {
    SourcePlace place;
    if (finding.node && *finding.node < places_.nodes.size()) place = places_.nodes[*finding.node];
    if (finding.edge && *finding.edge < places_.edges.size()) place = places_.edges[*finding.edge];
    Key key{place, finding.code, total_++};
    if (kept_.size() < limit_) {
      in_order_ = in_order_ && (kept_.empty() || before(kept_.back().first, key));
      kept_.push_back({key, std::move(finding)});
      if (kept_.size() == limit_) std::make_heap(kept_.begin(), kept_.end(), later);
    } else if (limit_ > 0 && before(key, kept_.front().first)) {
      std::pop_heap(kept_.begin(), kept_.end(), later);
      kept_.back() = {key, std::move(finding)};
      std::push_heap(kept_.begin(), kept_.end(), later);
    }
  }

  [[nodiscard]] std::size_t total() const { return total_; }
  /// The findings kept, first first.
  [[nodiscard]] std::vector<std::pair<Key, analysis::LintFinding>> first() && {
    if (kept_.size() == limit_) {
      std::sort_heap(kept_.begin(), kept_.end(), later);
    } else if (!in_order_) {
      std::sort(kept_.begin(), kept_.end(), later);
    }
    return std::move(kept_);
  }

 private:
  static bool later(const std::pair<Key, analysis::LintFinding>& a, const std::pair<Key, analysis::LintFinding>& b) {
    return before(a.first, b.first);
  }

  const SourceMap& places_;
  std::size_t limit_;
  std::size_t total_ = 0;
  bool in_order_ = true;  // whether the findings kept, fewer than `limit`, came in order
  std::vector<std::pair<Key, analysis::LintFinding>> kept_;
};

}  // namespace

struct LintInputRun::State {
  State(const ReadResult& in, std::string_view name, std::size_t most, Severity level)
      : input(in), file(name), limit(most), severity(level) {}
  const ReadResult& input;
  std::string file;
  std::size_t limit;
  Severity severity;
  analysis::LintOptions options;
  // One sink per rule, so that two rules may run at once; each numbers its
  // findings in the order found, which within one code is the order of one
  // thread (the key orders by code before that number).
  std::vector<std::unique_ptr<FirstFindings>> sinks;
  std::optional<analysis::LintRun> run;
};

LintInputRun::LintInputRun(const ReadResult& input, std::string_view file, std::size_t limit, Severity severity,
                           const SchemeLibrary* schemes, bool notes)
    : state_(std::make_unique<State>(input, file, limit, severity)) {
  State& s = *state_;
  s.options.schemes = schemes;
  s.options.notes = notes;
  const SourceMap& places = input.places;
  if (places.edge_id_written.size() == input.graph.edge_count()) s.options.edge_id_written = places.edge_id_written;
  for (std::size_t i = 0; i < analysis::lint_rules().size(); ++i) {
    s.sinks.push_back(std::make_unique<FirstFindings>(places, limit));
  }
  s.run.emplace(input.graph, s.options,
                [&s](analysis::LintCode code) -> analysis::LintSink& { return *s.sinks[static_cast<std::size_t>(code)]; });
}

LintInputRun::~LintInputRun() = default;

void LintInputRun::help() noexcept { state_->run->run(); }

LintSummary LintInputRun::finish(std::size_t threads) {
  State& s = *state_;
  s.run->finish();
  // Each rule's first findings are in order: merged, the first `limit`.
  using Kept = std::pair<Key, analysis::LintFinding>;
  std::vector<std::vector<Kept>> runs;
  LintSummary out;
  for (auto& sink : s.sinks) {
    out.total += sink->total();
    if (sink->total() > 0) runs.push_back(std::move(*sink).first());
  }
  std::vector<const Kept*> picked;
  picked.reserve(std::min(s.limit, out.total));
  std::vector<std::size_t> at(runs.size(), 0);
  while (picked.size() < s.limit) {
    std::size_t best = runs.size();
    for (std::size_t r = 0; r < runs.size(); ++r) {
      if (at[r] < runs[r].size() && (best == runs.size() || before(runs[r][at[r]].first, runs[best][at[best]].first))) {
        best = r;
      }
    }
    if (best == runs.size()) break;
    picked.push_back(&runs[best][at[best]++]);
  }
  // Each worded into its own place, so that threads share only what they read.
  out.first.resize(picked.size());
  const auto word = [&s, &picked, &out](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const auto& [key, f] = *picked[i];
      Location where{s.file, key.place.line, key.place.column, {}};
      if (f.node) where.pointer = s.input.places.node_pointer(*f.node);
      if (f.edge) where.pointer = s.input.places.edge_pointer(*f.edge);
      auto text = analysis::describe(s.input.graph, f);
      // Notes are a checklist, never an error.
      const Severity shown = analysis::lint_rule(f.code).note ? Severity::note : s.severity;
      out.first[i] = {f.code, Diagnostic{shown, std::move(where), std::move(text.message)}, std::move(text.fix)};
    }
  };
  constexpr std::size_t fewest_for_two = 4096;  // below, a thread costs more than it saves
  const std::size_t half = picked.size() / 2;
  std::exception_ptr failed;
  std::jthread second;
  if (threads > 1 && picked.size() >= fewest_for_two) {
    try {
      second = std::jthread([&word, &failed, half, n = picked.size()] {
        try {
          word(half, n);
        } catch (...) {
          failed = std::current_exception();
        }
      });
    } catch (const std::system_error&) {
      // No thread to be had: this one words them all.
    }
  }
  word(0, second.joinable() ? half : picked.size());
  if (second.joinable()) second.join();
  if (failed) std::rethrow_exception(failed);
  return out;
}

LintSummary lint_input_first(const ReadResult& input, std::string_view file, std::size_t limit,
                             Severity severity, const SchemeLibrary* schemes, bool notes) {
  return LintInputRun(input, file, limit, severity, schemes, notes).finish();
}

std::vector<LintDiagnostic> lint_input(const ReadResult& input, std::string_view file, Severity severity,
                                       const SchemeLibrary* schemes) {
  return lint_input_first(input, file, static_cast<std::size_t>(-1), severity, schemes).first;
}

std::string format(const LintDiagnostic& finding) {
  const auto& rule = analysis::lint_rule(finding.code);
  return finding.diagnostic.format() + " [" + std::string(rule.id) + " " + std::string(rule.name) + "]";
}

void write_lint_text(std::ostream& out, std::span<const LintDiagnostic> findings) {
  detail::OutputBuffer output(out);
  std::string& buf = output.text();
  for (const auto& f : findings) {
    buf.append(format(f)).append("\n  fix: ").append(f.fix).append("\n");
    output.flush_if_full();
  }
  const std::size_t n = findings.size();
  buf += n == 0 ? std::string("No findings.\n") : std::to_string(n) + (n == 1 ? " finding.\n" : " findings.\n");
  output.flush();
}

void write_lint_json(std::ostream& out, std::span<const LintDiagnostic> findings) {
  detail::OutputBuffer output(out);
  std::string& buf = output.text();
  buf += "{\n  \"findings\": [";
  bool first = true;
  for (const auto& f : findings) {
    output.flush_if_full();
    const auto& rule = analysis::lint_rule(f.code);
    const Location& where = f.diagnostic.where;
    buf += first ? "\n    {" : ",\n    {";
    first = false;
    detail::JsonMembers m(buf);
    m.string("code", rule.id).string("name", rule.name).string("severity", to_string(f.diagnostic.severity));
    m.string("file", where.file);
    m.raw("line", where.line > 0 ? std::to_string(where.line) : "null");
    m.raw("column", where.line > 0 ? std::to_string(where.column) : "null");
    m.string("pointer", where.pointer).string("message", f.diagnostic.message).string("fix", f.fix);
    buf += '}';
  }
  buf += first ? "]\n}\n" : "\n  ]\n}\n";
  output.flush();
}

}  // namespace claimgraph::io
