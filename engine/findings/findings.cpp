#include "findings.hpp"

#include <algorithm>
#include <tuple>

namespace shall {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Ids such as INC99 < INC100: runs of digits compare by value (leading zeros aside), the rest
// byte by byte; ids equal so far compare by what is left, then as plain strings.
bool natural_less(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (is_digit(a[i]) && is_digit(b[j])) {
            std::size_t ie = i, je = j;
            while (ie < a.size() && is_digit(a[ie])) ++ie;
            while (je < b.size() && is_digit(b[je])) ++je;
            std::size_t ia = i, jb = j;   // the runs without their leading zeros
            while (ia < ie && a[ia] == '0') ++ia;
            while (jb < je && b[jb] == '0') ++jb;
            std::string_view na = a.substr(ia, ie - ia), nb = b.substr(jb, je - jb);
            if (na.size() != nb.size()) return na.size() < nb.size();
            if (na != nb) return na < nb;
            i = ie;
            j = je;
        } else {
            if (a[i] != b[j]) return a[i] < b[j];
            ++i;
            ++j;
        }
    }
    if ((a.size() - i) != (b.size() - j)) return (a.size() - i) < (b.size() - j);
    return a < b;
}

// Within one rule: by focus type, focus id, message.
bool focus_less(const Finding* x, const Finding* y) {
    if (x->focus_type != y->focus_type) return x->focus_type < y->focus_type;
    if (x->focus_id != y->focus_id) return natural_less(x->focus_id, y->focus_id);
    return x->message < y->message;
}

}  // namespace

// By clause, rule id, then focus_less. Rule ids are unique, so the rules are put in order
// once and each rule's findings sorted on their own — most often they are already in order,
// as the records they come from.
std::vector<const Finding*> AuditResult::findings() const {
    std::vector<const RuleResult*> order;
    for (const auto& r : rules) order.push_back(&r);
    std::stable_sort(order.begin(), order.end(), [](const RuleResult* x, const RuleResult* y) {
        if (x->rule->clause() != y->rule->clause()) return clause_less(x->rule->clause(), y->rule->clause());
        return x->rule->id() < y->rule->id();
    });
    std::vector<const Finding*> out;
    for (const RuleResult* r : order) {
        const auto first = out.size();
        for (const auto& f : r->findings) out.push_back(&f);
        if (!std::is_sorted(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), focus_less))
            std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), focus_less);
    }
    return out;
}

std::string_view to_string(RuleStatus s) {
    switch (s) {
        case RuleStatus::pass: return "pass";
        case RuleStatus::fail: return "fail";
        case RuleStatus::not_evaluated: return "not_evaluated";
    }
    return "pass";
}

}  // namespace shall
