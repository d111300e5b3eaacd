#pragma once
// Storage for the items of set values (RValue::items), allocated and freed in stack order.
//
// Evaluation makes many short-lived sets (a list field read, `x.approvers.name`, a reverse
// navigation) and keeps a set only as long as the evaluation step that made it is running.
// So the arena hands out runs of slots by bumping a position, and a Scope releases
// everything allocated since it began, at once. Memory comes in chunks that never move, so
// a set stays valid until its scope ends; released chunks are kept for reuse.
#include <cstddef>
#include <memory>
#include <span>
#include <vector>

#include "runtime_value.hpp"

// Under AddressSanitizer, released slots are poisoned: a set read after its scope ended is
// reported instead of read silently.
#if defined(__SANITIZE_ADDRESS__)
#define SHALL_ARENA_POISON 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SHALL_ARENA_POISON 1
#endif
#endif

namespace shall {

class ValueArena {
public:
    ValueArena() = default;
    ValueArena(const ValueArena&) = delete;
    ValueArena& operator=(const ValueArena&) = delete;

    // `count` default-initialised (absent) slots, valid until released.
    std::span<RValue> allocate(std::size_t count);
    // A set holding copies of `items`.
    RValue make_set(std::span<const RValue> items);
    // `v` with its set items (at any depth) copied into this arena: for values that must
    // outlive the arena they were made in.
    RValue keep(const RValue& v);

    struct Mark {
        std::size_t chunk = 0, used = 0;
    };
    Mark mark() const { return {current_, used_}; }
    // Frees every slot allocated after `m` was taken.
    void release(Mark m) {
#ifdef SHALL_ARENA_POISON
        poison_after(m);
#endif
        current_ = m.chunk;
        used_ = m.used;
    }
    std::size_t chunks() const { return chunks_.size(); }

    // Releases, when it ends or at each rewind(), everything allocated since it began.
    class Scope {
    public:
        explicit Scope(ValueArena& arena) : arena_(arena), mark_(arena.mark()) {}
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;
        ~Scope() { arena_.release(mark_); }
        void rewind() { arena_.release(mark_); }

    private:
        ValueArena& arena_;
        Mark mark_;
    };

    static constexpr std::size_t chunk_slots = 4096;

private:
    struct Chunk {
        std::unique_ptr<RValue[]> slots;
        std::size_t size = 0;
    };
    void next_chunk(std::size_t count);
    void poison_after(Mark m);

    std::vector<Chunk> chunks_;
    std::size_t current_ = 0;   // the chunk allocations come from
    std::size_t used_ = 0;      // slots of chunks_[current_] in use
};

}  // namespace shall
