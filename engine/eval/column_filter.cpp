#include "column_filter.hpp"

#include <array>
#include <cstring>
#include <functional>
#include <re2/re2.h>

#include "../evidence/time.hpp"
#include "../../dsl/check/check_expr.hpp"
#include "../plan/column_tests.hpp"

namespace shall {
namespace {

using ast::Expr;
using ast::Op;
using K = Expr::Kind;
using RK = RValue::K;

Op flipped(Op op) {
    switch (op) {
        case Op::lt: return Op::gt;
        case Op::le: return Op::ge;
        case Op::gt: return Op::lt;
        case Op::ge: return Op::le;
        default: return op;
    }
}

// `row.field`, as the planner accepted it
const FieldDecl* row_field(const Expr& e, int row) { return binder_field(e, row); }

std::uint64_t absent_cell(Column::Layout layout) {
    switch (layout) {
        case Column::Layout::whole: return Column::absent_whole;
        case Column::Layout::decimal: return Column::absent_decimal;
        default: return 0;
    }
}

}  // namespace

// `matches` on a text column. Texts are interned, so a text's outcome can be kept by its id: a
// small direct-mapped cache of the last outcomes makes a column of few distinct texts
// (placeholders, categories) cost a lookup a row, and one of all-different texts no more than
// matching each.
class ColumnFilter::TextPattern {
public:
    TextPattern(const std::string& pattern, const StringPool& strings) : re_(pattern, RE2::Quiet), strings_(strings) {}
    bool ok() const { return re_.ok(); }
    // Whether the pattern matches the text of this (8-byte, string layout) cell; not for an
    // absent value, as the evaluator has it.
    bool matches(std::uint64_t cell) {
        if (static_cast<Tag>(cell >> 32) != Tag::text) return false;
        const auto id = static_cast<std::uint32_t>(cell);
        Entry& e = cache_[(id * 0x9E37'79B1u) >> (32 - cache_bits)];
        if (e.id_plus_one != id + 1) {
            const std::string_view text = strings_.view(id);
            e.id_plus_one = id + 1;
            e.matched = RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re_);
        }
        return e.matched;
    }

private:
    static constexpr unsigned cache_bits = 12;
    struct Entry {
        std::uint32_t id_plus_one = 0;   // 0: empty
        bool matched = false;
    };
    RE2 re_;
    const StringPool& strings_;
    std::array<Entry, std::size_t{1} << cache_bits> cache_{};
};

// Compiles the tests into nodes; a test it cannot compile makes the whole binding fail.
class FilterCompiler {
public:
    FilterCompiler(const TypeTable& table, const StringPool& strings, const std::function<RValue(const ast::Expr&)>& constant,
                   const std::string& timezone, std::vector<ColumnFilter::Node>& nodes, std::vector<ColumnFilter::Refresh>& refreshes)
        : table_(table), strings_(strings), constant_(constant), timezone_(timezone), nodes_(nodes), refreshes_(refreshes) {}

    bool failed = false;

    std::uint32_t compile(const Expr& e, int row) {
        using Kind = ColumnFilter::Kind;
        switch (e.kind) {
            case K::not_: return unary(Kind::not_, compile(*e.kids[0], row));
            case K::is_test: {
                const FieldDecl* f = row_field(*e.kids[0], row);
                if (!f) return fail();
                std::uint32_t present = add(cell_node(Kind::present, *f));
                bool want_present = (e.test == ast::Test::present) != e.negated;
                return want_present ? present : unary(Kind::not_, present);
            }
            case K::member: {
                const FieldDecl* f = row_field(e, row);
                return f ? add(cell_node(Kind::truthy, *f)) : fail();
            }
            case K::call: return compile(*e.r.definition->body, 0);
            case K::binary:
                switch (e.op) {
                    case Op::and_: return binary(Kind::and_, compile(*e.kids[0], row), compile(*e.kids[1], row));
                    case Op::or_: return binary(Kind::or_, compile(*e.kids[0], row), compile(*e.kids[1], row));
                    case Op::implies: return binary(Kind::implies, compile(*e.kids[0], row), compile(*e.kids[1], row));
                    case Op::in:
                    case Op::not_in: return membership(e, row);
                    case Op::matches: return text_match(e, row);
                    default: return comparison(e, row);
                }
            default: break;
        }
        return fail();
    }

private:
    const TypeTable& table_;
    const StringPool& strings_;
    const std::function<RValue(const ast::Expr&)>& constant_;
    const std::string& timezone_;
    std::vector<ColumnFilter::Node>& nodes_;
    std::vector<ColumnFilter::Refresh>& refreshes_;

