#pragma once
// Compiler-style diagnostics: file:line:col: error: message, the source line and a caret.
#include <string>
#include <vector>

#include "source.hpp"

namespace shall {

enum class Severity { error, warning, note };

struct Diagnostic {
    Severity severity = Severity::error;
    Location where;
    std::string message;
    std::string hint;  // e.g. "did you mean 'approved_on'?"; empty when none
};

class Diagnostics {
public:
    void error(Location where, std::string message, std::string hint = {});
    void warning(Location where, std::string message, std::string hint = {});
    bool has_errors() const { return errors_ > 0; }
    std::size_t error_count() const { return errors_; }
    const std::vector<Diagnostic>& all() const { return items_; }
    void sort();  // by file, line, column: stable, deterministic output
    void append(Diagnostics&& other);   // other's diagnostics after these, in their order
private:
    std::vector<Diagnostic> items_;
    std::size_t errors_ = 0;
};

// "file:line:col: error: message\n  source line\n      ^\n  hint"
std::string render(const Diagnostic& d);

// The candidate closest to `name` by edit distance, or "" when nothing is close.
std::string closest_name(const std::string& name, const std::vector<std::string>& candidates);
std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace shall
