#include "evaluator.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <fmt/format.h>
#include <re2/re2.h>

#include "../../dsl/check/check_expr.hpp"
#include "../plan/column_tests.hpp"

namespace shall {

using ast::Expr;
using K = Expr::Kind;
using RK = RValue::K;

std::vector<RValue> evaluate_params(EvalContext& ctx, ValueArena& storage) {
    std::vector<RValue> out;
    Evaluator ev(ctx);
    for (const auto& p : ctx.program.params) out.push_back(p.value ? storage.keep(ev.eval(*p.value, {})) : RValue{});
    return out;
}

static Duration duration_of(std::int64_t n, ast::DurationUnit unit) {
    switch (unit) {
        case ast::DurationUnit::minutes: return {0, n * 60'000};
        case ast::DurationUnit::hours: return {0, n * 3'600'000};
        case ast::DurationUnit::days: return {0, n * 86'400'000};
        case ast::DurationUnit::weeks: return {0, n * 7 * 86'400'000};
        case ast::DurationUnit::months: return {static_cast<std::int32_t>(n), 0};
        case ast::DurationUnit::years: return {static_cast<std::int32_t>(n * 12), 0};
    }
    return {};
}

RValue Evaluator::literal(const Expr& e) {
    if (e.r.name == ast::NameKind::enum_value)
        return RValue::enum_value(e.r.enum_index, e.r.enumeration->values[e.r.enum_index]);
    switch (e.lit) {
        case ast::LitKind::int_: return RValue::integer(e.int_value);
        case ast::LitKind::decimal:
        case ast::LitKind::percent: return RValue::decimal(e.decimal_value);
        case ast::LitKind::string: return RValue::text(e.text);
        case ast::LitKind::boolean: return RValue::boolean(e.int_value != 0);
        case ast::LitKind::date:
            if (auto d = parse_date(e.text)) return RValue::date(*d);
            return {};
        case ast::LitKind::datetime:
            if (auto t = parse_datetime(e.text)) return RValue::datetime(*t);
            return {};
        case ast::LitKind::duration: return RValue::duration(duration_of(e.int_value, e.unit));
    }
    return {};
}

static bool is_constant(const Expr& e) {
    return e.kind == K::literal || (e.kind == K::name && e.r.name == ast::NameKind::enum_value && e.r.slot != -2);
}

// `{a, b, c}`: made once when every item is a literal (the usual `x in {closed, resolved}`),
// else on every evaluation.
RValue Evaluator::set_literal(const Expr& e, Frame frame) {
    bool constant = std::all_of(e.kids.begin(), e.kids.end(), [](const ast::ExprPtr& k) { return is_constant(*k); });
    if (constant) {
        auto known = constant_sets_.find(&e);
        if (known != constant_sets_.end()) return known->second;
    }
    std::span<RValue> items = (constant ? constants_ : values_).allocate(e.kids.size());
    for (std::size_t n = 0; n < items.size(); ++n) items[n] = eval(*e.kids[n], frame);
    RValue set = RValue::set({items.data(), static_cast<std::uint32_t>(items.size())});
    if (constant) constant_sets_.emplace(&e, set);
    return set;
}

// A named enum used as a set: all its values, made once.
RValue Evaluator::all_enum_values(const Expr& e) {
    auto known = constant_sets_.find(&e);
    if (known != constant_sets_.end()) return known->second;
    const auto& names = e.r.enumeration->values;
    std::span<RValue> items = constants_.allocate(names.size());
    for (std::size_t n = 0; n < items.size(); ++n) items[n] = RValue::enum_value(n, names[n]);
    RValue set = RValue::set({items.data(), static_cast<std::uint32_t>(items.size())});
    constant_sets_.emplace(&e, set);
    return set;
}

static bool is_set_field(const FieldDecl& f) { return f.kind == FieldKind::list || (f.kind == FieldKind::ref && f.many); }

RValue Evaluator::from_value(const FieldDecl& f, const Value& v) {
    switch (v.tag) {
        case Tag::absent: break;
        case Tag::text: return RValue::text(ctx_.store.strings.view(static_cast<std::uint32_t>(v.i)));
        case Tag::int_: return RValue::integer(v.i);
        case Tag::decimal: return RValue::decimal(v.d);
        case Tag::bool_: return RValue::boolean(v.i != 0);
        case Tag::date: return RValue::date(v.i);
        case Tag::datetime: return RValue::datetime(v.i);
        case Tag::enum_: {
            auto index = static_cast<std::size_t>(v.i);
            bool named = f.enumeration && index < f.enumeration->values.size();
            return RValue::enum_value(index, named ? std::string_view(f.enumeration->values[index]) : std::string_view());
        }
        case Tag::ref: return RValue::record(static_cast<std::uint32_t>(v.i));
        case Tag::dangling_ref: return RValue::dangling(ctx_.store.strings.view(static_cast<std::uint32_t>(v.i)));
        case Tag::list: {
            std::span<RValue> items = values_.allocate(v.count);
            for (std::uint32_t n = 0; n < v.count; ++n)
                items[n] = from_value(f, ctx_.store.list_items[static_cast<std::size_t>(v.i) + n]);
            return RValue::set({items.data(), v.count});
        }
    }
    if (is_set_field(f)) return RValue::set();   // an empty cell is the empty set
    return {};
}

RValue Evaluator::read_field(std::uint32_t record, const FieldDecl& f) {
    if (trace_) trace_->push_back({record, static_cast<int>(f.index)});
    if (record - loc_first_ >= loc_rows_) {
        loc_table_ = &ctx_.store.tables[ctx_.store.locate(record).type];
        loc_first_ = loc_table_->first;
        loc_rows_ = static_cast<std::uint32_t>(loc_table_->rows());
    }
    const std::uint32_t row = record - loc_first_;
    const auto& columns = loc_table_->columns;
    if (f.index >= columns.size() || row >= columns[f.index].size()) return is_set_field(f) ? RValue::set() : RValue{};
    return from_value(f, columns[f.index][row]);
}

// The items collected in set_builder_, as a set in the value arena.
RValue Evaluator::finish_set() {
    RValue set = values_.make_set(set_builder_);
    set_builder_.clear();
    return set;
}

RValue Evaluator::member(const Expr& e, const RValue& recv) {
    const FieldDecl& f = *e.r.field;
    if (recv.k == RK::record) return read_field(static_cast<std::uint32_t>(recv.i), f);
    if (recv.k == RK::set) {
        set_builder_.clear();
        for (const auto& item : recv.items) {
            if (item.k != RK::record) continue;
            RValue v = read_field(static_cast<std::uint32_t>(item.i), f);
            if (v.k == RK::set) set_builder_.insert(set_builder_.end(), v.items.begin(), v.items.end());
            else if (!v.absent()) set_builder_.push_back(v);
        }
        return finish_set();
    }
    return e.r.type.set ? RValue::set() : RValue{};
}

RValue Evaluator::closure(const Expr& e, const RValue& recv) {
    set_builder_.clear();
    std::vector<std::uint32_t>& frontier = graph_frontier_;
    std::vector<std::uint32_t>& next = graph_next_;
    std::vector<std::uint32_t>& targets = graph_targets_;
    frontier.clear();
    if (closure_seen_.size() != ctx_.store.record_count) {
        closure_seen_.assign(ctx_.store.record_count, 0);
        closure_epoch_ = 0;
    }
    if (++closure_epoch_ == 0) {   // wrapped: start again from a clean table
        std::fill(closure_seen_.begin(), closure_seen_.end(), 0);
        closure_epoch_ = 1;
    }
    const std::uint32_t epoch = closure_epoch_;
    auto seen = [&](std::uint32_t id) { return closure_seen_[id] == epoch; };
    auto start = [&](const RValue& r) {
        if (r.k != RK::record) return;
        auto id = static_cast<std::uint32_t>(r.i);
        if (e.reflexive && !seen(id)) { closure_seen_[id] = epoch; set_builder_.push_back(r); }
        frontier.push_back(id);
    };
    if (recv.k == RK::set) for (const auto& r : recv.items) start(r);
    else start(recv);
    std::uint32_t key = field_key(*e.r.record, *e.r.field);
    while (!frontier.empty()) {
        next.clear();
        for (auto id : frontier) {
            if (trace_) trace_->push_back({id, static_cast<int>(e.r.field->index)});
            ctx_.graph.referenced(id, key, targets);
            for (auto t : targets)
                if (!seen(t)) {
                    closure_seen_[t] = epoch;
                    set_builder_.push_back(RValue::record(t));
                    next.push_back(t);
                }
        }
        frontier.swap(next);
    }
    return finish_set();
}

// Nested navigations ask for the same record's referrers again and again (`ci <-
// Incident.cis` in a loop over that CI's incidents), so the last answer is kept. The span
// is valid until the next call.
std::span<const std::uint32_t> Evaluator::referrers(std::uint32_t target, std::uint32_t key) {
    if (!referrers_known_ || target != referrers_target_ || key != referrers_key_) {
        ctx_.graph.referrers(target, key, referrers_);
        referrers_known_ = true;
        referrers_target_ = target;
        referrers_key_ = key;
    }
    return referrers_;
}

RValue Evaluator::reverse(const Expr& e, const RValue& recv) {
    set_builder_.clear();
    std::uint32_t key = field_key(*e.r.record, *e.r.field);
    auto add = [&](const RValue& r) {
        if (r.k != RK::record) return;
        for (auto s : referrers(static_cast<std::uint32_t>(r.i), key)) {
            if (trace_) trace_->push_back({s, static_cast<int>(e.r.field->index)});
            set_builder_.push_back(RValue::record(s));
        }
    };
    if (recv.k == RK::set) for (const auto& r : recv.items) add(r);
    else add(recv);
    return finish_set();
}

Days Evaluator::day_of(const RValue& v) const {
    if (v.k == RK::date) return static_cast<Days>(v.i);
    return local_day(v.i, ctx_.timezone);
}

static int order(double a, double b) { return a < b ? -1 : a > b ? 1 : 0; }

bool Evaluator::compare(ast::Op op, const RValue& a, const RValue& b) {
    using ast::Op;
    if (a.absent() || b.absent()) return false;
    int c = 0;
    bool ordered = true;
    if ((a.k == RK::date || a.k == RK::datetime) && (b.k == RK::date || b.k == RK::datetime)) {
        if (a.k == RK::datetime && b.k == RK::datetime) c = order(static_cast<double>(a.i), static_cast<double>(b.i));
        else c = order(day_of(a), day_of(b));
    } else if ((a.k == RK::int_ || a.k == RK::decimal) && (b.k == RK::int_ || b.k == RK::decimal)) {
        if (a.k == RK::int_ && b.k == RK::int_) c = a.i < b.i ? -1 : a.i > b.i ? 1 : 0;
        else c = order(a.number(), b.number());
    } else if (a.k == RK::text && b.k == RK::text) {
        c = a.s.compare(b.s);
        c = c < 0 ? -1 : c > 0 ? 1 : 0;
    } else if ((a.k == RK::text && b.k == RK::enum_) || (a.k == RK::enum_ && b.k == RK::text)) {
        auto trimmed = [](std::string_view x) {
            while (!x.empty() && std::isspace(static_cast<unsigned char>(x.front()))) x.remove_prefix(1);
            while (!x.empty() && std::isspace(static_cast<unsigned char>(x.back()))) x.remove_suffix(1);
            return x;
        };
        auto x = trimmed(a.s), y = trimmed(b.s);
        bool same = x.size() == y.size() && std::equal(x.begin(), x.end(), y.begin(), [](char p, char q) {
            return std::tolower(static_cast<unsigned char>(p)) == std::tolower(static_cast<unsigned char>(q));
        });
        c = same ? 0 : 1;
        ordered = false;
    } else if (a.k == RK::duration && b.k == RK::duration) {
        // compare by a nominal length: a month is 30.44 days
        double la = a.dur.months * 30.436875 * 86400000.0 + static_cast<double>(a.dur.millis);
        double lb = b.dur.months * 30.436875 * 86400000.0 + static_cast<double>(b.dur.millis);
        c = order(la, lb);
    } else if (a.k == b.k && (a.k == RK::boolean || a.k == RK::enum_ || a.k == RK::record)) {
        c = a.i == b.i ? 0 : 1;
        ordered = false;
    } else if (a.k == RK::dangling || b.k == RK::dangling) {
        c = (a.k == b.k && a.s == b.s) ? 0 : 1;
        ordered = false;
    } else {
        return false;
    }
    switch (op) {
        case Op::eq: return c == 0;
        case Op::ne: return c != 0;
        case Op::lt: return ordered && c < 0;
        case Op::le: return ordered && c <= 0;
        case Op::gt: return ordered && c > 0;
        case Op::ge: return ordered && c >= 0;
        default: return false;
    }
}

static RValue shift(const RValue& t, const Duration& d, int sign) {
    RValue out = t;
    if (t.k == RK::date) {
        Days day = add_months(static_cast<Days>(t.i), sign * d.months);
        out.i = day + sign * static_cast<Days>(d.millis / 86'400'000);
    } else {
        Millis ms = add_months(static_cast<Millis>(t.i), sign * d.months);
        out.i = ms + sign * d.millis;
    }
    return out;
}

RValue Evaluator::arithmetic(ast::Op op, const RValue& a, const RValue& b) {
    using ast::Op;
    if (a.absent() || b.absent()) return {};
    if ((a.k == RK::date || a.k == RK::datetime) && b.k == RK::duration) return shift(a, b.dur, op == Op::sub ? -1 : 1);
    if (a.k == RK::duration && b.k == RK::duration) return RValue::duration({a.dur.months + b.dur.months, a.dur.millis + b.dur.millis});
    if (a.k == RK::text && b.k == RK::text) return computed_text(std::string(a.s) + std::string(b.s));
    if (a.k == RK::int_ && b.k == RK::int_ && op != Op::div) {
        // whole numbers stay whole unless the result does not fit; then it is computed as a decimal
        std::int64_t r = 0;
        bool overflow = true;
        switch (op) {
            case Op::add: overflow = __builtin_add_overflow(a.i, b.i, &r); break;
            case Op::sub: overflow = __builtin_sub_overflow(a.i, b.i, &r); break;
            case Op::mul: overflow = __builtin_mul_overflow(a.i, b.i, &r); break;
            default: break;
        }
        if (!overflow) return RValue::integer(r);
    }
    double x = a.number(), y = b.number();
    switch (op) {
        case Op::add: return RValue::decimal(x + y);
        case Op::sub: return RValue::decimal(x - y);
        case Op::mul: return RValue::decimal(x * y);
        case Op::div: return y == 0 ? RValue{} : RValue::decimal(x / y);
        default: return {};
    }
}

bool Evaluator::member_of(const RValue& x, const RValue& set) {
    if (x.absent() || set.k != RK::set) return false;
    for (const auto& item : set.items)
        if (compare(ast::Op::eq, x, item)) return true;
    return false;
}

RValue Evaluator::binary(const Expr& e, Frame frame) {
    using ast::Op;
    switch (e.op) {
        case Op::and_: return RValue::boolean(holds(*e.kids[0], frame) && holds(*e.kids[1], frame));
        case Op::or_: return RValue::boolean(holds(*e.kids[0], frame) || holds(*e.kids[1], frame));
        case Op::implies: return RValue::boolean(!holds(*e.kids[0], frame) || holds(*e.kids[1], frame));
        case Op::otherwise: {
            RValue a = eval(*e.kids[0], frame);
            if (!a.absent() && !a.empty_set()) {
                if (e.r.type.base == Type::decimal && a.k == RK::int_) return RValue::decimal(static_cast<double>(a.i));
                return a;
            }
            RValue b = eval(*e.kids[1], frame);
            if (e.r.type.base == Type::decimal && b.k == RK::int_) return RValue::decimal(static_cast<double>(b.i));
            return b;
        }
        case Op::in:
        case Op::not_in: {
            RValue x = eval(*e.kids[0], frame);
            RValue s = eval(*e.kids[1], frame);
            if (x.absent()) return RValue::boolean(false);
            bool in = member_of(x, s);
            return RValue::boolean(e.op == Op::in ? in : !in);
        }
        case Op::contains: {
            RValue s = eval(*e.kids[0], frame);
            RValue x = eval(*e.kids[1], frame);
            return RValue::boolean(member_of(x, s));
        }
        case Op::matches: {
            RValue t = eval(*e.kids[0], frame);
            if (t.k != RK::text) return RValue::boolean(false);
            if (last_pattern_expr_ != &e) {   // most rules match one pattern record after record
                last_pattern_ = &regexes_[&e];
                last_pattern_expr_ = &e;
            }
            Pattern& p = *last_pattern_;
            if (!p.re) p.re = std::make_shared<RE2>(e.kids[1]->text, RE2::Quiet);
            if (auto known = p.outcome.find(t.s); known != p.outcome.end()) return RValue::boolean(known->second);
            bool matched = RE2::PartialMatch(re2::StringPiece(t.s.data(), t.s.size()), *p.re);
            if (p.outcome.size() < remembered_matches) p.outcome.emplace(t.s, matched);
            return RValue::boolean(matched);
        }
        case Op::add: case Op::sub: case Op::mul: case Op::div:
            return arithmetic(e.op, eval(*e.kids[0], frame), eval(*e.kids[1], frame));
        default:
            return RValue::boolean(compare(e.op, eval(*e.kids[0], frame), eval(*e.kids[1], frame)));
    }
}

RValue Evaluator::whole_table(const RecordType& type) {
    const TypeTable& table = ctx_.store.tables[type.index];
    std::span<RValue> items = values_.allocate(table.rows());
    for (std::uint32_t row = 0; row < items.size(); ++row) items[row] = RValue::record(table.first + row);
    return RValue::set({items.data(), static_cast<std::uint32_t>(items.size())});
}

Domain Evaluator::domain(const Expr& dom, const Access& access, Frame frame) {
    auto scan = [&] {
        const TypeTable& table = ctx_.store.tables[dom.r.record->index];
        return Domain::table(table.first, static_cast<std::uint32_t>(table.rows()));
    };
    if (access.kind == AccessKind::scan && dom.kind == K::name && dom.r.record) return scan();
    if (access.kind == AccessKind::reverse_index && dom.kind == K::name && access.key) {
        RValue key = eval(*access.key, frame);
        // a broken link equals broken links to the same id: no edge to follow
        if (key.k == RK::dangling) return scan();
        if (key.k != RK::record) return Domain::none();
        const std::uint32_t field = field_key(*dom.r.record, *access.key_field);
        if (auto in_place = ctx_.graph.referrers_in_place(static_cast<std::uint32_t>(key.i), field)) return Domain::records(*in_place);
        auto sources = referrers(static_cast<std::uint32_t>(key.i), field);
        std::span<RValue> items = values_.allocate(sources.size());
        for (std::size_t n = 0; n < items.size(); ++n) items[n] = RValue::record(sources[n]);
        return Domain::values({items.data(), static_cast<std::uint32_t>(items.size())});
    }
    if (access.kind == AccessKind::equality_index && access.key) {
        RValue key = eval(*access.key, frame);
        if (key.absent()) return Domain::none();
        std::int64_t k = key.i;
        if (key.k == RK::text) {
            auto id = ctx_.store.strings.find(key.s);
            if (id == StringPool::npos) return Domain::none();
            k = id;
        } else if (key.k == RK::datetime || key.k == RK::decimal || key.k == RK::dangling) {
            return scan();   // not an exact key of the index
        }
        auto it = ctx_.indexes.by_key.find(IndexKey{dom.r.record, access.key_field});
        if (it == ctx_.indexes.by_key.end()) return Domain::none();
        std::span<const std::uint32_t> records = it->second.records(k);
        if (records.empty()) return Domain::none();
        return Domain::records(records);
    }
    if (dom.kind == K::reverse && !trace_) {
        // the referrers of one record, where the graph holds them, instead of a set copied out
        const RValue recv = eval(*dom.kids[0], frame);
        if (recv.k == RK::record)
            if (auto in_place = ctx_.graph.referrers_in_place(static_cast<std::uint32_t>(recv.i), field_key(*dom.r.record, *dom.r.field)))
                return Domain::records(*in_place);
        return Domain::values(reverse(dom, recv).items);
    }
    RValue set = eval(dom, frame);
    if (set.k == RK::set) return Domain::values(set.items);
    if (set.absent()) return Domain::none();
    std::span<RValue> one = values_.allocate(1);
    one[0] = set;
    return Domain::values({one.data(), 1});
}

RecordCondition Evaluator::condition(const ast::ColumnSplit& split, const Expr& domain, const Expr* whole, Frame frame) {
    RecordCondition c;
    c.whole = whole;
    const RecordType* type = table_domain(domain);
    if (split.empty() || !type) return c;
    auto known = column_filters_.find(&split);
    if (known == column_filters_.end()) {
        auto constant = [&](const Expr& k) { return eval(k, frame); };
        known = column_filters_.emplace(&split, ColumnFilter::bind(split.column_tests, ctx_.store.tables[type->index], ctx_.store.strings, constant, ctx_.timezone)).first;
    } else if (known->second && split.frame_constants) {
        if (!known->second->refresh([&](const Expr& k) { return eval(k, frame); })) return c;
    }
    if (!known->second) return c;
    c.columns = &*known->second;
    c.first = ctx_.store.tables[type->index].first;
    c.row_tests = &split.row_tests;
    return c;
}

RValue Evaluator::quantifier(const Expr& e, Frame frame) {
    ValueArena::Scope quantifier_values(values_);
    Domain items = domain(*e.kids[0], e.access, frame);
    ValueArena::Scope element_values(values_);
    auto slot = static_cast<std::size_t>(e.r.slot);
    const RecordCondition where = condition(e.access.where_split, *e.kids[0], e.kid(1), frame);
    for (std::size_t n = 0; n < items.size(); ++n) {
        element_values.rewind();
        frame[slot] = items[n];
        if (!holds_on(where, items[n], frame)) continue;
        bool body = e.kids[2] ? holds(*e.kids[2], frame) : true;
        switch (e.quant) {
            case ast::Quant::every: if (!body) return RValue::boolean(false); break;
            case ast::Quant::some: if (body) return RValue::boolean(true); break;
            case ast::Quant::no: if (body) return RValue::boolean(false); break;
        }
    }
    return RValue::boolean(e.quant != ast::Quant::some);
}

RValue Evaluator::aggregate(const Expr& e, Frame frame) {
    // min and max return one of the values they went through, which must stay allocated
    const bool keeps_a_value = e.agg == ast::Agg::min || e.agg == ast::Agg::max;
    std::optional<ValueArena::Scope> aggregate_values, element_values;
    if (!keeps_a_value) aggregate_values.emplace(values_);
    Domain items = domain(*e.kids[0], e.access, frame);
    if (!keeps_a_value) element_values.emplace(values_);
    auto slot = static_cast<std::size_t>(e.r.slot);
    std::int64_t count = 0, hits = 0;
    double sum = 0;
    bool all_int = true;
    RValue best;
    const RecordCondition where = condition(e.access.where_split, *e.kids[0], e.kid(1), frame);
    for (std::size_t n = 0; n < items.size(); ++n) {
        if (element_values) element_values->rewind();
        frame[slot] = items[n];
        if (!holds_on(where, items[n], frame)) continue;
        if (e.agg == ast::Agg::count) { ++count; continue; }
        RValue v = eval(*e.kids[2], frame);
        if (e.agg == ast::Agg::ratio) {
            ++count;
            if (v.truthy()) ++hits;
            continue;
        }
        if (v.absent()) continue;
        ++count;
        if (e.agg == ast::Agg::sum || e.agg == ast::Agg::avg) {
            sum += v.number();
            if (v.k != RK::int_) all_int = false;
        } else {
            bool better = best.absent() || compare(e.agg == ast::Agg::min ? ast::Op::lt : ast::Op::gt, v, best);
            if (better) best = v;
        }
    }
    switch (e.agg) {
        case ast::Agg::count: return RValue::integer(count);
        case ast::Agg::ratio: return count ? RValue::decimal(static_cast<double>(hits) / static_cast<double>(count)) : RValue{};
        case ast::Agg::sum:
            return all_int && e.r.type.base == Type::int_ ? RValue::integer(static_cast<std::int64_t>(sum)) : RValue::decimal(sum);
        case ast::Agg::avg: return count ? RValue::decimal(sum / static_cast<double>(count)) : RValue{};
        default: return best;
    }
}

// At planned intervals (evidence model, section 5): inside the audit period no gap longer
// than N months, counting from period_start to the first date; the latest date no older
// than N months at as_of.
RValue Evaluator::periodic(const Expr& e, Frame frame) {
    ValueArena::Scope periodic_values(values_);
    Domain items = domain(*e.kids[0], e.access, frame);
    ValueArena::Scope element_values(values_);
    auto slot = static_cast<std::size_t>(e.r.slot);
    std::vector<Days> dates;
    const RecordCondition where = condition(e.access.where_split, *e.kids[0], e.kid(1), frame);
    for (std::size_t n = 0; n < items.size(); ++n) {
        element_values.rewind();
        frame[slot] = items[n];
        if (!holds_on(where, items[n], frame)) continue;
        RValue v = eval(*e.kids[2], frame);
        if (v.k == RK::date || v.k == RK::datetime) {
            Days d = day_of(v);
            if (d <= ctx_.as_of) dates.push_back(d);
        }
    }
    RValue interval = eval(*e.kids[3], frame);
    std::sort(dates.begin(), dates.end());
    auto after = [&](Days d) { return shift(RValue::date(d), interval.dur, 1).i; };
    bool ok = true;
    auto note = [&](std::string s) {
        ok = false;
        if (details_) details_->push_back(std::move(s));
    };
    std::string every = format(interval);
    if (dates.empty()) {
        note(fmt::format("no dates at all up to {}; one is expected every {}", format_date(ctx_.as_of), every));
        return RValue::boolean(false);
    }
    Days previous = ctx_.period_start;
    bool first = true;
    for (Days d : dates) {
        if (d < ctx_.period_start) { previous = std::max(previous, d); continue; }
        if (d > after(previous))
            note(fmt::format("gap from {} ({}) to {} is longer than {}", format_date(previous),
                             first && previous == ctx_.period_start ? "start of the audit period" : "previous",
                             format_date(d), every));
        previous = d;
        first = false;
    }
    Days latest = dates.back();
    if (after(latest) < ctx_.as_of)
        note(fmt::format("the latest is {}, more than {} before the audit date {}", format_date(latest), every,
                         format_date(ctx_.as_of)));
    return RValue::boolean(ok);
}

// The definition's parameters and binders get their slots in the value arena; they are
// free again when the call returns, unless it returns a set, which may lie after them.
RValue Evaluator::call_definition(const Expr& e, Frame frame) {
    const ast::DefDecl& d = *e.r.definition;
    const ValueArena::Mark before = values_.mark();
    Frame slots = values_.allocate(static_cast<std::size_t>(std::max(d.frame_size, 1)));
    for (std::size_t i = 0; i < e.kids.size(); ++i) slots[i] = eval(*e.kids[i], frame);
    RValue result = eval(*d.body, slots);
    if (result.k != RK::set) values_.release(before);
    return result;
}

RValue Evaluator::computed_text(std::string text) {
    computed_texts_.push_back(std::move(text));
    return RValue::text(computed_texts_.back());
}

RValue Evaluator::call(const Expr& e, Frame frame) {
    if (e.r.name == ast::NameKind::definition) return call_definition(e, frame);
    std::array<RValue, 2> a;   // no builtin takes more
    if (e.kids.size() > a.size()) throw std::logic_error("builtin call with more than two arguments");
    for (std::size_t n = 0; n < e.kids.size(); ++n) a[n] = eval(*e.kids[n], frame);
    switch (static_cast<Builtin>(e.r.slot)) {
        case Builtin::count: return RValue::integer(a[0].k == RK::set ? static_cast<std::int64_t>(a[0].items.size()) : 0);
        case Builtin::months:
        case Builtin::years:
        case Builtin::days: {
            if (a[0].absent()) return {};
            auto b = static_cast<Builtin>(e.r.slot);
            if (b == Builtin::days) return RValue::duration({0, a[0].i * 86'400'000});
            return RValue::duration({static_cast<std::int32_t>(a[0].i * (b == Builtin::years ? 12 : 1)), 0});
        }
        case Builtin::lower:
        case Builtin::upper: {
            if (a[0].absent()) return {};
            std::string s(a[0].s);
            for (auto& c : s) c = static_cast<char>(static_cast<Builtin>(e.r.slot) == Builtin::lower ? std::tolower(static_cast<unsigned char>(c)) : std::toupper(static_cast<unsigned char>(c)));
            return computed_text(std::move(s));
        }
        case Builtin::length: return a[0].absent() ? RValue{} : RValue::integer(static_cast<std::int64_t>(a[0].s.size()));
        case Builtin::days_between:
            if (a[0].absent() || a[1].absent()) return {};
            return RValue::integer(day_of(a[1]) - day_of(a[0]));
        case Builtin::date_of:
            if (a[0].absent()) return {};
            return RValue::date(day_of(a[0]));
        case Builtin::abs:
            if (a[0].absent()) return {};
            return a[0].k == RK::int_ ? RValue::integer(std::llabs(a[0].i)) : RValue::decimal(std::fabs(a[0].d));
        case Builtin::max2:
        case Builtin::min2: {
            if (a[0].absent()) return a[1];
            if (a[1].absent()) return a[0];
            bool first = compare(static_cast<Builtin>(e.r.slot) == Builtin::max2 ? ast::Op::ge : ast::Op::le, a[0], a[1]);
            return first ? a[0] : a[1];
        }
    }
    return {};
}

RValue Evaluator::name(const Expr& e, Frame frame) {
    switch (e.r.name) {
        case ast::NameKind::variable: return frame[static_cast<std::size_t>(e.r.slot)];
        case ast::NameKind::parameter: return ctx_.params[static_cast<std::size_t>(e.r.slot)];
        case ast::NameKind::enum_value:
            if (e.r.slot == -2) return all_enum_values(e);   // a named enum
            return literal(e);
        case ast::NameKind::record_type: return whole_table(*e.r.record);
        case ast::NameKind::special:
            switch (e.r.special) {
                case ast::Special::as_of: return RValue::date(ctx_.as_of);
                case ast::Special::period_start: return RValue::date(ctx_.period_start);
                case ast::Special::period_end: return RValue::date(ctx_.period_end);
                case ast::Special::failed: return RValue::integer(static_cast<std::int64_t>(ctx_.failed));
                case ast::Special::checked: return RValue::integer(static_cast<std::int64_t>(ctx_.checked));
                case ast::Special::failed_ratio:
                    return RValue::decimal(ctx_.checked ? static_cast<double>(ctx_.failed) / static_cast<double>(ctx_.checked) : 0.0);
            }
            return {};
        default: return {};
    }
}

bool Evaluator::is_test(const Expr& e, Frame frame) {
    RValue v = eval(*e.kids[0], frame);
    bool result = false;
    switch (e.test) {
        case ast::Test::present: result = v.k == RK::set ? !v.items.empty() : !v.absent(); break;
        case ast::Test::absent: result = v.k == RK::set ? v.items.empty() : v.absent(); break;
        case ast::Test::dangling:
            result = v.k == RK::dangling ||
                     (v.k == RK::set && std::any_of(v.items.begin(), v.items.end(), [](auto& x) { return x.k == RK::dangling; }));
            break;
    }
    return e.negated ? !result : result;
}

// Conditions are evaluated as bools: connectives, comparisons and tests make no RValue.
bool Evaluator::holds(const Expr& e, Frame frame) {
    using ast::Op;
    switch (e.kind) {
        case K::not_: return !holds(*e.kids[0], frame);
        case K::is_test: return is_test(e, frame);
        case K::binary:
            switch (e.op) {
                case Op::and_: return holds(*e.kids[0], frame) && holds(*e.kids[1], frame);
                case Op::or_: return holds(*e.kids[0], frame) || holds(*e.kids[1], frame);
                case Op::implies: return !holds(*e.kids[0], frame) || holds(*e.kids[1], frame);
                case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge:
                    return compare(e.op, eval(*e.kids[0], frame), eval(*e.kids[1], frame));
                default: break;
            }
            break;
        default: break;
    }
    return eval(e, frame).truthy();
}

RValue Evaluator::eval(const Expr& e, Frame frame) {
    switch (e.kind) {
        case K::literal: return literal(e);
        case K::name: return name(e, frame);
        case K::member: {
            const Expr& receiver = *e.kids[0];
            // the common `x.field`: read the variable's slot in place
            if (receiver.kind == K::name && receiver.r.name == ast::NameKind::variable)
                return member(e, frame[static_cast<std::size_t>(receiver.r.slot)]);
            return member(e, eval(receiver, frame));
        }
        case K::closure: return closure(e, eval(*e.kids[0], frame));
        case K::reverse: return reverse(e, eval(*e.kids[0], frame));
        case K::negate: {
            RValue v = eval(*e.kids[0], frame);
            if (v.k == RK::int_) v.i = -v.i;
            else if (v.k == RK::decimal) v.d = -v.d;
            else if (v.k == RK::duration) { v.dur.months = -v.dur.months; v.dur.millis = -v.dur.millis; }
            return v;
        }
        case K::not_: return RValue::boolean(!holds(*e.kids[0], frame));
        case K::is_test: return RValue::boolean(is_test(e, frame));
        case K::binary: return binary(e, frame);
        case K::quantifier: return quantifier(e, frame);
        case K::aggregate: return aggregate(e, frame);
        case K::periodic: return periodic(e, frame);
        case K::call: return call(e, frame);
        case K::set_literal: return set_literal(e, frame);
        case K::template_text: return {};
    }
    return {};
}

void Evaluator::explain(const Expr& e, Frame frame, bool want, std::vector<Read>& reads, std::vector<std::string>& details) {
    auto saved_trace = trace_;
    auto saved_details = details_;
    auto leaf = [&] {
        trace_ = &reads;
        details_ = &details;
        eval(e, frame);
        trace_ = saved_trace;
        details_ = saved_details;
    };
    if (e.kind == K::not_) return explain(*e.kids[0], frame, !want, reads, details);
    if (e.kind == K::binary && (e.op == ast::Op::and_ || e.op == ast::Op::or_)) {
        bool conj = e.op == ast::Op::and_;
        // and wanted true but false / or wanted false but true: one culprit suffices
        if (conj == want) {
            for (int i = 0; i < 2; ++i)
                if (holds(*e.kids[i], frame) != want) return explain(*e.kids[i], frame, want, reads, details);
            return;
        }
        for (int i = 0; i < 2; ++i) explain(*e.kids[i], frame, want, reads, details);
        return;
    }
    if (e.kind == K::binary && e.op == ast::Op::implies) {
        if (want) {  // false: the premise held and the conclusion did not
            explain(*e.kids[0], frame, true, reads, details);
            explain(*e.kids[1], frame, true, reads, details);
        } else {
            leaf();
        }
        return;
    }
    if (e.kind == K::quantifier) {
        // the domain itself (navigation) is part of the evidence
        ValueArena::Scope quantifier_values(values_);
        trace_ = &reads;
        Domain items = domain(*e.kids[0], e.access, frame);
        trace_ = saved_trace;
        ValueArena::Scope element_values(values_);
        auto slot = static_cast<std::size_t>(e.r.slot);
        bool every = e.quant == ast::Quant::every;
        // e came out !want. Either witnesses exist (every: an element failing the body; some/no: an
        // element satisfying it) and they are the culprits, or none exist and every candidate is.
        bool actual = !want;
        bool by_witness = every ? !actual : (e.quant == ast::Quant::some ? actual : !actual);
        std::size_t explained = 0;
        for (std::size_t n = 0; n < items.size() && explained < explain_limit; ++n) {
            element_values.rewind();
            const RValue item = items[n];
            frame[slot] = item;
            bool in_filter = !e.kids[1] || holds(*e.kids[1], frame);
            bool body = e.kids[2] ? holds(*e.kids[2], frame) : true;
            if (by_witness) {
                bool witness = in_filter && (every ? !body : body);
                if (!witness) continue;
                if (item.k == RValue::K::record) reads.push_back({static_cast<std::uint32_t>(item.i), -1});
                if (e.kids[1]) explain(*e.kids[1], frame, false, reads, details);
                if (e.kids[2]) explain(*e.kids[2], frame, every, reads, details);
            } else {
                if (item.k == RValue::K::record) reads.push_back({static_cast<std::uint32_t>(item.i), -1});
                if (!in_filter) explain(*e.kids[1], frame, true, reads, details);
                else if (e.kids[2]) explain(*e.kids[2], frame, !every, reads, details);
            }
            ++explained;
        }
        return;
    }
    if (e.kind == K::call && e.r.name == ast::NameKind::definition) {
        const ast::DefDecl& d = *e.r.definition;
        ValueArena::Scope call_values(values_);
        Frame slots = values_.allocate(static_cast<std::size_t>(std::max(d.frame_size, 1)));
        for (std::size_t i = 0; i < e.kids.size(); ++i) slots[i] = eval(*e.kids[i], frame);
        return explain(*d.body, slots, want, reads, details);
    }
    leaf();
}

std::string Evaluator::format(const RValue& v) const {
    switch (v.k) {
        case RK::absent: return "(none)";
        case RK::boolean: return v.i ? "true" : "false";
        case RK::int_: return std::to_string(v.i);
        case RK::decimal: {
            std::string s = fmt::format("{:.4f}", v.d);
            while (!s.empty() && s.back() == '0') s.pop_back();
            if (!s.empty() && s.back() == '.') s.pop_back();
            return s;
        }
        case RK::text: return std::string(v.s);
        case RK::date: return format_date(static_cast<Days>(v.i));
        case RK::datetime: return format_datetime(v.i);
        case RK::duration: {
            std::vector<std::string> parts;
            if (v.dur.months) parts.push_back(fmt::format("{} month{}", v.dur.months, std::abs(v.dur.months) == 1 ? "" : "s"));
            if (v.dur.millis % 86'400'000 == 0 && v.dur.millis) {
                auto days = v.dur.millis / 86'400'000;
                parts.push_back(fmt::format("{} day{}", days, std::llabs(days) == 1 ? "" : "s"));
            } else if (v.dur.millis) {
                parts.push_back(fmt::format("{} hours", static_cast<double>(v.dur.millis) / 3'600'000.0));
            }
            if (parts.empty()) return "0 days";
            return fmt::format("{}", fmt::join(parts, " "));
        }
        case RK::enum_: return std::string(v.s);
        case RK::record: return std::string(ctx_.store.id_of(static_cast<std::uint32_t>(v.i)));
        case RK::dangling: return std::string(v.s) + " (missing)";
        case RK::set: {
            std::vector<std::string> parts;
            for (const auto& x : v.items) parts.push_back(format(x));
            return fmt::format("{}", fmt::join(parts, ", "));
        }
    }
    return "";
}

}  // namespace shall
