#pragma once
// One field's values in a table, 8 bytes a row or fewer instead of a 16-byte Value: the
// field's kind fixes the tag of a present value, so a cell holds only the payload (and, for
// text and references, which of text / record / dangling id it is). Bools and enums of up to
// 254 values take 1 byte a row, dates, texts and references 4, whole numbers 4 until one
// does not fit and datetimes 4 (whole seconds from 1901-12-13 to 2038-01-19) until one does
// not (the column then widens to 8); each reads back as the 8-byte cell `encode` gives
// (the cell of the layout), so only the storage knows the width. Values go in and come out whole.
#include <cstdint>
#include <cstring>
#include <climits>
#include <stdexcept>
#include <type_traits>
#include <vector>

#include "value.hpp"

namespace shall {

struct FieldDecl;

// True for fields whose value is a list: `list` fields and `-> T*` references.
bool is_list_field(const FieldDecl& f);

// Bytes a row and what they hold: one (a bool or an enum index), four (a day or a whole number, signed), four_string
// (a text, record or dangling id in 30 bits, which of them in the top two), four_seconds (a
// datetime's milliseconds / 1000, signed) or eight (the cell itself).
enum class CellWidth : std::uint8_t { one, four, four_string, four_seconds, eight };
constexpr std::size_t cell_widths = 5;
constexpr unsigned shift_of(CellWidth w) { return w == CellWidth::one ? 0 : w == CellWidth::eight ? 3 : 2; }
// The widths a column leaves for eight when a value does not fit them.
constexpr bool widens(CellWidth w) { return w == CellWidth::four || w == CellWidth::four_seconds; }

// The highest text, record or dangling id a 4-byte cell holds: a bundle holds at most 2^30
// records and as many distinct texts.
constexpr std::uint32_t max_string_cell_id = (std::uint32_t{1} << 30) - 1;
constexpr std::size_t max_string_cell_ids = std::size_t{max_string_cell_id} + 1;   // 2^30

// The 8-byte cell stored at `row` of cells of this width (one and four: whole layout; four_string: string layout).
template <CellWidth W>
std::uint64_t load_cell(const unsigned char* cells, std::size_t row);

class Column {
public:
    enum class Layout : std::uint8_t {
        string,    // text, ref, dangling_ref: tag << 32 | id; 0 = absent
        whole,     // int_, bool_, date, datetime, enum_ (one of them, `present`): the integer; absent_whole = absent
        decimal,   // the double's bits; absent_decimal (a NaN, never parsed) = absent
        list,      // count << offset_bits | offset into the list items; 0 = absent
    };
    static constexpr std::uint64_t absent_whole = std::uint64_t{1} << 63;   // INT64_MIN, out of range for a whole number
    static constexpr std::uint64_t absent_decimal = 0x7ff8'0000'dead'beefULL;
    static constexpr int offset_bits = 36;
    static constexpr std::uint64_t max_offset = (std::uint64_t{1} << offset_bits) - 1;
    static constexpr std::uint64_t max_items = (std::uint64_t{1} << (64 - offset_bits)) - 1;
    // What a narrow cell holds for an absent value: a byte no bool or enum index of 1-byte
    // cells is, a day no date of 4-digit years is.
    static constexpr std::uint8_t absent_one = 0xff;
    static constexpr std::int32_t absent_four = INT32_MIN;

    Column() : width_(CellWidth::four_string) {}   // text
    Column(Layout layout, Tag present, CellWidth width = CellWidth::eight) : layout_(layout), present_(present), width_(width) {}
    static Column for_field(const FieldDecl& f);
    Column like() const { return Column(layout_, present_, width_); }   // same layout and width, no rows

    Value operator[](std::size_t row) const { return decode(cell(row)); }
    void set(std::size_t row, const Value& v) { set_cell(row, encode(v)); }
    void push_back(const Value& v) {
        resize(size() + 1);
        set(size() - 1, v);
    }
    std::size_t size() const { return cells_.size() >> shift(); }
    std::size_t capacity() const { return cells_.capacity() >> shift(); }
    void reserve(std::size_t n) { cells_.reserve(n << shift()); }
    void resize(std::size_t n) { cells_.resize(n << shift()); }   // grown rows are left unwritten: set them next
    void assign_absent(std::size_t n) {
        resize(n);
        const std::uint64_t absent = encode(Value{});
        for (std::size_t r = 0; r < n; ++r) set_cell(r, absent);
    }

