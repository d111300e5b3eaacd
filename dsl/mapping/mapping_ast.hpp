#pragma once
// The mapping section of Shall: how raw tool exports (CSV event logs, list exports) become
// records of the evidence model. Plain data; parse_mapping builds it, check_mapping resolves it.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "../source.hpp"

namespace shall::mapping {

// A literal on the right of a value map or after `otherwise`: "2 - Medium", 2, true, closed.
struct Literal {
    std::string text;
    bool quoted = false;
    Location where;
};

enum class Aggregate { last, first, min, max, count, changes };

struct Conversion {          // `as datetime "%d/%m/%Y %H:%M"`
    std::string kind;        // text, int, decimal, bool, date, datetime; "" = the target field's kind
    std::string format;      // strftime-style (date library); "" = ISO 8601
    Location where;
};

struct RowFilter {           // `where "Status" = "Completed"` / `where "Status" in ("A", "B")`
    std::string column;
    std::vector<std::string> values;
    Location where;
};

struct FieldAssign {         // `resolved_at <- last "Change Date+Time" where ... as datetime`
    std::string field;
    Location where;
    Aggregate aggregate = Aggregate::last;
    Location aggregate_where;
    std::string column;
    Location column_where;
    std::optional<std::string> changes_from;   // `changes "Status" from "Completed"`
    std::optional<RowFilter> filter;
    std::optional<Conversion> conversion;
    std::optional<std::string> split;          // separator of a multi-valued cell
    std::vector<std::pair<Literal, Literal>> value_map;
    std::optional<Literal> otherwise;
    std::optional<Literal> constant;           // `field = literal`
};

struct History {             // state history kept as StateChange records
    std::string at_column, by_column;
    std::optional<Conversion> at_conversion;
    std::vector<FieldAssign> tracked;          // field label <- column (raw values)
    Location where;
};

struct RecordMap {
    std::string type;
    Location where;
    std::string from_glob;                     // "" = every raw file
    std::optional<RowFilter> filter;           // `record T where "COL" in (…)`: only these rows
    std::string key_column;
    Location key_where;
    bool events = false;                       // an event log: many rows per record
    std::string order_column;
    std::optional<Conversion> order_conversion;
    Location order_where;
    std::vector<FieldAssign> fields;
    std::optional<History> history;
};

struct Mapping {
    std::shared_ptr<SourceFile> source;
    std::string name, title;
    Location where;
    std::string format = "csv";                // csv, xlsx, json
    std::string records_path;                  // json: dotted path to the array of records ("" = the top level)
    Location format_where;
    std::vector<std::string> missing;          // cell texts that mean "no value", e.g. "?"
    std::string timezone;                      // IANA name of the source's local time; "" = not declared
    Location timezone_where;
    std::vector<RecordMap> records;
};

}  // namespace shall::mapping
