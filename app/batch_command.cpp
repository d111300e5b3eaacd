// `shall batch`: audits many bundles in one run (a directory of bundles, or a manifest with
// per-client audit date and tailoring), one report per bundle plus a portfolio summary.
// `--shard I/N` takes every N-th bundle (by sorted name) so that N machines share a batch
// with no coordinator; `--merge` joins the shard summaries into the one an unsharded run
// writes. Everything written is deterministic: no clock, no host name, no thread count.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "../dsl/check/program.hpp"
#include "../engine/eval/audit.hpp"
#include "../engine/evidence/store.hpp"
#include "../engine/graph/evidence_graph.hpp"
#include "../engine/plan/planner.hpp"
#include "../report/report.hpp"
#include "commands.hpp"

namespace shall::cli {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

struct BatchItem {
    std::string name;     // unique label: path relative to the batch directory or as in the manifest
    std::string path;     // bundle directory
    std::string as_of;    // "" = bundle.json's
    std::string params;   // tailoring: "name=value;name=value"
};

std::string trim(std::string s) {
    auto b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep)) out.push_back(trim(cur));
    if (!s.empty() && s.back() == sep) out.emplace_back();
    return out;
}

bool is_bundle_dir(const fs::path& p) {
    if (!fs::is_directory(p)) return false;
    if (fs::exists(p / "bundle.json")) return true;
    for (const auto& e : fs::directory_iterator(p)) {
        auto ext = e.path().extension();
        if (e.is_regular_file() && (ext == ".csv" || ext == ".jsonl")) return true;
    }
    return false;
}

// Manifest: CSV with a header naming at least `bundle`; optional `as_of`, `params`
// (tailoring: NAME=VALUE pairs separated by ';'). Relative paths are relative to the manifest.
std::vector<BatchItem> read_manifest(const std::string& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(fmt::format("cannot read manifest {}", file));
    std::string line;
    std::vector<std::string> header;
    std::vector<BatchItem> items;
    const fs::path base = fs::path(file).parent_path();
    std::size_t lineno = 0;
    while (std::getline(in, line)) {
        ++lineno;
        if (trim(line).empty() || trim(line)[0] == '#') continue;
        auto cells = split(line, ',');
        if (header.empty()) {
            header = cells;
            if (std::find(header.begin(), header.end(), "bundle") == header.end())
                throw std::runtime_error(fmt::format("{}: the header must name a 'bundle' column", file));
            continue;
        }
        BatchItem item;
        for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i) {
            if (header[i] == "bundle") item.name = cells[i];
            else if (header[i] == "as_of") item.as_of = cells[i];
            else if (header[i] == "params") item.params = cells[i];
        }
        if (item.name.empty()) throw std::runtime_error(fmt::format("{}:{}: no bundle", file, lineno));
        fs::path p(item.name);
        item.path = (p.is_absolute() ? p : base / p).string();
        items.push_back(std::move(item));
    }
    return items;
}

std::vector<BatchItem> list_directory(const std::string& dir) {
    std::vector<BatchItem> items;
    if (!fs::is_directory(dir)) throw std::runtime_error(fmt::format("{} is not a directory", dir));
    for (const auto& e : fs::directory_iterator(dir))
        if (is_bundle_dir(e.path())) items.push_back({e.path().filename().string(), e.path().string(), "", ""});
    return items;
}

std::string file_label(const std::string& name) {
    std::string s = name;
    for (char& c : s)
        if (c == '/' || c == '\\' || c == ' ' || c == ':') c = '_';
    while (!s.empty() && s.front() == '.') s.erase(s.begin());
    return s.empty() ? "bundle" : s;
}

