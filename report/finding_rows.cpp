#include "finding_rows.hpp"

#include <fmt/format.h>
#include <unordered_map>

#include "audit_view.hpp"
#include "escape.hpp"

namespace shall {

const std::vector<std::string>& finding_columns() {
    static const std::vector<std::string> columns = {
        "clause", "rule", "grade", "title", "record type", "record id", "source", "message", "details",
        "evidence", "requirement", "process", "auditor prompt", "population"};
    return columns;
}

static std::string evidence_text(const Finding& f) {
    std::vector<std::string> records;
    for (const auto& e : f.evidence) {
        std::vector<std::string> fields;
        for (const auto& [k, v] : e.fields) fields.push_back(k + "=" + v);
        for (const auto& k : e.absent) fields.push_back(k + " absent");
        records.push_back(fmt::format("{} ({}): {}", record_label(e), e.source, fmt::join(fields, ", ")));
    }
    return fmt::format("{}", fmt::join(records, "\n"));
}

std::vector<std::vector<std::string>> finding_rows(const ReportInput& in) {
    std::vector<std::vector<std::string>> rows;
    std::unordered_map<const CheckedRule*, const RuleResult*> result_of;
    for (const auto& r : in.result.rules) result_of[r.rule] = &r;
    for (const Finding* f : in.result.findings()) {
        const auto& decl = *f->rule->decl;
        auto it = result_of.find(f->rule);
        const RuleResult* rule = it == result_of.end() ? nullptr : it->second;
        std::vector<std::string> row = {
            f->rule->clause(), f->rule->id(), f->severity, f->rule->title,
            f->has_focus ? f->focus_type : "", f->has_focus ? f->focus_id : "", f->has_focus ? f->focus_source : "",
            f->message, fmt::format("{}", fmt::join(f->details, "\n")), evidence_text(*f),
            decl.requirement, decl.process, f->rule->prompt, rule ? population_line(*rule) : ""};
        for (auto& cell : row) cell = neutralise_formula(std::move(cell));
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace shall