    std::uint32_t add(ColumnFilter::Node n) {
        nodes_.push_back(std::move(n));
        return static_cast<std::uint32_t>(nodes_.size() - 1);
    }
    std::uint32_t fail() {
        failed = true;
        return constant(false);
    }
    std::uint32_t constant(bool truth) {
        ColumnFilter::Node n;
        n.kind = ColumnFilter::Kind::constant;
        n.truth = truth;
        return add(std::move(n));
    }
    std::uint32_t unary(ColumnFilter::Kind kind, std::uint32_t a) {
        ColumnFilter::Node n;
        n.kind = kind;
        n.a = a;
        return add(std::move(n));
    }
    std::uint32_t binary(ColumnFilter::Kind kind, std::uint32_t a, std::uint32_t b) {
        ColumnFilter::Node n;
        n.kind = kind;
        n.a = a;
        n.b = b;
        return add(std::move(n));
    }

    // The field's cells in the table (none: absent in every row).
    ColumnFilter::Cells cells_of(const FieldDecl& f, ColumnFilter::Read read = ColumnFilter::Read::whole) {
        ColumnFilter::Cells c;
        c.read = read;
        Column model = Column::for_field(f);
        c.absent = absent_cell(model.layout());
        if (f.index < table_.columns.size()) {
            const Column& column = table_.columns[f.index];
            if (column.layout() != model.layout() || column.size() < table_.rows()) failed = true;
            c.cells = column.cells();
            c.width = column.width();
        }
        return c;
    }
    ColumnFilter::Node cell_node(ColumnFilter::Kind kind, const FieldDecl& f) {
        ColumnFilter::Node n;
        n.kind = kind;
        n.cell = cells_of(f);
        return n;
    }

    static bool numeric(FieldKind k) { return k == FieldKind::int_ || k == FieldKind::decimal; }
    static bool temporal(FieldKind k) { return k == FieldKind::date || k == FieldKind::datetime; }

    std::uint32_t comparison(const Expr& e, int row) {
        int side = row_field(*e.kids[0], row) ? 0 : 1;
        const FieldDecl* f = row_field(*e.kids[side], row);
        if (!f) return fail();
        const Op op = side == 0 ? e.op : flipped(e.op);
        const bool equality = op == Op::eq || op == Op::ne;
        const Expr& other = *e.kids[1 - side];
        if (const FieldDecl* g = row_field(other, row)) return two_fields(*f, *g, op, equality);
        if (of_two_fields(other, row)) return extreme(*f, other, op, row);
        ColumnFilter::Node n = cell_node(ColumnFilter::Kind::compare, *f);
        if (!ColumnFilter::set_constant(n, f->kind, op, constant_(other), timezone_)) return fail();
        const std::uint32_t index = add(std::move(n));
        if (!is_run_constant(other)) refreshes_.push_back({index, &other, f->kind, op});
        return index;
    }

