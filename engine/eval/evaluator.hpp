#pragma once
// Evaluates checked expressions over the evidence, and explains a false condition: which
// records and fields the failing part read.
#include <deque>
#include <map>
#include <optional>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "../../dsl/check/program.hpp"
#include "../evidence/store.hpp"
#include "../graph/evidence_graph.hpp"
#include "../plan/planner.hpp"
#include "column_filter.hpp"
#include "equality_index.hpp"
#include "runtime_value.hpp"
#include "value_arena.hpp"

namespace re2 { class RE2; }

namespace shall {
using ast::Access;
using ast::AccessKind;

struct EvalContext {
    const Program& program;
    const EvidenceStore& store;
    const EvidenceGraph& graph;
    const EqualityIndexes& indexes;
    Days as_of = 0, period_start = 0, period_end = 0;
    std::string timezone = "UTC";
    std::vector<RValue> params;   // constant values, parallel to program.params
    std::size_t failed = 0, checked = 0;   // for grade conditions
};

// The slots of the variables in scope (binders, lets, definition parameters).
using Frame = std::span<RValue>;

struct Read {
    std::uint32_t record;
    int field;   // field index; -1 = the record itself
};

// The elements a `for each`, quantifier or aggregate goes through, without copying them: a
// whole table (consecutive record numbers), the record numbers an index holds, or the items
// of a set value.
class Domain {
public:
    static Domain table(std::uint32_t first, std::uint32_t rows) { return Domain(Form::table, rows, first); }
    static Domain records(std::span<const std::uint32_t> ids) {
        Domain d(Form::records, ids.size());
        d.ids_ = ids.data();
        return d;
    }
    static Domain values(SetItems items) {
        Domain d(Form::values, items.size());
        d.values_ = items.data;
        return d;
    }
    static Domain none() { return Domain(Form::values, 0); }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    RValue operator[](std::size_t n) const {
        switch (form_) {
            case Form::table: return RValue::record(first_ + static_cast<std::uint32_t>(n));
            case Form::records: return RValue::record(ids_[n]);
            case Form::values: break;
        }
        return values_[n];
    }

private:
    enum class Form : std::uint8_t { table, records, values };
    Domain(Form form, std::size_t size, std::uint32_t first = 0) : form_(form), first_(first), size_(size) {}
    Form form_;
    std::uint32_t first_ = 0;
    std::size_t size_ = 0;
    const std::uint32_t* ids_ = nullptr;
    const RValue* values_ = nullptr;
};

// A condition on each element of a domain (a `where`, a rule's `require`): its column tests
// bound to the table of the domain's records, when the planner cut it; else the whole condition.
struct RecordCondition {
    const ColumnFilter* columns = nullptr;
    std::uint32_t first = 0;                    // global record index of the table's row 0
    const std::vector<const ast::Expr*>* row_tests = nullptr;
    const ast::Expr* whole = nullptr;           // nullptr with no columns: always true
};

class Evaluator {
public:
    explicit Evaluator(EvalContext& ctx) : ctx_(ctx) {}

    RValue eval(const ast::Expr& e, Frame frame);
    bool holds(const ast::Expr& e, Frame frame);
    // The domain of a `for each` / quantifier / aggregate, through its planned access. It
    // may point into the value arena: it stays valid while the caller's ValueArena::Scope does.
    Domain domain(const ast::Expr& domain_expr, const Access& access, Frame frame);

    // Why `e` did not come out as `want`: the records and fields it read on the way, and
    // details such as periodicity gaps. Reads are appended to `reads`.
    void explain(const ast::Expr& e, Frame frame, bool want, std::vector<Read>& reads, std::vector<std::string>& details);

    // `whole` on the elements of `domain`, tested through the planner's `split` where it can.
    // `frame`: where the values of variables bound outside the condition are read
    RecordCondition condition(const ast::ColumnSplit& split, const ast::Expr& domain, const ast::Expr* whole, Frame frame);
    // Whether the element `item`, bound in `frame`, meets the condition.
    bool holds_on(const RecordCondition& c, const RValue& item, Frame frame) {
        if (c.columns && (item.k != RValue::K::record || !c.columns->passes(static_cast<std::uint32_t>(item.i) - c.first)))
            return false;
        return holds_rest(c, frame);
    }
    // The same for an element known to pass the column tests.
    bool holds_rest(const RecordCondition& c, Frame frame) {
        if (!c.columns) return !c.whole || holds(*c.whole, frame);
        for (const ast::Expr* t : *c.row_tests)
            if (!holds(*t, frame)) return false;
        return true;
    }

