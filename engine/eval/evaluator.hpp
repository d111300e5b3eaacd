#pragma once
// Evaluates checked expressions over the evidence, and explains a false condition: which
// records and fields the failing part read.
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "../../dsl/check/program.hpp"
#include "../evidence/store.hpp"
#include "../graph/evidence_graph.hpp"
#include "../plan/planner.hpp"
#include "runtime_value.hpp"

namespace re2 { class RE2; }

namespace shall {
using ast::Access;
using ast::AccessKind;

// Hash indexes on equality keys, built from the plan before evaluation starts.
struct EqualityIndexes {
    std::map<IndexKey, std::unordered_map<std::int64_t, std::vector<std::uint32_t>>> by_key;
    void build(const Plan& plan, const EvidenceStore& store);
};

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

using Frame = std::vector<RValue>;

struct Read {
    std::uint32_t record;
    int field;   // field index; -1 = the record itself
};

class Evaluator {
public:
    explicit Evaluator(EvalContext& ctx) : ctx_(ctx) {}

    RValue eval(const ast::Expr& e, Frame& frame);
    bool holds(const ast::Expr& e, Frame& frame) { return eval(e, frame).truthy(); }
    // The domain of a `for each` / quantifier / aggregate, through its planned access.
    std::vector<RValue> domain(const ast::Expr& domain_expr, const Access& access, Frame& frame);

    // Why `e` did not come out as `want`: the records and fields it read on the way, and
    // details such as periodicity gaps. Reads are appended to `reads`.
    void explain(const ast::Expr& e, Frame& frame, bool want, std::vector<Read>& reads, std::vector<std::string>& details);

    std::string format(const RValue& v) const;       // for messages
    static constexpr std::size_t explain_limit = 5;  // elements explained per quantifier

private:
    EvalContext& ctx_;
    std::deque<std::string> arena_;                   // computed texts
    std::vector<Read>* trace_ = nullptr;
    std::vector<std::string>* details_ = nullptr;
    // `matches` patterns compiled once per evaluator, not once per record
    std::unordered_map<const ast::Expr*, std::shared_ptr<re2::RE2>> regexes_;
    // transitive closures: records reached, marked with the epoch of the closure that saw
    // them, so that no closure clears (or allocates) a table the size of the bundle
    std::vector<std::uint32_t> closure_seen_;
    std::uint32_t closure_epoch_ = 0;
    // the table of the last record read: most reads stay in one table, so the binary search
    // of EvidenceStore::locate is skipped
    std::uint32_t loc_type_ = 0, loc_first_ = 0, loc_rows_ = 0;

    RValue from_value(const FieldDecl& f, const Value& v);
    RValue read_field(std::uint32_t record, const FieldDecl& f);
    RValue member(const ast::Expr& e, const RValue& recv);
    RValue closure(const ast::Expr& e, const RValue& recv);
    RValue reverse(const ast::Expr& e, const RValue& recv);
    RValue binary(const ast::Expr& e, Frame& frame);
    RValue compare(ast::Op op, const RValue& a, const RValue& b);
    RValue arithmetic(ast::Op op, const RValue& a, const RValue& b);
    RValue quantifier(const ast::Expr& e, Frame& frame);
    RValue aggregate(const ast::Expr& e, Frame& frame);
    RValue periodic(const ast::Expr& e, Frame& frame);
    RValue call(const ast::Expr& e, Frame& frame);
    RValue literal(const ast::Expr& e);
    bool member_of(const RValue& x, const RValue& set);
    Days day_of(const RValue& v) const;
};

// Parameter values (constants) in program order.
std::vector<RValue> evaluate_params(EvalContext& ctx);

}  // namespace shall