    // `row.f OP row.g`
    std::uint32_t two_fields(const FieldDecl& f, const FieldDecl& g, Op op, bool equality) {
        using Read = ColumnFilter::Read;
        ColumnFilter::Node n;
        n.kind = ColumnFilter::Kind::compare;
        n.op = op;
        n.other_column = true;
        if (numeric(f.kind) && numeric(g.kind)) {
            n.as_doubles = f.kind == FieldKind::decimal || g.kind == FieldKind::decimal;
            n.cell = cells_of(f, f.kind == FieldKind::decimal ? Read::decimal : Read::whole);
            n.other = cells_of(g, g.kind == FieldKind::decimal ? Read::decimal : Read::whole);
        } else if (temporal(f.kind) && temporal(g.kind)) {
            // a datetime against a date is compared on its day
            const bool mixed = f.kind != g.kind;
            n.cell = cells_of(f, mixed && f.kind == FieldKind::datetime ? Read::day : Read::whole);
            n.other = cells_of(g, mixed && g.kind == FieldKind::datetime ? Read::day : Read::whole);
        } else if (f.kind == g.kind && (f.kind == FieldKind::bool_ || (f.kind == FieldKind::enum_ && f.enumeration == g.enumeration))) {
            if (!equality) return constant(false);
            n.cell = cells_of(f);
            n.other = cells_of(g);
        } else {
            return fail();
        }
        return add(std::move(n));
    }

    // `least(row.g, row.h)` / `greatest(…)`; any other call is a constant
    static bool of_two_fields(const Expr& e, int row) {
        if (e.kind != K::call || e.r.name != ast::NameKind::builtin || e.kids.size() != 2) return false;
        const auto b = static_cast<Builtin>(e.r.slot);
        return (b == Builtin::min2 || b == Builtin::max2) && row_field(*e.kids[0], row) && row_field(*e.kids[1], row);
    }

    // `row.f OP least(row.g, row.h)` / greatest: g and h of one int, date or datetime kind
    std::uint32_t extreme(const FieldDecl& f, const Expr& call, Op op, int row) {
        const auto b = static_cast<Builtin>(call.r.slot);
        const FieldDecl* g = row_field(*call.kids[0], row);
        const FieldDecl* h = row_field(*call.kids[1], row);
        if ((b != Builtin::min2 && b != Builtin::max2) || !g || !h || g->kind != h->kind || g->kind == FieldKind::decimal) return fail();
        const std::uint32_t n = two_fields(f, *g, op, op == Op::eq || op == Op::ne);
        if (nodes_[n].kind != ColumnFilter::Kind::compare) return n;
        nodes_[n].pick = b == Builtin::min2 ? Op::lt : Op::gt;
        nodes_[n].other2 = cells_of(*h, nodes_[n].other.read);
        return n;
    }

    std::uint32_t text_match(const Expr& e, int row) {
        const FieldDecl* f = row_field(*e.kids[0], row);
        if (!f || f->kind != FieldKind::text || e.kids[1]->kind != K::literal) return fail();
        ColumnFilter::Node n = cell_node(ColumnFilter::Kind::matches, *f);
        n.pattern = std::make_shared<ColumnFilter::TextPattern>(e.kids[1]->text, strings_);
        if (!n.pattern->ok()) return fail();
        return add(std::move(n));
    }

