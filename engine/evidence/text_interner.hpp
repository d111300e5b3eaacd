#pragma once
// A per-file string interner for the readers' hot path: all texts back to back in one buffer,
// an open-addressing index, no allocation per string. The bundle loader copies the distinct
// texts into the store's StringPool once a file is read.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace shall {

class TextInterner {
public:
    std::uint32_t intern(std::string_view s);
    std::string_view view(std::uint32_t id) const { return std::string_view(chars_).substr(entries_[id].offset, entries_[id].size); }
    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        std::size_t offset;
        std::uint32_t size;
        std::uint32_t hash;
    };
    void grow();

    std::string chars_;
    std::vector<Entry> entries_;
    std::vector<std::uint32_t> slots_;  // id + 1; 0 = empty. Size is a power of two.
};

}  // namespace shall
