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
    // A text number of its own for s, without looking for an equal text: for texts that are
    // expected to be new (record ids), which the store's pool tells apart when it merges them.
    std::uint32_t append(std::string_view s);
    // Room for this many texts of this many bytes in all, so that their storage does not regrow.
    void reserve(std::size_t texts, std::size_t bytes);
    std::size_t bytes() const { return chars_.size(); }
    std::size_t reserved_bytes() const { return chars_.capacity(); }   // what the texts' buffer holds room for
    std::string_view view(std::uint32_t id) const { return {chars_.data() + entries_[id].offset, entries_[id].size}; }
    std::size_t size() const { return entries_.size(); }
    std::uint32_t hash(std::uint32_t id) const { return entries_[id].hash; }   // StringPool::hash_of(view(id))

private:
    struct Entry {
        std::size_t offset;
        std::uint32_t size;
        std::uint32_t hash;
    };
    void grow();

    struct Slot {
        std::uint32_t id_plus_one = 0;   // 0 = empty
        std::uint32_t hash = 0;          // kept here so that probing rarely touches the entries
    };
    // a vector, not a string: a string moved over by an empty one keeps its buffer (the empty one
    // fits in the string itself), and a piece's texts must go when the piece is merged
    std::vector<char> chars_;
    std::vector<Entry> entries_;
    std::vector<Slot> slots_;            // size is a power of two
};

}  // namespace shall
