#pragma once
// Calendar arithmetic and the value formats of the evidence model (section 2 and 5).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shall {

using Days = std::int32_t;      // days since 1970-01-01
using Millis = std::int64_t;    // milliseconds since 1970-01-01T00:00:00Z

// YYYY-MM-DD; rejects impossible dates such as 2026-02-30.
std::optional<Days> parse_date(std::string_view s);
// YYYY-MM-DDTHH:MM[:SS[.fff…]][Z|±HH:MM|±HHMM], 'T' or one space; no offset = UTC.
// A bare date is NOT accepted here.
std::optional<Millis> parse_datetime(std::string_view s);
// The same, writing only a good value: what the loader calls for every cell (an optional comes
// back through memory, where reading it whole waits for its parts to be written).
bool parse_date(std::string_view s, Days& out);
bool parse_datetime(std::string_view s, Millis& out);

std::string format_date(Days d);            // 2026-03-02
std::string format_datetime(Millis ms);     // 2026-03-02T10:00:00Z (UTC, seconds precision)

// N months after d: same day of month, clamped to the month's last day. N may be negative.
Days add_months(Days d, int months);
Millis add_months(Millis t, int months);    // on the UTC calendar, time of day kept

// The calendar day of t in an IANA time zone ("UTC" or "" = UTC). Throws std::runtime_error
// for an unknown zone name (validate once with valid_time_zone first).
Days local_day(Millis t, const std::string& zone);
bool is_utc(const std::string& zone);   // "UTC", "Etc/UTC" or "": local days are UTC days
bool valid_time_zone(const std::string& zone);

// Whole calendar months from a to b (b >= a): the largest n with add_months(a, n) <= b.
int months_between(Days a, Days b);

}  // namespace shall
