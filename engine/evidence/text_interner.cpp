#include "text_interner.hpp"

#include "strings.hpp"

namespace shall {

std::uint32_t TextInterner::intern(std::string_view s) {
    if (entries_.size() * 2 >= slots_.size()) grow();  // keep the load factor under 1/2
    std::uint32_t hash = StringPool::hash_of(s);
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        Slot& slot = slots_[i];
        if (slot.id_plus_one == 0) {
            auto id = static_cast<std::uint32_t>(entries_.size());
            entries_.push_back({chars_.size(), static_cast<std::uint32_t>(s.size()), hash});
            chars_.insert(chars_.end(), s.begin(), s.end());
            slot = {id + 1, hash};
            return id;
        }
        if (slot.hash == hash && StringPool::same(view(slot.id_plus_one - 1), s)) return slot.id_plus_one - 1;
    }
}

std::uint32_t TextInterner::append(std::string_view s) {
    auto id = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back({chars_.size(), static_cast<std::uint32_t>(s.size()), StringPool::hash_of(s)});
    chars_.insert(chars_.end(), s.begin(), s.end());
    return id;
}

void TextInterner::reserve(std::size_t texts, std::size_t bytes) {
    // the index still grows as it fills: sized for an estimate, it would be bigger than the
    // caches for pieces that repeat their texts
    chars_.reserve(bytes);
    entries_.reserve(texts);
}

void TextInterner::grow() {
    std::size_t size = slots_.empty() ? 1024 : slots_.size() * 2;
    std::vector<Slot> slots(size);
    std::size_t mask = slots.size() - 1;
    for (std::uint32_t id = 0; id < entries_.size(); ++id) {
        std::size_t i = entries_[id].hash & mask;
        while (slots[i].id_plus_one != 0) i = (i + 1) & mask;
        slots[i] = {id + 1, entries_[id].hash};
    }
    slots_ = std::move(slots);
}

}  // namespace shall