    // The 8-byte cell of a row (as `encode` makes it), whatever the width it is stored in. A
    // whole number that 4 bytes cannot hold widens the column to 8 first.
    std::uint64_t cell(std::size_t row) const;
    void set_cell(std::size_t row, std::uint64_t cell);
    // Whether 4-byte cells hold this 8-byte whole cell (absent included).
    static bool fits_four(std::uint64_t cell) {
        const auto v = static_cast<std::int64_t>(cell);
        return cell == absent_whole || (v == static_cast<std::int32_t>(v) && v != absent_four);
    }
    // Datetimes in 4-byte cells: whole seconds from first_second on (after INT32_MIN, the
    // absent marker), as milliseconds counted from the first, unsigned so that dividing by
    // 1000 is a multiplication wherever the compiler inlines it.
    static constexpr std::int64_t first_second = std::int64_t{INT32_MIN} + 1;
    static constexpr std::uint64_t first_second_ms = static_cast<std::uint64_t>(first_second * 1000);
    static constexpr std::uint64_t four_seconds_span_ms = (std::uint64_t{INT32_MAX} - first_second) * 1000;
    // Whether 4-byte cells of whole seconds hold this datetime cell (absent included).
    static bool fits_four_seconds(std::uint64_t cell) {
        const std::uint64_t from_first = cell - first_second_ms;
        return cell == absent_whole || (from_first <= four_seconds_span_ms && from_first % 1000 == 0);
    }
    static bool fits(CellWidth w, std::uint64_t cell) {
        return w == CellWidth::four ? fits_four(cell) : w == CellWidth::four_seconds ? fits_four_seconds(cell) : true;
    }
    // 4-byte whole or seconds cells become 8-byte ones, every row kept (a column of another
    // width is left as it is).
    void widen();
    // For the loader's bulk copies: `rows` rows of `from` (same layout and width) from `from_row` on,
    // to this column's rows from `to_row` on (the two may be the same column).
    void copy_rows(std::size_t to_row, const Column& from, std::size_t from_row, std::size_t rows) {
        if (rows == 0) return;   // empty columns may have no storage at all: memmove of null is undefined
        std::memmove(cells_.data() + (to_row << shift()), from.cells_.data() + (from_row << shift()), rows << shift());
    }

    Layout layout() const { return layout_; }
    CellWidth width() const { return width_; }
    // The stored cells, 1 << width bytes each, for loops that read or fill a column at a time.
    const unsigned char* cells() const { return cells_.data(); }
    unsigned char* cells() { return cells_.data(); }

