#include "program.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <fmt/format.h>
#include <functional>
#include <set>
#include <thread>

#include "../digest.hpp"
#include "../syntax/parser.hpp"
#include "build_schema.hpp"
#include "check_expr.hpp"

namespace shall {

namespace fs = std::filesystem;

bool clause_less(std::string_view a, std::string_view b) {
    while (!a.empty() || !b.empty()) {
        if (a.empty()) return true;
        if (b.empty()) return false;
        auto da = a.find('.'), db = b.find('.');
        auto sa = a.substr(0, da), sb = b.substr(0, db);
        unsigned long na = 0, nb = 0;
        for (char c : sa) na = na * 10 + static_cast<unsigned long>(c - '0');
        for (char c : sb) nb = nb * 10 + static_cast<unsigned long>(c - '0');
        if (na != nb) return na < nb;
        a = da == std::string_view::npos ? std::string_view() : a.substr(da + 1);
        b = db == std::string_view::npos ? std::string_view() : b.substr(db + 1);
    }
    return false;
}

const Parameter* Program::param(std::string_view name) const {
    for (const auto& p : params)
        if (p.name == name) return &p;
    return nullptr;
}

namespace {

struct Module {
    std::string path;        // canonical
    std::string shown;       // as the user / the import named it
    std::vector<ast::File*> files;
    RulesetInfo info;
};

// One rule file of a module: read in file order, parsed on any thread, its diagnostics
// added in file order afterwards, so that the program is the same whatever ran where.
struct FileParse {
    std::shared_ptr<SourceFile> source;   // null: not read (the diagnostics say why)
    std::unique_ptr<ast::File> parsed;
    Diagnostics diags;
    std::exception_ptr failure;           // what the parser threw, thrown again on the caller's thread
};

void parse_all(std::vector<FileParse>& files) {
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next++) < files.size();) {
            FileParse& f = files[i];
            if (!f.source) continue;
            try {
                f.parsed = parse_file(f.source, f.diags);
            } catch (...) {
                f.failure = std::current_exception();
            }
        }
    };
    // a helper thread only when there are files enough to share
    const std::size_t helpers = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()) - 1, files.size() / 4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < helpers; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    for (const FileParse& f : files)
        if (f.failure) std::rethrow_exception(f.failure);
}

class Loader {
public:
    Loader(Program& program, const ProgramOptions& options, Diagnostics& diags)
        : program_(program), options_(options), diags_(diags) {}

    void load_roots(const std::vector<std::string>& paths) {
        for (const auto& p : paths) {
            std::error_code ec;
            if (!fs::exists(p, ec)) {
                diags_.error({}, fmt::format("{}: no such rule file or ruleset directory", p));
                continue;
            }
            // imports are looked for next to a ruleset and one level up (sibling modules), so that
            // directory is where the rules may come from; --include directories add more
            std::string real = fs::weakly_canonical(p, ec).string();
            fs::path dir = fs::is_directory(real, ec) ? fs::path(real) : fs::path(real).parent_path();
            allowed_.push_back(dir.parent_path());
            load(p, p);
        }
    }

    std::vector<Module>& modules() { return modules_; }

private:
    Program& program_;
    const ProgramOptions& options_;
    Diagnostics& diags_;
    std::vector<Module> modules_;       // dependencies before dependants
    std::set<std::string> loading_, loaded_;
    std::vector<fs::path> allowed_;     // canonical directories rule files may come from

    // Whether `p`, symlinks resolved, lies inside a directory the user gave (a root's parent
    // or an --include directory). A symlink in a ruleset never leads the tool elsewhere.
    bool confined(const fs::path& p) const {
        std::error_code ec;
        fs::path real = fs::weakly_canonical(p, ec);
        if (ec) return false;
        const std::string rs = real.string();
        auto inside = [&](const fs::path& dir) {
            const std::string ds = dir.string();
            if (ds.empty()) return false;
            return rs == ds || (rs.starts_with(ds) && (ds.back() == '/' || rs[ds.size()] == '/'));
        };
        for (const auto& dir : allowed_)
            if (inside(dir)) return true;
        for (const auto& inc : options_.include_dirs)
            if (inside(fs::weakly_canonical(inc, ec))) return true;
        return false;
    }

