// Micro-benchmarks of the hot parts: CSV scan, value parsing, bundle import, graph build and
// rule evaluation, over a generated 100k-record bundle (shall generate --records 100000 --seed 1)
// or the bundle that SHALL_MICRO_BUNDLE names.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <unistd.h>

#include "dsl/check/program.hpp"
#include "engine/eval/audit.hpp"
#include "engine/eval/equality_index.hpp"
#include "engine/evidence/csv_reader.hpp"
#include "engine/evidence/store.hpp"
#include "engine/evidence/time.hpp"
#include "engine/graph/evidence_graph.hpp"
#include "engine/plan/planner.hpp"
#include "generator/generator.hpp"

using namespace shall;
namespace fs = std::filesystem;

namespace {

// As bench/run.sh reads the bundles: no file is too big (Incident.csv is 1.1 GB at 10M).
LoadOptions bundle_options() {
    LoadOptions lo;
    lo.limits.max_file_size = std::uint64_t{8} << 30;
    return lo;
}

struct Fixture {
    std::string dir;
    std::unique_ptr<Program> program;
    std::unique_ptr<Plan> plan;
    std::unique_ptr<EvidenceStore> store;
    std::unique_ptr<EvidenceGraph> graph;
    std::string incidents;   // bytes of Incident.csv

    bool generated = false;

    // SHALL_MICRO_BUNDLE=DIR measures an existing bundle (e.g. bench/run.sh's 1M one) instead.
    Fixture() {
        if (const char* given = std::getenv("SHALL_MICRO_BUNDLE")) {
            dir = given;
        } else {
            dir = (fs::temp_directory_path() / ("shall-micro-" + std::to_string(::getpid()))).string();
            gen::GenerateOptions o;
            o.records = 100000;
            o.seed = 1;
            o.out = dir;
            gen::generate_bundle(o);
            generated = true;
        }
        Diagnostics diags;
        program = load_program({std::string(SHALL_SOURCE_DIR) + "/rulesets/iso20000-1"}, {}, diags);
        if (diags.has_errors()) throw std::runtime_error("ruleset does not check");
        plan = std::make_unique<Plan>(plan_program(*program));
        store = std::make_unique<EvidenceStore>(load_bundle(program->schema, dir, bundle_options()));
        graph = std::make_unique<EvidenceGraph>(*store);
        std::ifstream in(dir + "/Incident.csv", std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        incidents = s.str();
    }
    ~Fixture() {
        if (generated) fs::remove_all(dir);
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void BM_CsvScan(benchmark::State& state) {
    const std::string& text = fixture().incidents;
    for (auto _ : state) {
        CsvReader reader(text);
        CsvRecord rec;
        std::size_t cells = 0;
        while (reader.next(rec) == CsvReader::Status::record) cells += rec.cells.size();
        benchmark::DoNotOptimize(cells);
    }
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(text.size()));
}
BENCHMARK(BM_CsvScan)->Unit(benchmark::kMillisecond);

void BM_ParseDatetime(benchmark::State& state) {
    const char* samples[] = {"2025-11-03T17:35:32Z", "2026-02-17T10:18:00Z", "2026-10-30T23:59:59Z", "2025-12-09T07:45:00Z"};
    std::size_t n = 0;
    for (auto _ : state) {
        for (const char* s : samples) benchmark::DoNotOptimize(parse_datetime(s));
        n += 4;
    }
    state.SetItemsProcessed(std::int64_t(n));
}
BENCHMARK(BM_ParseDatetime);

void BM_ParseDate(benchmark::State& state) {
    const char* samples[] = {"2025-11-03", "2026-02-17", "2026-10-30", "2025-12-09"};
    std::size_t n = 0;
    for (auto _ : state) {
        for (const char* s : samples) benchmark::DoNotOptimize(parse_date(s));
        n += 4;
    }
    state.SetItemsProcessed(std::int64_t(n));
}
BENCHMARK(BM_ParseDate);

void BM_LoadBundle(benchmark::State& state) {
    auto& f = fixture();
    LoadOptions lo = bundle_options();
    lo.threads = unsigned(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(load_bundle(f.program->schema, f.dir, lo).record_count);
    state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(f.store->record_count));
}
BENCHMARK(BM_LoadBundle)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

void BM_GraphBuild(benchmark::State& state) {
    auto& f = fixture();
    for (auto _ : state) {
        EvidenceGraph g(*f.store);
        benchmark::DoNotOptimize(&g);
    }
    state.SetItemsProcessed(std::int64_t(state.iterations()) * std::int64_t(f.store->record_count));
}
BENCHMARK(BM_GraphBuild)->Unit(benchmark::kMillisecond);

void BM_EqualityIndexes(benchmark::State& state) {
    auto& f = fixture();
    for (auto _ : state) {
        EqualityIndexes indexes;
        indexes.build(*f.plan, *f.store);
        benchmark::DoNotOptimize(indexes.by_key.size());
    }
}
BENCHMARK(BM_EqualityIndexes)->Unit(benchmark::kMillisecond);

void rule_eval(benchmark::State& state, std::vector<std::string> rules, unsigned threads) {
    auto& f = fixture();
    AuditOptions ao;
    ao.threads = threads;
    ao.only_rules = std::move(rules);
    for (auto _ : state) benchmark::DoNotOptimize(run_audit(*f.program, *f.plan, *f.store, *f.graph, ao).rules.size());
}
BENCHMARK_CAPTURE(rule_eval, scan_regex_INC_RESOLUTION_RECORDED, {"INC-RESOLUTION-RECORDED"}, 1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(rule_eval, scan_dates_CHG_APPROVED_BEFORE_IMPL, {"CHG-APPROVED-BEFORE-IMPL"}, 1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(rule_eval, reverse_edges_CI_RELATIONSHIPS_RECORDED, {"CI-RELATIONSHIPS-RECORDED"}, 1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(rule_eval, reverse_some_SVC_LIVE_OPERATED, {"SVC-LIVE-OPERATED"}, 1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(rule_eval, closure_CI_DEPENDS_ON_LIVE_CIS, {"CI-DEPENDS-ON-LIVE-CIS"}, 1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(rule_eval, window_PRB_RECURRING_INCIDENTS, {"PRB-RECURRING-INCIDENTS"}, 1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(rule_eval, full_ruleset_1_thread, {}, 1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(rule_eval, full_ruleset_2_threads, {}, 2)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