    std::uint64_t encode(const Value& v) const {
        switch (layout_) {
            case Layout::string: return static_cast<std::uint64_t>(v.tag) << 32 | static_cast<std::uint32_t>(v.i);
            case Layout::whole: return v.tag == Tag::absent ? absent_whole : static_cast<std::uint64_t>(v.i);
            case Layout::decimal: {
                if (v.tag == Tag::absent) return absent_decimal;
                std::uint64_t bits;
                std::memcpy(&bits, &v.d, sizeof bits);
                return bits;
            }
            case Layout::list:
                if (v.tag == Tag::absent) return 0;
                if (static_cast<std::uint64_t>(v.i) > max_offset || v.count > max_items) throw std::length_error("too many list items");
                return std::uint64_t{v.count} << offset_bits | static_cast<std::uint64_t>(v.i);
        }
        return 0;
    }
    Value decode(std::uint64_t cell) const {
        switch (layout_) {
            case Layout::string: return Value::make_int(static_cast<Tag>(cell >> 32), static_cast<std::uint32_t>(cell));
            case Layout::whole: return cell == absent_whole ? Value{} : Value::make_int(present_, static_cast<std::int64_t>(cell));
            case Layout::decimal: {
                if (cell == absent_decimal) return {};
                double d;
                std::memcpy(&d, &cell, sizeof d);
                return Value::make_decimal(d);
            }
            case Layout::list:
                if (cell == 0) return {};
                return Value::make_list(static_cast<std::int64_t>(cell & max_offset), static_cast<std::uint32_t>(cell >> offset_bits));
        }
        return {};
    }

private:
    unsigned shift() const { return shift_of(width_); }
    Layout layout_ = Layout::string;
    Tag present_ = Tag::text;
    CellWidth width_ = CellWidth::eight;
    std::vector<unsigned char, FilledLater<unsigned char>> cells_;
};

template <CellWidth W>
std::uint64_t load_cell(const unsigned char* cells, std::size_t row) {
    if constexpr (W == CellWidth::one) {
        const std::uint8_t b = cells[row];
        return b == Column::absent_one ? Column::absent_whole : b;
    } else if constexpr (W == CellWidth::four) {
        std::int32_t day;
        std::memcpy(&day, cells + row * 4, sizeof day);
        return day == Column::absent_four ? Column::absent_whole : static_cast<std::uint64_t>(static_cast<std::int64_t>(day));
    } else if constexpr (W == CellWidth::four_seconds) {
        std::int32_t seconds;
        std::memcpy(&seconds, cells + row * 4, sizeof seconds);
        return seconds == Column::absent_four ? Column::absent_whole : static_cast<std::uint64_t>(std::int64_t{seconds} * 1000);
    } else if constexpr (W == CellWidth::four_string) {
        // kind << 30 | id, kinds 1 text, 2 record, 3 dangling id; 0 is absent
        constexpr auto bits = [](Tag t) { return std::uint64_t{static_cast<std::uint8_t>(t)} << 32; };
        constexpr std::uint64_t tag_bits[4] = {0, bits(Tag::text), bits(Tag::ref), bits(Tag::dangling_ref)};
        std::uint32_t c;
        std::memcpy(&c, cells + row * 4, sizeof c);
        return tag_bits[c >> 30] | (c & max_string_cell_id);
    } else {
        std::uint64_t cell;
        std::memcpy(&cell, cells + row * 8, sizeof cell);
        return cell;
    }
}

// Stores the 8-byte cell `cell` at `row` of cells of this width (the inverse of load_cell).
template <CellWidth W>
void store_cell(unsigned char* cells, std::size_t row, std::uint64_t cell) {
    if constexpr (W == CellWidth::one) {
        cells[row] = cell == Column::absent_whole ? Column::absent_one : static_cast<std::uint8_t>(cell);
    } else if constexpr (W == CellWidth::four) {
        const std::int32_t day = cell == Column::absent_whole ? Column::absent_four : static_cast<std::int32_t>(cell);
        std::memcpy(cells + row * 4, &day, sizeof day);
    } else if constexpr (W == CellWidth::four_seconds) {
        const std::int32_t seconds =
            cell == Column::absent_whole
                ? Column::absent_four
                : static_cast<std::int32_t>(static_cast<std::int64_t>((cell - Column::first_second_ms) / 1000) + Column::first_second);
        std::memcpy(cells + row * 4, &seconds, sizeof seconds);
    } else if constexpr (W == CellWidth::four_string) {
        const auto tag = static_cast<Tag>(cell >> 32);
        const auto id = static_cast<std::uint32_t>(cell);
        std::uint32_t c = 0;   // absent
        if (tag != Tag::absent) {
            if (id > max_string_cell_id) throw std::length_error("more than 1073741824 records or distinct texts in one bundle");
            const std::uint32_t kind = tag == Tag::text ? 1 : tag == Tag::ref ? 2 : 3;
            c = kind << 30 | id;
        }
        std::memcpy(cells + row * 4, &c, sizeof c);
    } else {
        std::memcpy(cells + row * 8, &cell, sizeof cell);
    }
}

// Calls f(std::integral_constant<CellWidth, w>) for the width w, so that a loop over a
// column's cells is compiled once per width.
template <class F>
[[gnu::always_inline]] inline decltype(auto) with_width(CellWidth w, F&& f) {
    switch (w) {
        case CellWidth::one: return f(std::integral_constant<CellWidth, CellWidth::one>{});
        case CellWidth::four: return f(std::integral_constant<CellWidth, CellWidth::four>{});
        case CellWidth::four_string: return f(std::integral_constant<CellWidth, CellWidth::four_string>{});
        case CellWidth::four_seconds: return f(std::integral_constant<CellWidth, CellWidth::four_seconds>{});
        case CellWidth::eight: break;
    }
    return f(std::integral_constant<CellWidth, CellWidth::eight>{});
}

// load_cell for a width known only at run time.
inline std::uint64_t load_cell(CellWidth width, const unsigned char* cells, std::size_t row) {
    return with_width(width, [&](auto w) { return load_cell<w()>(cells, row); });
}

inline std::uint64_t Column::cell(std::size_t row) const { return load_cell(width_, cells_.data(), row); }

inline void Column::set_cell(std::size_t row, std::uint64_t cell) {
    with_width(width_, [&](auto w) {
        if constexpr (widens(w())) {
            if (!fits(w(), cell)) [[unlikely]] {
                widen();
                store_cell<CellWidth::eight>(cells_.data(), row, cell);
                return;
            }
        }
        store_cell<w()>(cells_.data(), row, cell);
    });
}

}  // namespace shall