    std::vector<fs::path> shall_files(const fs::path& p) {
        std::vector<fs::path> out;
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            for (const auto& entry : fs::directory_iterator(p, ec))
                if (entry.path().extension() == ".shall" && entry.is_regular_file(ec)) out.push_back(entry.path());
            std::sort(out.begin(), out.end());
        } else {
            out.push_back(p);
        }
        return out;
    }

    std::optional<fs::path> resolve(const std::string& name, const fs::path& from_dir) {
        std::vector<fs::path> places = {from_dir, from_dir.parent_path()};
        for (const auto& d : options_.include_dirs) places.emplace_back(d);
        for (const auto& place : places) {
            std::error_code ec;
            if (fs::is_directory(place / name, ec)) return place / name;
            if (fs::is_regular_file(place / (name + ".shall"), ec)) return place / (name + ".shall");
        }
        return std::nullopt;
    }

    void import(const std::string& name, Location where, const fs::path& from_dir) {
        auto target = resolve(name, from_dir);
        if (!target) {
            std::vector<std::string> near;
            std::error_code ec;
            for (const auto& dir : {from_dir, from_dir.parent_path()})
                for (const auto& entry : fs::directory_iterator(dir, ec))
                    near.push_back(entry.path().stem().string());
            diags_.error(where, fmt::format("cannot find module '{}' (a directory or {}.shall next to this ruleset)", name, name),
                         did_you_mean(name, near));
            return;
        }
        if (!confined(*target)) {
            std::error_code ec;
            diags_.error(where, fmt::format("import '{}' leads to {}, outside the rule directories given", name,
                                            fs::weakly_canonical(*target, ec).string()),
                         "pass --include DIR to allow rules from there");
            return;
        }
        load(*target, name);
    }

    void load(const fs::path& path, const std::string& shown) {
        std::error_code ec;
        std::string canonical = fs::weakly_canonical(path, ec).string();
        if (loaded_.count(canonical) || loading_.count(canonical)) return;
        loading_.insert(canonical);
        Module m;
        m.path = canonical;
        m.shown = shown;
        fs::path real = fs::path(canonical);
        fs::path dir = fs::is_directory(real, ec) ? real : real.parent_path();
        std::vector<DigestInput> inputs;
        std::vector<FileParse> parses;   // the module's files, read, then parsed side by side
        for (const auto& file : shall_files(path)) {
            FileParse& f = parses.emplace_back();
            if (!confined(file)) {
                f.diags.error({}, fmt::format("{}: leads to {}, outside the rule directories given; not read", file.string(),
                                              fs::weakly_canonical(file, ec).string()),
                              "pass --include DIR to allow rules from there");
                continue;
            }
            try {
                f.source = read_source_file(file.string());
            } catch (const std::exception& e) {
                f.diags.error({}, e.what());
                continue;
            }
            inputs.push_back({file.filename().string(), std::string_view(f.source->text)});
        }
        parse_all(parses);
        for (FileParse& f : parses) {
            diags_.append(std::move(f.diags));
            if (!f.parsed) continue;
            m.files.push_back(f.parsed.get());
            program_.files.push_back(std::move(f.parsed));
        }
        m.info.digest = files_digest(inputs);
        m.info.path = path.string();
        m.info.name = path.stem().string();
        for (auto* f : m.files) {
            for (const auto& r : f->rulesets) {
                m.info.name = r.name;
                m.info.version = r.version;
                if (!r.extends.empty()) import(r.extends, r.where, dir);
            }
            for (const auto& i : f->imports) import(i.module, i.where, dir);
        }
        loading_.erase(canonical);
        loaded_.insert(canonical);
        modules_.push_back(std::move(m));
    }
};

Type param_type_named(const std::string& name, bool& ok) {
    ok = true;
    if (name == "int") return Type::of(Type::int_);
    if (name == "decimal" || name == "percent") return Type::of(Type::decimal);
    if (name == "duration") return Type::of(Type::duration);
    if (name == "text") return Type::of(Type::text);
    if (name == "date") return Type::of(Type::date);
    if (name == "bool") return Type::of(Type::boolean);
    ok = false;
    return Type::of(Type::error);
}

