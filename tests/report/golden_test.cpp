// Small golden reports: the tiny bundle and ruleset of tests/report/data rendered as json,
// md, csv, sarif and junit must match tests/report/data/golden byte for byte.
// SHALL_UPDATE_GOLDEN=1 rewrites the golden files instead (then review the diff).
#include <catch2/catch.hpp>
#include <cstdlib>

#include "support.hpp"

using namespace shall::rtest;

static std::string first_difference(const std::string& a, const std::string& b) {
    std::size_t line = 1, start = 0;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
        if (a[i] != b[i]) {
            auto end_a = a.find('\n', start), end_b = b.find('\n', start);
            return "line " + std::to_string(line) + "\n  got:      " + a.substr(start, end_a - start) +
                   "\n  expected: " + b.substr(start, end_b - start);
        }
        if (a[i] == '\n') {
            ++line;
            start = i + 1;
        }
    }
    return "lengths differ: got " + std::to_string(a.size()) + " bytes, expected " + std::to_string(b.size());
}

TEST_CASE("tiny audit reports match the golden files", "[report][golden]") {
    TempDir dir;
    Run run = run_shall(tiny_audit_args() + format_args(dir.path()));
    INFO(run.err);
    REQUIRE(run.status == 1);
    bool update = std::getenv("SHALL_UPDATE_GOLDEN") != nullptr;
    for (const std::string f : {"json", "md", "csv", "sarif", "junit"}) {
        std::string golden = source_dir() + "/tests/report/data/golden/tiny." + f;
        std::string got = read_file(dir.path("report." + f));
        if (update) write_file(golden, got);
        std::string expected = read_file(golden);
        INFO("format " << f << " differs from " << golden << ": " << (got == expected ? "" : first_difference(got, expected)));
        CHECK(got == expected);
    }
}
