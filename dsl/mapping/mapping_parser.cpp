#include "mapping_parser.hpp"

#include <fmt/format.h>
#include <map>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "mapping_grammar.hpp"

namespace shall::mapping {
namespace {

namespace p = tao::pegtl;
namespace mg = grammar;
using Node = p::parse_tree::node;
using Input = p::memory_input<p::tracking_mode::eager, p::eol::lf_crlf, std::string>;

std::string expected_text(std::string_view rule) {
    static const std::map<std::string, std::string, std::less<>> names = {
        {"mapping_decl", "'mapping NAME { … }'"},
        {"mapping_name", "a mapping name"},
        {"mapping_body", "'{' and the mapping's items (source, missing, timezone, record)"},
        {"source_format", "a source format (csv, xlsx or json)"},
        {"str", "a quoted string"},
        {"type_name", "a record type name"},
        {"from_glob", "a quoted file pattern such as \"incident*.csv\""},
        {"record_body", "'{' and the record's items (key, events, history, FIELD <- \"column\")"},
        {"history_body", "'{' and tracked fields (FIELD <- \"column\")"},
        {"kw_at", "'at' and the column holding each event's time"},
        {"at_column", "the quoted column holding each event's time"},
        {"by_column", "the quoted column naming who made the change"},
        {"order_column", "the quoted column that orders the events"},
        {"column", "a quoted column name"},
        {"conv_kind", "a value kind (text, int, decimal, bool, date, datetime)"},
        {"filter_column", "a quoted column name"},
        {"filter_op", "'=' or 'in'"},
        {"map_body", "'{' and value pairs \"raw\" -> value"},
        {"literal", "a value (a quoted string, a number or a word)"},
        {"eof", "the end of the file after the mapping's closing '}'"},
    };
    std::string_view short_name = rule;
    if (auto colon = short_name.rfind("::"); colon != std::string_view::npos && short_name.find('<') == std::string_view::npos)
        short_name.remove_prefix(colon + 2);
    if (auto it = names.find(short_name); it != names.end()) return it->second;
    if (rule.find("column_assign") != std::string_view::npos) return "'<-' and a quoted column, or '=' and a value";
    if (rule.find("\"->\"") != std::string_view::npos || rule.find("'-', '>'") != std::string_view::npos) return "'->'";
    if (rule.find("sor<") != std::string_view::npos && rule.find("filter_values") != std::string_view::npos)
        return "a quoted value or a list (\"a\", \"b\")";
    if (auto lt = rule.find("<'"); lt != std::string_view::npos) return std::string(rule.substr(lt + 1, 3));
    return std::string(short_name);
}

template <typename Rule>
struct control : p::normal<Rule> {
    template <typename In, typename... States>
    [[noreturn]] static void raise(const In& in, States&&...) {
        throw p::parse_error("expected " + expected_text(p::demangle<Rule>()), in);
    }
};

std::string found_at(std::string_view text, std::size_t offset) {
    if (offset >= text.size()) return "end of file";
    auto rest = text.substr(offset);
    if (rest[0] == '\n' || rest[0] == '\r') return "end of line";
    auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    std::size_t n = 1;
    if (is_word(rest[0]))
        while (n < rest.size() && n < 40 && is_word(rest[n])) ++n;
    return fmt::format("'{}'", rest.substr(0, n));
}

// "a" "b" (adjacent parts join) with \" \\ \n \t escapes
std::string unquote(std::string_view raw) {
    std::string out;
    bool inside = false;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c == '"') { inside = !inside; continue; }
        if (!inside) continue;
        if (c == '\\' && i + 1 < raw.size()) {
            char e = raw[++i];
            out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
        } else {
            out += c;
        }
    }
    return out;
}

class Builder {
public:
    Builder(const SourceFile* file) : file_(file) {}

    Location at(const Node& n) const {
        return {file_, static_cast<std::uint32_t>(n.begin().line), static_cast<std::uint32_t>(n.begin().column)};
    }
    template <typename R>
    static const Node* find(const Node& n) {
        for (const auto& c : n.children)
            if (c->is_type<R>()) return c.get();
        return nullptr;
    }
    static std::string str_of(const Node& n) { return unquote(n.string_view()); }

    Literal literal(const Node& n) const {
        const Node& v = n.is_type<mg::literal>() ? *n.children.front() : n;
        Literal l;
        l.quoted = v.is_type<mg::str>();
        l.text = l.quoted ? str_of(v) : v.string();
        l.where = at(v);
        return l;
    }

    Conversion conversion(const Node& n) const {
        Conversion c;
        c.kind = find<mg::conv_kind>(n)->string();
        if (auto f = find<mg::conv_format>(n)) c.format = str_of(*f);
        c.where = at(n);
        return c;
    }

    RowFilter filter(const Node& n) const {
        RowFilter f;
        f.column = str_of(*find<mg::filter_column>(n));
        f.where = at(n);
        for (const auto& v : n.children)
            if (v->is_type<mg::str>()) f.values.push_back(str_of(*v));
        return f;
    }

