#include "value_parse.hpp"

#include <charconv>
#include <cmath>
#include <limits>

#include "text_util.hpp"
#include "time.hpp"

namespace shall {

namespace {

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

std::string_view without_plus(std::string_view s) {
    // from_chars does not accept a leading '+', people do write one
    if (s.size() > 1 && s[0] == '+' && s[1] != '-' && s[1] != '+') s.remove_prefix(1);
    return s;
}

}  // namespace

IntResult parse_int(std::string_view s, std::int64_t& out) {
    s = without_plus(s);
    const char* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, out);
    if (p != end || s.empty()) return IntResult::not_integer;
    if (ec == std::errc::result_out_of_range) return IntResult::out_of_range;
    if (ec != std::errc()) return IntResult::not_integer;
    if (out == std::numeric_limits<std::int64_t>::min()) return IntResult::out_of_range;   // the store's absent cell (column.hpp)
    return IntResult::ok;
}

std::optional<double> parse_decimal(std::string_view s) {
    s = without_plus(s);
    double d = 0;
    const char* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, d, std::chars_format::general);
    if (s.empty() || p != end || ec != std::errc() || !std::isfinite(d)) return std::nullopt;
    return d;
}

std::optional<bool> parse_bool(std::string_view s) {
    if (iequals(s, "true") || iequals(s, "yes") || s == "1") return true;
    if (iequals(s, "false") || iequals(s, "no") || s == "0") return false;
    return std::nullopt;
}

std::string format_decimal(double d) {
    if (d == 0) return "0";  // also -0
    char buf[64];
    double magnitude = std::fabs(d);
    auto format = magnitude >= 1e-6 && magnitude < 1e21 ? std::chars_format::fixed : std::chars_format::general;
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, d, format);
    if (ec != std::errc()) return std::to_string(d);
    return std::string(buf, p);
}

ParseProblem parse_value(FieldKind kind, const EnumDecl* enumeration, std::string_view text, TextInterner& strings, Value& out) {
    switch (kind) {
        case FieldKind::text:
        case FieldKind::list:  // a list item of unknown kind is kept as text
            out = Value::make_int(Tag::text, strings.intern(text));
            return ParseProblem::none;
        case FieldKind::ref:
            out = Value::make_int(Tag::dangling_ref, strings.intern(text));
            return ParseProblem::none;
        case FieldKind::int_: {
            std::int64_t v = 0;
            switch (parse_int(text, v)) {
                case IntResult::ok: out = Value::make_int(Tag::int_, v); return ParseProblem::none;
                case IntResult::out_of_range: return ParseProblem::out_of_range;
                case IntResult::not_integer: return ParseProblem::bad_value;
            }
            return ParseProblem::bad_value;
        }
        case FieldKind::decimal:
            if (auto d = parse_decimal(text)) {
                out = Value::make_decimal(*d);
                return ParseProblem::none;
            }
            return ParseProblem::bad_value;
        case FieldKind::bool_:
            if (auto b = parse_bool(text)) {
                out = Value::make_int(Tag::bool_, *b ? 1 : 0);
                return ParseProblem::none;
            }
            return ParseProblem::bad_value;
        case FieldKind::date: {
            Days d = 0;
            if (!parse_date(text, d)) return ParseProblem::bad_value;
            out = Value::make_int(Tag::date, d);
            return ParseProblem::none;
        }
        case FieldKind::datetime: {
            Millis t = 0;
            if (!parse_datetime(text, t)) return ParseProblem::bad_value;
            out = Value::make_int(Tag::datetime, t);
            return ParseProblem::none;
        }
        case FieldKind::enum_:
            if (!enumeration) {  // a schema without the declaration: keep the words as text
                out = Value::make_int(Tag::text, strings.intern(text));
                return ParseProblem::none;
            }
            if (auto i = enumeration->index_of(text)) {
                out = Value::make_int(Tag::enum_, static_cast<std::int64_t>(*i));
                return ParseProblem::none;
            }
            return ParseProblem::unknown_enum;
    }
    return ParseProblem::bad_value;
}

std::string expected_text(FieldKind kind, const EnumDecl* enumeration) {
    switch (kind) {
        case FieldKind::text: return "text";
        case FieldKind::list: return "a list";
        case FieldKind::ref: return "a record id";
        case FieldKind::int_: return "a whole number";
        case FieldKind::decimal: return "a number such as 99.95";
        case FieldKind::bool_: return "true/false, yes/no or 1/0";
        case FieldKind::date: return "a date YYYY-MM-DD";
        case FieldKind::datetime: return "a date and time YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM]";
        case FieldKind::enum_: return enumeration ? "one of: " + join(enumeration->values, ", ") : "a listed value";
    }
    return "a value";
}

}  // namespace shall
