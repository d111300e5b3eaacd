#pragma once
// Interned strings: each distinct text is stored once and named by a 32-bit id.
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace shall {

class StringPool {
public:
    std::uint32_t intern(std::string_view s);
    std::string_view view(std::uint32_t id) const { return strings_[id]; }
    std::size_t size() const { return strings_.size(); }
    // id of s when it was interned before; npos otherwise
    static constexpr std::uint32_t npos = 0xffffffffu;
    std::uint32_t find(std::string_view s) const;
    void reserve(std::size_t n);  // room for n strings without rehashing
private:
    // open addressing (linear probing, load factor under 1/2): one cache line per lookup
    // in the common case, instead of a node-based hash map's bucket + node + key
    std::uint32_t lookup(std::string_view s, std::uint32_t hash, std::size_t& slot) const;
    void rehash(std::size_t slots);
    std::deque<std::string> strings_;
    std::vector<std::uint32_t> hashes_;   // [id]
    std::vector<std::uint32_t> slots_;    // id + 1; 0 = empty. Size is a power of two.
};

}  // namespace shall
