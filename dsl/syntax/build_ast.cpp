#include "build_ast.hpp"

#include <charconv>
#include <fmt/format.h>

#include "parse_tree.hpp"

namespace shall {
namespace {

namespace g = grammar;
using Node = tao::pegtl::parse_tree::node;
using ast::Expr;
using ast::ExprPtr;

// An expression tree deeper than this is refused: the checker, the planner and the evaluator
// walk expressions recursively. Chains (`a and b and …`, `x + y + …`, `r.a.b.c…`) parse
// without nesting but build left-deep trees, so the parser's nesting limit alone is not enough.
constexpr std::size_t max_expr_depth = 256;

struct TooDeep {
    Location where;
    std::size_t depth;
};

// The depth of an expression tree, without recursion.
std::size_t depth_of(const Expr& root) {
    std::size_t deepest = 0;
    std::vector<std::pair<const Expr*, std::size_t>> stack{{&root, 1}};
    while (!stack.empty()) {
        auto [e, d] = stack.back();
        stack.pop_back();
        deepest = std::max(deepest, d);
        for (const auto& k : e->kids)
            if (k) stack.emplace_back(k.get(), d + 1);
    }
    return deepest;
}

// Frees an expression tree without recursion (~Expr on a chain of thousands would not).
void dispose(ExprPtr root) {
    std::vector<ExprPtr> stack;
    stack.push_back(std::move(root));
    while (!stack.empty()) {
        ExprPtr e = std::move(stack.back());
        stack.pop_back();
        for (auto& k : e->kids)
            if (k) stack.push_back(std::move(k));
    }
}

class Builder {
public:
    Builder(ast::File& file, Diagnostics& diags) : file_(file), diags_(diags) {}

private:
    ast::File& file_;
    Diagnostics& diags_;

    Location at(const Node& n) const {
        auto pos = n.begin();
        return Location{file_.source.get(), static_cast<std::uint32_t>(pos.line), static_cast<std::uint32_t>(pos.column)};
    }

    template <typename T>
    static const Node* find(const Node& n) {
        for (const auto& c : n.children)
            if (c->is_type<T>()) return c.get();
        return nullptr;
    }

    template <typename T>
    const Node& get(const Node& n) const {
        auto* c = find<T>(n);
        if (!c) throw std::logic_error(fmt::format("parse tree: {} lacks {}", n.type, tao::pegtl::demangle<T>()));
        return *c;
    }

    static std::string text(const Node& n) { return n.string(); }

    // ---- strings ------------------------------------------------------------------------
    static std::string unescape(std::string_view raw) {
        std::string out;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            char c = raw[i];
            if (c == '\\' && i + 1 < raw.size()) {
                char e = raw[++i];
                if (e == 'n') out += '\n';
                else if (e == 't') out += '\t';
                else if (e == '"' || e == '\\' || e == '{' || e == '}') out += e;
                else { out += '\\'; out += e; }
            } else {
                out += c;
            }
        }
        return out;
    }

    static std::string string_value(const Node& n) {  // string_lit: adjacent parts join
        std::string out;
        for (const auto& part : n.children) {
            auto raw = part->string_view();
            out += unescape(raw.substr(1, raw.size() - 2));
        }
        return out;
    }

    ast::Template template_value(const Node& n) {
        ast::Template t;
        t.where = at(n);
        for (const auto& part : n.children) {
            for (const auto& piece : part->children) {
                if (piece->is_type<g::tmpl_text>()) {
                    if (!t.pieces.empty() && !t.pieces.back().hole) t.pieces.back().text += unescape(piece->string_view());
                    else t.pieces.push_back({unescape(piece->string_view()), nullptr});
                } else {
                    t.pieces.push_back({std::string(), top(*piece->children.at(0))});
                }
            }
        }
        return t;
    }

    // ---- expressions --------------------------------------------------------------------
    // A whole expression (a rule item, a hole, a definition body, a parameter value): refused
    // with a diagnostic when deeper than max_expr_depth.
    ExprPtr top(const Node& n) {
        ExprPtr e = expr(n);
        if (std::size_t d = depth_of(*e); d > max_expr_depth) {
            Location where = at(n);
            dispose(std::move(e));
            throw TooDeep{where, d};
        }
        return e;
    }

