// EqualityIndex: each value's records, in record order, and nothing for values no row holds.
#include <catch2/catch.hpp>

#include <vector>

#include "engine/eval/equality_index.hpp"

using namespace shall;

namespace {

std::vector<std::uint32_t> of(const EqualityIndex& index, std::int64_t key) {
    auto records = index.records(key);
    return {records.begin(), records.end()};
}

}  // namespace

TEST_CASE("equality index: every value's records in record order, absent values left out", "[engine][index]") {
    Column ref(Column::Layout::string, Tag::text, CellWidth::four_string);
    const std::vector<Value> rows = {Value::make_int(Tag::ref, 7), Value{}, Value::make_int(Tag::ref, 3), Value::make_int(Tag::ref, 7),
                                     Value::make_int(Tag::dangling_ref, 9), Value::make_int(Tag::ref, 7), Value{}};
    for (const Value& v : rows) ref.push_back(v);
    EqualityIndex index;
    index.build(ref, 100);   // rows are records 100..106
    CHECK(of(index, 7) == std::vector<std::uint32_t>{100, 103, 105});
    CHECK(of(index, 3) == std::vector<std::uint32_t>{102});
    CHECK(of(index, 9) == std::vector<std::uint32_t>{104});   // a dangling id is a key like any other
    CHECK(of(index, 0).empty());                               // absent rows are in no value's list
    CHECK(of(index, 5).empty());

    Column amounts(Column::Layout::decimal, Tag::decimal);
    amounts.push_back(Value::make_decimal(1.5));
    EqualityIndex none;
    none.build(amounts, 0);   // decimals are never exact keys
    CHECK(none.records(0).empty());

    Column counts(Column::Layout::whole, Tag::int_);
    for (int i = 0; i < 1000; ++i) counts.push_back(Value::make_int(Tag::int_, i % 3 - 1));
    EqualityIndex many;
    many.build(counts, 0);
    for (std::int64_t k = -1; k <= 1; ++k) {
        const auto records = of(many, k);
        CHECK(records.size() == (k == -1 ? 334u : 333u));
        for (std::size_t n = 0; n < records.size(); ++n) CHECK(records[n] == 3 * n + static_cast<std::uint32_t>(k + 1));
    }
}

TEST_CASE("equality index on one-byte cells: bools and enums by their byte, absent rows left out", "[engine][index]") {
    Column flags(Column::Layout::whole, Tag::bool_, CellWidth::one);
    const std::vector<Value> rows = {Value::make_int(Tag::bool_, 1), Value{}, Value::make_int(Tag::bool_, 0), Value::make_int(Tag::bool_, 1)};
    for (const Value& v : rows) flags.push_back(v);
    EqualityIndex index;
    index.build(flags, 10);
    CHECK(of(index, 1) == std::vector<std::uint32_t>{10, 13});
    CHECK(of(index, 0) == std::vector<std::uint32_t>{12});
    CHECK(of(index, Column::absent_one).empty());

    // an enum of 254 values: the highest index a byte holds is a key like the others
    Column states(Column::Layout::whole, Tag::enum_, CellWidth::one);
    for (int i = 0; i < 3000; ++i) states.push_back(i % 5 == 4 ? Value{} : Value::make_int(Tag::enum_, (i * 7) % 254));
    EqualityIndex enums;
    enums.build(states, 0);
    std::size_t placed = 0;
    for (std::int64_t k = 0; k < 256; ++k) {
        const auto records = of(enums, k);
        placed += records.size();
        for (std::size_t n = 0; n < records.size(); ++n) {
            const std::uint32_t row = records[n];
            CHECK(row % 5 != 4);
            CHECK(static_cast<std::int64_t>((row * 7) % 254) == k);
            if (n > 0) CHECK(records[n - 1] < row);
        }
    }
    CHECK(placed == 2400);
}
