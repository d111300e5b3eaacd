#pragma once
// One typed evidence value in 16 bytes. Strings are interned (StringPool ids); lists live
// in EvidenceStore::list_items and are addressed by offset + count.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "big_pages.hpp"

namespace shall {

enum class Tag : std::uint8_t {
    absent,        // empty cell, JSON null, missing key, or a value that could not be parsed
    text,          // i = string id
    int_,          // i
    decimal,       // d
    bool_,         // i = 0 / 1
    date,          // i = days since 1970-01-01
    datetime,      // i = milliseconds since 1970-01-01T00:00:00Z
    enum_,         // i = index into EnumDecl::values
    ref,           // i = global record index of the target
    dangling_ref,  // i = string id of the id that names no record (kept visible to rules)
    list,          // i = offset into EvidenceStore::list_items, count = number of items
};

struct Value {
    Tag tag = Tag::absent;
    std::uint32_t count = 0;
    union {
        std::int64_t i;
        double d;
    };
    Value() : i(0) {}
    static Value make_int(Tag t, std::int64_t v) { Value x; x.tag = t; x.i = v; return x; }
    static Value make_decimal(double v) { Value x; x.tag = Tag::decimal; x.d = v; return x; }
    static Value make_list(std::int64_t offset, std::uint32_t n) { Value x; x.tag = Tag::list; x.i = offset; x.count = n; return x; }
    bool present() const { return tag != Tag::absent; }
};

static_assert(sizeof(Value) == 16);

// The list items of a bundle (or of one piece of a file being read).
using Values = std::vector<Value, FilledLater<Value>>;

}  // namespace shall
