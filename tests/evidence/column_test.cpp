// Column: every value a field of each kind can hold comes back exactly as it went in, in 8
// bytes a row, or 1 (bools, enums of up to 254 values) or 4 (dates, texts, references, whole
// numbers and datetimes until one does not fit).
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

#include "engine/evidence/column.hpp"
#include "engine/evidence/store.hpp"

using namespace shall;

namespace {

void round_trip(const Column& like, const Value& v) {
    Column c = like.like();
    c.push_back(v);
    c.push_back(Value{});
    const Value back = c[0];
    CHECK(static_cast<int>(back.tag) == static_cast<int>(v.tag));
    CHECK(back.count == v.count);
    CHECK(back.i == v.i);   // also the bits of a decimal
    CHECK(c[1].tag == Tag::absent);
}

FieldDecl field(FieldKind kind, bool many = false) {
    FieldDecl f;
    f.kind = kind;
    f.many = many;
    return f;
}

FieldDecl enum_field(const EnumDecl& e) {
    FieldDecl f = field(FieldKind::enum_);
    f.enumeration = &e;
    return f;
}

EnumDecl enumeration(std::size_t values) {
    EnumDecl e;
    for (std::size_t i = 0; i < values; ++i) e.values.push_back("v" + std::to_string(i));
    return e;
}

}  // namespace

TEST_CASE("column: values of every kind survive the 8-byte cell", "[evidence][column]") {
    static_assert(sizeof(std::uint64_t) == 8);
    const std::int64_t lowest = std::numeric_limits<std::int64_t>::min() + 1, highest = std::numeric_limits<std::int64_t>::max();

    Column whole = Column::for_field(field(FieldKind::int_));
    for (std::int64_t i : {std::int64_t{0}, std::int64_t{-1}, std::int64_t{42}, lowest, highest}) round_trip(whole, Value::make_int(Tag::int_, i));
    round_trip(Column::for_field(field(FieldKind::bool_)), Value::make_int(Tag::bool_, 1));
    round_trip(Column::for_field(field(FieldKind::bool_)), Value::make_int(Tag::bool_, 0));
    round_trip(Column::for_field(field(FieldKind::date)), Value::make_int(Tag::date, -719528));   // 0000-01-01
    round_trip(Column::for_field(field(FieldKind::datetime)), Value::make_int(Tag::datetime, 253402300799999));
    round_trip(Column::for_field(field(FieldKind::enum_)), Value::make_int(Tag::enum_, 0));

    Column decimal = Column::for_field(field(FieldKind::decimal));
    for (double d : {0.0, -0.0, 99.95, -1e300, std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::max()})
        round_trip(decimal, Value::make_decimal(d));

    // text and single references: the tag says which of text / record / dangling id, in 30 bits
    Column text = Column::for_field(field(FieldKind::text));
    Column ref = Column::for_field(field(FieldKind::ref));
    for (Tag t : {Tag::text, Tag::ref, Tag::dangling_ref})
        for (std::int64_t id : {std::int64_t{0}, std::int64_t{7}, std::int64_t{max_string_cell_id}}) round_trip(ref, Value::make_int(t, id));
    round_trip(text, Value::make_int(Tag::text, 0));
    round_trip(Column(), Value::make_int(Tag::text, max_string_cell_id));   // an unknown column's text
    for (Tag t : {Tag::text, Tag::ref, Tag::dangling_ref})
        CHECK_THROWS_AS(text.push_back(Value::make_int(t, std::int64_t{max_string_cell_id} + 1)), std::length_error);

    // lists and `-> T*`: offset and count
    Column list = Column::for_field(field(FieldKind::list));
    Column refs = Column::for_field(field(FieldKind::ref, true));
    CHECK(refs.layout() == Column::Layout::list);
    round_trip(list, Value::make_list(0, 1));
    round_trip(refs, Value::make_list(static_cast<std::int64_t>(Column::max_offset), static_cast<std::uint32_t>(Column::max_items)));
    CHECK_THROWS_AS(list.push_back(Value::make_list(static_cast<std::int64_t>(Column::max_offset) + 1, 1)), std::length_error);
}

TEST_CASE("column: set, resize and absent fill", "[evidence][column]") {
    Column c = Column::for_field(FieldDecl{});   // text
    c.assign_absent(3);
    REQUIRE(c.size() == 3);
    for (std::size_t r = 0; r < 3; ++r) CHECK(c[r].tag == Tag::absent);
    c.resize(5);
    c.set(3, Value::make_int(Tag::text, 9));
    c.set(4, Value{});
    CHECK(c[3].i == 9);
    CHECK(c[4].tag == Tag::absent);
    c.resize(2);
    CHECK(c.size() == 2);
}

