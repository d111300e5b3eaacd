#pragma once
// Collects evidence-quality entries for one file with the line they point at, so that the
// bundle loader can order them deterministically (file, then line, then detection order).
#include <cstdint>
#include <string>
#include <vector>

#include "store.hpp"

namespace shall {

struct Issue {
    std::string file;
    std::uint32_t line = 0;  // 0 = the file as a whole
    EvidenceQuality entry;
};

class IssueLog {
public:
    explicit IssueLog(std::string file = {}) : file_(std::move(file)) {}
    const std::string& file() const { return file_; }

    void error(std::uint32_t line, std::string code, std::string message) { add("error", line, std::move(code), std::move(message)); }
    void warning(std::uint32_t line, std::string code, std::string message) { add("warning", line, std::move(code), std::move(message)); }
    void info(std::uint32_t line, std::string code, std::string message) { add("info", line, std::move(code), std::move(message)); }
    void add(const char* level, std::uint32_t line, std::string code, std::string message);

    std::vector<Issue> issues;
private:
    std::string file_;
};

// "Incident.csv:58", or "Incident.csv" for line 0.
std::string source_text(const std::string& file, std::uint32_t line);

Issue make_issue(const char* level, std::string file, std::uint32_t line, std::string code, std::string message);

// Stable sort by file name then line, then flatten into EvidenceQuality entries.
std::vector<EvidenceQuality> ordered_entries(std::vector<Issue> issues);

}  // namespace shall
