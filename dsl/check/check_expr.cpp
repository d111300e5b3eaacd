#include "check_expr.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

namespace shall {

int Scope::push(std::string name, Type type) {
    int slot = next_slot++;
    frame_size = std::max(frame_size, next_slot);
    vars.push_back({std::move(name), type, slot});
    return slot;
}

const Scope::Var* Scope::find(std::string_view name) const {
    for (auto it = vars.rbegin(); it != vars.rend(); ++it)
        if (it->name == name) return &*it;
    return nullptr;
}

namespace {

using ast::Expr;
using K = Expr::Kind;

struct BuiltinInfo { const char* name; Builtin id; std::size_t arity; };
const BuiltinInfo builtins[] = {
    {"count", Builtin::count, 1},   {"months", Builtin::months, 1}, {"days", Builtin::days, 1},
    {"years", Builtin::years, 1},   {"lower", Builtin::lower, 1},   {"upper", Builtin::upper, 1},
    {"length", Builtin::length, 1}, {"days_between", Builtin::days_between, 2}, {"date", Builtin::date_of, 1},
    {"abs", Builtin::abs, 1},       {"greatest", Builtin::max2, 2}, {"least", Builtin::min2, 2},
};

const char* special_names[] = {"as_of", "period_start", "period_end", "failed", "checked", "failed_ratio"};

bool comparable(const Type& a, const Type& b) {
    if (a.set || b.set) return false;
    if (a.is_numeric() && b.is_numeric()) return true;
    if (a.is_temporal() && b.is_temporal()) return true;
    // text fields that hold a controlled value (Role.process) compare with enum values by name
    if ((a.base == Type::text && b.base == Type::enumeration) || (a.base == Type::enumeration && b.base == Type::text)) return true;
    return same_type(a, b);
}

bool valid_calendar_date(std::string_view s) {  // YYYY-MM-DD, already matched by the grammar
    int y = std::stoi(std::string(s.substr(0, 4))), m = std::stoi(std::string(s.substr(5, 2))),
        d = std::stoi(std::string(s.substr(8, 2)));
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

}  // namespace

bool ExprChecker::is_constant(const Expr& e) {
    if (e.kind == K::literal) return true;
    if (e.kind == K::negate) return is_constant(*e.kids[0]);
    if (e.kind == K::binary && (e.op == ast::Op::add || e.op == ast::Op::sub || e.op == ast::Op::mul || e.op == ast::Op::div))
        return is_constant(*e.kids[0]) && is_constant(*e.kids[1]);
    return false;
}

Type ExprChecker::parameter_type(const std::string& name) const {
    if (const RecordType* t = program.schema.type(name)) return Type::of_record(t);
    static const std::pair<const char*, Type::Base> scalars[] = {
        {"text", Type::text}, {"int", Type::int_}, {"decimal", Type::decimal}, {"bool", Type::boolean},
        {"date", Type::date}, {"datetime", Type::datetime}, {"duration", Type::duration}};
    for (const auto& [n, b] : scalars)
        if (name == n) return Type::of(b);
    return Type::of(Type::error);
}

void ExprChecker::check_definition(ast::DefDecl& d, Location used_at) {
    if (d.state == ast::DefDecl::State::checked) return;
    if (d.state == ast::DefDecl::State::checking) {
        diags.error(used_at, fmt::format("definition {} calls itself (directly or through others)", d.name),
                    "definitions cannot be recursive; use a closure such as x.field+ for chains");
        d.result = Type::of(Type::error);
        return;
    }
    // the checker recurses through calls: a long chain stops here, not on the stack
    static thread_local std::size_t active = 0;
    if (active >= max_def_depth) {
        diags.error(used_at, fmt::format("definition {} is called through more than {} nested definitions", d.name,
                                         max_def_depth),
                    "inline some of the definitions it calls");
        d.result = Type::of(Type::error);
        d.call_depth = max_def_depth + 1;
        return;
    }
    struct Active {
        Active() { ++active; }
        ~Active() { --active; }
    } guard;
    d.state = ast::DefDecl::State::checking;
    Scope scope;
    for (const auto& prm : d.params) {
        Type t = parameter_type(prm.type_name);
        if (!t.ok()) {
            auto names = program.schema.type_names();
            for (auto k : {"text", "int", "decimal", "bool", "date", "datetime", "duration"}) names.emplace_back(k);
            diags.error(prm.where, fmt::format("unknown type {}", prm.type_name), did_you_mean(prm.type_name, names));
        }
        scope.push(prm.name, t);
    }
    ExprChecker body_checker{program, diags, {}, {}};
    Type result = body_checker.check(*d.body, scope);
    d.call_depth = body_checker.def_depth + 1;
    if (d.call_depth > max_def_depth && result.ok()) {
        diags.error(d.where, fmt::format("definition {} calls definitions {} deep (at most {})", d.name, d.call_depth - 1,
                                         max_def_depth - 1),
                    "inline some of the definitions it calls");
        result = Type::of(Type::error);
    }
    if (d.state == ast::DefDecl::State::checking) d.result = result;
    d.frame_size = scope.frame_size;
    d.state = ast::DefDecl::State::checked;
}

Type ExprChecker::check_bool(Expr& e, Scope& scope, const char* what) {
    Type t = check(e, scope);
    if (t.ok() && (t.base != Type::boolean || t.set))
        diags.error(e.where, fmt::format("{} must be a condition (bool), but this is {}", what, describe(t)));
    return Type::of(Type::boolean);
}

Type ExprChecker::check(Expr& e, Scope& scope, const Type* expected) {
    auto err = [&](Location where, std::string msg, std::string hint = {}) {
        diags.error(where, std::move(msg), std::move(hint));
        e.r.type = Type::of(Type::error);
        return e.r.type;
    };
    auto set_type = [&](Type t) { e.r.type = t; return t; };

    switch (e.kind) {
    case K::literal:
        switch (e.lit) {
            case ast::LitKind::int_: return set_type(Type::of(Type::int_));
            case ast::LitKind::decimal:
            case ast::LitKind::percent: return set_type(Type::of(Type::decimal));
            case ast::LitKind::date:
                if (!valid_calendar_date(e.text)) return err(e.where, fmt::format("{} is not a calendar date", e.text));
                return set_type(Type::of(Type::date));
            case ast::LitKind::datetime:
                if (!valid_calendar_date(e.text.substr(0, 10))) return err(e.where, fmt::format("{} is not a calendar date", e.text));
                return set_type(Type::of(Type::datetime));
            case ast::LitKind::duration: return set_type(Type::of(Type::duration));
            case ast::LitKind::boolean: return set_type(Type::of(Type::boolean));
            case ast::LitKind::string:
                if (expected && expected->base == Type::enumeration && expected->enumeration_decl) {
                    auto idx = expected->enumeration_decl->index_of(e.text);
                    if (!idx)
                        return err(e.where, fmt::format("'{}' is not a value of enum {}", e.text, expected->enumeration_decl->name),
                                   did_you_mean(e.text, expected->enumeration_decl->values));
                    e.r.name = ast::NameKind::enum_value;
                    e.r.enumeration = expected->enumeration_decl;
                    e.r.enum_index = *idx;
                    return set_type(Type::of_enum(expected->enumeration_decl));
                }
                return set_type(Type::of(Type::text));
        }
        break;

    case K::name: {
        if (auto* v = scope.find(e.text)) {
            e.r.name = ast::NameKind::variable;
            e.r.slot = v->slot;
            return set_type(v->type);
        }
        for (std::size_t i = 0; i < program.params.size(); ++i)
            if (program.params[i].name == e.text) {
                e.r.name = ast::NameKind::parameter;
                e.r.slot = static_cast<int>(i);
                return set_type(program.params[i].type);
            }
        for (std::size_t i = 0; i < std::size(special_names); ++i)
            if (e.text == special_names[i]) {
                // failed / checked / failed_ratio exist only in grade conditions; elsewhere the
                // word may be an enum value (Change.outcome = failed)
                if (static_cast<ast::Special>(i) >= ast::Special::failed && !scope.grade_context) break;
                e.r.name = ast::NameKind::special;
                e.r.special = static_cast<ast::Special>(i);
                if (e.r.special == ast::Special::failed_ratio) return set_type(Type::of(Type::decimal));
                if (e.r.special >= ast::Special::failed) return set_type(Type::of(Type::int_));
                return set_type(Type::of(Type::date));
            }
        if (auto* t = program.schema.type(e.text)) {
            e.r.name = ast::NameKind::record_type;
            e.r.record = t;
            types_read.insert(t);
            return set_type(Type::of_record(t, true));
        }
        if (expected && expected->base == Type::enumeration && expected->enumeration_decl) {
            if (auto idx = expected->enumeration_decl->index_of(e.text)) {
                e.r.name = ast::NameKind::enum_value;
                e.r.enumeration = expected->enumeration_decl;
                e.r.enum_index = *idx;
                return set_type(Type::of_enum(expected->enumeration_decl));
            }
        }
        for (const auto& en : program.schema.enums)
            if (en->name == e.text && en->name.find('.') == std::string::npos) {
                // a named enum stands for the set of its values: `for each p in process`
                e.r.name = ast::NameKind::enum_value;
                e.r.enumeration = en.get();
                e.r.slot = -2;
                return set_type(Type::of_enum(en.get(), true));
            }
        if (expected && expected->base == Type::enumeration && expected->enumeration_decl) {
            return err(e.where, fmt::format("'{}' is not a value of enum {}", e.text, expected->enumeration_decl->name),
                       did_you_mean(e.text, expected->enumeration_decl->values));
        }
        for (std::size_t i = 3; i < std::size(special_names); ++i)
            if (e.text == special_names[i])
                return err(e.where, fmt::format("'{}' can only be used in a grade condition", e.text));
        std::vector<std::string> known;
        for (const auto& v : scope.vars) known.push_back(v.name);
        for (const auto& p : program.params) known.push_back(p.name);
        for (auto s : special_names) known.emplace_back(s);
        for (const auto& n : program.schema.type_names()) known.push_back(n);
        return err(e.where, fmt::format("unknown name '{}'", e.text), did_you_mean(e.text, known));
    }

    case K::member:
    case K::closure: {
        Type recv = check(*e.kids[0], scope);
        if (!recv.ok()) return set_type(recv);
        if (recv.base != Type::record || !recv.record_type)
            return err(e.where, fmt::format("'.{}' needs a record, but the left side is {}", e.text, describe(recv)));
        const FieldDecl* f = recv.record_type->field(e.text);
        if (!f)
            return err(e.where, fmt::format("{} has no field '{}'", recv.record_type->name, e.text),
                       did_you_mean(e.text, recv.record_type->field_names()));
        e.r.field = f;
        e.r.record = recv.record_type;
        e.r.over_set = recv.set;
        types_read.insert(recv.record_type);
        fields_read.insert({recv.record_type, f});
        Type ft = type_of_field(*f);
        if (e.kind == K::closure) {
            if (f->kind != FieldKind::ref || f->target != recv.record_type)
                return err(e.where, fmt::format("'{}{}' needs a reference from {} to {} itself; {}.{} is {}", e.text,
                                                e.reflexive ? "*" : "+", recv.record_type->name, recv.record_type->name,
                                                recv.record_type->name, e.text, describe(ft)));
            return set_type(Type::of_record(f->target, true));
        }
        if (recv.set) ft.set = true;
        return set_type(ft);
    }

    case K::reverse: {
        Type recv = check(*e.kids[0], scope);
        if (!recv.ok()) return set_type(recv);
        const RecordType* src = program.schema.type(e.text);
        if (!src) return err(e.where, fmt::format("unknown record type {}", e.text), did_you_mean(e.text, program.schema.type_names()));
        const FieldDecl* f = src->field(e.text2);
        if (!f) return err(e.where, fmt::format("{} has no field '{}'", src->name, e.text2), did_you_mean(e.text2, src->field_names()));
        if (recv.base != Type::record || f->kind != FieldKind::ref || f->target != recv.record_type)
            return err(e.where, fmt::format("'<- {}.{}' needs {}.{} to reference {}, the left side's type", e.text, e.text2,
                                            e.text, e.text2, describe(recv.element())));
        e.r.field = f;
        e.r.record = src;
        e.r.over_set = recv.set;
        types_read.insert(src);
        fields_read.insert({src, f});
        return set_type(Type::of_record(src, true));
    }

    case K::negate: {
        Type t = check(*e.kids[0], scope);
        if (t.ok() && !t.is_numeric() && !(t.base == Type::duration && !t.set))
            return err(e.where, fmt::format("'-' needs a number or a duration, not {}", describe(t)));
        return set_type(t);
    }

    case K::not_:
        check_bool(*e.kids[0], scope, "the operand of 'not'");
        return set_type(Type::of(Type::boolean));

    case K::is_test: {
        Type t = check(*e.kids[0], scope);
        if (t.ok() && e.test == ast::Test::dangling && t.base != Type::record)
            return err(e.where, fmt::format("'is dangling' needs a reference, not {}", describe(t)));
        // whether a link is broken depends on the target's records: without its file, not known
        if (t.ok() && e.test == ast::Test::dangling) types_read.insert(t.record_type);
        return set_type(Type::of(Type::boolean));
    }

    case K::binary: {
        Expr& a = *e.kids[0];
        Expr& b = *e.kids[1];
        using ast::Op;
        switch (e.op) {
        case Op::and_:
        case Op::or_:
        case Op::implies:
            check_bool(a, scope, "each side of and/or/implies");
            check_bool(b, scope, "each side of and/or/implies");
            return set_type(Type::of(Type::boolean));
        case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge: {
            bool a_bare = (a.kind == K::name && !scope.find(a.text)) || (a.kind == K::literal && a.lit == ast::LitKind::string);
            Type ta, tb;
            if (a_bare && b.kind != K::name && !(b.kind == K::literal && b.lit == ast::LitKind::string)) {
                tb = check(b, scope);
                ta = check(a, scope, &tb);
            } else {
                ta = check(a, scope);
                tb = check(b, scope, &ta);
            }
            if (!ta.ok() || !tb.ok()) return set_type(Type::of(Type::boolean));
            bool ordered = e.op != Op::eq && e.op != Op::ne;
            if (!comparable(ta, tb))
                return err(e.where, fmt::format("cannot compare {} with {}", describe(ta), describe(tb)),
                           ta.set || tb.set ? "use 'in', 'contains', a quantifier or count() for sets" : "");
            if (ordered && (ta.base == Type::boolean || ta.base == Type::record || ta.base == Type::enumeration))
                return err(e.where, fmt::format("'<', '>' do not order {} values", describe(ta)));
            return set_type(Type::of(Type::boolean));
        }
        case Op::in:
        case Op::not_in:
        case Op::contains: {
            Expr& elem = e.op == Op::contains ? b : a;
            Expr& coll = e.op == Op::contains ? a : b;
            Type tc, te;
            if (coll.kind == K::set_literal) {
                te = check(elem, scope);
                Type coll_expected = te.as_set();
                tc = check(coll, scope, te.ok() ? &coll_expected : nullptr);
            } else {
                tc = check(coll, scope);
                Type elem_expected = tc.element();
                te = check(elem, scope, tc.ok() ? &elem_expected : nullptr);
            }
            if (!tc.ok() || !te.ok()) return set_type(Type::of(Type::boolean));
            if (!tc.set) return err(coll.where, fmt::format("'{}' needs a set on this side, but this is {}", e.op == Op::contains ? "contains" : "in", describe(tc)));
            if (!comparable(te, tc.element()))
                return err(e.where, fmt::format("a {} cannot be a member of a {}", describe(te), describe(tc)));
            return set_type(Type::of(Type::boolean));
        }
        case Op::matches: {
            Type t = check(a, scope);
            check(b, scope);
            if (t.ok() && (t.base != Type::text || t.set)) return err(e.where, fmt::format("'matches' needs text, not {}", describe(t)));
            RE2 re(b.text, RE2::Quiet);
            if (!re.ok()) return err(b.where, fmt::format("bad pattern: {}", re.error()));
            return set_type(Type::of(Type::boolean));
        }
        case Op::otherwise: {
            Type ta = check(a, scope);
            Type tb = check(b, scope, &ta);
            if (!ta.ok() || !tb.ok()) return set_type(Type::of(Type::error));
            if (!comparable(ta, tb) && !same_type(ta, tb) && !(ta.base == Type::duration && tb.base == Type::duration))
                return err(e.where, fmt::format("'otherwise' needs both sides of one type: {} and {}", describe(ta), describe(tb)));
            return set_type(ta.base == Type::decimal || tb.base == Type::decimal ? Type::of(Type::decimal) : ta);
        }
        case Op::add:
        case Op::sub:
        case Op::mul:
        case Op::div: {
            Type ta = check(a, scope);
            Type tb = check(b, scope);
            if (!ta.ok() || !tb.ok()) return set_type(Type::of(Type::error));
            const char* sym = e.op == Op::add ? "+" : e.op == Op::sub ? "-" : e.op == Op::mul ? "*" : "/";
            if (ta.is_numeric() && tb.is_numeric()) {
                if (e.op == Op::div || ta.base == Type::decimal || tb.base == Type::decimal) return set_type(Type::of(Type::decimal));
                return set_type(Type::of(Type::int_));
            }
            if ((e.op == Op::add || e.op == Op::sub) && ta.is_temporal() && tb.base == Type::duration && !tb.set)
                return set_type(ta);
            if (e.op == Op::add && ta.base == Type::duration && tb.base == Type::duration) return set_type(ta);
            if (e.op == Op::add && ta.base == Type::text && tb.base == Type::text && !ta.set && !tb.set) return set_type(ta);
            return err(e.where, fmt::format("cannot compute {} {} {}", describe(ta), sym, describe(tb)),
                       ta.is_temporal() && tb.is_temporal() ? "use days_between(a, b) for the days from a to b" : "");
        }
        }
        break;
    }

    case K::quantifier:
    case K::aggregate:
    case K::periodic: {
        Type dom = check(*e.kids[0], scope);
        if (!dom.ok()) return set_type(Type::of(e.kind == K::quantifier || e.kind == K::periodic ? Type::boolean : Type::error));
        if (!dom.set) return err(e.kids[0]->where, fmt::format("'{}' ranges over a set, but this is {}", e.text, describe(dom)));
        if (e.kind == K::periodic) {   // checked before the loop variable exists: one interval for all
            Type interval = check(*e.kids[3], scope);
            if (interval.ok() && interval.base != Type::duration)
                err(e.kids[3]->where, fmt::format("the interval must be a duration such as 12 months, not {}", describe(interval)));
        }
        auto depth = scope.vars.size();
        int saved = scope.next_slot;
        e.r.slot = scope.push(e.text, dom.element());
        if (e.kids[1]) check_bool(*e.kids[1], scope, "'where'");
        Type result = Type::of(Type::boolean);
        if (e.kind == K::quantifier) {
            if (e.kids[2]) check_bool(*e.kids[2], scope, "'satisfies'");
        } else if (e.kind == K::periodic) {
            Type of = check(*e.kids[2], scope);
            if (of.ok() && !of.is_temporal())
                err(e.kids[2]->where, fmt::format("periodic() checks dates, but 'of' gives {}", describe(of)));
        } else {
            Type of = e.kids[2] ? check(*e.kids[2], scope) : Type::of(Type::error);
            switch (e.agg) {
            case ast::Agg::count:
                if (e.kids[2]) err(e.kids[2]->where, "count() takes no 'of'", "count(x in D where CONDITION)");
                result = Type::of(Type::int_);
                break;
            case ast::Agg::ratio:
                if (!e.kids[2]) err(e.where, "ratio() needs 'of CONDITION'", "ratio(x in D of CONDITION)");
                else if (of.ok() && (of.base != Type::boolean || of.set)) err(e.kids[2]->where, "ratio() needs a condition after 'of'");
                result = Type::of(Type::decimal);
                break;
            case ast::Agg::sum:
            case ast::Agg::avg:
                if (!e.kids[2]) err(e.where, "sum() and avg() need 'of VALUE'");
                else if (of.ok() && !of.is_numeric()) err(e.kids[2]->where, fmt::format("sum() and avg() add numbers, not {}", describe(of)));
                result = e.agg == ast::Agg::avg ? Type::of(Type::decimal) : of;
                if (of.ok() && !of.is_numeric()) result = Type::of(Type::error);   // reported once, not again by the caller
                break;
            case ast::Agg::min:
            case ast::Agg::max:
                if (!e.kids[2]) err(e.where, "min() and max() need 'of VALUE'");
                else if (of.ok() && !of.is_numeric() && !of.is_temporal())
                    err(e.kids[2]->where, fmt::format("min() and max() need numbers or dates, not {}", describe(of)));
                result = of.ok() && !of.is_numeric() && !of.is_temporal() ? Type::of(Type::error) : of;
                break;
            }
        }
        scope.pop_to(depth);
        scope.next_slot = saved;
        return set_type(result);
    }

    case K::call: {
        for (auto* d : program.defs)
            if (d->name == e.text) {
                if (e.kids.size() != d->params.size())
                    return err(e.where, fmt::format("{}() takes {} argument(s), not {}", d->name, d->params.size(), e.kids.size()));
                for (std::size_t i = 0; i < e.kids.size(); ++i) {
                    Type want = parameter_type(d->params[i].type_name);
                    Type t = check(*e.kids[i], scope, &want);
                    if (t.ok() && want.ok() && !same_type(t, want) && !comparable(t, want))
                        err(e.kids[i]->where, fmt::format("argument {} of {}() must be {}, not {}", i + 1, d->name, describe(want), describe(t)));
                }
                e.r.name = ast::NameKind::definition;
                e.r.definition = d;
                check_definition(*const_cast<ast::DefDecl*>(d), e.where);
                def_depth = std::max(def_depth, d->call_depth);
                if (d->call_depth > max_def_depth) {   // reported; later walks must not follow the chain
                    e.r.name = ast::NameKind::unresolved;
                    e.r.definition = nullptr;
                }
                return set_type(d->result);
            }
        for (const auto& b : builtins) {
            if (e.text != b.name) continue;
            if (e.kids.size() != b.arity)
                return err(e.where, fmt::format("{}() takes {} argument(s), not {}", b.name, b.arity, e.kids.size()));
            e.r.name = ast::NameKind::builtin;
            e.r.slot = static_cast<int>(b.id);
            std::vector<Type> args;
            for (auto& k : e.kids) args.push_back(check(*k, scope));
            for (auto& t : args)
                if (!t.ok()) return set_type(Type::of(Type::error));
            auto need = [&](bool ok, const char* what) {
                if (!ok) err(e.where, fmt::format("{}() needs {}", b.name, what));
                return ok;
            };
            switch (b.id) {
            case Builtin::count:
                need(args[0].set, "a set");
                return set_type(Type::of(Type::int_));
            case Builtin::months: case Builtin::days: case Builtin::years:
                need(args[0].base == Type::int_ && !args[0].set, "a whole number");
                return set_type(Type::of(Type::duration));
            case Builtin::lower: case Builtin::upper:
                need(args[0].base == Type::text && !args[0].set, "text");
                return set_type(Type::of(Type::text));
            case Builtin::length:
                need(args[0].base == Type::text && !args[0].set, "text");
                return set_type(Type::of(Type::int_));
            case Builtin::days_between:
                need(args[0].is_temporal() && args[1].is_temporal(), "two dates or datetimes");
                return set_type(Type::of(Type::int_));
            case Builtin::date_of:
                need(args[0].is_temporal(), "a date or datetime");
                return set_type(Type::of(Type::date));
            case Builtin::abs:
                need(args[0].is_numeric(), "a number");
                return set_type(args[0]);
            case Builtin::max2: case Builtin::min2:
                need(comparable(args[0], args[1]) && (args[0].is_numeric() || args[0].is_temporal()), "two numbers or two dates");
                return set_type(args[0]);
            }
        }
        std::vector<std::string> known;
        for (auto* d : program.defs) known.push_back(d->name);
        for (const auto& b : builtins) known.emplace_back(b.name);
        known.emplace_back("periodic");
        return err(e.where, fmt::format("unknown function '{}'", e.text), did_you_mean(e.text, known));
    }

    case K::set_literal: {
        if (e.kids.empty()) return err(e.where, "an empty set literal has no type");
        const Type* want = expected && expected->ok() ? expected : nullptr;
        Type want_elem = want ? want->element() : Type{};
        Type first = check(*e.kids[0], scope, want ? &want_elem : nullptr);
        for (std::size_t i = 1; i < e.kids.size(); ++i) {
            Type t = check(*e.kids[i], scope, first.ok() ? &first : nullptr);
            if (t.ok() && first.ok() && !comparable(t, first))
                err(e.kids[i]->where, fmt::format("set items must share one type: {} and {}", describe(first), describe(t)));
        }
        return set_type(first.as_set());
    }

    case K::template_text:
        break;
    }
    return err(e.where, "unsupported expression");
}

}  // namespace shall
