#include "issue_log.hpp"

#include <algorithm>

namespace shall {

std::string source_text(const std::string& file, std::uint32_t line) {
    return line == 0 ? file : file + ":" + std::to_string(line);
}

Issue make_issue(const char* level, std::string file, std::uint32_t line, std::string code, std::string message) {
    std::string source = source_text(file, line);
    return Issue{std::move(file), line, EvidenceQuality{level, std::move(code), std::move(source), std::move(message)}};
}

void IssueLog::add(const char* level, std::uint32_t line, std::string code, std::string message) {
    issues.push_back(make_issue(level, file_, line, std::move(code), std::move(message)));
}

std::vector<EvidenceQuality> ordered_entries(std::vector<Issue> issues) {
    std::stable_sort(issues.begin(), issues.end(), [](const Issue& a, const Issue& b) {
        if (a.file != b.file) return a.file < b.file;
        return a.line < b.line;
    });
    std::vector<EvidenceQuality> out;
    out.reserve(issues.size());
    for (auto& i : issues) out.push_back(std::move(i.entry));
    return out;
}

}  // namespace shall
