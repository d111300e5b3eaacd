#include "time.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace shall {

namespace {

constexpr Millis ms_per_day = 86'400'000;

// Reads exactly `n` ASCII digits at s[pos]; false when any is not a digit or s is too short.
bool read_digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        char c = s[i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

Days to_days(const date::year_month_day& ymd) {
    return static_cast<Days>(date::sys_days(ymd).time_since_epoch().count());
}

date::year_month_day to_ymd(Days d) {
    return date::year_month_day(date::sys_days(date::days(d)));
}

// Floor division, so that instants before 1970 land on the right day.
Days day_of(Millis t) {
    Millis q = t / ms_per_day;
    if (t % ms_per_day < 0) --q;
    return static_cast<Days>(q);
}

}  // namespace

bool parse_date(std::string_view s, Days& out) {
    int y, m, d;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    if (!read_digits(s, 0, 4, y) || !read_digits(s, 5, 2, m) || !read_digits(s, 8, 2, d)) return false;
    date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)}, date::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return false;
    out = to_days(ymd);
    return true;
}

bool parse_datetime(std::string_view s, Millis& out) {
    if (s.size() < 16 || (s[10] != 'T' && s[10] != ' ')) return false;
    Days day = 0;
    int hh, mm, ss = 0, ms = 0;
    if (!parse_date(s.substr(0, 10), day) || !read_digits(s, 11, 2, hh) || s[13] != ':' || !read_digits(s, 14, 2, mm)) return false;
    std::size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        if (!read_digits(s, pos + 1, 2, ss)) return false;
        pos += 3;
        if (pos < s.size() && s[pos] == '.') {
            ++pos;
            std::size_t digits = 0;
            for (; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos, ++digits)
                if (digits < 3) ms = ms * 10 + (s[pos] - '0');  // keep milliseconds, drop the rest
            if (digits == 0) return false;
            for (std::size_t k = digits; k < 3; ++k) ms *= 10;
        }
    }
    if (hh > 23 || mm > 59 || ss > 59) return false;

    int offset_minutes = 0;
    if (pos < s.size()) {
        char sign = s[pos];
        std::string_view rest = s.substr(pos + 1);
        int oh, om;
        if ((sign == 'Z' || sign == 'z') && rest.empty()) {
            // UTC
        } else if ((sign == '+' || sign == '-') &&
                   ((rest.size() == 5 && rest[2] == ':' && read_digits(rest, 0, 2, oh) && read_digits(rest, 3, 2, om)) ||
                    (rest.size() == 4 && read_digits(rest, 0, 2, oh) && read_digits(rest, 2, 2, om)))) {
            if (oh > 23 || om > 59) return false;
            offset_minutes = (sign == '+' ? 1 : -1) * (oh * 60 + om);
        } else {
            return false;
        }
    }
    Millis local = Millis(day) * ms_per_day + ((Millis(hh) * 60 + mm) * 60 + ss) * 1000 + ms;
    out = local - Millis(offset_minutes) * 60'000;
    return true;
}

std::optional<Days> parse_date(std::string_view s) {
    Days d = 0;
    if (!parse_date(s, d)) return std::nullopt;
    return d;
}

std::optional<Millis> parse_datetime(std::string_view s) {
    Millis t = 0;
    if (!parse_datetime(s, t)) return std::nullopt;
    return t;
}

std::string format_date(Days d) {
    auto ymd = to_ymd(d);
    char buf[16];
    int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                          static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return std::string(buf, static_cast<std::size_t>(n));
}

std::string format_datetime(Millis ms) {
    Days d = day_of(ms);
    Millis in_day = ms - Millis(d) * ms_per_day;
    auto secs = in_day / 1000;
    char buf[16];
    int n = std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", static_cast<int>(secs / 3600),
                          static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
    return format_date(d) + std::string(buf, static_cast<std::size_t>(n));
}

Days add_months(Days d, int months) {
    if (months == 0) return d;   // durations in days and hours: no calendar to consult
    auto ymd = to_ymd(d);
    // Month arithmetic on year_month handles year carry in both directions.
    date::year_month ym = date::year_month(ymd.year(), ymd.month()) + date::months(months);
    auto last = date::year_month_day_last(ym.year(), date::month_day_last(ym.month())).day();
    auto day = ymd.day() > last ? last : ymd.day();
    return to_days(date::year_month_day(ym.year(), ym.month(), day));
}

Millis add_months(Millis t, int months) {
    if (months == 0) return t;
    Days d = day_of(t);
    Millis time_of_day = t - Millis(d) * ms_per_day;
    return Millis(add_months(d, months)) * ms_per_day + time_of_day;
}

bool is_utc(const std::string& zone) { return zone.empty() || zone == "UTC" || zone == "Etc/UTC"; }

namespace {

// The Debian build of date-tz reads the system zoneinfo (USE_OS_TZDB); locate_zone is a
// lookup in that database, cached per thread because a bundle uses one zone throughout.
const date::time_zone* find_zone(const std::string& zone) {
    thread_local std::string cached_name;
    thread_local const date::time_zone* cached = nullptr;
    if (cached && cached_name == zone) return cached;
    const date::time_zone* z = nullptr;
    try {
        z = date::locate_zone(zone);
    } catch (const std::exception&) {
        return nullptr;  // unknown name, or no usable zoneinfo on this system
    }
    cached_name = zone;
    cached = z;
    return z;
}

}  // namespace

Days local_day(Millis t, const std::string& zone) {
    if (is_utc(zone)) return day_of(t);
    const date::time_zone* z = find_zone(zone);
    if (!z) throw std::runtime_error("unknown time zone '" + zone + "'");
    date::sys_time<std::chrono::milliseconds> instant{std::chrono::milliseconds(t)};
    auto info = z->get_info(instant);
    return day_of(t + std::chrono::duration_cast<std::chrono::milliseconds>(info.offset).count());
}

bool valid_time_zone(const std::string& zone) { return is_utc(zone) || find_zone(zone) != nullptr; }

int months_between(Days a, Days b) {
    auto ya = to_ymd(a), yb = to_ymd(b);
    int n = (static_cast<int>(yb.year()) - static_cast<int>(ya.year())) * 12 +
            (static_cast<int>(static_cast<unsigned>(yb.month())) - static_cast<int>(static_cast<unsigned>(ya.month())));
    while (add_months(a, n) > b) --n;
    while (add_months(a, n + 1) <= b) ++n;
    return n;
}

}  // namespace shall