    ExprPtr make(Expr::Kind k, const Node& n) {
        auto e = std::make_unique<Expr>();
        e->kind = k;
        e->where = at(n);
        return e;
    }

    ExprPtr binary(ast::Op op, ExprPtr a, ExprPtr b, Location where) {
        auto e = std::make_unique<Expr>();
        e->kind = Expr::Kind::binary;
        e->op = op;
        e->where = where;
        e->kids.push_back(std::move(a));
        e->kids.push_back(std::move(b));
        return e;
    }

    // A left-associative chain: operand (op operand)*. With no operator nodes, all use `same`.
    ExprPtr chain(const Node& n, ast::Op same) {
        ExprPtr left;
        std::optional<ast::Op> pending;
        for (const auto& c : n.children) {
            if (c->is_type<g::add_op>()) { pending = c->string_view()[0] == '+' ? ast::Op::add : ast::Op::sub; continue; }
            if (c->is_type<g::mul_op>()) { pending = c->string_view()[0] == '*' ? ast::Op::mul : ast::Op::div; continue; }
            if (c->is_type<g::otherwise_op>()) { pending = ast::Op::otherwise; continue; }
            auto right = expr(*c);
            auto where = left ? left->where : Location{};
            if (!left) left = std::move(right);
            else left = binary(pending.value_or(same), std::move(left), std::move(right), where);
            pending.reset();
        }
        return left;
    }

    ExprPtr expr(const Node& n) {
        // expr, param_default (= implies_expr) and domain (= value_expr) are the rule they derive
        // from: their nodes hold that rule's children.
        if (n.is_type<g::not_expr>()) return expr(*n.children.at(0));
        if (n.is_type<g::domain>()) return chain(n, ast::Op::add);
        if (n.is_type<g::implies_expr>() || n.is_type<g::expr>() || n.is_type<g::param_default>()) {
            if (n.children.size() == 1) return expr(*n.children[0]);
            return binary(ast::Op::implies, expr(*n.children[0]), expr(*n.children[2]), at(*n.children[1]));
        }
        if (n.is_type<g::or_expr>()) return chain(n, ast::Op::or_);
        if (n.is_type<g::and_expr>()) return chain(n, ast::Op::and_);
        if (n.is_type<g::value_expr>() || n.is_type<g::add_expr>() || n.is_type<g::mul_expr>()) return chain(n, ast::Op::add);
        if (n.is_type<g::not_apply>()) {
            auto e = make(Expr::Kind::not_, n);
            e->kids.push_back(expr(*n.children.at(0)));
            return e;
        }
        if (n.is_type<g::negation>()) {
            auto e = make(Expr::Kind::negate, n);
            e->kids.push_back(expr(*n.children.at(0)));
            return e;
        }
        if (n.is_type<g::compare_expr>()) return comparison(n);
        if (n.is_type<g::postfix>()) return postfix(n);
        return primary(n);
    }

    ExprPtr comparison(const Node& n) {
        auto left = expr(*n.children.at(0));
        if (n.children.size() == 1) return left;
        const Node& op = *n.children[1];
        if (op.is_type<g::is_test>()) {
            auto e = make(Expr::Kind::is_test, op);
            e->negated = find<g::is_not>(op) != nullptr;
            const Node& t = *op.children.back();
            e->test = t.is_type<g::test_present>() ? ast::Test::present
                      : t.is_type<g::test_absent>() ? ast::Test::absent
                                                    : ast::Test::dangling;
            e->where = left->where;
            e->kids.push_back(std::move(left));
            return e;
        }
        const Node& right_node = *n.children.at(2);
        ExprPtr right = right_node.is_type<g::string_lit>() ? string_literal(right_node) : expr(right_node);
        ast::Op o = ast::Op::eq;
        if (op.is_type<g::cmp_op>()) {
            auto s = op.string_view();
            o = s == "=" ? ast::Op::eq : s == "!=" ? ast::Op::ne : s == "<" ? ast::Op::lt : s == "<=" ? ast::Op::le
              : s == ">" ? ast::Op::gt : ast::Op::ge;
        } else if (op.is_type<g::in_op>()) o = ast::Op::in;
        else if (op.is_type<g::not_in_op>()) o = ast::Op::not_in;
        else if (op.is_type<g::contains_op>()) o = ast::Op::contains;
        else if (op.is_type<g::matches_op>()) o = ast::Op::matches;
        return binary(o, std::move(left), std::move(right), at(op));
    }

