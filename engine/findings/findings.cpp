#include "findings.hpp"

#include <algorithm>
#include <tuple>

namespace shall {

std::vector<const Finding*> AuditResult::findings() const {
    std::vector<const Finding*> out;
    for (const auto& r : rules)
        for (const auto& f : r.findings) out.push_back(&f);
    auto natural_less = [](const std::string& a, const std::string& b) {
        // ids such as INC99 < INC100: compare digit runs by value
        std::size_t i = 0, j = 0;
        while (i < a.size() && j < b.size()) {
            if (std::isdigit(static_cast<unsigned char>(a[i])) && std::isdigit(static_cast<unsigned char>(b[j]))) {
                std::size_t ie = i, je = j;
                while (ie < a.size() && std::isdigit(static_cast<unsigned char>(a[ie]))) ++ie;
                while (je < b.size() && std::isdigit(static_cast<unsigned char>(b[je]))) ++je;
                auto na = a.substr(i, ie - i), nb = b.substr(j, je - j);
                na.erase(0, std::min(na.find_first_not_of('0'), na.size()));
                nb.erase(0, std::min(nb.find_first_not_of('0'), nb.size()));
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
    };
    std::stable_sort(out.begin(), out.end(), [&](const Finding* x, const Finding* y) {
        if (x->rule->clause() != y->rule->clause()) return clause_less(x->rule->clause(), y->rule->clause());
        if (x->rule->id() != y->rule->id()) return x->rule->id() < y->rule->id();
        if (x->focus_type != y->focus_type) return x->focus_type < y->focus_type;
        if (x->focus_id != y->focus_id) return natural_less(x->focus_id, y->focus_id);
        return x->message < y->message;
    });
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