// One bundle's line in the portfolio summary.
json summarize_bundle(const BatchItem& item, const BundleSummary& bundle, const AuditResult& result) {
    Summary s = summarize(result);
    std::map<std::string, std::pair<std::size_t, std::size_t>, bool (*)(const std::string&, const std::string&)> clauses(
        [](const std::string& a, const std::string& b) { return clause_less(a, b); });
    for (const Finding* f : result.findings()) {
        if (f->severity != "major" && f->severity != "minor") continue;
        auto& c = clauses[f->rule->clause()];
        (f->severity == "major" ? c.first : c.second)++;
    }
    std::vector<std::pair<std::string, std::pair<std::size_t, std::size_t>>> worst(clauses.begin(), clauses.end());
    std::stable_sort(worst.begin(), worst.end(), [](const auto& a, const auto& b) {
        return a.second.first != b.second.first ? a.second.first > b.second.first : a.second.second > b.second.second;
    });
    json worst_json = json::array();
    for (std::size_t i = 0; i < worst.size() && i < 5; ++i)
        worst_json.push_back({{"clause", worst[i].first}, {"major", worst[i].second.first}, {"minor", worst[i].second.second}});
    std::size_t q_error = 0, q_warning = 0, q_info = 0;
    for (const auto& q : bundle.quality) (q.level == "error" ? q_error : q.level == "warning" ? q_warning : q_info)++;
    json j;
    j["name"] = item.name;
    j["organization"] = bundle.info.organization;
    j["as_of"] = bundle.info.as_of ? format_date(*bundle.info.as_of) : "";
    j["tailoring"] = item.params;
    j["digest"] = bundle.digest;
    j["records"] = bundle.record_count;
    j["verdict"] = s.major > 0 ? "major_nonconformity" : s.minor > 0 ? "minor_nonconformity" : "conforming";
    j["rules"] = {{"total", s.rules}, {"passed", s.passed}, {"failed", s.failed}, {"not_evaluated", s.not_evaluated}};
    j["findings"] = {{"major", s.major}, {"minor", s.minor}, {"observation", s.observation}, {"ofi", s.ofi}};
    j["worst_clauses"] = worst_json;
    j["evidence_quality"] = {{"error", q_error}, {"warning", q_warning}, {"info", q_info}};
    return j;
}

json portfolio(std::vector<json> bundles) {
    std::sort(bundles.begin(), bundles.end(),
              [](const json& a, const json& b) { return a["name"].get<std::string>() < b["name"].get<std::string>(); });
    std::size_t major = 0, minor = 0, nc = 0, errors = 0, records = 0;
    std::map<std::string, std::size_t> verdicts;
    for (const auto& b : bundles) {
        verdicts[b["verdict"].get<std::string>()]++;
        if (b["verdict"] == "error") {
            ++errors;
            continue;
        }
        major += b["findings"]["major"].get<std::size_t>();
        minor += b["findings"]["minor"].get<std::size_t>();
        records += b["records"].get<std::size_t>();
        if (b["verdict"] != "conforming") ++nc;
    }
    json j;
    j["bundles"] = bundles.size();
    j["totals"] = {{"records", records}, {"nonconforming", nc}, {"errors", errors}, {"major", major}, {"minor", minor},
                   {"verdicts", verdicts}};
    j["organizations"] = bundles;
    return j;
}

std::string html_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string worst_text(const json& b) {
    std::string w;
    for (const auto& c : b["worst_clauses"]) {
        if (!w.empty()) w += ", ";
        w += fmt::format("{} ({}M/{}m)", c["clause"].get<std::string>(), c["major"].get<std::size_t>(),
                         c["minor"].get<std::size_t>());
        if (w.size() > 40) break;
    }
    return w.empty() ? "-" : w;
}

