#include "audit.hpp"

#include "../plan/column_tests.hpp"


#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <fmt/format.h>
#include <set>
#include <stdexcept>
#include <thread>

namespace shall {
namespace {

struct RuleRunner {
    const Program& program;
    const EvidenceStore& store;
    EvalContext ctx;
    Evaluator ev;

    RuleRunner(const Program& p, const EvidenceStore& s, const EvidenceGraph& g, const EqualityIndexes& idx,
               const std::vector<RValue>& params)
        : program(p), store(s), ctx{p, s, g, idx}, ev(ctx) {
        ctx.as_of = *s.info.as_of;
        ctx.period_start = s.info.period_start.value_or(add_months(ctx.as_of, -12) + 1);
        ctx.period_end = s.info.period_end.value_or(ctx.as_of);
        ctx.timezone = s.info.timezone;
        ctx.params = params;
    }

    bool absent_counts_as_none(const CheckedRule& rule, const RecordType& type) const {
        return rule.decl->mandatory || type.mandatory;
    }

    void find_missing(const CheckedRule& rule, RuleResult& out) {
        for (const auto* t : rule.reads_types)
            if (store.tables[t->index].presence == Presence::absent && !absent_counts_as_none(rule, *t))
                out.missing_types.push_back(t->name);
        for (const auto& fr : rule.reads_fields) {
            const TypeTable& table = store.tables[fr.type->index];
            if (table.presence == Presence::absent || fr.field->index == 0) continue;
            if (fr.field->index >= table.column_present.size() || !table.column_present[fr.field->index])
                out.missing_fields.push_back(fr.type->name + "." + fr.field->name);
        }
    }

    std::string render_value(const ast::Expr& hole, const RValue& v) {
        const Type& t = hole.r.type;
        if (v.k == RValue::K::enum_ && t.enumeration_decl && static_cast<std::size_t>(v.i) < t.enumeration_decl->values.size())
            return t.enumeration_decl->values[static_cast<std::size_t>(v.i)];
        if (v.k == RValue::K::set && t.base == Type::enumeration && t.enumeration_decl) {
            std::vector<std::string> parts;
            for (auto& x : v.items)
                if (static_cast<std::size_t>(x.i) < t.enumeration_decl->values.size())
                    parts.push_back(t.enumeration_decl->values[static_cast<std::size_t>(x.i)]);
            return fmt::format("{}", fmt::join(parts, ", "));
        }
        return ev.format(v);
    }

    std::string message(const CheckedRule& rule, Frame frame, bool has_focus, std::uint32_t focus) {
        const auto& r = *rule.decl;
        if (!r.message) {
            if (has_focus)
                return fmt::format("{} {} does not meet: {}", store.schema().types[store.locate(focus).type]->name,
                                   store.id_of(focus), rule.title);
            return fmt::format("Not met: {}", rule.title);
        }
        std::string out;
        for (const auto& piece : r.message->pieces) {
            if (piece.hole) out += render_value(*piece.hole, ev.eval(*piece.hole, frame));
            else out += piece.text;
        }
        return out;
    }

    std::vector<EvidenceRecord> evidence(const std::vector<Read>& reads, bool has_focus, std::uint32_t focus) {
        std::vector<EvidenceRecord> out;
        std::vector<std::uint32_t> order;
        std::map<std::uint32_t, std::vector<int>> fields;
        auto touch = [&](std::uint32_t rec) {
            if (!fields.count(rec)) {
                order.push_back(rec);
                fields[rec];
            }
        };
        if (has_focus) touch(focus);
        for (const auto& rd : reads) {
            touch(rd.record);
            auto& fs = fields[rd.record];
            if (rd.field > 0 && std::find(fs.begin(), fs.end(), rd.field) == fs.end()) fs.push_back(rd.field);
        }
        constexpr std::size_t max_records = 25;
        for (auto rec : order) {
            if (out.size() >= max_records) break;
            auto [type, row] = store.locate(rec);
            const RecordType& rt = *store.schema().types[type];
            EvidenceRecord er;
            er.type = rt.name;
            er.id = std::string(store.id_of(rec));
            er.source = store.source_of(rec);
            auto& fs = fields[rec];
            std::sort(fs.begin(), fs.end());
            for (int fi : fs) {
                const FieldDecl& f = rt.fields[static_cast<std::size_t>(fi)];
                std::string text = store.canonical(f, store.value(rec, f.index));
                if (text.empty()) er.absent.push_back(f.name);
                else er.fields.emplace_back(f.name, std::move(text));
            }
            out.push_back(std::move(er));
        }
        return out;
    }

