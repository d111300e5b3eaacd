#pragma once
// Values while evaluating: scalars, records (global record index), and sets of them.
//
// An RValue is small and trivially copyable, so that returning one from every evaluation
// step costs no allocation: the items of a set live outside it, in a ValueArena
// (value_arena.hpp), and the set only points at them.
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace shall {

struct Duration {   // trivial, to sit in RValue's union: Duration{} is zero
    std::int32_t months;
    std::int64_t millis;
};

struct RValue;

// The items of a set value: a view of storage held by a ValueArena.
struct SetItems {
    const RValue* data;
    std::uint32_t count;

    const RValue* begin() const { return data; }
    const RValue* end() const;
    std::size_t size() const { return count; }
    bool empty() const { return count == 0; }
};

struct RValue {
    enum class K : std::uint8_t { absent, boolean, int_, decimal, text, date, datetime, duration, enum_, record, dangling, set };
    K k = K::absent;
    union {                    // which member holds the value depends on k
        std::int64_t i = 0;    // bool, int, date (days), datetime (ms), enum index, record index
        double d;              // decimal
        Duration dur;          // duration
        SetItems items;        // set
    };
    std::string_view s;        // text, enum value name, dangling id

    static RValue boolean(bool b) { return scalar(K::boolean, b); }
    static RValue integer(std::int64_t n) { return scalar(K::int_, n); }
    static RValue date(std::int64_t days) { return scalar(K::date, days); }
    static RValue datetime(std::int64_t millis) { return scalar(K::datetime, millis); }
    static RValue record(std::uint32_t r) { return scalar(K::record, r); }
    static RValue decimal(double x) {
        RValue v;
        v.k = K::decimal;
        v.d = x;
        return v;
    }
    static RValue duration(Duration length) {
        RValue v;
        v.k = K::duration;
        v.dur = length;
        return v;
    }
    static RValue text(std::string_view t) { return named(K::text, 0, t); }
    static RValue dangling(std::string_view id) { return named(K::dangling, 0, id); }
    static RValue enum_value(std::size_t index, std::string_view name) {
        return named(K::enum_, static_cast<std::int64_t>(index), name);
    }
    static RValue set(SetItems members = {nullptr, 0}) {
        RValue v;
        v.k = K::set;
        v.items = members;
        return v;
    }

    bool absent() const { return k == K::absent; }
    bool truthy() const { return k == K::boolean && i != 0; }
    double number() const { return k == K::decimal ? d : static_cast<double>(i); }
    bool empty_set() const { return k == K::set && items.empty(); }

private:
    static RValue scalar(K kind, std::int64_t n) {
        RValue v;
        v.k = kind;
        v.i = n;
        return v;
    }
    static RValue named(K kind, std::int64_t n, std::string_view name) {
        RValue v = scalar(kind, n);
        v.s = name;
        return v;
    }
};

inline const RValue* SetItems::end() const { return data + count; }

static_assert(std::is_trivially_copyable_v<RValue>);
static_assert(sizeof(RValue) <= 40);

}  // namespace shall
