#pragma once
// Hash indexes on equality keys, built from the plan before evaluation starts: for one field of
// one record type, the records that hold each value. Every value's records lie side by side in
// one array, in record order, counted before they are placed: 4 bytes a record, no vector per
// value growing by doubling.
#include <cstdint>
#include <map>
#include <span>
#include <unordered_map>
#include <vector>

#include "../evidence/store.hpp"
#include "../plan/planner.hpp"

namespace shall {

class EqualityIndex {
public:
    // Every row of `column` whose value is an exact key (not absent, a list or a decimal).
    void build(const Column& column, std::uint32_t first_record);
    // The records whose value is `key` (a string id for texts), in record order.
    std::span<const std::uint32_t> records(std::int64_t key) const;

private:
    void build_bytes(const Column& column, std::uint32_t first_record);
    struct Range {
        std::uint32_t begin = 0, count = 0;
    };
    std::unordered_map<std::int64_t, Range> ranges_;
    std::vector<std::uint32_t> records_;
};

struct EqualityIndexes {
    std::map<IndexKey, EqualityIndex> by_key;
    // Each index on a task of its own, on up to `threads` threads (0 = all cores).
    void build(const Plan& plan, const EvidenceStore& store, unsigned threads = 1);
};

}  // namespace shall
