#pragma once
// One field's values in a table, 8 bytes a row instead of a 16-byte Value: the field's kind
// fixes the tag of a present value, so a cell holds only the payload (and, for text and
// references, which of text / record / dangling id it is). Values go in and come out whole.
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "value.hpp"

namespace shall {

struct FieldDecl;

// True for fields whose value is a list: `list` fields and `-> T*` references.
bool is_list_field(const FieldDecl& f);

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

    Column() = default;   // text
    Column(Layout layout, Tag present) : layout_(layout), present_(present) {}
    static Column for_field(const FieldDecl& f);
    Column like() const { return Column(layout_, present_); }   // same layout, no rows

    Value operator[](std::size_t row) const { return decode(cells_[row]); }
    void set(std::size_t row, const Value& v) { cells_[row] = encode(v); }
    void push_back(const Value& v) { cells_.push_back(encode(v)); }
    std::size_t size() const { return cells_.size(); }
    std::size_t capacity() const { return cells_.capacity(); }
    void reserve(std::size_t n) { cells_.reserve(n); }
    void resize(std::size_t n) { cells_.resize(n); }   // grown rows are left unwritten: set them next
    void assign_absent(std::size_t n) { cells_.assign(n, encode(Value{})); }

    // For the loader's bulk copies.
    Layout layout() const { return layout_; }
    std::uint64_t* cells() { return cells_.data(); }
    const std::uint64_t* cells() const { return cells_.data(); }

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
    Layout layout_ = Layout::string;
    Tag present_ = Tag::text;
    std::vector<std::uint64_t, FilledLater<std::uint64_t>> cells_;
};

}  // namespace shall