TEST_CASE("column: bools, small enums, dates, texts and references take fewer bytes and read back as 8-byte cells", "[evidence][column]") {
    const EnumDecl small = enumeration(254), large = enumeration(300);
    CHECK(Column::for_field(field(FieldKind::bool_)).width() == CellWidth::one);
    CHECK(Column::for_field(enum_field(small)).width() == CellWidth::one);
    CHECK(Column::for_field(enum_field(large)).width() == CellWidth::eight);   // 1 byte cannot hold index 299
    CHECK(Column::for_field(field(FieldKind::date)).width() == CellWidth::four);
    CHECK(Column::for_field(field(FieldKind::datetime)).width() == CellWidth::four_seconds);   // until one needs 8
    CHECK(Column::for_field(field(FieldKind::int_)).width() == CellWidth::four);   // until a number needs 8
    CHECK(Column::for_field(field(FieldKind::text)).width() == CellWidth::four_string);
    CHECK(Column::for_field(field(FieldKind::ref)).width() == CellWidth::four_string);
    CHECK(Column().width() == CellWidth::four_string);
    CHECK(Column::for_field(field(FieldKind::ref, true)).width() == CellWidth::eight);   // a list's offset and count

    for (std::int64_t i : {0, 1, 253}) round_trip(Column::for_field(enum_field(small)), Value::make_int(Tag::enum_, i));
    for (std::int64_t i : {0, 254, 299}) round_trip(Column::for_field(enum_field(large)), Value::make_int(Tag::enum_, i));
    // every day of 4-digit years: 0000-01-01 .. 9999-12-31, around 1970 too
    for (std::int64_t d : {-719528, -1, 0, 1, 2932896}) round_trip(Column::for_field(field(FieldKind::date)), Value::make_int(Tag::date, d));

    // the cells read as the 8-byte layout would hold them, absent included
    Column date = Column::for_field(field(FieldKind::date));
    date.push_back(Value::make_int(Tag::date, -5));
    date.push_back(Value{});
    CHECK(date.cell(0) == static_cast<std::uint64_t>(std::int64_t{-5}));
    CHECK(date.cell(1) == Column::absent_whole);
    CHECK(load_cell<CellWidth::four>(date.cells(), 0) == date.cell(0));
    CHECK(load_cell<CellWidth::four>(date.cells(), 1) == Column::absent_whole);
    Column ref = Column::for_field(field(FieldKind::ref));
    ref.push_back(Value::make_int(Tag::dangling_ref, 12));
    ref.push_back(Value{});
    ref.push_back(Value::make_int(Tag::ref, 5));
    CHECK(ref.cell(0) == (std::uint64_t{static_cast<std::uint8_t>(Tag::dangling_ref)} << 32 | 12));
    CHECK(ref.cell(1) == 0);
    CHECK(ref.cell(2) == (std::uint64_t{static_cast<std::uint8_t>(Tag::ref)} << 32 | 5));
    CHECK(load_cell<CellWidth::four_string>(ref.cells(), 2) == ref.cell(2));
    CHECK(ref.capacity() * 4 <= 4 * 8);   // 4 bytes a row
    Column flag = Column::for_field(field(FieldKind::bool_));
    flag.assign_absent(2);
    flag.set(1, Value::make_int(Tag::bool_, 1));
    CHECK(flag.cell(0) == Column::absent_whole);
    CHECK(flag.cell(1) == 1);
    CHECK(flag.size() == 2);
}

TEST_CASE("column: whole numbers take 4 bytes until one does not fit, then the column widens keeping every row", "[evidence][column]") {
    const std::int64_t big = std::int64_t{1} << 40, int32_min = INT32_MIN, int32_max = INT32_MAX;
    Column c = Column::for_field(field(FieldKind::int_));
    c.push_back(Value::make_int(Tag::int_, -7));
    c.push_back(Value{});
    c.push_back(Value::make_int(Tag::int_, int32_max));
    c.push_back(Value::make_int(Tag::int_, int32_min + 1));
    CHECK(c.width() == CellWidth::four);
    c.push_back(Value::make_int(Tag::int_, int32_min));   // the 4-byte absent marker: needs 8 bytes
    CHECK(c.width() == CellWidth::eight);
    c.push_back(Value::make_int(Tag::int_, -big));
    const std::vector<std::int64_t> want = {-7, 0, int32_max, int32_min + 1, int32_min, -big};
    REQUIRE(c.size() == want.size());
    for (std::size_t r = 0; r < want.size(); ++r) {
        INFO("row " << r);
        if (r == 1) {
            CHECK(c[r].tag == Tag::absent);
            continue;
        }
        CHECK(c[r].tag == Tag::int_);
        CHECK(c[r].i == want[r]);
    }
    Column d = Column::for_field(field(FieldKind::int_));
    d.assign_absent(3);
    d.set(2, Value::make_int(Tag::int_, big));   // set on its own widens too
    CHECK(d.width() == CellWidth::eight);
    CHECK(d[0].tag == Tag::absent);
    CHECK(d[2].i == big);
    CHECK(Column::fits_four(Column::absent_whole));
    CHECK_FALSE(Column::fits_four(static_cast<std::uint64_t>(std::int64_t{INT32_MAX} + 1)));
}

