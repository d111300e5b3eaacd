// End to end: the built `shall` binary on small bundles under tests/data/rules/: exit statuses,
// the JSON report contract (/work/shared/spec/findings.md), determinism, `check`, `--version`.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <atomic>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sys/wait.h>
#include <thread>

#include "report/report.hpp"
#include "support.hpp"

using namespace shall;
using namespace shall::etest;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Ran {
    int status = -1;
    std::string out, err;
};

// Runs `shall ARGS` in the source directory (so paths in messages are relative to it).
Ran shall_cli(const std::string& args) {
    TempDir tmp;
    std::string err_file = tmp.path("stderr");
    std::string cmd = "cd '" + source_dir() + "' && '" + std::string(SHALL_BINARY_DIR) + "/shall' " + args + " 2>'" + err_file + "'";
    Ran r;
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) r.out.append(buf, n);
    int status = ::pclose(p);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = read_file(err_file);
    return r;
}

const std::string include = "--include rulesets ";
const std::string rules = "--rules tests/data/rules/cli ";

std::string audit(const std::string& bundle, const std::string& more = "") {
    return "audit " + include + rules + "--evidence tests/data/rules/" + bundle + " " + more;
}

bool is_digest(const json& v) {
    if (!v.is_string()) return false;
    std::string s = v.get<std::string>();
    if (s.size() != 7 + 64 || s.rfind("sha256:", 0) != 0) return false;
    return s.find_first_not_of("0123456789abcdef", 7) == std::string::npos;
}

}  // namespace

TEST_CASE("cli: --version", "[cli]") {
    auto r = shall_cli("--version");
    CHECK(r.status == 0);
    CHECK(r.out == std::string("shall ") + tool_version + "\n");
    CHECK(std::string(tool_version) == "0.1.0");
}

TEST_CASE("cli: exit 0 when nothing but observations and not_evaluated rules", "[cli]") {
    auto r = shall_cli(audit("cli-pass", "--format json"));
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.err == "");
    json doc = json::parse(r.out);
    CHECK(doc["summary"] == json::parse(R"({"rules": 6, "passed": 4, "failed": 1, "not_evaluated": 1,
                                           "findings": {"major": 0, "minor": 0, "observation": 1, "ofi": 0}})"));
    REQUIRE(doc["findings"].size() == 1);
    CHECK(doc["findings"][0]["rule"] == "CLI-INC-OBSERVE");
    CHECK(doc["findings"][0]["severity"] == "observation");
}

