#include "value_arena.hpp"

#include <algorithm>
#include <sanitizer/asan_interface.h>   // no-ops unless built with AddressSanitizer

namespace shall {

std::span<RValue> ValueArena::allocate(std::size_t count) {
    if (count == 0) return {};
    if (current_ >= chunks_.size() || used_ + count > chunks_[current_].size) next_chunk(count);
    RValue* start = chunks_[current_].slots.get() + used_;
    ASAN_UNPOISON_MEMORY_REGION(start, count * sizeof(RValue));
    used_ += count;
    std::fill_n(start, count, RValue{});
    return {start, count};
}

// Moves on to the chunk after the current one, making it, or making it bigger, when it
// cannot hold `count` slots. Chunks after the current one hold nothing that is in use, so
// replacing one is safe.
void ValueArena::next_chunk(std::size_t count) {
    if (!chunks_.empty()) ++current_;
    used_ = 0;
    const std::size_t size = std::max(count, chunk_slots);
    if (current_ == chunks_.size()) chunks_.push_back({std::make_unique<RValue[]>(size), size});
    else if (chunks_[current_].size < count) chunks_[current_] = {std::make_unique<RValue[]>(size), size};
}

void ValueArena::poison_after([[maybe_unused]] Mark m) {
    for (std::size_t c = m.chunk; c <= current_ && c < chunks_.size(); ++c) {
        std::size_t from = c == m.chunk ? m.used : 0;
        ASAN_POISON_MEMORY_REGION(chunks_[c].slots.get() + from, (chunks_[c].size - from) * sizeof(RValue));
    }
}

RValue ValueArena::make_set(std::span<const RValue> items) {
    std::span<RValue> slots = allocate(items.size());
    std::copy(items.begin(), items.end(), slots.begin());
    return RValue::set({slots.data(), static_cast<std::uint32_t>(slots.size())});
}

RValue ValueArena::keep(const RValue& v) {
    if (v.k != RValue::K::set) return v;
    std::span<RValue> slots = allocate(v.items.size());
    for (std::size_t n = 0; n < slots.size(); ++n) slots[n] = keep(v.items.data[n]);
    return RValue::set({slots.data(), static_cast<std::uint32_t>(slots.size())});
}

}  // namespace shall
