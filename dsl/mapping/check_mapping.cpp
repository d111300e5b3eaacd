#include "check_mapping.hpp"

#include <algorithm>
#include <charconv>
#include <date/tz.h>
#include <fmt/format.h>
#include <set>

namespace shall::mapping {
namespace {

const std::vector<std::string> conversion_kinds = {"text", "int", "decimal", "bool", "date", "datetime"};
const std::vector<std::string> formats = {"csv", "xlsx", "json"};

bool is_int(std::string_view s) {
    long long v;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
}
bool is_number(std::string_view s) {
    double v;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
}
std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

FieldKind scalar_kind(const FieldDecl& f) { return f.kind == FieldKind::list ? f.item : f.kind; }

// May `as KIND` feed a field of this kind?
bool conversion_fits(const std::string& kind, const FieldDecl& f) {
    FieldKind k = scalar_kind(f);
    if (kind == "text") return true;
    if (kind == "int") return k == FieldKind::int_ || k == FieldKind::decimal || k == FieldKind::text;
    if (kind == "decimal") return k == FieldKind::decimal || k == FieldKind::text;
    if (kind == "bool") return k == FieldKind::bool_ || k == FieldKind::text;
    if (kind == "date" || kind == "datetime") return k == FieldKind::date || k == FieldKind::datetime || k == FieldKind::text;
    return false;
}

class Checker {
public:
    Checker(const Schema& schema, Diagnostics& d) : schema_(schema), diags_(d) {}

    void conversion(const Conversion& c) {
        if (std::find(conversion_kinds.begin(), conversion_kinds.end(), c.kind) == conversion_kinds.end())
            diags_.error(c.where, fmt::format("unknown value kind '{}'", c.kind), did_you_mean(c.kind, conversion_kinds));
        else if (!c.format.empty() && c.kind != "date" && c.kind != "datetime")
            diags_.error(c.where, fmt::format("a format applies only to date and datetime, not to {}", c.kind));
    }

    void value(const FieldDecl& f, const Literal& l, std::string_view what) {
        if (literal_fits(f, l.text)) return;
        std::string hint;
        if (f.kind == FieldKind::enum_ || (f.kind == FieldKind::list && f.item == FieldKind::enum_))
            hint = did_you_mean(lower(l.text), f.enumeration->values);
        diags_.error(l.where, fmt::format("{} '{}' is not a valid {} for field {}", what, l.text,
                                          f.enumeration ? "value of enum(" + join(f.enumeration->values) + ")"
                                                        : std::string(to_string(scalar_kind(f))),
                                          f.name),
                     hint);
    }

    static std::string join(const std::vector<std::string>& v) {
        std::string out;
        for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
        return out;
    }

    void assign(const FieldAssign& a, const FieldDecl& f) {
        if (a.constant) {
            value(f, *a.constant, "value");
            return;
        }
        bool numeric_target = f.kind == FieldKind::int_ || f.kind == FieldKind::decimal;
        if ((a.aggregate == Aggregate::count || a.aggregate == Aggregate::changes) && f.kind != FieldKind::int_)
            diags_.error(a.aggregate_where, fmt::format("count and changes give a number, but {} is {}", f.name, to_string(f.kind)));
        if ((a.aggregate == Aggregate::min || a.aggregate == Aggregate::max) && !numeric_target && f.kind != FieldKind::date &&
            f.kind != FieldKind::datetime)
            diags_.error(a.aggregate_where, fmt::format("min and max need a number, date or datetime field; {} is {}", f.name,
                                                        to_string(f.kind)));
        if (a.changes_from && a.aggregate != Aggregate::changes)
            diags_.error(a.column_where, "'from \"VALUE\"' applies only to 'changes'");
        if (a.conversion) {
            conversion(*a.conversion);
            if (!conversion_fits(a.conversion->kind, f))
                diags_.error(a.conversion->where, fmt::format("values read as {} cannot fill {} ({})", a.conversion->kind, f.name,
                                                              to_string(f.kind)));
        }
        if (a.split && !(f.kind == FieldKind::list || (f.kind == FieldKind::ref && f.many)))
            diags_.error(a.where, fmt::format("'split' needs a list field; {} holds one value ({})", f.name, to_string(f.kind)));
        bool counted = a.aggregate == Aggregate::count || a.aggregate == Aggregate::changes;
        std::set<std::string> seen;
        for (const auto& [from, to] : a.value_map) {
            if (!seen.insert(from.text).second)
                diags_.error(from.where, fmt::format("'{}' is mapped twice", from.text));
            if (!counted) value(f, to, "mapped value");
        }
        if (a.otherwise && !counted) value(f, *a.otherwise, "value");
    }

