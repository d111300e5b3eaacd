// Time in rules: calendar-month arithmetic, a date compared with a datetime in the bundle's
// time zone, and periodic() "at planned intervals".
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace shall;
using namespace shall::etest;

namespace {

const char* const approval_rule = R"(import evidence
rule CHG-APPROVED-BEFORE-IMPL {
  clause 8.5.1.3
  title "Changes are approved before they are implemented"
  severity major
  for each c in Change where c.implemented_on is present
  require c.approved_on is present and c.approved_on <= c.implemented_on
}
)";

std::vector<std::string> late_changes(const std::string& bundle_json, const std::string& changes) {
    auto r = run(approval_rule, {{"bundle.json", bundle_json}, {"Change.csv", changes}});
    if (!r->store) FAIL(rendered(r->diags));
    return r->focus_ids("CHG-APPROVED-BEFORE-IMPL");
}

}  // namespace

TEST_CASE("calendar months clamp to the month's last day; leap years", "[engine][time]") {
    auto r = run(R"(import evidence
rule DATES {
  clause 9.1
  title "dates"
  severity ofi
  require false
  message "{2024-01-31 + 1 month} {2023-01-31 + 1 month} {2024-02-29 + 1 year} {2024-03-31 - 1 month} {2024-01-31 + 1 month + 1 month} {2024-01-31 + 2 months} {2024-02-28 + 1 day} {2023-02-28 + 1 day} {2024-01-10 + 36 hours} {2024-01-10 - 1 hour} {2024-01-31T10:30:00Z + 1 month} {2024-12-31 + 2 weeks} {days_between(2024-02-01, 2024-03-01)} {days_between(2023-02-01, 2023-03-01)} {months(3) + days(2)} {as_of - 12 months}"
}
rule LEAP {
  clause 9.1
  title "2024-01-31 + 1 month is 2024-02-29"
  severity ofi
  require 2024-01-31 + 1 month = 2024-02-29 and 2024-02-29 - 12 months = 2023-02-28
}
)", {{"bundle.json", R"({"as_of": "2026-03-31"})"}});
    REQUIRE(rendered(r->diags) == "");
    CHECK(r->messages("DATES") == std::vector<std::string>{
              "2024-02-29 2023-02-28 2025-02-28 2024-02-29 2024-03-29 2024-03-31 2024-02-29 2023-03-01 2024-01-11 2024-01-10 "
              "2024-02-29T10:30:00Z 2025-01-14 29 28 3 months 2 days 2025-03-31"});
    CHECK(r->rule("LEAP").status == RuleStatus::pass);
}

TEST_CASE("a date compared with a datetime compares calendar days", "[engine][time]") {
    // approved the same day as implemented (any time of day) is not late; the day after is
    CHECK(late_changes(R"({"as_of": "2024-06-30"})",
                       "id,implemented_on,approved_on\n"
                       "C1,2024-03-02T00:00:00Z,2024-03-02\n"
                       "C2,2024-03-02T23:59:59Z,2024-03-02\n"
                       "C3,2024-03-02T10:00:00Z,2024-03-03\n"
                       "C4,2024-03-02T10:00:00Z,2024-03-01\n"
                       "C5,2024-03-02T10:00:00Z,\n") == std::vector<std::string>{"C3", "C5"});
}

TEST_CASE("the bundle's time zone decides a datetime's calendar day", "[engine][time]") {
    // 23:30 UTC on 2 March is 12:30 on 3 March in Auckland (NZDT, +13:00)
    const std::string east = "id,implemented_on,approved_on\nC1,2024-03-02T23:30:00Z,2024-03-03\n";
    CHECK(late_changes(R"({"as_of": "2024-06-30"})", east) == std::vector<std::string>{"C1"});
    CHECK(late_changes(R"({"as_of": "2024-06-30", "timezone": "Pacific/Auckland"})", east).empty());
    // 03:00 UTC on 3 March is 22:00 on 2 March in New York (EST, -05:00)
    const std::string west = "id,implemented_on,approved_on\nC1,2024-03-03T03:00:00Z,2024-03-03\n";
    CHECK(late_changes(R"({"as_of": "2024-06-30"})", west).empty());
    CHECK(late_changes(R"({"as_of": "2024-06-30", "timezone": "America/New_York"})", west) == std::vector<std::string>{"C1"});
    // an offset written in the data is honoured before the zone is applied
    CHECK(late_changes(R"({"as_of": "2024-06-30"})",
                       "id,implemented_on,approved_on\nC1,2024-03-03T01:00:00+02:00,2024-03-03\n") ==
          std::vector<std::string>{"C1"});
}

