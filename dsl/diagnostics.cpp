#include "diagnostics.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace shall {

void Diagnostics::error(Location where, std::string message, std::string hint) {
    items_.push_back({Severity::error, where, std::move(message), std::move(hint)});
    ++errors_;
}

void Diagnostics::warning(Location where, std::string message, std::string hint) {
    items_.push_back({Severity::warning, where, std::move(message), std::move(hint)});
}

void Diagnostics::append(Diagnostics&& other) {
    for (Diagnostic& d : other.items_) items_.push_back(std::move(d));
    errors_ += other.errors_;
    other.items_.clear();
    other.errors_ = 0;
}

void Diagnostics::sort() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        auto pa = a.where.file ? a.where.file->path : std::string();
        auto pb = b.where.file ? b.where.file->path : std::string();
        if (pa != pb) return pa < pb;
        if (a.where.line != b.where.line) return a.where.line < b.where.line;
        return a.where.column < b.where.column;
    });
}

static const char* severity_word(Severity s) {
    switch (s) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::note: return "note";
    }
    return "error";
}

std::string render(const Diagnostic& d) {
    std::string out;
    if (d.where.file) {
        out = fmt::format("{}:{}:{}: {}: {}\n", d.where.file->path, d.where.line, d.where.column,
                          severity_word(d.severity), d.message);
        auto src = d.where.file->line(d.where.line);
        if (!src.empty() || d.where.line > 0) {
            std::string caret;
            for (std::uint32_t i = 1; i < d.where.column && i - 1 < src.size(); ++i)
                caret += src[i - 1] == '\t' ? '\t' : ' ';
            out += fmt::format("  {}\n  {}^\n", src, caret);
        }
    } else {
        out = fmt::format("{}: {}\n", severity_word(d.severity), d.message);
    }
    if (!d.hint.empty()) out += fmt::format("  {}\n", d.hint);
    return out;
}

static std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t sub = prev[j - 1] + (std::tolower(a[i - 1]) == std::tolower(b[j - 1]) ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string closest_name(const std::string& name, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_d = std::max<std::size_t>(2, name.size() / 3) + 1;
    for (const auto& c : candidates) {
        auto d = edit_distance(name, c);
        if (d < best_d || (d == best_d && !best.empty() && c < best)) {
            if (d < best_d) best_d = d;
            best = c;
        }
    }
    return best;
}

std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates) {
    auto c = closest_name(name, candidates);
    return c.empty() ? std::string() : fmt::format("did you mean '{}'?", c);
}

}  // namespace shall