    const FieldDecl* field(const RecordType& t, const FieldAssign& a, std::set<std::string>& assigned) {
        if (a.field == "id") {
            diags_.error(a.where, fmt::format("{}.id comes from the record's key; write 'key \"COLUMN\"' instead", t.name));
            return nullptr;
        }
        const FieldDecl* f = t.field(a.field);
        if (!f) {
            diags_.error(a.where, fmt::format("record type {} has no field '{}'", t.name, a.field), did_you_mean(a.field, t.field_names()));
            return nullptr;
        }
        if (!assigned.insert(a.field).second) diags_.error(a.where, fmt::format("{}.{} is assigned twice", t.name, a.field));
        return f;
    }

    ResolvedRecord record(const RecordMap& r) {
        ResolvedRecord out;
        out.map = &r;
        out.type = schema_.type(r.type);
        if (!out.type) {
            diags_.error(r.where, fmt::format("unknown record type '{}'", r.type), did_you_mean(r.type, schema_.type_names()));
            return out;
        }
        if (r.key_column.empty())
            diags_.error(r.where, fmt::format("record {} needs 'key \"COLUMN\"': the column that identifies each record (its id)", r.type));
        if (r.order_conversion) conversion(*r.order_conversion);
        std::set<std::string> assigned;
        for (const auto& a : r.fields)
            if (const FieldDecl* f = field(*out.type, a, assigned)) {
                assign(a, *f);
                out.fields.push_back({&a, f});
            }
        if (r.history) {
            if (!r.events) diags_.error(r.history->where, "a history needs an event log: add 'events order \"COLUMN\"'");
            out.state_change = schema_.type("StateChange");
            if (!out.state_change)
                diags_.error(r.history->where, "the evidence model has no StateChange type (evidence model v1.1) to keep the history in");
            if (r.history->at_conversion) conversion(*r.history->at_conversion);
            for (const auto& t : r.history->tracked)
                if (t.constant || t.aggregate != Aggregate::last || t.filter || t.conversion || t.split || !t.value_map.empty())
                    diags_.error(t.where, "a history tracks raw column values: write 'LABEL <- \"COLUMN\"'");
        }
        return out;
    }

    CheckedMapping run(const Mapping& m) {
        CheckedMapping out;
        out.mapping = &m;
        if (std::find(formats.begin(), formats.end(), m.format) == formats.end())
            diags_.error(m.format_where, fmt::format("unknown source format '{}'", m.format), did_you_mean(m.format, formats));
        else if (!m.records_path.empty() && m.format != "json")
            diags_.error(m.format_where, "a path to the records applies only to json sources");
        if (!m.timezone.empty()) {
            try {
                if (m.timezone != "UTC") date::locate_zone(m.timezone);
            } catch (const std::exception&) {
                diags_.error(m.timezone_where, fmt::format("unknown time zone '{}' (an IANA name such as Europe/Brussels)", m.timezone));
            }
        }
        if (m.records.empty() && !m.name.empty()) diags_.error(m.where, fmt::format("mapping {} maps no record type", m.name));
        for (const auto& r : m.records) out.records.push_back(record(r));
        return out;
    }

private:
    const Schema& schema_;
    Diagnostics& diags_;
};

}  // namespace

bool literal_fits(const FieldDecl& f, const std::string& text) {
    switch (scalar_kind(f)) {
        case FieldKind::int_: return is_int(text);
        case FieldKind::decimal: return is_number(text);
        case FieldKind::bool_: {
            auto l = lower(text);
            return l == "true" || l == "false" || l == "yes" || l == "no" || l == "1" || l == "0";
        }
        case FieldKind::enum_: return f.enumeration && f.enumeration->index_of(text).has_value();
        default: return true;
    }
}

CheckedMapping check_mapping(const Mapping& mapping, const Schema& schema, Diagnostics& diagnostics) {
    return Checker(schema, diagnostics).run(mapping);
}

}  // namespace shall::mapping
