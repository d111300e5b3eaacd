#pragma once
// One field assignment's cell pipeline: trim -> missing? -> split -> value map / otherwise ->
// the target field's kind, written in the evidence model's canonical form (section 2).
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "../../dsl/mapping/check_mapping.hpp"
#include "time_parser.hpp"

namespace shall::importer {

struct Converted {
    std::string text;   // canonical bundle text
    double key = 0;     // order for min / max (numbers, days, milliseconds)
};

class ValueConverter {
public:
    ValueConverter(const mapping::FieldAssign& assign, const FieldDecl& field, const std::string& timezone,
                   const std::vector<std::string>& missing);
    bool is_missing(std::string_view raw) const;
    // nullopt + empty error: the cell has no value; nullopt + error: the value does not fit.
    std::optional<Converted> convert(std::string_view raw, std::string& error);
    std::optional<Converted> constant(std::string& error);   // `field = literal`

private:
    std::optional<Converted> one(std::string_view value, std::string& error);
    const mapping::FieldAssign& assign_;
    const FieldDecl& field_;
    FieldKind kind_;                       // scalar kind of the target (item kind for lists)
    const std::vector<std::string>& missing_;
    std::string timezone_;
    std::unordered_map<std::string, std::string> map_;
    std::optional<TimeParser> time_;
};

// Order key of a raw text read `as KIND [FORMAT]` (events order): nullopt when it does not fit.
class OrderKey {
public:
    OrderKey(const std::optional<mapping::Conversion>& conversion, const std::string& timezone);
    std::optional<double> operator()(std::string_view raw);
    bool textual() const { return kind_ == "text"; }
private:
    std::string kind_;
    std::optional<TimeParser> time_;
};

}  // namespace shall::importer
