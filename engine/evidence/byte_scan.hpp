#pragma once
// Byte scans for the CSV reader's hot loops, 16 bytes at a time with SSE2 (every x86-64 has
// it), byte by byte elsewhere.
#include <cstddef>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace shall {

// The first byte in [p, end) equal to a or b, or end.
inline const char* find_either(const char* p, const char* end, char a, char b) {
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);
    for (; end - p >= 16; p += 16) {
        __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        int mask = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(block, va), _mm_cmpeq_epi8(block, vb)));
        if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
    }
#endif
    for (; p < end; ++p)
        if (*p == a || *p == b) return p;
    return end;
}

// How many bytes in [p, end) equal c.
inline std::size_t count_byte(const char* p, const char* end, char c) {
    std::size_t n = 0;
#if defined(__SSE2__)
    const __m128i vc = _mm_set1_epi8(c);
    for (; end - p >= 16; p += 16) {
        __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        n += static_cast<std::size_t>(__builtin_popcount(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, vc)))));
    }
#endif
    for (; p < end; ++p) n += *p == c;
    return n;
}

}  // namespace shall
