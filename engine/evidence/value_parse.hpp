#pragma once
// Text -> typed Value for one field kind of the evidence model (section 2). The same rules
// serve CSV cells and JSONL scalars (which are turned into their text form first).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "../../dsl/check/schema.hpp"
#include "text_interner.hpp"
#include "value.hpp"

namespace shall {

enum class ParseProblem { none, bad_value, out_of_range, unknown_enum };

// Parses `text` (already trimmed and non-empty) as a scalar of `kind`. Text is interned in
// `strings`. A reference becomes Tag::dangling_ref holding the interned id; the bundle loader
// turns it into Tag::ref once every file is read. kind == list is not a scalar: callers split
// lists into items first.
ParseProblem parse_value(FieldKind kind, const EnumDecl* enumeration, std::string_view text, TextInterner& strings, Value& out);

// What a value of `kind` should look like, for messages: "a whole number", "one of: a, b".
std::string expected_text(FieldKind kind, const EnumDecl* enumeration);

enum class IntResult { ok, not_integer, out_of_range };
IntResult parse_int(std::string_view s, std::int64_t& out);        // optional sign, digits only
std::optional<double> parse_decimal(std::string_view s);            // finite numbers: 99.95, -3, 1e3
std::optional<bool> parse_bool(std::string_view s);                 // true/false/yes/no/1/0, any case

// Shortest text that reads back as the same double, without exponent for everyday magnitudes
// and without trailing zeros: 99.95, 100000, 0.5, 1e+25.
std::string format_decimal(double d);

}  // namespace shall