    ExprPtr postfix(const Node& n) {
        auto e = expr(*n.children.at(0));
        for (std::size_t i = 1; i < n.children.size(); ++i) {
            const Node& s = *n.children[i];
            ExprPtr next;
            if (s.is_type<g::member>()) {
                const Node& f = get<g::field_name>(s);
                bool plus = find<g::closure_plus>(s) != nullptr, star = find<g::closure_star>(s) != nullptr;
                next = make(plus || star ? Expr::Kind::closure : Expr::Kind::member, f);
                next->text = text(f);
                next->reflexive = star;
            } else {
                next = make(Expr::Kind::reverse, get<g::type_name>(s));   // not the blank before '<-'
                next->text = text(get<g::type_name>(s));
                next->text2 = text(get<g::reverse_field>(s));
            }
            next->kids.push_back(std::move(e));
            e = std::move(next);
        }
        return e;
    }

    void binder(const Node& n, Expr& e) {  // var_name in domain
        e.text = text(get<g::var_name>(n));
        e.kids.push_back(expr(get<g::domain>(n)));
    }

    ExprPtr optional_part(const Node* part) { return part ? expr(*part->children.at(0)) : nullptr; }

    ExprPtr primary(const Node& n) {
        if (n.is_type<g::quantifier>()) {
            auto e = make(Expr::Kind::quantifier, n);
            const Node& q = *n.children.at(0);
            e->quant = q.is_type<g::q_every>() ? ast::Quant::every : q.is_type<g::q_some>() ? ast::Quant::some : ast::Quant::no;
            binder(get<g::binder>(n), *e);
            e->kids.push_back(optional_part(find<g::where_part>(n)));
            e->kids.push_back(optional_part(find<g::satisfies_part>(n)));
            return e;
        }
        if (n.is_type<g::aggregate>()) {
            auto e = make(Expr::Kind::aggregate, n);
            auto name = get<g::agg_name>(n).string_view();
            e->agg = name == "count" ? ast::Agg::count : name == "sum" ? ast::Agg::sum : name == "min" ? ast::Agg::min
                   : name == "max" ? ast::Agg::max : name == "avg" ? ast::Agg::avg : ast::Agg::ratio;
            binder(get<g::binder>(n), *e);
            e->kids.push_back(optional_part(find<g::where_part>(n)));
            e->kids.push_back(optional_part(find<g::of_part>(n)));
            return e;
        }
        if (n.is_type<g::periodic_call>()) {
            auto e = make(Expr::Kind::periodic, n);
            binder(get<g::binder>(n), *e);
            e->kids.push_back(optional_part(find<g::where_part>(n)));
            e->kids.push_back(optional_part(find<g::of_part>(n)));
            e->kids.push_back(expr(get<g::expr>(n)));
            return e;
        }
        if (n.is_type<g::call>()) {
            auto e = make(Expr::Kind::call, n);
            e->text = text(get<g::call_name>(n));
            for (const auto& a : get<g::call_args>(n).children) e->kids.push_back(expr(*a));
            return e;
        }
        if (n.is_type<g::set_literal>()) {
            auto e = make(Expr::Kind::set_literal, n);
            for (const auto& a : n.children) e->kids.push_back(expr(*a));
            return e;
        }
        if (n.is_type<g::name_ref>()) {
            auto e = make(Expr::Kind::name, n);
            e->text = text(n);
            return e;
        }
        if (n.is_type<g::string_lit>()) return string_literal(n);
        return literal(n);
    }

