#include "run_mapping.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fnmatch.h>
#include <map>
#include <memory>
#include <unordered_map>

#include "../evidence/text_util.hpp"
#include "progress.hpp"
#include "value_converter.hpp"

namespace shall::importer {

std::size_t ImportResult::records(std::string_view type) const {
    for (const auto& t : tables)
        if (t.type->name == type) return t.rows.size();
    return 0;
}

namespace {

using mapping::Aggregate;

struct RowRef {
    std::uint32_t table, row;
};

struct Group {
    std::string key;
    std::vector<RowRef> rows;
    std::vector<double> order;   // parallel to rows
};

// Column indexes of one record map in one raw table.
struct Columns {
    std::size_t key = 0;
    std::optional<std::size_t> order, at, by, record_filter;
    std::vector<std::optional<std::size_t>> field, filter, tracked;
};

class RecordRun {
public:
    RecordRun(const mapping::ResolvedRecord& rec, const mapping::Mapping& m, const std::vector<RawTable>& tables,
              const std::string& timezone, ImportResult& result, Diagnostics& diags, std::vector<std::vector<bool>>& claimed)
        : rec_(rec), map_(*rec.map), mapping_(m), tables_(tables), timezone_(timezone), result_(result), diags_(diags),
          claimed_(claimed) {}

    std::vector<std::size_t> run(const std::vector<std::size_t>& table_ids) {
        std::vector<std::size_t> used;
        for (auto id : table_ids)
            if (resolve_columns(id)) used.push_back(id);
        if (diags_.has_errors()) return used;
        for (const auto& f : rec_.fields) converters_.push_back(std::make_unique<ValueConverter>(*f.assign, *f.field, timezone_, mapping_.missing));
        group(used);
        collapse();
        return used;
    }

private:
    std::optional<std::size_t> need(const RawTable& t, const std::string& name, Location where) {
        if (auto c = t.column(name)) return c;
        diags_.error(where, fmt::format("{} has no column \"{}\"", t.name, name), did_you_mean(name, t.header));
        return std::nullopt;
    }

    bool resolve_columns(std::size_t id) {
        const RawTable& t = tables_[id];
        Columns c;
        std::size_t before = diags_.error_count();
        if (auto k = need(t, map_.key_column, map_.key_where)) c.key = *k;
        if (!map_.order_column.empty()) c.order = need(t, map_.order_column, map_.order_where);
        if (map_.filter) c.record_filter = need(t, map_.filter->column, map_.filter->where);
        for (const auto& f : rec_.fields) {
            const auto& a = *f.assign;
            c.field.push_back(a.constant ? std::nullopt : need(t, a.column, a.column_where));
            c.filter.push_back(a.filter ? need(t, a.filter->column, a.filter->where) : std::nullopt);
        }
        if (map_.history) {
            const auto& h = *map_.history;
            c.at = need(t, h.at_column, h.where);
            if (!h.by_column.empty()) c.by = need(t, h.by_column, h.where);
            for (const auto& tr : h.tracked) c.tracked.push_back(need(t, tr.column, tr.column_where));
        }
        columns_[id] = std::move(c);
        return diags_.error_count() == before;
    }

    FileReport& report(std::size_t table) { return result_.files[report_of_[table]]; }

    bool missing(std::string_view raw) const {
        raw = trim(raw);
        if (raw.empty()) return true;
        for (const auto& m : mapping_.missing)
            if (raw == m) return true;
        return false;
    }