    Finding finding(const CheckedRule& rule, Frame frame, bool has_focus, std::uint32_t focus) {
        Finding f;
        f.rule = &rule;
        f.has_focus = has_focus;
        if (has_focus) {
            f.focus_type = store.schema().types[store.locate(focus).type]->name;
            f.focus_id = std::string(store.id_of(focus));
            f.focus_source = store.source_of(focus);
        }
        std::vector<Read> reads;
        ev.explain(*rule.decl->require, frame, true, reads, f.details);
        f.message = message(rule, frame, has_focus, focus);
        f.evidence = evidence(reads, has_focus, focus);
        return f;
    }

    std::string grade(const CheckedRule& rule, std::size_t checked, std::size_t failed) {
        ctx.checked = checked;
        ctx.failed = failed;
        for (const auto& g : *rule.grades) {
            std::vector<RValue> frame(static_cast<std::size_t>(std::max(g.frame_size, 1)));
            if (ev.holds(*g.when, frame)) return g.grade;
        }
        return rule.severity;
    }

    // The rows (in the table whose row 0 is record `first`) of the domain's records that pass
    // `where`'s column tests, in rows_; false when an element is not a record (then each
    // element is tested on its own).
    bool selected_rows(const Domain& items, const RecordCondition& where, std::uint32_t first) {
        rows_.clear();
        for (std::size_t n = 0; n < items.size(); ++n) {
            const RValue item = items[n];
            if (item.k != RValue::K::record) return false;
            rows_.push_back(static_cast<std::uint32_t>(item.i) - first);
        }
        if (where.columns) where.columns->select(rows_);
        return true;
    }
    std::vector<std::uint32_t> rows_, passing_;

