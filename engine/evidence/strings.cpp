#include "strings.hpp"

namespace shall {

std::uint32_t StringPool::intern(std::string_view s) {
    if (auto it = index_.find(s); it != index_.end()) return it->second;
    auto id = static_cast<std::uint32_t>(strings_.size());
    // std::deque never moves its elements on push_back, so the view used as the key stays valid.
    const std::string& stored = strings_.emplace_back(s);
    index_.emplace(std::string_view(stored), id);
    return id;
}

std::uint32_t StringPool::find(std::string_view s) const {
    auto it = index_.find(s);
    return it == index_.end() ? npos : it->second;
}

}  // namespace shall
