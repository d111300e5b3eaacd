#include "column_tests.hpp"

#include "../../dsl/check/check_expr.hpp"
#include "../../dsl/check/schema.hpp"

namespace shall {
namespace {

using ast::Expr;
using ast::Op;
using K = Expr::Kind;

// `row.field` for a field with one value per record
const FieldDecl* row_field(const Expr& e, int row) {
    const FieldDecl* f = binder_field(e, row);
    if (!f || f->kind == FieldKind::list || (f->kind == FieldKind::ref && f->many)) return nullptr;
    return f;
}

// A field the engine compares on its column (the cell is the number itself) with a value of
// type `other`.
bool comparable(const FieldDecl& f, const Type& other) {
    if (other.set) return false;
    switch (f.kind) {
        case FieldKind::int_: case FieldKind::decimal: return other.base == Type::int_ || other.base == Type::decimal;
        case FieldKind::date: case FieldKind::datetime: return other.base == Type::date || other.base == Type::datetime;
        case FieldKind::enum_: return other.base == Type::enumeration && other.enumeration_decl == f.enumeration;
        case FieldKind::bool_: return other.base == Type::boolean;
        default: return false;
    }
}

// `least(row.g, row.h)` / `greatest(…)` of two int, date or datetime fields of the same kind:
// the kind of both.
const FieldDecl* row_extreme(const Expr& e, int row) {
    if (e.kind != K::call || e.r.name != ast::NameKind::builtin || e.kids.size() != 2) return nullptr;
    const auto b = static_cast<Builtin>(e.r.slot);
    if (b != Builtin::min2 && b != Builtin::max2) return nullptr;
    const FieldDecl* g = row_field(*e.kids[0], row);
    const FieldDecl* h = row_field(*e.kids[1], row);
    if (!g || !h || g->kind != h->kind) return nullptr;
    if (g->kind != FieldKind::int_ && g->kind != FieldKind::date && g->kind != FieldKind::datetime) return nullptr;
    return g;
}

bool is_comparison(Op op) {
    return op == Op::eq || op == Op::ne || op == Op::lt || op == Op::le || op == Op::gt || op == Op::ge;
}

bool testable(const Expr& e, int row, bool frame_ok);


// A call of a one-parameter definition on the row: its body, with the parameter as the row.
const Expr* called_on_row(const Expr& e, int row) {
    if (e.kind != K::call || e.r.name != ast::NameKind::definition || !e.r.definition) return nullptr;
    const ast::DefDecl& d = *e.r.definition;
    if (d.params.size() != 1 || e.kids.size() != 1 || !d.body) return nullptr;
    const Expr& arg = *e.kids[0];
    if (arg.kind != K::name || arg.r.name != ast::NameKind::variable || arg.r.slot != row) return nullptr;
    return d.body.get();
}

bool testable(const Expr& e, int row, bool frame_ok) {
    switch (e.kind) {
        case K::not_: return testable(*e.kids[0], row, frame_ok);
        case K::is_test: return e.test != ast::Test::dangling && row_field(*e.kids[0], row);
        case K::member: {
            const FieldDecl* f = row_field(e, row);
            return f && f->kind == FieldKind::bool_;
        }
        case K::call: {
            const Expr* body = called_on_row(e, row);
            return body && testable(*body, 0, false);   // the body's only variable is the row
        }
        case K::binary: {
            if (e.op == Op::and_ || e.op == Op::or_ || e.op == Op::implies)
                return testable(*e.kids[0], row, frame_ok) && testable(*e.kids[1], row, frame_ok);
            if (is_comparison(e.op)) {
                for (int side = 0; side < 2; ++side) {
                    const FieldDecl* f = row_field(*e.kids[side], row);
                    const Expr& other = *e.kids[1 - side];
                    if (!f || !comparable(*f, other.r.type)) continue;
                    if (frame_ok ? is_frame_constant(other, row) : is_run_constant(other)) return true;
                    if (const FieldDecl* g = row_field(other, row); g && comparable(*g, type_of_field(*f))) return true;
                    if (const FieldDecl* g = row_extreme(other, row); g && comparable(*g, type_of_field(*f))) return true;
                }
                return false;
            }
            if (e.op == Op::matches) {
                const FieldDecl* f = row_field(*e.kids[0], row);
                return f && f->kind == FieldKind::text && e.kids[1]->kind == K::literal;
            }
            if (e.op == Op::in || e.op == Op::not_in) {
                const FieldDecl* f = row_field(*e.kids[0], row);
                const Expr& set = *e.kids[1];
                if (!f || f->kind != FieldKind::enum_ || set.kind != K::set_literal) return false;
                for (const auto& item : set.kids)
                    if (!is_run_constant(*item) || !comparable(*f, item->r.type)) return false;
                return true;
            }
            return false;
        }
        default: return false;
    }
}

}  // namespace

const FieldDecl* binder_field(const Expr& e, int slot) {
    if (e.kind != K::member || e.r.over_set) return nullptr;
    const Expr& recv = *e.kids[0];
    if (recv.kind == K::name && recv.r.name == ast::NameKind::variable && recv.r.slot == slot) return e.r.field;
    return nullptr;
}

void conjuncts(const Expr* e, std::vector<const Expr*>& out) {
    if (!e) return;
    if (e->kind == K::binary && e->op == Op::and_) {
        conjuncts(e->kid(0), out);
        conjuncts(e->kid(1), out);
    } else {
        out.push_back(e);
    }
}

const RecordType* table_domain(const Expr& domain) {
    if (domain.kind == K::name && domain.r.name == ast::NameKind::record_type) return domain.r.record;
    if (domain.kind == K::reverse) return domain.r.record;
    return nullptr;
}

namespace {

// The same value for every row of one use of a condition on the record in `row`; with
// `frame_ok` false, for the whole audit (no variable, no field).
bool constant_for(const Expr& e, int row, bool frame_ok) {
    switch (e.kind) {
        case K::literal: return true;
        case K::name:
            switch (e.r.name) {
                case ast::NameKind::variable: return frame_ok && e.r.slot != row;
                case ast::NameKind::enum_value: return e.r.slot != -2;   // -2: a whole enum, as a set
                case ast::NameKind::parameter: return true;
                case ast::NameKind::special:
                    return e.r.special == ast::Special::as_of || e.r.special == ast::Special::period_start ||
                           e.r.special == ast::Special::period_end;
                default: return false;
            }
        case K::member: return frame_ok && !e.r.over_set && constant_for(*e.kids[0], row, frame_ok);
        case K::negate: return constant_for(*e.kids[0], row, frame_ok);
        case K::binary:
            if (e.op != Op::add && e.op != Op::sub && e.op != Op::mul && e.op != Op::div) return false;
            return constant_for(*e.kids[0], row, frame_ok) && constant_for(*e.kids[1], row, frame_ok);
        case K::call:
            if (e.r.name != ast::NameKind::builtin) return false;
            for (const auto& k : e.kids)
                if (!constant_for(*k, row, frame_ok)) return false;
            return true;
        default: return false;
    }
}

}  // namespace

bool is_run_constant(const Expr& e) { return constant_for(e, -1, false); }

bool is_frame_constant(const Expr& e, int row) { return constant_for(e, row, true); }

ast::ColumnSplit split_column_tests(const Expr* condition, int slot, bool frame_constants) {
    ast::ColumnSplit split;
    std::vector<const Expr*> parts;
    conjuncts(condition, parts);
    for (const Expr* c : parts) {
        // a definition's body is split too, so that its testable conjuncts go to the columns
        if (const Expr* body = called_on_row(*c, slot)) {
            std::vector<const Expr*> inner;
            conjuncts(body, inner);
            bool all = true;
            for (const Expr* b : inner) all = all && testable(*b, 0, false);
            if (all) {
                for (const Expr* b : inner) split.column_tests.push_back({b, 0});
                continue;
            }
        }
        if (testable(*c, slot, false)) {
            split.column_tests.push_back({c, slot});
        } else if (frame_constants && testable(*c, slot, true)) {
            split.column_tests.push_back({c, slot});
            split.frame_constants = true;
        } else {
            split.row_tests.push_back(c);
        }
    }
    if (split.column_tests.empty()) split.row_tests.clear();
    return split;
}

}  // namespace shall