TEST_CASE("cli: exit 1 with a nonconformity; the JSON report keeps the contract", "[cli]") {
    auto r = shall_cli(audit("cli-fail", "--format json --threads 2"));
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(r.err == "");
    json doc = json::parse(r.out);
    CHECK(doc["tool"] == json::parse(R"({"name": "shall", "version": "0.1.0"})"));
    CHECK(doc["as_of"] == "2024-06-30");
    CHECK(doc["evidence"]["path"] == "tests/data/rules/cli-fail");
    CHECK(doc["evidence"]["records"] == 8);
    CHECK(is_digest(doc["evidence"]["digest"]));
    REQUIRE(doc["rulesets"].size() == 1);
    CHECK(doc["rulesets"][0]["name"] == "cli-test");
    CHECK(doc["rulesets"][0]["version"] == "3");
    CHECK(doc["rulesets"][0]["rules"] == 6);
    CHECK(is_digest(doc["rulesets"][0]["digest"]));
    REQUIRE(doc["evidence_quality"].size() == 1);
    CHECK(doc["evidence_quality"][0]["level"] == "error");
    CHECK(doc["evidence_quality"][0]["code"] == "dangling-reference");
    CHECK(doc["evidence_quality"][0]["source"] == "ConfigurationItem.csv:2");
    CHECK(doc["evidence_quality"][0]["message"].is_string());
    CHECK(doc["summary"] == json::parse(R"({"rules": 6, "passed": 1, "failed": 4, "not_evaluated": 1,
                                           "findings": {"major": 2, "minor": 2, "observation": 2, "ofi": 0}})"));

    // rules: in clause order; `missing` only for not_evaluated
    std::vector<std::string> rule_lines;
    for (const auto& j : doc["rules"]) {
        rule_lines.push_back(j["id"].get<std::string>() + " " + j["clause"].get<std::string>() + " " +
                             j["severity"].get<std::string>() + " " + j["status"].get<std::string>() + " " +
                             std::to_string(j["checked"].get<int>()) + "/" + std::to_string(j["failed"].get<int>()));
        CHECK(j.contains("missing") == (j["status"] == "not_evaluated"));
    }
    CHECK(rule_lines == std::vector<std::string>{
              "CLI-POLICY 5.2 major fail 1/1",
              "CLI-CI-OWNED 8.2.6 minor pass 1/0",
              "CLI-CHG-APPROVED 8.5.1.3 major fail 2/1",
              "CLI-RELEASE-TESTED 8.5.3 minor not_evaluated 0/0",
              "CLI-INC-RESOLVED 8.6.1 minor fail 3/2",
              "CLI-INC-OBSERVE 10.1 observation fail 3/2"});
    CHECK(doc["rules"][3]["missing"] == json::parse(R"({"types": ["Release"], "fields": []})"));

    // findings: by clause (numerically), rule id, focus (ids naturally)
    std::vector<std::string> order;
    for (const auto& f : doc["findings"])
        order.push_back(f["clause"].get<std::string>() + " " + f["rule"].get<std::string>() + " " +
                        (f["focus"].is_null() ? "-" : f["focus"]["id"].get<std::string>()));
    CHECK(order == std::vector<std::string>{"5.2 CLI-POLICY -", "8.5.1.3 CLI-CHG-APPROVED CHG1", "8.6.1 CLI-INC-RESOLVED INC2",
                                            "8.6.1 CLI-INC-RESOLVED INC10", "10.1 CLI-INC-OBSERVE INC1",
                                            "10.1 CLI-INC-OBSERVE INC2"});
    // one finding whole
    json change = doc["findings"][1];
    CHECK(change == json::parse(R"({
        "rule": "CLI-CHG-APPROVED",
        "clause": "8.5.1.3",
        "clauses": ["8.5.1.3"],
        "refs": [{"standard": "ISO/IEC 20000-2:2019", "clause": "8.5.1.3"}],
        "severity": "major",
        "title": "Changes are approved before they are implemented",
        "requirement": "Every implemented change has an approval dated no later than its implementation.",
        "focus": {"type": "Change", "id": "CHG1", "source": "Change.csv:2"},
        "message": "Change CHG1 was implemented on 2024-03-02T10:00:00Z but approved on 2024-03-05",
        "evidence": [{"type": "Change", "id": "CHG1", "source": "Change.csv:2",
                      "fields": {"approved_on": "2024-03-05", "implemented_on": "2024-03-02T10:00:00Z"}}]
    })"));
    json policy = doc["findings"][0];
    CHECK(policy["focus"].is_null());
    CHECK(policy["message"] == "Not met: A policy exists");
    // `some d in Document where d.kind = sms_policy` runs on the hash index Document.kind: with no
    // sms_policy document there is no candidate to show
    CHECK(policy["evidence"] == json::array());
    for (const auto& f : doc["findings"])
        for (const char* key : {"rule", "clause", "clauses", "refs", "severity", "title", "requirement", "focus", "message", "evidence"})
            CHECK(f.contains(key));
}

TEST_CASE("cli: two runs, and any thread count, give byte-identical reports", "[cli]") {
    auto a = shall_cli(audit("cli-fail", "--format json"));
    auto b = shall_cli(audit("cli-fail", "--format json"));
    auto one = shall_cli(audit("cli-fail", "--format json --threads 1"));
    auto two = shall_cli(audit("cli-fail", "--format json --threads 2"));
    REQUIRE(a.status == 1);
    CHECK(a.out == b.out);
    CHECK(one.out == two.out);
    CHECK(a.out == one.out);
    auto text1 = shall_cli(audit("cli-fail", "--threads 1"));
    auto text2 = shall_cli(audit("cli-fail", "--threads 2"));
    CHECK(text1.status == 1);
    CHECK_FALSE(text1.out.empty());
    CHECK(text1.out == text2.out);
}