    RuleResult run(const CheckedRule& rule) {
        RuleResult out;
        out.rule = &rule;
        find_missing(rule, out);
        if (!out.missing_types.empty() || !out.missing_fields.empty()) {
            out.status = RuleStatus::not_evaluated;
            return out;
        }
        const auto& r = *rule.decl;
        std::vector<RValue> slots(static_cast<std::size_t>(std::max(r.frame_size, 1)));
        Frame frame(slots);
        RecordCondition require;
        require.whole = r.require.get();
        if (r.focus_domain) require = ev.condition(r.require_split, *r.focus_domain, r.require.get(), frame);
        // `item`: the focus element, bound in the frame
        auto body_holds = [&](const RValue& item) {
            for (const auto& let : r.lets) frame[static_cast<std::size_t>(let.slot)] = ev.eval(*let.value, frame);
            return ev.holds_on(require, item, frame);
        };
        ValueArena::Scope rule_values(ev.values());
        if (r.focus_domain) {
            Domain items = ev.domain(*r.focus_domain, r.focus_access, frame);
            const RecordCondition where = ev.condition(r.focus_access.where_split, *r.focus_domain, r.focus_filter.get(), frame);
            ValueArena::Scope record_values(ev.values());
            auto visit = [&](const RValue& item) {
                record_values.rewind();
                frame[static_cast<std::size_t>(r.focus_slot)] = item;
                if (!ev.holds_rest(where, frame)) return;
                ++out.checked;
                if (body_holds(item)) return;
                ++out.failed;
                out.findings.push_back(finding(rule, frame, item.k == RValue::K::record, static_cast<std::uint32_t>(item.i)));
            };
            // all on the columns: the rows that pass `where`, and of those the ones that fail `require`
            const bool where_on_columns = !r.focus_filter || (where.columns && where.row_tests->empty());
            const bool require_on_columns = require.columns && require.row_tests->empty() && r.lets.empty();
            if (where_on_columns && require_on_columns && selected_rows(items, where, require.first)) {
                out.checked = rows_.size();
                passing_ = rows_;
                require.columns->select(passing_);
                std::size_t next_passing = 0;   // passing_ is rows_ without the failing rows, in order
                for (std::uint32_t row : rows_) {
                    if (next_passing < passing_.size() && passing_[next_passing] == row) {
                        ++next_passing;
                        continue;
                    }
                    record_values.rewind();
                    const RValue item = RValue::record(require.first + row);
                    frame[static_cast<std::size_t>(r.focus_slot)] = item;
                    ++out.failed;
                    out.findings.push_back(finding(rule, frame, true, static_cast<std::uint32_t>(item.i)));
                }
            } else if (where.columns && selected_rows(items, where, where.first)) {
                for (std::uint32_t row : rows_) visit(RValue::record(where.first + row));
            } else {
                for (std::size_t n = 0; n < items.size(); ++n) {
                    const RValue item = items[n];
                    const bool on_columns = !where.columns || (item.k == RValue::K::record &&
                                                               where.columns->passes(static_cast<std::uint32_t>(item.i) - where.first));
                    if (on_columns) visit(item);
                }
            }
            if (out.checked == 0) {
                const ast::Expr& dom = *r.focus_domain;
                const RecordType* type = dom.r.type.base == Type::record ? dom.r.type.record_type : nullptr;
                if (items.empty() && type && dom.kind == ast::Expr::Kind::name && store.tables[type->index].rows() == 0)
                    out.note = fmt::format("empty population: no {} records in the evidence", type->name);
                else
                    out.note = "no record matched the rule's 'for each' filter";
            }
        } else {
            out.checked = 1;
            if (!body_holds(RValue{})) {
                out.failed = 1;
                out.findings.push_back(finding(rule, frame, false, 0));
            }
        }
        out.status = out.failed ? RuleStatus::fail : RuleStatus::pass;
        if (out.failed) {
            std::string g = grade(rule, out.checked, out.failed);
            for (auto& f : out.findings) f.severity = g;
        }
        return out;
    }
};

// Quantifiers, aggregates and periodic() in `e` and the definitions it calls (each once).
std::size_t loops_in(const ast::Expr* e, std::vector<const ast::DefDecl*>& seen) {
    if (!e) return 0;
    std::size_t n = e->kind == ast::Expr::Kind::quantifier || e->kind == ast::Expr::Kind::aggregate ||
                    e->kind == ast::Expr::Kind::periodic;
    if (e->kind == ast::Expr::Kind::call && e->r.definition &&
        std::find(seen.begin(), seen.end(), e->r.definition) == seen.end()) {
        seen.push_back(e->r.definition);
        n += loops_in(e->r.definition->body.get(), seen);
    }
    for (const auto& k : e->kids) n += loops_in(k.get(), seen);
    return n;
}

// A guess at a rule's work, only to order the rules: the rows of its focus table, more for
// each loop it runs per focus record.
std::size_t expected_cost(const ast::RuleDecl& r, const EvidenceStore& store) {
    const RecordType* type = r.focus_domain ? table_domain(*r.focus_domain) : nullptr;
    const std::size_t rows = type ? store.tables[type->index].rows() : 1;
    std::vector<const ast::DefDecl*> seen;
    std::size_t loops = loops_in(r.focus_filter.get(), seen) + loops_in(r.require.get(), seen);
    for (const auto& let : r.lets) loops += loops_in(let.value.get(), seen);
    return rows * (1 + 4 * loops);
}

}  // namespace

AuditResult run_audit(const Program& program, const Plan& plan, const EvidenceStore& store,
                      const EvidenceGraph& graph, const AuditOptions& options) {
    EqualityIndexes indexes;
    indexes.build(plan, store, options.threads);
    AuditResult result;
    std::vector<const CheckedRule*> enabled;
    for (const auto& r : program.rules) {
        if (!options.only_rules.empty() &&
            std::find(options.only_rules.begin(), options.only_rules.end(), r.id()) == options.only_rules.end())
            continue;
        if (r.disabled) result.disabled.push_back(&r);
        else enabled.push_back(&r);
    }
    result.rules.resize(enabled.size());

    std::vector<RValue> params;
    ValueArena param_sets;
    {
        RuleRunner probe(program, store, graph, indexes, {});
        params = evaluate_params(probe.ctx, param_sets);
    }
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(1, enabled.size())));
    // The costliest rules first, so that no worker is left with a long rule at the end; each
    // result keeps its place in result.rules.
    std::vector<std::size_t> order(enabled.size());
    std::vector<std::size_t> cost(enabled.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
        cost[i] = expected_cost(*enabled[i]->decl, store);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cost[a] > cost[b]; });
    std::atomic<std::size_t> next{0};
    std::vector<std::string> errors(enabled.size());
    std::mutex progress_mutex;
    std::size_t rules_done = 0;
    auto worker = [&] {
        RuleRunner runner(program, store, graph, indexes, params);
        for (std::size_t k = next++; k < enabled.size(); k = next++) {
            const std::size_t i = order[k];
            const auto started = std::chrono::steady_clock::now();
            try {
                result.rules[i] = runner.run(*enabled[i]);
            } catch (const std::exception& e) {
                errors[i] = fmt::format("rule {} ({}:{}) could not be evaluated: {}", enabled[i]->id(),
                                        enabled[i]->decl->where.file->path, enabled[i]->decl->where.line, e.what());
            }
            const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
            std::lock_guard<std::mutex> lock(progress_mutex);
            if (options.on_rule_timed) options.on_rule_timed(*enabled[i], took.count());
            if (options.on_rule_done) options.on_rule_done(++rules_done, enabled.size());
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    for (const auto& e : errors)
        if (!e.empty()) throw std::runtime_error(e);   // never a report with a rule silently missing
    return result;
}

}  // namespace shall
