#pragma once
// Row of each record id in a table: string id -> row, open addressing in one flat array (no
// allocation per record, one cache line per lookup), as loading a million records needs. The
// array is sized to the rows, not to a power of two, and filled up to three quarters: at ten
// million records it is the size of a column, not of three.
#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "big_pages.hpp"

namespace shall {

class IdIndex {
public:
    static constexpr std::uint32_t npos = 0xffffffffu;

    // The row of `key`, or npos.
    std::uint32_t find(std::uint32_t key) const {
        if (slots_.empty()) return npos;
        for (std::size_t i = start(key);; i = next(i)) {
            const Slot& s = slots_[i];
            if (s.key == vacant) return npos;
            if (s.key == key) return s.row;
        }
    }
    // Adds key -> row unless the key is there; returns the row the key has and whether it was added.
    std::pair<std::uint32_t, bool> insert(std::uint32_t key, std::uint32_t row) {
        if (slots_for(size_ + 1) > slots_.size()) grow(std::max(slots_for(size_ + 1), slots_.size() * 3 / 2));
        for (std::size_t i = start(key);; i = next(i)) {
            Slot& s = slots_[i];
            if (s.key == key) return {s.row, false};
            if (s.key == vacant) {
                s = {key, row};
                ++size_;
                return {row, true};
            }
        }
    }
    void prefetch(std::uint32_t key) const {   // see StringPool::prefetch
        if (!slots_.empty()) __builtin_prefetch(&slots_[start(key)]);
    }
    std::size_t size() const { return size_; }
    std::size_t capacity() const { return slots_.size(); }   // slots, of 8 bytes each
    bool empty() const { return size_ == 0; }
    // Room for n keys. Called as a table grows piece by piece, so it grows by half at least.
    void reserve(std::size_t n) {
        if (slots_for(n) > slots_.size()) grow(std::max(slots_for(n), slots_.size() * 3 / 2));
    }
    void clear() {
        slots_.clear();
        size_ = 0;
    }
    // Every (key, row), in no particular order.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> entries() const {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
        out.reserve(size_);
        for (const Slot& s : slots_)
            if (s.key != vacant) out.emplace_back(s.key, s.row);
        return out;
    }

private:
    static constexpr std::uint32_t vacant = 0xffffffffu;   // never a string id: the pool stays below 2^32 - 1 texts
    struct Slot {
        std::uint32_t key = vacant, row = 0;
    };
    static std::size_t slots_for(std::size_t keys) { return std::max<std::size_t>(16, keys + keys / 3 + 1); }   // a quarter free
    // the key's first slot: its mixed bits scaled to the table (no power-of-two mask needed)
    std::size_t start(std::uint32_t key) const {
        const std::uint64_t mixed = static_cast<std::uint32_t>(key * 0x9E3779B97F4A7C15ull >> 32);
        return static_cast<std::size_t>(mixed * slots_.size() >> 32);
    }
    std::size_t next(std::size_t i) const { return i + 1 == slots_.size() ? 0 : i + 1; }
    void grow(std::size_t slots) {
        std::vector<Slot, BigPages<Slot>> old = std::move(slots_);
        slots_.assign(slots, Slot{});
        for (const Slot& s : old)
            if (s.key != vacant) {
                std::size_t i = start(s.key);
                while (slots_[i].key != vacant) i = next(i);
                slots_[i] = s;
            }
    }
    std::vector<Slot, BigPages<Slot>> slots_;
    std::size_t size_ = 0;
};

}  // namespace shall
