#include "build_schema.hpp"

#include <fmt/format.h>

namespace shall {
namespace {

const std::vector<std::string> scalar_kinds = {"text", "int", "decimal", "bool", "date", "datetime"};

std::optional<FieldKind> scalar_kind(std::string_view k) {
    if (k == "text") return FieldKind::text;
    if (k == "int") return FieldKind::int_;
    if (k == "decimal") return FieldKind::decimal;
    if (k == "bool") return FieldKind::bool_;
    if (k == "date") return FieldKind::date;
    if (k == "datetime") return FieldKind::datetime;
    return std::nullopt;
}

class SchemaBuilder {
public:
    SchemaBuilder(Schema& schema, Diagnostics& diags) : schema_(schema), diags_(diags) {}

    void build(const std::vector<const ast::File*>& files) {
        for (auto* f : files)
            for (const auto& e : f->enums)
                if (!e.extend) declare_enum(e);
        for (auto* f : files)
            for (const auto& t : f->types)
                if (!t.extend) declare_type(t);
        for (auto* f : files)
            for (const auto& t : f->types)
                if (t.extend) extend_type(t);
        for (auto* f : files)
            for (const auto& t : f->types) add_fields(t);
        for (auto* f : files)
            for (const auto& e : f->enums)
                if (e.extend) extend_enum(e);
    }

private:
    Schema& schema_;
    Diagnostics& diags_;
    std::map<const ast::TypeDecl*, RecordType*> target_of_;

    EnumDecl* named_enum(std::string_view name) {
        for (auto& e : schema_.enums)
            if (e->name == name) return e.get();
        return nullptr;
    }

    std::vector<std::string> named_enum_names() const {
        std::vector<std::string> out;
        for (auto& e : schema_.enums)
            if (e->name.find('.') == std::string::npos) out.push_back(e->name);
        return out;
    }

    void add_values(EnumDecl& e, const ast::EnumDeclAst& d) {
        for (std::size_t i = 0; i < d.values.size(); ++i) {
            if (e.index_of(d.values[i]))
                diags_.error(d.value_where[i], fmt::format("enum {} already has the value '{}'", e.name, d.values[i]));
            else
                e.values.push_back(d.values[i]);
        }
    }

    void declare_enum(const ast::EnumDeclAst& d) {
        if (auto* existing = named_enum(d.name)) {
            diags_.error(d.where, fmt::format("enum {} is declared twice", d.name),
                         existing->where.file ? fmt::format("first declared at {}:{}", existing->where.file->path, existing->where.line) : "");
            return;
        }
        auto e = std::make_unique<EnumDecl>();
        e->name = d.name;
        e->where = d.where;
        add_values(*e, d);
        schema_.enums.push_back(std::move(e));
    }

    void declare_type(const ast::TypeDecl& d) {
        if (auto* existing = schema_.type(d.name)) {
            diags_.error(d.where, fmt::format("type {} is declared twice", d.name),
                         fmt::format("first declared at {}:{}; use 'extend type {}' to add fields", existing->where.file->path,
                                     existing->where.line, d.name));
            return;
        }
        auto t = std::make_unique<RecordType>();
        t->name = d.name;
        t->doc = d.doc;
        t->mandatory = d.mandatory;
        t->where = d.where;
        t->index = schema_.types.size();
        FieldDecl id;
        id.name = "id";
        id.kind = FieldKind::text;
        id.where = d.where;
        id.doc = "unique within its type";
        t->fields.push_back(id);
        target_of_[&d] = t.get();
        schema_.types.push_back(std::move(t));
    }

    void extend_type(const ast::TypeDecl& d) {
        for (auto& t : schema_.types)
            if (t->name == d.name) { target_of_[&d] = t.get(); return; }
        diags_.error(d.where, fmt::format("cannot extend unknown type {}", d.name), did_you_mean(d.name, schema_.type_names()));
    }