    ExprPtr string_literal(const Node& n) {
        auto e = make(Expr::Kind::literal, n);
        e->lit = ast::LitKind::string;
        e->text = string_value(n);
        return e;
    }

    std::int64_t integer(const Node& n, std::string_view digits) {
        std::int64_t v = 0;
        auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
        if (ec != std::errc() || ptr != digits.data() + digits.size())
            diags_.error(at(n), fmt::format("number {} is too large", digits));
        return v;
    }

    ExprPtr literal(const Node& n) {
        auto e = make(Expr::Kind::literal, n);
        e->text = text(n);
        if (n.is_type<g::int_lit>()) {
            e->lit = ast::LitKind::int_;
            e->int_value = integer(n, e->text);
        } else if (n.is_type<g::decimal_lit>() || n.is_type<g::percent_lit>()) {
            bool percent = n.is_type<g::percent_lit>();
            e->lit = percent ? ast::LitKind::percent : ast::LitKind::decimal;
            std::string digits = percent ? e->text.substr(0, e->text.size() - 1) : e->text;
            e->decimal_value = std::stod(digits) / (percent ? 100.0 : 1.0);
        } else if (n.is_type<g::duration_lit>()) {
            e->lit = ast::LitKind::duration;
            e->int_value = integer(n, get<g::digits>(n).string_view());
            auto u = get<g::duration_unit>(n).string_view();
            e->unit = u.rfind("minute", 0) == 0 ? ast::DurationUnit::minutes
                    : u.rfind("hour", 0) == 0   ? ast::DurationUnit::hours
                    : u.rfind("day", 0) == 0    ? ast::DurationUnit::days
                    : u.rfind("week", 0) == 0   ? ast::DurationUnit::weeks
                    : u.rfind("month", 0) == 0  ? ast::DurationUnit::months
                                                : ast::DurationUnit::years;
        } else if (n.is_type<g::date_lit>()) {
            e->lit = ast::LitKind::date;
        } else if (n.is_type<g::datetime_lit>()) {
            e->lit = ast::LitKind::datetime;
        } else if (n.is_type<g::true_lit>() || n.is_type<g::false_lit>()) {
            e->lit = ast::LitKind::boolean;
            e->int_value = n.is_type<g::true_lit>() ? 1 : 0;
        } else {
            throw std::logic_error(fmt::format("parse tree: unexpected node {}", n.type));
        }
        return e;
    }

    // ---- declarations -------------------------------------------------------------------
    void ruleset(const Node& n) {
        ast::RulesetDecl d;
        d.where = at(n);
        d.name = text(get<g::ruleset_name>(n));
        if (auto* b = find<g::base_name>(n)) d.extends = text(*b);
        if (auto* v = find<g::version_text>(n)) d.version = string_value(*v);
        file_.rulesets.push_back(std::move(d));
    }

    std::unique_ptr<ast::ParamDecl> param(const Node& body, Location where, bool is_override) {
        auto d = std::make_unique<ast::ParamDecl>();
        d->where = where;
        d->override_ = is_override;
        d->name = text(get<g::param_name>(body));
        if (auto* t = find<g::param_type>(body)) d->type_name = text(*t);
        d->value = top(get<g::param_default>(body));
        if (auto* doc = find<g::param_doc>(body)) d->doc = string_value(*doc);
        return d;
    }

    void def(const Node& n) {
        auto d = std::make_unique<ast::DefDecl>();
        d->where = at(n);
        d->name = text(get<g::def_name>(n));
        for (const auto& c : n.children)
            if (c->is_type<g::def_param>())
                d->params.push_back({text(get<g::var_name>(*c)), text(get<g::type_name>(*c)), at(*c)});
        d->body = top(get<g::expr>(n));
        file_.defs.push_back(std::move(d));
    }

    void enum_values(const Node& n, ast::EnumDeclAst& d) {
        for (const auto& v : n.children) {
            d.values.push_back(text(*v));
            d.value_where.push_back(at(*v));
        }
    }

