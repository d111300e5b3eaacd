#pragma once
// The column tests the planner chose for a scan (engine/plan/column_tests.hpp), bound to one
// table: each test reads its field's 8-byte cells directly and compares them with constants
// evaluated once, with the same outcome the evaluator gives (an absent value is not equal,
// unequal, smaller or larger than anything; an enum or bool is not ordered).
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "../../dsl/syntax/ast.hpp"
#include "../evidence/store.hpp"
#include "runtime_value.hpp"

namespace shall {

class ColumnFilter {
public:
    // `constant` evaluates a run constant (the other side of a comparison, a set item).
    // Nothing when a test does not fit the table as loaded; the caller then evaluates `where`.
    static std::optional<ColumnFilter> bind(std::span<const ast::ColumnTest> tests, const TypeTable& table,
                                            const std::function<RValue(const ast::Expr&)>& constant,
                                            const std::string& timezone);

    // Whether the table's row passes every test.
    bool passes(std::uint32_t row) const {
        for (auto root : roots_)
            if (!test(root, row)) return false;
        return true;
    }

private:
    friend class FilterCompiler;
    enum class Kind : std::uint8_t {
        constant,        // `truth`
        not_, and_, or_, implies,
        present,         // the cell is not `absent`
        truthy,          // a bool cell that is true
        compare_whole,   // int, date, datetime (ms), enum and bool cells against `whole`
        compare_number,  // decimal cells, or int cells against a decimal, as doubles against `number`
        compare_day,     // datetime cells, as days in the bundle's time zone, against `whole` (days)
        in_set,          // an enum cell whose index is marked in `members`
    };
    struct Node {
        Kind kind = Kind::constant;
        ast::Op op = ast::Op::eq;
        bool truth = false;              // constant; in_set: true for `in`, false for `not in`
        bool decimal_cells = false;      // compare_number: the cells hold doubles, else whole numbers
        std::uint32_t a = 0, b = 0;      // operands of not_ / and_ / or_ / implies
        const std::uint64_t* cells = nullptr;   // nullptr: a column that is absent throughout
        std::uint64_t absent = 0;        // the cell that stands for no value
        std::int64_t whole = 0;
        double number = 0;
        std::vector<bool> members;
    };

    bool test(std::uint32_t n, std::uint32_t row) const;
    static bool ordered_outcome(ast::Op op, int c);

    std::vector<Node> nodes_;
    std::vector<std::uint32_t> roots_;
    std::string timezone_;
};

}  // namespace shall
