#include "file_watch.hpp"

#include <signal.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <cerrno>
#include <new>
#include <utility>

#include "claimgraph/error.hpp"
#include "common.hpp"

namespace claimgraph::cli {

FileWatch::FileWatch(std::string path) : path_(std::move(path)), reported_(stamp()), pending_(reported_) {}

FileWatch::Stamp FileWatch::stamp() const {
  struct stat st {};
  Stamp s;
  if (::stat(path_.c_str(), &st) != 0) return s;
  s.exists = true;
  s.device = static_cast<unsigned long long>(st.st_dev);
  s.inode = static_cast<unsigned long long>(st.st_ino);
  s.size = static_cast<unsigned long long>(st.st_size);
  s.seconds = static_cast<long long>(st.st_mtim.tv_sec);
  s.nanoseconds = static_cast<long long>(st.st_mtim.tv_nsec);
  s.changed_seconds = static_cast<long long>(st.st_ctim.tv_sec);
  s.changed_nanoseconds = static_cast<long long>(st.st_ctim.tv_nsec);
  return s;
}

bool FileWatch::changed() {
  const Stamp now = stamp();
  if (now != pending_) {
    // Still being written (or just saved): wait for it to hold still.
    pending_ = now;
    moving_ = now != reported_;
    return false;
  }
  if (!moving_) return false;
  moving_ = false;
  reported_ = now;
  return true;
}

namespace {
sigset_t stop_set() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}
}  // namespace

StopSignals::StopSignals() {
  const sigset_t set = stop_set();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  // A reader who closes the page mid-answer must not end the server.
  ::signal(SIGPIPE, SIG_IGN);
}

bool StopSignals::wait(std::chrono::milliseconds time) {
  const sigset_t set = stop_set();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(time);
  timespec timeout{};
  timeout.tv_sec = static_cast<time_t>(seconds.count());
  timeout.tv_nsec = static_cast<long>(std::chrono::nanoseconds(time - seconds).count());
  for (;;) {
    const int got = ::sigtimedwait(&set, nullptr, &timeout);
    if (got == SIGINT || got == SIGTERM) return true;
    if (got < 0 && errno == EINTR) continue;  // another signal: the poll is only a little shorter
    return false;
  }
}

std::vector<Problem> problems_of(const std::exception_ptr& e) {
  // The messages main prints (tools/claimgraph/main.cpp), for the loops that carry on.
  try {
    std::rethrow_exception(e);
  } catch (const InputError& error) {
    std::vector<Problem> out;
    for (const auto& d : error.diagnostics()) out.push_back({d.severity != Severity::warning, describe(d)});
    return out;
  } catch (const IoError& error) {
    return {{true, error.what() + (error.limit() ? limit_hint(*error.limit()) : std::string())}};
  } catch (const Error& error) {
    return {{true, "claimgraph: error: " + std::string(error.what()) +
                       (error.limit() ? limit_hint(*error.limit()) : std::string())}};
  } catch (const UsageError& error) {
    return {{true, "claimgraph: error: " + std::string(error.what())}};
  } catch (const OutputError& error) {
    return {{true, error.what()}};
  } catch (const std::bad_alloc&) {
    return {{true, "claimgraph: error: out of memory"}};
  } catch (const std::exception& error) {
    return {{true, "claimgraph: internal error: " + std::string(error.what())}};
  }
}

void print(const std::vector<Problem>& problems) {
  for (const auto& p : problems) {
    if (p.error) {
      spdlog::error("{}", p.text);
    } else {
      spdlog::warn("{}", p.text);
    }
  }
}

}  // namespace claimgraph::cli
