// Numbers as the writers print them: append_number() is the shortest text
// that reads back as the same double, the text std::to_chars gives, for the
// round numbers it takes from a table and for every other.

#include "detail/number.hpp"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace claimgraph::detail {
namespace {

std::string shortest(double value) {
  char text[64];
  const auto [end, ec] = std::to_chars(text, text + sizeof text, value);
  return ec == std::errc() ? std::string(text, end) : std::string();
}

std::string appended(double value) {
  std::string out = "x";  // appended to what is there
  append_number(out, value);
  return out.substr(1);
}

TEST(NumberTest, RoundNumbersAreWrittenAsToCharsWritesThem) {
  std::vector<double> values;
  for (int k = -20; k < 200; ++k) values.push_back(k / 16.0);
  for (int k = 0; k < 1000; ++k) values.push_back(k / 100.0);   // 0.1 and the like are not sixteenths
  for (int k = 0; k < 200; ++k) values.push_back(k / 1024.0);   // finer than sixteenths
  for (const double v : {0.0, -0.0, 1.0, 0.5, 9.9375, 10.0, 16.0, 100000.0, 1e-7, 1e16, 0.49999999853389454,
                         std::nextafter(1.0, 0.0), std::nextafter(0.5, 1.0), std::nextafter(10.0, 0.0),
                         std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::max(),
                         std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()}) {
    values.push_back(v);
  }
  for (const double v : values) EXPECT_EQ(appended(v), shortest(v)) << v;
  EXPECT_EQ(appended(0.0), "0");
  EXPECT_EQ(appended(-0.0), "-0");
  EXPECT_EQ(appended(1.0), "1");
  EXPECT_EQ(appended(0.5), "0.5");
  EXPECT_EQ(appended(9.9375), "9.9375");
}

TEST(NumberTest, AnyDoubleIsWrittenAsToCharsWritesIt) {
  std::mt19937_64 random(20261207);
  for (int i = 0; i < 200000; ++i) {
    std::uint64_t bits = random();
    double v = 0;
    std::memcpy(&v, &bits, sizeof v);
    if (std::isnan(v)) continue;  // to_chars writes a NaN's sign and payload its own way: not compared
    ASSERT_EQ(appended(v), shortest(v)) << bits;
    const double unit = static_cast<double>(random() % 100000) / 10000.0;  // [0, 10), four decimals
    ASSERT_EQ(appended(unit), shortest(unit)) << unit;
  }
}

}  // namespace
}  // namespace claimgraph::detail