    std::uint32_t membership(const Expr& e, int row) {
        const FieldDecl* f = row_field(*e.kids[0], row);
        if (!f || f->kind != FieldKind::enum_ || e.kids[1]->kind != K::set_literal) return fail();
        ColumnFilter::Node n = cell_node(ColumnFilter::Kind::in_set, *f);
        n.truth = e.op == Op::in;
        n.members.assign(f->enumeration ? f->enumeration->values.size() : 0, false);
        for (const auto& item : e.kids[1]->kids) {
            RValue v = constant_(*item);
            if (v.absent()) continue;   // equal to nothing
            if (v.k != RK::enum_) return fail();
            auto index = static_cast<std::size_t>(v.i);
            if (index >= n.members.size()) n.members.resize(index + 1, false);
            n.members[index] = true;
        }
        return add(std::move(n));
    }
};

std::optional<ColumnFilter> ColumnFilter::bind(std::span<const ast::ColumnTest> tests, const TypeTable& table,
                                               const StringPool& strings,
                                               const std::function<RValue(const ast::Expr&)>& constant,
                                               const std::string& timezone) {
    ColumnFilter filter;
    filter.timezone_ = timezone;
    FilterCompiler compiler(table, strings, constant, timezone, filter.nodes_, filter.refreshes_);
    for (const auto& t : tests) filter.roots_.push_back(compiler.compile(*t.test, t.row_slot));
    if (compiler.failed) return std::nullopt;
    return filter;
}

bool ColumnFilter::set_constant(Node& n, FieldKind kind, Op op, const RValue& k, const std::string& timezone) {
    n.op = op;
    n.never = false;
    n.as_doubles = false;
    n.whole = 0;
    n.number = 0;
    n.cell.read = kind == FieldKind::decimal ? Read::decimal : Read::whole;
    if (k.absent()) {   // nothing compares with an absent value
        n.never = true;
        return true;
    }
    switch (kind) {
        case FieldKind::int_:
        case FieldKind::decimal:
            if (k.k != RK::int_ && k.k != RK::decimal) return false;
            n.as_doubles = kind == FieldKind::decimal || k.k == RK::decimal;
            n.whole = k.i;
            n.number = k.number();
            return true;
        case FieldKind::date:
            if (k.k == RK::date) n.whole = k.i;
            else if (k.k == RK::datetime) n.whole = local_day(k.i, timezone);
            else return false;
            return true;
        case FieldKind::datetime:
            if (k.k == RK::datetime) n.whole = k.i;
            else if (k.k == RK::date) on_day(n, k.i, timezone);
            else return false;
            return true;
        case FieldKind::enum_:
        case FieldKind::bool_:
            if (k.k != (kind == FieldKind::enum_ ? RK::enum_ : RK::boolean)) return false;
            n.never = op != Op::eq && op != Op::ne;   // neither enums nor bools are ordered
            n.whole = k.i;
            return true;
        default: return false;
    }
}

// A datetime cell against a date: on the cell's day in the bundle's time zone. In UTC an order
// on days is an order on instants against the first instant of a day.
void ColumnFilter::on_day(Node& n, std::int64_t day, const std::string& timezone) {
    constexpr std::int64_t ms_per_day = 86'400'000;
    n.whole = day;
    n.cell.read = Read::day;
    if (!is_utc(timezone)) return;
    switch (n.op) {
        case Op::lt: n.whole = day * ms_per_day; break;                          // before the day starts
        case Op::le: n.whole = (day + 1) * ms_per_day; n.op = Op::lt; break;     // before the next day starts
        case Op::gt: n.whole = (day + 1) * ms_per_day; n.op = Op::ge; break;
        case Op::ge: n.whole = day * ms_per_day; break;
        default: return;   // = and != stay on days
    }
    n.cell.read = Read::whole;
}

bool ColumnFilter::refresh(const std::function<RValue(const ast::Expr&)>& constant) {
    for (const Refresh& r : refreshes_)
        if (!set_constant(nodes_[r.node], r.kind, r.op, constant(*r.constant), timezone_)) return false;
    return true;
}

bool ColumnFilter::ordered_outcome(ast::Op op, int c) {
    switch (op) {
        case Op::eq: return c == 0;
        case Op::ne: return c != 0;
        case Op::lt: return c < 0;
        case Op::le: return c <= 0;
        case Op::gt: return c > 0;
        case Op::ge: return c >= 0;
        default: return false;
    }
}

namespace {

// Keeps the rows for which `test(row)` is `want`.
template <class Test>
void keep_if(std::vector<std::uint32_t>& rows, bool want, Test test) {
    std::size_t kept = 0;
    for (std::uint32_t row : rows)
        if (test(row) == want) rows[kept++] = row;
    rows.resize(kept);
}

// Keeps the rows for which it is `want` that their cell (`cells` of width W) has a value in
// relation `op` with the right side, which `right(row, value)` reads (false: it has no value).
template <CellWidth W, class Right>
void keep_ordered(std::vector<std::uint32_t>& rows, bool want, const unsigned char* cells, std::uint64_t absent, ast::Op op,
                  Right right) {
    auto with = [&](auto relation) {
        keep_if(rows, want, [&](std::uint32_t row) {
            const std::uint64_t cell = load_cell<W>(cells, row);
            std::int64_t other = 0;
            return cell != absent && right(row, other) && relation(static_cast<std::int64_t>(cell), other);
        });
    };
    switch (op) {
        case Op::eq: return with(std::equal_to<>());
        case Op::ne: return with(std::not_equal_to<>());
        case Op::lt: return with(std::less<>());
        case Op::le: return with(std::less_equal<>());
        case Op::gt: return with(std::greater<>());
        case Op::ge: return with(std::greater_equal<>());
        default: if (want) rows.clear();
    }
}

}  // namespace

namespace {

// `all` without `some`, where `some` is a subsequence of `all` (both in the same order)
std::vector<std::uint32_t> without(const std::vector<std::uint32_t>& all, const std::vector<std::uint32_t>& some) {
    std::vector<std::uint32_t> out;
    out.reserve(all.size() - some.size());
    std::size_t k = 0;
    for (std::uint32_t row : all) {
        if (k < some.size() && some[k] == row) ++k;
        else out.push_back(row);
    }
    return out;
}

// Two disjoint subsequences of `all`, merged back in its order.
std::vector<std::uint32_t> merged(const std::vector<std::uint32_t>& all, const std::vector<std::uint32_t>& a,
                                  const std::vector<std::uint32_t>& b) {
    std::vector<std::uint32_t> out;
    out.reserve(a.size() + b.size());
    std::size_t i = 0, j = 0;
    for (std::uint32_t row : all) {
        if (i < a.size() && a[i] == row) out.push_back(a[i++]);
        else if (j < b.size() && b[j] == row) out.push_back(b[j++]);
    }
    return out;
}

}  // namespace

// Keeps the rows for which node `root` is `want`: connectives as operations on the sets of
// rows, so that each comparison still runs in a loop of its own. `not` flips `want`, so a
// negated test is one pass; only an `or` (or what amounts to one) splits the rows.
void ColumnFilter::keep_passing(std::uint32_t root, std::vector<std::uint32_t>& rows, bool want) const {
    const Node& n = nodes_[root];
    // a or b (either side negated): the rows a gives, and of the others those b gives
    auto either = [&](bool want_a, bool want_b) {
        std::vector<std::uint32_t> first = rows;
        keep_passing(n.a, first, want_a);
        std::vector<std::uint32_t> second = without(rows, first);
        keep_passing(n.b, second, want_b);
        rows = merged(rows, first, second);
    };
    switch (n.kind) {
        case Kind::not_: return keep_passing(n.a, rows, !want);
        case Kind::and_:   // a and b; not a or not b
            if (!want) return either(false, false);
            keep_passing(n.a, rows, true);
            return keep_passing(n.b, rows, true);
        case Kind::or_:   // a or b; not a and not b
            if (want) return either(true, true);
            keep_passing(n.a, rows, false);
            return keep_passing(n.b, rows, false);
        case Kind::implies:   // not a or b; a and not b
            if (want) return either(false, true);
            keep_passing(n.a, rows, true);
            return keep_passing(n.b, rows, false);
        default: break;
    }
    // the common tests in loops of their own, compiled for the width of the column's cells; the
    // others node by node
    const Cells& c = n.cell;
    if (n.kind == Kind::compare && n.never) {   // false for every row
        if (want) rows.clear();
        return;
    }
    const bool reads_cell = n.kind == Kind::present || n.kind == Kind::truthy || n.kind == Kind::matches;
    if (reads_cell && !c.cells) {   // absent throughout: the test is false for every row
        if (want) rows.clear();
        return;
    }
    if (n.kind == Kind::present || n.kind == Kind::truthy) {
        return with_width(c.width, [&](auto w) {
            if (n.kind == Kind::present)
                return keep_if(rows, want, [&](std::uint32_t row) { return load_cell<w()>(c.cells, row) != c.absent; });
            return keep_if(rows, want, [&](std::uint32_t row) {
                const std::uint64_t cell = load_cell<w()>(c.cells, row);
                return cell != c.absent && cell != 0;
            });
        });
    }
    const bool whole_cells = n.kind == Kind::compare && !n.as_doubles && c.read == Read::whole && c.cells;
    if (whole_cells && !n.other_column)
        return with_width(c.width, [&](auto w) {
            keep_ordered<w()>(rows, want, c.cells, c.absent, n.op, [k = n.whole](std::uint32_t, std::int64_t& v) {
                v = k;
                return true;
            });
        });
    if (whole_cells && n.other_column && n.pick == Op::eq && n.other.read == Read::whole && n.other.cells) {
        const Cells& other = n.other;
        return with_width(c.width, [&](auto w) {
            with_width(other.width, [&](auto ow) {
                keep_ordered<w()>(rows, want, c.cells, c.absent, n.op, [&](std::uint32_t row, std::int64_t& v) {
                    const std::uint64_t cell = load_cell<ow()>(other.cells, row);
                    if (cell == other.absent) return false;
                    v = static_cast<std::int64_t>(cell);
                    return true;
                });
            });
        });
    }
    if (n.kind == Kind::matches) {
        return with_width(c.width, [&](auto w) {
            keep_if(rows, want, [&](std::uint32_t row) { return n.pattern->matches(load_cell<w()>(c.cells, row)); });
        });
    }
    if (n.kind == Kind::in_set && c.cells)
        return with_width(c.width, [&](auto w) {
            keep_if(rows, want, [&](std::uint32_t row) {
                const std::uint64_t cell = load_cell<w()>(c.cells, row);
                if (cell == c.absent) return false;
                return (cell < n.members.size() && n.members[cell]) == n.truth;
            });
        });
    keep_if(rows, want, [&](std::uint32_t row) { return test(root, row); });
}

void ColumnFilter::select(std::vector<std::uint32_t>& rows) const {
    for (auto root : roots_) keep_passing(root, rows, true);
}

std::int64_t ColumnFilter::whole_of(const Cells& c, std::uint64_t cell) const {
    if (c.read == Read::day) return local_day(static_cast<Millis>(cell), timezone_);
    return static_cast<std::int64_t>(cell);
}

double ColumnFilter::double_of(const Cells& c, std::uint64_t cell) {
    if (c.read != Read::decimal) return static_cast<double>(static_cast<std::int64_t>(cell));
    double x;
    std::memcpy(&x, &cell, sizeof x);
    return x;
}

bool ColumnFilter::test(std::uint32_t index, std::uint32_t row) const {
    const Node& n = nodes_[index];
    auto order = [](auto x, auto y) { return x < y ? -1 : x > y ? 1 : 0; };
    std::uint64_t cell = 0, other = 0;
    switch (n.kind) {
        case Kind::constant: return n.truth;
        case Kind::not_: return !test(n.a, row);
        case Kind::and_: return test(n.a, row) && test(n.b, row);
        case Kind::or_: return test(n.a, row) || test(n.b, row);
        case Kind::implies: return !test(n.a, row) || test(n.b, row);
        case Kind::present: return read(n.cell, row, cell);
        case Kind::truthy: return read(n.cell, row, cell) && cell != 0;
        case Kind::in_set: {
            if (!read(n.cell, row, cell)) return false;   // an absent value is neither in nor not in
            bool in = cell < n.members.size() && n.members[cell];
            return n.truth ? in : !in;
        }
        case Kind::matches: return read(n.cell, row, cell) && n.pattern->matches(cell);
        case Kind::compare: {
            if (n.never || !read(n.cell, row, cell)) return false;
            if (n.other_column && n.pick != Op::eq) {
                // least / greatest: the one that has a value, or the smaller / larger of both
                std::uint64_t second = 0;
                const bool first_present = read(n.other, row, other), second_present = read(n.other2, row, second);
                if (!first_present && !second_present) return false;
                const auto x = static_cast<std::int64_t>(other), y = static_cast<std::int64_t>(second);
                if (!first_present || (second_present && (n.pick == Op::lt ? y < x : y > x))) other = second;
            } else if (n.other_column && !read(n.other, row, other)) {
                return false;
            }
            if (n.as_doubles)
                return ordered_outcome(n.op, order(double_of(n.cell, cell), n.other_column ? double_of(n.other, other) : n.number));
            return ordered_outcome(n.op, order(whole_of(n.cell, cell), n.other_column ? whole_of(n.other, other) : n.whole));
        }
    }
    return false;
}

}  // namespace shall