TEST_CASE("date() and days_between() use the bundle's time zone", "[engine][time]") {
    auto r = run(R"(import evidence
rule DAY {
  clause 8.6.1
  title "day"
  severity ofi
  for each i in Incident
  require false
  message "{i.id}: {date(i.opened_at)} {days_between(i.opened_at, i.resolved_at)} {i.opened_at}"
}
)", {
        {"bundle.json", R"({"as_of": "2024-06-30", "timezone": "Pacific/Auckland"})"},
        {"Incident.csv", "id,opened_at,resolved_at\nI1,2024-03-02T23:30:00Z,2024-03-03T10:00:00Z\n"},
    });
    REQUIRE(rendered(r->diags) == "");
    // datetimes print in UTC; their calendar day is Auckland's
    CHECK(r->messages("DAY") == std::vector<std::string>{"I1: 2024-03-03 0 2024-03-02T23:30:00Z"});
}

namespace {

// One population rule: internal audits at least every `interval`.
std::unique_ptr<Run> audits(const std::string& bundle_json, const std::string& dates, const std::string& interval = "6 months") {
    std::string csv = "id,performed_on\n";
    int n = 0;
    for (std::size_t start = 0; start < dates.size();) {
        auto end = dates.find(' ', start);
        if (end == std::string::npos) end = dates.size();
        csv += "A" + std::to_string(++n) + "," + dates.substr(start, end - start) + "\n";
        start = end + 1;
    }
    auto r = run("import evidence\n"
                 "rule AUDITS-PERIODIC {\n"
                 "  clause 9.2\n"
                 "  title \"Internal audits at planned intervals\"\n"
                 "  severity major\n"
                 "  require periodic(a in InternalAudit of a.performed_on, " + interval + ")\n"
                 "}\n",
                 {{"bundle.json", bundle_json}, {"InternalAudit.csv", csv}});
    if (!r->store) FAIL(rendered(r->diags));
    return r;
}

std::vector<std::string> details(const Run& r) {
    const auto& rr = r.rule("AUDITS-PERIODIC");
    if (rr.findings.empty()) return {};
    return rr.findings.front().details;
}

const std::string year_2024 = R"({"as_of": "2024-12-31", "period_start": "2024-01-01", "period_end": "2024-12-31"})";

}  // namespace

TEST_CASE("periodic: a gap of exactly N months passes, N months and a day fails", "[engine][time][periodic]") {
    SECTION("from period_start to the first date, exactly 6 months") {
        auto r = audits(year_2024, "2024-07-01 2024-12-31");
        CHECK(r->rule("AUDITS-PERIODIC").status == RuleStatus::pass);
    }
    SECTION("from period_start to the first date, 6 months and a day") {
        auto r = audits(year_2024, "2024-07-02 2024-12-31");
        CHECK(r->rule("AUDITS-PERIODIC").status == RuleStatus::fail);
        CHECK(details(*r) == std::vector<std::string>{
                  "gap from 2024-01-01 (start of the audit period) to 2024-07-02 is longer than 6 months"});
    }
    SECTION("between two dates, exactly 6 months") {
        auto r = audits(year_2024, "2024-03-01 2024-09-01");
        CHECK(r->rule("AUDITS-PERIODIC").status == RuleStatus::pass);
    }
    SECTION("between two dates, 6 months and a day; unsorted input") {
        auto r = audits(year_2024, "2024-09-02 2024-03-01");
        CHECK(details(*r) == std::vector<std::string>{"gap from 2024-03-01 (previous) to 2024-09-02 is longer than 6 months"});
        REQUIRE(r->rule("AUDITS-PERIODIC").findings.size() == 1);
        const Finding& f = r->rule("AUDITS-PERIODIC").findings[0];
        CHECK_FALSE(f.has_focus);
        CHECK(f.message == "Not met: Internal audits at planned intervals");
        // the dates read are the evidence, in record order
        CHECK(evidence_lines(f) == std::vector<std::string>{
                  "InternalAudit A1 InternalAudit.csv:2 {performed_on=2024-09-02}",
                  "InternalAudit A2 InternalAudit.csv:3 {performed_on=2024-03-01}"});
    }
    SECTION("month ends clamp: 2024-08-31 + 6 months is 2025-02-28") {
        auto r = audits(R"({"as_of": "2025-03-31", "period_start": "2024-08-31", "period_end": "2025-03-31"})",
                        "2024-08-31 2025-02-28 2025-03-01");
        CHECK(r->rule("AUDITS-PERIODIC").status == RuleStatus::pass);
        auto late = audits(R"({"as_of": "2025-03-31", "period_start": "2024-08-31", "period_end": "2025-03-31"})",
                           "2024-08-31 2025-03-01");
        CHECK(details(*late) == std::vector<std::string>{"gap from 2024-08-31 (previous) to 2025-03-01 is longer than 6 months"});
    }
}

