#pragma once
// What serve and watch share: they follow a case file from save to save,
// carry on past a save that cannot be read, and stop cleanly on Ctrl-C.
//
// The file is watched by polling its identity, size and modification time
// (stat) every ~200 ms rather than with inotify: it is portable, and it
// follows editors that save by writing a new file and renaming it over the
// old one, or by deleting and recreating it, as well as those that write in
// place. A change is reported once the file has held still for one poll, so
// that a save caught half-written is normally read whole; one read
// half-written anyway shows its error, and the next poll sees the rest.

#include <chrono>
#include <exception>
#include <string>
#include <vector>

namespace claimgraph::cli {

/// Tells when a file has changed.
class FileWatch {
 public:
  /// Watches `path` from now on.
  explicit FileWatch(std::string path);
  /// Whether the file changed (appeared, vanished, or was written or
  /// replaced) since the last change reported, and has since held still
  /// for one call. Call it every poll.
  [[nodiscard]] bool changed();

  /// How often to call changed().
  static constexpr std::chrono::milliseconds interval{200};

 private:
  struct Stamp {
    bool exists = false;
    unsigned long long device = 0, inode = 0, size = 0;
    long long seconds = 0, nanoseconds = 0, changed_seconds = 0, changed_nanoseconds = 0;
    bool operator==(const Stamp&) const = default;
  };
  [[nodiscard]] Stamp stamp() const;

  std::string path_;
  Stamp reported_;
  Stamp pending_;
  bool moving_ = false;
};

/// Catches SIGINT and SIGTERM so that the program stops cleanly instead of
/// dying: construct it first, before any thread starts (the signals are
/// blocked in every thread and taken by wait() alone).
class StopSignals {
 public:
  StopSignals();
  /// Waits up to `time` for SIGINT or SIGTERM; true when one came.
  [[nodiscard]] bool wait(std::chrono::milliseconds time);
};

/// One line of what went wrong, as the program prints it.
struct Problem {
  bool error = true;  ///< else a warning
  std::string text;
};

/// What main would print for the exception `e` before exiting: the
/// located diagnostics of a file that cannot be read, and the messages of
/// the other errors. For serve and watch, which carry on.
[[nodiscard]] std::vector<Problem> problems_of(const std::exception_ptr& e);

/// Prints `problems` on stderr.
void print(const std::vector<Problem>& problems);

}  // namespace claimgraph::cli
