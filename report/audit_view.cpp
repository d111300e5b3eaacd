#include "audit_view.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <set>

namespace shall {

const std::vector<std::string>& grade_order() {
    static const std::vector<std::string> order = {"major", "minor", "observation", "ofi"};
    return order;
}

std::string grade_label(const std::string& g) {
    if (g == "major") return "MAJOR NC";
    if (g == "minor") return "MINOR NC";
    if (g == "observation") return "OBSERVATION";
    return "OFI";
}

std::string grade_heading(const std::string& g) {
    if (g == "major") return "Major nonconformities";
    if (g == "minor") return "Minor nonconformities";
    if (g == "observation") return "Observations";
    return "Opportunities for improvement";
}

int grade_rank(const std::string& g) {
    const auto& order = grade_order();
    auto it = std::find(order.begin(), order.end(), g);
    return it == order.end() ? static_cast<int>(order.size()) : static_cast<int>(it - order.begin());
}

std::string worst_grade(const RuleResult& r) {
    std::string worst;
    for (const auto& f : r.findings)
        if (worst.empty() || grade_rank(f.severity) < grade_rank(worst)) worst = f.severity;
    return worst;
}

int top_clause(const std::string& clause) {
    int n = 0;
    for (char c : clause) {
        if (c < '0' || c > '9') break;
        n = n * 10 + (c - '0');
    }
    return n;
}

std::string clause_title(int top) {
    static const std::map<int, const char*> titles = {
        {4, "Context of the organization"}, {5, "Leadership"}, {6, "Planning"},
        {7, "Support of the service management system"}, {8, "Operation of the service management system"},
        {9, "Performance evaluation"}, {10, "Improvement"}};
    auto it = titles.find(top);
    return it == titles.end() ? "" : it->second;
}

std::string as_of_date(const ReportInput& in) { return format_date(in.bundle.info.as_of.value_or(0)); }
std::string as_of_timestamp(const ReportInput& in) { return as_of_date(in) + "T00:00:00Z"; }

std::string organization_or_path(const ReportInput& in) {
    return in.bundle.info.organization.empty() ? in.evidence_path : in.bundle.info.organization;
}

std::vector<ClauseRow> clause_rows(const AuditResult& result) {
    std::map<int, ClauseRow> rows;
    for (const auto& r : result.rules) {
        int top = top_clause(r.rule->clause());
        ClauseRow& row = rows[top];
        row.top = top;
        if (r.status == RuleStatus::pass) ++row.pass;
        else if (r.status == RuleStatus::fail) ++row.fail;
        else ++row.not_evaluated;
        for (const auto& f : r.findings) {
            if (f.severity == "major") ++row.major;
            else if (f.severity == "minor") ++row.minor;
            else if (f.severity == "observation") ++row.observation;
            else ++row.ofi;
        }
    }
    std::vector<ClauseRow> out;
    for (auto& [_, row] : rows) out.push_back(row);
    return out;
}

static bool within(const std::string& clause, const std::string& cell) {
    return clause == cell || (clause.size() > cell.size() && clause.compare(0, cell.size(), cell) == 0 && clause[cell.size()] == '.');
}

static std::string two_levels(const std::string& clause) {
    auto first = clause.find('.');
    if (first == std::string::npos) return clause;
    auto second = clause.find('.', first + 1);
    return second == std::string::npos ? clause : clause.substr(0, second);
}

std::vector<HeatRow> heat_map(const Program& program, const AuditResult& result) {
    std::vector<std::pair<std::string, std::string>> cells;   // clause, title
    std::set<std::string> seen;
    for (const auto* catalogue : program.catalogues)
        for (const auto& entry : catalogue->clauses)
            if (seen.insert(entry.number).second) cells.emplace_back(entry.number, entry.title);
    // clauses the rules name that no catalogue entry holds get a cell of their own
    for (const auto& r : result.rules)
        for (const auto& c : r.rule->decl->clauses) {
            bool held = std::any_of(cells.begin(), cells.end(), [&](const auto& cell) { return within(c, cell.first); });
            if (!held && seen.insert(two_levels(c)).second) cells.emplace_back(two_levels(c), "");
        }
    std::stable_sort(cells.begin(), cells.end(), [](const auto& a, const auto& b) { return clause_less(a.first, b.first); });

    std::vector<HeatRow> rows;
    for (int top = 4; top <= 10; ++top) rows.push_back({top, {}});
    for (const auto& [clause, title] : cells) {
        int top = top_clause(clause);
        if (top < 4 || top > 10) continue;
        HeatCell cell{clause, title, "none", {}};
        bool fail = false, ne = false;
        for (const auto& r : result.rules) {
            const auto& cs = r.rule->decl->clauses;
            if (!std::any_of(cs.begin(), cs.end(), [&](const std::string& c) { return within(c, clause); })) continue;
            cell.rules.push_back(&r);
            fail |= r.status == RuleStatus::fail;
            ne |= r.status == RuleStatus::not_evaluated;
        }
        if (!cell.rules.empty()) cell.status = fail ? "fail" : ne ? "not-evaluated" : "pass";
        rows[static_cast<std::size_t>(top - 4)].cells.push_back(std::move(cell));
    }
    return rows;
}

std::vector<GradeGroup> findings_by_grade(const AuditResult& result) {
    std::vector<GradeGroup> groups;
    for (const auto& grade : grade_order()) {
        GradeGroup g{grade, {}, 0};
        for (const auto& r : result.rules) {
            RuleFindings rf{&r, {}};
            for (const auto& f : r.findings)
                if (f.severity == grade) rf.findings.push_back(&f);
            g.count += rf.findings.size();
            if (!rf.findings.empty()) g.rules.push_back(std::move(rf));
        }
        groups.push_back(std::move(g));
    }
    return groups;
}

std::string population_line(const RuleResult& r, std::size_t ids) {
    if (!r.rule->decl->focus_domain || r.checked == 0) return "";
    std::string type;
    std::vector<std::string> focus;
    for (const auto& f : r.findings)
        if (f.has_focus) {
            if (type.empty()) type = f.focus_type;
            focus.push_back(f.focus_id);
        }
    std::string line = fmt::format("{} of {} {}{} ({:.1f} %) fall short", r.failed, r.checked, type.empty() ? "" : type + " ",
                                   r.checked == 1 ? "record" : "records",
                                   100.0 * static_cast<double>(r.failed) / static_cast<double>(r.checked));
    if (ids > 0 && !focus.empty()) {
        std::vector<std::string> shown(focus.begin(), focus.begin() + static_cast<std::ptrdiff_t>(std::min(ids, focus.size())));
        line += fmt::format(" — {}", fmt::join(shown, ", "));
        if (focus.size() > shown.size()) line += fmt::format(", +{} more", focus.size() - shown.size());
    }
    return line;
}

std::pair<std::string, unsigned> split_source(const std::string& source) {
    auto colon = source.rfind(':');
    if (colon == std::string::npos || colon + 1 == source.size()) return {source, 0};
    unsigned line = 0;
    for (std::size_t i = colon + 1; i < source.size(); ++i) {
        if (source[i] < '0' || source[i] > '9') return {source, 0};
        line = line * 10 + static_cast<unsigned>(source[i] - '0');
    }
    return {source.substr(0, colon), line};
}

std::string evidence_file_path(const ReportInput& in, const std::string& file) {
    return (std::filesystem::path(in.evidence_path) / file).lexically_normal().generic_string();
}

std::string record_label(const EvidenceRecord& e) { return e.id.empty() ? e.type : e.type + " " + e.id; }

std::string finding_subject(const Finding& f) {
    return f.has_focus ? f.focus_type + " " + f.focus_id : std::string("Whole population");
}

}  // namespace shall