TEST_CASE("periodic: the latest date may not be older than N months at as_of", "[engine][time][periodic]") {
    SECTION("exactly N months before as_of passes") {
        auto r = audits(R"({"as_of": "2024-12-30", "period_start": "2024-01-01"})", "2024-06-30");
        CHECK(r->rule("AUDITS-PERIODIC").status == RuleStatus::pass);
    }
    SECTION("a day more fails") {
        auto r = audits(year_2024, "2024-06-30");
        CHECK(details(*r) == std::vector<std::string>{
                  "the latest is 2024-06-30, more than 6 months before the audit date 2024-12-31"});
    }
    SECTION("dates after as_of do not count") {
        auto r = audits(year_2024, "2024-06-30 2025-01-02");
        CHECK(details(*r) == std::vector<std::string>{
                  "the latest is 2024-06-30, more than 6 months before the audit date 2024-12-31"});
    }
    SECTION("no dates at all") {
        auto r = audits(year_2024, "");
        CHECK(details(*r) == std::vector<std::string>{"no dates at all up to 2024-12-31; one is expected every 6 months"});
        auto none = run("import evidence\nrule P {\n  clause 9.2\n  title \"t\"\n  severity minor\n"
                        "  require periodic(a in InternalAudit of a.performed_on, 12 months)\n}\n",
                        {{"bundle.json", R"({"as_of": "2024-12-31"})"}});
        // InternalAudit is mandatory: no file means none, and the rule fails rather than being not_evaluated
        CHECK(none->rule("P").status == RuleStatus::fail);
        CHECK(none->rule("P").findings.at(0).details ==
              std::vector<std::string>{"no dates at all up to 2024-12-31; one is expected every 12 months"});
    }
    SECTION("several problems are all listed") {
        auto r = audits(year_2024, "2024-06-15 2024-02-01", "3 months");
        CHECK(details(*r) == std::vector<std::string>{
                  "gap from 2024-02-01 (previous) to 2024-06-15 is longer than 3 months",
                  "the latest is 2024-06-15, more than 3 months before the audit date 2024-12-31"});
    }
}

TEST_CASE("periodic: counting starts at period_start, by default the day after as_of - 12 months", "[engine][time][periodic]") {
    SECTION("default period: 2024-01-01 .. 2024-12-31") {
        auto ok = audits(R"({"as_of": "2024-12-31"})", "2024-07-01 2024-12-01");
        CHECK(ok->rule("AUDITS-PERIODIC").status == RuleStatus::pass);
        auto late = audits(R"({"as_of": "2024-12-31"})", "2024-07-02 2024-12-01");
        CHECK(details(*late) == std::vector<std::string>{
                  "gap from 2024-01-01 (start of the audit period) to 2024-07-02 is longer than 6 months"});
    }
    SECTION("a date before the period does not move the start") {
        auto r = audits(year_2024, "2023-12-31 2024-07-02 2024-12-01");
        CHECK(details(*r) == std::vector<std::string>{
                  "gap from 2024-01-01 (start of the audit period) to 2024-07-02 is longer than 6 months"});
    }
    SECTION("leap day: 2024-02-29 + 12 months is 2025-02-28") {
        std::string period = R"({"as_of": "2025-03-15", "period_start": "2024-02-29", "period_end": "2025-03-15"})";
        auto ok = audits(period, "2025-02-28", "12 months");
        CHECK(ok->rule("AUDITS-PERIODIC").status == RuleStatus::pass);
        auto late = audits(period, "2025-03-01", "12 months");
        CHECK(details(*late) == std::vector<std::string>{
                  "gap from 2024-02-29 (start of the audit period) to 2025-03-01 is longer than 12 months"});
    }
}

TEST_CASE("periodic per record with its own interval", "[engine][time][periodic]") {
    auto r = run(R"(import evidence
param review_interval = 12 months
rule SLA-REVIEWED {
  clause 8.3.3
  title "SLAs are reviewed at their planned interval"
  severity minor
  for each s in SLA
  require periodic(m in s <- Meeting.sla where m.kind = service_review of m.held_on, months(s.review_interval_months) otherwise review_interval)
}
)", {
        {"bundle.json", R"({"as_of": "2024-12-31"})"},
        {"SLA.csv", "id,review_interval_months\nSLA1,3\nSLA2,\n"},
        {"Meeting.csv", "id,kind,held_on,sla\n"
                        "M1,service_review,2024-03-01,SLA1\n"
                        "M2,service_review,2024-06-01,SLA1\n"
                        "M3,service_review,2024-10-01,SLA1\n"
                        "M4,cab,2024-12-01,SLA1\n"
                        "M5,service_review,2024-06-01,SLA2\n"},
    });
    REQUIRE(rendered(r->diags) == "");
    CHECK(r->focus_ids("SLA-REVIEWED") == std::vector<std::string>{"SLA1"});
    // the CAB meeting M4 is filtered out, so SLA1's last review (2024-10-01) is the latest
    CHECK(r->rule("SLA-REVIEWED").findings.at(0).details == std::vector<std::string>{
              "gap from 2024-06-01 (previous) to 2024-10-01 is longer than 3 months"});
}
