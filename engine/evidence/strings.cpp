#include "strings.hpp"

#include <functional>

namespace shall {

namespace {
std::uint32_t hash_of(std::string_view s) { return static_cast<std::uint32_t>(std::hash<std::string_view>{}(s)); }
}  // namespace

std::uint32_t StringPool::lookup(std::string_view s, std::uint32_t hash, std::size_t& slot) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        std::uint32_t v = slots_[i];
        if (v == 0) {
            slot = i;
            return npos;
        }
        if (hashes_[v - 1] == hash && strings_[v - 1] == s) return v - 1;
    }
}

void StringPool::rehash(std::size_t n) {
    std::size_t size = 1024;
    while (size < n) size *= 2;
    if (size <= slots_.size()) return;
    std::vector<std::uint32_t> slots(size, 0);
    const std::size_t mask = size - 1;
    for (std::uint32_t id = 0; id < hashes_.size(); ++id) {
        std::size_t i = hashes_[id] & mask;
        while (slots[i] != 0) i = (i + 1) & mask;
        slots[i] = id + 1;
    }
    slots_ = std::move(slots);
}

void StringPool::reserve(std::size_t n) {
    rehash(2 * n + 2);
    hashes_.reserve(n);
}

std::uint32_t StringPool::intern(std::string_view s) {
    if ((strings_.size() + 1) * 2 > slots_.size()) rehash(2 * slots_.size());
    const std::uint32_t hash = hash_of(s);
    std::size_t slot = 0;
    if (auto id = lookup(s, hash, slot); id != npos) return id;
    auto id = static_cast<std::uint32_t>(strings_.size());
    strings_.emplace_back(s);
    hashes_.push_back(hash);
    slots_[slot] = id + 1;
    return id;
}

std::uint32_t StringPool::find(std::string_view s) const {
    if (slots_.empty()) return npos;
    std::size_t slot = 0;
    return lookup(s, hash_of(s), slot);
}

}  // namespace shall
