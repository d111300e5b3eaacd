#include "test_support.hpp"

#include <atomic>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace shall::test {

namespace {

struct SchemaBuilder {
    Schema schema;

    RecordType& type(const std::string& name) {
        auto t = std::make_unique<RecordType>();
        t->name = name;
        t->index = schema.types.size();
        schema.types.push_back(std::move(t));
        field(name, "id", FieldKind::text);
        return *schema.types.back();
    }
    FieldDecl& field(const std::string& type, const std::string& name, FieldKind kind) {
        RecordType& t = *const_cast<RecordType*>(schema.type(type));
        FieldDecl f;
        f.name = name;
        f.kind = kind;
        f.index = t.fields.size();
        t.fields.push_back(f);
        return t.fields.back();
    }
    const EnumDecl* enumeration(const std::string& name, std::vector<std::string> values) {
        auto e = std::make_unique<EnumDecl>();
        e->name = name;
        e->values = std::move(values);
        schema.enums.push_back(std::move(e));
        return schema.enums.back().get();
    }
    void ref(const std::string& type, const std::string& name, const std::string& target, bool many) {
        FieldDecl& f = field(type, name, FieldKind::ref);
        f.target_name = target;
        f.many = many;
    }
    // target pointers last: fields vectors no longer grow
    void resolve() {
        for (auto& t : schema.types)
            for (auto& f : t->fields)
                if (f.kind == FieldKind::ref) f.target = schema.type(f.target_name);
    }
};

Schema build() {
    SchemaBuilder b;
    b.type("Person");
    b.field("Person", "name", FieldKind::text);
    b.field("Person", "active", FieldKind::bool_);
    b.ref("Person", "roles", "Role", true);
    b.field("Person", "email", FieldKind::text);

    b.type("Role");
    b.field("Role", "kind", FieldKind::enum_).enumeration = b.enumeration("Role.kind", {"top_management", "process_owner", "other"});

    b.type("Problem");
    b.field("Problem", "title", FieldKind::text);
    b.field("Problem", "opened_on", FieldKind::date);

    b.type("Incident");
    b.field("Incident", "title", FieldKind::text);
    b.field("Incident", "opened_at", FieldKind::datetime);
    b.field("Incident", "priority", FieldKind::int_);
    b.field("Incident", "status", FieldKind::enum_).enumeration =
        b.enumeration("Incident.status", {"new", "in_progress", "resolved", "closed"});
    b.field("Incident", "major", FieldKind::bool_);
    b.field("Incident", "cost", FieldKind::decimal);
    b.ref("Incident", "problem", "Problem", false);
    b.ref("Incident", "assigned_to", "Person", false);
    b.field("Incident", "tags", FieldKind::list);
    {
        FieldDecl& f = b.field("Incident", "channels", FieldKind::list);
        f.item = FieldKind::enum_;
        f.enumeration = b.enumeration("Incident.channels", {"email", "phone", "portal"});
    }
    b.ref("Incident", "service", "Service", false);
    b.field("Incident", "resolved_on", FieldKind::date);

    b.type("Change");
    b.ref("Change", "approved_by", "Person", true);
    b.field("Change", "implemented_on", FieldKind::datetime);
    b.field("Change", "approved_on", FieldKind::date);

    b.type("Service");
    b.field("Service", "name", FieldKind::text);
    b.resolve();
    return std::move(b.schema);
}

}  // namespace

const Schema& test_schema() {
    static const Schema schema = build();
    return schema;
}

TempBundle::TempBundle() {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("shall-evidence-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
}

TempBundle::~TempBundle() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

void TempBundle::write(const std::string& name, const std::string& bytes) const {
    std::ofstream out(dir_ / name, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write test file " + name);
}

std::string data_dir(const std::string& name) { return std::string(SHALL_SOURCE_DIR) + "/tests/data/evidence/" + name; }

const TypeTable& table(const EvidenceStore& s, const std::string& type) {
    const RecordType* t = s.schema().type(type);
    if (!t) throw std::runtime_error("no type " + type);
    return s.tables[t->index];
}

static std::uint32_t global_of(const EvidenceStore& s, const std::string& type, const std::string& id) {
    const TypeTable& t = table(s, type);
    auto sid = s.strings.find(id);
    std::uint32_t row = sid == StringPool::npos ? IdIndex::npos : t.row_of_id.find(sid);
    if (row == IdIndex::npos) throw std::runtime_error("no " + type + " " + id);
    return t.first + row;
}

bool has_id(const EvidenceStore& s, const std::string& type, const std::string& id) {
    auto sid = s.strings.find(id);
    return sid != StringPool::npos && table(s, type).row_of_id.find(sid) != IdIndex::npos;
}

Value value_of(const EvidenceStore& s, const std::string& type, const std::string& id, const std::string& field) {
    const FieldDecl* f = s.schema().type(type)->field(field);
    if (!f) throw std::runtime_error("no field " + field);
    return s.value(global_of(s, type, id), f->index);
}

std::string cell(const EvidenceStore& s, const std::string& type, const std::string& id, const std::string& field) {
    const FieldDecl* f = s.schema().type(type)->field(field);
    return s.canonical(*f, value_of(s, type, id, field));
}

std::vector<EvidenceQuality> entries(const EvidenceStore& s, const std::string& code) {
    std::vector<EvidenceQuality> out;
    for (const auto& q : s.quality)
        if (q.code == code) out.push_back(q);
    return out;
}

std::vector<std::string> quality_lines(const EvidenceStore& s) {
    std::vector<std::string> out;
    for (const auto& q : s.quality) out.push_back(q.level + " " + q.code + " " + q.source + ": " + q.message);
    return out;
}

EvidenceStore load(const std::string& dir, std::optional<Days> as_of, unsigned threads, std::size_t piece_bytes) {
    LoadOptions o;
    o.as_of = as_of;
    o.threads = threads;
    o.piece_bytes = piece_bytes;
    return load_bundle(test_schema(), dir, o);
}

}  // namespace shall::test
