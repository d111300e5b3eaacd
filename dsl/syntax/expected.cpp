// Plain-English names for what the grammar expected at a point of no return.
#include <map>
#include <string>

#include "parse_tree.hpp"

namespace shall::grammar {

std::string expected_text(std::string_view rule) {
    static const std::map<std::string, std::string, std::less<>> names = {
        {"expr", "an expression"},
        {"unary", "an operand"},
        {"mul_expr", "an operand"},
        {"add_expr", "an operand"},
        {"value_expr", "a value"},
        {"not_expr", "a condition"},
        {"and_expr", "a condition"},
        {"or_expr", "a condition"},
        {"domain", "a domain to range over (a record type such as Change, or a navigation such as c.approved_by)"},
        {"binder", "'NAME in DOMAIN'"},
        {"var_name", "a variable name"},
        {"field_name", "a field name"},
        {"type_name", "a record type name"},
        {"reverse_field", "the reference field of that type"},
        {"kw_in", "'in'"},
        {"kw_each", "'each' (as in 'for each c in Change')"},
        {"kw_when", "'when' (as in 'grade major when failed_ratio > 5%')"},
        {"kw_rule", "'rule'"},
        {"of_part", "'of EXPRESSION' (the dates to check)"},
        {"string_lit", "a quoted string"},
        {"template_lit", "a quoted message"},
        {"version_text", "a quoted version"},
        {"disable_reason", "a quoted reason for disabling the rule"},
        {"ruleset_name", "a ruleset name"},
        {"base_name", "the name of the ruleset extended"},
        {"module_name", "a module name (a directory or .shall file next to this ruleset)"},
        {"param_body", "'NAME = DEFAULT'"},
        {"param_type", "a parameter type"},
        {"param_default", "a default value"},
        {"def_name", "a definition name"},
        {"def_param", "'NAME: Type'"},
        {"enum_name", "an enum name"},
        {"enum_values", "'{' and a list of values"},
        {"enum_value", "an enum value"},
        {"enum_ref", "an enum name or Type.field"},
        {"field_block", "'{' and field declarations"},
        {"field_kind", "a field kind (text, int, decimal, bool, date, datetime, enum(...), list, -> Type)"},
        {"list_item_kind", "a list item kind (text, int, decimal, date or enum)"},
        {"rule_id", "a rule id"},
        {"rule_body", "'{' and the rule's items"},
        {"override_body", "'{' and the items to override"},
        {"clause_number", "a clause number such as 8.5.1.3"},
        {"clause_segment", "a clause number such as 8.5.1.3"},
        {"grade_word", "a grade: major, minor, observation or ofi"},
        {"raw_ident", "a name"},
        {"tag", "a tag"},
        {"declaration", "a declaration (rule, type, enum, param, def, import, ruleset, extend, override or disable)"},
        {"test_present", "'present', 'absent' or 'dangling'"},
    };
    std::string_view short_name = rule;
    if (auto colon = short_name.rfind("::"); colon != std::string_view::npos && short_name.find('<') == std::string_view::npos)
        short_name.remove_prefix(colon + 2);
    if (auto it = names.find(short_name); it != names.end()) return it->second;
    // one<'x'> and friends: quote the characters
    if (auto lt = rule.find("<'"); lt != std::string_view::npos) {
        auto inner = rule.substr(lt + 1);
        if (auto gt = inner.rfind('>'); gt != std::string_view::npos) inner = inner.substr(0, gt);
        std::string out;
        for (char c : inner)
            if (c != ' ' && c != ',') out += c;
        // the demangled name may spell the quote escaped: one<'\"'>
        return out == "'\"'" || out == "'\\\"'" ? "a closing '\"'" : out;
    }
    if (rule.find("sor<") != std::string_view::npos) {
        if (rule.find("test_present") != std::string_view::npos) return "'present', 'absent' or 'dangling'";
        if (rule.find("inline_enum") != std::string_view::npos) return "'(' and enum values, or an enum name";
        if (rule.find("override_rule") != std::string_view::npos) return "'rule' or 'param'";
        if (rule.find("extend_type") != std::string_view::npos) return "'type' or 'enum'";
    }
    std::string out(short_name);
    for (auto& c : out)
        if (c == '_') c = ' ';
    return out;
}

}  // namespace shall::grammar
