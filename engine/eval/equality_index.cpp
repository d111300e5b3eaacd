#include "equality_index.hpp"

namespace shall {

namespace {

bool is_key(const Value& v) { return v.tag != Tag::absent && v.tag != Tag::list && v.tag != Tag::decimal; }

}  // namespace

void EqualityIndex::build(const Column& column, std::uint32_t first_record) {
    const auto rows = static_cast<std::uint32_t>(column.size());
    std::size_t keyed = 0;
    for (std::uint32_t row = 0; row < rows; ++row)
        if (const Value v = column[row]; is_key(v)) {
            ++ranges_[v.i].count;
            ++keyed;
        }
    std::uint32_t begin = 0;
    for (auto& [key, range] : ranges_) {
        range.begin = begin;
        begin += range.count;
        range.count = 0;   // counts again as the records are placed
    }
    records_.resize(keyed);
    for (std::uint32_t row = 0; row < rows; ++row)
        if (const Value v = column[row]; is_key(v)) {
            Range& range = ranges_[v.i];
            records_[range.begin + range.count++] = first_record + row;
        }
}

std::span<const std::uint32_t> EqualityIndex::records(std::int64_t key) const {
    auto it = ranges_.find(key);
    if (it == ranges_.end()) return {};
    return {records_.data() + it->second.begin, it->second.count};
}

void EqualityIndexes::build(const Plan& plan, const EvidenceStore& store) {
    for (const auto& key : plan.equality_indexes) {
        EqualityIndex& index = by_key[key];
        const TypeTable& table = store.tables[key.type->index];
        if (key.field->index < table.columns.size()) index.build(table.columns[key.field->index], table.first);
    }
}

}  // namespace shall