TEST_CASE("cli: --out writes the report to a file", "[cli]") {
    TempDir tmp;
    auto r = shall_cli(audit("cli-fail", "--format json --out '" + tmp.path("report.json") + "'"));
    CHECK(r.status == 1);
    CHECK(r.out == "");
    auto stdout_run = shall_cli(audit("cli-fail", "--format json"));
    CHECK(read_file(tmp.path("report.json")) == stdout_run.out);
    CHECK_FALSE(fs::exists(tmp.path("report.json.shall-tmp")));
}

TEST_CASE("cli: a report into a FIFO is written into the pipe, which stays a pipe", "[cli]") {
    TempDir tmp;
    const std::string fifo = tmp.path("report.fifo");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // The read end is open before shall runs, so shall's open for writing does not wait; the
    // reader drains the pipe until shall has finished and no data is left.
    const int fd = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(fd >= 0);
    std::string piped;
    std::atomic<bool> finished{false};
    std::thread reader([&] {
        char buf[65536];
        for (;;) {
            pollfd p{fd, POLLIN, 0};
            ::poll(&p, 1, 50);
            const bool was_finished = finished;
            const ssize_t n = ::read(fd, buf, sizeof buf);
            if (n > 0) piped.append(buf, static_cast<std::size_t>(n));
            else if (was_finished) break;
        }
    });
    auto r = shall_cli(audit("cli-fail", "--format 'json:" + fifo + "' --format text"));
    finished = true;
    reader.join();
    ::close(fd);
    CHECK(r.status == 1);
    CHECK(r.out.find("Summary by clause") != std::string::npos);
    CHECK(piped == shall_cli(audit("cli-fail", "--format json")).out);
    CHECK(fs::is_fifo(fifo));
    CHECK_FALSE(fs::exists(fifo + ".shall-tmp"));
}

TEST_CASE("cli: exit 2 for rules that do not parse, with file:line:col, and no report", "[cli]") {
    TempDir tmp;
    auto r = shall_cli("audit " + include + "--rules tests/data/rules/broken --evidence tests/data/rules/cli-fail --format json --out '" +
                       tmp.path("report.json") + "'");
    CHECK(r.status == 2);
    CHECK(r.out == "");
    CHECK(r.err ==
          "tests/data/rules/broken/broken.shall:18:1: error: expected an expression, found '}'\n"
          "  }\n"
          "  ^\n"
          "tests/data/rules/broken/broken.shall:30:22: error: expected a closing '\"', found end of line\n"
          "    title \"Unterminated\n"
          "                       ^\n"
          "tests/data/rules/broken/broken.shall:36:14: error: expected a clause number such as 8.5.1.3, found 'x'\n"
          "    clause 8.5.x\n"
          "               ^\n"
          "3 errors\n");
    CHECK_FALSE(fs::exists(tmp.path("report.json")));
}

TEST_CASE("cli: exit 2 for a missing bundle directory", "[cli]") {
    auto r = shall_cli("audit " + include + rules + "--evidence tests/data/rules/no-such-bundle --format json");
    CHECK(r.status == 2);
    CHECK(r.out == "");
    CHECK(r.err.find("tests/data/rules/no-such-bundle: no such bundle directory") != std::string::npos);
}

TEST_CASE("cli: exit 2 without an audit date; --as-of supplies one", "[cli]") {
    auto r = shall_cli(audit("cli-noasof", "--format json"));
    CHECK(r.status == 2);
    CHECK(r.out == "");
    CHECK(r.err.find("no audit date") != std::string::npos);
    CHECK(r.err.find("--as-of") != std::string::npos);
    auto dated = shall_cli(audit("cli-noasof", "--format json --as-of 2024-06-30"));
    CHECK(dated.status == 0);
    CHECK(json::parse(dated.out)["as_of"] == "2024-06-30");
    auto bad = shall_cli(audit("cli-fail", "--format json --as-of 2024-02-30"));
    CHECK(bad.status == 2);
    CHECK(bad.out == "");
    CHECK(bad.err.find("--as-of 2024-02-30: expected a date YYYY-MM-DD") != std::string::npos);
}

