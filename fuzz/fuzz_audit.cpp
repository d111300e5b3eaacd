// The whole audit on a small bundle: the input is a bundle written as sections
//     === Incident.csv
//     id,opened_at,...
//     === bundle.json
//     {"as_of": "2026-01-31"}
// read by load_bundle, frozen into the graph, audited by the ISO/IEC 20000-1 ruleset and
// rendered as JSON.
#include <cstddef>
#include <cstdint>
#include <filesystem>

#include "engine/eval/audit.hpp"
#include "engine/evidence/store.hpp"
#include "engine/graph/evidence_graph.hpp"
#include "engine/plan/planner.hpp"
#include "fuzz_support.hpp"
#include "report/report.hpp"

namespace {

struct Rules {
    std::unique_ptr<shall::Program> program;
    shall::Plan plan;
};

const Rules& rules() {
    static Rules r = [] {
        Rules out;
        shall::Diagnostics diags;
        out.program = shall::load_program({shall::fuzz::source_dir() + "/rulesets/iso20000-1"}, shall::fuzz::program_options(), diags);
        if (diags.has_errors()) throw std::runtime_error("fuzz: rulesets/iso20000-1 does not check");
        out.plan = shall::plan_program(*out.program);
        return out;
    }();
    return r;
}

// A file name the section header may give: letters, digits, '.', '_', '-'; not hidden.
bool good_name(std::string_view n) {
    if (n.empty() || n.size() > 40 || n[0] == '.') return false;
    for (char c : n)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-')) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace shall;
    namespace fs = std::filesystem;
    const Rules& r = rules();
    std::string_view text(reinterpret_cast<const char*>(data), size);
    fs::path bundle = fuzz::scratch() / "bundle";
    fs::remove_all(bundle);
    fs::create_directories(bundle);
    std::string name;
    std::string body;
    int files = 0;
    auto flush = [&] {
        if (good_name(name) && files < 12) {
            fuzz::write_file(bundle / name, body);
            ++files;
        }
        body.clear();
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto nl = text.find('\n', pos);
        std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? text.size() : nl + 1;
        if (line.starts_with("=== ")) {
            flush();
            name = std::string(line.substr(4));
        } else {
            body.append(line);
            if (nl != std::string_view::npos) body += '\n';
        }
    }
    flush();

    LoadOptions load;
    load.threads = 1;
    EvidenceStore store = load_bundle(r.program->schema, bundle.string(), load);
    if (!store.info.as_of) return 0;   // the CLI stops here too (exit 2)
    EvidenceGraph graph(store);
    AuditOptions options;
    options.threads = 1;
    AuditResult result = run_audit(*r.program, r.plan, store, graph, options);
    const BundleSummary summary = store.summary();
    ReportInput in{*r.program, summary, result, "bundle"};
    (void)json_report(in);
    (void)summarize(result);
    return 0;
}
