#include "strings.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <stdexcept>

namespace shall {


std::uint64_t StringPool::store(std::string_view s) {
    if (s.empty()) return 0;
    if (blocks_.size() >= (std::size_t{1} << (64 - block_shift)) - 1) throw std::length_error("more distinct text than the string pool can address");
    const bool own_block = s.size() >= long_size;
    if (own_block || blocks_.empty() || block_used_ + s.size() > block_sizes_.back()) {
        const std::size_t size = own_block ? s.size() : block_bytes;
        blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
        block_sizes_.push_back(size);
        block_used_ = 0;
    }
    const std::uint64_t block = blocks_.size() - 1;
    std::memcpy(blocks_.back().get() + block_used_, s.data(), s.size());
    const std::uint64_t at = block << block_shift | std::uint64_t{block_used_} << offset_shift | (own_block ? long_size : s.size());
    block_used_ += s.size();
    return at;
}

std::uint32_t StringPool::lookup(std::string_view s, std::uint32_t hash, std::size_t& slot) const {
    const Slot key = Slot::for_text(s, hash);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot& at = slots_[i];
        if (at.id_plus_one == 0) {
            slot = i;
            return npos;
        }
        if (at.same_key(key) && (!key.is_long() || same(view(at.id_plus_one - 1), s))) return at.id_plus_one - 1;
    }
}

void StringPool::rehash(std::size_t n) {
    std::size_t size = 1024;
    while (size < n) size *= 2;
    if (size <= slots_.size()) return;
    std::vector<Slot, BigPages<Slot>> slots(size);
    const std::size_t mask = size - 1;
    for (const Slot& s : slots_) {
        if (s.id_plus_one == 0) continue;
        std::size_t i = slot_hash(s) & mask;
        while (slots[i].id_plus_one != 0) i = (i + 1) & mask;
        slots[i] = s;
    }
    slots_ = std::move(slots);
}

// slots for n texts at the highest load factor (0.7)
static std::size_t slots_for(std::size_t n) { return n * 10 / 7 + 2; }

void StringPool::reserve(std::size_t n) {
    rehash(slots_for(n));
    if (n > strings_.capacity()) strings_.reserve(std::max(n, 2 * strings_.capacity()));   // called per piece: keep growth geometric
}

std::uint32_t StringPool::intern(std::string_view s) { return intern(s, hash_of(s)); }

std::uint32_t StringPool::intern(std::string_view s, std::uint32_t hash) {
    if (slots_for(strings_.size() + 1) > slots_.size()) rehash(2 * slots_.size());
    std::size_t slot = 0;
    if (auto id = lookup(s, hash, slot); id != npos) return id;
    auto id = static_cast<std::uint32_t>(strings_.size());
    strings_.push_back(store(s));
    Slot& at = slots_[slot];
    at = Slot::for_text(s, hash);
    at.id_plus_one = id + 1;
    return id;
}

std::uint32_t StringPool::find(std::string_view s) const {
    if (slots_.empty()) return npos;
    std::size_t slot = 0;
    return lookup(s, hash_of(s), slot);
}

}  // namespace shall