    void group(const std::vector<std::size_t>& used) {
        std::unordered_map<std::string, std::uint32_t> index;
        std::unordered_map<std::string, std::pair<std::size_t, std::uint32_t>> first_seen;  // non-event duplicates
        OrderKey order_key(map_.order_conversion, timezone_);
        for (auto id : used) {
            const RawTable& t = tables_[id];
            const Columns& c = columns_[id];
            report_of_[id] = result_.files.size();
            FileReport fr;
            fr.file = t.name;
            fr.record_type = rec_.type->name;
            fr.rows_read = t.rows_read();
            fr.rejections = t.rejected;
            fr.table = id;
            result_.files.push_back(std::move(fr));
            double last_order = 0;
            Progress progress(fmt::format("reading {}", t.name), t.rows());
            for (std::uint32_t r = 0; r < t.rows(); ++r) {
                progress.update(r);
                if (c.record_filter) {
                    auto v = trim(t.cell(r, *c.record_filter));
                    const auto& want = map_.filter->values;
                    if (std::find(want.begin(), want.end(), v) == want.end()) {
                        report(id).rows_other++;
                        continue;
                    }
                }
                claimed_[id][r] = true;
                auto key_cell = t.cell(r, c.key);
                if (missing(key_cell)) {
                    report(id).rejections.push_back({t.lines[r], fmt::format("no key: column \"{}\" is empty", map_.key_column)});
                    continue;
                }
                std::string key(trim(key_cell));
                double order = last_order;
                if (c.order) {
                    if (auto o = order_key(t.cell(r, *c.order))) order = last_order = *o;
                    else report(id).warnings.push_back({t.lines[r], map_.type + " (events order)",
                                                        fmt::format("{} in column \"{}\" cannot order the events; kept in file order",
                                                                    quote_value(t.cell(r, *c.order)), map_.order_column)});
                }
                auto [it, fresh] = index.try_emplace(key, static_cast<std::uint32_t>(groups_.size()));
                if (fresh) {
                    groups_.push_back({key, {}, {}});
                    report(id).records_written++;
                } else if (!map_.events) {
                    const Group& g = groups_[it->second];
                    const RawTable& ft = tables_[g.rows.front().table];
                    report(id).rejections.push_back(
                        {t.lines[r], fmt::format("duplicate key {}: first at {}:{}", quote_value(key), ft.name, ft.lines[g.rows.front().row])});
                    continue;
                } else {
                    report(id).rows_merged++;
                }
                groups_[it->second].rows.push_back({static_cast<std::uint32_t>(id), r});
                groups_[it->second].order.push_back(order);
            }
            auto& rej = report(id).rejections;
            std::stable_sort(rej.begin(), rej.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
            report(id).rows_rejected = rej.size();
        }
        if (!c_order_textual(order_key))
            for (auto& g : groups_) sort_group(g);
    }

    static bool c_order_textual(const OrderKey& k) { return k.textual(); }

    static void sort_group(Group& g) {
        std::vector<std::size_t> idx(g.rows.size());
        for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
        std::stable_sort(idx.begin(), idx.end(), [&](auto a, auto b) { return g.order[a] < g.order[b]; });
        std::vector<RowRef> rows;
        for (auto i : idx) rows.push_back(g.rows[i]);
        g.rows = std::move(rows);
    }

    bool passes(const mapping::FieldAssign& a, std::optional<std::size_t> filter_col, RowRef ref) const {
        if (!a.filter) return true;
        auto v = trim(tables_[ref.table].cell(ref.row, *filter_col));
        for (const auto& want : a.filter->values)
            if (v == want) return true;
        return false;
    }

    void warn(RowRef ref, const FieldDecl& f, std::string message) {
        result_.files[report_of_[ref.table]].warnings.push_back(
            {tables_[ref.table].lines[ref.row], rec_.type->name + "." + f.name, std::move(message)});
    }

    std::string value(std::size_t fi, const Group& g) {
        const auto& a = *rec_.fields[fi].assign;
        const FieldDecl& f = *rec_.fields[fi].field;
        ValueConverter& conv = *converters_[fi];
        std::string error;
        if (a.constant) {
            auto c = conv.constant(error);
            return c ? c->text : std::string();
        }
        auto col = [&](RowRef ref) { return *columns_.at(ref.table).field[fi]; };
        auto fcol = [&](RowRef ref) { return columns_.at(ref.table).filter[fi]; };
        auto convert_at = [&](RowRef ref) -> std::optional<Converted> {
            auto c = conv.convert(tables_[ref.table].cell(ref.row, col(ref)), error);
            if (!c && !error.empty()) warn(ref, f, error);
            return c;
        };
        switch (a.aggregate) {
            case Aggregate::last:
                for (auto it = g.rows.rbegin(); it != g.rows.rend(); ++it)
                    if (passes(a, fcol(*it), *it) && !conv.is_missing(tables_[it->table].cell(it->row, col(*it)))) {
                        auto c = convert_at(*it);
                        return c ? c->text : std::string();
                    }
                return {};
            case Aggregate::first:
                for (const auto& ref : g.rows)
                    if (passes(a, fcol(ref), ref) && !conv.is_missing(tables_[ref.table].cell(ref.row, col(ref)))) {
                        auto c = convert_at(ref);
                        return c ? c->text : std::string();
                    }
                return {};
            case Aggregate::min:
            case Aggregate::max: {
                std::optional<Converted> best;
                for (const auto& ref : g.rows) {
                    if (!passes(a, fcol(ref), ref)) continue;
                    auto c = convert_at(ref);
                    if (c && (!best || (a.aggregate == Aggregate::max ? c->key > best->key : c->key < best->key))) best = c;
                }
                return best ? best->text : std::string();
            }
            case Aggregate::count: {
                std::size_t n = 0;
                for (const auto& ref : g.rows)
                    if (passes(a, fcol(ref), ref) && !conv.is_missing(tables_[ref.table].cell(ref.row, col(ref)))) ++n;
                return std::to_string(n);
            }
            case Aggregate::changes: {
                std::size_t n = 0;
                std::optional<std::string_view> prev;
                for (const auto& ref : g.rows) {
                    if (!passes(a, fcol(ref), ref)) continue;
                    auto v = trim(tables_[ref.table].cell(ref.row, col(ref)));
                    if (conv.is_missing(v)) continue;
                    if (prev && v != *prev && (!a.changes_from || *prev == *a.changes_from)) ++n;
                    prev = v;
                }
                return std::to_string(n);
            }
        }
        return {};
    }

    OutputTable& output(const RecordType* type) {
        for (auto& t : result_.tables)
            if (t.type == type) return t;
        OutputTable t;
        t.type = type;
        t.used.assign(type->fields.size(), false);
        t.used[0] = true;
        result_.tables.push_back(std::move(t));
        return result_.tables.back();
    }

    void collapse() {
        OutputTable* out = &output(rec_.type);
        for (const auto& f : rec_.fields) out->used[f.field->index] = true;
        out->rows.reserve(out->rows.size() + groups_.size());
        Progress progress(fmt::format("building {} records", rec_.type->name), groups_.size());
        std::size_t built = 0;
        for (const auto& g : groups_) {
            progress.update(built++);
            std::vector<std::string> row(rec_.type->fields.size());
            row[0] = g.key;
            for (std::size_t fi = 0; fi < rec_.fields.size(); ++fi) row[rec_.fields[fi].field->index] = value(fi, g);
            out->rows.push_back(std::move(row));
        }
        if (map_.history) history();
    }

    void history() {
        const RecordType& sc = *rec_.state_change;
        OutputTable& out = output(&sc);
        auto idx = [&](const char* name) -> std::optional<std::size_t> {
            const FieldDecl* f = sc.field(name);
            if (!f) return std::nullopt;
            out.used[f->index] = true;
            return f->index;
        };
        auto f_type = idx("record_type"), f_rec = idx("record_id"), f_at = idx("at"), f_field = idx("field"), f_from = idx("from"),
             f_to = idx("to"), f_by = idx("by");
        const auto& h = *map_.history;
        TimeParser at_parser(h.at_conversion ? h.at_conversion->format : std::string(), timezone_);
        auto set = [](std::vector<std::string>& row, std::optional<std::size_t> i, std::string v) {
            if (i) row[*i] = std::move(v);
        };
        for (const auto& g : groups_) {
            std::size_t n = 0;
            std::vector<std::optional<std::string_view>> prev(h.tracked.size());
            for (const auto& ref : g.rows) {
                const RawTable& t = tables_[ref.table];
                const Columns& c = columns_.at(ref.table);
                std::string at_text;
                for (std::size_t k = 0; k < h.tracked.size(); ++k) {
                    auto v = trim(t.cell(ref.row, *c.tracked[k]));
                    if (missing(v) || (prev[k] && *prev[k] == v)) continue;
                    if (at_text.empty()) {
                        auto raw = trim(t.cell(ref.row, *c.at));
                        if (auto ms = missing(raw) ? std::nullopt : at_parser.parse(raw)) at_text = format_datetime(*ms);
                        else result_.files[report_of_[ref.table]].warnings.push_back(
                                 {t.lines[ref.row], "StateChange.at", fmt::format("{} in column \"{}\" is not a time", quote_value(raw), h.at_column)});
                    }
                    std::vector<std::string> row(sc.fields.size());
                    row[0] = fmt::format("{}/{}", g.key, ++n);
                    set(row, f_type, rec_.type->name);
                    set(row, f_rec, g.key);
                    set(row, f_at, at_text);
                    set(row, f_field, h.tracked[k].field);
                    set(row, f_from, prev[k] ? std::string(*prev[k]) : std::string());
                    set(row, f_to, std::string(v));
                    if (c.by) {
                        auto by = trim(t.cell(ref.row, *c.by));
                        set(row, f_by, missing(by) ? std::string() : std::string(by));
                    }
                    out.rows.push_back(std::move(row));
                    prev[k] = v;
                }
            }
        }
    }

    const mapping::ResolvedRecord& rec_;
    const mapping::RecordMap& map_;
    const mapping::Mapping& mapping_;
    const std::vector<RawTable>& tables_;
    std::string timezone_;
    ImportResult& result_;
    Diagnostics& diags_;
    std::map<std::size_t, Columns> columns_;
    std::map<std::size_t, std::size_t> report_of_;
    std::vector<Group> groups_;
    std::vector<std::unique_ptr<ValueConverter>> converters_;
    std::vector<std::vector<bool>>& claimed_;   // [table][row]: some record's `where` selected the row
};

// Rows that every record's `where` left to another record: rejected (in the file's first
// report, where they were counted as rows for other records).
void reject_unclaimed(const mapping::Mapping& m, const std::vector<RawTable>& tables, const std::vector<std::vector<bool>>& claimed,
                      ImportResult& result) {
    for (std::size_t id = 0; id < tables.size(); ++id) {
        FileReport* first = nullptr;
        for (auto& f : result.files)
            if (f.table == id && !first) first = &f;
        if (!first) continue;
        for (std::size_t r = 0; r < tables[id].rows(); ++r)
            if (!claimed[id][r]) {
                first->rejections.push_back({tables[id].lines[r], fmt::format("no record of mapping {} selects this row", m.name)});
                first->rows_other--;
                first->rows_rejected++;
            }
        std::stable_sort(first->rejections.begin(), first->rejections.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
    }
}

}  // namespace

ImportResult run_mapping(const mapping::CheckedMapping& checked, const std::vector<RawTable>& tables, const RunOptions& options,
                         Diagnostics& diagnostics) {
    const mapping::Mapping& m = *checked.mapping;
    ImportResult result;
    result.mapping = m.name;
    result.timezone = !options.timezone.empty() ? options.timezone : !m.timezone.empty() ? m.timezone : "UTC";
    for (const auto& t : tables) result.inputs.push_back(t.path);
    std::vector<bool> read(tables.size(), false);
    std::vector<std::vector<bool>> claimed;
    for (const auto& t : tables) claimed.emplace_back(t.rows(), false);
    for (const auto& rec : checked.records) {
        std::vector<std::size_t> ids;
        for (std::size_t i = 0; i < tables.size(); ++i)
            if (rec.map->from_glob.empty() || fnmatch(rec.map->from_glob.c_str(), tables[i].name.c_str(), 0) == 0) ids.push_back(i);
        for (auto id : RecordRun(rec, m, tables, result.timezone, result, diagnostics, claimed).run(ids)) read[id] = true;
        for (auto id : ids) read[id] = true;
    }
    for (std::size_t i = 0; i < tables.size(); ++i) {
        if (read[i]) continue;
        if (tables[i].name.find('#') != std::string::npos)   // a worksheet (instructions, lists …): said, not fatal
            diagnostics.warning({}, fmt::format("{}: no record of mapping {} reads this worksheet; its {} rows are not imported",
                                                tables[i].name, m.name, tables[i].rows_read()));
        else
            diagnostics.error({}, fmt::format("{}: no record of mapping {} reads this file (their 'from' patterns do not match it)",
                                              tables[i].path, m.name));
    }
    reject_unclaimed(m, tables, claimed, result);
    std::sort(result.tables.begin(), result.tables.end(), [](const auto& a, const auto& b) { return a.type->index < b.type->index; });
    return result;
}

}  // namespace shall::importer
