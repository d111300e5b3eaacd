#pragma once
// Interned strings: each distinct text is stored once and named by a 32-bit id.
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace shall {

class StringPool {
public:
    std::uint32_t intern(std::string_view s);
    std::string_view view(std::uint32_t id) const { return strings_[id]; }
    std::size_t size() const { return strings_.size(); }
    // id of s when it was interned before; npos otherwise
    static constexpr std::uint32_t npos = 0xffffffffu;
    std::uint32_t find(std::string_view s) const;
    void reserve(std::size_t n) { index_.reserve(n); }  // room for n strings without rehashing
private:
    std::deque<std::string> strings_;
    std::unordered_map<std::string_view, std::uint32_t> index_;
};

}  // namespace shall
