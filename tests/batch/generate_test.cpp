// `shall generate`: deterministic for a seed, and an audit of a seeded 10k-record bundle
// finds exactly the planted failures for each planted rule, whatever the thread count.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "dsl/check/program.hpp"
#include "engine/eval/audit.hpp"
#include "engine/evidence/store.hpp"
#include "engine/graph/evidence_graph.hpp"
#include "engine/plan/planner.hpp"
#include "generator/generator.hpp"

using namespace shall;
namespace fs = std::filesystem;

namespace {

struct Scratch {
    fs::path dir;
    Scratch() {
        dir = fs::temp_directory_path() / ("shall-generate-test-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~Scratch() { fs::remove_all(dir); }
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("generate is deterministic for a seed and differs between seeds") {
    Scratch s;
    gen::GenerateOptions o;
    o.records = 3000;
    o.seed = 11;
    o.out = (s.dir / "a").string();
    auto a = gen::generate_bundle(o);
    o.out = (s.dir / "b").string();
    auto b = gen::generate_bundle(o);
    o.seed = 12;
    o.out = (s.dir / "c").string();
    gen::generate_bundle(o);
    CHECK(a.planted == b.planted);
    CHECK(a.records == b.records);
    CHECK(a.total_records >= 2900);
    CHECK(a.records.at("Incident") > a.records.at("Change"));
    CHECK(a.records.at("ServiceRequest") > a.records.at("ConfigurationItem"));
    for (const char* f : {"Incident.csv", "Change.csv", "ConfigurationItem.csv", "ServiceRequest.csv", "bundle.json"})
        CHECK(slurp(s.dir / "a" / f) == slurp(s.dir / "b" / f));
    CHECK(slurp(s.dir / "a" / "Incident.csv") != slurp(s.dir / "c" / "Incident.csv"));
}

TEST_CASE("a seeded 10k-record bundle: findings per rule equal the planted counts") {
    Scratch s;
    gen::GenerateOptions o;
    o.records = 10000;
    o.seed = 42;
    o.out = (s.dir / "bundle").string();
    gen::GenerateResult planted = gen::generate_bundle(o);

    Diagnostics diags;
    auto program = load_program({std::string(SHALL_SOURCE_DIR) + "/rulesets/iso20000-1"}, {}, diags);
    REQUIRE(!diags.has_errors());
    Plan plan = plan_program(*program);
    EvidenceStore store = load_bundle(program->schema, o.out);
    for (const auto& q : store.quality) CHECK(q.level != "error");
    std::size_t planted_total = 0;
    for (const auto& [rule, count] : planted.planted) planted_total += count;
    CHECK(planted_total > 150);
    EvidenceGraph graph(store);

    std::vector<std::vector<std::pair<std::string, std::string>>> runs;
    for (unsigned threads : {1u, 2u}) {
        AuditOptions ao;
        ao.threads = threads;
        AuditResult result = run_audit(*program, plan, store, graph, ao);
        for (const auto& [rule, count] : planted.planted) {
            INFO(rule);
            bool found = false;
            for (const auto& r : result.rules)
                if (r.rule->id() == rule) {
                    found = true;
                    CHECK(r.status == (count ? RuleStatus::fail : RuleStatus::pass));
                    CHECK(r.failed == count);
                }
            CHECK(found);
        }
        std::vector<std::pair<std::string, std::string>> ids;
        for (const Finding* f : result.findings()) ids.emplace_back(f->rule->id(), f->focus_id);
        runs.push_back(std::move(ids));
    }
    CHECK(runs[0] == runs[1]);
}