    std::string format(const RValue& v) const;       // for messages
    static constexpr std::size_t explain_limit = 5;  // elements explained per quantifier

    // Where the sets this evaluator makes live; a caller that is done with the values of an
    // evaluation frees them with a ValueArena::Scope.
    ValueArena& values() { return values_; }

private:
    EvalContext& ctx_;
    ValueArena values_;                               // items of sets made while evaluating
    ValueArena constants_;                            // items of constant sets, never released
    std::unordered_map<const ast::Expr*, RValue> constant_sets_;   // constant set literals, named enums
    // items of the set member(), closure() or reverse() is collecting; they evaluate nothing
    // while they collect, so one buffer serves them all
    std::vector<RValue> set_builder_;
    std::vector<std::uint32_t> graph_targets_, graph_frontier_, graph_next_;   // closure() buffers
    std::vector<std::uint32_t> referrers_;            // the last referrers() answer, for
    std::uint32_t referrers_target_ = 0, referrers_key_ = 0;   // this record and field
    bool referrers_known_ = false;
    std::deque<std::string> computed_texts_;          // texts made by lower(), upper(), +
    std::vector<Read>* trace_ = nullptr;
    std::vector<std::string>* details_ = nullptr;
    // `matches` patterns compiled once per evaluator, not once per record, with the outcome
    // for the texts already matched. A text is known by where it lies: interned evidence
    // texts, literals and computed texts never move or change while the evaluator lives, and
    // the same interned text is always at the same place.
    struct SameText {
        bool operator()(std::string_view a, std::string_view b) const { return a.data() == b.data() && a.size() == b.size(); }
        std::size_t operator()(std::string_view a) const {
            return std::hash<const void*>()(a.data()) ^ (a.size() * 0x9E3779B97F4A7C15ull);
        }
    };
    struct Pattern {
        std::shared_ptr<re2::RE2> re;
        std::unordered_map<std::string_view, bool, SameText, SameText> outcome;
    };
    static constexpr std::size_t remembered_matches = std::size_t{1} << 16;   // per pattern
    std::unordered_map<const ast::Expr*, Pattern> regexes_;
    const ast::Expr* last_pattern_expr_ = nullptr;   // the pattern used last (map nodes never move)
    Pattern* last_pattern_ = nullptr;
    // transitive closures: records reached, marked with the epoch of the closure that saw
    // them, so that no closure clears (or allocates) a table the size of the bundle
    std::vector<std::uint32_t> closure_seen_;
    std::uint32_t closure_epoch_ = 0;
    // column tests bound once per evaluator (nothing: they do not fit the table as loaded)
    std::unordered_map<const ast::ColumnSplit*, std::optional<ColumnFilter>> column_filters_;
    // the table of the last record read: most reads stay in one table, so the binary search
    // of EvidenceStore::locate is skipped
    const TypeTable* loc_table_ = nullptr;
    std::uint32_t loc_first_ = 0, loc_rows_ = 0;

    RValue from_value(const FieldDecl& f, const Value& v);
    RValue read_field(std::uint32_t record, const FieldDecl& f);
    RValue member(const ast::Expr& e, const RValue& recv);
    RValue closure(const ast::Expr& e, const RValue& recv);
    RValue reverse(const ast::Expr& e, const RValue& recv);
    std::span<const std::uint32_t> referrers(std::uint32_t target, std::uint32_t key);
    RValue finish_set();
    RValue binary(const ast::Expr& e, Frame frame);
    bool compare(ast::Op op, const RValue& a, const RValue& b);
    RValue arithmetic(ast::Op op, const RValue& a, const RValue& b);
    RValue quantifier(const ast::Expr& e, Frame frame);
    RValue aggregate(const ast::Expr& e, Frame frame);
    RValue periodic(const ast::Expr& e, Frame frame);
    RValue call(const ast::Expr& e, Frame frame);
    RValue call_definition(const ast::Expr& e, Frame frame);
    RValue name(const ast::Expr& e, Frame frame);
    RValue literal(const ast::Expr& e);
    RValue set_literal(const ast::Expr& e, Frame frame);
    RValue all_enum_values(const ast::Expr& e);
    RValue whole_table(const RecordType& type);
    RValue computed_text(std::string text);
    bool member_of(const RValue& x, const RValue& set);
    bool is_test(const ast::Expr& e, Frame frame);
    Days day_of(const RValue& v) const;
};

// Parameter values (constants) in program order; their sets are kept in `storage`.
std::vector<RValue> evaluate_params(EvalContext& ctx, ValueArena& storage);

}  // namespace shall