std::string text_summary(const json& p) {
    std::string out = fmt::format("Portfolio: {} bundles, {} records; {} nonconforming, {} could not be audited; {} major, {} minor\n\n",
                                  p["bundles"].get<std::size_t>(), p["totals"]["records"].get<std::size_t>(),
                                  p["totals"]["nonconforming"].get<std::size_t>(), p["totals"]["errors"].get<std::size_t>(),
                                  p["totals"]["major"].get<std::size_t>(), p["totals"]["minor"].get<std::size_t>());
    out += fmt::format("{:<28} {:<30} {:<20} {:>5} {:>5} {:>5} {:>7}  {}\n", "bundle", "organization", "verdict", "major",
                       "minor", "obs", "quality", "worst clauses");
    for (const auto& b : p["organizations"]) {
        if (b["verdict"] == "error") {
            out += fmt::format("{:<28} {:<30} {:<20} {}\n", b["name"].get<std::string>(), "", "error",
                               b["error"].get<std::string>());
            continue;
        }
        const auto& q = b["evidence_quality"];
        out += fmt::format("{:<28} {:<30} {:<20} {:>5} {:>5} {:>5} {:>7}  {}\n", b["name"].get<std::string>(),
                           b["organization"].get<std::string>().substr(0, 30), b["verdict"].get<std::string>(),
                           b["findings"]["major"].get<std::size_t>(), b["findings"]["minor"].get<std::size_t>(),
                           b["findings"]["observation"].get<std::size_t>(),
                           fmt::format("{}/{}", q["error"].get<std::size_t>(), q["warning"].get<std::size_t>()),
                           worst_text(b));
    }
    return out;
}

std::string html_summary(const json& p) {
    std::string out =
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>shall portfolio summary</title>\n"
        "<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}td.n{text-align:right}"
        ".major_nonconformity{background:#fdd}.minor_nonconformity{background:#ffd}.conforming{background:#dfd}"
        ".error{background:#eee}</style></head><body>\n";
    out += fmt::format("<h1>Portfolio summary</h1>\n<p>{} bundles, {} records; {} nonconforming; {} major and {} minor nonconformities.</p>\n",
                       p["bundles"].get<std::size_t>(), p["totals"]["records"].get<std::size_t>(),
                       p["totals"]["nonconforming"].get<std::size_t>(), p["totals"]["major"].get<std::size_t>(),
                       p["totals"]["minor"].get<std::size_t>());
    out += "<table><thead><tr><th>bundle</th><th>organization</th><th>as of</th><th>verdict</th><th>major</th><th>minor</th>"
           "<th>observations</th><th>rules failed</th><th>not evaluated</th><th>evidence quality (errors/warnings)</th>"
           "<th>worst clauses</th></tr></thead><tbody>\n";
    for (const auto& b : p["organizations"]) {
        const std::string verdict = b["verdict"].get<std::string>();
        if (verdict == "error") {
            out += fmt::format("<tr class=\"error\"><td>{}</td><td colspan=\"10\">{}</td></tr>\n",
                               html_escape(b["name"].get<std::string>()), html_escape(b["error"].get<std::string>()));
            continue;
        }
        const auto& q = b["evidence_quality"];
        out += fmt::format(
            "<tr class=\"{}\"><td><a href=\"reports/{}.html\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td>"
            "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}/{}</td><td>{}</td></tr>\n",
            verdict, html_escape(file_label(b["name"].get<std::string>())), html_escape(b["name"].get<std::string>()),
            html_escape(b["organization"].get<std::string>()), html_escape(b["as_of"].get<std::string>()), verdict,
            b["findings"]["major"].get<std::size_t>(), b["findings"]["minor"].get<std::size_t>(),
            b["findings"]["observation"].get<std::size_t>(), b["rules"]["failed"].get<std::size_t>(),
            b["rules"]["not_evaluated"].get<std::size_t>(), q["error"].get<std::size_t>(), q["warning"].get<std::size_t>(),
            html_escape(worst_text(b)));
    }
    out += "</tbody></table>\n</body></html>\n";
    return out;
}

void write_file(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error(fmt::format("cannot write {}", p.string()));
}