ast::ExprPtr parse_param_value(const std::string& name, const std::string& text, Diagnostics& diags,
                               std::vector<std::shared_ptr<SourceFile>>& keep) {
    auto src = std::make_shared<SourceFile>();
    src->path = fmt::format("--param {}", name);
    src->text = fmt::format("param {} = {}", name, text);
    keep.push_back(src);
    auto file = parse_file(src, diags);
    if (file->params.empty()) return nullptr;
    return std::move(file->params.front()->value);
}

}  // namespace

std::unique_ptr<Program> load_program(const std::vector<std::string>& paths, const ProgramOptions& options,
                                      Diagnostics& diags) {
    auto program = std::make_unique<Program>();
    Loader loader(*program, options, diags);
    loader.load_roots(paths);
    if (diags.has_errors()) return program;

    std::vector<const ast::File*> files;
    for (auto& m : loader.modules())
        for (auto* f : m.files) files.push_back(f);
    build_schema(files, program->schema, diags);

    // definitions: visible everywhere, checked in declaration order
    for (auto* f : files)
        for (const auto& d : f->defs) {
            for (auto* other : program->defs)
                if (other->name == d->name) diags.error(d->where, fmt::format("definition {} is declared twice", d->name));
            program->defs.push_back(d.get());
        }

    ExprChecker checker{*program, diags, {}, {}};

    // parameters: defaults, then overrides in later modules, then --param
    for (auto* f : files)
        for (const auto& p : f->params) {
            auto existing = std::find_if(program->params.begin(), program->params.end(), [&](auto& q) { return q.name == p->name; });
            if (!p->override_ && existing != program->params.end()) {
                diags.error(p->where, fmt::format("parameter {} is declared twice", p->name), "use 'override param' to change a base ruleset's value");
                continue;
            }
            if (p->override_ && existing == program->params.end()) {
                std::vector<std::string> names;
                for (auto& q : program->params) names.push_back(q.name);
                diags.error(p->where, fmt::format("cannot override unknown parameter {}", p->name), did_you_mean(p->name, names));
                continue;
            }
            if (!ExprChecker::is_constant(*p->value)) {
                diags.error(p->value->where, fmt::format("the value of parameter {} must be a constant such as 12 months, 5% or 3", p->name));
                continue;
            }
            Scope scope;
            Type t = checker.check(*p->value, scope);
            if (!p->type_name.empty()) {
                bool ok = false;
                Type declared = param_type_named(p->type_name, ok);
                if (!ok) diags.error(p->where, fmt::format("unknown parameter type {}", p->type_name), "int, decimal, percent, duration, text, date or bool");
                else if (t.ok() && !(same_type(declared, t) || (declared.base == Type::decimal && t.is_numeric())))
                    diags.error(p->value->where, fmt::format("parameter {} is declared {} but its value is {}", p->name, describe(declared), describe(t)));
                t = declared;
            }
            if (p->override_) {
                if (t.ok() && !same_type(t, existing->type) && !(existing->type.base == Type::decimal && t.is_numeric()))
                    diags.error(p->value->where, fmt::format("parameter {} is {}, not {}", p->name, describe(existing->type), describe(t)));
                existing->value = p->value.get();
                existing->origin = fmt::format("override at {}:{}", p->where.file->path, p->where.line);
                continue;
            }
            program->params.push_back({p->name, p->doc, t, p->value.get(), "default", p->where});
        }
    static std::vector<std::shared_ptr<SourceFile>> param_sources;  // the values' text outlives the run
    for (const auto& [name, text] : options.params) {
        auto it = std::find_if(program->params.begin(), program->params.end(), [&](auto& q) { return q.name == name; });
        if (it == program->params.end()) {
            std::vector<std::string> names;
            for (auto& q : program->params) names.push_back(q.name);
            diags.error({}, fmt::format("--param {}: no such parameter", name), did_you_mean(name, names));
            continue;
        }
        auto value = parse_param_value(name, text, diags, param_sources);
        if (!value) continue;
        if (!ExprChecker::is_constant(*value)) {
            diags.error({}, fmt::format("--param {}={}: the value must be a constant such as 12 months, 5% or 3", name, text));
            continue;
        }
        Scope scope;
        Type t = checker.check(*value, scope);
        if (t.ok() && !same_type(t, it->type) && !(it->type.base == Type::decimal && t.is_numeric())) {
            diags.error({}, fmt::format("--param {}={}: expected {}, got {}", name, text, describe(it->type), describe(t)));
            continue;
        }
        it->value = value.get();
        it->origin = "--param";
        program->owned_exprs.push_back(std::move(value));
    }

    for (auto* d : program->defs) checker.check_definition(*const_cast<ast::DefDecl*>(d), d->where);

    // rules
    std::map<std::string, CheckedRule*> by_id;
    std::vector<std::pair<Module*, ast::RuleDecl*>> all_rules;
    for (auto& m : loader.modules())
        for (auto* f : m.files)
            for (auto& r : f->rules) all_rules.push_back({&m, r.get()});
    program->rules.reserve(all_rules.size());
    for (auto& [module, rule] : all_rules) {
        ast::RuleDecl& r = *rule;
        if (by_id.count(r.id)) {
            diags.error(r.where, fmt::format("rule {} is declared twice", r.id), fmt::format("first declared at {}:{}",
                        by_id[r.id]->decl->where.file->path, by_id[r.id]->decl->where.line));
            continue;
        }
        auto missing = [&](const char* what, const char* example) {
            diags.error(r.where, fmt::format("rule {} has no '{}'", r.id, what), example);
        };
        if (r.clauses.empty()) missing("clause", "e.g. clause 8.5.1.3");
        if (r.title.empty()) missing("title", "e.g. title \"Changes are approved before they are implemented\"");
        if (r.severity.empty()) missing("severity", "major, minor, observation or ofi");
        if (!r.require) missing("require", "e.g. require c.approved_on is present");
        if (r.clauses.empty()) continue;
        ExprChecker rc{*program, diags, {}, {}};
        Scope scope;
        if (r.focus_domain) {
            Type dom = rc.check(*r.focus_domain, scope);
            // records give each finding its focus; a set of values (e.g. process names) gives
            // one population-level finding per failing value
            if (dom.ok() && !dom.set)
                diags.error(r.focus_domain->where, fmt::format("'for each' ranges over a set, but this is {}", describe(dom)));
            r.focus_slot = scope.push(r.focus_var, dom.ok() ? dom.element() : Type::of(Type::error));
            if (r.focus_filter) rc.check_bool(*r.focus_filter, scope, "'where'");
        }
        for (auto& let : r.lets) {
            Type t = rc.check(*let.value, scope);
            if (scope.find(let.name)) diags.error(let.where, fmt::format("'{}' is already defined in rule {}", let.name, r.id));
            let.slot = scope.push(let.name, t);
        }
        if (r.require) rc.check_bool(*r.require, scope, "'require'");
        if (r.message) {
            // what only the message reads does not make the rule not_evaluated (it prints "(none)")
            ExprChecker mc{*program, diags, {}, {}};
            for (auto& piece : r.message->pieces)
                if (piece.hole) mc.check(*piece.hole, scope);
        }
        r.frame_size = scope.frame_size;
        for (auto& g : r.grades) {
            Scope gs;
            gs.grade_context = true;
            rc.check_bool(*g.when, gs, "a grade condition");
            g.frame_size = gs.frame_size;
        }
        CheckedRule cr;
        cr.decl = &r;
        cr.ruleset = module->info.name;
        cr.severity = r.severity;
        cr.title = r.title;
        cr.prompt = r.prompt;
        cr.grades = &r.grades;
        // reads through definitions count too
        std::set<const ast::DefDecl*> seen_defs;
        std::function<void(const ast::Expr&)> walk_defs = [&](const ast::Expr& e) {
            if (e.r.name == ast::NameKind::definition && e.r.definition && seen_defs.insert(e.r.definition).second) {
                walk_defs(*e.r.definition->body);
            }
            if (e.kind == ast::Expr::Kind::member || e.kind == ast::Expr::Kind::closure || e.kind == ast::Expr::Kind::reverse)
                rc.fields_read.insert({e.r.record, e.r.field});
            if (e.kind == ast::Expr::Kind::name && e.r.name == ast::NameKind::record_type) rc.types_read.insert(e.r.record);
            if (e.kind == ast::Expr::Kind::is_test && e.test == ast::Test::dangling && e.kids[0]->r.type.record_type)
                rc.types_read.insert(e.kids[0]->r.type.record_type);
            if (e.kind == ast::Expr::Kind::member || e.kind == ast::Expr::Kind::closure || e.kind == ast::Expr::Kind::reverse)
                rc.types_read.insert(e.r.record);
            for (const auto& k : e.kids)
                if (k) walk_defs(*k);
        };
        if (r.require) walk_defs(*r.require);
        if (r.focus_filter) walk_defs(*r.focus_filter);
        for (auto& let : r.lets) walk_defs(*let.value);
        for (const auto* t : rc.types_read)
            if (t) cr.reads_types.push_back(t);
        for (const auto& [t, f] : rc.fields_read)
            if (t && f) cr.reads_fields.push_back({t, f});
        std::sort(cr.reads_types.begin(), cr.reads_types.end(), [](auto* a, auto* b) { return a->name < b->name; });
        std::sort(cr.reads_fields.begin(), cr.reads_fields.end(), [](const FieldRead& a, const FieldRead& b) {
            return std::tie(a.type->name, a.field->name) < std::tie(b.type->name, b.field->name);
        });
        module->info.rules++;
        program->rules.push_back(std::move(cr));
        by_id[r.id] = &program->rules.back();
    }

    // overrides and disables from extending rulesets
    for (auto* f : files) {
        for (const auto& o : f->overrides) {
            auto it = by_id.find(o.rule_id);
            if (it == by_id.end()) {
                std::vector<std::string> ids;
                for (auto& [id, _] : by_id) ids.push_back(id);
                diags.error(o.where, fmt::format("cannot override unknown rule {}", o.rule_id), did_you_mean(o.rule_id, ids));
                continue;
            }
            if (!o.severity.empty()) it->second->severity = o.severity;
            if (!o.title.empty()) it->second->title = o.title;
            if (!o.prompt.empty()) it->second->prompt = o.prompt;
            if (!o.grades.empty()) {
                for (auto& g : const_cast<ast::OverrideDecl&>(o).grades) {
                    Scope gs;
                    gs.grade_context = true;
                    checker.check_bool(*g.when, gs, "a grade condition");
                    g.frame_size = gs.frame_size;
                }
                it->second->grades = &o.grades;
            }
        }
        for (const auto& d : f->disables) {
            auto it = by_id.find(d.rule_id);
            if (it == by_id.end()) {
                std::vector<std::string> ids;
                for (auto& [id, _] : by_id) ids.push_back(id);
                diags.error(d.where, fmt::format("cannot disable unknown rule {}", d.rule_id), did_you_mean(d.rule_id, ids));
                continue;
            }
            if (d.reason.empty()) diags.error(d.where, fmt::format("disabling rule {} needs a reason", d.rule_id));
            it->second->disabled = true;
            it->second->disabled_reason = d.reason;
        }
    }

    std::stable_sort(program->rules.begin(), program->rules.end(), [](const CheckedRule& a, const CheckedRule& b) {
        if (a.clause() != b.clause()) return clause_less(a.clause(), b.clause());
        return a.id() < b.id();
    });
    for (auto& m : loader.modules())
        if (m.info.rules > 0) program->rulesets.push_back(m.info);
    for (auto* f : files)
        for (const auto& c : f->catalogues) {
            std::set<std::string> seen;
            for (const auto& e : c.clauses)
                if (!seen.insert(e.number).second) diags.error(e.where, fmt::format("clause {} is listed twice", e.number));
            program->catalogues.push_back(&c);
        }
    return program;
}

}  // namespace shall
