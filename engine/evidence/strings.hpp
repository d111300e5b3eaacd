#pragma once
// Interned strings: each distinct text is stored once and named by a 32-bit id.
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "big_pages.hpp"
#include "text_slot.hpp"

namespace shall {

class StringPool {
public:
    std::uint32_t intern(std::string_view s);
    // The same, with the text's hash_of() already known (e.g. from a TextInterner).
    std::uint32_t intern(std::string_view s, std::uint32_t hash);
    std::string_view view(std::uint32_t id) const {
        const std::uint64_t at = strings_[id];
        const auto size = static_cast<std::size_t>(at & field_mask);
        if (size == 0) return {};
        const std::size_t block = at >> block_shift;
        if (size == long_size) return {blocks_[block].get(), block_sizes_[block]};
        return {blocks_[block].get() + (at >> offset_shift & field_mask), size};
    }
    // Starts loading the slot where a text of this hash is looked for, so that interning many
    // known texts in a row overlaps their cache misses instead of waiting for each.
    void prefetch(std::uint32_t hash) const {
        if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
    }
    // Later steps of the same for a long text (a short one is compared in its slot): once the
    // slot is in the cache, the view of the text it probably holds; once that view is too, the
    // text itself.
    void prefetch_view(std::uint32_t hash) const {
        if (const Slot* s = first_long_slot(hash)) __builtin_prefetch(&strings_[s->id_plus_one - 1]);
    }
    void prefetch_text(std::uint32_t hash) const {
        if (const Slot* s = first_long_slot(hash)) __builtin_prefetch(view(s->id_plus_one - 1).data());
    }
    std::size_t size() const { return strings_.size(); }
    // A fast hash for short texts (ids, names): 8 bytes at a time, mixed so the low bits
    // that pick a slot depend on every byte. The last bytes are read as whole words that may
    // overlap the ones before: a word assembled byte by byte would stall the load that reads it.
    static std::uint32_t hash_of(std::string_view s) {
        std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
        const char* p = s.data();
        const std::size_t n = s.size();
        if (n >= 8) {
            std::size_t i = 0;
            for (; i + 8 < n; i += 8) h = mix(h ^ load(p + i, 8));
            h = mix(h ^ load(p + n - 8, 8));
        } else if (n >= 4) {
            h = mix(h ^ (load(p, 4) | load(p + n - 4, 4) << 32));
        } else if (n > 0) {
            const auto a = static_cast<unsigned char>(p[0]), b = static_cast<unsigned char>(p[n / 2]),
                       c = static_cast<unsigned char>(p[n - 1]);
            h = mix(h ^ (std::uint64_t{a} | std::uint64_t{b} << 8 | std::uint64_t{c} << 16));
        }
        h *= 0xff51afd7ed558ccdull;
        return static_cast<std::uint32_t>(h ^ (h >> 32));
    }
    // id of s when it was interned before; npos otherwise
    static constexpr std::uint32_t npos = 0xffffffffu;
    std::uint32_t find(std::string_view s) const;
    void reserve(std::size_t n);  // room for n strings without rehashing
    // a == b for the short texts of evidence, without a library call per comparison
    static bool same(std::string_view a, std::string_view b) {
        std::size_t n = a.size();
        if (n != b.size()) return false;
        const char *x = a.data(), *y = b.data();
        if (n >= 8) {
            for (std::size_t i = 0; i + 8 < n; i += 8)
                if (load(x + i, 8) != load(y + i, 8)) return false;
            return load(x + n - 8, 8) == load(y + n - 8, 8);
        }
        if (n >= 4) return load(x, 4) == load(y, 4) && load(x + n - 4, 4) == load(y + n - 4, 4);
        for (std::size_t i = 0; i < n; ++i)
            if (x[i] != y[i]) return false;
        return true;
    }

private:
    static std::uint64_t load(const char* p, std::size_t n) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, n);
        return w;
    }
    static std::uint64_t mix(std::uint64_t h) {
        h *= 0xbf58476d1ce4e5b9ull;
        return h ^ (h >> 31);
    }
    // open addressing (linear probing, load factor under 0.7) over TextSlots
    using Slot = TextSlot;
    std::uint32_t slot_hash(const Slot& s) const { return s.is_long() ? s.long_hash() : hash_of(s.short_text()); }
    std::uint32_t lookup(std::string_view s, std::uint32_t hash, std::size_t& slot) const;
    void rehash(std::size_t slots);
    // The texts, back to back in blocks of 1 MB that are never reallocated, so views stay valid;
    // a text of 2^20 - 1 bytes or more has a block of its own. A text is found by where it is, in 8 bytes:
    // block << 40 | offset << 20 | size, or with size long_size for a block of its own.
    static constexpr std::size_t block_bytes = std::size_t{1} << 20;
    static constexpr unsigned block_shift = 40, offset_shift = 20;
    static constexpr std::uint64_t field_mask = (std::uint64_t{1} << 20) - 1;
    static constexpr std::size_t long_size = field_mask;
    std::uint64_t store(std::string_view s);   // a copy that never moves
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::vector<std::size_t> block_sizes_;
    std::size_t block_used_ = 0;
    std::vector<std::uint64_t, BigPages<std::uint64_t>> strings_;   // [id]: where the text is
    std::vector<Slot, BigPages<Slot>> slots_;   // size is a power of two
    // the slot a long text of this hash is first looked for in, when it holds one of that hash
    const Slot* first_long_slot(std::uint32_t hash) const {
        if (slots_.empty()) return nullptr;
        const Slot& s = slots_[hash & (slots_.size() - 1)];
        return s.id_plus_one != 0 && s.is_long() && s.long_hash() == hash ? &s : nullptr;
    }
};

}  // namespace shall
