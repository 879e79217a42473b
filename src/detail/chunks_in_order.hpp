#pragma once
// Text made of numbered chunks, written in their order, rendered on one
// thread or two. A writer whose output is mostly independent pieces (a
// DOT node's lines, an edge's line) cuts it into chunks. With two threads
// both render: each claims the next chunk no one has claimed. The first
// thread also writes the chunks out in order: a chunk it claims when it is
// the next to write goes straight into the output; one the other thread
// has it takes once there, and while it is not, it renders chunks further
// on and holds their text. So the output is the same byte for byte on one
// thread or two, and the text held at once stays near `held` bytes (then
// rendering ahead waits for the writing).

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "detail/output.hpp"

namespace claimgraph::detail {

/// The fewest lines of output (nodes and edges) for which a writer's second
/// thread pays for itself; below, writers pass one thread.
inline constexpr std::size_t lines_for_two_threads = 8192;

/// Appends chunks 0 .. count-1 to `output` in order, `render(k, text)`
/// appending chunk k to `text`; flushes the output between chunks. With
/// `threads` above 1, a second thread renders chunks too: `render` must then
/// only read what it shares. What `render` throws is thrown here, from
/// whichever thread rendered the chunk.
template <class Render>
void write_chunks_in_order(OutputBuffer& output, std::size_t count, std::size_t threads, const Render& render,
                           std::size_t held = std::size_t{16} << 20) {
  if (threads < 2 || count < 2) {
    for (std::size_t k = 0; k < count; ++k) {
      render(k, output.text());
      output.flush_if_full();
    }
    return;
  }
  struct Shared {
    explicit Shared(std::size_t n) : text(n), ready(n, 0) {}
    std::atomic<std::size_t> next{0};  // the first chunk no one has claimed
    std::mutex mutex;                   // guards the rest
    std::condition_variable changed;
    std::vector<std::string> text;   // per chunk rendered ahead: its text, until written
    std::vector<char> ready;         // per chunk: its text is there
    std::vector<std::string> spare;  // texts written, emptied, to be filled again (their pages are there)
    std::size_t held = 0;            // bytes of text rendered ahead, not yet written
    bool stop = false;               // the first thread is done, or failed
    std::exception_ptr error;        // what the second thread met
  } shared(count);
  // Claims the next chunk and renders it ahead; false when all are claimed.
  const auto ahead = [&shared, &render, count] {
    std::string text;
    {
      const std::lock_guard lock(shared.mutex);
      if (!shared.spare.empty()) {
        text = std::move(shared.spare.back());
        shared.spare.pop_back();
      }
    }
    const std::size_t k = shared.next.fetch_add(1);
    if (k >= count) return false;
    render(k, text);
    {
      const std::lock_guard lock(shared.mutex);
      shared.held += text.size();
      shared.text[k] = std::move(text);
      shared.ready[k] = 1;
    }
    shared.changed.notify_all();
    return true;
  };
  const auto second = [&shared, &ahead, held] {
    try {
      for (;;) {
        {
          std::unique_lock lock(shared.mutex);
          shared.changed.wait(lock, [&] { return shared.stop || shared.held < held; });
          if (shared.stop) return;
        }
        if (!ahead()) return;
      }
    } catch (...) {
      {
        const std::lock_guard lock(shared.mutex);
        shared.error = std::current_exception();
      }
      shared.changed.notify_all();
    }
  };
  std::jthread helper;
  try {
    helper = std::jthread(second);
  } catch (...) {  // no thread to be had: this one renders every chunk, each in its turn
  }
  // Stops the second thread on any exit, before `helper` joins it.
  struct Stop {
    explicit Stop(Shared& s) : shared(s) {}
    Stop(const Stop&) = delete;
    Stop& operator=(const Stop&) = delete;
    ~Stop() {
      {
        const std::lock_guard lock(shared.mutex);
        shared.stop = true;
      }
      shared.changed.notify_all();
    }
    Shared& shared;
  } stop(shared);
  for (std::size_t k = 0; k < count; ++k) {
    std::size_t unclaimed = k;
    if (shared.next.compare_exchange_strong(unclaimed, k + 1)) {
      render(k, output.text());
      output.flush_if_full();
      continue;
    }
    std::string text;  // chunk k, rendered ahead
    {
      std::unique_lock lock(shared.mutex);
      while (shared.ready[k] == 0) {
        if (shared.error != nullptr) std::rethrow_exception(shared.error);
        if (shared.held < held && shared.next.load() < count) {
          lock.unlock();
          (void)ahead();
          lock.lock();
        } else {
          shared.changed.wait(lock);
        }
      }
      text = std::move(shared.text[k]);
    }
    output.write(text);
    const std::size_t size = text.size();
    text.clear();
    {
      const std::lock_guard lock(shared.mutex);
      shared.held -= size;
      shared.spare.push_back(std::move(text));
    }
    shared.changed.notify_all();
  }
}

}  // namespace claimgraph::detail