    void add_fields(const ast::TypeDecl& d) {
        auto it = target_of_.find(&d);
        if (it == target_of_.end()) return;
        RecordType& t = *it->second;
        for (const auto& spec : d.fields) {
            if (spec.name == "id") {
                diags_.error(spec.where, fmt::format("{}.id is implicit: every record has an id", t.name));
                continue;
            }
            if (t.field(spec.name)) {
                diags_.error(spec.where, fmt::format("field {}.{} is declared twice", t.name, spec.name));
                continue;
            }
            FieldDecl f;
            f.name = spec.name;
            f.doc = spec.doc;
            f.where = spec.where;
            f.index = t.fields.size();
            if (!resolve_kind(t, spec, f)) continue;
            t.fields.push_back(std::move(f));
        }
    }

    const EnumDecl* enum_for(const RecordType& t, const ast::FieldSpec& spec) {
        if (!spec.inline_enum.empty()) {
            auto e = std::make_unique<EnumDecl>();
            e->name = t.name + "." + spec.name;
            e->where = spec.where;
            for (const auto& v : spec.inline_enum) {
                if (e->index_of(v)) diags_.error(spec.where, fmt::format("enum {} lists '{}' twice", e->name, v));
                else e->values.push_back(v);
            }
            schema_.enums.push_back(std::move(e));
            return schema_.enums.back().get();
        }
        if (auto* e = named_enum(spec.enum_name)) return e;
        diags_.error(spec.where, fmt::format("unknown enum {}", spec.enum_name), did_you_mean(spec.enum_name, named_enum_names()));
        return nullptr;
    }

    bool resolve_kind(const RecordType& t, const ast::FieldSpec& spec, FieldDecl& f) {
        if (spec.kind == "ref") {
            f.kind = FieldKind::ref;
            f.many = spec.many;
            f.target_name = spec.target;
            f.target = schema_.type(spec.target);
            if (!f.target) {
                diags_.error(spec.where, fmt::format("unknown record type {}", spec.target), did_you_mean(spec.target, schema_.type_names()));
                return false;
            }
            return true;
        }
        if (spec.kind == "enum") {
            f.kind = FieldKind::enum_;
            f.enumeration = enum_for(t, spec);
            return f.enumeration != nullptr;
        }
        if (spec.kind == "list") {
            f.kind = FieldKind::list;
            if (spec.item_kind == "enum") {
                f.item = FieldKind::enum_;
                f.enumeration = enum_for(t, spec);
                return f.enumeration != nullptr;
            }
            auto k = scalar_kind(spec.item_kind);
            if (!k || *k == FieldKind::bool_ || *k == FieldKind::datetime) {
                diags_.error(spec.where, fmt::format("'{}' cannot be a list item kind", spec.item_kind),
                             "list items are text, int, decimal, date or enum values");
                return false;
            }
            f.item = *k;
            return true;
        }
        auto k = scalar_kind(spec.kind);
        if (!k) {
            std::vector<std::string> all = scalar_kinds;
            all.push_back("enum");
            all.push_back("list");
            diags_.error(spec.where, fmt::format("unknown field kind '{}'", spec.kind), did_you_mean(spec.kind, all));
            return false;
        }
        f.kind = *k;
        return true;
    }

    void extend_enum(const ast::EnumDeclAst& d) {
        EnumDecl* target = named_enum(d.name);
        if (!target) {
            auto dot = d.name.find('.');
            if (dot != std::string::npos) {
                auto* type = schema_.type(d.name.substr(0, dot));
                auto* field = type ? type->field(d.name.substr(dot + 1)) : nullptr;
                if (field && field->enumeration) target = const_cast<EnumDecl*>(field->enumeration);
            }
        }
        if (!target) {
            diags_.error(d.where, fmt::format("cannot extend unknown enum {}", d.name),
                         "name a declared enum, or Type.field for an inline one");
            return;
        }
        add_values(*target, d);
    }
};

}  // namespace

void build_schema(const std::vector<const ast::File*>& files, Schema& schema, Diagnostics& diagnostics) {
    SchemaBuilder(schema, diagnostics).build(files);
}

}  // namespace shall
