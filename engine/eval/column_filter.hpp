#pragma once
// The column tests the planner chose for a scan (engine/plan/column_tests.hpp), bound to one
// table: each test reads its field's cells directly and compares them with constants
// evaluated once, with the same outcome the evaluator gives (an absent value is not equal,
// unequal, smaller or larger than anything; an enum or bool is not ordered).
#include <cstdint>
#include <functional>
#include <memory>
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
    // `strings` holds the texts of the table's text cells.
    static std::optional<ColumnFilter> bind(std::span<const ast::ColumnTest> tests, const TypeTable& table,
                                            const StringPool& strings,
                                            const std::function<RValue(const ast::Expr&)>& constant,
                                            const std::string& timezone);

    // Reads again the values that comparisons take from the frame (ast::ColumnSplit::
    // frame_constants), before each use of the condition; false when one has a type the test
    // cannot take (the caller then evaluates `where`).
    bool refresh(const std::function<RValue(const ast::Expr&)>& constant);

    // Whether the table's row passes every test.
    bool passes(std::uint32_t row) const {
        for (auto root : roots_)
            if (!test(root, row)) return false;
        return true;
    }
    // Keeps the rows that pass every test, in order: one test at a time over all the rows, the
    // common comparisons of a column with a constant in a loop of their own.
    void select(std::vector<std::uint32_t>& rows) const;

private:
    friend class FilterCompiler;
    enum class Kind : std::uint8_t {
        constant,        // `truth`
        not_, and_, or_, implies,
        present,         // the cell is not absent
        truthy,          // a bool cell that is true
        compare,         // the cell against a constant (`whole` / `number`) or another column of the row
        in_set,          // an enum cell whose index is marked in `members`
        matches,         // a text cell that `pattern` matches
    };
    // How a cell becomes the number compared: as it is (int, date, datetime, enum, bool), a
    // decimal's bits, or a datetime's day in the bundle's time zone (against a date).
    enum class Read : std::uint8_t { whole, decimal, day };
    struct Cells {
        const unsigned char* cells = nullptr;   // nullptr: a column that is absent throughout
        CellWidth width = CellWidth::eight;
        std::uint64_t absent = 0;               // the (8-byte) cell that stands for no value
        Read read = Read::whole;
        std::uint64_t at(std::uint32_t row) const { return load_cell(width, cells, row); }
    };
    class TextPattern;   // a pattern and its outcome for the texts it has seen
    struct Node {
        Kind kind = Kind::constant;
        ast::Op op = ast::Op::eq;
        bool truth = false;              // constant; in_set: true for `in`, false for `not in`
        bool never = false;              // compare: against an absent value, or an order of enums or bools
        bool as_doubles = false;         // compare: as doubles (a decimal on either side), else as integers
        bool other_column = false;       // compare: against `other`, not a constant
        ast::Op pick = ast::Op::eq;      // compare: lt / gt: against the least / greatest of `other`
                                         // and `other2` that has a value (eq: `other` alone)
        std::uint32_t a = 0, b = 0;      // operands of not_ / and_ / or_ / implies
        Cells cell, other, other2;
        std::int64_t whole = 0;
        double number = 0;
        std::vector<bool> members;
        std::shared_ptr<TextPattern> pattern;
    };

    // The cell of `c` at `row`, or false when it has no value.
    static bool read(const Cells& c, std::uint32_t row, std::uint64_t& cell) {
        if (!c.cells) return false;
        cell = c.at(row);
        return cell != c.absent;
    }
    // A comparison of a field of this kind with the value `k` (op as written, the field on the
    // left); false when `k` has a type the test cannot take.
    static bool set_constant(Node& n, FieldKind kind, ast::Op op, const RValue& k, const std::string& timezone);
    static void on_day(Node& n, std::int64_t day, const std::string& timezone);
    struct Refresh {
        std::uint32_t node;
        const ast::Expr* constant;
        FieldKind kind;
        ast::Op op;
    };

    std::int64_t whole_of(const Cells& c, std::uint64_t cell) const;
    static double double_of(const Cells& c, std::uint64_t cell);
    bool test(std::uint32_t n, std::uint32_t row) const;
    void keep_passing(std::uint32_t root, std::vector<std::uint32_t>& rows, bool want) const;
    static bool ordered_outcome(ast::Op op, int c);

    std::vector<Node> nodes_;
    std::vector<std::uint32_t> roots_;
    std::vector<Refresh> refreshes_;   // the comparisons with a value of the frame
    std::string timezone_;
};

}  // namespace shall
