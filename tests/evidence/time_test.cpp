#include <catch2/catch.hpp>

#include "engine/evidence/time.hpp"

using namespace shall;

static Days day(const char* s) { return *parse_date(s); }
static Millis at(const char* s) { return *parse_datetime(s); }

TEST_CASE("parse_date accepts exactly YYYY-MM-DD and real calendar days", "[time]") {
    CHECK(parse_date("1970-01-01") == 0);
    CHECK(parse_date("1970-01-02") == 1);
    CHECK(parse_date("1969-12-31") == -1);
    CHECK(parse_date("2026-03-02") == 20514);
    CHECK(parse_date("2024-02-29").has_value());  // leap year
    CHECK(parse_date("2000-02-29").has_value());  // divisible by 400

    CHECK_FALSE(parse_date("2025-02-29"));  // not a leap year
    CHECK_FALSE(parse_date("1900-02-29"));  // divisible by 100, not by 400
    CHECK_FALSE(parse_date("2026-02-30"));
    CHECK_FALSE(parse_date("2026-04-31"));
    CHECK_FALSE(parse_date("2026-13-01"));
    CHECK_FALSE(parse_date("2026-00-10"));
    CHECK_FALSE(parse_date("2026-01-00"));
    CHECK_FALSE(parse_date("2026-3-2"));
    CHECK_FALSE(parse_date("2026/03/02"));
    CHECK_FALSE(parse_date(" 2026-03-02"));
    CHECK_FALSE(parse_date("2026-03-02 "));
    CHECK_FALSE(parse_date("2026-03-02T10:00"));
    CHECK_FALSE(parse_date("20260302"));
    CHECK_FALSE(parse_date(""));
    CHECK_FALSE(parse_date("2026-0a-02"));
}

