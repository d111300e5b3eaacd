#include "planner.hpp"

#include "column_tests.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <functional>

namespace shall {
namespace {

using ast::Access;
using ast::AccessKind;
using ast::Expr;
using K = Expr::Kind;

bool mentions_slot(const Expr& e, int slot) {
    if (e.kind == K::name && e.r.name == ast::NameKind::variable && e.r.slot == slot) return true;
    for (const auto& k : e.kids)
        if (k && mentions_slot(*k, slot)) return true;
    return false;
}

// An index lookup must find exactly what the comparison would: same kind of key on both
// sides (no int/decimal, date/datetime or enum/text mixing, which compare by conversion).
bool indexable(const FieldDecl& f, const Type& key) {
    Type field = type_of_field(f);
    if (f.kind == FieldKind::ref) return !f.many && key.base == Type::record && key.record_type == f.target;
    switch (f.kind) {
        case FieldKind::text: case FieldKind::int_: case FieldKind::bool_: case FieldKind::date:
            return key.base == field.base;
        case FieldKind::enum_:
            return key.base == Type::enumeration && key.enumeration_decl == f.enumeration;
        default:
            return false;
    }
}

std::string text_of(const Expr& e);

std::string text_of(const Expr& e) {
    switch (e.kind) {
        case K::name: return e.text;
        case K::member: return text_of(*e.kids[0]) + "." + e.text;
        case K::closure: return text_of(*e.kids[0]) + "." + e.text + (e.reflexive ? "*" : "+");
        case K::reverse: return text_of(*e.kids[0]) + " <- " + e.text + "." + e.text2;
        case K::literal: return e.text;
        default: return "(…)";
    }
}

class Planner {
public:
    explicit Planner(Plan& plan) : plan_(plan) {}

    Access access_for(const Expr& domain, const Expr* where, int slot, const std::string& var) {
        Access a;
        a.residual = where;
        if (domain.kind == K::name && domain.r.name == ast::NameKind::record_type) {
            const RecordType* type = domain.r.record;
            std::vector<const Expr*> parts;
            conjuncts(where, parts);
            for (const Expr* c : parts) {
                if (c->kind != K::binary || c->op != ast::Op::eq) continue;
                for (int side = 0; side < 2; ++side) {
                    const FieldDecl* f = binder_field(*c->kids[side], slot);
                    const Expr& other = *c->kids[1 - side];
                    if (!f || mentions_slot(other, slot) || other.r.type.set || !indexable(*f, other.r.type)) continue;
                    a.key_field = f;
                    a.key = &other;
                    if (f->kind == FieldKind::ref && !f->many) {
                        a.kind = AccessKind::reverse_index;
                        a.describe = fmt::format("{} in {}: reverse edges {}.{} of {} (graph index), then filter", var,
                                                 type->name, type->name, f->name, text_of(other));
                    } else {
                        a.kind = AccessKind::equality_index;
                        IndexKey key{type, f};
                        if (std::find(plan_.equality_indexes.begin(), plan_.equality_indexes.end(), key) == plan_.equality_indexes.end())
                            plan_.equality_indexes.push_back(key);
                        a.describe = fmt::format("{} in {}: hash index {}.{} = {}, then filter", var, type->name,
                                                 type->name, f->name, text_of(other));
                    }
                    return a;
                }
            }
            a.kind = AccessKind::scan;
            a.describe = fmt::format("{} in {}: scan {}{}", var, type->name, type->name, where ? ", filter" : "");
            return a;
        }
        if (domain.kind == K::reverse) {
            a.kind = AccessKind::reverse_index;
            a.describe = fmt::format("{} in {}: reverse edges {}.{} (graph index){}", var, text_of(domain), domain.text,
                                     domain.text2, where ? ", filter" : "");
            return a;
        }
        if (domain.kind == K::member || domain.kind == K::closure) {
            bool refs = domain.r.field && domain.r.field->kind == FieldKind::ref;
            a.kind = refs ? AccessKind::navigate : AccessKind::list;
            a.describe = fmt::format("{} in {}: {} {}.{}{}{}", var, text_of(domain),
                                     domain.kind == K::closure ? "transitive closure over" : refs ? "navigate" : "list items of",
                                     domain.r.record ? domain.r.record->name : "?", domain.text,
                                     domain.kind == K::closure ? " (graph)" : "", where ? ", filter" : "");
            return a;
        }
        a.kind = AccessKind::list;
        a.describe = fmt::format("{} in {}: evaluate set{}", var, text_of(domain), where ? ", filter" : "");
        return a;
    }

