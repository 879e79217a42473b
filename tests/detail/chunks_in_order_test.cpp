// Chunks of text rendered on one thread or two and written in order.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "detail/chunks_in_order.hpp"
#include "detail/output.hpp"

namespace claimgraph::detail {
namespace {

// Chunk k: its number and a run of letters whose length varies with k (up
// to some 70 kB, so that rendering ahead meets the cap on held text).
void chunk(std::size_t k, std::string& text) {
  text += '<' + std::to_string(k) + '>';
  text.append((k * 7919) % 70'000, static_cast<char>('a' + k % 26));
}

std::string written(std::size_t count, std::size_t threads, std::size_t held) {
  std::ostringstream out;
  OutputBuffer output(out);
  write_chunks_in_order(output, count, threads, chunk, held);
  output.flush();
  return out.str();
}

TEST(ChunksInOrderTest, TwoThreadsWriteWhatOneWrites) {
  for (const std::size_t count : {0UL, 1UL, 2UL, 3UL, 17UL, 500UL}) {
    SCOPED_TRACE(count);
    std::string want;
    for (std::size_t k = 0; k < count; ++k) chunk(k, want);
    EXPECT_EQ(written(count, 1, std::size_t{16} << 20), want);
    // Held text capped at a chunk's size, at a little, and at plenty.
    for (const std::size_t held : {std::size_t{1}, std::size_t{100'000}, std::size_t{16} << 20}) {
      const std::string got = written(count, 2, held);
      EXPECT_TRUE(got == want) << "held " << held << ": " << got.size() << " bytes where " << want.size()
                               << " were expected";
    }
  }
}

TEST(ChunksInOrderTest, BothThreadsRenderAndNoChunkTwice) {
  // Chunks that take a while each, so that both threads get some; each
  // counted as rendered, and the thread that rendered it noted.
  constexpr std::size_t count = 64;
  std::atomic<int> rendered[count] = {};
  std::atomic<std::size_t> by_first{0};
  const std::thread::id first = std::this_thread::get_id();
  std::ostringstream out;
  OutputBuffer output(out);
  write_chunks_in_order(output, count, 2, [&](std::size_t k, std::string& text) {
    ++rendered[k];
    if (std::this_thread::get_id() == first) ++by_first;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    text += std::to_string(k) + ' ';
  });
  output.flush();
  std::string want;
  for (std::size_t k = 0; k < count; ++k) want += std::to_string(k) + ' ';
  EXPECT_EQ(out.str(), want);
  for (std::size_t k = 0; k < count; ++k) EXPECT_EQ(rendered[k].load(), 1) << k;
  EXPECT_GT(by_first.load(), 0U);
  EXPECT_LT(by_first.load(), count);
}

TEST(ChunksInOrderTest, WhatAChunkThrowsIsThrownOnWhicheverThreadItWasRendered) {
  for (const std::size_t bad : {0UL, 1UL, 5UL, 39UL}) {
    SCOPED_TRACE(bad);
    std::ostringstream out;
    OutputBuffer output(out);
    const auto render = [bad](std::size_t k, std::string& text) {
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      if (k == bad) throw std::runtime_error("chunk " + std::to_string(k));
      text += 'x';
    };
    try {
      write_chunks_in_order(output, 40, 2, render);
      ADD_FAILURE() << "nothing thrown";
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(std::string(e.what()), "chunk " + std::to_string(bad));
    }
  }
}

}  // namespace
}  // namespace claimgraph::detail
