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
    const __m128i vc = _mm_set1_epi8(c), zero = _mm_setzero_si128();
    while (end - p >= 16) {
        // per-lane counters of up to 255 blocks, then summed
        __m128i counts = zero;
        for (int blocks = 0; blocks < 255 && end - p >= 16; ++blocks, p += 16)
            counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), vc));
        __m128i sums = _mm_sad_epu8(counts, zero);
        n += static_cast<std::size_t>(_mm_cvtsi128_si64(sums)) + static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
    }
#endif
    for (; p < end; ++p) n += *p == c;
    return n;
}

}  // namespace shall