TEST_CASE("column: datetimes take 4 bytes of whole seconds until one does not fit, then the column widens keeping every row", "[evidence][column]") {
    const std::int64_t first = std::int64_t{INT32_MIN + 1} * 1000, last = std::int64_t{INT32_MAX} * 1000;   // 1901-12-13T20:45:53Z, 2038-01-19T03:14:07Z
    const std::vector<std::int64_t> fitting = {0, -1000, 1'764'547'205'000, first, last};
    for (std::int64_t ms : fitting) round_trip(Column::for_field(field(FieldKind::datetime)), Value::make_int(Tag::datetime, ms));
    // a millisecond, a second past either end, and the second that is the 4-byte absent marker
    for (std::int64_t ms : {std::int64_t{1'764'547'205'001}, std::int64_t{-1500}, last + 1000, first - 1000, first - 1000 + 999}) {
        INFO("ms = " << ms);
        Column c = Column::for_field(field(FieldKind::datetime));
        for (std::int64_t v : fitting) c.push_back(Value::make_int(Tag::datetime, v));
        c.push_back(Value{});
        CHECK(c.width() == CellWidth::four_seconds);
        c.push_back(Value::make_int(Tag::datetime, ms));
        CHECK(c.width() == CellWidth::eight);
        REQUIRE(c.size() == fitting.size() + 2);
        for (std::size_t r = 0; r < fitting.size(); ++r) {
            CHECK(c[r].tag == Tag::datetime);
            CHECK(c[r].i == fitting[r]);
        }
        CHECK(c[fitting.size()].tag == Tag::absent);
        CHECK(c[fitting.size() + 1].i == ms);
    }
    CHECK(Column::fits_four_seconds(Column::absent_whole));
    CHECK(Column::fits_four_seconds(static_cast<std::uint64_t>(last)));
    CHECK_FALSE(Column::fits_four_seconds(static_cast<std::uint64_t>(std::int64_t{INT32_MIN} * 1000)));
    Column d = Column::for_field(field(FieldKind::datetime));
    d.push_back(Value::make_int(Tag::datetime, -2000));
    d.push_back(Value{});
    CHECK(d.cell(0) == static_cast<std::uint64_t>(std::int64_t{-2000}));   // the 8-byte layout's cell
    CHECK(d.cell(1) == Column::absent_whole);
    CHECK(load_cell<CellWidth::four_seconds>(d.cells(), 0) == d.cell(0));
}

TEST_CASE("column: rows are copied between columns of every width", "[evidence][column]") {
    const EnumDecl small = enumeration(3);
    const std::pair<FieldDecl, Tag> kinds[] = {
        {field(FieldKind::bool_), Tag::bool_}, {enum_field(small), Tag::enum_}, {field(FieldKind::date), Tag::date}, {field(FieldKind::int_), Tag::int_},
        {field(FieldKind::text), Tag::text}, {field(FieldKind::ref), Tag::ref}, {field(FieldKind::datetime), Tag::datetime}};
    for (const auto& [f, tag] : kinds) {
        const std::int64_t one = tag == Tag::datetime ? 1000 : 1;   // a datetime's narrow cells hold whole seconds
        Column from = Column::for_field(f);
        from.push_back(Value::make_int(tag, one));
        from.push_back(Value{});
        from.push_back(Value::make_int(tag, 0));
        CHECK(from.width() == Column::for_field(f).width());
        Column to = from.like();
        to.assign_absent(4);
        to.copy_rows(1, from, 0, 3);   // rows 1..3
        CHECK(to[0].tag == Tag::absent);
        CHECK(to[1].i == one);
        CHECK(to[2].tag == Tag::absent);
        CHECK(to[3].i == 0);
        CHECK(to[3].tag == tag);
        to.copy_rows(0, to, 3, 1);   // within one column
        Column empty = from.like();
        to.copy_rows(4, empty, 0, 0);   // no rows: nothing to copy, even from a column without storage
        CHECK(to.size() == 4);
        CHECK(to[0].tag == tag);
        CHECK(to[0].i == 0);
    }
}