TEST_CASE("cli: exit 2 for an unknown --format", "[cli]") {
    auto r = shall_cli(audit("cli-fail", "--format yaml"));
    CHECK(r.status == 2);
    CHECK(r.out == "");
    CHECK(r.err.find("error: --format yaml: unknown format 'yaml'") != std::string::npos);
}

TEST_CASE("cli: exit 2 for an unknown --param, with did-you-mean", "[cli]") {
    auto r = shall_cli(audit("cli-fail", "--format json --param aproval_lag=3"));
    CHECK(r.status == 2);
    CHECK(r.out == "");
    CHECK(r.err == "error: --param aproval_lag: no such parameter\n  did you mean 'approval_lag'?\n1 error\n");
    auto ok = shall_cli(audit("cli-fail", "--format json --param 'approval_lag=3 days'"));
    CHECK(ok.status == 1);
    CHECK(json::parse(ok.out)["summary"]["failed"] == 3);
}

TEST_CASE("cli: exit 2 when the report cannot be written, and no file is left behind", "[cli]") {
    TempDir tmp;
    SECTION("--out into a missing directory") {
        auto r = shall_cli(audit("cli-fail", "--format json --out '" + tmp.path("missing/report.json") + "'"));
        CHECK(r.status == 2);
        CHECK(r.out == "");
        CHECK(r.err.find("cannot write report " + tmp.path("missing/report.json")) != std::string::npos);
        CHECK_FALSE(fs::exists(tmp.path("missing")));
    }
    SECTION("one of two outputs fails: neither is written") {
        auto r = shall_cli(audit("cli-fail", "--format 'json:" + tmp.path("ok.json") + "' --format 'text:" +
                                                 tmp.path("missing/report.txt") + "'"));
        CHECK(r.status == 2);
        CHECK(r.out == "");
        CHECK_FALSE(fs::exists(tmp.path("ok.json")));
        CHECK_FALSE(fs::exists(tmp.path("ok.json.shall-tmp")));
        CHECK(fs::is_empty(tmp.path()));
    }
}

TEST_CASE("cli: check prints file:line:col and the right name for a misspelt field", "[cli]") {
    auto r = shall_cli("check " + include + "tests/data/rules/misspelt");
    CHECK(r.status == 2);
    CHECK(r.out == "");
    CHECK(r.err ==
          "tests/data/rules/misspelt/ruleset.shall:8:13: error: Change has no field 'aproved_on'\n"
          "    require c.aproved_on is present\n"
          "              ^\n"
          "  did you mean 'approved_on'?\n"
          "1 error\n");
    auto ok = shall_cli("check " + include + "tests/data/rules/cli");
    CHECK(ok.status == 0);
    CHECK(ok.out.rfind("ok: 6 rules, ", 0) == 0);
    CHECK(ok.out.find(" record types, 1 parameters\n") != std::string::npos);
}

TEST_CASE("cli: check --explain prints each rule's plan", "[cli]") {
    auto r = shall_cli("check --explain " + include + "tests/data/rules/cli");
    CHECK(r.status == 0);
    CHECK(r.out.find("\nrule CLI-CHG-APPROVED (tests/data/rules/cli/ruleset.shall:7)\n"
                     "  13:3: for each c in Change: scan Change, filter (where: 1 condition on the columns; require: 1 condition on the columns, the rest per record)\n") != std::string::npos);
    CHECK(r.out.find("\nrule CLI-POLICY (tests/data/rules/cli/ruleset.shall:34)\n"
                     "  population check (no 'for each'): evaluated once\n"
                     "  38:11: some d in Document: hash index Document.kind = sms_policy, then filter\n") != std::string::npos);
}