    ast::FieldSpec field(const Node& n) {
        ast::FieldSpec f;
        f.where = at(n);
        f.name = text(get<g::field_name>(n));
        if (auto* doc = find<g::field_doc>(n)) f.doc = string_value(*doc);
        const Node& kind = *get<g::field_kind>(n).children.at(0);
        auto enum_kind = [&](const Node& k, ast::FieldSpec& out) {
            const Node& v = *k.children.at(0);
            if (v.is_type<g::inline_enum>())
                for (const auto& c : v.children) out.inline_enum.push_back(text(*c));
            else out.enum_name = text(v);
        };
        if (kind.is_type<g::ref_kind>()) {
            f.kind = "ref";
            f.target = text(get<g::type_name>(kind));
            f.many = find<g::ref_many>(kind) != nullptr;
        } else if (kind.is_type<g::list_kind>()) {
            f.kind = "list";
            f.item_kind = "text";
            if (auto* item = find<g::list_item_kind>(kind)) {
                const Node& k = *item->children.at(0);
                if (k.is_type<g::enum_kind>()) {
                    f.item_kind = "enum";
                    enum_kind(k, f);
                } else {
                    f.item_kind = text(k);
                }
            }
        } else if (kind.is_type<g::enum_kind>()) {
            f.kind = "enum";
            enum_kind(kind, f);
        } else {
            f.kind = text(kind);
        }
        return f;
    }

    void type(const Node& n, bool extend) {
        ast::TypeDecl d;
        d.where = at(n);
        d.extend = extend;
        d.mandatory = find<g::mandatory_mark>(n) != nullptr;
        d.name = text(get<g::type_name>(n));
        if (auto* doc = find<g::type_doc>(n)) d.doc = string_value(*doc);
        for (const auto& f : get<g::field_block>(n).children) d.fields.push_back(field(*f));
        file_.types.push_back(std::move(d));
    }

    void rule(const Node& n) {
        auto r = std::make_unique<ast::RuleDecl>();
        r->where = at(n);
        r->id = text(get<g::rule_id>(n));
        std::vector<std::string> seen;
        auto once = [&](const Node& item, const char* name) {
            for (const auto& s : seen)
                if (s == name) diags_.error(at(item), fmt::format("rule {} has more than one '{}'", r->id, name));
            seen.emplace_back(name);
        };
        for (const auto& item_ptr : get<g::rule_body>(n).children) {
            const Node& item = *item_ptr;
            if (item.is_type<g::clause_item>()) {
                once(item, "clause");
                for (const auto& c : item.children) r->clauses.push_back(text(*c));
            } else if (item.is_type<g::title_item>()) {
                once(item, "title");
                r->title = string_value(*item.children.at(0));
            } else if (item.is_type<g::requirement_item>()) {
                once(item, "requirement");
                r->requirement = string_value(*item.children.at(0));
            } else if (item.is_type<g::severity_item>()) {
                once(item, "severity");
                r->severity = text(*item.children.at(0));
            } else if (item.is_type<g::process_item>()) {
                once(item, "process");
                r->process = std::string(item.string_view().substr(item.string_view().find_last_of(" \t") + 1));
            } else if (item.is_type<g::tags_item>()) {
                for (const auto& c : item.children) r->tags.push_back(text(*c));
            } else if (item.is_type<g::ref_item>()) {
                r->refs.push_back({string_value(get<g::string_lit>(item)), text(get<g::clause_number>(item))});
            } else if (item.is_type<g::prompt_item>()) {
                once(item, "prompt");
                r->prompt = string_value(*item.children.at(0));
            } else if (item.is_type<g::mandatory_item>()) {
                r->mandatory = true;
            } else if (item.is_type<g::grade_item>()) {
                r->grades.push_back({text(get<g::grade_word>(item)), top(get<g::expr>(item)), at(item)});
            } else if (item.is_type<g::focus_item>()) {
                once(item, "for each");
                const Node& b = get<g::binder>(item);
                r->focus_var = text(get<g::var_name>(b));
                r->focus_domain = top(get<g::domain>(b));
                if (auto* w = find<g::where_part>(item)) r->focus_filter = top(*w->children.at(0));
                r->focus_where = at(item);
            } else if (item.is_type<g::let_item>()) {
                r->lets.push_back({text(get<g::var_name>(item)), top(get<g::expr>(item)), at(item)});
            } else if (item.is_type<g::require_item>()) {
                once(item, "require");
                r->require = top(*item.children.at(0));
            } else if (item.is_type<g::message_item>()) {
                once(item, "message");
                r->message = template_value(*item.children.at(0));
            }
        }
        file_.rules.push_back(std::move(r));
    }

