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

#include "detail/chunks_in_order.hpp"
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

using Kept = std::pair<Key, analysis::LintFinding>;

}  // namespace

struct PlacedFindings::Data {
  Data(const ReadResult& in, std::string name, Severity level) : input(in), file(std::move(name)), severity(level) {}
  const ReadResult& input;
  std::string file;
  Severity severity;
  std::vector<std::vector<Kept>> runs;  // each rule's first findings, in order
  std::vector<const Kept*> picked;      // the first of them all, in order
  std::size_t total = 0;
};

PlacedFindings::PlacedFindings(std::unique_ptr<Data> data) : data_(std::move(data)) {}
PlacedFindings::PlacedFindings(PlacedFindings&&) noexcept = default;
PlacedFindings& PlacedFindings::operator=(PlacedFindings&&) noexcept = default;
PlacedFindings::~PlacedFindings() = default;

std::size_t PlacedFindings::size() const noexcept { return data_->picked.size(); }

std::size_t PlacedFindings::total() const noexcept { return data_->total; }

LintDiagnostic PlacedFindings::at(std::size_t i) const {
  const Data& d = *data_;
  const auto& [key, f] = *d.picked.at(i);
  Location where{d.file, key.place.line, key.place.column, {}};
  if (f.node) where.pointer = d.input.places.node_pointer(*f.node);
  if (f.edge) where.pointer = d.input.places.edge_pointer(*f.edge);
  auto text = analysis::describe(d.input.graph, f);
  // Notes are a checklist, never an error.
  const Severity shown = analysis::lint_rule(f.code).note ? Severity::note : d.severity;
  return {f.code, Diagnostic{shown, std::move(where), std::move(text.message)}, std::move(text.fix)};
}

bool PlacedFindings::beyond_notes() const noexcept {
  return std::any_of(data_->picked.begin(), data_->picked.end(),
                     [](const Kept* k) { return !analysis::lint_rule(k->second.code).note; });
}

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

PlacedFindings LintInputRun::finish_placed() {
  State& s = *state_;
  s.run->finish();
  // Each rule's first findings are in order: merged, the first `limit`.
  auto data = std::make_unique<PlacedFindings::Data>(s.input, s.file, s.severity);
  auto& runs = data->runs;
  auto& picked = data->picked;
  for (auto& sink : s.sinks) {
    data->total += sink->total();
    if (sink->total() > 0) runs.push_back(std::move(*sink).first());
  }
  picked.reserve(std::min(s.limit, data->total));
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
  return PlacedFindings(std::move(data));
}

LintSummary LintInputRun::finish(std::size_t threads) {
  const PlacedFindings placed = finish_placed();
  LintSummary out;
  out.total = placed.total();
  // Each worded into its own place, so that threads share only what they read.
  out.first.resize(placed.size());
  const auto word = [&placed, &out](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) out.first[i] = placed.at(i);
  };
  constexpr std::size_t fewest_for_two = 4096;  // below, a thread costs more than it saves
  const std::size_t half = placed.size() / 2;
  std::exception_ptr failed;
  std::jthread second;
  if (threads > 1 && placed.size() >= fewest_for_two) {
    try {
      second = std::jthread([&word, &failed, half, n = placed.size()] {
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
  word(0, second.joinable() ? half : placed.size());
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

namespace {

// A finding as write_lint_text() writes it: its line, then its fix.
void append_text(std::string& buf, const LintDiagnostic& f) {
  buf.append(format(f)).append("\n  fix: ").append(f.fix).append("\n");
}

std::string text_summary(std::size_t n) {
  return n == 0 ? std::string("No findings.\n") : std::to_string(n) + (n == 1 ? " finding.\n" : " findings.\n");
}

// The i-th finding as write_lint_json() writes it, with the comma and line
// break before it.
void append_json(std::string& buf, const LintDiagnostic& f, std::size_t i) {
  const auto& rule = analysis::lint_rule(f.code);
  const Location& where = f.diagnostic.where;
  buf += i == 0 ? "\n    {" : ",\n    {";
  detail::JsonMembers m(buf);
  m.string("code", rule.id).string("name", rule.name).string("severity", to_string(f.diagnostic.severity));
  m.string("file", where.file);
  m.raw("line", where.line > 0 ? std::to_string(where.line) : "null");
  m.raw("column", where.line > 0 ? std::to_string(where.column) : "null");
  m.string("pointer", where.pointer).string("message", f.diagnostic.message).string("fix", f.fix);
  buf += '}';
}

constexpr std::string_view json_start = "{\n  \"findings\": [";
std::string_view json_end(std::size_t n) { return n == 0 ? "]\n}\n" : "\n  ]\n}\n"; }

// Placed findings worded and appended a chunk at a time, the chunks on up
// to two threads and written in order.
template <class Append>
void write_placed(detail::OutputBuffer& output, const PlacedFindings& findings, std::size_t threads,
                  const Append& append) {
  constexpr std::size_t a_chunk = 1024;
  const std::size_t n = findings.size();
  const std::size_t chunks = (n + a_chunk - 1) / a_chunk;
  detail::write_chunks_in_order(output, chunks, n >= detail::lines_for_two_threads ? threads : 1,
                                [&](std::size_t k, std::string& text) {
                                  for (std::size_t i = k * a_chunk; i < std::min(n, (k + 1) * a_chunk); ++i) {
                                    append(text, findings.at(i), i);
                                  }
                                });
}

}  // namespace

void write_lint_text(std::ostream& out, std::span<const LintDiagnostic> findings) {
  detail::OutputBuffer output(out);
  for (const auto& f : findings) {
    append_text(output.text(), f);
    output.flush_if_full();
  }
  output.text() += text_summary(findings.size());
  output.flush();
}

void write_lint_text(std::ostream& out, const PlacedFindings& findings, std::size_t threads) {
  detail::OutputBuffer output(out);
  write_placed(output, findings, threads,
               [](std::string& text, const LintDiagnostic& f, std::size_t) { append_text(text, f); });
  output.text() += text_summary(findings.size());
  output.flush();
}

void write_lint_json(std::ostream& out, std::span<const LintDiagnostic> findings) {
  detail::OutputBuffer output(out);
  output.text() += json_start;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    output.flush_if_full();
    append_json(output.text(), findings[i], i);
  }
  output.text() += json_end(findings.size());
  output.flush();
}

void write_lint_json(std::ostream& out, const PlacedFindings& findings, std::size_t threads) {
  detail::OutputBuffer output(out);
  output.text() += json_start;
  write_placed(output, findings, threads, append_json);
  output.text() += json_end(findings.size());
  output.flush();
}

}  // namespace claimgraph::io
