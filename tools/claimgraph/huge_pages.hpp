#pragma once
// Big cases allocate hundreds of megabytes in many small pieces: a million
// nodes take about a gigabyte. With 4 kB pages most of the time then goes to
// page faults and TLB misses. glibc's malloc can ask the kernel for
// transparent huge pages (the tunable glibc.malloc.hugetlb=1), which halves
// the time of a million-node export on Debian's default kernel settings
// (THP on madvise); tunables are read only when a program starts, so the
// program sets the tunable and starts itself again, once, before it does
// anything else.
//
// It sets glibc.malloc.mmap_max=0 beside it (unless GLIBC_TUNABLES names
// that tunable already): malloc then takes every block from its heap and
// keeps a freed one there for the next. Otherwise it maps each block above
// a threshold (128 kB at first, raised to the largest block it has freed,
// up to 32 MB; every block past 32 MB) on its own and unmaps it when it is
// freed, so that a block asked for after another was freed comes as new
// pages, which the kernel zeroes. A million-node export had the kernel
// zero 1,016 MB of huge pages so, and 700 MB with the heap kept. A long
// run (serve, watch) then keeps what it freed for its next reading rather
// than giving it back.
//
// It does so only when an argument names a case of 2 MiB or more, or is "-"
// for a standard input that is a pipe or a file of that size: below that,
// starting again costs more than huge pages save. Nor when the tunable is
// already given (GLIBC_TUNABLES naming glibc.malloc.hugetlb, with any value:
// glibc.malloc.hugetlb=0 turns this off), when the kernel has no transparent
// huge pages, or when LD_PRELOAD is set (valgrind, or another malloc, runs
// the program: this one must not leave it), nor in a build with a sanitizer,
// whose own malloc the tunable does not reach. When starting again fails the
// program runs on as it is.

namespace claimgraph::cli {

/// Starts the program again with glibc.malloc.hugetlb=1 (and
/// glibc.malloc.mmap_max=0) when that helps (see above); returns when it
/// does not. Call first in main, with main's argv.
void use_huge_pages(char** argv) noexcept;

/// Whether malloc uses transparent huge pages: GLIBC_TUNABLES sets
/// glibc.malloc.hugetlb=1 (for -v to say so).
[[nodiscard]] bool on_huge_pages() noexcept;
/// Whether malloc keeps freed blocks in its heap: GLIBC_TUNABLES sets
/// glibc.malloc.mmap_max=0.
[[nodiscard]] bool reuses_freed_memory() noexcept;

}  // namespace claimgraph::cli