void write_summaries(const json& p, const std::string& out_dir, const std::vector<std::string>& formats, bool quiet) {
    fs::create_directories(out_dir);
    for (const auto& f : formats) {
        if (f == "json") write_file(fs::path(out_dir) / "summary.json", p.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
        else if (f == "text") write_file(fs::path(out_dir) / "summary.txt", text_summary(p));
        else if (f == "html") write_file(fs::path(out_dir) / "summary.html", html_summary(p));
    }
    if (!quiet) std::cout << text_summary(p);
}

int exit_status(const json& p) {
    if (p["totals"]["errors"].get<std::size_t>() > 0) return 2;
    return p["totals"]["nonconforming"].get<std::size_t>() > 0 ? 1 : 0;
}

}  // namespace

Command add_batch(CLI::App& app) {
    struct Options {
        std::vector<std::string> rules, inputs, formats{"text", "json", "html"}, reports{"json"}, include;
        std::string manifest, out, shard;
        unsigned threads = 0;
        bool merge = false, quiet = false;
    };
    auto o = std::make_shared<Options>();
    app.add_option("inputs", o->inputs,
                   "Directory whose sub-directories are bundles; with --merge: shard summary.json files or shard output directories");
    app.add_option("--rules", o->rules, "Ruleset directories or rule files (repeat --rules for more than one)")
        ->allow_extra_args(false);
    app.add_option("--manifest", o->manifest, "CSV with columns bundle[,as_of][,params] (params: NAME=VALUE;NAME=VALUE)");
    app.add_option("--out", o->out, "Output directory: summary.{txt,json,html} and reports/<bundle>.<format>")->required();
    app.add_option("--shard", o->shard, "I/N: audit only the I-th of N shares of the bundles (1 <= I <= N)");
    app.add_option("--threads", o->threads, "Bundles audited at the same time (default: all cores); never changes the output");
    app.add_option("--format", o->formats, "Summary formats: text, json, html (default all three)")->delimiter(',');
    app.add_option("--reports", o->reports, "Per-bundle report formats (as for audit --format; default json; 'none' for none)")
        ->delimiter(',');
    app.add_option("--include", o->include, "Another directory where imported modules are looked for");
    app.add_flag("--merge", o->merge, "Join shard summaries (the inputs) into one portfolio summary");
    app.add_flag("--quiet", o->quiet, "Do not print the text summary");
    return [o]() -> int {
        if (o->merge) {
            std::vector<json> bundles;
            std::map<std::string, std::string> seen;
            for (const auto& in : o->inputs) {
                fs::path p = fs::is_directory(in) ? fs::path(in) / "summary.json" : fs::path(in);
                std::ifstream f(p);
                if (!f) throw std::runtime_error(fmt::format("cannot read {}", p.string()));
                json s = json::parse(f);
                for (auto& b : s["organizations"]) {
                    auto name = b["name"].get<std::string>();
                    if (auto it = seen.find(name); it != seen.end())
                        throw std::runtime_error(fmt::format("bundle {} is in both {} and {}", name, it->second, p.string()));
                    seen[name] = p.string();
                    bundles.push_back(b);
                }
            }
            json p = portfolio(std::move(bundles));
            write_summaries(p, o->out, o->formats, o->quiet);
            return exit_status(p);
        }
        if (o->rules.empty()) throw std::runtime_error("--rules is required (unless --merge)");
        std::vector<BatchItem> items;
        if (!o->manifest.empty()) items = read_manifest(o->manifest);
        for (const auto& in : o->inputs) {
            auto more = list_directory(in);
            items.insert(items.end(), more.begin(), more.end());
        }
        if (items.empty()) throw std::runtime_error("no bundles: give a directory of bundles or --manifest FILE");
        std::sort(items.begin(), items.end(), [](const BatchItem& a, const BatchItem& b) { return a.name < b.name; });
        for (std::size_t i = 1; i < items.size(); ++i)
            if (items[i].name == items[i - 1].name) throw std::runtime_error(fmt::format("bundle {} is listed twice", items[i].name));
        if (!o->shard.empty()) {
            unsigned si = 0, sn = 0;
            char slash = 0;
            std::istringstream in(o->shard);
            if (!(in >> si >> slash >> sn) || slash != '/' || sn == 0 || si == 0 || si > sn || !in.eof())
                throw std::runtime_error(fmt::format("--shard {}: expected I/N with 1 <= I <= N", o->shard));
            std::vector<BatchItem> mine;
            for (std::size_t i = 0; i < items.size(); ++i)
                if (i % sn == si - 1) mine.push_back(items[i]);
            items = std::move(mine);
        }

        // One checked program per tailoring.
        std::map<std::string, std::unique_ptr<Program>> programs;
        std::map<std::string, Plan> plans;
        for (const auto& item : items) {
            if (programs.count(item.params)) continue;
            Diagnostics diags;
            ProgramOptions options;
            options.include_dirs = o->include;
            for (const auto& kv : split(item.params, ';')) {
                if (kv.empty()) continue;
                auto eq = kv.find('=');
                if (eq == std::string::npos || eq == 0) {
                    diags.error({}, fmt::format("{}: tailoring {}: expected NAME=VALUE", item.name, kv));
                    continue;
                }
                options.params.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
            }
            auto program = load_program(o->rules, options, diags);
            if (report_diagnostics(diags)) return 2;
            plans.emplace(item.params, plan_program(*program));
            programs.emplace(item.params, std::move(program));
        }

        const fs::path out_dir(o->out), report_dir = out_dir / "reports";
        fs::create_directories(report_dir);
        std::vector<std::string> report_formats;
        for (const auto& f : o->reports)
            if (f != "none") report_formats.push_back(f);

        std::vector<json> results(items.size());
        std::atomic<std::size_t> next{0};
        unsigned workers = o->threads ? o->threads : std::max(1u, std::thread::hardware_concurrency());
        workers = unsigned(std::min<std::size_t>(workers, items.size()));
        const unsigned inner = items.size() == 1 ? o->threads : 1;   // one bundle: parallel rules instead
        auto work = [&]() {
            for (std::size_t i; (i = next.fetch_add(1)) < items.size();) {
                const BatchItem& item = items[i];
                try {
                    const Program& program = *programs.at(item.params);
                    LoadOptions load;
                    load.threads = inner;
                    if (!item.as_of.empty()) {
                        load.as_of = parse_date(item.as_of);
                        if (!load.as_of) throw std::runtime_error(fmt::format("as_of {}: expected YYYY-MM-DD", item.as_of));
                    }
                    BundleSummary bundle;
                    AuditResult result;
                    {   // the records and the graph are freed before the reports, as in shall audit
                        EvidenceStore store = load_bundle(program.schema, item.path, load);
                        if (!store.info.as_of) throw std::runtime_error("no audit date (as_of in bundle.json or the manifest)");
                        EvidenceGraph graph(store);
                        AuditOptions audit_options;
                        audit_options.threads = inner;
                        result = run_audit(program, plans.at(item.params), store, graph, audit_options);
                        bundle = store.summary();
                    }
                    ReportInput in{program, bundle, result, item.path};
                    for (const auto& f : report_formats)
                        write_file(report_dir / (file_label(item.name) + "." + f), render_report(f, in, ReportOptions{}));
                    results[i] = summarize_bundle(item, bundle, result);
                } catch (const std::exception& e) {
                    results[i] = json{{"name", item.name}, {"verdict", "error"}, {"error", e.what()}};
                }
            }
        };
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < workers; ++t) pool.emplace_back(work);
        work();
        for (auto& t : pool) t.join();

        json p = portfolio(std::move(results));
        write_summaries(p, o->out, o->formats, o->quiet);
        return exit_status(p);
    };
}

}  // namespace shall::cli