    void walk(Expr& e) {
        for (auto& k : e.kids)
            if (k) walk(*k);
        if (e.kind == K::quantifier || e.kind == K::aggregate || e.kind == K::periodic) {
            e.access = access_for(*e.kids[0], e.kid(1), e.r.slot, e.text);
            if (table_domain(*e.kids[0])) {
                e.access.where_split = split_column_tests(e.kid(1), e.r.slot, true);
                drop_index_condition(e.access);
                e.access.describe += columns_note(e.access.where_split, {});
            }
        }
    }

    // Every record a hash index returns meets its `field = key`: no need to test it again.
    static void drop_index_condition(Access& a) {
        if (a.kind != AccessKind::equality_index) return;
        auto& tests = a.where_split.column_tests;
        std::erase_if(tests, [&](const ast::ColumnTest& t) {
            const Expr& c = *t.test;
            return c.kind == K::binary && c.op == ast::Op::eq && (c.kid(0) == a.key || c.kid(1) == a.key);
        });
        if (tests.empty()) a.where_split.row_tests.clear();
    }

    // "(where: 2 conditions on the columns; require: 1 condition on the columns, the rest per record)"
    static std::string columns_note(const ast::ColumnSplit& where, const ast::ColumnSplit& require) {
        std::vector<std::string> parts;
        auto part = [&](const ast::ColumnSplit& split, const char* what) {
            if (split.empty()) return;
            const std::size_t n = split.column_tests.size();
            parts.push_back(fmt::format("{}: {} condition{} on the columns{}", what, n, n == 1 ? "" : "s",
                                        split.row_tests.empty() ? "" : ", the rest per record"));
        };
        part(where, "where");
        part(require, "require");
        return parts.empty() ? "" : fmt::format(" ({})", fmt::join(parts, "; "));
    }

    void rule(CheckedRule& cr) {
        auto& r = const_cast<ast::RuleDecl&>(*cr.decl);
        if (r.focus_domain) {
            walk(*r.focus_domain);
            r.focus_access = access_for(*r.focus_domain, r.focus_filter.get(), r.focus_slot, r.focus_var);
            if (table_domain(*r.focus_domain)) {
                r.focus_access.where_split = split_column_tests(r.focus_filter.get(), r.focus_slot);
                drop_index_condition(r.focus_access);
                r.require_split = split_column_tests(r.require.get(), r.focus_slot);
                r.focus_access.describe += columns_note(r.focus_access.where_split, r.require_split);
            }
            r.focus_access.describe = "for each " + r.focus_access.describe;
        }
        if (r.focus_filter) walk(*r.focus_filter);
        for (auto& l : r.lets) walk(*l.value);
        if (r.require) walk(*r.require);
    }

private:
    Plan& plan_;
};

void collect(const Expr& e, std::vector<std::string>& out) {
    if (e.kind == K::quantifier || e.kind == K::aggregate || e.kind == K::periodic) {
        const char* what = e.kind == K::periodic ? "periodic" : e.kind == K::aggregate ? "aggregate" :
                           e.quant == ast::Quant::every ? "every" : e.quant == ast::Quant::some ? "some" : "no";
        out.push_back(fmt::format("{}:{}: {} {}", e.where.line, e.where.column, what, e.access.describe));
    }
    for (const auto& k : e.kids)
        if (k) collect(*k, out);
}

}  // namespace

Plan plan_program(Program& program) {
    Plan plan;
    Planner planner(plan);
    for (auto& r : program.rules) planner.rule(r);
    for (auto* d : program.defs) planner.walk(*const_cast<ast::DefDecl*>(d)->body);
    std::sort(plan.equality_indexes.begin(), plan.equality_indexes.end());
    return plan;
}

std::vector<std::string> explain_rule(const CheckedRule& rule) {
    std::vector<std::string> out;
    const auto& r = *rule.decl;
    if (r.focus_domain) out.push_back(fmt::format("{}:{}: {}", r.focus_where.line, r.focus_where.column, r.focus_access.describe));
    else out.push_back("population check (no 'for each'): evaluated once");
    if (r.focus_filter) collect(*r.focus_filter, out);
    for (const auto& l : r.lets) collect(*l.value, out);
    if (r.require) collect(*r.require, out);
    return out;
}

}  // namespace shall
