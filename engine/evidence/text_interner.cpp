#include "text_interner.hpp"

#include <functional>

namespace shall {

std::uint32_t TextInterner::intern(std::string_view s) {
    if (entries_.size() * 2 >= slots_.size()) grow();  // keep the load factor under 1/2
    auto hash = static_cast<std::uint32_t>(std::hash<std::string_view>{}(s));
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        std::uint32_t slot = slots_[i];
        if (slot == 0) {
            auto id = static_cast<std::uint32_t>(entries_.size());
            entries_.push_back({chars_.size(), static_cast<std::uint32_t>(s.size()), hash});
            chars_.append(s);
            slots_[i] = id + 1;
            return id;
        }
        const Entry& e = entries_[slot - 1];
        if (e.hash == hash && view(slot - 1) == s) return slot - 1;
    }
}

void TextInterner::grow() {
    std::vector<std::uint32_t> slots(slots_.empty() ? 1024 : slots_.size() * 2, 0);
    std::size_t mask = slots.size() - 1;
    for (std::uint32_t id = 0; id < entries_.size(); ++id) {
        std::size_t i = entries_[id].hash & mask;
        while (slots[i] != 0) i = (i + 1) & mask;
        slots[i] = id + 1;
    }
    slots_ = std::move(slots);
}

}  // namespace shall
