#include "equality_index.hpp"

#include <algorithm>
#include <array>
#include <functional>

#include "../evidence/parallel.hpp"

namespace shall {

namespace {

bool is_key(const Value& v) { return v.tag != Tag::absent && v.tag != Tag::list && v.tag != Tag::decimal; }

}  // namespace

void EqualityIndex::build(const Column& column, std::uint32_t first_record) {
    if (column.width() == CellWidth::one) return build_bytes(column, first_record);
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

// Bools and small enums: one byte a row is the key itself, so an array of 256 counts and
// places stands for the hash map.
void EqualityIndex::build_bytes(const Column& column, std::uint32_t first_record) {
    const unsigned char* cells = column.cells();
    const std::size_t rows = column.size();
    std::array<std::uint32_t, 256> place{};
    for (std::size_t row = 0; row < rows; ++row) ++place[cells[row]];
    place[Column::absent_one] = 0;
    std::uint32_t begin = 0;
    for (std::size_t key = 0; key < place.size(); ++key) {
        if (place[key] == 0) continue;
        ranges_[static_cast<std::int64_t>(key)] = {begin, place[key]};
        const std::uint32_t count = place[key];
        place[key] = begin;
        begin += count;
    }
    records_.resize(begin);
    for (std::size_t row = 0; row < rows; ++row)
        if (const unsigned char key = cells[row]; key != Column::absent_one)
            records_[place[key]++] = first_record + static_cast<std::uint32_t>(row);
}

std::span<const std::uint32_t> EqualityIndex::records(std::int64_t key) const {
    auto it = ranges_.find(key);
    if (it == ranges_.end()) return {};
    return {records_.data() + it->second.begin, it->second.count};
}

void EqualityIndexes::build(const Plan& plan, const EvidenceStore& store, unsigned threads) {
    std::vector<std::pair<std::size_t, std::function<void()>>> sized;   // (rows, task)
    for (const auto& key : plan.equality_indexes) {
        EqualityIndex& index = by_key[key];   // map nodes stay put while the tasks fill them
        const TypeTable& table = store.tables[key.type->index];
        if (key.field->index < table.columns.size())
            sized.emplace_back(table.rows(), [&index, &table, field = key.field->index] { index.build(table.columns[field], table.first); });
    }
    // the biggest first, so that no thread is left with a big one at the end
    std::stable_sort(sized.begin(), sized.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::function<void()>> tasks;
    for (auto& s : sized) tasks.push_back(std::move(s.second));
    run_tasks(tasks, threads);
}

}  // namespace shall
