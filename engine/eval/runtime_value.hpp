#pragma once
// Values while evaluating: scalars, records (global record index), and sets of them.
#include <cstdint>
#include <string_view>
#include <vector>

namespace shall {

struct Duration {
    std::int32_t months = 0;
    std::int64_t millis = 0;
};

struct RValue {
    enum class K : std::uint8_t { absent, boolean, int_, decimal, text, date, datetime, duration, enum_, record, dangling, set };
    K k = K::absent;
    std::int64_t i = 0;        // bool, int, date (days), datetime (ms), enum index, record index
    double d = 0;              // decimal
    std::string_view s;        // text, dangling id
    Duration dur;
    std::vector<RValue> items; // set

    static RValue boolean(bool b) { RValue v; v.k = K::boolean; v.i = b; return v; }
    static RValue integer(std::int64_t n) { RValue v; v.k = K::int_; v.i = n; return v; }
    static RValue decimal(double x) { RValue v; v.k = K::decimal; v.d = x; return v; }
    static RValue record(std::uint32_t r) { RValue v; v.k = K::record; v.i = r; return v; }
    static RValue set() { RValue v; v.k = K::set; return v; }
    bool absent() const { return k == K::absent; }
    bool truthy() const { return k == K::boolean && i != 0; }
    double number() const { return k == K::decimal ? d : static_cast<double>(i); }
};

}  // namespace shall