    FieldAssign assign(const Node& n) const {
        FieldAssign a;
        a.field = find<mg::assign_field>(n)->string();
        a.where = at(n);
        if (auto k = find<mg::constant_assign>(n)) {
            a.constant = literal(*find<mg::literal>(*k));
            return a;
        }
        const Node& body = *find<mg::column_assign>(n);
        for (const auto& c : body.children) {
            if (c->is_type<mg::aggregate>()) {
                static const std::map<std::string, Aggregate, std::less<>> aggs = {
                    {"last", Aggregate::last}, {"first", Aggregate::first}, {"min", Aggregate::min},
                    {"max", Aggregate::max}, {"count", Aggregate::count}, {"changes", Aggregate::changes}};
                a.aggregate = aggs.at(c->string());
                a.aggregate_where = at(*c);
            } else if (c->is_type<mg::column>()) {
                a.column = str_of(*c);
                a.column_where = at(*c);
            } else if (c->is_type<mg::changes_from>()) {
                a.changes_from = str_of(*find<mg::str>(*c));
            } else if (c->is_type<mg::where_clause>()) {
                a.filter = filter(*c);
            } else if (c->is_type<mg::as_clause>()) {
                a.conversion = conversion(*c);
            } else if (c->is_type<mg::split_clause>()) {
                a.split = str_of(*find<mg::str>(*c));
            } else if (c->is_type<mg::map_clause>()) {
                for (const auto& e : c->children)
                    if (e->is_type<mg::map_entry>()) a.value_map.emplace_back(literal(*e->children[0]), literal(*e->children[1]));
            } else if (c->is_type<mg::otherwise_clause>()) {
                a.otherwise = literal(*find<mg::literal>(*c));
            }
        }
        return a;
    }

    RecordMap record(const Node& n) const {
        RecordMap r;
        r.where = at(n);
        r.type = find<mg::type_name>(n)->string();
        if (auto f = find<mg::from_glob>(n)) r.from_glob = str_of(*f);
        if (auto w = find<mg::where_clause>(n)) r.filter = filter(*w);
        for (const auto& c : n.children) {
            if (c->is_type<mg::key_item>()) {
                r.key_column = str_of(*find<mg::str>(*c));
                r.key_where = at(*c);
            } else if (c->is_type<mg::events_item>()) {
                r.events = true;
                r.order_where = at(*c);
                if (auto o = find<mg::order_column>(*c)) r.order_column = str_of(*o);
                if (auto conv = find<mg::as_clause>(*c)) r.order_conversion = conversion(*conv);
            } else if (c->is_type<mg::history_item>()) {
                History h;
                h.where = at(*c);
                h.at_column = str_of(*find<mg::at_column>(*c));
                if (auto b = find<mg::by_column>(*c)) h.by_column = str_of(*b);
                if (auto conv = find<mg::as_clause>(*c)) h.at_conversion = conversion(*conv);
                for (const auto& t : c->children)
                    if (t->is_type<mg::field_assign>()) h.tracked.push_back(assign(*t));
                r.history = h;
            } else if (c->is_type<mg::field_assign>()) {
                r.fields.push_back(assign(*c));
            }
        }
        return r;
    }

    void mapping(const Node& n, Mapping& m) const {
        m.where = at(n);
        m.name = find<mg::mapping_name>(n)->string();
        if (auto t = find<mg::mapping_title>(n)) m.title = str_of(*t);
        for (const auto& c : n.children) {
            if (c->is_type<mg::source_item>()) {
                m.format = find<mg::source_format>(*c)->string();
                if (auto path = find<mg::records_path>(*c)) m.records_path = str_of(*path);
                m.format_where = at(*c);
            } else if (c->is_type<mg::missing_item>()) {
                for (const auto& s : c->children) m.missing.push_back(str_of(*s));
            } else if (c->is_type<mg::timezone_item>()) {
                m.timezone = str_of(*find<mg::str>(*c));
                m.timezone_where = at(*c);
            } else if (c->is_type<mg::record_decl>()) {
                m.records.push_back(record(*c));
            }
        }
    }

private:
    const SourceFile* file_;
};

}  // namespace

std::unique_ptr<Mapping> parse_mapping(std::shared_ptr<SourceFile> source, Diagnostics& diagnostics) {
    auto m = std::make_unique<Mapping>();
    m->source = source;
    const std::string& text = source->text;
    Input in(text.data(), text.data() + text.size(), source->path);
    try {
        auto root = p::parse_tree::parse<mg::file, mg::selector, p::nothing, control>(in);
        if (root)
            for (const auto& c : root->children)
                if (c->is_type<mg::mapping_decl>()) Builder(source.get()).mapping(*c, *m);
    } catch (const p::parse_error& e) {
        const auto& pos = e.positions().front();
        Location where{source.get(), static_cast<std::uint32_t>(pos.line), static_cast<std::uint32_t>(pos.column)};
        diagnostics.error(where, fmt::format("{}, found {}", e.message(), found_at(text, pos.byte)));
    }
    return m;
}

}  // namespace shall::mapping