    void override_decl(const Node& n) {
        const Node& what = *n.children.at(0);
        if (what.is_type<g::override_param>()) {
            file_.params.push_back(param(get<g::param_body>(what), at(n), true));
            return;
        }
        ast::OverrideDecl d;
        d.where = at(n);
        d.rule_id = text(get<g::rule_id>(what));
        for (const auto& item_ptr : get<g::override_body>(what).children) {
            const Node& item = *item_ptr;
            if (item.is_type<g::severity_item>()) d.severity = text(*item.children.at(0));
            else if (item.is_type<g::title_item>()) d.title = string_value(*item.children.at(0));
            else if (item.is_type<g::prompt_item>()) d.prompt = string_value(*item.children.at(0));
            else if (item.is_type<g::grade_item>())
                d.grades.push_back({text(get<g::grade_word>(item)), top(get<g::expr>(item)), at(item)});
        }
        file_.overrides.push_back(std::move(d));
    }

public:
    void dispatch(const Node& n) {
        if (n.is_type<g::ruleset_decl>()) ruleset(n);
        else if (n.is_type<g::import_decl>()) file_.imports.push_back({text(get<g::module_name>(n)), at(n)});
        else if (n.is_type<g::param_decl>()) file_.params.push_back(param(get<g::param_body>(n), at(n), false));
        else if (n.is_type<g::def_decl>()) def(n);
        else if (n.is_type<g::enum_decl>()) {
            ast::EnumDeclAst d;
            d.where = at(n);
            d.name = text(get<g::enum_name>(n));
            enum_values(get<g::enum_values>(n), d);
            file_.enums.push_back(std::move(d));
        } else if (n.is_type<g::type_decl>()) type(n, false);
        else if (n.is_type<g::extend_decl>()) {
            const Node& what = *n.children.at(0);
            if (what.is_type<g::extend_type>()) type(what, true);
            else {
                ast::EnumDeclAst d;
                d.where = at(n);
                d.extend = true;
                d.name = text(get<g::enum_ref>(what));
                enum_values(get<g::enum_values>(what), d);
                file_.enums.push_back(std::move(d));
            }
        } else if (n.is_type<g::rule_decl>()) rule(n);
        else if (n.is_type<g::override_decl>()) override_decl(n);
        else if (n.is_type<g::clauses_decl>()) {
            ast::ClauseCatalog c;
            c.where = at(n);
            c.standard = string_value(get<g::standard_name>(n));
            for (const auto& e : n.children)
                if (e->is_type<g::clause_entry>())
                    c.clauses.push_back({text(get<g::clause_number>(*e)), string_value(get<g::clause_title>(*e)), at(*e)});
            file_.catalogues.push_back(std::move(c));
        } else if (n.is_type<g::disable_decl>())
            file_.disables.push_back({text(get<g::rule_id>(n)), string_value(get<g::disable_reason>(n)), at(n)});
    }
};

}  // namespace

void add_declaration(const Node& declaration, ast::File& file, Diagnostics& diagnostics) {
    try {
        Builder(file, diagnostics).dispatch(declaration);
    } catch (const TooDeep& e) {   // the declaration is left out
        diagnostics.error(e.where, fmt::format("expression is {} levels deep (at most {}); split it with let or def",
                                               e.depth, max_expr_depth));
    }
}

}  // namespace shall
