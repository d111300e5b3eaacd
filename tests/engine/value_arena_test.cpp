// The arena that holds the items of set values while rules are evaluated: slots stay put
// until released, scopes give memory back in stack order, and kept values outlive it.
#include <catch2/catch.hpp>

#include <memory>
#include <vector>

#include "engine/eval/value_arena.hpp"

using namespace shall;

namespace {

std::span<RValue> numbered(ValueArena& arena, std::size_t count, std::int64_t from) {
    std::span<RValue> slots = arena.allocate(count);
    for (std::size_t n = 0; n < count; ++n) slots[n] = RValue::integer(from + static_cast<std::int64_t>(n));
    return slots;
}

bool still_numbered(std::span<const RValue> slots, std::int64_t from) {
    for (std::size_t n = 0; n < slots.size(); ++n)
        if (slots[n].k != RValue::K::int_ || slots[n].i != from + static_cast<std::int64_t>(n)) return false;
    return true;
}

}  // namespace

TEST_CASE("allocations never overlap or move, across chunk boundaries", "[engine][arena]") {
    ValueArena arena;
    std::vector<std::span<RValue>> sets;
    const std::size_t size = 1000;   // 4 fit in a chunk, the 5th starts the next one
    for (std::int64_t s = 0; s < 12; ++s) sets.push_back(numbered(arena, size, s * 10'000));
    CHECK(arena.chunks() == 3);
    for (std::int64_t s = 0; s < 12; ++s) CHECK(still_numbered(sets[static_cast<std::size_t>(s)], s * 10'000));
}

TEST_CASE("new slots are absent, also when they are reused", "[engine][arena]") {
    ValueArena arena;
    ValueArena::Mark start = arena.mark();
    numbered(arena, 10, 1);
    arena.release(start);
    std::span<RValue> again = arena.allocate(10);
    for (const auto& v : again) CHECK(v.absent());
    CHECK(arena.allocate(0).empty());
}

TEST_CASE("a scope gives back what was allocated inside it, and only that", "[engine][arena]") {
    ValueArena arena;
    std::span<RValue> outer = numbered(arena, 100, 7);
    const RValue* first_inner = nullptr;
    for (int round = 0; round < 1000; ++round) {
        ValueArena::Scope scope(arena);
        std::span<RValue> inner = numbered(arena, 4000, round);   // does not fit after `outer`
        if (!first_inner) first_inner = inner.data();
        CHECK(inner.data() == first_inner);   // the same memory every round
        CHECK(still_numbered(inner, round));
    }
    CHECK(arena.chunks() == 2);   // 1000 rounds of 4000 slots did not grow the arena
    CHECK(still_numbered(outer, 7));
}

TEST_CASE("rewind frees the slots of one loop element before the next", "[engine][arena]") {
    ValueArena arena;
    ValueArena::Scope loop(arena);
    const RValue* element_slots = nullptr;
    for (int element = 0; element < 50; ++element) {
        loop.rewind();
        std::span<RValue> slots = numbered(arena, 5000, element);   // bigger than a chunk
        if (!element_slots) element_slots = slots.data();
        CHECK(slots.data() == element_slots);
        CHECK(still_numbered(slots, element));
    }
}

TEST_CASE("an allocation bigger than a chunk, then small ones after it is released", "[engine][arena]") {
    ValueArena arena;
    std::span<RValue> small = numbered(arena, 10, 0);
    {
        ValueArena::Scope scope(arena);
        std::span<RValue> big = numbered(arena, 3 * ValueArena::chunk_slots, 100);
        CHECK(still_numbered(big, 100));
    }
    std::span<RValue> after = numbered(arena, ValueArena::chunk_slots, 5);   // no longer fits the first chunk
    CHECK(still_numbered(after, 5));
    CHECK(still_numbered(small, 0));
    std::span<RValue> bigger = numbered(arena, 5 * ValueArena::chunk_slots, 9);
    CHECK(still_numbered(bigger, 9));
    CHECK(still_numbered(after, 5));
}

TEST_CASE("a released chunk too small for a later allocation is replaced", "[engine][arena]") {
    ValueArena arena;
    std::span<RValue> first = numbered(arena, 10, 0);
    ValueArena::Mark after_first = arena.mark();
    numbered(arena, ValueArena::chunk_slots, 1);   // a second chunk
    CHECK(arena.chunks() == 2);
    arena.release(after_first);
    std::span<RValue> big = numbered(arena, 2 * ValueArena::chunk_slots, 3);
    CHECK(arena.chunks() == 2);
    CHECK(still_numbered(big, 3));
    CHECK(still_numbered(first, 0));
}

TEST_CASE("kept values outlive the arena they were made in", "[engine][arena]") {
    ValueArena storage;
    RValue kept;
    {
        auto temporary = std::make_unique<ValueArena>();
        std::span<RValue> inner = numbered(*temporary, 3, 40);
        std::span<RValue> outer = temporary->allocate(2);
        outer[0] = RValue::text("a");
        outer[1] = RValue::set({inner.data(), 3});
        kept = storage.keep(RValue::set({outer.data(), 2}));
        numbered(*temporary, 5, -1);   // scribble over the arena before it goes
    }
    REQUIRE(kept.k == RValue::K::set);
    REQUIRE(kept.items.size() == 2);
    CHECK(kept.items.data[0].s == "a");
    REQUIRE(kept.items.data[1].k == RValue::K::set);
    CHECK(still_numbered({kept.items.data[1].items.data, 3}, 40));
    CHECK(storage.keep(RValue::integer(3)).i == 3);
}

TEST_CASE("make_set copies its items", "[engine][arena]") {
    ValueArena arena;
    std::vector<RValue> built{RValue::record(4), RValue::record(9)};
    RValue set = arena.make_set(built);
    built[0] = RValue::record(100);
    REQUIRE(set.items.size() == 2);
    CHECK(set.items.data[0].i == 4);
    CHECK(set.items.data[1].i == 9);
    CHECK(arena.make_set({}).empty_set());
}
