#include "references.hpp"

#include <fmt/format.h>
#include <functional>

#include "parallel.hpp"

namespace shall {

namespace {

bool is_reference(const FieldDecl& f) {
    return f.kind == FieldKind::ref || (f.kind == FieldKind::list && f.item == FieldKind::ref);
}

}  // namespace

const RecordType* target_of(const Schema& schema, const FieldDecl& f) {
    return f.target ? f.target : schema.type(f.target_name);
}

namespace {

// Resolves one reference field of one table; its problems go to `log`. Fields are resolved
// side by side: each writes only its own column and its own list items.
void resolve_field(EvidenceStore& store, TypeTable& table, const FieldDecl& f, const RecordType& target_type, IssueLog& log) {
    const TypeTable& target = store.tables[target_type.index];
    Column& column = table.columns[f.index];
    std::size_t unresolved = 0;
    auto resolve = [&](Value& v, std::uint32_t row) {
        if (v.tag != Tag::dangling_ref) return;
        if (target.presence != Presence::present) {
            ++unresolved;
            return;
        }
        if (std::uint32_t target_row = target.row_of_id.find(static_cast<std::uint32_t>(v.i)); target_row != IdIndex::npos) {
            v = Value::make_int(Tag::ref, target.first + target_row);
        } else {
            log.error(table.line[row], "dangling-reference",
                      fmt::format("{} {} does not exist", f.name, store.strings.view(static_cast<std::uint32_t>(v.i))));
        }
    };
    for (std::uint32_t row = 0; row < column.size(); ++row) {
        Value v = column[row];
        if (v.tag == Tag::list) {
            for (std::uint32_t k = 0; k < v.count; ++k) resolve(store.list_items[static_cast<std::size_t>(v.i) + k], row);
        } else if (v.tag == Tag::dangling_ref) {
            resolve(v, row);
            column.set(row, v);
        }
    }
    if (unresolved > 0)
        log.warning(0, "absent-reference-target",
                    fmt::format("{} refers to {} records, but {} is absent from the bundle: its {} reference{} cannot be checked",
                                f.name, target_type.name, target_type.name, unresolved, unresolved == 1 ? "" : "s"));
}

}  // namespace

void resolve_references(EvidenceStore& store, std::vector<Issue>& issues, unsigned threads) {
    const Schema& schema = store.schema();
    std::vector<IssueLog> logs;   // one per field, in table and field order
    std::vector<std::function<void()>> tasks;
    for (TypeTable& table : store.tables) {
        if (table.presence != Presence::present) continue;
        for (const FieldDecl& f : table.type->fields) {
            const RecordType* target_type = target_of(schema, f);
            if (!is_reference(f) || !target_type) continue;
            logs.emplace_back(table.file);
            tasks.push_back([&store, &table, &f, target_type, &logs, n = logs.size() - 1] {
                resolve_field(store, table, f, *target_type, logs[n]);
            });
        }
    }
    run_tasks(tasks, threads);
    for (IssueLog& log : logs)
        for (Issue& i : log.issues) issues.push_back(std::move(i));
}

}  // namespace shall