TEST_CASE("parse_datetime: separators, seconds, fractions, offsets", "[time]") {
    const Millis ten = Millis(day("2026-03-02")) * 86'400'000 + 10LL * 3'600'000;
    CHECK(parse_datetime("2026-03-02T10:00") == ten);
    CHECK(parse_datetime("2026-03-02 10:00") == ten);
    CHECK(parse_datetime("2026-03-02T10:00:00") == ten);
    CHECK(parse_datetime("2026-03-02T10:00:00Z") == ten);
    CHECK(parse_datetime("2026-03-02T10:00Z") == ten);
    CHECK(parse_datetime("2026-03-02T10:00:07") == ten + 7000);

    SECTION("fractional seconds keep milliseconds") {
        CHECK(parse_datetime("2026-03-02T10:00:00.5Z") == ten + 500);
        CHECK(parse_datetime("2026-03-02T10:00:00.25Z") == ten + 250);
        CHECK(parse_datetime("2026-03-02T10:00:00.123Z") == ten + 123);
        CHECK(parse_datetime("2026-03-02T10:00:00.123456789Z") == ten + 123);  // beyond ms dropped
        CHECK(parse_datetime("2026-03-02T10:00:01.999+01:00") == ten - 3'600'000 + 1999);
        CHECK_FALSE(parse_datetime("2026-03-02T10:00:00.Z"));
        CHECK_FALSE(parse_datetime("2026-03-02T10:00.5"));  // fraction only after seconds
    }
    SECTION("offsets ±HH:MM and ±HHMM") {
        CHECK(parse_datetime("2026-03-02T11:00:00+01:00") == ten);
        CHECK(parse_datetime("2026-03-02T11:00:00+0100") == ten);
        CHECK(parse_datetime("2026-03-02T04:30-05:30") == ten);
        CHECK(parse_datetime("2026-03-02T04:30-0530") == ten);
        CHECK(parse_datetime("2026-03-02 11:00+01:00") == ten);
        // an offset can move the instant to another UTC day
        CHECK(parse_datetime("2026-03-02T00:30:00+02:00") == Millis(day("2026-03-01")) * 86'400'000 + 22LL * 3'600'000 + 30 * 60'000);
        CHECK_FALSE(parse_datetime("2026-03-02T10:00+01"));
        CHECK_FALSE(parse_datetime("2026-03-02T10:00+1:00"));
        CHECK_FALSE(parse_datetime("2026-03-02T10:00+01:60"));
        CHECK_FALSE(parse_datetime("2026-03-02T10:00 Z"));
        CHECK_FALSE(parse_datetime("2026-03-02T10:00ZZ"));
    }
    SECTION("rejections") {
        CHECK_FALSE(parse_datetime("2026-03-02"));  // a bare date is not a datetime
        CHECK_FALSE(parse_datetime("2026-02-30T10:00"));
        CHECK_FALSE(parse_datetime("2026-03-02T24:00"));
        CHECK_FALSE(parse_datetime("2026-03-02T10:60"));
        CHECK_FALSE(parse_datetime("2026-03-02T10:00:60"));
        CHECK_FALSE(parse_datetime("2026-03-02T1:00"));
        CHECK_FALSE(parse_datetime("2026-03-02  10:00"));
        CHECK_FALSE(parse_datetime("2026-03-02X10:00"));
        CHECK_FALSE(parse_datetime("2026-03-02T10:00:0"));
        CHECK_FALSE(parse_datetime(""));
    }
}

TEST_CASE("format_date and format_datetime", "[time]") {
    CHECK(format_date(0) == "1970-01-01");
    CHECK(format_date(-1) == "1969-12-31");
    CHECK(format_date(day("2024-02-29")) == "2024-02-29");
    CHECK(format_datetime(at("2026-03-02T11:00:00+01:00")) == "2026-03-02T10:00:00Z");
    CHECK(format_datetime(at("2026-03-02T10:00:07.999Z")) == "2026-03-02T10:00:07Z");  // seconds precision
    CHECK(format_datetime(-1) == "1969-12-31T23:59:59Z");
    CHECK(format_datetime(0) == "1970-01-01T00:00:00Z");
}

TEST_CASE("add_months keeps the day of month, clamped to the month end", "[time]") {
    CHECK(format_date(add_months(day("2024-01-31"), 1)) == "2024-02-29");
    CHECK(format_date(add_months(day("2025-01-31"), 1)) == "2025-02-28");
    CHECK(format_date(add_months(day("2026-01-15"), 1)) == "2026-02-15");
    CHECK(format_date(add_months(day("2026-03-31"), 1)) == "2026-04-30");
    CHECK(format_date(add_months(day("2026-10-31"), 12)) == "2027-10-31");
    CHECK(format_date(add_months(day("2026-11-30"), 3)) == "2027-02-28");
    CHECK(format_date(add_months(day("2024-02-29"), 12)) == "2025-02-28");
    CHECK(format_date(add_months(day("2024-02-29"), 48)) == "2028-02-29");
    CHECK(format_date(add_months(day("2026-05-20"), 0)) == "2026-05-20");
    SECTION("negative") {
        CHECK(format_date(add_months(day("2026-03-31"), -1)) == "2026-02-28");
        CHECK(format_date(add_months(day("2024-03-31"), -1)) == "2024-02-29");
        CHECK(format_date(add_months(day("2026-10-31"), -12)) == "2025-10-31");
        CHECK(format_date(add_months(day("2026-01-15"), -13)) == "2024-12-15");
        CHECK(format_date(add_months(day("2025-02-28"), -12)) == "2024-02-28");
    }
    SECTION("datetimes keep their time of day") {
        CHECK(format_datetime(add_months(at("2024-01-31T23:15:00Z"), 1)) == "2024-02-29T23:15:00Z");
        CHECK(format_datetime(add_months(at("1970-01-01T00:00:00.5Z"), -1)) == "1969-12-01T00:00:00Z");
        CHECK(add_months(at("2026-01-10T08:00:00.250Z"), 2) == at("2026-03-10T08:00:00.250Z"));
    }
}

TEST_CASE("months_between is the largest n with add_months(a, n) <= b", "[time]") {
    CHECK(months_between(day("2026-01-31"), day("2026-02-28")) == 1);
    CHECK(months_between(day("2026-01-31"), day("2026-02-27")) == 0);
    CHECK(months_between(day("2025-10-31"), day("2026-10-31")) == 12);
    CHECK(months_between(day("2025-10-31"), day("2026-10-30")) == 11);
    CHECK(months_between(day("2026-05-01"), day("2026-05-01")) == 0);
    CHECK(months_between(day("2024-02-29"), day("2025-02-28")) == 12);
}

TEST_CASE("local_day converts an instant to the calendar day of a zone", "[time]") {
    Millis late = at("2026-03-01T23:30:00Z");
    CHECK(format_date(local_day(late, "UTC")) == "2026-03-01");
    CHECK(format_date(local_day(late, "")) == "2026-03-01");
    CHECK(format_date(local_day(late, "Europe/Berlin")) == "2026-03-02");
    CHECK(format_date(local_day(at("2026-03-02T03:00:00Z"), "America/New_York")) == "2026-03-01");
    // summer time: Berlin is UTC+2 in July, so 22:30Z is already the next day
    CHECK(format_date(local_day(at("2026-07-01T22:30:00Z"), "Europe/Berlin")) == "2026-07-02");
    CHECK(format_date(local_day(at("2026-01-01T22:30:00Z"), "Europe/Berlin")) == "2026-01-01");
    CHECK(format_date(local_day(at("2026-03-01T10:00:00Z"), "Asia/Kolkata")) == "2026-03-01");
    CHECK(format_date(local_day(at("2026-03-01T18:30:00Z"), "Asia/Kolkata")) == "2026-03-02");

    CHECK(valid_time_zone("Europe/Berlin"));
    CHECK(valid_time_zone("UTC"));
    CHECK_FALSE(valid_time_zone("Mars/Olympus_Mons"));
    CHECK_THROWS_AS(local_day(late, "Mars/Olympus_Mons"), std::runtime_error);
}
